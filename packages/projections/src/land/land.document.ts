import type {
  BusinessDate,
  FlagBasis,
  HalfYear,
  LandUse,
  PlotFlag,
  PlotStatus,
  RevitalisationRoute,
  SupplyStatus,
} from '@zhaoshang/domain';
import { collection } from '../read-model';

/** A plot as the land register keeps it (areas in 0.01 亩, integers). */
export interface PlotDoc {
  readonly plotId: string;
  readonly unitId: string;
  readonly location: string;
  readonly area: number;
  readonly landUse: LandUse;
  readonly supply: SupplyStatus;
  readonly status: PlotStatus;
  readonly registeredOn: BusinessDate;
  /** The occupant's project id, flat, for filtering (absent in reserve or once reclaimed). */
  readonly occupantId?: string;
  readonly occupiedSince?: BusinessDate;
  /** The construction start given when the plot was allocated (else the agreement's, at query time). */
  readonly agreedStartBy?: BusinessDate;
  readonly flag?: {
    readonly flag: PlotFlag;
    readonly basis: FlagBasis;
    readonly period: HalfYear;
    readonly on: BusinessDate;
  };
  readonly revitalisations: ReadonlyArray<{
    readonly route: RevitalisationRoute;
    readonly area: number;
    readonly on: BusinessDate;
    readonly newOccupant?: string;
  }>;
  readonly reclaimed?: { readonly on: BusinessDate; readonly fromProject?: string };
  /** Returned to the reserve (储备) after a reclaim, on this day. */
  readonly returnedOn?: BusinessDate;
  /**
   * Set when the occupant's project stream recorded LandReclaimed while it occupied this plot, and
   * cleared once the plot is back in the reserve or has another occupant: the reactor's to-do list
   * (the API returns such plots to the reserve, restart-safe: it reads this after any downtime).
   */
  readonly reclaimPending?: {
    readonly projectId: string;
    readonly streamName: string;
    readonly on: BusinessDate;
    readonly reason: string;
  };
}

/** What the land register reads of a project: its name, schedule, progress and reported figures (分). */
export interface LandProjectDoc {
  readonly projectId: string;
  readonly unitId: string;
  readonly name: string;
  /** The agreement's construction start in force (协议约定开工). */
  readonly agreedStartBy?: BusinessDate;
  readonly constructionStartedOn?: BusinessDate;
  readonly productionStartedOn?: BusinessDate;
  /** Investment completed to date (the latest cumulative figure reported). */
  readonly investmentToDate?: number;
  /** The latest year's reported output and tax. */
  readonly performance?: { readonly year: number; readonly output: number; readonly tax: number };
  readonly landReclaimed?: { readonly on: BusinessDate; readonly reason: string };
  readonly terminatedOn?: BusinessDate;
  /** The plots the project occupies now. */
  readonly plotIds: ReadonlyArray<string>;
}

/** A year's land-quota ledger (用地指标), areas in 0.01 亩. */
export interface QuotaDoc {
  readonly year: number;
  readonly granted: number;
  readonly reserved: number;
  readonly usedFromReserved: number;
  readonly usedFromGeneral: number;
  readonly grants: ReadonlyArray<{
    readonly grantId: string;
    readonly area: number;
    readonly reservedForKeyProjects: number;
    readonly grantedOn: BusinessDate;
    readonly basis: string;
  }>;
  readonly uses: ReadonlyArray<{
    readonly useId: string;
    readonly projectId: string;
    readonly plotId?: string;
    readonly area: number;
    readonly fromReserved: number;
    readonly keyProject: boolean;
    readonly usedOn: BusinessDate;
  }>;
  readonly releases: ReadonlyArray<{
    readonly releaseId: string;
    readonly area: number;
    readonly releasedOn: BusinessDate;
    readonly reason: string;
  }>;
}

export const plotsCollection = collection<PlotDoc>('land_plots', [
  { name: 'unit_status', fields: ['unitId', 'status'] },
  { name: 'occupant', fields: ['occupantId'] },
]);
export const landProjectsCollection = collection<LandProjectDoc>('land_projects');
export const quotaCollection = collection<QuotaDoc>('land_quota');
