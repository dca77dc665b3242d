import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BusinessDate } from '@zhaoshang/domain';
import type { MeetingItemEntry, MeetingsRegister, MeetingDoc } from '@zhaoshang/projections';
import { meetingsCsv, meetingsXlsx } from '@zhaoshang/reports';
import type { ApiConfig } from '../../config';
import { NotFound } from '../../errors/api-errors';
import { file, unitNamesOf, type ExportFormat } from '../../exports/queries/export-queries';
import type { StreamedAnswer } from '../../http/streamed-answer';
import type { ReadModels } from '../../read-models/read-model.port';
import { API_CONFIG, READ_MODELS } from '../../tokens';

/** The leading group's meetings of a year as of a date (000 §五.1: a month without a monthly 例会 shows). */
export class GetMeetings extends Query<MeetingsRegister> {
  constructor(
    readonly year: number,
    readonly asOf: string,
  ) {
    super();
  }
}

/** One meeting with its decisions and items as of a date. */
export class GetMeeting extends Query<{ meeting: MeetingDoc; items: ReadonlyArray<MeetingItemEntry> }> {
  constructor(
    readonly meetingId: string,
    readonly asOf: string,
  ) {
    super();
  }
}

/** 交办 items by owner: a unit (an investment officer's own) or a department. */
export class GetMeetingItems extends Query<ReadonlyArray<MeetingItemEntry>> {
  constructor(
    readonly asOf: string,
    readonly unitId?: string,
    readonly department?: string,
    readonly open?: boolean,
  ) {
    super();
  }
}

/** 会议交办事项台账 as a workbook or CSV. */
export class ExportMeetings extends Query<StreamedAnswer> {
  constructor(
    readonly format: ExportFormat,
    readonly year: number,
    readonly asOf: string,
  ) {
    super();
  }
}

@QueryHandler(GetMeetings)
export class GetMeetingsHandler implements IQueryHandler<GetMeetings, MeetingsRegister> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetMeetings): Promise<MeetingsRegister> {
    return this.readModels.queries.meetings.register({ year: q.year, asOf: q.asOf as BusinessDate });
  }
}

@QueryHandler(GetMeeting)
export class GetMeetingHandler implements IQueryHandler<
  GetMeeting,
  { meeting: MeetingDoc; items: ReadonlyArray<MeetingItemEntry> }
> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  async execute(q: GetMeeting): Promise<{ meeting: MeetingDoc; items: ReadonlyArray<MeetingItemEntry> }> {
    const found = await this.readModels.queries.meetings.meeting(q.meetingId, q.asOf as BusinessDate);
    if (found === undefined) throw new NotFound('NOT_FOUND', { meetingId: q.meetingId });
    return found;
  }
}

@QueryHandler(GetMeetingItems)
export class GetMeetingItemsHandler implements IQueryHandler<
  GetMeetingItems,
  ReadonlyArray<MeetingItemEntry>
> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetMeetingItems): Promise<ReadonlyArray<MeetingItemEntry>> {
    return this.readModels.queries.meetings.items({
      asOf: q.asOf as BusinessDate,
      ...(q.unitId !== undefined ? { ownerUnitId: q.unitId } : {}),
      ...(q.department !== undefined ? { ownerDepartment: q.department } : {}),
      ...(q.open !== undefined ? { open: q.open } : {}),
    });
  }
}

@QueryHandler(ExportMeetings)
export class ExportMeetingsHandler implements IQueryHandler<ExportMeetings, StreamedAnswer> {
  private readonly unitNames: Readonly<Record<string, string>>;
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.unitNames = unitNamesOf(config);
  }
  async execute(q: ExportMeetings): Promise<StreamedAnswer> {
    const asOf = q.asOf as BusinessDate;
    const meetings = this.readModels.queries.meetings;
    const register = await meetings.register({ year: q.year, asOf });
    const held = new Set(register.meetings.map((m) => m.meetingId));
    const items = (await meetings.items({ asOf })).filter((i) => held.has(i.meetingId));
    const label = `${q.year}`;
    if (q.format === 'csv')
      return file(
        'csv',
        `meetings-${label}`,
        `会议交办事项台账-${label}`,
        meetingsCsv({ items, unitNames: this.unitNames }),
      );
    // The performance review's 交办 figures of the year (its UnitReview.meetingItems block).
    const review = await this.readModels.queries.review.review({ period: { kind: 'year', year: q.year } });
    const bytes = await meetingsXlsx({
      register,
      items,
      review: { period: `${q.year}年`, units: review.units },
      unitNames: this.unitNames,
    });
    return file('xlsx', `meetings-${label}`, `会议交办事项台账-${label}`, bytes);
  }
}

export const meetingQueryHandlers = [
  GetMeetingsHandler,
  GetMeetingHandler,
  GetMeetingItemsHandler,
  ExportMeetingsHandler,
];
