/**
 * Builds docs/domain.md from the domain's own codecs and catalogues, and the rule → test map from
 * the test names, so the document cannot drift: a test fails when the file differs from this output.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as t from 'io-ts';
import {
  domainErrors,
  eventCatalogue,
  fulfilmentFindings,
  metricCatalogue,
  projectCommands,
  vocabulary,
  workingCalendarCommands,
} from '../packages/domain/src/index';
import type { ErrorMessage } from '../packages/domain/src/index';
import type * as bulletinDecide from '../packages/domain/src/bulletin/bulletin.decide';
import type * as leaderActivityDecide from '../packages/domain/src/leader-activity/leader-activity.decide';
import type * as enterpriseRequestDecide from '../packages/domain/src/enterprise-request/enterprise-request.decide';
// land plots and the land-quota ledger (R19)
import type * as plotDecide from '../packages/domain/src/land/plot.decide';
import type * as landClearance from '../packages/domain/src/land/land.clearance';
import type * as landQuotaDecide from '../packages/domain/src/land-quota/land-quota.decide';
import type * as landQuotaKeyProject from '../packages/domain/src/land-quota/land-quota.key-project';
// Leading-group meetings and their 交办 items (R20)
import type * as meetingDecide from '../packages/domain/src/meeting/meeting.decide';
// advisors (招商顾问, R21 · 002 §八)
import type * as advisorDecide from '../packages/domain/src/advisor/advisor.decide';
import type * as leaderActivityMinimums from '../packages/domain/src/leader-activity/leader-activity.minimums';
import type * as projectAdmission from '../packages/domain/src/project/project.admission.decide';
import type * as projectAgreement from '../packages/domain/src/project/project.agreement.decide';
import type * as projectDecide from '../packages/domain/src/project/project.decide';
import type * as projectDelivery from '../packages/domain/src/project/project.delivery.decide';
import type * as projectDuplicates from '../packages/domain/src/project/project.duplicates';
import type * as projectEvents from '../packages/domain/src/project/project.events';
import type * as projectFulfilmentDecide from '../packages/domain/src/project/project.fulfilment.decide';
import type * as projectFulfilment from '../packages/domain/src/project/project.fulfilment';
import type * as projectMilestones from '../packages/domain/src/project/project.milestones';
import type * as projectVisits from '../packages/domain/src/project/project.visits';
import type * as projectRules from '../packages/domain/src/project/project.rules';
// The project's profile (R22)
import type * as projectProfileDecide from '../packages/domain/src/project/project.profile.decide';
import type * as projectState from '../packages/domain/src/project/project.state';
import type * as projectVocabulary from '../packages/domain/src/project/project.vocabulary';
import type * as workingDays from '../packages/domain/src/shared/working-days';
import type * as targetPlanDecide from '../packages/domain/src/target-plan/target-plan.decide';
import type * as targetPlanDefaults from '../packages/domain/src/target-plan/target-plan.defaults';
import type * as targetPlanMetrics from '../packages/domain/src/target-plan/target-plan.metrics';
import type * as workingCalendarDecide from '../packages/domain/src/working-calendar/working-calendar.decide';
import type * as projectFacts from '../packages/projections/src/counting/project-facts';
import type * as performanceReview from '../packages/projections/src/performance-review/performance-review.compute';

const ROOT = join(__dirname, '..');

/** Field list of an io-ts object codec: `name: Type`, optional fields marked with `?`. */
export const fieldsOf = (codec: t.Mixed, optional = false): string[] => {
  const c = codec as t.Mixed & { _tag?: string; props?: t.Props; types?: t.Mixed[]; type?: t.Mixed };
  switch (c._tag) {
    case 'ReadonlyType':
    case 'ExactType':
      return fieldsOf(c.type!, optional);
    case 'InterfaceType':
      return Object.entries(c.props!).map(([k, v]) => `${k}${optional ? '?' : ''}: ${typeName(v)}`);
    case 'PartialType':
      return Object.entries(c.props!).map(([k, v]) => `${k}?: ${typeName(v)}`);
    case 'IntersectionType':
      return c.types!.flatMap((x, i) =>
        fieldsOf(x, optional || (i > 0 && (x as { _tag?: string })._tag === 'PartialType')),
      );
    default:
      return [];
  }
};

const typeName = (codec: t.Mixed): string => {
  const c = codec as t.Mixed & { _tag?: string; type?: t.Mixed; keys?: Record<string, unknown> };
  if (c._tag === 'KeyofType' && c.keys !== undefined && !/^[A-Z]/.test(c.name))
    return Object.keys(c.keys)
      .map((k) => `'${k}'`)
      .join(' \\| ');
  if (c._tag === 'ReadonlyArrayType' || c._tag === 'ArrayType') return `${typeName(c.type!)}[]`;
  return c.name.replace(/\|/g, '\\|').replace(/^Readonly<(.*)>$/, '$1');
};

const specFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f === 'dist') return [];
    return statSync(p).isDirectory() ? specFiles(p) : f.endsWith('.spec.ts') ? [p] : [];
  });

/** Every test whose name cites a rule ("… (R7)"), by rule. */
export const testsByRule = (): Map<string, Array<{ file: string; name: string }>> => {
  const byRule = new Map<string, Array<{ file: string; name: string }>>();
  const files = specFiles(join(ROOT, 'packages')).sort();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:it|test)\(\s*(['"`])(.*?)\1/g)) {
      const name = m[2]!;
      for (const r of name.matchAll(/\bR(\d{1,2})\b/g)) {
        const rule = `R${r[1]}`;
        const list = byRule.get(rule) ?? [];
        list.push({ file: relative(ROOT, file), name });
        byRule.set(rule, list);
      }
    }
  }
  return byRule;
};

/**
 * The modules whose exports may enforce a rule: the rule map below names exports of these, so a
 * renamed or removed function fails to compile here, and `ruleMap` finds the file that declares
 * each one by reading the sources (no path is written by hand).
 */
type Enforcer =
  | keyof typeof projectRules
  | keyof typeof projectDecide
  | keyof typeof projectAdmission
  | keyof typeof projectAgreement
  | keyof typeof projectDelivery
  | keyof typeof projectFulfilmentDecide
  | keyof typeof projectFulfilment
  | keyof typeof projectMilestones
  | keyof typeof projectDuplicates
  | keyof typeof projectState
  | keyof typeof projectVocabulary
  | keyof typeof projectEvents
  | keyof typeof workingDays
  | keyof typeof workingCalendarDecide
  | keyof typeof targetPlanDecide
  | keyof typeof targetPlanDefaults
  | keyof typeof targetPlanMetrics
  | keyof typeof leaderActivityDecide
  | keyof typeof leaderActivityMinimums
  | keyof typeof bulletinDecide
  | keyof typeof enterpriseRequestDecide
  // land (R19)
  | keyof typeof plotDecide
  | keyof typeof landClearance
  | keyof typeof landQuotaDecide
  | keyof typeof landQuotaKeyProject
  // Leading-group meetings (R20)
  | keyof typeof meetingDecide
  // advisors (招商顾问, R21 · 002 §八)
  | keyof typeof advisorDecide
  | keyof typeof projectFacts
  | keyof typeof performanceReview
  // Weekly 包保 visits (R18)
  | keyof typeof projectVisits
  // The project's profile (R22)
  | keyof typeof projectProfileDecide;

interface RuleEntry {
  readonly rule: string;
  readonly text: string;
  /** The functions (or codecs) that enforce the rule: checks first, then the deciders that apply them. */
  readonly enforcedBy: ReadonlyArray<Enforcer>;
}

const RULES: ReadonlyArray<RuleEntry> = [
  {
    rule: 'R1',
    text: '固定资产投资 ≥ 1000 万元的项目签约前须论证准入，补充协议跨过该线亦同 / admission review before signing (or amending across) 10 million CNY',
    enforcedBy: [
      'requireAdmission',
      'requireAmendmentAdmission',
      'requireReviewable',
      'requireReviewsBeforeAmendment',
      'decideSignAgreement',
      'decideAmendAgreement',
    ],
  },
  {
    rule: 'R2',
    text: '部门书面意见、领导小组决策（否决部门意见须说明理由），负面清单、淘汰类与限制类新建项目不得准入 / department opinions, leading group decides with stated reasons, negative list, eliminated class and new restricted projects barred',
    enforcedBy: [
      'requireAllOpinions',
      'requireAdmissible',
      'admissionBar',
      'requireOverrulingReason',
      'requireAdmissionOpen',
      'requireConsulted',
      'decideOpenConsultation',
      'decideRecordDepartmentOpinion',
      'decideApproveAdmission',
      'decideRejectAdmission',
    ],
  },
  {
    rule: 'R3',
    text: '单独供地项目签约前（或补充协议改为单独供地前）须尽职调查 / due diligence for stand-alone land supply',
    enforcedBy: ['requireDueDiligence', 'requireAmendmentDueDiligence', 'decideCompleteDueDiligence'],
  },
  {
    rule: 'R4',
    text: '以区政府名义签约须司法局审查，管委会签约须法务审查，报领导小组审议；补充协议变更审查所及条款亦同 / legal review by the right reviewer, also of supplementary agreements',
    enforcedBy: [
      'requireLegalReview',
      'requiredReviewer',
      'requireAmendmentLegalReview',
      'reviewedTermsChanged',
      'decideRecordLegalReview',
    ],
  },
  {
    rule: 'R5',
    text: '协议须约定投资强度、进度、贡献与扶持及约束条款 / complete agreement terms with clawback clauses',
    enforcedBy: ['requireCompleteTerms', 'requireCommitments', 'requireCeilingsCoverDisbursed'],
  },
  {
    rule: 'R6',
    text: '一个项目、一个包保领导、一个包保责任人；重点项目配项目经理、项目秘书 / responsible leaders',
    enforcedBy: [
      'requireResponsibleLeaders',
      'requiredRoles',
      'requireRoleFree',
      'decideAssignLeader',
      'decideStartConstruction',
    ],
  },
  {
    rule: 'R7',
    text: '属本区审批的事项 3 个工作日内办结，特殊情况 10 个工作日；上报审批的跟踪办结；法定节假日与调休，未采用的年度不推算 / district procedures: time limits in working days; higher-level ones followed up; a year without an adopted schedule is never guessed',
    enforcedBy: [
      'addWorkingDays',
      'workingDaysBetween',
      'procedureApproval',
      'withinTimeLimit',
      'computePendingDeadlines',
      'requireDistrictWithoutAuthority',
      'procedureDueOn',
      'decideRequestProcedure',
      'decideCompleteProcedure',
      'workingDayCalendarOf',
      'requireValidSchedule',
      'decideAdoptHolidaySchedule',
      'decideCorrectHolidaySchedule',
    ],
  },
  {
    rule: 'R8',
    text: '三个月不开工、两年不投产、三年不见效予以清理并收回土地 / exit rule',
    enforcedBy: [
      'detectMissedMilestones',
      'withdrawnMisses',
      'exitRuleApplies',
      'requireExitRule',
      'requireTerminationBasis',
      'requireReclaimableLand',
      'decideRecordMissedMilestones',
      'decideTerminateProject',
      'decideReclaimLand',
    ],
  },
  {
    rule: 'R9',
    text: '建设期满后约定与实际对比，不达标则督促、收租或返还扶持资金 / fulfilment review',
    enforcedBy: [
      'assessFulfilment',
      'evaluationAsOf',
      'requireConstructionPeriodOver',
      'requirePerformanceReported',
      'requireShortfall',
      'decideEvaluateFulfilment',
      'decideClawBackSubsidy',
    ],
  },
  {
    rule: 'R10',
    text: '严格履约兑现政策，未达经济指标二次招商，严重违约清退；以最近评估年度为准 / verdicts and their consequences; the latest evaluated year governs',
    enforcedBy: [
      'assessFulfilment',
      'requireCompliance',
      'requireUnderperformance',
      'requireSeriousBreach',
      'requireEvaluationYear',
      'governingVerdict',
      'requireIncentive',
      'requireWithinCeiling',
      'requireWithinOutstanding',
      'requireRectificationOrder',
      'decideDisburseIncentive',
      'decideStartSecondaryPromotion',
      'decideOrderRectification',
    ],
  },
  {
    rule: 'R11',
    text: '年度目标：线索、谋划、签约、开工、投产、固投、外资（实际到位）；各指标口径见指标目录 / annual targets per unit, each metric saying what it counts',
    enforcedBy: [
      'requireValidTargets',
      'decideSetAnnualTargets',
      'decideReviseAnnualTargets',
      'defaultTargetsR11',
      'zoneTargets003',
      'metricCatalogue',
      'decideRecordForeignCapitalReceipt',
      'decideRecordOutOfProvinceFundsReceipt',
      'ForeignCapitalReceived',
      'OutOfProvinceFundsReceived',
    ],
  },
  {
    rule: 'R12',
    text: '区级 2024 目标与签约开工率、开工纳统率 / district targets and the two rates',
    enforcedBy: ['districtTargets2024R12', 'rates'],
  },
  {
    rule: 'R13',
    text: '六个更加突出：有效线索、新签约、新开工、新纳统、实际投资、新竣工投产；避免包装项目（一炮数响只计一次） / the six counts, no padded projects',
    enforcedBy: [
      'unitFigures',
      'countsOnce',
      'countedMembers',
      'requireLinkableCanonical',
      'requireOtherCanonical',
      'decideLinkDuplicate',
      'decideUnlinkDuplicate',
    ],
  },
  {
    rule: 'R14',
    text: '每月通报、季度考评、年终考核，序时进度 / bulletins and assessment',
    enforcedBy: [
      'requireOpenPeriod',
      'requireCorrectsCurrentEdition',
      'decidePublishBulletin',
      'decideCorrectBulletin',
    ],
  },
  {
    rule: 'R15',
    text: '领导外出招商的最低次数与天数 / leaders’ trip minimums',
    enforcedBy: [
      'meetsTripMinimum',
      'tripMinimumsR15',
      'requireValidDates',
      'requireNoOverlap',
      'decideRecordOutboundTrip',
      'decideCorrectOutboundTrip',
    ],
  },
  {
    rule: 'R16',
    text: '招商渠道：产业链、以商招商、委托、基金、驻点、商协会、网络 / promotion channels',
    enforcedBy: ['Channel'],
  },
  {
    // Not in DOMAIN.md §2's table (R1–R16): DOMAIN.md §3 lists the aggregate; the rule is the seeds'.
    rule: 'R17',
    text: '企业诉求闭环：及时受理和办结投资企业投诉（001 §二）；事前收集梳理、事中研究交办、事后跟踪评价（004 §(十二)）；办理时限按法定工作日 / enterprise requests and complaints: received, handed out with a working-day limit, answered, evaluated by the enterprise, closed or reopened',
    enforcedBy: [
      'requireNotReceived',
      'requireReceived',
      'requireOpen',
      'requireUnassigned',
      'requireAssigned',
      'requireHandled',
      'requireSatisfied',
      'requireStepInOrder',
      'requestOverdueOn',
      'decideReceiveRequest',
      'decideAssignRequest',
      'decideHandleRequest',
      'decideEvaluateRequest',
      'decideCloseRequest',
      // enterprise requests: a limit pending on a year's holiday schedule, counted once it is adopted
      'decideComputeRequestDeadlines',
    ],
  },
  // Weekly 包保 visits (R18): not in DOMAIN.md §2's table; R6 names the duty, the rule is the seeds'.
  {
    rule: 'R18',
    text: '包保责任人每周不少于一次对包保单位进行走访调研（000 §五.2）；包保期自签约与明确包保责任人孰晚起，至达产或清退止；无工作日的周（如春节）不计，未采用节假日安排的年度不推算 / the responsible officer visits at least once every official week of the 包保 period; a week without a visit by them is raised once by the clock',
    enforcedBy: ['visitPeriodOf', 'missedVisitWeeks', 'weekHasWorkingDay', 'decideRecordSiteVisit'],
  },
  // ---- land plots and the land-quota ledger (issue #16 item 3) ----
  {
    // Not in DOMAIN.md §2's table: the seeds' land passages.
    rule: 'R19',
    text: '土地：地块储备→在用→低效/闲置（每半年土地清理，001 §(四)）→盘活（政府收储、股权转让、破产重组、合作招商，000 §四.5）或收回（圈而不建 坚决收回土地）→储备；亩均论英雄（003）；用地指标有限指标保重点、预留重大项目建设用地指标（001 §(二)） / land: plots from reserve to use, found idle or low-efficiency by the half-yearly clearance, revitalised by the four routes or reclaimed and returned to the reserve; the yearly land quota with its share reserved for key projects',
    enforcedBy: [
      'requireNotRegistered',
      'requireRegistered',
      'requireInReserve',
      'requireOccupied',
      'requireOccupant',
      'requireIdleOrLowEfficiency',
      'requireRouteOutcome',
      'requireWithinPlotArea',
      'requireReclaimed',
      'requirePlotStepInOrder',
      'clearanceFinding',
      'requireReserveWithinGrant',
      'requireGranted',
      'requireQuotaAvailable',
      'requireUnusedReservation',
      'isKeyProject',
      'requireKeyProjectClaim',
    ],
  },
  // Leading-group meetings and their 交办 items (R20)
  {
    // Not in DOMAIN.md §2's table: the seeds' meetings and 003's four mechanisms of follow-up.
    rule: 'R20',
    text: '领导小组会议与交办事项：每月定期召开工作例会、专题工作会议（000 §五.1）、每月专题调度会（002 §一、004 §(十七)）、联席会议（001 §(三)3）；工作交办机制、首问负责制、限时办结制、跟踪问效制（003） / leading-group meetings record decisions whose items are handed to a unit or department with a deadline, reported done with evidence by their owner, extended once with a reason, and verified by the office',
    enforcedBy: [
      'requireMeetingNotHeld',
      'requireMeetingHeld',
      'requireNewMeetingDecision',
      'requireNewMeetingItems',
      'requireDeadlineNotBeforeMeeting',
      'requireItemHandedOut',
      'requireItemOwner',
      'requireDoneEvidence',
      'requireItemNotDone',
      'requireItemNotVerified',
      'requireItemDone',
      'requireItemExtensible',
      'requireMeetingStepInOrder',
      'itemDeadline',
      'decideHoldMeeting',
      'decideRecordDecision',
      'decideReportItemDone',
      'decideExtendItem',
      'decideVerifyItem',
      // meetings: a 交办 deadline pending on a year's holiday schedule, counted once it is adopted
      'decideComputeMeetingItemDeadlines',
    ],
  },
  // advisors (招商顾问, R21 · 002 §八)
  {
    rule: 'R21',
    text: '招商顾问：聘请行业协会商会知名人士、国内外知名企业家、学术界知名专家学者；牵线搭桥；对成功引进投资企业和项目的招商顾问给予非公职人员一次性奖励（002 §八） / advisors: appointed, credited with introductions, a one-time reward for a signed project to non-civil-servants only, once',
    enforcedBy: [
      'requireNotAppointed',
      'requireValidTerm',
      'requireAppointed',
      'requireNotEnded',
      'requireServingOn',
      'requireNotCivilServant',
      'requireIntroduced',
      'requireNotRewarded',
      'requirePositiveReward',
      'requireInOrder',
      'requireAdvisorProject',
      'decideAppointAdvisor',
      'decideEndAdvisorAppointment',
      'decideCreditIntroduction',
      'decideRewardAdvisor',
    ],
  },
  // The project's profile: the register's columns no other fact gives (R22)
  {
    // Not in DOMAIN.md §2's table: §6 "Registers as offices keep them" (the project list and the procedures sheet).
    rule: 'R22',
    text: '项目档案：台账所列项目类别、园区、镇街（项目清单）与项目代码、备案证号、用地类型、供地进度（手续台账），项目代码须为投资项目在线审批监管平台格式（DOMAIN.md §6） / the register profile: category, park, town, platform project code (checked), filing number, land use, land supply',
    enforcedBy: ['requireProfileContent', 'requireProjectCode', 'decideRecordProjectProfile'],
  },
];

/** The source folders whose exports the rule map may name (tests and test helpers excluded). */
const ENFORCER_SOURCES = ['packages/domain/src', 'packages/projections/src'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'testing' ? [] : sourceFiles(p);
    return f.endsWith('.ts') && !f.endsWith('.spec.ts') ? [p] : [];
  });

/** Every exported declaration of the enforcer sources, by name: the files (repository-relative) that declare it. */
export const exportedDeclarations = (): Map<string, ReadonlyArray<string>> => {
  const found = new Map<string, string[]>();
  for (const file of ENFORCER_SOURCES.flatMap((d) => sourceFiles(join(ROOT, d))).sort()) {
    const path = relative(ROOT, file);
    for (const m of readFileSync(file, 'utf8').matchAll(
      /^export (?:const|function|type|interface|class) (\w+)\b/gm,
    )) {
      const files = found.get(m[1]!) ?? [];
      if (!files.includes(path)) files.push(path);
      found.set(m[1]!, files);
    }
  }
  return found;
};

/** One rule and the functions that enforce it, each with the file that declares it. */
export interface MappedRule {
  readonly rule: string;
  readonly text: string;
  readonly enforcedBy: ReadonlyArray<{ readonly name: string; readonly file: string }>;
}

/**
 * The rule map with file paths, found mechanically: each name of `RULES` must be exported by
 * exactly one source file (else this throws, and the docs test fails saying which).
 */
export const ruleMap = (): ReadonlyArray<MappedRule> => {
  const declared = exportedDeclarations();
  return RULES.map(({ rule, text, enforcedBy }) => ({
    rule,
    text,
    enforcedBy: enforcedBy.map((name) => {
      const files = declared.get(name) ?? [];
      if (files.length !== 1)
        throw new Error(
          `rule map: ${rule} names ${name}, exported by ${files.length === 0 ? 'no file' : files.join(' and ')}`,
        );
      return { name, file: files[0]! };
    }),
  }));
};

/** "Enforced by", grouped by file: each file a link (relative to docs/), then the names it declares. */
const enforcedByLine = (entry: MappedRule): string => {
  const byFile = new Map<string, string[]>();
  for (const { name, file } of entry.enforcedBy) byFile.set(file, [...(byFile.get(file) ?? []), name]);
  return [...byFile]
    .map(([file, names]) => `[\`${file}\`](../${file}): ${names.map((n) => `\`${n}\``).join(', ')}`)
    .join('; ');
};

const LIFECYCLE = `\`\`\`mermaid
stateDiagram-v2
    [*] --> lead: LeadCaptured
    [*] --> planned: ProjectPlanned (谋划)
    lead --> qualified: LeadQualified
    planned --> qualified: LeadQualified (with investor)
    lead --> discarded: LeadDiscarded
    planned --> discarded: LeadDiscarded
    qualified --> discarded: LeadDiscarded
    qualified --> under_review: ConsultationOpened
    under_review --> under_review: DepartmentOpinionRecorded
    under_review --> admitted: AdmissionApproved
    under_review --> rejected: AdmissionRejected
    qualified --> signed: AgreementSigned (< 1000万, R1)
    admitted --> signed: AgreementSigned (R3 R4 R5)
    signed --> signed: AgreementAmended / ProcedureRequested / ProcedureCompleted
    signed --> under_construction: ConstructionStarted (R6)
    under_construction --> under_construction: InvestmentProgressReported / EnteredStatistics
    under_construction --> completed: ConstructionCompleted
    completed --> in_production: ProductionStarted
    in_production --> at_capacity: CapacityReached
    in_production --> in_production: PerformanceReported / FulfilmentEvaluated / IncentiveDisbursed
    at_capacity --> at_capacity: PerformanceReported / FulfilmentEvaluated / IncentiveDisbursed
    signed --> terminated: ProjectTerminated (R8 exit rule, R10 breach)
    under_construction --> terminated: ProjectTerminated
    completed --> terminated: ProjectTerminated
    in_production --> terminated: ProjectTerminated
    terminated --> terminated: SubsidyClawedBack / LandReclaimed
    lead --> abandoned: ProjectAbandoned
    qualified --> abandoned: ProjectAbandoned
    under_review --> abandoned: ProjectAbandoned
    admitted --> abandoned: ProjectAbandoned
    discarded --> [*]
    rejected --> [*]
    abandoned --> [*]
    terminated --> [*]
\`\`\`

After signing, the deadline watcher raises **MilestoneMissed** (agreement schedule, the R8 exit rule,
procedures past their R7 limit, rectification deadlines) once per deadline. A fact dated on or before
a raised deadline but entered afterwards (补录) is recorded with **MilestoneWithdrawn**
(\`reason: 'late-entry'\`, \`withdrawnMisses\`): the miss no longer stands, and the review counts a late
entry instead (DOMAIN.md §5). Repeating \`StartConstruction\`, \`CompleteConstruction\`,
\`StartProduction\`, \`ReachCapacity\` or \`EnterStatistics\` with another date or 统计编码 is refused
(\`FACT_ALREADY_RECORDED\`); \`CorrectFact\` records **FactCorrected** with the previous and corrected
value and the reason, keeps the timeline's order, withdraws a miss it shows was met
(\`reason: 'correction'\`) and reinstates a withdrawn one it shows was not. Fulfilment evaluation
leads to **IncentiveDisbursed** (compliant), **SecondaryPromotionStarted** / **RectificationOrdered**
(underperforming) or **SubsidyClawedBack**, **ProjectTerminated** and **LandReclaimed** (serious breach).`;

const VERDICTS = `Each \`EvaluateFulfilment\` judges one year as of its last day (or the evaluation day, if earlier:
\`evaluationAsOf\`), once the construction period is over (R9: 000 §三.4), and records
**FulfilmentEvaluated** with ratios (actual ÷ committed, four decimals, \`null\` where not applicable),
per-mu figures in 万元/亩 (committed and actual: 亩均投资, 亩均税收, 亩均产值/效益) and findings that say why:

- **serious breach** only for what the seeds name (002 §七 严重违约; 001 §(四) 圈而不建、签而不建、建而不产):
  not started by the start deadline — 圈而不建 if the land was supplied (a completed \`land\` procedure),
  else 签而不建; started but not producing by the production deadline (建而不产); fixed-asset investment
  below the policy threshold (default half) of the agreement; or a breach the agreement defines, stated
  in the command (\`definedBreach\`: clause and description). A deadline is the agreed date or the exit
  rule's months after signing (R8: 三个月不开工、两年不投产), whichever comes first;
- **underperforming** when any applicable ratio is below the agreement: missed economic targets alone
  never make a serious breach (002 §七: 已完成投资但未能达到协议约定经济指标 → 二次招商; 001 §(四) 履约差 → 限期整改);
- **compliant** otherwise.

Output, tax and jobs are not applicable before production while the production deadline has not passed;
per-mu figures are not applicable without land; a ratio over nothing is not applicable, never 100 %.
The state keeps every year's evaluation (\`evaluations\`) and the evaluation of the latest evaluated
year (\`governingEvaluation\`): evaluating an earlier year afterwards is recorded but does not overturn it,
and the rules that depend on the verdict (payment, secondary promotion, clawback, termination for breach)
read the governing one.`;

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The whole of docs/domain.md. */
export const renderDomainDoc = (): string => {
  const out: string[] = [];
  out.push('# The domain: investment-attraction projects (招商引资项目)');
  out.push('');
  out.push(
    '<!-- Generated by `npm run docs:domain` from the codecs, the error catalogue and the test names. Do not edit by hand: a test fails when this file is stale. -->',
  );
  out.push('');
  out.push(
    'The package `@zhaoshang/domain` models each project as an event-sourced aggregate (a decider: `initialState`, `evolve`, `decide`), plus annual target plans, leader activity and published bulletins. It is pure: no I/O, no clock, no randomness — time and ids come in with the commands. See `packages/domain/README.md` for how to use it; the business and its sources are in `shared/DOMAIN.md` and the seeds.',
  );
  out.push('');
  out.push('## Conventions');
  out.push('');
  out.push(
    '- **Money** is exact: integers of 分 (CNY, `Cny`) or cents (USD, `Usd`); 1 万元 = 1,000,000 分, 1 亿元 = 10,000,000,000 分. Ratios are reported, never stored as money.',
  );
  out.push(
    '- **Business dates** (`BusinessDate`, `YYYY-MM-DD`) are dates in China (Asia/Shanghai) on which a fact happened; the time an event was recorded is metadata of the store.',
  );
  out.push(
    '- **Land** is in 亩 (`Mu`); **working days** follow the official calendar (holidays and adjusted workdays, 调休): the `chinese-days` package for 2004–2026, then each year an office adopts on the `working-calendar` stream (国务院办公厅关于20XX年部分节假日安排的通知, with its source). A count that reaches a year not covered is `pending-calendar`, never guessed (R7).',
    '- **Procedures** have an approval level: `district` (属本区审批, 3/10 working days) or `higher-level` (上报审批, 跟踪办结, no limit); a district deadline is `due` or `pending-calendar` (R7, 001 §(三)2).',
  );
  out.push(
    '- **Evidence** (`EvidenceRef`: SHA-256, name, kind) is carried by the events a document supports.',
  );
  out.push(
    '- **Errors** are values `{ code, params }` with a message in 中文 and English; codes are stable and never reused.',
  );
  out.push('');
  out.push('## Lifecycle of a project');
  out.push('');
  out.push(LIFECYCLE);
  out.push('');
  out.push('## Fulfilment verdicts (R9, R10)');
  out.push('');
  out.push(VERDICTS);
  out.push('');
  out.push('| finding | weighs as | 中文 | English |');
  out.push('|---|---|---|---|');
  for (const [code, f] of Object.entries(fulfilmentFindings)) {
    out.push(`| \`${code}\` | ${f.weight} | ${cell(f.zh)} | ${cell(f.en)} |`);
  }
  out.push('');
  out.push('## Rules and where they are enforced and tested');
  out.push('');
  const tests = testsByRule();
  for (const entry of ruleMap()) {
    const { rule, text } = entry;
    const codes = Object.entries(domainErrors as Record<string, ErrorMessage>)
      .filter(([, m]) => m.rule === rule)
      .map(([code]) => `\`${code}\``);
    out.push(`### ${rule} — ${text}`);
    out.push('');
    out.push(`- Enforced by: ${enforcedByLine(entry)}`);
    if (codes.length > 0) out.push(`- Error codes: ${codes.join(', ')}`);
    const list = tests.get(rule) ?? [];
    if (list.length === 0) out.push('- Tests: none yet');
    else {
      out.push(`- Tests (${list.length}):`);
      for (const x of list) out.push(`  - \`${x.file}\`: ${x.name}`);
    }
    out.push('');
  }
  out.push('## Metric catalogue (what each target counts)');
  out.push('');
  out.push(
    "A region's target plan (`AnnualTargetsSet`) lists the metrics it uses by key, each with its target and, for counts of agreements, a size threshold. Similar words count different things in different regions (R11): each metric says what it counts. Money metrics count money actually received, by the day it arrived, never the amount an agreement promises.",
  );
  out.push('');
  out.push('| key | kind | 指标 | metric | unit | 计数口径 | what it counts | seeds |');
  out.push('|---|---|---|---|---|---|---|---|');
  for (const [key, m] of Object.entries(metricCatalogue)) {
    out.push(
      `| \`${key}\` | ${m.kind} | ${cell(m.zh)} | ${cell(m.en)} | ${m.unitZh} | ${cell(m.countsZh)} | ${cell(m.countsEn)} | ${cell(m.seeds.join('；'))} |`,
    );
  }
  out.push('');
  out.push('## Glossary (the vocabulary)');
  out.push('');
  out.push(
    "Every business term a person reads has one label in Chinese and English, in `vocabulary` (`packages/domain/src/vocabulary/`); projections, reports, the dashboard and error messages take their words from it. Event types are described in the event catalogue below and metrics in the catalogue above. The exit rule's milestones (`exit-no-start`, …) carry no figure: a person reads them with the policy's term, e.g. 三个月不开工 for `exitRule.startMonths = 3` (`milestoneLabel`).",
  );
  out.push('');
  for (const [section, labels] of Object.entries(vocabulary)) {
    if (section === 'eventTypes' || section === 'metrics') continue;
    out.push(`### \`${section}\``);
    out.push('');
    out.push('| key | 中文 | English |');
    out.push('|---|---|---|');
    for (const [key, l] of Object.entries<{ readonly zh: string; readonly en: string }>(labels))
      out.push(`| \`${key}\` | ${cell(l.zh)} | ${cell(l.en)} |`);
    out.push('');
  }
  out.push('## Event catalogue');
  out.push('');
  out.push(
    'Each event is `{ type, data }`; the store keeps its schema version in the metadata and older versions are upcast on read (`makeEventReader`; examples: `LeadCaptured` v1 → v2, `FulfilmentEvaluated` v1 → v2).',
  );
  out.push('');
  let aggregate = '';
  for (const { aggregate: agg, definition } of eventCatalogue) {
    if (agg !== aggregate) {
      aggregate = agg;
      out.push(`### Aggregate \`${agg}\``);
      out.push('');
      out.push('| event | v | 中文 | English | rules | data fields |');
      out.push('|---|---|---|---|---|---|');
    }
    const fields = fieldsOf(definition.data)
      .map((f) => `\`${f}\``)
      .join(', ');
    out.push(
      `| **${definition.type}** | ${definition.version} | ${cell(definition.zh)} | ${cell(definition.en)} | ${definition.rules.join(' ')} | ${fields} |`,
    );
    const next = eventCatalogue[eventCatalogue.findIndex((e) => e.definition === definition) + 1];
    if (next === undefined || next.aggregate !== agg) out.push('');
  }
  const commandTable = (heading: string, codecs: Readonly<Record<string, t.Mixed>>) => {
    out.push(`## ${heading}`);
    out.push('');
    out.push('| command | fields |');
    out.push('|---|---|');
    for (const codec of Object.values(codecs)) {
      const fields = fieldsOf(codec)
        .filter((f) => !f.startsWith('type'))
        .map((f) => `\`${f}\``)
        .join(', ');
      out.push(`| **${codec.name}** | ${fields} |`);
    }
    out.push('');
  };
  commandTable('Project commands', projectCommands);
  commandTable('Working-calendar commands', workingCalendarCommands);
  out.push('## Error codes');
  out.push('');
  out.push('| code | rule | 中文 | English |');
  out.push('|---|---|---|---|');
  for (const [code, m] of Object.entries(domainErrors as Record<string, ErrorMessage>)) {
    out.push(`| \`${code}\` | ${m.rule ?? ''} | ${cell(m.zh)} | ${cell(m.en)} |`);
  }
  out.push('');
  return out.join('\n');
};
