import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFound } from '../../errors/api-errors';
import type { ReadModels } from '../../read-models/read-model.port';
import { READ_MODELS } from '../../tokens';

/** Target progress (目标进度) of a unit's (or the region's) plan for a year, as of a date. */
export class GetTargetProgress {
  constructor(
    readonly unitId: string,
    readonly year: number,
    readonly asOf: string,
  ) {}
}

/** The progress of every plan of a year (units and region). */
export class GetYearProgress {
  constructor(
    readonly year: number,
    readonly asOf: string,
  ) {}
}

@QueryHandler(GetTargetProgress)
export class GetTargetProgressHandler implements IQueryHandler<GetTargetProgress> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  async execute(q: GetTargetProgress) {
    const progress = await this.readModels.targetProgress(q.unitId, q.year, q.asOf);
    if (progress === undefined) throw new NotFound('NOT_FOUND', { targetPlan: `${q.unitId}/${q.year}` });
    return progress;
  }
}

@QueryHandler(GetYearProgress)
export class GetYearProgressHandler implements IQueryHandler<GetYearProgress> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  async execute(q: GetYearProgress) {
    const plans = await this.readModels.targetPlans(q.year);
    const all = await Promise.all(plans.map((p) => this.readModels.targetProgress(p.unitId, q.year, q.asOf)));
    return all.filter((x) => x !== undefined);
  }
}

export const targetQueryHandlers = [GetTargetProgressHandler, GetYearProgressHandler];
