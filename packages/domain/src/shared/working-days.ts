import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addDays, BusinessDate, dayOfWeek, yearOf } from './dates';

/**
 * The working-day calendar that R7 (限时办结, 001 §(三)2) counts in: weekends are rest days except
 * adjusted workdays (调休上班), and official holidays are rest days even on a weekday.
 * Passed to the rules as a value, so a region can swap it and a test can pin it.
 */
export interface WorkingDayCalendar {
  /** Years for which official holiday data is known; outside them only weekends are rest days. */
  readonly coveredYears: { readonly from: number; readonly to: number };
  readonly isWorkday: (d: BusinessDate) => boolean;
  /** Whether the date falls in a year the calendar knows the official holidays of. */
  readonly covers: (d: BusinessDate) => boolean;
}

/** Builds a calendar from lists of official holidays and adjusted workdays. */
export const calendarFrom = (data: {
  readonly holidays: Iterable<string>;
  readonly adjustedWorkdays: Iterable<string>;
}): WorkingDayCalendar => {
  const holidays = new Set(data.holidays);
  const adjusted = new Set(data.adjustedWorkdays);
  const years = [...holidays, ...adjusted].map((d) => Number(d.slice(0, 4)));
  const from = years.length > 0 ? Math.min(...years) : 0;
  const to = years.length > 0 ? Math.max(...years) : -1;
  return {
    coveredYears: { from, to },
    covers: (d) => yearOf(d) >= from && yearOf(d) <= to,
    isWorkday: (d) => {
      if (adjusted.has(d)) return true;
      if (holidays.has(d)) return false;
      const dow = dayOfWeek(d);
      return dow !== 0 && dow !== 6;
    },
  };
};

/**
 * The official calendar of the State Council's yearly holiday notices (国务院办公厅关于部分节假日安排的通知),
 * as published in the maintained `chinese-days` package (only its data is used: its date functions
 * depend on the host's time zone).
 */
export const officialCalendar: WorkingDayCalendar = calendarFrom({
  holidays: Object.keys(chineseDays.holidays),
  adjustedWorkdays: Object.keys(chineseDays.workdays),
});

/**
 * The date on which a period of `n` working days that starts after `from` ends: day 1 is the first
 * working day after `from` (the day a complete application is received does not count).
 */
export const addWorkingDays = (calendar: WorkingDayCalendar, from: BusinessDate, n: number): BusinessDate => {
  let d = from;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (calendar.isWorkday(d)) left -= 1;
  }
  return d;
};

/** Working days strictly after `from` up to and including `to` (0 when `to` ≤ `from`). */
export const workingDaysBetween = (
  calendar: WorkingDayCalendar,
  from: BusinessDate,
  to: BusinessDate,
): number => {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (calendar.isWorkday(d)) n += 1;
  return n;
};
