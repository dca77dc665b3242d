import { PeriodText, queryInput } from '../http/query-inputs';
import type { CommandRoute, QueryRoute } from '../http/routes';
import { GetBulletin } from './queries/bulletin-queries';

export const bulletinCommandRoutes: ReadonlyArray<CommandRoute> = [
  {
    kind: 'command',
    command: 'PublishBulletin',
    path: '/bulletins',
    tag: 'bulletins',
    summary: '发布通报 / publish a bulletin (R14)',
    status: 201,
  },
  {
    kind: 'command',
    command: 'CorrectBulletin',
    path: '/bulletins/corrections',
    tag: 'bulletins',
    summary: '更正通报 / correct a bulletin',
  },
];

export const bulletinQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'GetBulletin',
    path: '/bulletins/:period',
    tag: 'bulletins',
    summary: '已发布通报 / a published bulletin',
    input: queryInput({ period: PeriodText }, {}),
    build: (i) => new GetBulletin(i.period!),
    returns: 'Bulletin',
  },
];
