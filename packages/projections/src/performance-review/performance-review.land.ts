import {
  assertNever,
  landArea,
  type BusinessDate,
  type LandArea,
  type PlotEvent,
  type PlotFlag,
  type RevitalisationRoute,
} from '@zhaoshang/domain';
import type { Window } from '../counting/project-facts';
import { collection, put, type DocChange, type DocReader } from '../read-model';
import type { ReadModelReader } from '../stores/read-model-store';

/**
 * Land in the performance review (R19; 001 §(一) "探索实行各类要素保障与招商引资绩效挂钩的考核制度",
 * 001 §(四) 每半年土地清理, 000 §四.5 分批盘活低效闲置用地, 003 "盘活土地 1002 亩, 腾出 784 亩"): what
 * the review keeps of a plot — its idle or low-efficiency spells as dated steps (so the land idle at
 * any period's end is known, not only today's), its revitalisations and the land it freed.
 */
export interface ReviewPlotDoc {
  readonly plotId: string;
  readonly unitId: string;
  /** 0.01 亩. */
  readonly area: number;
  /** The plot's flag from each day on, in order: a finding sets it, a disposal clears it (`null`). */
  readonly flags: ReadonlyArray<{ readonly on: BusinessDate; readonly flag: PlotFlag | null }>;
  readonly revitalisations: ReadonlyArray<{
    readonly route: RevitalisationRoute;
    readonly area: number;
    readonly on: BusinessDate;
  }>;
  /** Land freed for new projects (腾出): taken into the government reserve, or reclaimed (the plot's area). */
  readonly freed: ReadonlyArray<{ readonly area: number; readonly on: BusinessDate }>;
}

export const reviewPlots = collection<ReviewPlotDoc>('review_plots', [{ name: 'unit', fields: ['unitId'] }]);

/** The review's record of a plot after one of its events. */
export const plotReviewChanges = (docs: DocReader, event: PlotEvent): ReadonlyArray<DocChange> => {
  const plotId = event.data.plotId;
  if (event.type === 'PlotRegistered') {
    const d = event.data;
    return [
      put(reviewPlots, plotId, {
        plotId,
        unitId: d.unitId,
        area: d.area,
        flags: [],
        revitalisations: [],
        freed: [],
      }),
    ];
  }
  const plot = docs.get(reviewPlots, plotId);
  if (plot === undefined) return [];
  const cleared = (on: BusinessDate) => [...plot.flags, { on, flag: null }];
  switch (event.type) {
    case 'PlotSupplyRecorded':
    case 'PlotAllocated':
    case 'PlotReturnedToReserve':
      return [];
    case 'PlotFlagged':
      return [
        put(reviewPlots, plotId, {
          ...plot,
          flags: [...plot.flags, { on: event.data.on, flag: event.data.flag }],
        }),
      ];
    case 'PlotRevitalised': {
      const { route, area, on } = event.data;
      return [
        put(reviewPlots, plotId, {
          ...plot,
          flags: cleared(on),
          revitalisations: [...plot.revitalisations, { route, area, on }],
          freed: route === 'government-reserve' ? [...plot.freed, { area, on }] : plot.freed,
        }),
      ];
    }
    case 'PlotReclaimed': {
      const on = event.data.on;
      return [
        put(reviewPlots, plotId, {
          ...plot,
          flags: cleared(on),
          freed: [...plot.freed, { area: plot.area, on }],
        }),
      ];
    }
    default:
      return assertNever(event);
  }
};

/**
 * A unit's land figures for a period, in 0.01 亩 (exact integers; `landArea.text` prints 亩). Counted,
 * not scored: the scoring policy (R12–R15) gives them no points; a zone reports them beside the score.
 */
export interface LandReviewFigures {
  /** 闲置 land at the period's end: plots whose latest finding by then is idle and not yet disposed of. */
  readonly idleArea: LandArea;
  /** 低效 land at the period's end. */
  readonly lowEfficiencyArea: LandArea;
  /** 盘活: land revitalised in the period, in all and by route (000 §四.5). */
  readonly revitalised: LandArea;
  readonly revitalisedByRoute: Readonly<Record<RevitalisationRoute, LandArea>>;
  /** 腾出: land freed in the period (government reserve, or reclaimed). */
  readonly freed: LandArea;
}

const ROUTES: ReadonlyArray<RevitalisationRoute> = [
  'government-reserve',
  'equity-transfer',
  'bankruptcy-restructuring',
  'cooperative-investment',
];

const within = (d: BusinessDate, w: Window): boolean => d >= w.from && d <= w.to;

/** The plot's flag at the end of a day (its last step dated on or before it). */
const flagAt = (plot: ReviewPlotDoc, day: BusinessDate): PlotFlag | null => {
  const steps = plot.flags.filter((f) => f.on <= day);
  return steps[steps.length - 1]?.flag ?? null;
};

/** The land figures of one unit's plots for a window. */
export const landReviewFigures = (plots: ReadonlyArray<ReviewPlotDoc>, w: Window): LandReviewFigures => {
  const idle: number[] = [];
  const low: number[] = [];
  const byRoute = new Map<RevitalisationRoute, number[]>();
  const freed: number[] = [];
  for (const p of plots) {
    const flag = flagAt(p, w.to);
    if (flag === 'idle') idle.push(p.area);
    if (flag === 'low-efficiency') low.push(p.area);
    for (const r of p.revitalisations)
      if (within(r.on, w)) byRoute.set(r.route, [...(byRoute.get(r.route) ?? []), r.area]);
    for (const f of p.freed) if (within(f.on, w)) freed.push(f.area);
  }
  const revitalisedByRoute = Object.fromEntries(
    ROUTES.map((route) => [route, landArea.sum(byRoute.get(route) ?? [])]),
  ) as Record<RevitalisationRoute, LandArea>;
  return {
    idleArea: landArea.sum(idle),
    lowEfficiencyArea: landArea.sum(low),
    revitalised: landArea.sum(ROUTES.map((r) => revitalisedByRoute[r])),
    revitalisedByRoute,
    freed: landArea.sum(freed),
  };
};

/**
 * Land figures per unit for a window: only units with a plot registered (a unit without land has
 * no land block in its review).
 */
export const landFiguresByUnit = async (
  store: ReadModelReader,
  unitIds: ReadonlyArray<string>,
  w: Window,
): Promise<ReadonlyMap<string, LandReviewFigures>> => {
  const plots = await store.findAll(reviewPlots, { filter: { unitId: { $in: unitIds } } });
  const byUnit = new Map<string, ReviewPlotDoc[]>();
  for (const p of plots) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p]);
  return new Map([...byUnit].map(([unitId, ps]) => [unitId, landReviewFigures(ps, w)]));
};
