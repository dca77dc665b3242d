/**
 * @zhaoshang/domain — the pure, event-sourced domain of investment-attraction projects (招商引资).
 * No I/O, no clock, no randomness: time and ids come in with the commands.
 */

// Shared value types and codecs
export {
  ProjectId,
  UnitId,
  LeaderId,
  AgreementId,
  IncentiveId,
  ProcedureId,
  TripId,
  BulletinId,
  NonEmptyText,
  unsafeId,
} from './shared/ids';
export { Cny, Usd, Mu, Count, cny, usd, mu, count } from './shared/money';
export {
  BusinessDate,
  RecordedAt,
  Year,
  YearMonth,
  date,
  addDays,
  addMonths,
  addYears,
  daysBetween,
  dayOfWeek,
  toDayNumber,
  fromDayNumber,
  businessDateOf,
  yearOf,
  monthOf,
  isBefore,
  isAfter,
  maxDate,
} from './shared/dates';
export {
  officialCalendar,
  packagedSchedules,
  calendarFrom,
  calendarOfSchedules,
  addWorkingDays,
  workingDaysBetween,
} from './shared/working-days';
export type {
  WorkingDayCalendar,
  WorkingDayDeadline,
  WorkingDayCount,
  YearSchedule,
} from './shared/working-days';
export {
  CreditCode,
  isValidCreditCode,
  creditCodeCheckChar,
  CREDIT_CODE_ALPHABET,
} from './shared/credit-code';
export { Sha256, EvidenceKind, EvidenceRef, Evidence } from './shared/evidence';
export { domainError, renderMessage } from './shared/errors';
export type { DomainError, ErrorMessage, ErrorParams, ErrorParam, Language } from './shared/errors';
export { fold } from './shared/decider';
export type { Decider } from './shared/decider';
export { defineEvent, catalogueCodec, struct, optional } from './shared/event-codec';
export type { DomainEvent, EventDefinition, AnyDefinition, EventOf } from './shared/event-codec';
export { makeEventReader } from './shared/upcasting';
export type { StoredEventData, Upcaster, UpcastError } from './shared/upcasting';
export { assertNever } from './shared/exhaustive';

// The error catalogue of every aggregate
export { domainErrors, describeError } from './errors';
export type { DomainErrorCode } from './errors';

// Aggregates
export * from './project';
export * from './target-plan';
export * from './leader-activity';
export * from './bulletin';
export * from './working-calendar';
export { eventCatalogue } from './catalogue';
export { requireNotAfter } from './business-dates';

// The aggregate registry: every aggregate's streams, commands, decider, event reading, unit and business date
export * from './registry';
export {
  businessDateErrors,
  factDate,
  monthFact,
  yearFact,
  requireFactsNotAfter,
} from './shared/business-date';
export type { FactDate, FactDates, BusinessDateErrorCode } from './shared/business-date';
export type { CatalogueEntry } from './catalogue';
