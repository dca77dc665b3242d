/**
 * The inputs of both reports from the projections' golden year (packages/projections/src/testing/
 * golden-scenario.ts: one zone, two other units, the region's plan): the scenario is appended to a
 * throwaway embedded event store, the projections are run into a memory store, then queried the
 * way the API does. Used by make-reports.ts and by test/golden-reports.int.spec.ts.
 */
import { openSqliteEventStore } from '@zhaoshang/eventstore';
import {
  allProjections,
  headPosition,
  MAX_PAGE_LIMIT,
  MemoryReadModelStore,
  performanceReviewQueries,
  ProjectionRunner,
  registerQueries,
  targetProgressQueries,
  type PerformanceReview,
  type RegisterEntry,
  type ReviewPeriod,
  type TargetProgressView,
} from '@zhaoshang/projections';
import { appendScenario, GOLDEN, goldenStreams } from '@zhaoshang/projections/testing';
import { date } from '@zhaoshang/domain';

/** Display names of the golden units (and of the region's plan). */
export const GOLDEN_UNIT_NAMES: Readonly<Record<string, string>> = {
  [GOLDEN.zone]: '经开区',
  [GOLDEN.other]: '高新区',
  [GOLDEN.third]: '城西街道',
  [GOLDEN.region]: '全区',
};

export interface GoldenInputs {
  readonly entries: ReadonlyArray<RegisterEntry>;
  readonly review: PerformanceReview;
  readonly progress: ReadonlyArray<TargetProgressView>;
  /** The head of the event store the read models were built from. */
  readonly position: bigint;
}

/** Every register row (dropped leads and duplicates included), the review of `period`, target progress as of `asOf`. */
export const goldenInputs = async (asOf: string, period: ReviewPeriod): Promise<GoldenInputs> => {
  const events = openSqliteEventStore({ file: ':memory:', durability: 'normal' });
  const store = new MemoryReadModelStore();
  try {
    await appendScenario(events, goldenStreams());
    const runner = new ProjectionRunner({ eventStore: events, store, projections: allProjections });
    await runner.start();
    await runner.stop();
    const day = date(asOf);
    const entries: RegisterEntry[] = [];
    for (let offset = 0; ; offset += MAX_PAGE_LIMIT) {
      const page = await registerQueries(store).list({
        asOf: day,
        filter: { includeDropped: true },
        sort: [{ field: 'projectId', direction: 'asc' }],
        page: { limit: MAX_PAGE_LIMIT, offset },
      });
      entries.push(...page.items);
      if (offset + page.items.length >= page.total) break;
    }
    const review = await performanceReviewQueries(store).review({ period });
    const progress: TargetProgressView[] = [];
    for (const u of review.units) {
      const view = await targetProgressQueries(store).unit(u.unitId, period.year, day);
      if (view !== undefined) progress.push(view);
    }
    const region = await targetProgressQueries(store).region(period.year, day);
    if (region !== undefined) progress.push(region);
    return { entries, review, progress, position: await headPosition(events) };
  } finally {
    await events.close();
    await store.close();
  }
};
