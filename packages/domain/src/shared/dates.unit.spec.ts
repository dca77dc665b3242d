import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { arbBusinessDate } from '../testing/shared.arbitraries';
import {
  addDays,
  addMonths,
  addYears,
  BusinessDate,
  businessDateOf,
  date,
  dayOfWeek,
  daysBetween,
  fromDayNumber,
  RecordedAt,
  toDayNumber,
} from './dates';

const at = (s: string) => s as RecordedAt;

describe('business dates are Chinese calendar dates, computed without a clock or time zone (DOMAIN.md §5)', () => {
  it('day numbers count from 1970-01-01', () => {
    expect(toDayNumber(date('1970-01-01'))).toBe(0);
    expect(toDayNumber(date('2024-03-01'))).toBe(19783);
    expect(fromDayNumber(19783)).toBe('2024-03-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it('toDayNumber and fromDayNumber are inverse over 1900–2199 (property)', () => {
    fc.assert(
      fc.property(arbBusinessDate('1900-01-01', '2199-12-31'), (d) => {
        expect(fromDayNumber(toDayNumber(d))).toBe(d);
        expect(E.isRight(BusinessDate.decode(d))).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('consecutive day numbers are consecutive dates, and string order is date order (property)', () => {
    fc.assert(
      fc.property(arbBusinessDate(), fc.integer({ min: -400, max: 400 }), (d, n) => {
        const e = addDays(d, n);
        expect(daysBetween(d, e)).toBe(n);
        expect(Math.sign(e.localeCompare(d))).toBe(Math.sign(n));
      }),
      { numRuns: 300 },
    );
  });

  it('knows weekdays and leap years', () => {
    expect(dayOfWeek(date('2024-10-01'))).toBe(2); // Tuesday
    expect(dayOfWeek(date('2024-09-29'))).toBe(0); // Sunday
    expect(daysBetween(date('2024-02-28'), date('2024-03-01'))).toBe(2);
    expect(daysBetween(date('2023-02-28'), date('2023-03-01'))).toBe(1);
    expect(() => date('2023-02-29')).toThrow(RangeError);
    expect(() => date('2100-02-29')).toThrow(RangeError);
    expect(date('2000-02-29')).toBe('2000-02-29');
  });

  it('addMonths clamps the day to the end of a shorter month', () => {
    expect(addMonths(date('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(date('2023-01-31'), 1)).toBe('2023-02-28');
    expect(addMonths(date('2024-03-31'), 1)).toBe('2024-04-30');
    expect(addMonths(date('2024-05-10'), 3)).toBe('2024-08-10');
    expect(addMonths(date('2024-11-30'), 3)).toBe('2025-02-28');
    expect(addMonths(date('2024-02-29'), 12)).toBe('2025-02-28');
    expect(addYears(date('2024-02-29'), 4)).toBe('2028-02-29');
    expect(addMonths(date('2024-03-15'), -3)).toBe('2023-12-15');
  });

  it('addMonths never lands on an invalid date and never moves backwards (property)', () => {
    fc.assert(
      fc.property(arbBusinessDate(), fc.integer({ min: 0, max: 60 }), (d, n) => {
        const e = addMonths(d, n);
        expect(E.isRight(BusinessDate.decode(e))).toBe(true);
        expect(e >= d).toBe(true);
        expect(Number(e.slice(8, 10))).toBeLessThanOrEqual(Number(d.slice(8, 10)));
      }),
      { numRuns: 300 },
    );
  });

  it('an instant just before midnight UTC is already the next day in Shanghai', () => {
    expect(businessDateOf(at('2024-09-30T15:59:59.999Z'))).toBe('2024-09-30');
    expect(businessDateOf(at('2024-09-30T16:00:00.000Z'))).toBe('2024-10-01');
    expect(businessDateOf(at('2024-09-30T23:59:59Z'))).toBe('2024-10-01');
    expect(businessDateOf(at('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });

  it('an instant with an explicit offset is placed on the right Shanghai date', () => {
    expect(businessDateOf(at('2024-10-01T00:30:00+08:00'))).toBe('2024-10-01');
    expect(businessDateOf(at('2024-09-30T12:30:00-04:00'))).toBe('2024-10-01');
  });

  it('recorded instants need an explicit offset', () => {
    expect(E.isRight(RecordedAt.decode('2024-03-01T08:30:00.000Z'))).toBe(true);
    expect(E.isLeft(RecordedAt.decode('2024-03-01T08:30:00'))).toBe(true);
  });
});
