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
  RequestId,
  NonEmptyText,
  unsafeId,
} from './shared/ids';
export { Cny, Usd, Mu, Count, cny, usd, mu, count } from './shared/money';
export { basisPoints, ratioOf, wanPerMu } from './shared/ratio';
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

// The vocabulary: one zh/en label for every business term a person reads
export { vocabulary, milestoneLabel, termLabel, zhOf } from './vocabulary';
export type {
  Vocabulary,
  VocabularySection,
  Label,
  Labels,
  ExitRuleKind,
  TrafficLight,
  ProgressNode,
  SupervisionItemKind,
  HistoryPhase,
} from './vocabulary';

// Aggregates
export * from './project';
export * from './target-plan';
export * from './leader-activity';
export * from './bulletin';
export * from './working-calendar';
// Enterprise requests and complaints (企业诉求 / 投诉, R17): the closed loop of 004 §(十二)
export {
  RequestKind,
  RequestChannel,
  RequestCategory,
  RequestingEnterprise,
  HandlingDeadline,
  enterpriseRequestEvents,
  EnterpriseRequestEventCodec,
  ReceiveRequest,
  AssignRequest,
  HandleRequest,
  EvaluateRequest,
  CloseRequest,
  enterpriseRequestCommands,
  enterpriseRequestCommandDates,
  initialEnterpriseRequestState,
  evolveEnterpriseRequest,
  enterpriseRequestDecider,
  makeEnterpriseRequestDecider,
  requestOverdueOn,
  defaultEnterpriseRequestPolicy,
  enterpriseRequestErrors,
} from './enterprise-request';
export type {
  EnterpriseRequestEvent,
  EnterpriseRequestEventType,
  EnterpriseRequestEventOf,
  EnterpriseRequestCommand,
  RequestStatus,
  HandlingRound,
  EnterpriseRequest,
  EnterpriseRequestState,
  EnterpriseRequestDeciderDeps,
  RequestOverdue,
  EnterpriseRequestPolicy,
  EnterpriseRequestErrorCode,
} from './enterprise-request';
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
