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
import { MeetingInput, MeetingItemsInput, MeetingsExportInput, MeetingsInput } from './meetings.routes';
import { ExportMeetings, GetMeeting, GetMeetingItems, GetMeetings } from './queries/meeting-queries';

/**
 * Leading-group meetings and their 交办 items (R20): the leading-group office records meetings,
 * decisions and extensions; the owner unit's investment officer (their own unit's items only) or a
 * department reviewer reports an item done; the supervision office verifies it (跟踪问效).
 */
@Controller()
export class MeetingsController {
  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(QueryAnswers) private readonly answers: QueryAnswers,
    @Inject(ReadScope) private readonly scope: ReadScope,
  ) {}

  /** 登记领导小组会议 / record a leading-group meeting (R20). */
  @Post('meetings')
  @HttpCode(201)
  @Issue('HoldMeeting')
  holdMeeting(
    @CommandInput('HoldMeeting') command: CommandOf<'HoldMeeting'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 记录议定事项及交办事项 / record a decision and its items (R20). */
  @Post('meetings/:meetingId/decisions')
  @HttpCode(201)
  @Issue('RecordDecision')
  recordDecision(
    @CommandInput('RecordDecision') command: CommandOf<'RecordDecision'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 报告交办事项办结 / report an item done (R20). */
  @Post('meetings/:meetingId/items/:itemId/done')
  @HttpCode(200)
  @Issue('ReportItemDone')
  reportItemDone(
    @CommandInput('ReportItemDone') command: CommandOf<'ReportItemDone'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 交办事项延期 / extend an item (R20). */
  @Post('meetings/:meetingId/items/:itemId/extensions')
  @HttpCode(200)
  @Issue('ExtendItem')
  extendItem(
    @CommandInput('ExtendItem') command: CommandOf<'ExtendItem'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 核验交办事项 / verify an item (R20). */
  @Post('meetings/:meetingId/items/:itemId/verifications')
  @HttpCode(200)
  @Issue('VerifyItem')
  verifyItem(
    @CommandInput('VerifyItem') command: CommandOf<'VerifyItem'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 领导小组会议一览 / the meetings register (R20). */
  @Get('meetings')
  @Read()
  meetings(@QueryInput(MeetingsInput) input: t.TypeOf<typeof MeetingsInput>) {
    const asOf = input.asOf ?? this.answers.today();
    return this.answers.answer(new GetMeetings(Number(input.year ?? asOf.slice(0, 4)), asOf), input);
  }

  /** 一次会议及其交办事项 / one meeting with its items (R20). */
  @Get('meetings/:meetingId')
  @Read()
  meeting(@QueryInput(MeetingInput) input: t.TypeOf<typeof MeetingInput>) {
    return this.answers.answer(new GetMeeting(input.meetingId, input.asOf ?? this.answers.today()), input);
  }

  /** 交办事项（按责任单位或部门）/ items by owner; an investment officer's are their unit's (R20). */
  @Get('meeting-items')
  @Read()
  items(
    @QueryInput(MeetingItemsInput) input: t.TypeOf<typeof MeetingItemsInput>,
    @Caller() caller: Principal,
  ) {
    const query = new GetMeetingItems(
      input.asOf ?? this.answers.today(),
      this.scope.unitOf(caller, input.unitId),
      input.department,
      input.open === undefined ? undefined : input.open === 'true',
    );
    return this.answers.answer(query, input);
  }

  /** 导出会议交办事项台账 / the meetings ledger as Excel or CSV (R20). */
  @Get('exports/meetings')
  @Read()
  export(
    @QueryInput(MeetingsExportInput) input: t.TypeOf<typeof MeetingsExportInput>,
    @Res() res: Response,
  ): Promise<void> {
    const asOf = input.asOf ?? this.answers.today();
    return this.answers.stream(
      new ExportMeetings(input.format ?? 'xlsx', Number(input.year ?? asOf.slice(0, 4)), asOf),
      res,
    );
  }
}
