import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BusinessDate } from '@zhaoshang/domain';
import { MAX_PAGE_LIMIT, type TargetProgressView, type TargetTrendView } from '@zhaoshang/projections';
import { NotFound } from '../../errors/api-errors';
import type { ReadModels } from '../../read-models/read-model.port';
import { READ_MODELS } from '../../tokens';

/** Target progress (目标进度) of a unit's (or the region's) plan for a year, as of a date. */
export class GetTargetProgress extends Query<TargetProgressView> {
  constructor(
    readonly unitId: string,
    readonly year: number,
    readonly asOf: string,
  ) {
    super();
  }
}

/** The progress of every plan of a year: each unit's, then the region's. */
export class GetYearProgress extends Query<ReadonlyArray<TargetProgressView>> {
  constructor(
    readonly year: number,
    readonly asOf: string,
  ) {
    super();
  }
}

@QueryHandler(GetTargetProgress)
export class GetTargetProgressHandler implements IQueryHandler<GetTargetProgress, TargetProgressView> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  async execute(q: GetTargetProgress): Promise<TargetProgressView> {
    const progress = await this.readModels.queries.targetProgress.unit(
      q.unitId,
      q.year,
      q.asOf as BusinessDate,
    );
    if (progress === undefined) throw new NotFound('NOT_FOUND', { targetPlan: `${q.unitId}/${q.year}` });
    return progress;
  }
}

@QueryHandler(GetYearProgress)
export class GetYearProgressHandler implements IQueryHandler<
  GetYearProgress,
  ReadonlyArray<TargetProgressView>
> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  async execute(q: GetYearProgress): Promise<ReadonlyArray<TargetProgressView>> {
    const asOf = q.asOf as BusinessDate;
    const units = await this.readModels.queries.targetProgress.list({
      year: q.year,
      asOf,
      page: { limit: MAX_PAGE_LIMIT, offset: 0 },
    });
    const region = await this.readModels.queries.targetProgress.region(q.year, asOf);
    return region === undefined ? units.items : [...units.items, region];
  }
}

// the 大屏's trend (issue #18 item 4)
/** A unit's year (or, without a unit, the whole region's) month by month as of a date. */
export class GetTargetTrend extends Query<TargetTrendView> {
  constructor(
    readonly year: number,
    readonly asOf: string,
    readonly unitId?: string,
  ) {
    super();
  }
}

@QueryHandler(GetTargetTrend)
export class GetTargetTrendHandler implements IQueryHandler<GetTargetTrend, TargetTrendView> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetTargetTrend): Promise<TargetTrendView> {
    return this.readModels.queries.targetProgress.trend(q.year, q.asOf as BusinessDate, q.unitId);
  }
}

export const targetQueryHandlers = [
  GetTargetProgressHandler,
  GetYearProgressHandler,
  // the 大屏's trend (issue #18 item 4)
  GetTargetTrendHandler,
];
