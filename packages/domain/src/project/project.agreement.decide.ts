/**
 * Deciding the agreement (R1, R3–R5), its procedures (R7) and the deadline watcher's pass (R7/R8).
 * Each command has one function; its rules are the named checks of project.rules.ts.
 */
import * as E from 'fp-ts/Either';
import type { BusinessDate } from '../shared/dates';
import { count } from '../shared/money';
import { addWorkingDays, WorkingDayCalendar, workingDaysBetween } from '../shared/working-days';
import type { ProjectCommandOf } from './project.commands';
import { emit, nothing, ProjectDeciderDeps, Result, same, then, withoutType } from './project.decision';
import type { ProcedureApproval, ProjectEvent } from './project.events';
import { evolveProject } from './project.evolve';
import { detectMissedMilestones } from './project.milestones';
import type { ProjectPolicy } from './project.policy';
import {
  all,
  fail,
  requireAdmission,
  requireAmendmentAdmission,
  requireAmendmentDueDiligence,
  requireAmendmentLegalReview,
  requireCeilingsCoverDisbursed,
  requireCompleteTerms,
  requireDistrictWithoutAuthority,
  requireDueDiligence,
  requireLegalReview,
  requireNotBefore,
  requireReviewsBeforeAmendment,
  requireSameAgreement,
  requireSigned,
  requireStage,
} from './project.rules';
import { isProject, Project, ProcedureState, ProjectState } from './project.state';
import { missedVisitWeeks } from './project.visits';

export const decideSignAgreement = (
  c: ProjectCommandOf<'SignAgreement'>,
  p: Project,
  policy: ProjectPolicy,
): Result => {
  if (p.agreement !== undefined) return then(requireSameAgreement(p.agreement, c.agreementId), () => []);
  return then(
    all(
      () => requireAdmission(p, c.terms, policy),
      () => requireStage(p, ['qualified', 'admitted'], 'sign the agreement'),
      () => requireDueDiligence(p, c.terms),
      () => requireLegalReview(p, c.signatory),
      () => requireCompleteTerms(c.terms, c.on),
      () => requireNotBefore(c.on, p.admission?.on),
      () => requireNotBefore(c.on, p.legalReview?.on),
    ),
    () => [emit('AgreementSigned', withoutType(c))],
  );
};

export const decideAmendAgreement = (
  c: ProjectCommandOf<'AmendAgreement'>,
  p: Project,
  policy: ProjectPolicy,
): Result => {
  const a = p.agreement;
  if (a === undefined) return fail('AGREEMENT_NOT_SIGNED');
  const sameAgreement = requireSameAgreement(a, c.agreementId);
  if (E.isLeft(sameAgreement)) return sameAgreement;
  if (same(a.terms, c.terms)) return nothing;
  return then(
    all(
      () => requireCompleteTerms(c.terms, a.signedOn),
      () => requireCeilingsCoverDisbursed(p, c.terms),
      () => requireNotBefore(c.on, a.changedOn),
      () => requireAmendmentAdmission(p, a.terms, c.terms, policy),
      () => requireAmendmentDueDiligence(p, a.terms, c.terms),
      () => requireAmendmentLegalReview(p, c.terms, c.leadingGroupMinutesRef),
      () => requireReviewsBeforeAmendment(p, a, c.terms, c.on, policy),
    ),
    () => [emit('AgreementAmended', withoutType(c))],
  );
};

/** R7 (001 §(三)2): the district's own approvals get a working-day deadline; higher-level ones are followed up. */
export const procedureApproval = (
  c: ProjectCommandOf<'RequestProcedure'>,
  { calendar, policy }: ProjectDeciderDeps,
): ProcedureApproval => {
  if (c.approvalLevel === 'higher-level') {
    return { level: 'higher-level', ...(c.authority !== undefined ? { authority: c.authority } : {}) };
  }
  // 3 working days after a complete application, 10 in special cases; pending while the
  // count reaches a year whose official schedule is not adopted yet (never guessed).
  const limit = c.special ? policy.procedureTimeLimit.special : policy.procedureTimeLimit.normal;
  return {
    level: 'district',
    workingDays: count(limit),
    deadline: addWorkingDays(calendar, c.completeOn, limit),
  };
};

export const decideRequestProcedure = (
  c: ProjectCommandOf<'RequestProcedure'>,
  p: Project,
  deps: ProjectDeciderDeps,
): Result => {
  const existing = p.procedures[c.procedureId];
  const level = c.approvalLevel ?? 'district';
  if (existing !== undefined) {
    return existing.kind === c.kind &&
      existing.department === c.department &&
      existing.completeOn === c.completeOn &&
      existing.special === c.special &&
      existing.approval.level === level
      ? nothing
      : fail('PROCEDURE_ID_CONFLICT', { procedureId: c.procedureId });
  }
  return then(
    all(
      () => requireSigned(p),
      () => requireDistrictWithoutAuthority(level, c.authority, c.procedureId),
    ),
    () => [
      emit('ProcedureRequested', {
        projectId: c.projectId,
        procedureId: c.procedureId,
        kind: c.kind,
        department: c.department,
        completeOn: c.completeOn,
        special: c.special,
        ...(c.title !== undefined ? { title: c.title } : {}),
        approval: procedureApproval(c, deps),
      }),
    ],
  );
};

/** R7: whether a district procedure completed on `on` kept its limit; undefined while that cannot be known. */
export const withinTimeLimit = (
  proc: ProcedureState,
  on: BusinessDate,
  taken: number | undefined,
): boolean | undefined => {
  if (proc.approval.level !== 'district') return undefined;
  const { deadline, workingDays } = proc.approval;
  if (deadline.kind === 'due') return on <= deadline.dueOn;
  // Every day up to `on` was countable and the limit was not reached before the pending year.
  return taken === undefined ? undefined : taken <= workingDays;
};

export const decideCompleteProcedure = (
  c: ProjectCommandOf<'CompleteProcedure'>,
  p: Project,
  calendar: WorkingDayCalendar,
): Result => {
  const proc = p.procedures[c.procedureId];
  if (proc === undefined) return fail('PROCEDURE_NOT_FOUND', { procedureId: c.procedureId });
  if (proc.completedOn !== undefined) {
    return proc.completedOn === c.on
      ? nothing
      : fail('PROCEDURE_ALREADY_COMPLETED', { procedureId: c.procedureId, on: proc.completedOn });
  }
  return then(requireNotBefore(c.on, proc.completeOn), () => {
    const counted = workingDaysBetween(calendar, proc.completeOn, c.on);
    const taken = counted.kind === 'counted' ? counted.days : undefined;
    const within = withinTimeLimit(proc, c.on, taken);
    return [
      emit('ProcedureCompleted', {
        ...withoutType(c),
        ...(taken !== undefined ? { workingDaysTaken: count(taken) } : {}),
        ...(within !== undefined ? { withinTimeLimit: within } : {}),
      }),
    ];
  });
};

/**
 * Deadlines that waited for a year's official holiday schedule and can be counted now that the
 * calendar covers it (R7, DOMAIN.md §3 "Working-day calendar"). Issued with the watcher's pass.
 */
export const computePendingDeadlines = (
  p: Project,
  today: BusinessDate,
  calendar: WorkingDayCalendar,
): ReadonlyArray<ProjectEvent> => {
  const out: ProjectEvent[] = [];
  for (const proc of Object.values(p.procedures)) {
    if (proc.approval.level !== 'district' || proc.approval.deadline.kind !== 'pending-calendar') continue;
    const deadline = addWorkingDays(calendar, proc.completeOn, proc.approval.workingDays);
    if (deadline.kind !== 'due') continue; // still waiting (for this or a later year)
    const completed = proc.completedOn;
    const counted =
      completed === undefined ? undefined : workingDaysBetween(calendar, proc.completeOn, completed);
    out.push(
      emit('ProcedureDeadlineComputed', {
        projectId: p.projectId,
        procedureId: proc.procedureId,
        dueOn: deadline.dueOn,
        calendarYear: proc.approval.deadline.year,
        computedOn: today,
        ...(counted?.kind === 'counted' && proc.workingDaysTaken === undefined
          ? { workingDaysTaken: count(counted.days) }
          : {}),
        ...(completed !== undefined && proc.withinTimeLimit === undefined
          ? { withinTimeLimit: completed <= deadline.dueOn }
          : {}),
      }),
    );
  }
  return out;
};

/** The watcher's pass (R7/R8/R18): deadlines now countable first, so that one already past is raised too. */
export const decideRecordMissedMilestones = (
  c: ProjectCommandOf<'RecordMissedMilestones'>,
  p: Project,
  { calendar, policy }: ProjectDeciderDeps,
): Result => {
  const computed = computePendingDeadlines(p, c.today, calendar);
  const state = computed.reduce<ProjectState>(evolveProject, p);
  const missed = isProject(state) ? detectMissedMilestones(state, c.today, policy) : [];
  // R18 (000 §五.2): the same pass raises the official weeks the responsible person did not visit.
  const weeks = isProject(state) ? missedVisitWeeks(state, c.today, calendar) : [];
  return E.right([
    ...computed,
    ...missed.map((m) => emit('MilestoneMissed', { ...m, detectedOn: c.today })),
    ...weeks.map((w) => emit('VisitWeekMissed', { ...w, detectedOn: c.today })),
  ]);
};
