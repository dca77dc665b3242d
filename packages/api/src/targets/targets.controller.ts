import { Controller, Get, HttpCode, Inject, Post, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import type * as t from 'io-ts';
import { Issue, Read } from '../auth/route-access';
import { CommandGateway } from '../command-handling/command-gateway';
import {
  CommandInput,
  Issued,
  QueryInput,
  type CommandOf,
  type RequestContext,
} from '../http/request-params';
import { QueryAnswers } from '../read-models/query-answers';
import { GetTargetProgress, GetTargetTrend, GetYearProgress } from './queries/target-queries';
import { TargetProgressInput, TrendInput, YearProgressInput } from './targets.routes';

/** Annual targets of a unit (or the region) and their progress (R11, R12). */
@Controller('targets')
export class TargetsController {
  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(QueryAnswers) private readonly answers: QueryAnswers,
  ) {}

  /** 下达年度目标 / set annual targets (R11, R12). */
  @Put(':unitId/:year')
  @HttpCode(201)
  @Issue('SetAnnualTargets')
  setAnnualTargets(
    @CommandInput('SetAnnualTargets', { numericParams: ['year'] }) command: CommandOf<'SetAnnualTargets'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 调整年度目标 / revise annual targets. */
  @Post(':unitId/:year/revisions')
  @HttpCode(200)
  @Issue('ReviseAnnualTargets')
  reviseAnnualTargets(
    @CommandInput('ReviseAnnualTargets', { numericParams: ['year'] })
    command: CommandOf<'ReviseAnnualTargets'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 目标进度（含序时进度）/ target progress with time-elapsed expectation. */
  @Get(':unitId/:year/progress')
  @Read()
  progress(
    @QueryInput(TargetProgressInput) input: t.TypeOf<typeof TargetProgressInput>,
    @Res() res: Response,
  ): Promise<void> {
    const asOf = input.asOf ?? this.answers.today();
    return this.answers.sendCached(new GetTargetProgress(input.unitId, Number(input.year), asOf), input, res);
  }

  /** 全区各单位目标进度 / progress of every plan of a year. */
  @Get(':year/progress')
  @Read()
  yearProgress(
    @QueryInput(YearProgressInput) input: t.TypeOf<typeof YearProgressInput>,
    @Res() res: Response,
  ): Promise<void> {
    return this.answers.sendCached(
      new GetYearProgress(Number(input.year), input.asOf ?? this.answers.today()),
      input,
      res,
    );
  }

  // the 大屏's trend (issue #18 item 4)
  /** 逐月累计完成与序时进度 / the year month by month: headline figures and the plan's progress. */
  @Get(':year/trend')
  @Read()
  trend(@QueryInput(TrendInput) input: t.TypeOf<typeof TrendInput>, @Res() res: Response): Promise<void> {
    return this.answers.sendCached(
      new GetTargetTrend(Number(input.year), input.asOf ?? this.answers.today(), input.unitId),
      input,
      res,
    );
  }
}
