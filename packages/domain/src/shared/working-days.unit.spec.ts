import fc from 'fast-check';
import { arbBusinessDate } from '../testing/shared.arbitraries';
import { addDays, date } from './dates';
import { addWorkingDays, calendarFrom, officialCalendar, workingDaysBetween } from './working-days';

const cal = officialCalendar;

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
    expect(addWorkingDays(cal, date('2024-09-27'), 3)).toBe('2024-10-08');
    expect(addWorkingDays(cal, date('2024-09-27'), 10)).toBe('2024-10-16');
  });

  it('3 working days around Spring Festival 2024 count the adjusted Sundays (R7)', () => {
    expect(addWorkingDays(cal, date('2024-02-02'), 3)).toBe('2024-02-06'); // 02-04 (Sun, 调休), 02-05, 02-06
    expect(addWorkingDays(cal, date('2024-02-08'), 3)).toBe('2024-02-19'); // 02-09, 02-18 (Sun, 调休), 02-19
    // With weekends only, the second would wrongly end during the holiday.
    const weekendsOnly = calendarFrom({ holidays: [], adjustedWorkdays: [] });
    expect(addWorkingDays(weekendsOnly, date('2024-02-08'), 3)).toBe('2024-02-13');
  });

  it('the day the application became complete does not count (R7)', () => {
    expect(workingDaysBetween(cal, date('2024-09-27'), date('2024-09-27'))).toBe(0);
    expect(workingDaysBetween(cal, date('2024-09-27'), date('2024-10-08'))).toBe(3);
    expect(workingDaysBetween(cal, date('2024-09-30'), date('2024-10-07'))).toBe(0);
    expect(workingDaysBetween(cal, date('2024-10-08'), date('2024-09-27'))).toBe(0);
  });

  it('counting back the working days to the due date gives the time limit (property, R7)', () => {
    fc.assert(
      fc.property(arbBusinessDate('2023-01-01', '2025-12-31'), fc.integer({ min: 0, max: 15 }), (from, n) => {
        const due = addWorkingDays(cal, from, n);
        expect(workingDaysBetween(cal, from, due)).toBe(n);
        if (n > 0) expect(cal.isWorkday(due)).toBe(true);
        // The day before the due date is one working day short.
        if (n > 0) expect(workingDaysBetween(cal, from, addDays(due, -1))).toBe(n - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('the official calendar covers 2024 and the years around it, and says which years it knows', () => {
    expect(cal.covers(date('2024-06-01'))).toBe(true);
    expect(cal.covers(date('2025-06-01'))).toBe(true);
    expect(cal.coveredYears.from).toBeLessThanOrEqual(2020);
    expect(cal.coveredYears.to).toBeGreaterThanOrEqual(2025);
    expect(cal.covers(date('2199-06-01'))).toBe(false);
  });

  it('a calendar built from data uses it: a listed holiday rests, a listed workday works', () => {
    const custom = calendarFrom({ holidays: ['2031-03-03'], adjustedWorkdays: ['2031-03-01'] });
    expect(custom.isWorkday(date('2031-03-03'))).toBe(false); // Monday, holiday
    expect(custom.isWorkday(date('2031-03-01'))).toBe(true); // Saturday, adjusted
    expect(custom.coveredYears).toEqual({ from: 2031, to: 2031 });
  });
});
