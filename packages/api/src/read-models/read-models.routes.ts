import { DateText, IdText, PeriodText, queryInput } from '../http/query-inputs';
import type { QueryRoute } from '../http/routes';
import { GetFulfilment, GetPerformanceReview, GetSupervisionList } from './queries/review-queries';

export const reviewQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'GetPerformanceReview',
    path: '/performance/:period',
    tag: 'reviews',
    summary: '绩效考核（六个更加突出、两率、赛马排名）/ performance review and ranking (R12–R15)',
    input: queryInput({ period: PeriodText }, {}),
    build: (i) => new GetPerformanceReview(i.period!),
    returns: 'UnitPerformance[]',
  },
  {
    kind: 'query',
    name: 'GetFulfilment',
    path: '/fulfilment',
    tag: 'reviews',
    summary: '履约监管 / fulfilment monitoring (R5, R9, R10)',
    input: queryInput({}, { unitId: IdText }),
    build: (i) => new GetFulfilment(i.unitId),
    returns: 'FulfilmentEntry[]',
  },
  {
    kind: 'query',
    name: 'GetSupervisionList',
    path: '/supervision',
    tag: 'reviews',
    summary: '督办清单 / supervision list',
    input: queryInput({}, { unitId: IdText, asOf: DateText }),
    build: (i, today) => new GetSupervisionList(i.asOf ?? today, i.unitId),
    returns: 'SupervisionItem[]',
  },
];
