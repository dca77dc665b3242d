import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BusinessDate } from '@zhaoshang/domain';
import type {
  FulfilmentEntry,
  Page,
  PerformanceReview,
  ReviewPeriod,
  SupervisionEntry,
} from '@zhaoshang/projections';
import type { ReadModels } from '../read-model.port';
import { READ_MODELS } from '../../tokens';

/** A period label of the API ('2024', '2024-Q1', '2024-03') as the projections' review period. */
export const reviewPeriodOf = (label: string): ReviewPeriod => {
  const year = Number(label.slice(0, 4));
  if (label.length === 4) return { kind: 'year', year };
  if (label[5] === 'Q') return { kind: 'quarter', year, index: Number(label.slice(6)) };
  return { kind: 'month', year, index: Number(label.slice(5)) };
};

/** A page of a list query: default 100 entries, at most 1,000. */
export interface PageInput {
  readonly limit?: number;
  readonly offset?: number;
}
export const LIST_PAGE_DEFAULT = 100;
export const LIST_PAGE_MAX = 1000;
/** The bounds of a list page as the API's list routes take them (default 100, between 1 and 1,000). */
export const listPage = (p: PageInput): { readonly limit: number; readonly offset: number } => ({
  limit: Math.min(Math.max(p.limit ?? LIST_PAGE_DEFAULT, 1), LIST_PAGE_MAX),
  offset: p.offset ?? 0,
});

/** Performance review (绩效考核) of every unit in a period, scored and ranked (赛马). */
export class GetPerformanceReview extends Query<PerformanceReview> {
  constructor(
    readonly period: string,
    /** 统计截止: the review counts only what happened on or before this date (default: the whole period). */
    readonly asOf?: string,
  ) {
    super();
  }
}

/** Fulfilment monitoring (履约监管) of signed projects, lights as of a date. */
export class GetFulfilment extends Query<Page<FulfilmentEntry>> {
  constructor(
    readonly asOf: string,
    readonly unitId?: string,
    readonly page: PageInput = {},
  ) {
    super();
  }
}

/** Supervision list (督办清单) as of a date, most overdue first. */
export class GetSupervisionList extends Query<Page<SupervisionEntry>> {
  constructor(
    readonly asOf: string,
    readonly unitId?: string,
    readonly page: PageInput = {},
  ) {
    super();
  }
}

@QueryHandler(GetPerformanceReview)
export class GetPerformanceReviewHandler implements IQueryHandler<GetPerformanceReview, PerformanceReview> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetPerformanceReview): Promise<PerformanceReview> {
    return this.readModels.queries.review.review({
      period: reviewPeriodOf(q.period),
      ...(q.asOf !== undefined ? { asOf: q.asOf as BusinessDate } : {}),
    });
  }
}

@QueryHandler(GetFulfilment)
export class GetFulfilmentHandler implements IQueryHandler<GetFulfilment, Page<FulfilmentEntry>> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetFulfilment): Promise<Page<FulfilmentEntry>> {
    return this.readModels.queries.fulfilment.list({
      asOf: q.asOf as BusinessDate,
      ...(q.unitId !== undefined ? { filter: { unitId: q.unitId } } : {}),
      page: listPage(q.page),
    });
  }
}

@QueryHandler(GetSupervisionList)
export class GetSupervisionListHandler implements IQueryHandler<GetSupervisionList, Page<SupervisionEntry>> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetSupervisionList): Promise<Page<SupervisionEntry>> {
    return this.readModels.queries.supervision.list({
      asOf: q.asOf as BusinessDate,
      ...(q.unitId !== undefined ? { filter: { unitId: q.unitId } } : {}),
      page: listPage(q.page),
    });
  }
}

export const reviewQueryHandlers = [
  GetPerformanceReviewHandler,
  GetFulfilmentHandler,
  GetSupervisionListHandler,
];
