import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addDays, BusinessDate, dayOfWeek, Year, yearOf } from './dates';

/**
 * The working-day calendar that R7 (限时办结, 001 §(三)2) counts in: weekends are rest days except
 * adjusted workdays (调休上班), and official holidays are rest days even on a weekday.
 * Passed to the rules as a value, so a region can swap it and a test can pin it.
 *
 * A calendar knows the official schedule of some years only (国务院办公厅关于部分节假日安排的通知 is
 * published for one year at a time). Counting working days into a year it does not cover is never
 * guessed: `addWorkingDays` and `workingDaysBetween` answer "pending calendar" for it (R7, DOMAIN.md §3).
 */
export interface WorkingDayCalendar {
  /** The years whose official schedule the calendar knows, ascending. */
  readonly coveredYears: ReadonlyArray<Year>;
  /** Whether the date's year is one of the covered years. */
  readonly covers: (d: BusinessDate) => boolean;
  /** Whether a date is a working day; outside the covered years only weekends rest (use `covers` first). */
  readonly isWorkday: (d: BusinessDate) => boolean;
}

/** One year's official holiday schedule: its rest days on weekdays or weekends, and its adjusted workdays. */
export interface YearSchedule {
  readonly year: Year;
  readonly holidays: ReadonlyArray<BusinessDate>;
  readonly adjustedWorkdays: ReadonlyArray<BusinessDate>;
}

/**
 * Builds a calendar from lists of official holidays and adjusted workdays. It covers the years
 * given in `years`, or else each year that appears in the data (never the years in between).
 */
export const calendarFrom = (data: {
  readonly holidays: Iterable<string>;
  readonly adjustedWorkdays: Iterable<string>;
  readonly years?: Iterable<number>;
}): WorkingDayCalendar => {
  const holidays = new Set(data.holidays);
  const adjusted = new Set(data.adjustedWorkdays);
  const years = new Set<number>(data.years ?? [...holidays, ...adjusted].map((d) => Number(d.slice(0, 4))));
  return {
    coveredYears: [...years].sort((a, b) => a - b) as Year[],
    covers: (d) => years.has(yearOf(d)),
    isWorkday: (d) => {
      if (adjusted.has(d)) return true;
      if (holidays.has(d)) return false;
      const dow = dayOfWeek(d);
      return dow !== 0 && dow !== 6;
    },
  };
};

/** A calendar from whole years' schedules; a later schedule of the same year replaces an earlier one. */
export const calendarOfSchedules = (schedules: Iterable<YearSchedule>): WorkingDayCalendar => {
  const byYear = new Map<number, YearSchedule>();
  for (const s of schedules) byYear.set(s.year, s);
  const all = [...byYear.values()];
  return calendarFrom({
    years: byYear.keys(),
    holidays: all.flatMap((s) => s.holidays),
    adjustedWorkdays: all.flatMap((s) => s.adjustedWorkdays),
  });
};

/**
 * The schedules of the State Council's yearly holiday notices (国务院办公厅关于部分节假日安排的通知)
 * packaged with the code, from the maintained `chinese-days` package (1.5.7: 2004–2026; only its
 * data is used, its date functions depend on the host's time zone). Later years are adopted as
 * data (the working-calendar stream), without a code release.
 */
export const packagedSchedules: ReadonlyArray<YearSchedule> = (() => {
  const byYear = new Map<number, { holidays: BusinessDate[]; adjustedWorkdays: BusinessDate[] }>();
  const entry = (d: string) => {
    const y = Number(d.slice(0, 4));
    const found = byYear.get(y) ?? { holidays: [], adjustedWorkdays: [] };
    byYear.set(y, found);
    return found;
  };
  for (const d of Object.keys(chineseDays.holidays)) entry(d).holidays.push(d as BusinessDate);
  for (const d of Object.keys(chineseDays.workdays)) entry(d).adjustedWorkdays.push(d as BusinessDate);
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, s]) => ({
      year: year as Year,
      holidays: [...s.holidays].sort(),
      adjustedWorkdays: [...s.adjustedWorkdays].sort(),
    }));
})();

/** The packaged official calendar (see `packagedSchedules`); the API adds the adopted years to it. */
export const officialCalendar: WorkingDayCalendar = calendarOfSchedules(packagedSchedules);

/** The end of a working-day period: a due date, or the year whose official schedule is still awaited. */
export type WorkingDayDeadline =
  | { readonly kind: 'due'; readonly dueOn: BusinessDate }
  | { readonly kind: 'pending-calendar'; readonly year: Year };

/** A count of working days, or the year whose official schedule is still awaited. */
export type WorkingDayCount =
  | { readonly kind: 'counted'; readonly days: number }
  | { readonly kind: 'pending-calendar'; readonly year: Year };

/**
 * The date on which a period of `n` working days that starts after `from` ends: day 1 is the first
 * working day after `from` (the day a complete application is received does not count). When the
 * count reaches a year the calendar does not cover, the answer is that year, pending (R7: a year
 * whose official schedule is not known yet is never guessed).
 */
export const addWorkingDays = (
  calendar: WorkingDayCalendar,
  from: BusinessDate,
  n: number,
): WorkingDayDeadline => {
  let d = from;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (!calendar.covers(d)) return { kind: 'pending-calendar', year: yearOf(d) };
    if (calendar.isWorkday(d)) left -= 1;
  }
  return { kind: 'due', dueOn: d };
};

/**
 * Working days strictly after `from` up to and including `to` (0 when `to` ≤ `from`); pending on
 * the first year in between that the calendar does not cover.
 */
export const workingDaysBetween = (
  calendar: WorkingDayCalendar,
  from: BusinessDate,
  to: BusinessDate,
): WorkingDayCount => {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (!calendar.covers(d)) return { kind: 'pending-calendar', year: yearOf(d) };
    if (calendar.isWorkday(d)) n += 1;
  }
  return { kind: 'counted', days: n };
};
