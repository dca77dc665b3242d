import * as t from 'io-ts';
import { BusinessDate, NonEmptyText } from '@zhaoshang/domain';
import { PeriodText, queryInput } from '../http/query-inputs';
import type { CommandRoute, QueryRoute } from '../http/routes';

/** What a caller sends to publish: the period; the figures are computed by the server. */
export const PublishBulletinRequest = t.intersection(
  [t.type({ period: PeriodText }), t.partial({ publishedOn: BusinessDate, publishedBy: NonEmptyText })],
  'PublishBulletinRequest',
);

/** What a caller sends to correct (the period is in the path): why; the figures are recomputed. */
export const CorrectBulletinRequest = t.intersection(
  [
    t.type({ period: PeriodText, reason: NonEmptyText }),
    t.partial({ correctedOn: BusinessDate, correctedBy: NonEmptyText }),
  ],
  'CorrectBulletinRequest',
);

export const bulletinCommandRoutes: ReadonlyArray<CommandRoute> = [
  {
    kind: 'command',
    command: 'PublishBulletin',
    path: '/bulletins',
    tag: 'bulletins',
    summary:
      '发布通报（数据由服务端按当前位置计算）/ publish a bulletin, figures computed by the server (R14)',
    status: 201,
    request: PublishBulletinRequest,
  },
  {
    kind: 'command',
    command: 'CorrectBulletin',
    path: '/bulletins/:period/corrections',
    tag: 'bulletins',
    summary: '更正通报（按当前位置重算，附理由）/ correct a bulletin: recomputed now, with a reason (R14)',
    request: CorrectBulletinRequest,
  },
];

/** `GET /bulletins/{period}` and its verification. */
export const BulletinInput = queryInput({ period: PeriodText }, {});

export const bulletinQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'GetBulletin',
    path: '/bulletins/:period',
    tag: 'bulletins',
    summary: '已发布通报 / a published bulletin',
    input: BulletinInput,
    returns: 'Bulletin',
  },
  {
    kind: 'query',
    name: 'VerifyBulletin',
    path: '/bulletins/:period/verification',
    tag: 'bulletins',
    summary: '通报重算核对（审计）/ a bulletin re-derived from history (auditors)',
    input: BulletinInput,
    returns: 'BulletinVerification',
  },
];
