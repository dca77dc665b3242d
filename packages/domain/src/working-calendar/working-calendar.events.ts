import * as t from 'io-ts';
import { BusinessDate, Year } from '../shared/dates';
import { catalogueCodec, defineEvent, EventOf, struct } from '../shared/event-codec';
import { NonEmptyText } from '../shared/ids';

/**
 * The document a year's schedule is taken from: the State Council General Office's notice
 * (国务院办公厅关于20XX年部分节假日安排的通知, e.g. 国办发明电〔2024〕12号), its publication date and
 * where it was read.
 */
export const ScheduleSource = struct(
  { title: NonEmptyText, publishedOn: BusinessDate },
  { documentNo: NonEmptyText, url: NonEmptyText },
  'ScheduleSource',
);
export type ScheduleSource = t.TypeOf<typeof ScheduleSource>;

/** A year's official schedule as the notice lists it: rest days (放假) and adjusted workdays (调休上班). */
const schedule = {
  year: Year,
  /** Every rest day of the notice's holidays, weekends within them included. */
  holidays: t.readonlyArray(BusinessDate),
  /** Weekend days worked instead (调休上班). */
  adjustedWorkdays: t.readonlyArray(BusinessDate),
  source: ScheduleSource,
  /** The business date the office adopted the schedule. */
  on: BusinessDate,
  adoptedBy: NonEmptyText,
};

export const HolidayScheduleAdopted = defineEvent('HolidayScheduleAdopted', struct(schedule), {
  zh: '采用年度节假日安排（国务院办公厅通知）',
  en: "A year's official holiday schedule was adopted",
  rules: ['R7'],
});

export const HolidayScheduleCorrected = defineEvent(
  'HolidayScheduleCorrected',
  struct({ ...schedule, reason: NonEmptyText }),
  {
    zh: '更正年度节假日安排',
    en: "An adopted year's holiday schedule was corrected",
    rules: ['R7'],
  },
);

/** Every event of the working-day calendar (one stream, `working-calendar`). */
export const workingCalendarEvents = { HolidayScheduleAdopted, HolidayScheduleCorrected } as const;

export type WorkingCalendarEvent = EventOf<typeof workingCalendarEvents>;
export type WorkingCalendarEventType = WorkingCalendarEvent['type'];

/** Decodes any working-calendar event, dispatching on its type. */
export const WorkingCalendarEventCodec = catalogueCodec('WorkingCalendarEvent', workingCalendarEvents);
