import type { BusinessDate } from '@zhaoshang/domain';
import { loadCountingFacts } from '../counting/counting-facts';
import type { ProjectFacts } from '../counting/project-facts';
import { pageOf, type Page, type PageRequest } from '../read-model';
import type { ReadModelReader } from '../stores/read-model-store';
import type { TrafficLightThresholds } from '../traffic-light/traffic-light';
import { computeProgress, computeTrend, yearToDate } from './target-progress.compute';
import {
  targetProgressFacts,
  targetProgressPlans,
  type PlanDoc,
  type TargetProgressView,
  type TargetTrendView,
} from './target-progress.document';
import { planId } from './target-progress.projection';

export interface TargetProgressListQuery {
  readonly year: number;
  /** The date 序时进度 is computed for (never the wall clock). */
  readonly asOf: BusinessDate;
  readonly unitIds?: ReadonlyArray<string>;
  readonly sort?: 'unitId' | 'light';
  readonly page?: PageRequest;
  readonly thresholds?: TrafficLightThresholds;
}

const LIGHT_ORDER = { red: 0, yellow: 1, blue: 2, green: 3 } as const;

/** Queries of target progress. */
export const targetProgressQueries = (store: ReadModelReader) => {
  /** The year's facts (dated in it or open in it), duplicates resolved as of the end of the window. */
  const factsOfYear = (
    year: number,
    asOf: BusinessDate,
    unitId?: string,
  ): Promise<ReadonlyArray<ProjectFacts>> =>
    loadCountingFacts(store, targetProgressFacts, {
      year,
      asOf: yearToDate(year, asOf).to,
      ...(unitId !== undefined ? { unitIds: [unitId] } : {}),
    });
  return {
    /** A unit's progress for a year as of a date; undefined when the unit has no plan that year. */
    unit: async (
      unitId: string,
      year: number,
      asOf: BusinessDate,
      thresholds?: TrafficLightThresholds,
    ): Promise<TargetProgressView | undefined> => {
      const plan = await store.get(targetProgressPlans, planId(unitId, year));
      if (plan === undefined) return undefined;
      const facts =
        plan.scope === 'region' ? await factsOfYear(year, asOf) : await factsOfYear(year, asOf, unitId);
      return computeProgress(plan, facts, asOf, thresholds);
    },
    /**
     * Region-wide progress: the region's plan (scope 'region') against every unit's projects,
     * each counted once. With several region plans, `regionUnitId` picks one.
     */
    region: async (
      year: number,
      asOf: BusinessDate,
      regionUnitId?: string,
      thresholds?: TrafficLightThresholds,
    ): Promise<TargetProgressView | undefined> => {
      const plans = await store.findAll(targetProgressPlans, {
        filter: { year, scope: 'region', ...(regionUnitId !== undefined ? { unitId: regionUnitId } : {}) },
      });
      const plan = plans[0];
      if (plan === undefined) return undefined;
      return computeProgress(plan, await factsOfYear(year, asOf), asOf, thresholds);
    },
    /** Every unit plan of a year with its progress, sorted by unit or by light (red first), paged. */
    list: async (q: TargetProgressListQuery): Promise<Page<TargetProgressView>> => {
      const plans: ReadonlyArray<PlanDoc> = await store.findAll(targetProgressPlans, {
        filter: {
          year: q.year,
          scope: 'unit',
          ...(q.unitIds !== undefined ? { unitId: { $in: q.unitIds } } : {}),
        },
        sort: [{ field: 'unitId', direction: 'asc' }],
      });
      const facts = await factsOfYear(q.year, q.asOf);
      const byUnit = new Map<string, ProjectFacts[]>();
      for (const f of facts) {
        const list = byUnit.get(f.unitId);
        if (list === undefined) byUnit.set(f.unitId, [f]);
        else list.push(f);
      }
      const views = plans.map((p) => computeProgress(p, byUnit.get(p.unitId) ?? [], q.asOf, q.thresholds));
      if (q.sort === 'light')
        views.sort((a, b) => LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light] || (a.unitId < b.unitId ? -1 : 1));
      return pageOf(views, q.page);
    },
    /**
     * The year month by month as of a date (the 大屏's headline and trend): a unit's projects
     * against its plan, or, without `unitId`, every unit's projects against the region's plan.
     */
    trend: async (
      year: number,
      asOf: BusinessDate,
      unitId?: string,
      thresholds?: TrafficLightThresholds,
    ): Promise<TargetTrendView> => {
      const plan =
        unitId !== undefined
          ? await store.get(targetProgressPlans, planId(unitId, year))
          : (await store.findAll(targetProgressPlans, { filter: { year, scope: 'region' } }))[0];
      // A region-wide plan set under the district's id counts every unit's projects, as `unit` does.
      const facts = await factsOfYear(year, asOf, plan?.scope === 'region' ? undefined : unitId);
      return computeTrend(year, asOf, facts, plan, unitId, thresholds);
    },
  };
};
export type TargetProgressQueries = ReturnType<typeof targetProgressQueries>;
