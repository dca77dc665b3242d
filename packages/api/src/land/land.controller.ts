import { Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type * as t from 'io-ts';
import { Issue, Read } from '../auth/route-access';
import type { Principal } from '../auth/roles';
import { CommandGateway } from '../command-handling/command-gateway';
import { ReadScope } from '../http/read-scope';
import {
  Caller,
  CommandInput,
  Issued,
  QueryInput,
  type CommandOf,
  type RequestContext,
} from '../http/request-params';
import { QueryAnswers } from '../read-models/query-answers';
import { KeyProjectCheck } from './key-project-check';
import {
  ClearanceInput,
  LandExportInput,
  LandSummaryInput,
  PlotInput,
  PlotsInput,
  QuotaInput,
} from './land.routes';
import {
  ExportLand,
  GetIdleLand,
  GetLandClearance,
  GetLandQuota,
  GetPlot,
  GetPlots,
  GetRevitalisedLand,
} from './queries/land-queries';

/**
 * Land plots, the half-yearly clearance and the land-quota ledger (R19: 000 §四.5, 001 §(二)/(四),
 * 003). Commands go through the gateway (unit scoping from the plot's unit); lists of an investment
 * officer are their unit's.
 */
@Controller()
export class LandController {
  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(QueryAnswers) private readonly answers: QueryAnswers,
    @Inject(ReadScope) private readonly scope: ReadScope,
    @Inject(KeyProjectCheck) private readonly keyProjects: KeyProjectCheck,
  ) {}

  /** 地块入库登记 / enter a plot in the land register. */
  @Post('plots')
  @HttpCode(201)
  @Issue('RegisterPlot')
  registerPlot(
    @CommandInput('RegisterPlot') command: CommandOf<'RegisterPlot'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 更新供地进度 / record the plot's supply status. */
  @Post('plots/:plotId/supply')
  @HttpCode(200)
  @Issue('RecordPlotSupply')
  recordPlotSupply(
    @CommandInput('RecordPlotSupply') command: CommandOf<'RecordPlotSupply'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 地块供给项目 / allocate a plot to a project. */
  @Post('plots/:plotId/allocation')
  @HttpCode(200)
  @Issue('AllocatePlot')
  allocatePlot(
    @CommandInput('AllocatePlot') command: CommandOf<'AllocatePlot'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 土地清理认定 / record a clearance's finding. */
  @Post('plots/:plotId/flags')
  @HttpCode(200)
  @Issue('FlagPlot')
  flagPlot(@CommandInput('FlagPlot') command: CommandOf<'FlagPlot'>, @Issued() context: RequestContext) {
    return this.gateway.execute(command, context);
  }

  /** 盘活 / revitalise a plot by one of the four routes. */
  @Post('plots/:plotId/revitalisations')
  @HttpCode(200)
  @Issue('RevitalisePlot')
  revitalisePlot(
    @CommandInput('RevitalisePlot') command: CommandOf<'RevitalisePlot'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 收回地块 / reclaim a plot. */
  @Post('plots/:plotId/reclaim')
  @HttpCode(200)
  @Issue('ReclaimPlot')
  reclaimPlot(
    @CommandInput('ReclaimPlot') command: CommandOf<'ReclaimPlot'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 纳入储备 / return a reclaimed plot to the reserve. */
  @Post('plots/:plotId/reserve')
  @HttpCode(200)
  @Issue('ReturnPlotToReserve')
  returnPlotToReserve(
    @CommandInput('ReturnPlotToReserve') command: CommandOf<'ReturnPlotToReserve'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 下达用地指标 / grant land quota. */
  @Post('land-quota/:year/grants')
  @HttpCode(201)
  @Issue('GrantLandQuota')
  grantLandQuota(
    @CommandInput('GrantLandQuota', { numericParams: ['year'] }) command: CommandOf<'GrantLandQuota'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 使用用地指标 / use land quota (a key-project claim is checked against the project). */
  @Post('land-quota/:year/uses')
  @HttpCode(200)
  @Issue('UseLandQuota')
  async useLandQuota(
    @CommandInput('UseLandQuota', { numericParams: ['year'] }) command: CommandOf<'UseLandQuota'>,
    @Issued() context: RequestContext,
  ) {
    await this.keyProjects.check(command);
    return this.gateway.execute(command, context);
  }

  /** 释放预留指标 / release an unused reservation. */
  @Post('land-quota/:year/releases')
  @HttpCode(200)
  @Issue('ReleaseLandQuotaReservation')
  releaseLandQuotaReservation(
    @CommandInput('ReleaseLandQuotaReservation', { numericParams: ['year'] })
    command: CommandOf<'ReleaseLandQuotaReservation'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 地块台账 / the plot register with per-mu figures; an investment officer's is their unit's. */
  @Get('plots')
  @Read()
  plots(
    @QueryInput(PlotsInput) input: t.TypeOf<typeof PlotsInput>,
    @Caller() caller: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const query = new GetPlots(this.scope.unitOf(caller, input.unitId), input.status, {
      ...(input.limit !== undefined ? { limit: Number(input.limit) } : {}),
      ...(input.offset !== undefined ? { offset: Number(input.offset) } : {}),
    });
    return this.answers.sendCached(query, input, res);
  }

  /** 地块详情 / one plot. */
  @Get('plots/:plotId')
  @Read()
  plot(@QueryInput(PlotInput) input: t.TypeOf<typeof PlotInput>) {
    return this.answers.answer(new GetPlot(input.plotId), input);
  }

  /** 每半年土地清理清单 / the half-year's clearance list, as of its end or today. */
  @Get('land/clearance')
  @Read()
  clearance(
    @QueryInput(ClearanceInput) input: t.TypeOf<typeof ClearanceInput>,
    @Caller() caller: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const query = new GetLandClearance(
      input.asOf ?? this.answers.today(),
      this.scope.unitOf(caller, input.unitId),
      input.period,
    );
    return this.answers.sendCached(query, input, res);
  }

  /** 低效闲置用地 / idle and low-efficiency land with area totals. */
  @Get('land/idle')
  @Read()
  idle(
    @QueryInput(LandSummaryInput) input: t.TypeOf<typeof LandSummaryInput>,
    @Caller() caller: Principal,
    @Res() res: Response,
  ): Promise<void> {
    return this.answers.sendCached(new GetIdleLand(this.scope.unitOf(caller, input.unitId)), input, res);
  }

  /** 盘活与腾出土地 / revitalised and freed land by year and route. */
  @Get('land/revitalised')
  @Read()
  revitalised(
    @QueryInput(LandSummaryInput) input: t.TypeOf<typeof LandSummaryInput>,
    @Caller() caller: Principal,
    @Res() res: Response,
  ): Promise<void> {
    return this.answers.sendCached(
      new GetRevitalisedLand(this.scope.unitOf(caller, input.unitId)),
      input,
      res,
    );
  }

  /** 用地指标台账 / the land-quota ledgers. */
  @Get('land-quota')
  @Read()
  quota(@QueryInput(QuotaInput) input: t.TypeOf<typeof QuotaInput>, @Res() res: Response): Promise<void> {
    return this.answers.sendCached(
      new GetLandQuota(input.year !== undefined ? Number(input.year) : undefined),
      input,
      res,
    );
  }

  /** 导出土地台账 / the land register as Excel or CSV; an investment officer's is their unit's. */
  @Get('exports/land')
  @Read()
  export(
    @QueryInput(LandExportInput) input: t.TypeOf<typeof LandExportInput>,
    @Caller() caller: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const query = new ExportLand(
      input.format ?? 'xlsx',
      input.part ?? 'plots',
      input.asOf ?? this.answers.today(),
      input.period,
      this.scope.unitOf(caller, input.unitId),
    );
    return this.answers.stream(query, res);
  }
}
