import * as t from 'io-ts';
import { factDate, type FactDates } from '../shared/business-date';
import { BusinessDate } from '../shared/dates';
import { struct } from '../shared/event-codec';
import { assertNever } from '../shared/exhaustive';
import { PlotId } from '../shared/ids';
import {
  plotAllocation,
  plotFinding,
  plotReclaim,
  plotRegistration,
  plotRevitalisation,
  SupplyStatus,
} from './plot.events';

/** Enter a plot in the land register; it is held in reserve (储备) until allocated. */
export const RegisterPlot = struct({ type: t.literal('RegisterPlot'), ...plotRegistration }, 'RegisterPlot');
export type RegisterPlot = t.TypeOf<typeof RegisterPlot>;

/** Record the plot's supply status (供地进度: 挂牌, 出让, 划拨 …). */
export const RecordPlotSupply = struct(
  { type: t.literal('RecordPlotSupply'), plotId: PlotId, supply: SupplyStatus, on: BusinessDate },
  'RecordPlotSupply',
);
export type RecordPlotSupply = t.TypeOf<typeof RecordPlotSupply>;

/** Allocate a plot in reserve to a project, with the agreement's construction start if known. */
export const AllocatePlot = struct(
  { type: t.literal('AllocatePlot'), ...plotAllocation.required },
  plotAllocation.optional,
  'AllocatePlot',
);
export type AllocatePlot = t.TypeOf<typeof AllocatePlot>;

/** Record a clearance's finding on an occupied plot: idle (闲置) or low-efficiency (低效). */
export const FlagPlot = struct(
  { type: t.literal('FlagPlot'), ...plotFinding.required },
  plotFinding.optional,
  'FlagPlot',
);
export type FlagPlot = t.TypeOf<typeof FlagPlot>;

/** Revitalise an idle or low-efficiency plot by one of the four routes of 000 §四.5. */
export const RevitalisePlot = struct(
  { type: t.literal('RevitalisePlot'), ...plotRevitalisation.required },
  plotRevitalisation.optional,
  'RevitalisePlot',
);
export type RevitalisePlot = t.TypeOf<typeof RevitalisePlot>;

/** Reclaim (收回) an occupied plot, naming the project it is reclaimed from when known. */
export const ReclaimPlot = struct(
  { type: t.literal('ReclaimPlot'), ...plotReclaim.required },
  plotReclaim.optional,
  'ReclaimPlot',
);
export type ReclaimPlot = t.TypeOf<typeof ReclaimPlot>;

/** Return a reclaimed plot to the reserve (储备). */
export const ReturnPlotToReserve = struct(
  { type: t.literal('ReturnPlotToReserve'), plotId: PlotId, on: BusinessDate },
  'ReturnPlotToReserve',
);
export type ReturnPlotToReserve = t.TypeOf<typeof ReturnPlotToReserve>;

/** Every command of a plot, by type (the registry decodes requests with them). */
export const plotCommands = {
  RegisterPlot,
  RecordPlotSupply,
  AllocatePlot,
  FlagPlot,
  RevitalisePlot,
  ReclaimPlot,
  ReturnPlotToReserve,
} as const;

export type PlotCommand =
  | RegisterPlot
  | RecordPlotSupply
  | AllocatePlot
  | FlagPlot
  | RevitalisePlot
  | ReclaimPlot
  | ReturnPlotToReserve;

/** The dates a plot command states as facts (DOMAIN.md §5): the day of its step. */
export const plotCommandDates = (c: PlotCommand): FactDates => {
  switch (c.type) {
    case 'RegisterPlot':
      return [factDate('registeredOn', c.registeredOn)];
    case 'AllocatePlot':
      return [factDate('allocatedOn', c.allocatedOn)];
    case 'RecordPlotSupply':
    case 'FlagPlot':
    case 'RevitalisePlot':
    case 'ReclaimPlot':
    case 'ReturnPlotToReserve':
      return [factDate('on', c.on)];
    default:
      return assertNever(c);
  }
};
