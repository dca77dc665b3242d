import * as t from 'io-ts';
import { BusinessDate, Year } from '../shared/dates';
import { struct } from '../shared/event-codec';
import { NonEmptyText } from '../shared/ids';
import { ScheduleSource } from './working-calendar.events';

const schedule = {
  year: Year,
  holidays: t.readonlyArray(BusinessDate),
  adjustedWorkdays: t.readonlyArray(BusinessDate),
  source: ScheduleSource,
  on: BusinessDate,
  adoptedBy: NonEmptyText,
};

/** Adopt a year's official holiday schedule (国务院办公厅关于20XX年部分节假日安排的通知) as data (R7). */
export const AdoptHolidaySchedule = struct(
  { type: t.literal('AdoptHolidaySchedule'), ...schedule },
  'AdoptHolidaySchedule',
);
export type AdoptHolidaySchedule = t.TypeOf<typeof AdoptHolidaySchedule>;

/** Replace an adopted year's schedule, saying why (history keeps the first one). */
export const CorrectHolidaySchedule = struct(
  { type: t.literal('CorrectHolidaySchedule'), ...schedule, reason: NonEmptyText },
  'CorrectHolidaySchedule',
);
export type CorrectHolidaySchedule = t.TypeOf<typeof CorrectHolidaySchedule>;

export const WorkingCalendarCommand = t.union(
  [AdoptHolidaySchedule, CorrectHolidaySchedule],
  'WorkingCalendarCommand',
);
export type WorkingCalendarCommand = t.TypeOf<typeof WorkingCalendarCommand>;

/** The commands of the working-day calendar, by type. */
export const workingCalendarCommands = { AdoptHolidaySchedule, CorrectHolidaySchedule } as const;
