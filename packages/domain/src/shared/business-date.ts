import * as E from 'fp-ts/Either';
import type { BusinessDate, Year, YearMonth } from './dates';
import { domainError, type DomainError, type ErrorMessage } from './errors';

/**
 * A date a command states as a fact of the world (the day it happened), with the field it is in.
 * Deadlines a command sets for the future (an agreement's `schedule.startBy`, a rectification's
 * `dueBy`, a year's targets) are not facts and never appear here.
 */
export interface FactDate {
  readonly field: string;
  readonly date: BusinessDate;
}

/** The fact dates of a command; the first is its business date (the day of the fact it records). */
export type FactDates = readonly [FactDate, ...FactDate[]];

/** A fact date from a field. */
export const factDate = (field: string, date: BusinessDate): FactDate => ({ field, date });

/** A reporting month as a fact date: its first day (a month that has not begun has no facts). */
export const monthFact = (field: string, month: YearMonth): FactDate =>
  factDate(field, `${month}-01` as BusinessDate);

/** A reporting year as a fact date: its first day (a year that has not begun has no facts). */
export const yearFact = (field: string, year: Year): FactDate =>
  factDate(field, `${year}-01-01` as BusinessDate);

/** Errors of the rule that no fact is dated after the day it is recorded (DOMAIN.md §5). */
export const businessDateErrors = {
  DATE_IN_FUTURE: {
    zh: '{field} 为 {date}，晚于今天（{today}，北京时间）：不能登记尚未发生的事实',
    en: '{field} is {date}, after today ({today}, Asia/Shanghai): a fact cannot be dated in the future',
  },
} as const satisfies Record<string, ErrorMessage>;

export type BusinessDateErrorCode = keyof typeof businessDateErrors;

/**
 * DOMAIN.md §5: no fact is dated after the day it is recorded. `today` is the server's business
 * date in Asia/Shanghai, passed in by the caller (the domain reads no clock); the answer names the
 * first fact date after it.
 */
export const requireFactsNotAfter =
  (today: BusinessDate) =>
  (dates: FactDates): E.Either<DomainError<BusinessDateErrorCode>, void> => {
    const future = dates.find((d) => d.date > today);
    return future === undefined
      ? E.right(undefined)
      : E.left(domainError('DATE_IN_FUTURE', { field: future.field, date: future.date, today }));
  };
