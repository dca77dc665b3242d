import { Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type * as t from 'io-ts';
import { Issue, Read } from '../auth/route-access';
import { UNIT_SCOPED_ROLES, type Principal } from '../auth/roles';
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
import { ExportRequests } from './queries/request-export';
import { GetRequest, GetRequests } from './queries/request-queries';
import { RequestExportInput, RequestInput, RequestListInput } from './requests.routes';

/**
 * Enterprise requests and complaints (企业诉求 / 投诉, R17): the closed loop of 004 §(十二), one route
 * per step, the list (企业诉求台账), one request with its history, and its workbook. Overdue is
 * always judged on the server's today (DOMAIN.md §5: no caller says what today is). An investment
 * officer acts on and reads their own unit's requests (the gateway checks the unit of a command; the
 * reads here narrow to it).
 */
@Controller()
export class RequestsController {
  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(QueryAnswers) private readonly answers: QueryAnswers,
    @Inject(ReadScope) private readonly scope: ReadScope,
  ) {}

  /** 企业诉求台账 / enterprise requests; an investment officer's are their unit's. */
  @Get('requests')
  @Read()
  list(
    @QueryInput(RequestListInput) input: t.TypeOf<typeof RequestListInput>,
    @Caller() caller: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const unitId = this.scope.unitOf(caller, input.unitId);
    const query = new GetRequests(
      this.answers.today(),
      {
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(unitId !== undefined ? { unitId } : {}),
        ...(input.departmentId !== undefined ? { departmentId: input.departmentId } : {}),
        ...(input.overdue !== undefined ? { overdue: input.overdue === 'true' } : {}),
      },
      input.limit === undefined ? undefined : Number(input.limit),
      input.offset === undefined ? undefined : Number(input.offset),
    );
    return this.answers.sendCached(query, input, res);
  }

  /** 一件企业诉求及其办理经过 / one request with its history; another unit's is a 403 for an officer. */
  @Get('requests/:requestId')
  @Read()
  request(@QueryInput(RequestInput) input: t.TypeOf<typeof RequestInput>, @Caller() caller: Principal) {
    const unitId = UNIT_SCOPED_ROLES.has(caller.role) ? caller.unitId : undefined;
    return this.answers.answer(new GetRequest(input.requestId, this.answers.today(), unitId), input);
  }

  /** 导出企业诉求台账（Excel / CSV）/ the requests as Excel or CSV; an officer's are their unit's. */
  @Get('exports/requests')
  @Read()
  export(
    @QueryInput(RequestExportInput) input: t.TypeOf<typeof RequestExportInput>,
    @Caller() caller: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const query = new ExportRequests(
      input.format ?? 'xlsx',
      this.answers.today(),
      this.scope.unitOf(caller, input.unitId),
    );
    return this.answers.stream(query, res);
  }

  /** 受理企业诉求或投诉 / receive an enterprise request or complaint (R17). */
  @Post('requests')
  @HttpCode(201)
  @Issue('ReceiveRequest')
  receive(
    @CommandInput('ReceiveRequest') command: CommandOf<'ReceiveRequest'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 交办承办部门 / hand the request to a department (R17). */
  @Post('requests/:requestId/assignment')
  @HttpCode(200)
  @Issue('AssignRequest')
  assign(
    @CommandInput('AssignRequest') command: CommandOf<'AssignRequest'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 承办部门办结答复 / the department answers (R17). */
  @Post('requests/:requestId/answers')
  @HttpCode(200)
  @Issue('HandleRequest')
  handle(
    @CommandInput('HandleRequest') command: CommandOf<'HandleRequest'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 登记企业评价 / record the enterprise's evaluation (R17). */
  @Post('requests/:requestId/evaluations')
  @HttpCode(200)
  @Issue('EvaluateRequest')
  evaluate(
    @CommandInput('EvaluateRequest') command: CommandOf<'EvaluateRequest'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 办结归档 / close the request (R17). */
  @Post('requests/:requestId/closing')
  @HttpCode(200)
  @Issue('CloseRequest')
  close(@CommandInput('CloseRequest') command: CommandOf<'CloseRequest'>, @Issued() context: RequestContext) {
    return this.gateway.execute(command, context);
  }
}
