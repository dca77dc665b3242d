import fc from 'fast-check';
import { arbBusinessDate } from '../testing/shared.arbitraries';
import { addDays, date, type BusinessDate, type Year } from './dates';
import {
  addWorkingDays,
  calendarFrom,
  calendarOfSchedules,
  officialCalendar,
  workingDaysBetween,
} from './working-days';

const cal = officialCalendar;
const due = (d: string) => ({ kind: 'due', dueOn: d as BusinessDate });
const counted = (days: number) => ({ kind: 'counted', days });
const pending = (year: number) => ({ kind: 'pending-calendar', year: year as Year });

describe('working days follow the State Council holiday notices, with adjusted workdays (R7)', () => {
  it('holidays on weekdays are rest days (R7)', () => {
    expect(cal.isWorkday(date('2024-10-01'))).toBe(false); // 国庆节, Tuesday
    expect(cal.isWorkday(date('2024-02-14'))).toBe(false); // 春节, Wednesday
    expect(cal.isWorkday(date('2024-05-01'))).toBe(false); // 劳动节
    expect(cal.isWorkday(date('2024-06-10'))).toBe(false); // 端午
  });

  it('adjusted weekend workdays (调休上班) are working days (R7)', () => {
    for (const d of [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ]) {
      expect(cal.isWorkday(date(d))).toBe(true);
    }
  });

  it('ordinary weekdays work and ordinary weekends rest (R7)', () => {
    expect(cal.isWorkday(date('2024-10-08'))).toBe(true);
    expect(cal.isWorkday(date('2024-10-19'))).toBe(false);
    expect(cal.isWorkday(date('2024-10-20'))).toBe(false);
  });

  it('3 working days after Friday 2024-09-27 end on Tuesday 2024-10-08 (R7)', () => {
    expect(addWorkingDays(cal, date('2024-09-27'), 3)).toEqual(due('2024-10-08'));
    expect(addWorkingDays(cal, date('2024-09-27'), 10)).toEqual(due('2024-10-16'));
  });

  it('3 working days around Spring Festival 2024 count the adjusted Sundays (R7)', () => {
    expect(addWorkingDays(cal, date('2024-02-02'), 3)).toEqual(due('2024-02-06')); // 02-04 (Sun, 调休), 02-05, 02-06
    expect(addWorkingDays(cal, date('2024-02-08'), 3)).toEqual(due('2024-02-19')); // 02-09, 02-18 (Sun, 调休), 02-19
    // With weekends only, the second would wrongly end during the holiday.
    const weekendsOnly = calendarFrom({ years: [2024], holidays: [], adjustedWorkdays: [] });
    expect(addWorkingDays(weekendsOnly, date('2024-02-08'), 3)).toEqual(due('2024-02-13'));
  });

  it('the day the application became complete does not count (R7)', () => {
    expect(workingDaysBetween(cal, date('2024-09-27'), date('2024-09-27'))).toEqual(counted(0));
    expect(workingDaysBetween(cal, date('2024-09-27'), date('2024-10-08'))).toEqual(counted(3));
    expect(workingDaysBetween(cal, date('2024-09-30'), date('2024-10-07'))).toEqual(counted(0));
    expect(workingDaysBetween(cal, date('2024-10-08'), date('2024-09-27'))).toEqual(counted(0));
  });

  it('counting back the working days to the due date gives the time limit (property, R7)', () => {
    fc.assert(
      fc.property(arbBusinessDate('2023-01-01', '2025-12-31'), fc.integer({ min: 0, max: 15 }), (from, n) => {
        const end = addWorkingDays(cal, from, n);
        if (end.kind !== 'due') throw new Error(`2023–2025 are covered, got ${JSON.stringify(end)}`);
        expect(workingDaysBetween(cal, from, end.dueOn)).toEqual(counted(n));
        if (n > 0) expect(cal.isWorkday(end.dueOn)).toBe(true);
        // The day before the due date is one working day short.
        if (n > 0) expect(workingDaysBetween(cal, from, addDays(end.dueOn, -1))).toEqual(counted(n - 1));
      }),
      { numRuns: 300 },
    );
  });

  it('the official calendar covers 2024 and the years around it, and says which years it knows', () => {
    expect(cal.covers(date('2024-06-01'))).toBe(true);
    expect(cal.covers(date('2025-06-01'))).toBe(true);
    expect(cal.coveredYears[0]).toBeLessThanOrEqual(2020);
    expect(cal.coveredYears).toContain(2025);
    expect(cal.coveredYears).toContain(2026);
    expect(cal.covers(date('2199-06-01'))).toBe(false);
  });

  it('a calendar built from data uses it: a listed holiday rests, a listed workday works', () => {
    const custom = calendarFrom({ holidays: ['2031-03-03'], adjustedWorkdays: ['2031-03-01'] });
    expect(custom.isWorkday(date('2031-03-03'))).toBe(false); // Monday, holiday
    expect(custom.isWorkday(date('2031-03-01'))).toBe(true); // Saturday, adjusted
    expect(custom.coveredYears).toEqual([2031]);
  });

  it('counting into a year the calendar does not cover is pending on that year, never a guess (R7 · 001 §(三)2, DOMAIN.md §3 "Working-day calendar")', () => {
    // The packaged notices end with 2026. Complete on Wednesday 2026-12-30: 12-31 is day 1; 2027-01-01
    // would be day 2 under a weekends-only guess (due 2027-01-04), though 元旦 is a holiday.
    expect(cal.covers(date('2027-01-01'))).toBe(false);
    expect(addWorkingDays(cal, date('2026-12-30'), 3)).toEqual(pending(2027));
    expect(addWorkingDays(cal, date('2026-12-30'), 1)).toEqual(due('2026-12-31'));
    expect(workingDaysBetween(cal, date('2026-12-30'), date('2026-12-31'))).toEqual(counted(1));
    expect(workingDaysBetween(cal, date('2026-12-30'), date('2027-01-05'))).toEqual(pending(2027));
  });

  it('a calendar of whole years covers exactly those years, a later schedule of a year replacing an earlier one (R7)', () => {
    const calendar = calendarOfSchedules([
      { year: 2031 as Year, holidays: [date('2031-03-03')], adjustedWorkdays: [] },
      { year: 2031 as Year, holidays: [date('2031-03-04')], adjustedWorkdays: [] },
      { year: 2033 as Year, holidays: [date('2033-01-03')], adjustedWorkdays: [] },
    ]);
    expect(calendar.coveredYears).toEqual([2031, 2033]);
    expect(calendar.isWorkday(date('2031-03-03'))).toBe(true); // replaced
    expect(calendar.isWorkday(date('2031-03-04'))).toBe(false);
    expect(addWorkingDays(calendar, date('2031-12-30'), 3)).toEqual(pending(2032)); // the gap is not guessed
  });

  it('whatever the start and limit, a count either ends on a covered working day or names an uncovered year after the start (property, R7)', () => {
    fc.assert(
      fc.property(arbBusinessDate('2024-06-01', '2026-12-31'), fc.integer({ min: 1, max: 15 }), (from, n) => {
        const end = addWorkingDays(cal, from, n);
        if (end.kind === 'due') {
          expect(cal.covers(end.dueOn) && cal.isWorkday(end.dueOn)).toBe(true);
        } else {
          expect(end.year).toBe(2027);
          // Every working day before the new year was counted, and fewer than n of them.
          const counting = workingDaysBetween(cal, from, date('2026-12-31'));
          expect(counting.kind === 'counted' && counting.days < n).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
