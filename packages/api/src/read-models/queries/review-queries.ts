import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReadModels } from '../read-model.port';
import { READ_MODELS } from '../../tokens';

/** Performance review (绩效考核) of every unit in a period, ranked. */
export class GetPerformanceReview {
  constructor(readonly period: string) {}
}

/** Fulfilment monitoring (履约监管) of signed projects. */
export class GetFulfilment {
  constructor(readonly unitId?: string) {}
}

/** Supervision list (督办清单) as of a date. */
export class GetSupervisionList {
  constructor(
    readonly asOf: string,
    readonly unitId?: string,
  ) {}
}

@QueryHandler(GetPerformanceReview)
export class GetPerformanceReviewHandler implements IQueryHandler<GetPerformanceReview> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetPerformanceReview) {
    return this.readModels.performance(q.period);
  }
}

@QueryHandler(GetFulfilment)
export class GetFulfilmentHandler implements IQueryHandler<GetFulfilment> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetFulfilment) {
    return this.readModels.fulfilment(q.unitId);
  }
}

@QueryHandler(GetSupervisionList)
export class GetSupervisionListHandler implements IQueryHandler<GetSupervisionList> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetSupervisionList) {
    return this.readModels.supervision(q.asOf, q.unitId);
  }
}

export const reviewQueryHandlers = [
  GetPerformanceReviewHandler,
  GetFulfilmentHandler,
  GetSupervisionListHandler,
];
