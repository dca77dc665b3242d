import { addMonths, BusinessDate } from '../shared/dates';
import type { ProcedureId, ProjectId } from '../shared/ids';
import type { ProjectPolicy } from './project.policy';
import { governingVerdict } from './project.state';
import type { ProcedureState, Project, ProjectState } from './project.state';
import type { MilestoneKind } from './project.vocabulary';

/** A deadline that has passed unmet. `milestoneKey` is unique per deadline. */
export interface MissedMilestone {
  readonly projectId: ProjectId;
  readonly milestoneKey: string;
  readonly kind: MilestoneKind;
  readonly dueOn: BusinessDate;
  readonly procedureId?: ProcedureId;
}

/**
 * Every deadline that has passed unmet by `today` and has not been raised yet: the agreement's
 * schedule, the exit rule of R8 (001 §(四): 三个月不开工、两年不投产、三年不见效), procedures past
 * their R7 time limit, and rectifications past their deadline. A deadline is missed the day after
 * it (the due day itself is still on time). Raising the result and folding it makes the function
 * return nothing more for the same `today`: each deadline is raised exactly once.
 */
export const detectMissedMilestones = (
  state: ProjectState,
  today: BusinessDate,
  policy: Pick<ProjectPolicy, 'exitRule'>,
): ReadonlyArray<MissedMilestone> => {
  if (state.status !== 'open' || state.agreement === undefined) return [];
  const p = state;
  const agreement = state.agreement;
  const out: MissedMilestone[] = [];
  const consider = (
    kind: MilestoneKind,
    key: string,
    dueOn: BusinessDate,
    unmet: boolean,
    procedureId?: ProcedureId,
  ) => {
    if (unmet && today > dueOn && p.missedMilestones[key] === undefined) {
      out.push({
        projectId: p.projectId,
        milestoneKey: key,
        kind,
        dueOn,
        ...(procedureId ? { procedureId } : {}),
      });
    }
  };
  const { schedule } = agreement.terms;
  const signed = agreement.signedOn;
  consider('agreed-start', `agreed-start:${schedule.startBy}`, schedule.startBy, p.startedOn === undefined);
  consider(
    'agreed-completion',
    `agreed-completion:${schedule.completeBy}`,
    schedule.completeBy,
    p.completedOn === undefined,
  );
  consider(
    'agreed-production',
    `agreed-production:${schedule.produceBy}`,
    schedule.produceBy,
    p.productionOn === undefined,
  );
  const exit = policy.exitRule;
  consider(
    'exit-no-start-3-months',
    'exit-no-start',
    addMonths(signed, exit.startMonths),
    p.startedOn === undefined,
  );
  consider(
    'exit-no-production-2-years',
    'exit-no-production',
    addMonths(signed, exit.productionMonths),
    p.productionOn === undefined,
  );
  consider(
    'exit-no-results-3-years',
    'exit-no-results',
    addMonths(signed, exit.resultsMonths),
    !hasResults(p),
  );
  // R7 (001 §(三)2) limits the district's own approvals only; higher-level ones are followed up
  // (跟踪办结) without a limit, and a deadline pending on an unadopted year's calendar is not known yet.
  for (const proc of Object.values(p.procedures)) {
    const dueOn = procedureDueOn(proc);
    if (dueOn === undefined) continue;
    consider(
      'procedure-time-limit',
      `procedure:${proc.procedureId}`,
      dueOn,
      proc.completedOn === undefined,
      proc.procedureId,
    );
  }
  // Keyed by order: two rectifications ordered on one day are two deadlines.
  p.rectifications.forEach((r, i) => {
    consider(
      'rectification-deadline',
      `rectification:${i + 1}:${r.orderedOn}`,
      r.dueBy,
      r.completedOn === undefined,
    );
  });
  return out;
};

/** A procedure's R7 due date: district approvals whose deadline is computed; otherwise none. */
export const procedureDueOn = (proc: ProcedureState): BusinessDate | undefined =>
  proc.approval.level === 'district' && proc.approval.deadline.kind === 'due'
    ? proc.approval.deadline.dueOn
    : undefined;

/** "见效" (results): designed capacity reached, or a compliant governing fulfilment verdict (R10: the latest year's). */
export const hasResults = (p: Project): boolean =>
  p.capacityOn !== undefined || governingVerdict(p) === 'compliant';

/** Whether an exit-rule deadline (R8) has been raised for the project. */
export const exitRuleMissed = (p: Project): boolean =>
  p.missedMilestones['exit-no-start'] !== undefined ||
  p.missedMilestones['exit-no-production'] !== undefined ||
  p.missedMilestones['exit-no-results'] !== undefined;
