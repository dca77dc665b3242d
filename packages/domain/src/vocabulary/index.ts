// advisors (招商顾问, R21 · 002 §八)
import { advisorEvents } from '../advisor/advisor.events';
import {
  advisorCategoryLabels,
  advisorStatusLabels,
  appointmentEndLabels,
} from '../advisor/advisor.vocabulary';
import { bulletinEvents } from '../bulletin/bulletin.events';
import { enterpriseRequestEvents } from '../enterprise-request/enterprise-request.events';
import {
  requestCategoryLabels,
  requestChannelLabels,
  requestKindLabels,
  requestStatusLabels,
} from '../enterprise-request/enterprise-request.vocabulary';
import { plotEvents } from '../land/plot.events';
import {
  flagBasisLabels,
  landUseLabels,
  plotFlagLabels,
  plotStatusLabels,
  revitalisationRouteLabels,
  supplyStatusLabels,
} from '../land/plot.vocabulary';
import { landQuotaEvents } from '../land-quota/land-quota.events';
import { quotaFigureLabels } from '../land-quota/land-quota.vocabulary';
// Leading-group meetings and their 交办 items (R20)
import { meetingEvents } from '../meeting/meeting.events';
import {
  meetingItemStatusLabels,
  meetingItemTimelinessLabels,
  meetingKindLabels,
} from '../meeting/meeting.vocabulary';
import { leaderActivityEvents } from '../leader-activity/leader-activity.events';
import { projectEvents } from '../project/project.events';
import {
  admissionBarLabels,
  approvalLevelLabels,
  catalogueClassLabels,
  channelLabels,
  constructionNatureLabels,
  correctableFactLabels,
  deadlineStatusLabels,
  departmentLabels,
  exitRuleLabels,
  fulfilmentFigureLabels,
  incentiveKindLabels,
  landSupplyLabels,
  leaderRoleLabels,
  legalReviewerLabels,
  milestoneKindLabels,
  negativeListStatusLabels,
  opinionLabels,
  procedureKindLabels,
  rejectionGroundLabels,
  reviewedTermLabels,
  signatoryLabels,
  stageLabels,
  terminationBasisLabels,
  verdictLabels,
  withdrawalReasonLabels,
} from '../project/project.vocabulary';
// The project's profile (R22)
import { projectCategoryLabels, unitKindLabels } from '../project/project.profile';
import type { Label } from '../shared/label';
import { evidenceKindLabels } from '../shared/shared.vocabulary';
import { targetPlanEvents } from '../target-plan/target-plan.events';
import { metricCatalogue } from '../target-plan/target-plan.metrics';
import { planScopeLabels, targetKindLabels } from '../target-plan/target-plan.vocabulary';
import { workingCalendarEvents } from '../working-calendar/working-calendar.events';
import {
  historyPhaseLabels,
  keyEventLabels,
  progressNodeLabels,
  supervisionItemKindLabels,
  trafficLightLabels,
} from './read-models.vocabulary';

/** Only the words of each entry (a catalogue entry may say more: codecs, units, seeds). */
const labelsOf = <K extends string>(entries: { readonly [P in K]: Label }): { readonly [P in K]: Label } =>
  Object.fromEntries(Object.entries<Label>(entries).map(([k, { zh, en }]) => [k, { zh, en }])) as {
    [P in K]: Label;
  };

/**
 * Every business term a person reads, with its one label in Chinese and English. Each section is
 * typed `satisfies Labels<Kind>` where its kind is defined (project.vocabulary.ts,
 * target-plan.vocabulary.ts, read-models.vocabulary.ts …), so a kind without a label fails to
 * compile; projections, reports, the dashboard (GET /dashboard/config.json) and error messages
 * take their words from here instead of writing them again. docs/domain.md's glossary is
 * generated from it.
 */
export const vocabulary = {
  /** What each event says happened (the event catalogues of every aggregate). */
  eventTypes: labelsOf({
    ...projectEvents,
    ...targetPlanEvents,
    ...leaderActivityEvents,
    ...bulletinEvents,
    ...workingCalendarEvents,
    ...enterpriseRequestEvents,
    // land (R19)
    ...plotEvents,
    ...landQuotaEvents,
    // Leading-group meetings (R20)
    ...meetingEvents,
    // advisors (招商顾问, R21 · 002 §八)
    ...advisorEvents,
  }),
  /** Short names of the events that mark a project's way (timelines). */
  keyEvents: keyEventLabels,
  /** The phases a timeline groups a project's events in. */
  historyPhases: historyPhaseLabels,
  stages: stageLabels,
  milestoneKinds: milestoneKindLabels,
  /** The exit rule's words around the policy's term (`milestoneLabel`): 三个月 + 不开工. */
  exitRule: exitRuleLabels,
  progressNodes: progressNodeLabels,
  supervisionItemKinds: supervisionItemKindLabels,
  trafficLights: trafficLightLabels,
  metrics: labelsOf(metricCatalogue),
  targetKinds: targetKindLabels,
  planScopes: planScopeLabels,
  procedures: procedureKindLabels,
  approvalLevels: approvalLevelLabels,
  deadlineStatuses: deadlineStatusLabels,
  channels: channelLabels,
  departments: departmentLabels,
  opinions: opinionLabels,
  catalogueClasses: catalogueClassLabels,
  negativeListStatuses: negativeListStatusLabels,
  rejectionGrounds: rejectionGroundLabels,
  admissionBars: admissionBarLabels,
  constructionNatures: constructionNatureLabels,
  reviewedTerms: reviewedTermLabels,
  leaderRoles: leaderRoleLabels,
  signatories: signatoryLabels,
  legalReviewers: legalReviewerLabels,
  landSupplies: landSupplyLabels,
  incentiveKinds: incentiveKindLabels,
  verdicts: verdictLabels,
  fulfilmentFigures: fulfilmentFigureLabels,
  terminationBases: terminationBasisLabels,
  correctableFacts: correctableFactLabels,
  withdrawalReasons: withdrawalReasonLabels,
  evidenceKinds: evidenceKindLabels,
  /** Enterprise requests and complaints (R17: 001 §二, 004 §(十二)). */
  requestKinds: requestKindLabels,
  requestChannels: requestChannelLabels,
  requestCategories: requestCategoryLabels,
  requestStatuses: requestStatusLabels,
  /** Land plots and the land-quota ledger (R19: 000 §四.5, 001 §(二)/(四), 003). */
  landUses: landUseLabels,
  supplyStatuses: supplyStatusLabels,
  plotStatuses: plotStatusLabels,
  plotFlags: plotFlagLabels,
  flagBases: flagBasisLabels,
  revitalisationRoutes: revitalisationRouteLabels,
  quotaFigures: quotaFigureLabels,
  /** Leading-group meetings and their 交办 items (R20: 000 §五.1, 001 §(三)3, 002 §一, 004 §(十七), 003). */
  meetingKinds: meetingKindLabels,
  meetingItemStatuses: meetingItemStatusLabels,
  meetingItemTimeliness: meetingItemTimelinessLabels,
  /** Advisors (招商顾问, R21: 002 §八). */
  advisorCategories: advisorCategoryLabels,
  appointmentEnds: appointmentEndLabels,
  advisorStatuses: advisorStatusLabels,
  /** The project's profile (R22, DOMAIN.md §6 register columns): 项目类别; 用地类型 and 供地进度 are `landUses` and `supplyStatuses`. */
  projectCategories: projectCategoryLabels,
  /** What a unit is (园区/开发区, 镇街, 部门; the district is the total). */
  unitKinds: unitKindLabels,
} as const;

/** The vocabulary's shape: its sections and, in each, a label per kind. */
export type Vocabulary = typeof vocabulary;
/** A section of the vocabulary (`stages`, `milestoneKinds` …). */
export type VocabularySection = keyof Vocabulary;

export type { Label, Labels } from '../shared/label';
export { termLabel, zhOf } from '../shared/label';
export { milestoneLabel } from '../project/project.vocabulary';
export type { ExitRuleKind } from '../project/project.vocabulary';
export type { TrafficLight, ProgressNode, SupervisionItemKind, HistoryPhase } from './read-models.vocabulary';
