/**
 * The plot decider (R19): the land register's plots and the states of 000 §四.5 and 001 §(四) —
 * 储备 → 在用 (allocated) → 低效 / 闲置 (a clearance's finding, 每半年土地清理) → 盘活 by one of the
 * four routes (政府收储、股权转让、破产重组、合作招商) or 收回 (圈而不建 坚决收回土地) → 储备.
 * `decide` dispatches each command to its own function; each rule is a named check below.
 */
import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import type { BusinessDate } from '../shared/dates';
import type { Decider } from '../shared/decider';
import { all, same, withoutType } from '../shared/decision';
import { domainError, type DomainError, type ErrorParams } from '../shared/errors';
import { assertNever } from '../shared/exhaustive';
import type { ProjectId } from '../shared/ids';
import type {
  AllocatePlot,
  FlagPlot,
  PlotCommand,
  ReclaimPlot,
  RecordPlotSupply,
  RegisterPlot,
  ReturnPlotToReserve,
  RevitalisePlot,
} from './plot.commands';
import type { PlotErrorCode } from './plot.errors';
import type { PlotEvent } from './plot.events';
import { evolvePlot } from './plot.evolve';
import { initialPlotState, type OccupiedStatus, type Plot, type PlotState } from './plot.state';

type Decision = Either<DomainError, ReadonlyArray<PlotEvent>>;
type Check = Either<DomainError, true>;

const refuse = (code: PlotErrorCode, params: ErrorParams = {}): Either<DomainError, never> =>
  E.left(domainError(code, params));
const ok: Check = E.right(true);
const nothing: Decision = E.right([]);
const emit = (event: PlotEvent): Decision => E.right([event]);

/** Whether a project occupies the plot in this status (在用, 低效, 闲置). */
export const isOccupied = (status: Plot['status']): status is OccupiedStatus =>
  status === 'in-use' || status === 'low-efficiency' || status === 'idle';

/** R19: a plot id names one plot of the register; registering it again with other content is refused. */
export const requireNotRegistered = (s: PlotState, c: RegisterPlot): Check =>
  s.status === 'none' ? ok : refuse('PLOT_ALREADY_REGISTERED', { plotId: c.plotId });

/** R19: every later step acts on a plot of the register. */
export const requireRegistered = (s: PlotState, plotId: string): Either<DomainError, Plot> =>
  s.status === 'none' ? refuse('PLOT_NOT_FOUND', { plotId }) : E.right(s);

/** R19 (001 §(二) 保障项目用地): only land in the reserve (储备) is allocated to a project. */
export const requireInReserve = (s: Plot): Check =>
  s.status === 'reserve' ? ok : refuse('PLOT_NOT_IN_RESERVE', { plotId: s.plotId, status: s.status });

/** R19 (001 §(四) 土地清理): a clearance's finding and a reclaim concern a plot a project occupies. */
export const requireOccupied = (s: Plot): Check =>
  isOccupied(s.status) ? ok : refuse('PLOT_NOT_OCCUPIED', { plotId: s.plotId, status: s.status });

/** R19: land reclaimed from a project is reclaimed from the plot that project occupies. */
export const requireOccupant = (s: Plot, projectId: ProjectId | undefined): Check =>
  projectId === undefined || s.occupant?.projectId === projectId
    ? ok
    : refuse('PLOT_OCCUPIED_BY_ANOTHER', {
        plotId: s.plotId,
        occupant: s.occupant?.projectId ?? '',
        projectId,
      });

/** R19 (000 §四.5 盘活低效闲置用地): only a plot found idle or low-efficiency is revitalised. */
export const requireIdleOrLowEfficiency = (s: Plot): Check =>
  s.status === 'idle' || s.status === 'low-efficiency'
    ? ok
    : refuse('PLOT_NOT_IDLE_OR_LOW_EFFICIENCY', { plotId: s.plotId, status: s.status });

/**
 * R19 (000 §四.5): 政府收储 takes the land into the reserve; 股权转让、破产重组、合作招商 put it to a
 * new occupant, whom the revitalisation names.
 */
export const requireRouteOutcome = (c: RevitalisePlot): Check => {
  if (c.route === 'government-reserve')
    return c.newOccupant === undefined ? ok : refuse('PLOT_NEW_OCCUPANT_NOT_ALLOWED', { route: c.route });
  return c.newOccupant !== undefined ? ok : refuse('PLOT_NEW_OCCUPANT_REQUIRED', { route: c.route });
};

/** R19: the area revitalised is part of the plot (003 盘活土地 1002 亩 counts no more land than there is). */
export const requireWithinPlotArea = (s: Plot, area: number): Check =>
  area <= s.area ? ok : refuse('PLOT_AREA_EXCEEDED', { area, plotArea: s.area });

/** R19: only a reclaimed plot (收回) returns to the reserve. */
export const requireReclaimed = (s: Plot): Check =>
  s.status === 'reclaimed' ? ok : refuse('PLOT_NOT_RECLAIMED', { plotId: s.plotId, status: s.status });

/** R19: a plot's steps follow each other in time: none is dated before the previous one. */
export const requirePlotStepInOrder = (s: Plot, field: string, on: BusinessDate): Check =>
  on >= s.lastOn ? ok : refuse('PLOT_STEP_OUT_OF_ORDER', { field, on, after: s.lastOn });

const decideWhen = (check: Either<DomainError, unknown>, event: () => PlotEvent): Decision =>
  E.flatMap(check, () => emit(event()));

/** 入库登记: a new plot, held in reserve; the same registration again is harmless. */
export const decideRegisterPlot = (c: RegisterPlot, s: PlotState): Decision => {
  if (s.status !== 'none') {
    const { type: _t, ...registration } = c;
    const recorded = {
      plotId: s.plotId,
      unitId: s.unitId,
      location: s.location,
      area: s.area,
      landUse: s.landUse,
      supply: s.supply,
      registeredOn: s.registeredOn,
    };
    if (same(recorded, registration)) return nothing;
  }
  return decideWhen(requireNotRegistered(s, c), () => ({ type: 'PlotRegistered', data: withoutType(c) }));
};

/** 供地进度: recorded when it changes. */
export const decideRecordPlotSupply = (c: RecordPlotSupply, s: Plot): Decision =>
  s.supply === c.supply
    ? nothing
    : decideWhen(requirePlotStepInOrder(s, 'on', c.on), () => ({
        type: 'PlotSupplyRecorded',
        data: withoutType(c),
      }));

/** 供地: a plot in reserve to a project (the same allocation again is harmless). */
export const decideAllocatePlot = (c: AllocatePlot, s: Plot): Decision => {
  if (s.occupant?.projectId === c.projectId && s.occupant.since === c.allocatedOn) return nothing;
  return decideWhen(
    all(
      () => requireInReserve(s),
      () => requirePlotStepInOrder(s, 'allocatedOn', c.allocatedOn),
    ),
    () => ({ type: 'PlotAllocated', data: withoutType(c) }),
  );
};

/** 土地清理 (001 §(四) 每半年): the clearance's finding; the same finding for the same period is harmless. */
export const decideFlagPlot = (c: FlagPlot, s: Plot): Decision => {
  if (s.status === c.flag && s.flag?.period === c.period) return nothing;
  return decideWhen(
    all(
      () => requireOccupied(s),
      () => requirePlotStepInOrder(s, 'on', c.on),
    ),
    () => ({ type: 'PlotFlagged', data: withoutType(c) }),
  );
};

/** 盘活 (000 §四.5): by one of the four routes, with its outcome; the same revitalisation again is harmless. */
export const decideRevitalisePlot = (c: RevitalisePlot, s: Plot): Decision => {
  const last = s.revitalisations[s.revitalisations.length - 1];
  if (last !== undefined && last.route === c.route && last.on === c.on && last.area === c.area)
    return nothing;
  return decideWhen(
    all(
      () => requireIdleOrLowEfficiency(s),
      () => requireRouteOutcome(c),
      () => requireWithinPlotArea(s, c.area),
      () => requirePlotStepInOrder(s, 'on', c.on),
    ),
    () => ({ type: 'PlotRevitalised', data: withoutType(c) }),
  );
};

/** 收回 (001 §(四) 圈而不建 坚决收回土地): reclaimed from its occupant; a repeat is harmless. */
export const decideReclaimPlot = (c: ReclaimPlot, s: Plot): Decision => {
  if (!isOccupied(s.status) && s.reclaimed?.on === c.on && s.reclaimed.fromProject === c.fromProject)
    return nothing;
  return decideWhen(
    all(
      () => requireOccupied(s),
      () => requireOccupant(s, c.fromProject),
      () => requirePlotStepInOrder(s, 'on', c.on),
    ),
    () => ({ type: 'PlotReclaimed', data: withoutType(c) }),
  );
};

/** 纳入储备: a reclaimed plot back in the reserve; a plot already there needs nothing. */
export const decideReturnPlotToReserve = (c: ReturnPlotToReserve, s: Plot): Decision =>
  s.status === 'reserve'
    ? nothing
    : decideWhen(
        all(
          () => requireReclaimed(s),
          () => requirePlotStepInOrder(s, 'on', c.on),
        ),
        () => ({ type: 'PlotReturnedToReserve', data: withoutType(c) }),
      );

/** Each command to its own function. */
const decidePlot = (command: PlotCommand, state: PlotState): Decision => {
  if (command.type === 'RegisterPlot') return decideRegisterPlot(command, state);
  const found = requireRegistered(state, command.plotId);
  if (E.isLeft(found)) return found;
  const s = found.right;
  switch (command.type) {
    case 'RecordPlotSupply':
      return decideRecordPlotSupply(command, s);
    case 'AllocatePlot':
      return decideAllocatePlot(command, s);
    case 'FlagPlot':
      return decideFlagPlot(command, s);
    case 'RevitalisePlot':
      return decideRevitalisePlot(command, s);
    case 'ReclaimPlot':
      return decideReclaimPlot(command, s);
    case 'ReturnPlotToReserve':
      return decideReturnPlotToReserve(command, s);
    default:
      return assertNever(command);
  }
};

/** The plot decider (a plot is never closed: land stays in the register). */
export const plotDecider: Decider<PlotCommand, PlotEvent, PlotState> = {
  initialState: initialPlotState,
  evolve: evolvePlot,
  decide: decidePlot,
  isTerminal: () => false,
};
