import * as t from 'io-ts';
import { factDate, type FactDates } from '../shared/business-date';
import { BusinessDate, Year } from '../shared/dates';
import { struct } from '../shared/event-codec';
import { assertNever } from '../shared/exhaustive';
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

/**
 * The business date of a working-calendar command (DOMAIN.md §5): the day the schedule was adopted
 * or corrected. The year it is for may lie ahead (a schedule is adopted before its year begins).
 */
export const workingCalendarCommandDates = (c: WorkingCalendarCommand): FactDates => {
  switch (c.type) {
    case 'AdoptHolidaySchedule':
    case 'CorrectHolidaySchedule':
      return [factDate('on', c.on)];
    default:
      return assertNever(c);
  }
};
