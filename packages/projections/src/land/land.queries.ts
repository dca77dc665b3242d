import {
  clearanceFinding,
  defaultLandClearancePolicy,
  halfYearBounds,
  landArea,
  wanPerMu,
  type BusinessDate,
  type FlagBasis,
  type HalfYear,
  type LandArea,
  type LandClearancePolicy,
  type PlotStatus,
  type RevitalisationRoute,
} from '@zhaoshang/domain';
import type { Filter } from '../read-model';
import type { ReadModelReader } from '../stores/read-model-store';
import {
  landProjectsCollection,
  plotsCollection,
  quotaCollection,
  type LandProjectDoc,
  type PlotDoc,
  type QuotaDoc,
} from './land.document';

/** The occupant of a plot as the register shows it. */
export interface PlotOccupant {
  readonly projectId: string;
  readonly name: string;
  readonly since?: BusinessDate;
  readonly agreedStartBy?: BusinessDate;
  readonly constructionStartedOn?: BusinessDate;
  readonly productionStartedOn?: BusinessDate;
}

/** 亩均 figures of a plot from its occupant's facts, in 万元/亩 (two decimals); null where not known. */
export interface PerMu {
  readonly investment: number | null;
  readonly output: number | null;
  readonly tax: number | null;
  /** The year of the output and tax figures. */
  readonly year?: number;
}

/** A row of the plot register (地块台账). */
export interface PlotEntry extends PlotDoc {
  /** The area in 亩, two decimals, for a person to read. */
  readonly areaMu: string;
  readonly occupant?: PlotOccupant;
  readonly perMu: PerMu;
}

export interface PlotFilter {
  readonly unitId?: string | ReadonlyArray<string>;
  readonly status?: PlotStatus | ReadonlyArray<PlotStatus>;
  readonly occupantId?: string;
}

/** A plot the clearance lists, and what it found. */
export interface ClearanceItem extends PlotEntry {
  readonly finding: Extract<FlagBasis, 'no-construction' | 'low-output'>;
  /** Whether the office has recorded the clearance's outcome for this period (a PlotFlagged of it). */
  readonly recorded: boolean;
}

/** The half-yearly clearance (每半年土地清理): 圈而不建 and 低效 plots with area totals. */
export interface ClearanceList {
  readonly period: HalfYear;
  readonly asOf: BusinessDate;
  readonly noConstruction: ReadonlyArray<ClearanceItem>;
  readonly lowEfficiency: ReadonlyArray<ClearanceItem>;
  readonly totals: {
    readonly noConstructionArea: LandArea;
    readonly lowEfficiencyArea: LandArea;
    readonly plots: number;
    readonly area: LandArea;
  };
}

/** Idle and low-efficiency land (the "10 余家 1000 余亩" figure of 000 §四.5). */
export interface IdleLand {
  readonly plots: ReadonlyArray<PlotEntry>;
  readonly totals: {
    readonly idleArea: LandArea;
    readonly lowEfficiencyArea: LandArea;
    readonly area: LandArea;
    readonly plots: number;
    /** Distinct occupant enterprises (家). */
    readonly occupants: number;
  };
}

/** Revitalised and freed land by year and route (003: 盘活土地 1002 亩, 腾出 784 亩). */
export interface RevitalisedLand {
  readonly years: ReadonlyArray<{
    readonly year: number;
    readonly byRoute: Readonly<
      Record<RevitalisationRoute, { readonly area: LandArea; readonly plots: number }>
    >;
    /** Area revitalised by all routes. */
    readonly revitalised: LandArea;
    /** Area freed for new projects (腾出): taken into the government reserve or reclaimed. */
    readonly freed: LandArea;
  }>;
  readonly totals: { readonly revitalised: LandArea; readonly freed: LandArea };
}

/** A year's land-quota ledger with what is left. */
export interface QuotaView extends QuotaDoc {
  readonly reservedLeft: number;
  readonly generalLeft: number;
  readonly left: number;
}

const ROUTES: ReadonlyArray<RevitalisationRoute> = [
  'government-reserve',
  'equity-transfer',
  'bankruptcy-restructuring',
  'cooperative-investment',
];

const oneOrMany = <T extends string>(v: T | ReadonlyArray<T>): { $in: ReadonlyArray<T> } | T =>
  typeof v === 'string' ? v : { $in: v };

const toFilter = (f: PlotFilter = {}): Filter => ({
  ...(f.unitId !== undefined ? { unitId: oneOrMany(f.unitId) } : {}),
  ...(f.status !== undefined ? { status: oneOrMany(f.status) } : {}),
  ...(f.occupantId !== undefined ? { occupantId: f.occupantId } : {}),
});

/** A plot with its occupant and 亩均 figures (R9's per-mu formula, `wanPerMu`). */
export const plotEntry = (plot: PlotDoc, project: LandProjectDoc | undefined): PlotEntry => {
  const mu = landArea.toMu(plot.area);
  const perMu = (fen: number | undefined): number | null => (fen === undefined ? null : wanPerMu(fen, mu));
  const agreedStartBy = plot.agreedStartBy ?? project?.agreedStartBy;
  return {
    ...plot,
    areaMu: landArea.text(plot.area),
    ...(plot.occupantId !== undefined
      ? {
          occupant: {
            projectId: plot.occupantId,
            name: project?.name ?? plot.occupantId,
            ...(plot.occupiedSince !== undefined ? { since: plot.occupiedSince } : {}),
            ...(agreedStartBy !== undefined ? { agreedStartBy } : {}),
            ...(project?.constructionStartedOn !== undefined
              ? { constructionStartedOn: project.constructionStartedOn }
              : {}),
            ...(project?.productionStartedOn !== undefined
              ? { productionStartedOn: project.productionStartedOn }
              : {}),
          },
        }
      : {}),
    perMu:
      plot.occupantId === undefined
        ? { investment: null, output: null, tax: null }
        : {
            investment: perMu(project?.investmentToDate),
            output: perMu(project?.performance?.output),
            tax: perMu(project?.performance?.tax),
            ...(project?.performance !== undefined ? { year: project.performance.year } : {}),
          },
  };
};

const sumArea = (plots: ReadonlyArray<{ readonly area: number }>): LandArea =>
  landArea.sum(plots.map((p) => p.area));

/** Queries of the land register (R19). */
export const landQueries = (store: ReadModelReader) => {
  const entries = async (filter: PlotFilter = {}): Promise<ReadonlyArray<PlotEntry>> => {
    const plots = await store.findAll(plotsCollection, {
      filter: toFilter(filter),
      sort: [{ field: 'plotId', direction: 'asc' }],
    });
    const occupants = [...new Set(plots.flatMap((p) => (p.occupantId !== undefined ? [p.occupantId] : [])))];
    const projects = await store.getMany(landProjectsCollection, occupants);
    return plots.map((p) =>
      plotEntry(p, p.occupantId !== undefined ? projects.get(p.occupantId) : undefined),
    );
  };

  return {
    /** The plot register with 亩均 figures. */
    plots: entries,

    /** One plot, or undefined. */
    plot: async (plotId: string): Promise<PlotEntry | undefined> => {
      const plot = await store.get(plotsCollection, plotId);
      if (plot === undefined) return undefined;
      const project =
        plot.occupantId !== undefined ? await store.get(landProjectsCollection, plot.occupantId) : undefined;
      return plotEntry(plot, project);
    },

    /**
     * The half-yearly clearance (001 §(四) 每半年土地清理) as of `asOf` (the half-year's end or an
     * earlier today): occupied plots held without building (圈而不建) and plots in production below
     * the output standard per 亩 (低效), from the occupants' facts (`clearanceFinding`).
     */
    clearance: async (
      period: HalfYear,
      asOf: BusinessDate,
      filter: Pick<PlotFilter, 'unitId'> = {},
      policy: LandClearancePolicy = defaultLandClearancePolicy,
    ): Promise<ClearanceList> => {
      const end = halfYearBounds(period).to;
      const on = asOf < end ? asOf : end;
      const occupied = await entries({ ...filter, status: ['in-use', 'low-efficiency', 'idle'] });
      const projects = await store.getMany(
        landProjectsCollection,
        occupied.flatMap((p) => (p.occupantId !== undefined ? [p.occupantId] : [])),
      );
      const items = occupied.flatMap((p): ClearanceItem[] => {
        const project = p.occupantId !== undefined ? projects.get(p.occupantId) : undefined;
        const agreedStartBy = p.occupant?.agreedStartBy;
        const finding = clearanceFinding(
          {
            ...(agreedStartBy !== undefined ? { agreedStartBy } : {}),
            ...(project?.constructionStartedOn !== undefined
              ? { constructionStartedOn: project.constructionStartedOn }
              : {}),
            ...(project?.productionStartedOn !== undefined
              ? { productionStartedOn: project.productionStartedOn }
              : {}),
            ...(project?.performance !== undefined
              ? { latestOutput: { year: project.performance.year, output: project.performance.output } }
              : {}),
          },
          landArea.hundredths(p.area),
          on,
          policy,
        );
        return finding === undefined ? [] : [{ ...p, finding, recorded: p.flag?.period === period }];
      });
      const noConstruction = items.filter((i) => i.finding === 'no-construction');
      const lowEfficiency = items.filter((i) => i.finding === 'low-output');
      return {
        period,
        asOf: on,
        noConstruction,
        lowEfficiency,
        totals: {
          noConstructionArea: sumArea(noConstruction),
          lowEfficiencyArea: sumArea(lowEfficiency),
          plots: items.length,
          area: sumArea(items),
        },
      };
    },

    /** Idle and low-efficiency land now, with area totals and the number of occupant enterprises. */
    idleLand: async (filter: Pick<PlotFilter, 'unitId'> = {}): Promise<IdleLand> => {
      const plots = await entries({ ...filter, status: ['idle', 'low-efficiency'] });
      const idle = plots.filter((p) => p.status === 'idle');
      const low = plots.filter((p) => p.status === 'low-efficiency');
      return {
        plots,
        totals: {
          idleArea: sumArea(idle),
          lowEfficiencyArea: sumArea(low),
          area: sumArea(plots),
          plots: plots.length,
          occupants: new Set(plots.map((p) => p.occupantId)).size,
        },
      };
    },

    /** Revitalised land by year and route, and the land freed (腾出) by year. */
    revitalised: async (filter: Pick<PlotFilter, 'unitId'> = {}): Promise<RevitalisedLand> => {
      const plots = await store.findAll(plotsCollection, { filter: toFilter(filter) });
      interface YearAreas {
        readonly byRoute: Map<RevitalisationRoute, number[]>;
        readonly freed: number[];
      }
      const years = new Map<number, YearAreas>();
      const yearOf = (on: string): YearAreas => {
        const y = Number(on.slice(0, 4));
        const entry: YearAreas = years.get(y) ?? { byRoute: new Map(), freed: [] };
        years.set(y, entry);
        return entry;
      };
      for (const p of plots) {
        for (const r of p.revitalisations) {
          const y = yearOf(r.on);
          y.byRoute.set(r.route, [...(y.byRoute.get(r.route) ?? []), r.area]);
          if (r.route === 'government-reserve') y.freed.push(r.area);
        }
        if (p.reclaimed !== undefined) yearOf(p.reclaimed.on).freed.push(p.area);
      }
      const rows = [...years.entries()]
        .sort(([a], [b]) => a - b)
        .map(([year, y]) => {
          const byRoute = Object.fromEntries(
            ROUTES.map((route) => {
              const areas = y.byRoute.get(route) ?? [];
              return [route, { area: landArea.sum(areas), plots: areas.length }];
            }),
          ) as Record<RevitalisationRoute, { area: LandArea; plots: number }>;
          return {
            year,
            byRoute,
            revitalised: landArea.sum(ROUTES.map((r) => byRoute[r].area)),
            freed: landArea.sum(y.freed),
          };
        });
      return {
        years: rows,
        totals: {
          revitalised: landArea.sum(rows.map((r) => r.revitalised)),
          freed: landArea.sum(rows.map((r) => r.freed)),
        },
      };
    },

    /** A year's land-quota ledger, or every year's when none is named. */
    quota: async (year?: number): Promise<ReadonlyArray<QuotaView>> => {
      const docs =
        year === undefined
          ? await store.findAll(quotaCollection, { sort: [{ field: 'year', direction: 'asc' }] })
          : [await store.get(quotaCollection, String(year))].flatMap((d) => (d === undefined ? [] : [d]));
      return docs.map((q) => {
        const reservedLeft = q.reserved - q.usedFromReserved;
        const generalLeft = q.granted - q.reserved - q.usedFromGeneral;
        return { ...q, reservedLeft, generalLeft, left: reservedLeft + generalLeft };
      });
    },

    /** Plots whose occupant's land was reclaimed (LandReclaimed) and that are not back in the reserve yet. */
    reclaimPending: (): Promise<ReadonlyArray<PlotDoc>> =>
      store.findAll(plotsCollection, { filter: { reclaimPending: { $exists: true } } }),
  };
};
export type LandQueries = ReturnType<typeof landQueries>;
