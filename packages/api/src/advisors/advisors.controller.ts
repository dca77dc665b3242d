import { Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
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
import { AdvisorInput, AdvisorsExportInput, AdvisorsInput } from './advisors.routes';
import { ExportAdvisors, GetAdvisor, ListAdvisors } from './queries/advisor-queries';

/**
 * 招商顾问 (R21 · 002 §八): the leading-group office appoints and dismisses, the investment officer
 * of the project's unit credits an introduction, the finance bureau records the one-time reward. The
 * registry and its export are open to every reader: advisors serve the whole region.
 */
@Controller()
export class AdvisorsController {
  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(QueryAnswers) private readonly answers: QueryAnswers,
  ) {}

  /** 聘请招商顾问 / appoint an advisor. */
  @Post('advisors')
  @HttpCode(201)
  @Issue('AppointAdvisor')
  appoint(
    @CommandInput('AppointAdvisor') command: CommandOf<'AppointAdvisor'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 解聘 / 聘期届满 / end the appointment. */
  @Post('advisors/:advisorId/appointment-end')
  @HttpCode(200)
  @Issue('EndAdvisorAppointment')
  end(
    @CommandInput('EndAdvisorAppointment') command: CommandOf<'EndAdvisorAppointment'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 认定牵线搭桥 / credit an introduction. */
  @Post('advisors/:advisorId/introductions')
  @HttpCode(201)
  @Issue('CreditIntroduction')
  credit(
    @CommandInput('CreditIntroduction') command: CommandOf<'CreditIntroduction'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 一次性奖励 / record the one-time reward. */
  @Post('advisors/:advisorId/rewards')
  @HttpCode(201)
  @Issue('RewardAdvisor')
  reward(
    @CommandInput('RewardAdvisor') command: CommandOf<'RewardAdvisor'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 招商顾问名册 / the advisor registry. */
  @Get('advisors')
  @Read()
  list(@QueryInput(AdvisorsInput) input: t.TypeOf<typeof AdvisorsInput>) {
    return this.answers.answer(
      new ListAdvisors(
        {
          ...(input.status !== undefined ? { status: input.status } : {}),
          ...(input.category !== undefined ? { category: input.category } : {}),
          ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
        },
        input.limit === undefined ? undefined : Number(input.limit),
        input.offset === undefined ? undefined : Number(input.offset),
      ),
      input,
    );
  }

  /** 招商顾问 / one advisor. */
  @Get('advisors/:advisorId')
  @Read()
  one(@QueryInput(AdvisorInput) input: t.TypeOf<typeof AdvisorInput>) {
    return this.answers.answer(new GetAdvisor(input.advisorId), input);
  }

  /** 导出招商顾问名册（Excel / CSV）/ the advisor registry as Excel or CSV. */
  @Get('exports/advisors')
  @Read()
  export(
    @QueryInput(AdvisorsExportInput) input: t.TypeOf<typeof AdvisorsExportInput>,
    @Res() res: Response,
  ): Promise<void> {
    return this.answers.stream(
      new ExportAdvisors(input.format ?? 'xlsx', this.answers.today(), input.status),
      res,
    );
  }
}
