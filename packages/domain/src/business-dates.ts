import type * as E from 'fp-ts/Either';
import { commandFactDates, type AnyCommand } from './registry/aggregates';
import { requireFactsNotAfter, type BusinessDateErrorCode } from './shared/business-date';
import type { BusinessDate } from './shared/dates';
import type { DomainError } from './shared/errors';

export { commandBusinessDate, commandFactDates } from './registry/aggregates';
export type { AnyCommand } from './registry/aggregates';

/**
 * DOMAIN.md §5: no fact is dated after the day it is recorded. A pure check: `today` is the
 * server's business date in Asia/Shanghai, which the caller (the API's clock) passes in; which
 * dates a command states as facts, its aggregate knows (the registry's `factDatesOf`).
 */
export const requireNotAfter =
  (today: BusinessDate) =>
  (c: AnyCommand): E.Either<DomainError<BusinessDateErrorCode>, void> =>
    requireFactsNotAfter(today)(commandFactDates(c));
