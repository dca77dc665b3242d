import { queryInput } from '../http/query-inputs';
import type { CommandRoute, QueryRoute } from '../http/routes';

export const workingCalendarCommandRoutes: ReadonlyArray<CommandRoute> = [
  {
    kind: 'command',
    command: 'AdoptHolidaySchedule',
    path: '/working-calendar/:year/schedule',
    tag: 'working-calendar',
    summary:
      '采用年度节假日安排（国务院办公厅通知），待定的办结时限随后计算 / adopt a year’s official holiday schedule; pending deadlines are then computed (R7)',
    status: 201,
  },
  {
    kind: 'command',
    command: 'CorrectHolidaySchedule',
    path: '/working-calendar/:year/corrections',
    tag: 'working-calendar',
    summary:
      '更正已采用的年度节假日安排（须说明理由）/ correct an adopted year’s schedule, with a reason (R7)',
  },
];

/** `GET /working-calendar`: no parameters. */
export const WorkingCalendarInput = queryInput({}, {});

export const workingCalendarQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'GetWorkingCalendar',
    path: '/working-calendar',
    tag: 'working-calendar',
    summary:
      '工作日历覆盖的年度及其来源（内置或已采用的通知）/ the years the working-day calendar covers, and where each schedule comes from',
    input: WorkingCalendarInput,
    returns: 'WorkingCalendarCoverage',
  },
];
