import type { AdoptHolidaySchedule } from '../working-calendar/working-calendar.commands';
import type { WorkingCalendarEvent } from '../working-calendar/working-calendar.events';
import { date, Year } from '../shared/dates';
import { unsafeId } from '../shared/ids';

/**
 * A 2027 holiday schedule FOR TESTS ONLY. It is NOT the State Council's 2027 notice: its dates are
 * invented to exercise the rules (元旦 on Friday 2027-01-01 with the weekend after it; a Spring
 * Festival week with one adjusted Saturday). Adopt the real notice's dates in a deployment.
 */
export const TEST_FIXTURE_SCHEDULE_2027 = {
  year: 2027 as Year,
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
  ].map(date),
  adjustedWorkdays: ['2027-02-20'].map(date),
  source: {
    title: unsafeId.text('测试用 2027 年节假日安排（非官方，仅供测试）'),
    publishedOn: date('2026-11-10'),
  },
} as const;

/** The command that adopts the test-fixture 2027 schedule. */
export const adoptFixture2027 = (o: Partial<AdoptHolidaySchedule> = {}): AdoptHolidaySchedule => ({
  type: 'AdoptHolidaySchedule',
  ...TEST_FIXTURE_SCHEDULE_2027,
  on: date('2026-12-08'),
  adoptedBy: unsafeId.text('区招商引资工作领导小组办公室'),
  ...o,
});

/** The event the decider records for `adoptFixture2027()`. */
export const fixture2027Adopted = (o: Partial<AdoptHolidaySchedule> = {}): WorkingCalendarEvent => {
  const { type: _type, ...data } = adoptFixture2027(o);
  return { type: 'HolidayScheduleAdopted', data };
};
