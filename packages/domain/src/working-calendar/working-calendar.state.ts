import type { BusinessDate, Year } from '../shared/dates';
import type { ScheduleSource } from './working-calendar.events';

/** A year's schedule as adopted (or last corrected). */
export interface AdoptedSchedule {
  readonly year: Year;
  readonly holidays: ReadonlyArray<BusinessDate>;
  readonly adjustedWorkdays: ReadonlyArray<BusinessDate>;
  readonly source: ScheduleSource;
  readonly adoptedOn: BusinessDate;
  readonly corrections: number;
  readonly lastCorrectedOn?: BusinessDate;
}

/** The schedules an office adopted, by year (the packaged years are not in the stream). */
export interface WorkingCalendarState {
  readonly adopted: Readonly<Record<number, AdoptedSchedule>>;
}

export const initialWorkingCalendarState: WorkingCalendarState = { adopted: {} };
