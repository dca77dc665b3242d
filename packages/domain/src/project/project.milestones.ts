import { addMonths, BusinessDate } from '../shared/dates';
import type { ProcedureId, ProjectId } from '../shared/ids';
import { count, type Count } from '../shared/money';
import type { ProjectPolicy } from './project.policy';
import { evaluationShowsResults } from './project.fulfilment';
import type { ProcedureState, Project, ProjectState } from './project.state';
import type { MilestoneKind, WithdrawalReason } from './project.vocabulary';

/** A deadline that has passed unmet. `milestoneKey` is unique per deadline. */
export interface MissedMilestone {
  readonly projectId: ProjectId;
  readonly milestoneKey: string;
  readonly kind: MilestoneKind;
  readonly dueOn: BusinessDate;
  /** For the exit rule's kinds: the policy's term in months the deadline was counted with (R8). */
  readonly termMonths?: Count;
  readonly procedureId?: ProcedureId;
}

/** A deadline the clock watches, and the date of the fact that meets it (if recorded). */
export interface Deadline {
  readonly kind: MilestoneKind;
  readonly key: string;
  readonly dueOn: BusinessDate;
  readonly metOn: BusinessDate | undefined;
  /** For the exit rule's kinds: the policy's term in months (R8: 001 §(四)). */
  readonly termMonths?: Count;
  readonly procedureId?: ProcedureId;
}

/** Whether the fact meeting a deadline is dated on or before it (the due day itself is on time). */
const metInTime = (d: Deadline): d is Deadline & { readonly metOn: BusinessDate } =>
  d.metOn !== undefined && d.metOn <= d.dueOn;

const earliest = (a: BusinessDate | undefined, b: BusinessDate | undefined): BusinessDate | undefined =>
  a === undefined ? b : b === undefined || a <= b ? a : b;

/**
 * "见效" (results) and the day they showed: designed capacity reached, or a compliant governing
 * fulfilment verdict (R10: the latest evaluated year's), whichever came first.
 */
export const resultsOn = (p: Project): BusinessDate | undefined => {
  const governing = p.governingEvaluation;
  return earliest(
    p.capacityOn,
    governing !== undefined && evaluationShowsResults(governing, governing.year) ? governing.on : undefined,
  );
};

/** A procedure's R7 due date: district approvals whose deadline is computed; otherwise none. */
export const procedureDueOn = (proc: ProcedureState): BusinessDate | undefined =>
  proc.approval.level === 'district' && proc.approval.deadline.kind === 'due'
    ? proc.approval.deadline.dueOn
    : undefined;

/**
 * Every deadline of a signed project: the agreement's schedule, the exit rule of R8 (001 §(四):
 * 三个月不开工、两年不投产、三年不见效), procedures within their R7 time limit (001 §(三)2), and
 * rectifications within their deadline — each with the date of the fact that meets it.
 */
export const deadlinesOf = (p: Project, policy: Pick<ProjectPolicy, 'exitRule'>): ReadonlyArray<Deadline> => {
  const agreement = p.agreement;
  if (agreement === undefined) return [];
  const { schedule } = agreement.terms;
  const signed = agreement.signedOn;
  const exit = policy.exitRule;
  const out: Deadline[] = [
    {
      kind: 'agreed-start',
      key: `agreed-start:${schedule.startBy}`,
      dueOn: schedule.startBy,
      metOn: p.startedOn,
    },
    {
      kind: 'agreed-completion',
      key: `agreed-completion:${schedule.completeBy}`,
      dueOn: schedule.completeBy,
      metOn: p.completedOn,
    },
    {
      kind: 'agreed-production',
      key: `agreed-production:${schedule.produceBy}`,
      dueOn: schedule.produceBy,
      metOn: p.productionOn,
    },
    {
      kind: 'exit-no-start',
      key: 'exit-no-start',
      dueOn: addMonths(signed, exit.startMonths),
      termMonths: count(exit.startMonths),
      metOn: p.startedOn,
    },
    {
      kind: 'exit-no-production',
      key: 'exit-no-production',
      dueOn: addMonths(signed, exit.productionMonths),
      termMonths: count(exit.productionMonths),
      metOn: p.productionOn,
    },
    {
      kind: 'exit-no-results',
      key: 'exit-no-results',
      dueOn: addMonths(signed, exit.resultsMonths),
      termMonths: count(exit.resultsMonths),
      metOn: resultsOn(p),
    },
  ];
  // R7 (001 §(三)2) limits the district's own approvals only; higher-level ones are followed up
  // (跟踪办结) without a limit, and a deadline pending on an unadopted year's calendar is not known yet.
  for (const proc of Object.values(p.procedures)) {
    const dueOn = procedureDueOn(proc);
    if (dueOn === undefined) continue;
    out.push({
      kind: 'procedure-time-limit',
      key: `procedure:${proc.procedureId}`,
      dueOn,
      metOn: proc.completedOn,
      procedureId: proc.procedureId,
    });
  }
  // Keyed by order: two rectifications ordered on one day are two deadlines.
  p.rectifications.forEach((r, i) => {
    out.push({
      kind: 'rectification-deadline',
      key: `rectification:${i + 1}:${r.orderedOn}`,
      dueOn: r.dueBy,
      metOn: r.completedOn,
    });
  });
  return out;
};

/**
 * Every deadline that has passed unmet by `today` and has not been raised yet. A deadline is
 * missed the day after it (the due day itself is still on time). Raising the result and folding
 * it makes the function return nothing more for the same `today`: each deadline is raised once.
 */
export const detectMissedMilestones = (
  state: ProjectState,
  today: BusinessDate,
  policy: Pick<ProjectPolicy, 'exitRule'>,
): ReadonlyArray<MissedMilestone> => {
  if (state.status !== 'open' || state.agreement === undefined) return [];
  const p = state;
  return deadlinesOf(p, policy)
    .filter(
      (d) =>
        d.metOn === undefined &&
        today > d.dueOn &&
        p.missedMilestones[d.key] === undefined &&
        p.withdrawnMilestones[d.key] === undefined,
    )
    .map((d) => ({
      projectId: p.projectId,
      milestoneKey: d.key,
      kind: d.kind,
      dueOn: d.dueOn,
      ...(d.termMonths !== undefined ? { termMonths: d.termMonths } : {}),
      ...(d.procedureId !== undefined ? { procedureId: d.procedureId } : {}),
    }));
};

/** A raised miss that a newly recorded (or corrected) fact shows was met in time. */
export interface MilestoneWithdrawal {
  readonly projectId: ProjectId;
  readonly milestoneKey: string;
  readonly kind: MilestoneKind;
  readonly dueOn: BusinessDate;
  readonly raisedOn: BusinessDate;
  readonly reason: WithdrawalReason;
  readonly factOn: BusinessDate;
  /** For the exit rule's kinds: the policy's term in months (R8). */
  readonly termMonths?: Count;
  readonly procedureId?: ProcedureId;
}

/**
 * DOMAIN.md §5: "A fact that predates the deadline but is entered late withdraws the miss with a
 * reason." `before` is the project when the decision began, `after` the project with the
 * decision's facts folded in: every miss standing in `before` whose deadline `after` shows met on
 * or before its due date is withdrawn. A fact dated after the deadline withdraws nothing: the
 * deadline was missed, and the miss stays counted.
 */
export const withdrawnMisses = (
  before: Project,
  after: Project,
  reason: WithdrawalReason,
  policy: Pick<ProjectPolicy, 'exitRule'>,
): ReadonlyArray<MilestoneWithdrawal> => {
  const raised = before.missedMilestones;
  if (Object.keys(raised).length === 0) return [];
  const out: MilestoneWithdrawal[] = [];
  for (const d of deadlinesOf(after, policy)) {
    const miss = raised[d.key];
    if (miss === undefined || !metInTime(d)) continue;
    out.push({
      projectId: after.projectId,
      milestoneKey: d.key,
      kind: d.kind,
      dueOn: d.dueOn,
      raisedOn: miss.raisedOn,
      reason,
      factOn: d.metOn,
      ...(d.termMonths !== undefined ? { termMonths: d.termMonths } : {}),
      ...(d.procedureId !== undefined ? { procedureId: d.procedureId } : {}),
    });
  }
  return out;
};

/**
 * Misses withdrawn earlier whose deadline a corrected fact no longer meets in time (the correction
 * moved the date past it, or removed the result): by key, to be reinstated by the correction.
 */
export const reinstatedMisses = (
  before: Project,
  after: Project,
  policy: Pick<ProjectPolicy, 'exitRule'>,
): ReadonlyArray<string> => {
  const withdrawn = before.withdrawnMilestones;
  if (Object.keys(withdrawn).length === 0) return [];
  return deadlinesOf(after, policy)
    .filter((d) => withdrawn[d.key] !== undefined && !metInTime(d))
    .map((d) => d.key);
};

/** "见效" (results): designed capacity reached, or a compliant governing fulfilment verdict (R10: the latest year's). */
export const hasResults = (p: Project): boolean => resultsOn(p) !== undefined;

/** Whether an exit-rule deadline (R8) has been raised for the project and not withdrawn. */
export const exitRuleMissed = (p: Project): boolean =>
  p.missedMilestones['exit-no-start'] !== undefined ||
  p.missedMilestones['exit-no-production'] !== undefined ||
  p.missedMilestones['exit-no-results'] !== undefined;
