import { loadCountingFacts } from '../counting/counting-facts';
import type { ProjectFacts } from '../counting/project-facts';
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

export interface ReviewQuery {
  readonly period: ReviewPeriod;
  /** Default: the R12–R15 policy. */
  readonly policy?: ScoringPolicy;
  /** The units reviewed; default every unit with a plan of its own that year. */
  readonly unitIds?: ReadonlyArray<string>;
}

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
    const window = periodWindow(q.period);
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
    const scored = scoreUnits(q.period, inputs, policy);

    // ---- enterprise requests (R17): added to the scored review, never scored themselves
    const requests = requestReview(
      await store.findAll(requestsCollection, { filter: { receivedOn: { $lte: window.to } } }),
      unitIds,
      window,
    );
    // Leading-group meetings' 交办 items (R20): each unit's items due in the period, not scored.
    const meetingItems = await meetingsQueries(store).figuresByUnit(unitIds, window);
    return {
      ...scored,
      units: scored.units.map((u) => {
        const figures = requests.units.get(u.unitId);
        const withRequests = figures === undefined ? u : { ...u, requests: figures };
        // Leading-group meetings' 交办 items (R20)
        return { ...withRequests, meetingItems: meetingItems.get(u.unitId) ?? noMeetingItems };
      }),
      requestDepartments: requests.departments,
    };
  },
});
export type PerformanceReviewQueries = ReturnType<typeof performanceReviewQueries>;
