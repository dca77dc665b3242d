import type { LeaderActivityEvent } from './leader-activity.events';
import type { LeaderActivityState, Trip, TripFacts } from './leader-activity.state';

/** Removes absent optional fields so that a trip compares equal however it was built. */
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Records what happened; never validates (the decider already did). */
export const evolveLeaderActivity = (
  state: LeaderActivityState,
  event: LeaderActivityEvent,
): LeaderActivityState => {
  switch (event.type) {
    case 'OutboundTripRecorded': {
      const facts: TripFacts = defined({ ...event.data });
      const trips = new Map(state.status === 'active' ? state.trips : []);
      trips.set(facts.tripId, { ...facts, corrections: 0, asRecorded: facts });
      return {
        status: 'active',
        leaderId: state.status === 'active' ? state.leaderId : facts.leaderId,
        trips,
      };
    }
    case 'OutboundTripCorrected': {
      const trip = state.status === 'active' ? state.trips.get(event.data.tripId) : undefined;
      // A correction of an unknown trip cannot be emitted by decide; evolve stays total anyway.
      if (state.status !== 'active' || trip === undefined) return state;
      const corrected: Trip = {
        ...trip,
        ...defined(event.data.corrected),
        corrections: trip.corrections + 1,
      };
      const trips = new Map(state.trips);
      trips.set(trip.tripId, corrected);
      return { ...state, trips };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
