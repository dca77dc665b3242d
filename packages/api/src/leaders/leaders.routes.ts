import { IdText, queryInput } from '../http/query-inputs';
import type { CommandRoute, QueryRoute } from '../http/routes';

export const leaderCommandRoutes: ReadonlyArray<CommandRoute> = [
  {
    kind: 'command',
    command: 'RecordOutboundTrip',
    path: '/leaders/:leaderId/trips',
    tag: 'leaders',
    summary: '登记外出招商 / record an outbound trip (R15)',
    status: 201,
  },
  {
    kind: 'command',
    command: 'CorrectOutboundTrip',
    path: '/leaders/:leaderId/trips/:tripId/corrections',
    tag: 'leaders',
    summary: '更正外出招商记录 / correct a trip',
  },
];

/** `GET /leaders/{leaderId}/trips`. */
export const LeaderTripsInput = queryInput({ leaderId: IdText }, {});

export const leaderQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'GetLeaderTrips',
    path: '/leaders/:leaderId/trips',
    tag: 'leaders',
    summary: '领导外出招商记录 / a leader’s trips',
    input: LeaderTripsInput,
    returns: 'LeaderTrips',
  },
];
