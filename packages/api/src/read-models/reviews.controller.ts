import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type * as t from 'io-ts';
import { Read } from '../auth/route-access';
import type { Principal } from '../auth/roles';
import { ReadScope } from '../http/read-scope';
import { Caller, QueryInput } from '../http/request-params';
import {
  GetFulfilment,
  GetPerformanceReview,
  GetSupervisionList,
  type PageInput,
} from './queries/review-queries';
import { QueryAnswers } from './query-answers';
import { ListInput, PerformanceInput } from './read-models.routes';

const pageOf = (input: t.TypeOf<typeof ListInput>): PageInput => ({
  ...(input.limit !== undefined ? { limit: Number(input.limit) } : {}),
  ...(input.offset !== undefined ? { offset: Number(input.offset) } : {}),
});

/** Reviews from the read models: performance and ranking (赛马), fulfilment, the supervision list. */
@Controller()
export class ReviewsController {
  constructor(
    @Inject(QueryAnswers) private readonly answers: QueryAnswers,
    @Inject(ReadScope) private readonly scope: ReadScope,
  ) {}

  /** 绩效考核（六个更加突出、两率、赛马排名）/ performance review and ranking (R12–R15). */
  @Get('performance/:period')
  @Read()
  performance(
    @QueryInput(PerformanceInput) input: t.TypeOf<typeof PerformanceInput>,
    @Res() res: Response,
  ): Promise<void> {
    return this.answers.sendCached(new GetPerformanceReview(input.period, input.asOf), input, res);
  }

  /** 履约监管 / fulfilment monitoring (R5, R9, R10); an investment officer's is their unit's. */
  @Get('fulfilment')
  @Read()
  fulfilment(
    @QueryInput(ListInput) input: t.TypeOf<typeof ListInput>,
    @Caller() caller: Principal,
    @Res() res: Response,
  ): Promise<void> {
    return this.answers.sendCached(new GetFulfilment(...this.list(input, caller)), input, res);
  }

  /** 督办清单 / supervision list; an investment officer's is their unit's. */
  @Get('supervision')
  @Read()
  supervision(
    @QueryInput(ListInput) input: t.TypeOf<typeof ListInput>,
    @Caller() caller: Principal,
    @Res() res: Response,
  ): Promise<void> {
    return this.answers.sendCached(new GetSupervisionList(...this.list(input, caller)), input, res);
  }

  /** A list's date (default today), unit (the caller's own for a unit-scoped role) and page. */
  private list(
    input: t.TypeOf<typeof ListInput>,
    caller: Principal,
  ): [string, string | undefined, PageInput] {
    return [input.asOf ?? this.answers.today(), this.scope.unitOf(caller, input.unitId), pageOf(input)];
  }
}
