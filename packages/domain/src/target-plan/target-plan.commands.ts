import * as t from 'io-ts';
import { factDate, type FactDates } from '../shared/business-date';
import { BusinessDate, Year } from '../shared/dates';
import { struct } from '../shared/event-codec';
import { assertNever } from '../shared/exhaustive';
import { NonEmptyText, UnitId } from '../shared/ids';
import { PlanScope, Targets } from './target-plan.events';

/** Set a unit's (or the region's) targets for a year, once (R11, R12). */
export const SetAnnualTargets = struct(
  {
    type: t.literal('SetAnnualTargets'),
    unitId: UnitId,
    year: Year,
    scope: PlanScope,
    targets: Targets,
    setOn: BusinessDate,
    setBy: NonEmptyText,
  },
  { basis: NonEmptyText /* 依据文件，如《关于进一步强化招商引资……的意见》 */ },
  'SetAnnualTargets',
);
export type SetAnnualTargets = t.TypeOf<typeof SetAnnualTargets>;

/** Replace the whole list of targets of a year, saying why (history keeps the previous list). */
export const ReviseAnnualTargets = struct(
  {
    type: t.literal('ReviseAnnualTargets'),
    unitId: UnitId,
    year: Year,
    targets: Targets,
    revisedOn: BusinessDate,
    revisedBy: NonEmptyText,
    reason: NonEmptyText,
  },
  'ReviseAnnualTargets',
);
export type ReviseAnnualTargets = t.TypeOf<typeof ReviseAnnualTargets>;

export const TargetPlanCommand = t.union([SetAnnualTargets, ReviseAnnualTargets], 'TargetPlanCommand');
export type TargetPlanCommand = t.TypeOf<typeof TargetPlanCommand>;

/** The business date of a target-plan command (DOMAIN.md §5); the year's targets are goals, not facts. */
export const targetPlanCommandDates = (c: TargetPlanCommand): FactDates => {
  switch (c.type) {
    case 'SetAnnualTargets':
      return [factDate('setOn', c.setOn)];
    case 'ReviseAnnualTargets':
      return [factDate('revisedOn', c.revisedOn)];
    default:
      return assertNever(c);
  }
};
