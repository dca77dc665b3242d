import type { LeaderActivityEvent } from '@zhaoshang/domain';
import { evolveFacts } from '../counting/project-facts';
import { put, type DocChange, type DocReader, type Projection } from '../read-model';
import { evolvePlan, planId } from '../target-progress/target-progress.projection';
import { reviewFacts, reviewPlans, reviewTrips, type TripDoc } from './performance-review.document';
import { missedVisitWeekChanges, reviewMissedVisitWeeks } from './performance-review.visits';

const yearsBetween = (from: string, to: string): ReadonlyArray<number> => {
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) out.push(y);
  return out;
};

/** A trip after a leader-activity event; corrections replace only the fields they name. */
export const evolveTrip = (trip: TripDoc | undefined, event: LeaderActivityEvent): TripDoc | undefined => {
  switch (event.type) {
    case 'OutboundTripRecorded': {
      const e = event.data;
      if (trip !== undefined) return trip;
      return {
        tripId: e.tripId,
        leaderId: e.leaderId,
        unitId: e.unitId,
        from: e.from,
        to: e.to,
        years: yearsBetween(e.from, e.to),
      };
    }
    case 'OutboundTripCorrected': {
      if (trip === undefined) return undefined;
      const c = event.data.corrected;
      const from = c.from ?? trip.from;
      const to = c.to ?? trip.to;
      return { ...trip, unitId: c.unitId ?? trip.unitId, from, to, years: yearsBetween(from, to) };
    }
  }
};

/** Performance review (绩效考核): project facts, plans and leaders' trips, scored at query time. */
export const performanceReviewProjection: Projection = {
  name: 'performance-review',
  version: 4,
  categories: ['project', 'target-plan', 'leader-activity'],
  collections: [
    reviewFacts,
    reviewPlans,
    reviewTrips,
    // Weekly 包保 visits (R18)
    reviewMissedVisitWeeks,
  ],
  apply: (docs: DocReader, decoded): ReadonlyArray<DocChange> => {
    switch (decoded.category) {
      case 'project': {
        // Weekly 包保 visits (R18): a week raised without a visit is kept apart, with its project's unit.
        if (decoded.event.type === 'VisitWeekMissed') return missedVisitWeekChanges(docs, decoded.event.data);
        const id = decoded.event.data.projectId;
        const before = docs.get(reviewFacts, id);
        const after = evolveFacts(before, decoded.event);
        return after === undefined || after === before ? [] : [put(reviewFacts, id, after)];
      }
      case 'target-plan': {
        const id = planId(decoded.event.data.unitId, decoded.event.data.year);
        const before = docs.get(reviewPlans, id);
        const after = evolvePlan(before, decoded.event);
        return after === undefined || after === before ? [] : [put(reviewPlans, id, after)];
      }
      case 'leader-activity': {
        const id = decoded.event.data.tripId;
        const before = docs.get(reviewTrips, id);
        const after = evolveTrip(before, decoded.event);
        return after === undefined || after === before ? [] : [put(reviewTrips, id, after)];
      }
      default:
        return [];
    }
  },
};
