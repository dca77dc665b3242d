/**
 * The investment-project decider: `decide` dispatches each command to its own function (one per
 * command, grouped by phase in project.{admission,agreement,delivery,fulfilment}.decide.ts), and
 * every rule those functions apply is a named check in project.rules.ts (docs/domain.md's rule
 * map points at them).
 */
import * as E from 'fp-ts/Either';
import type { Decider } from '../shared/decider';
import { assertNever } from '../shared/exhaustive';
import { officialCalendar } from '../shared/working-days';
import {
  decideApproveAdmission,
  decideAssignLeader,
  decideCaptureLead,
  decideCompleteDueDiligence,
  decideDiscardLead,
  decideHoldNegotiation,
  decideOpenConsultation,
  decidePlanProject,
  decideQualifyLead,
  decideRecordDepartmentOpinion,
  decideRecordLegalReview,
  decideRecordSiteVisit,
  decideRejectAdmission,
} from './project.admission.decide';
import {
  decideAmendAgreement,
  decideCompleteProcedure,
  decideRecordMissedMilestones,
  decideRequestProcedure,
  decideSignAgreement,
} from './project.agreement.decide';
import { projectCommandDates, type ProjectCommand, type ProjectCommandOf } from './project.commands';
import {
  decideCompleteConstruction,
  decideCorrectFact,
  decideEnterStatistics,
  decideRecordForeignCapitalReceipt,
  decideRecordOutOfProvinceFundsReceipt,
  decideReachCapacity,
  decideReportInvestmentProgress,
  decideReportPerformance,
  decideStartConstruction,
  decideStartProduction,
} from './project.delivery.decide';
import { emit, nothing, ProjectDeciderDeps, Result, withoutType } from './project.decision';
import type { ProjectEvent } from './project.events';
import { evolveProject } from './project.evolve';
import { foldProject } from './project.fold';
import {
  decideAbandonProject,
  decideClawBackSubsidy,
  decideCompleteRectification,
  decideDisburseIncentive,
  decideEvaluateFulfilment,
  decideOrderRectification,
  decideReclaimLand,
  decideStartSecondaryPromotion,
  decideTerminateProject,
} from './project.fulfilment.decide';
import { withdrawnMisses } from './project.milestones';
import { decideRecordProjectProfile } from './project.profile.decide';
import { defaultProjectPolicy } from './project.policy';
import { fail, ProjectError, requireNotBefore, requireOtherCanonical } from './project.rules';
import { initialProjectState, Project, ProjectState } from './project.state';

export type { ProjectDeciderDeps } from './project.decision';

/** R13 (一炮数响只计一次): a project is linked as the duplicate of one canonical project at a time. */
export const decideLinkDuplicate = (c: ProjectCommandOf<'LinkDuplicate'>, p: Project): Result => {
  const other = requireOtherCanonical(p, c.canonicalProjectId);
  if (E.isLeft(other)) return other;
  if (p.duplicateOf !== undefined) {
    return p.duplicateOf === c.canonicalProjectId
      ? nothing
      : fail('ALREADY_LINKED_AS_DUPLICATE', { canonicalProjectId: p.duplicateOf });
  }
  return E.right([emit('DuplicateLinked', withoutType(c))]);
};

/** A repeat after the undo is harmless; undoing a link that is not the one in force is refused. */
export const decideUnlinkDuplicate = (c: ProjectCommandOf<'UnlinkDuplicate'>, p: Project): Result => {
  if (p.duplicateOf === undefined && p.unlinkedFrom === c.canonicalProjectId) return nothing;
  if (p.duplicateOf !== c.canonicalProjectId) {
    return fail('NOT_LINKED_AS_DUPLICATE', {
      canonicalProjectId: c.canonicalProjectId,
      current: p.duplicateOf ?? '—',
    });
  }
  return E.right([emit('DuplicateUnlinked', withoutType(c))]);
};

/** A command to a project that does not exist yet: only the two that create one. */
const decideCreation = (c: ProjectCommand, s: ProjectState): Result => {
  switch (c.type) {
    case 'CaptureLead':
      return decideCaptureLead(c, s);
    case 'PlanProject':
      return decidePlanProject(c, s);
    default:
      return fail('PROJECT_NOT_FOUND', { projectId: c.projectId });
  }
};

/** Each command of an existing project, to its own function. */
const decideOpen = (c: ProjectCommand, p: Project, deps: ProjectDeciderDeps): Result => {
  const { calendar, policy } = deps;
  switch (c.type) {
    case 'CaptureLead':
      return decideCaptureLead(c, p);
    case 'PlanProject':
      return decidePlanProject(c, p);
    case 'QualifyLead':
      return decideQualifyLead(c, p);
    case 'DiscardLead':
      return decideDiscardLead(c, p);
    case 'OpenConsultation':
      return decideOpenConsultation(c, p);
    case 'RecordDepartmentOpinion':
      return decideRecordDepartmentOpinion(c, p);
    case 'ApproveAdmission':
      return decideApproveAdmission(c, p);
    case 'RejectAdmission':
      return decideRejectAdmission(c, p);
    case 'CompleteDueDiligence':
      return decideCompleteDueDiligence(c, p);
    case 'AssignLeader':
      return decideAssignLeader(c, p);
    case 'RecordSiteVisit':
      return decideRecordSiteVisit(c);
    case 'HoldNegotiation':
      return decideHoldNegotiation(c, p);
    case 'RecordLegalReview':
      return decideRecordLegalReview(c, p);
    case 'SignAgreement':
      return decideSignAgreement(c, p, policy);
    case 'AmendAgreement':
      return decideAmendAgreement(c, p, policy);
    case 'RequestProcedure':
      return decideRequestProcedure(c, p, deps);
    case 'CompleteProcedure':
      return decideCompleteProcedure(c, p, calendar);
    case 'StartConstruction':
      return decideStartConstruction(c, p, policy);
    case 'ReportInvestmentProgress':
      return decideReportInvestmentProgress(c, p);
    case 'EnterStatistics':
      return decideEnterStatistics(c, p);
    case 'CompleteConstruction':
      return decideCompleteConstruction(c, p);
    case 'StartProduction':
      return decideStartProduction(c, p);
    case 'ReachCapacity':
      return decideReachCapacity(c, p);
    case 'ReportPerformance':
      return decideReportPerformance(c, p);
    case 'EvaluateFulfilment':
      return decideEvaluateFulfilment(c, p, policy);
    case 'DisburseIncentive':
      return decideDisburseIncentive(c, p);
    case 'StartSecondaryPromotion':
      return decideStartSecondaryPromotion(c, p);
    case 'OrderRectification':
      return decideOrderRectification(c, p);
    case 'CompleteRectification':
      return decideCompleteRectification(c, p);
    case 'ClawBackSubsidy':
      return decideClawBackSubsidy(c, p);
    case 'ReclaimLand':
      return decideReclaimLand(c, p);
    case 'TerminateProject':
      return decideTerminateProject(c, p, policy);
    case 'AbandonProject':
      return decideAbandonProject(c, p);
    case 'RecordMissedMilestones':
      return decideRecordMissedMilestones(c, p, deps);
    case 'LinkDuplicate':
      return decideLinkDuplicate(c, p);
    case 'CorrectFact':
      return decideCorrectFact(c, p, policy);
    case 'UnlinkDuplicate':
      return decideUnlinkDuplicate(c, p);
    case 'RecordForeignCapitalReceipt':
      return decideRecordForeignCapitalReceipt(c, p);
    case 'RecordOutOfProvinceFundsReceipt':
      return decideRecordOutOfProvinceFundsReceipt(c, p);
    case 'RecordProjectProfile':
      return decideRecordProjectProfile(c, p);
    default:
      return assertNever(c);
  }
};

/** Commands that a closed project still answers: repeats of what closed it, and what follows a termination. */
const decideClosed = (c: ProjectCommand, p: Project, deps: ProjectDeciderDeps): Result | undefined => {
  switch (c.type) {
    case 'DiscardLead':
      return p.stage === 'discarded' ? nothing : undefined;
    case 'RejectAdmission':
      return p.stage === 'rejected' ? nothing : undefined;
    case 'AbandonProject':
      return p.stage === 'abandoned' ? nothing : undefined;
    case 'TerminateProject':
      return p.stage === 'terminated' ? nothing : undefined;
    case 'RecordMissedMilestones':
      return nothing;
    case 'LinkDuplicate':
    case 'UnlinkDuplicate':
      return decideOpen(c, p, deps);
    case 'ClawBackSubsidy':
    case 'ReclaimLand':
    case 'CorrectFact': // the history of a cleared project can still be put right (DOMAIN.md §5)
      return p.stage === 'terminated' ? decideOpen(c, p, deps) : undefined;
    default:
      return undefined;
  }
};

/**
 * DOMAIN.md §5: "A fact that predates the deadline but is entered late withdraws the miss with a
 * reason, and counts as late entry." The decision that records the fact also withdraws every
 * standing miss the fact shows was met in time (R8 · 001 §(四), R7 · 001 §(三)2).
 */
const withLateEntries = (c: ProjectCommand, p: Project, result: Result, deps: ProjectDeciderDeps): Result => {
  if (E.isLeft(result) || result.right.length === 0) return result;
  if (c.type === 'RecordMissedMilestones' || c.type === 'CorrectFact') return result;
  if (Object.keys(p.missedMilestones).length === 0) return result;
  const next = foldProject(result.right, p);
  if (next.status === 'none') return result;
  const withdrawn = withdrawnMisses(p, next, 'late-entry', deps.policy);
  return withdrawn.length === 0
    ? result
    : E.right([...result.right, ...withdrawn.map((w): ProjectEvent => emit('MilestoneWithdrawn', w))]);
};

/** Builds the investment-project decider with a calendar and policy (defaults: official calendar, the seeds' figures). */
export const makeProjectDecider = (
  given: Partial<ProjectDeciderDeps> = {},
): Decider<ProjectCommand, ProjectEvent, ProjectState, ProjectError> => {
  const deps: ProjectDeciderDeps = {
    calendar: given.calendar ?? officialCalendar,
    policy: given.policy ?? defaultProjectPolicy,
  };
  const decide = (c: ProjectCommand, s: ProjectState): Result => {
    if (s.status === 'none') return decideCreation(c, s);
    if (s.status === 'closed')
      return decideClosed(c, s, deps) ?? fail('PROJECT_CLOSED', { projectId: s.projectId, stage: s.stage });
    if (c.type !== 'CaptureLead' && c.type !== 'PlanProject') {
      const order = requireNotBefore(projectCommandDates(c)[0].date, s.capturedOn);
      if (E.isLeft(order)) return order;
    }
    return withLateEntries(c, s, decideOpen(c, s, deps), deps);
  };
  return {
    initialState: initialProjectState,
    evolve: evolveProject,
    decide,
    isTerminal: (s) => s.status === 'closed',
    foldEvents: foldProject,
  };
};

/** The investment-project decider with the official calendar and the seeds' figures. */
export const projectDecider = makeProjectDecider();
