import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import { dayOfWeek, yearOf, type BusinessDate } from '../shared/dates';
import type { Decider } from '../shared/decider';
import { domainError, type DomainError, type ErrorParams } from '../shared/errors';
import {
  calendarOfSchedules,
  packagedSchedules,
  type WorkingDayCalendar,
  type YearSchedule,
} from '../shared/working-days';
import type {
  AdoptHolidaySchedule,
  CorrectHolidaySchedule,
  WorkingCalendarCommand,
} from './working-calendar.commands';
import type { WorkingCalendarEvent } from './working-calendar.events';
import type { WorkingCalendarErrorCode } from './working-calendar.errors';
import { evolveWorkingCalendar } from './working-calendar.evolve';
import {
  initialWorkingCalendarState,
  type AdoptedSchedule,
  type WorkingCalendarState,
} from './working-calendar.state';

type Decision = Either<DomainError, ReadonlyArray<WorkingCalendarEvent>>;
type ScheduleCommand = AdoptHolidaySchedule | CorrectHolidaySchedule;

const refuse = (code: WorkingCalendarErrorCode, params: ErrorParams = {}): E.Either<DomainError, never> =>
  E.left(domainError(code, params));

const sortedUnique = (dates: ReadonlyArray<BusinessDate>): ReadonlyArray<BusinessDate> =>
  [...new Set(dates)].sort();

/**
 * A schedule as a notice states it (R7, DOMAIN.md §3 "Working-day calendar"): every date in its
 * year, no day both a holiday and a workday, adjusted workdays on weekends (调休上班 moves a weekend
 * day; a weekday works anyway), at least one holiday, and adopted no earlier than published.
 * Returns the lists sorted and without repeats.
 */
export const requireValidSchedule = (
  c: ScheduleCommand,
): Either<DomainError, Pick<YearSchedule, 'holidays' | 'adjustedWorkdays'>> => {
  const holidays = sortedUnique(c.holidays);
  const adjustedWorkdays = sortedUnique(c.adjustedWorkdays);
  for (const d of [...holidays, ...adjustedWorkdays]) {
    if (yearOf(d) !== c.year) return refuse('SCHEDULE_DATE_OUTSIDE_YEAR', { date: d, year: c.year });
  }
  const rest = new Set(holidays);
  const both = adjustedWorkdays.find((d) => rest.has(d));
  if (both !== undefined) return refuse('SCHEDULE_DAY_BOTH_HOLIDAY_AND_WORKDAY', { date: both });
  const weekday = adjustedWorkdays.find((d) => dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6);
  if (weekday !== undefined) return refuse('SCHEDULE_ADJUSTED_WORKDAY_NOT_WEEKEND', { date: weekday });
  if (holidays.length === 0) return refuse('SCHEDULE_WITHOUT_HOLIDAYS', { year: c.year });
  if (c.on < c.source.publishedOn) {
    return refuse('SCHEDULE_ADOPTED_BEFORE_PUBLISHED', { on: c.on, publishedOn: c.source.publishedOn });
  }
  return E.right({ holidays, adjustedWorkdays });
};

const sameSchedule = (
  a: AdoptedSchedule,
  b: Pick<YearSchedule, 'holidays' | 'adjustedWorkdays'> & Pick<ScheduleCommand, 'source'>,
): boolean =>
  JSON.stringify([a.holidays, a.adjustedWorkdays, a.source]) ===
  JSON.stringify([b.holidays, b.adjustedWorkdays, b.source]);

const eventData = (c: ScheduleCommand, lists: Pick<YearSchedule, 'holidays' | 'adjustedWorkdays'>) => ({
  year: c.year,
  holidays: lists.holidays,
  adjustedWorkdays: lists.adjustedWorkdays,
  source: c.source,
  on: c.on,
  adoptedBy: c.adoptedBy,
});

/** A year is adopted once; the same schedule again is harmless, a different one needs a correction. */
export const decideAdoptHolidaySchedule = (c: AdoptHolidaySchedule, s: WorkingCalendarState): Decision =>
  E.flatMap(requireValidSchedule(c), (lists): Decision => {
    const adopted = s.adopted[c.year];
    if (adopted !== undefined) {
      return sameSchedule(adopted, { ...lists, source: c.source })
        ? E.right([])
        : refuse('SCHEDULE_ALREADY_ADOPTED', { year: c.year, on: adopted.adoptedOn });
    }
    return E.right([{ type: 'HolidayScheduleAdopted', data: eventData(c, lists) }]);
  });

/** A correction replaces an adopted year's schedule and says why (DOMAIN.md §5). */
export const decideCorrectHolidaySchedule = (c: CorrectHolidaySchedule, s: WorkingCalendarState): Decision =>
  E.flatMap(requireValidSchedule(c), (lists): Decision => {
    const adopted = s.adopted[c.year];
    if (adopted === undefined) return refuse('SCHEDULE_NOT_ADOPTED', { year: c.year });
    if (sameSchedule(adopted, { ...lists, source: c.source })) return E.right([]);
    return E.right([
      { type: 'HolidayScheduleCorrected', data: { ...eventData(c, lists), reason: c.reason } },
    ]);
  });

export const decideWorkingCalendar = (
  command: WorkingCalendarCommand,
  state: WorkingCalendarState,
): Decision => {
  switch (command.type) {
    case 'AdoptHolidaySchedule':
      return decideAdoptHolidaySchedule(command, state);
    case 'CorrectHolidaySchedule':
      return decideCorrectHolidaySchedule(command, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
};

/** The working-day calendar's decider (one stream, `working-calendar`). */
export const workingCalendarDecider: Decider<
  WorkingCalendarCommand,
  WorkingCalendarEvent,
  WorkingCalendarState
> = {
  initialState: initialWorkingCalendarState,
  evolve: evolveWorkingCalendar,
  decide: decideWorkingCalendar,
  isTerminal: () => false,
};

/**
 * The calendar deadlines are counted in: the packaged official schedules plus the years an office
 * adopted (an adopted year replaces the packaged one of the same year).
 */
export const workingDayCalendarOf = (
  state: WorkingCalendarState,
  packaged: ReadonlyArray<YearSchedule> = packagedSchedules,
): WorkingDayCalendar =>
  calendarOfSchedules([...packaged, ...Object.values(state.adopted).sort((a, b) => a.year - b.year)]);
