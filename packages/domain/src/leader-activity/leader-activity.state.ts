import type { BusinessDate } from '../shared/dates';
import type { LeaderId, NonEmptyText, ProjectId, TripId, UnitId } from '../shared/ids';
import type { Count } from '../shared/money';

/** The facts of a trip as a register records them. */
export interface TripFacts {
  readonly tripId: TripId;
  readonly leaderId: LeaderId;
  readonly unitId: UnitId;
  readonly delegation: NonEmptyText;
  readonly members: ReadonlyArray<NonEmptyText>;
  readonly destination: NonEmptyText;
  readonly from: BusinessDate;
  readonly to: BusinessDate;
  readonly days: Count;
  readonly companiesMet: ReadonlyArray<NonEmptyText>;
  readonly leadsProduced: ReadonlyArray<ProjectId>;
  readonly results?: NonEmptyText;
  readonly nextSteps?: NonEmptyText;
}

/** A trip as it stands after its corrections, with the facts first recorded (a late repeat stays harmless). */
export interface Trip extends TripFacts {
  readonly corrections: number;
  readonly asRecorded: TripFacts;
}

/** No trip recorded for this leader yet. */
export interface NoActivity {
  readonly status: 'none';
}

/** The leader's trips, in the order they were recorded. */
export interface LeaderActivity {
  readonly status: 'active';
  readonly leaderId: LeaderId;
  readonly trips: ReadonlyMap<TripId, Trip>;
}

export type LeaderActivityState = NoActivity | LeaderActivity;

export const initialLeaderActivityState: LeaderActivityState = { status: 'none' };
