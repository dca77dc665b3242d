import { CountText, DateText, IdText, PeriodText, queryInput } from '../http/query-inputs';
import type { QueryRoute } from '../http/routes';

/** `GET /performance/{period}`; `asOf` (统计截止, issue #18 item 4) ends the period early. */
export const PerformanceInput = queryInput({ period: PeriodText }, { asOf: DateText });
/** `GET /fulfilment` and `GET /supervision`: a page, of one unit, lights as of a date. */
export const ListInput = queryInput(
  {},
  { unitId: IdText, asOf: DateText, limit: CountText, offset: CountText },
);

export const reviewQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'GetPerformanceReview',
    path: '/performance/:period',
    tag: 'reviews',
    summary: '绩效考核（六个更加突出、两率、赛马排名）/ performance review and ranking (R12–R15)',
    input: PerformanceInput,
    returns:
      'PerformanceReview { period, from, to, policy, units: UnitReview[] (counts, rates, score, rank) }',
  },
  {
    kind: 'query',
    name: 'GetFulfilment',
    path: '/fulfilment',
    tag: 'reviews',
    summary: '履约监管 / fulfilment monitoring (R5, R9, R10)',
    input: ListInput,
    returns:
      'Page<FulfilmentEntry> { items, total, offset, limit } (newest signing first; `limit` default 100, max 1,000)',
  },
  {
    kind: 'query',
    name: 'GetSupervisionList',
    path: '/supervision',
    tag: 'reviews',
    summary: '督办清单 / supervision list',
    input: ListInput,
    returns:
      'Page<SupervisionEntry> { items, total, offset, limit } (most days overdue first; `limit` default 100, max 1,000)',
  },
];
