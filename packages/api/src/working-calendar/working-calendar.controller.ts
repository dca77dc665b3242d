import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
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
import { GetWorkingCalendar } from './queries/working-calendar-queries';
import { WorkingCalendarInput } from './working-calendar.routes';

/** The working-day calendar (R7): each year's official holiday schedule, adopted as data. */
@Controller('working-calendar')
export class WorkingCalendarController {
  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(QueryAnswers) private readonly answers: QueryAnswers,
  ) {}

  /** 采用年度节假日安排 / adopt a year’s official holiday schedule (R7). */
  @Post(':year/schedule')
  @HttpCode(201)
  @Issue('AdoptHolidaySchedule')
  adoptHolidaySchedule(
    @CommandInput('AdoptHolidaySchedule', { numericParams: ['year'] })
    command: CommandOf<'AdoptHolidaySchedule'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 更正已采用的年度节假日安排 / correct an adopted year’s schedule, with a reason (R7). */
  @Post(':year/corrections')
  @HttpCode(200)
  @Issue('CorrectHolidaySchedule')
  correctHolidaySchedule(
    @CommandInput('CorrectHolidaySchedule', { numericParams: ['year'] })
    command: CommandOf<'CorrectHolidaySchedule'>,
    @Issued() context: RequestContext,
  ) {
    return this.gateway.execute(command, context);
  }

  /** 工作日历覆盖的年度及其来源 / the years the calendar covers, and where each schedule comes from. */
  @Get()
  @Read()
  coverage(@QueryInput(WorkingCalendarInput) input: t.TypeOf<typeof WorkingCalendarInput>) {
    return this.answers.answer(new GetWorkingCalendar(), input);
  }
}
