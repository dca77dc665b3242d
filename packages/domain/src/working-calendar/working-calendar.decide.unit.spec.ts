/**
 * The working-day calendar (R7 · 001 §(三)2, DOMAIN.md §3 "Working-day calendar"): an office adopts
 * each year's official holiday schedule (国务院办公厅关于20XX年部分节假日安排的通知) as data, with its
 * source; deadlines counted into that year are then computed from it. The 2027 schedule used here
 * is a labelled TEST FIXTURE, not the official notice.
 */
import fc from 'fast-check';
import { addWorkingDays, officialCalendar } from '../shared/working-days';
import { date } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import { spec } from '../testing/decider-spec';
import { arbBusinessDate } from '../testing/shared.arbitraries';
import {
  adoptFixture2027,
  fixture2027Adopted,
  TEST_FIXTURE_SCHEDULE_2027,
} from '../testing/working-calendar.fixtures';
import {
  WorkingCalendarEventCodec,
  workingCalendarDecider,
  workingDayCalendarOf,
  type CorrectHolidaySchedule,
  type WorkingCalendarEvent,
} from './index';
import { fold } from '../shared/decider';

const calendar = spec(workingCalendarDecider);
const correction = (o: Partial<CorrectHolidaySchedule> = {}): CorrectHolidaySchedule => ({
  ...adoptFixture2027({ adjustedWorkdays: [date('2027-02-20'), date('2027-02-21')] }),
  type: 'CorrectHolidaySchedule',
  on: date('2026-12-20'),
  reason: unsafeId.text('核对通知原文：2 月 21 日（星期日）亦上班'),
  ...o,
});

describe('adopting a year’s official holiday schedule (R7 · 001 §(三)2, DOMAIN.md §3 "Working-day calendar")', () => {
  it('an office adopts a year’s schedule with its source, recorded as it was given, sorted (R7)', () => {
    const shuffled = adoptFixture2027({ holidays: [...TEST_FIXTURE_SCHEDULE_2027.holidays].reverse() });
    calendar.given([]).when(shuffled).then([fixture2027Adopted()]);
  });

  it('a date outside the schedule’s year is refused (R7)', () => {
    calendar
      .given([])
      .when(adoptFixture2027({ holidays: [...TEST_FIXTURE_SCHEDULE_2027.holidays, date('2026-12-31')] }))
      .thenFails('SCHEDULE_DATE_OUTSIDE_YEAR', { date: '2026-12-31', year: 2027 });
  });

  it('a day both a holiday and an adjusted workday is refused (R7)', () => {
    calendar
      .given([])
      .when(adoptFixture2027({ adjustedWorkdays: [date('2027-01-02')] }))
      .thenFails('SCHEDULE_DAY_BOTH_HOLIDAY_AND_WORKDAY', { date: '2027-01-02' });
  });

  it('an adjusted workday (调休上班) on a weekday is refused: a weekday is a workday anyway (R7)', () => {
    calendar
      .given([])
      .when(adoptFixture2027({ adjustedWorkdays: [date('2027-02-19')] })) // a Friday
      .thenFails('SCHEDULE_ADJUSTED_WORKDAY_NOT_WEEKEND', { date: '2027-02-19' });
  });

  it('a schedule without holidays, or adopted before its notice was published, is refused (R7)', () => {
    calendar
      .given([])
      .when(adoptFixture2027({ holidays: [] }))
      .thenFails('SCHEDULE_WITHOUT_HOLIDAYS');
    calendar
      .given([])
      .when(adoptFixture2027({ on: date('2026-11-09') }))
      .thenFails('SCHEDULE_ADOPTED_BEFORE_PUBLISHED', { on: '2026-11-09', publishedOn: '2026-11-10' });
  });

  it('adopting the same schedule again changes nothing (R7)', () => {
    calendar.given([fixture2027Adopted()]).when(adoptFixture2027()).thenNothingHappens();
  });

  it('a year already adopted with different data is refused unless it is an explicit correction with a reason (R7, DOMAIN.md §5)', () => {
    calendar
      .given([fixture2027Adopted()])
      .when(adoptFixture2027({ adjustedWorkdays: [date('2027-02-20'), date('2027-02-21')] }))
      .thenFails('SCHEDULE_ALREADY_ADOPTED', { year: 2027, on: '2026-12-08' });
    const { type: _type, ...data } = correction();
    calendar
      .given([fixture2027Adopted()])
      .when(correction())
      .then([{ type: 'HolidayScheduleCorrected', data }]);
  });

  it('a correction of a year never adopted is refused (R7)', () => {
    calendar.given([]).when(correction()).thenFails('SCHEDULE_NOT_ADOPTED', { year: 2027 });
  });

  it('the calendar is the packaged notices plus the adopted years; a correction replaces its year (R7)', () => {
    const adopted = fold(workingCalendarDecider, [fixture2027Adopted()]);
    const cal = workingDayCalendarOf(adopted);
    expect(cal.coveredYears).toEqual([...officialCalendar.coveredYears, 2027]);
    expect(cal.isWorkday(date('2027-01-01'))).toBe(false); // fixture 元旦
    expect(cal.isWorkday(date('2027-02-20'))).toBe(true); // fixture 调休 Saturday
    expect(cal.isWorkday(date('2027-02-21'))).toBe(false);
    // 2026-12-30 + 3 working days: 12-31 (1), [01-01…01-03 fixture holidays], 01-04 (2), 01-05 (3).
    expect(addWorkingDays(cal, date('2026-12-30'), 3)).toEqual({ kind: 'due', dueOn: '2027-01-05' });
    const { type: _type, ...data } = correction();
    const correctedEvent: WorkingCalendarEvent = { type: 'HolidayScheduleCorrected', data };
    const corrected = workingDayCalendarOf(
      fold(workingCalendarDecider, [fixture2027Adopted(), correctedEvent]),
    );
    expect(corrected.isWorkday(date('2027-02-21'))).toBe(true);
  });

  it('every adopted event round-trips through its codec, and a repeat of any valid adoption is harmless (property, R7)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbBusinessDate('2027-01-01', '2027-12-31'), { minLength: 1, maxLength: 20 }),
        (holidays) => {
          const command = adoptFixture2027({ holidays, adjustedWorkdays: [] });
          const events = calendar.given([]).when(command).outcome();
          if (events._tag === 'Left') throw new Error(events.left.code);
          for (const e of events.right) {
            expect(WorkingCalendarEventCodec.decode(WorkingCalendarEventCodec.encode(e))).toEqual({
              _tag: 'Right',
              right: e,
            });
          }
          calendar.given(events.right).when(command).thenNothingHappens();
        },
      ),
      { numRuns: 100 },
    );
  });
});
