import * as t from 'io-ts';
import { Department } from '@zhaoshang/domain';
import { DateText, IdText, queryInput, YearText } from '../http/query-inputs';
import type { CommandRoute, QueryRoute } from '../http/routes';

/*
 * Leading-group meetings and their 交办 items (R20: 000 §五.1 例会/专题会议, 001 §(三)3 联席会议,
 * 002 §一 and 004 §(十七) 调度会; 003 工作交办机制、首问负责制、限时办结制、跟踪问效制).
 */

export const meetingCommandRoutes: ReadonlyArray<CommandRoute> = [
  {
    kind: 'command',
    command: 'HoldMeeting',
    path: '/meetings',
    tag: 'meetings',
    summary: '登记领导小组会议（例会、专题会、联席会议、调度会）/ record a leading-group meeting (R20)',
    status: 201,
  },
  {
    kind: 'command',
    command: 'RecordDecision',
    path: '/meetings/:meetingId/decisions',
    tag: 'meetings',
    summary: '记录议定事项及交办事项 / record a decision and the items it hands out (R20)',
    status: 201,
  },
  {
    kind: 'command',
    command: 'ReportItemDone',
    path: '/meetings/:meetingId/items/:itemId/done',
    tag: 'meetings',
    summary: '报告交办事项办结（附佐证材料）/ report an item done, with evidence (R20)',
  },
  {
    kind: 'command',
    command: 'ExtendItem',
    path: '/meetings/:meetingId/items/:itemId/extensions',
    tag: 'meetings',
    summary: '交办事项延期（一次，须说明理由）/ extend an item once, with a reason (R20)',
  },
  {
    kind: 'command',
    command: 'VerifyItem',
    path: '/meetings/:meetingId/items/:itemId/verifications',
    tag: 'meetings',
    summary: '核验交办事项（销号或退回）/ verify an item: close it or send it back (R20)',
  },
];

const Format = t.keyof({ xlsx: null, csv: null }, 'ExportFormat');
const Flag = t.keyof({ true: null, false: null }, 'Flag');
const DepartmentText = t.keyof(
  Object.fromEntries(Object.keys(Department.keys).map((k) => [k, null])) as Record<Department, null>,
  'DepartmentText',
);

/** `GET /meetings`: the year's register as of a date (default: today's year and today). */
export const MeetingsInput = queryInput({}, { year: YearText, asOf: DateText });
/** `GET /meetings/{meetingId}`. */
export const MeetingInput = queryInput({ meetingId: IdText }, { asOf: DateText });
/** `GET /meeting-items`: items by owner unit (an investment officer's: their unit's) or department. */
export const MeetingItemsInput = queryInput(
  {},
  { unitId: IdText, department: DepartmentText, asOf: DateText, open: Flag },
);
/** `GET /exports/meetings`. */
export const MeetingsExportInput = queryInput({}, { year: YearText, asOf: DateText, format: Format });

export const meetingQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'GetMeetings',
    path: '/meetings',
    tag: 'meetings',
    summary: '领导小组会议一览（按月、按类型；未召开月度例会的月份）/ the meetings register (R20)',
    input: MeetingsInput,
    returns:
      'MeetingsRegister { year, asOf, months: { month, monthlyHeld, meetings by kind }[], monthsWithoutMonthlyMeeting, meetings: MeetingRow[] (decisions, items, itemsDone, itemsOverdue) }',
  },
  {
    kind: 'query',
    name: 'GetMeeting',
    path: '/meetings/:meetingId',
    tag: 'meetings',
    summary: '一次会议及其交办事项 / one meeting with its decisions and items (R20)',
    input: MeetingInput,
    returns: '{ meeting: MeetingDoc, items: MeetingItemEntry[] (doneByAsOf, overdue, daysOverdue) }',
  },
  {
    kind: 'query',
    name: 'GetMeetingItems',
    path: '/meeting-items',
    tag: 'meetings',
    summary: '交办事项（按责任单位或部门）/ 交办 items by owner (R20)',
    input: MeetingItemsInput,
    returns: 'MeetingItemEntry[] (soonest due first; `open=true`: not done as of `asOf`)',
  },
  {
    kind: 'query',
    name: 'ExportMeetings',
    path: '/exports/meetings',
    tag: 'exports',
    summary: '导出会议交办事项台账（Excel / CSV）/ the meetings ledger as Excel or CSV (R20)',
    input: MeetingsExportInput,
    streamed: { contentType: 'application/octet-stream' },
    returns:
      '`format=xlsx` (default): 交办事项, 会议一览 (months without a monthly 例会) and 单位交办考核 (the performance review’s 交办 figures of the year) sheets; `format=csv`: UTF-8 with BOM, one row per item',
  },
];
