import type { BusinessDate } from '../shared/dates';
import type { PlotId, ProjectId, UnitId } from '../shared/ids';
import type { HalfYear } from './land.period';
import type { LandArea } from './land.area';
import type { FlagBasis, LandUse, PlotFlag, RevitalisationRoute, SupplyStatus } from './plot.events';

/**
 * Where a plot is (R19): 储备 (reserve, no occupant), 在用 (in use by a project), 低效 and 闲置 (found
 * so by a clearance, still occupied), 收回 (reclaimed from its occupant, not yet in the reserve).
 */
export type PlotStatus = 'reserve' | 'in-use' | 'low-efficiency' | 'idle' | 'reclaimed';

/** The statuses in which a project occupies the plot. */
export type OccupiedStatus = Extract<PlotStatus, 'in-use' | 'low-efficiency' | 'idle'>;

/** The project on a plot, since when, and the construction start its agreement fixed. */
export interface Occupant {
  readonly projectId: ProjectId;
  readonly since: BusinessDate;
  readonly agreedStartBy?: BusinessDate;
}

/** One revitalisation of the plot (000 §四.5). */
export interface Revitalisation {
  readonly route: RevitalisationRoute;
  readonly area: LandArea;
  readonly on: BusinessDate;
  readonly newOccupant?: ProjectId;
}

/** A registered plot. */
export interface Plot {
  readonly status: PlotStatus;
  readonly plotId: PlotId;
  readonly unitId: UnitId;
  readonly location: string;
  readonly area: LandArea;
  readonly landUse: LandUse;
  readonly supply: SupplyStatus;
  readonly registeredOn: BusinessDate;
  /** The day of the plot's latest step: no later step is dated before it. */
  readonly lastOn: BusinessDate;
  readonly occupant?: Occupant;
  /** The latest clearance finding while the plot is idle or low-efficiency. */
  readonly flag?: {
    readonly flag: PlotFlag;
    readonly basis: FlagBasis;
    readonly period: HalfYear;
    readonly on: BusinessDate;
  };
  readonly revitalisations: ReadonlyArray<Revitalisation>;
  readonly reclaimed?: { readonly on: BusinessDate; readonly fromProject?: ProjectId };
}

/** No plot on the stream yet. */
export interface NoPlot {
  readonly status: 'none';
}

export type PlotState = NoPlot | Plot;

export const initialPlotState: PlotState = { status: 'none' };
