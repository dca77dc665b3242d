import { addDays, addMonths, type BusinessDate, type YearMonth } from '../shared/dates';
import type { LeaderActivityState } from './leader-activity.state';

/** A monthly minimum of outbound promotion (R15): at least `trips` trips and `days` trip days in the month. */
export interface TripMinimum {
  readonly trips: number;
  readonly days: number;
}

/** Trips that have at least one day in the month, and their days that fall in it. */
export interface MonthlyTripActivity {
  readonly trips: number;
  readonly days: number;
}

/**
 * The minimums of seed 004 (相山区, 2024). Which one applies to a leader is data kept by the
 * performance review, and another region sets its own. "一周"/"两周" are read as 7/14 calendar days.
 */
export const tripMinimumsR15 = {
  /** §(二)「区四大班子主要负责同志每月分别外出招商不少于一周」 */
  districtLeadershipPrincipal: { trips: 1, days: 7 },
  /** §(二)「区政府分管领导每月外出招商累计不少于两周」 */
  districtGovernmentDeputy: { trips: 1, days: 14 },
  /** §(十一)「各责任单位主要负责同志每月外出招商分别不少于1批次(5天)」 */
  unitPrincipal: { trips: 1, days: 5 },
  /** §(十一)「渠沟镇主要负责同志每月外出招商分别不少于10天」 */
  qugouTownPrincipal: { trips: 1, days: 10 },
  /** §(十一)「开发区……主要负责同志每月外出招商分别不少于10天」 */
  zonePrincipal: { trips: 1, days: 10 },
} as const satisfies Record<string, TripMinimum>;

const monthBounds = (month: YearMonth): { readonly first: BusinessDate; readonly last: BusinessDate } => {
  const first = `${month}-01` as BusinessDate;
  return { first, last: addDays(addMonths(first, 1), -1) };
};

/**
 * A leader's trips in a month: a trip that crosses a month boundary counts in both months, with
 * only its days inside each (a trip of 29 Jan – 4 Feb gives January 3 days and February 4).
 */
export const tripActivityInMonth = (state: LeaderActivityState, month: YearMonth): MonthlyTripActivity => {
  if (state.status !== 'active') return { trips: 0, days: 0 };
  const { first, last } = monthBounds(month);
  let trips = 0;
  let days = 0;
  for (const trip of state.trips.values()) {
    const from = trip.from > first ? trip.from : first;
    const to = trip.to < last ? trip.to : last;
    if (from <= to) {
      trips += 1;
      days += Number(to.slice(8, 10)) - Number(from.slice(8, 10)) + 1;
    }
  }
  return { trips, days };
};

/** Days a leader spent on outbound promotion in the month (R15). */
export const tripDaysInMonth = (state: LeaderActivityState, month: YearMonth): number =>
  tripActivityInMonth(state, month).days;

/** Whether a leader met a monthly minimum (R15), e.g. `tripMinimumsR15.unitPrincipal`. */
export const meetsTripMinimum = (
  state: LeaderActivityState,
  month: YearMonth,
  minimum: TripMinimum,
): boolean => {
  const activity = tripActivityInMonth(state, month);
  return activity.trips >= minimum.trips && activity.days >= minimum.days;
};
