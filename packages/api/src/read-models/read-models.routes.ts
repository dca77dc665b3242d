import { CountText, DateText, IdText, PeriodText, queryInput } from '../http/query-inputs';
import type { QueryRoute } from '../http/routes';
import { GetFulfilment, GetPerformanceReview, GetSupervisionList } from './queries/review-queries';

const paged = (i: Record<string, string | undefined>) => ({
  ...(i.limit !== undefined ? { limit: Number(i.limit) } : {}),
  ...(i.offset !== undefined ? { offset: Number(i.offset) } : {}),
});

export const reviewQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'GetPerformanceReview',
    cacheable: true,
    path: '/performance/:period',
    tag: 'reviews',
    summary: '绩效考核（六个更加突出、两率、赛马排名）/ performance review and ranking (R12–R15)',
    input: queryInput({ period: PeriodText }, {}),
    build: (i) => new GetPerformanceReview(i.period!),
    returns:
      'PerformanceReview { period, from, to, policy, units: UnitReview[] (counts, rates, score, rank) }',
  },
  {
    kind: 'query',
    name: 'GetFulfilment',
    cacheable: true,
    path: '/fulfilment',
    tag: 'reviews',
    summary: '履约监管 / fulfilment monitoring (R5, R9, R10)',
    input: queryInput({}, { unitId: IdText, asOf: DateText, limit: CountText, offset: CountText }),
    build: (i, today) => new GetFulfilment(i.asOf ?? today, i.unitId, paged(i)),
    returns:
      'Page<FulfilmentEntry> { items, total, offset, limit } (newest signing first; `limit` default 100, max 1,000)',
  },
  {
    kind: 'query',
    name: 'GetSupervisionList',
    cacheable: true,
    path: '/supervision',
    tag: 'reviews',
    summary: '督办清单 / supervision list',
    input: queryInput({}, { unitId: IdText, asOf: DateText, limit: CountText, offset: CountText }),
    build: (i, today) => new GetSupervisionList(i.asOf ?? today, i.unitId, paged(i)),
    returns:
      'Page<SupervisionEntry> { items, total, offset, limit } (most days overdue first; `limit` default 100, max 1,000)',
  },
];
