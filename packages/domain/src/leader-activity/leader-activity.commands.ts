import * as t from 'io-ts';
import { factDate, type FactDates } from '../shared/business-date';
import { BusinessDate } from '../shared/dates';
import { struct } from '../shared/event-codec';
import { assertNever } from '../shared/exhaustive';
import { LeaderId, NonEmptyText, TripId } from '../shared/ids';
import { tripDetails, tripOutcome } from './leader-activity.events';

/** Record an outbound promotion trip; the number of days is computed by the decider (R15). */
export const RecordOutboundTrip = struct(
  { type: t.literal('RecordOutboundTrip'), tripId: TripId, leaderId: LeaderId, ...tripDetails },
  tripOutcome,
  'RecordOutboundTrip',
);
export type RecordOutboundTrip = t.TypeOf<typeof RecordOutboundTrip>;

/** The fields to correct (any subset); the record itself is never rewritten. */
export const TripChanges = struct({}, { ...tripDetails, ...tripOutcome }, 'TripChanges');
export type TripChanges = t.TypeOf<typeof TripChanges>;

/** Correct a recorded trip, saying why. */
export const CorrectOutboundTrip = struct(
  {
    type: t.literal('CorrectOutboundTrip'),
    tripId: TripId,
    leaderId: LeaderId,
    changes: TripChanges,
    correctedOn: BusinessDate,
    reason: NonEmptyText,
  },
  'CorrectOutboundTrip',
);
export type CorrectOutboundTrip = t.TypeOf<typeof CorrectOutboundTrip>;

export const LeaderActivityCommand = t.union(
  [RecordOutboundTrip, CorrectOutboundTrip],
  'LeaderActivityCommand',
);
export type LeaderActivityCommand = t.TypeOf<typeof LeaderActivityCommand>;

/**
 * The fact dates of a leader-activity command, its business date first (DOMAIN.md §5): a trip is
 * dated by its departure and is a fact only once it is over, so its return day is a fact date too.
 */
export const leaderActivityCommandDates = (c: LeaderActivityCommand): FactDates => {
  switch (c.type) {
    case 'RecordOutboundTrip':
      return [factDate('from', c.from), factDate('to', c.to)];
    case 'CorrectOutboundTrip':
      return [
        factDate('correctedOn', c.correctedOn),
        ...(c.changes.from !== undefined ? [factDate('changes.from', c.changes.from)] : []),
        ...(c.changes.to !== undefined ? [factDate('changes.to', c.changes.to)] : []),
      ];
    default:
      return assertNever(c);
  }
};
