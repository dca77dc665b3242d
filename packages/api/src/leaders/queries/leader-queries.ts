import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFound } from '../../errors/api-errors';
import type { ReadModels } from '../../read-models/read-model.port';
import { READ_MODELS } from '../../tokens';

/** A leader's outbound trips (R15). */
export class GetLeaderTrips {
  constructor(readonly leaderId: string) {}
}

@QueryHandler(GetLeaderTrips)
export class GetLeaderTripsHandler implements IQueryHandler<GetLeaderTrips> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  async execute(q: GetLeaderTrips) {
    const trips = await this.readModels.leaderTrips(q.leaderId);
    if (trips === undefined) throw new NotFound('NOT_FOUND', { leaderId: q.leaderId });
    return trips;
  }
}

export const leaderQueryHandlers = [GetLeaderTripsHandler];
