import type { BusinessDate, Year } from '../shared/dates';
import type { UnitId } from '../shared/ids';
import type { PlanScope, Targets } from './target-plan.events';

/** No targets yet for this unit and year. */
export interface NoTargets {
  readonly status: 'unset';
}

/** Targets in force, and the list first set (a late repeat of the original command stays harmless). */
export interface TargetsInForce {
  readonly status: 'set';
  readonly unitId: UnitId;
  readonly year: Year;
  readonly scope: PlanScope;
  readonly targets: Targets;
  readonly originalTargets: Targets;
  readonly setOn: BusinessDate;
  readonly revisions: number;
  readonly lastRevisedOn?: BusinessDate;
}

export type TargetPlanState = NoTargets | TargetsInForce;

export const initialTargetPlanState: TargetPlanState = { status: 'unset' };
