import { addDays, type BusinessDate } from '@zhaoshang/domain';
import { loadCountingFacts } from '../counting/counting-facts';
import type { ProjectFacts, Window } from '../counting/project-facts';
import type { ReadModelReader } from '../stores/read-model-store';
import type { PlanDoc } from '../target-progress/target-progress.document';
import { periodWindow, scoreUnits, unitFigures, type ScoringInput } from './performance-review.compute';
import {
  reviewFacts,
  reviewPlans,
  reviewTrips,
  type PerformanceReview,
  type ReviewPeriod,
  type TripDoc,
} from './performance-review.document';
import { defaultScoringPolicy, type ScoringPolicy } from './scoring-policy';
import { missedVisitWeeksByUnit } from './performance-review.visits';
// enterprise requests (R17): figures per unit and department, read from the requests read model
import { requestsCollection } from '../requests/requests.document';
import { requestReview } from '../requests/requests.review';
// Leading-group meetings' 交办 items (R20)
import { meetingsQueries, noMeetingItems } from '../meetings/meetings.queries';
// land plots (R19): land figures per unit, counted not scored
import { landFiguresByUnit } from './performance-review.land';

export interface ReviewQuery {
  readonly period: ReviewPeriod;
  /** Default: the R12–R15 policy. */
  readonly policy?: ScoringPolicy;
  /** The units reviewed; default every unit with a plan of its own that year. */
  readonly unitIds?: ReadonlyArray<string>;
  /**
   * 统计截止 (issue #18 item 4): the review counts only what happened on or before this date — the
   * period ends there (a date before the period leaves it empty). Default: the whole period.
   */
  readonly asOf?: BusinessDate;
}

/** A review's window: the period's, ended early on `asOf` when that falls before the period's end. */
export const reviewWindow = (period: ReviewPeriod, asOf?: BusinessDate): Window => {
  const window = periodWindow(period);
  if (asOf === undefined || asOf >= window.to) return window;
  return { from: window.from, to: asOf < window.from ? addDays(window.from, -1) : asOf };
};

const group = <T extends { readonly unitId: string }>(xs: ReadonlyArray<T>): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const list = m.get(x.unitId);
    if (list === undefined) m.set(x.unitId, [x]);
    else list.push(x);
  }
  return m;
};

/** Queries of the performance review: figures, score and ranking of units for a period. */
export const performanceReviewQueries = (store: ReadModelReader) => ({
  review: async (q: ReviewQuery): Promise<PerformanceReview> => {
    const year = q.period.year;
    const policy = q.policy ?? defaultScoringPolicy;
    const plans: ReadonlyArray<PlanDoc> = await store.findAll(reviewPlans, {
      filter: { year, scope: 'unit' },
    });
    const unitIds = q.unitIds ?? plans.map((p) => p.unitId).sort();
    const window = reviewWindow(q.period, q.asOf);
    // Projects dated in the year or open in it, each duplicate group counted once as of the period's end.
    const facts = group<ProjectFacts>(
      await loadCountingFacts(store, reviewFacts, { year, unitIds, asOf: window.to }),
    );
    const trips = group<TripDoc>(
      await store.findAll(reviewTrips, { filter: { years: { $has: year }, unitId: { $in: unitIds } } }),
    );
    // Weekly 包保 visits (R18): weeks that ended in the period without the responsible person's visit.
    const missedVisitWeeks = await missedVisitWeeksByUnit(store, unitIds, window);
    const inputs: ScoringInput[] = unitIds.map((unitId) => {
      const f = facts.get(unitId) ?? [];
      const t = trips.get(unitId) ?? [];
      return {
        figures: {
          ...unitFigures(unitId, f, t, window, policy.principals?.[unitId]),
          missedVisitWeeks: missedVisitWeeks.get(unitId) ?? 0,
        },
        facts: f,
        trips: t,
        plan: plans.find((p) => p.unitId === unitId),
        window,
      };
    });
    // The review's own dates: the period's, ended on the as-of date when one was named.
    const scored = { ...scoreUnits(q.period, inputs, policy), to: window.to };

    // ---- enterprise requests (R17): added to the scored review, never scored themselves
    const requests = requestReview(
      await store.findAll(requestsCollection, { filter: { receivedOn: { $lte: window.to } } }),
      unitIds,
      window,
    );
    // Leading-group meetings' 交办 items (R20): each unit's items due in the period, not scored.
    const meetingItems = await meetingsQueries(store).figuresByUnit(unitIds, window);
    // ---- land plots (R19): added to the scored review, never scored themselves
    const land = await landFiguresByUnit(store, unitIds, window);
    const withLand = <U extends { readonly unitId: string }>(u: U) => {
      const figures = land.get(u.unitId);
      return figures === undefined ? u : { ...u, land: figures };
    };
    return {
      ...scored,
      units: scored.units.map((u) => {
        const figures = requests.units.get(u.unitId);
        const withRequests = figures === undefined ? u : { ...u, requests: figures };
        // Leading-group meetings' 交办 items (R20)
        return withLand({ ...withRequests, meetingItems: meetingItems.get(u.unitId) ?? noMeetingItems });
      }),
      requestDepartments: requests.departments,
    };
  },
});
export type PerformanceReviewQueries = ReturnType<typeof performanceReviewQueries>;
