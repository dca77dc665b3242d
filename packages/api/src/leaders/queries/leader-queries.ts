import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { aggregates, streamPrefixes, type Trip } from '@zhaoshang/domain';
import type { EventStore } from '@zhaoshang/eventstore';
import { NotFound } from '../../errors/api-errors';
import { foldStream } from '../../read-models/stream-state';
import { EVENT_STORE } from '../../tokens';

/** A leader's outbound trips (R15). */
export class GetLeaderTrips extends Query<LeaderTrips> {
  constructor(readonly leaderId: string) {
    super();
  }
}

/** A leader's trips as recorded and corrected, and their total days. */
export interface LeaderTrips {
  readonly leaderId: string;
  readonly trips: ReadonlyArray<Omit<Trip, 'asRecorded'>>;
  readonly totalDays: number;
}

/** The trips as recorded and corrected, and their total days, folded from the leader's own stream. */
@QueryHandler(GetLeaderTrips)
export class GetLeaderTripsHandler implements IQueryHandler<GetLeaderTrips, LeaderTrips> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetLeaderTrips): Promise<LeaderTrips> {
    const state = await foldStream(
      this.store,
      aggregates['leader-activity'],
      `${streamPrefixes['leader-activity']}${q.leaderId}`,
    );
    if (state.status !== 'active') throw new NotFound('NOT_FOUND', { leaderId: q.leaderId });
    const trips = [...state.trips.values()].map(({ asRecorded: _asRecorded, ...trip }) => trip);
    return { leaderId: q.leaderId, trips, totalDays: trips.reduce((s, t) => s + t.days, 0) };
  }
}

export const leaderQueryHandlers = [GetLeaderTripsHandler];
