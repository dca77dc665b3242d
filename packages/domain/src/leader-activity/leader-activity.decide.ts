import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import { daysBetween, type BusinessDate } from '../shared/dates';
import type { Decider } from '../shared/decider';
import { domainError, type DomainError, type ErrorParams } from '../shared/errors';
import type { TripId } from '../shared/ids';
import { count, type Count } from '../shared/money';
import type {
  CorrectOutboundTrip,
  LeaderActivityCommand,
  RecordOutboundTrip,
} from './leader-activity.commands';
import type { LeaderActivityErrorCode } from './leader-activity.errors';
import type { LeaderActivityEvent, TripCorrection } from './leader-activity.events';
import { evolveLeaderActivity } from './leader-activity.evolve';
import {
  initialLeaderActivityState,
  type LeaderActivityState,
  type TripFacts,
} from './leader-activity.state';

type Decision = Either<DomainError, ReadonlyArray<LeaderActivityEvent>>;

/** A refusal with a code of the catalogue (a code missing there fails to compile). */
const refuse = (code: LeaderActivityErrorCode, params: ErrorParams = {}): Either<DomainError, never> =>
  E.left(domainError(code, params));

/** Calendar days of a trip, departure and return days included (a trip out and back the same day is 1). */
export const inclusiveDays = (from: BusinessDate, to: BusinessDate): Count =>
  count(daysBetween(from, to) + 1);

/** A trip returns on or after the day it leaves (R15: trip days are counted from these dates). */
export const requireValidDates = (from: BusinessDate, to: BusinessDate): Either<DomainError, Count> =>
  to < from ? refuse('TRIP_DATES_INVALID', { from, to }) : E.right(inclusiveDays(from, to));

/** A leader is on one trip at a time: day ranges (inclusive) of two trips never share a day, so no day counts twice (R15). */
export const requireNoOverlap = (
  state: LeaderActivityState,
  tripId: TripId,
  from: BusinessDate,
  to: BusinessDate,
): Either<DomainError, true> => {
  if (state.status === 'active') {
    for (const other of state.trips.values()) {
      if (other.tripId !== tripId && other.from <= to && from <= other.to) {
        return refuse('TRIP_OVERLAPS', { tripId: other.tripId, from: other.from, to: other.to });
      }
    }
  }
  return E.right(true);
};

const FIELDS = [
  'leaderId',
  'unitId',
  'delegation',
  'members',
  'destination',
  'from',
  'to',
  'days',
  'companiesMet',
  'leadsProduced',
  'results',
  'nextSteps',
] as const satisfies ReadonlyArray<keyof TripFacts>;

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;

/** Two records of the same trip say the same thing. */
export const sameTrip = (a: TripFacts, b: TripFacts): boolean =>
  a.tripId === b.tripId && FIELDS.every((f) => sameValue(a[f], b[f]));

/** R15: a trip is recorded once, with valid dates and no overlap with the leader's other trips. */
export const decideRecordOutboundTrip = (c: RecordOutboundTrip, s: LeaderActivityState): Decision =>
  E.flatMap(requireValidDates(c.from, c.to), (days): Decision => {
    const { type: _type, ...fields } = c;
    const facts: TripFacts = { ...fields, days };
    const existing = s.status === 'active' ? s.trips.get(c.tripId) : undefined;
    if (existing !== undefined) {
      return sameTrip(facts, existing.asRecorded) || sameTrip(facts, existing)
        ? E.right([])
        : refuse('TRIP_ID_CONFLICT', { tripId: c.tripId });
    }
    return E.flatMap(requireNoOverlap(s, c.tripId, c.from, c.to), (): Decision =>
      E.right([
        {
          type: 'OutboundTripRecorded',
          data: Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as typeof facts,
        },
      ]),
    );
  });

/** R15 (DOMAIN.md §5): a correction states only what differs from the trip as it stands. */
export const decideCorrectOutboundTrip = (c: CorrectOutboundTrip, s: LeaderActivityState): Decision => {
  const trip = s.status === 'active' ? s.trips.get(c.tripId) : undefined;
  if (trip === undefined) return refuse('TRIP_NOT_FOUND', { tripId: c.tripId });
  const from = c.changes.from ?? trip.from;
  const to = c.changes.to ?? trip.to;
  return E.flatMap(requireValidDates(from, to), (days): Decision => {
    const proposed: TripCorrection = { ...c.changes, ...(days === trip.days ? {} : { days }) };
    // Only what differs from the trip as it stands is a correction.
    const corrected = Object.fromEntries(
      Object.entries(proposed).filter(
        ([field, value]) => value !== undefined && !sameValue(value, trip[field as keyof TripCorrection]),
      ),
    ) as TripCorrection;
    if (Object.keys(corrected).length === 0) return E.right([]);
    if (corrected.from !== undefined || corrected.to !== undefined) {
      // The range moved: state it whole, with its day count, so the event reads on its own.
      Object.assign(corrected, { from, to, days });
    }
    return E.flatMap(requireNoOverlap(s, trip.tripId, from, to), (): Decision =>
      E.right([
        {
          type: 'OutboundTripCorrected',
          data: {
            tripId: trip.tripId,
            leaderId: trip.leaderId,
            corrected,
            correctedOn: c.correctedOn,
            reason: c.reason,
          },
        },
      ]),
    );
  });
};

export const decideLeaderActivity = (
  command: LeaderActivityCommand,
  state: LeaderActivityState,
): Decision => {
  switch (command.type) {
    case 'RecordOutboundTrip':
      return decideRecordOutboundTrip(command, state);
    case 'CorrectOutboundTrip':
      return decideCorrectOutboundTrip(command, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
};

/** A leader's outbound promotion trips (stream per leader, R15). */
export const leaderActivityDecider: Decider<LeaderActivityCommand, LeaderActivityEvent, LeaderActivityState> =
  {
    initialState: initialLeaderActivityState,
    evolve: evolveLeaderActivity,
    decide: decideLeaderActivity,
    isTerminal: () => false,
  };
