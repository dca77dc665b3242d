/**
 * @zhaoshang/domain — the pure, event-sourced domain of investment-attraction projects (招商引资).
 * No I/O, no clock, no randomness: time and ids come in with the commands.
 * What a user of the package needs, by name: value types, the registry of aggregates and, per
 * aggregate, its commands, events, state, decider and policies. Rules, evolve steps and codec
 * building blocks stay inside; specs, fixtures and arbitraries are in '@zhaoshang/domain/testing'.
 */

// Value types and codecs: ids, money, dates, working days, credit codes, evidence
export { CreditCode, creditCodeCheckChar, isValidCreditCode } from './shared/credit-code';
export {
  addDays,
  addMonths,
  addYears,
  BusinessDate,
  businessDateOf,
  date,
  dayOfWeek,
  daysBetween,
  isAfter,
  isBefore,
  monthOf,
  RecordedAt,
  Year,
  YearMonth,
  yearOf,
} from './shared/dates';
export { Evidence, EvidenceKind, EvidenceRef, Sha256 } from './shared/evidence';
export {
  AgreementId,
  BulletinId,
  IncentiveId,
  LeaderId,
  NonEmptyText,
  ProcedureId,
  ProjectId,
  RequestId,
  TripId,
  UnitId,
  unsafeId,
} from './shared/ids';
export { Cny, cny, Count, count, Mu, mu, Usd, usd } from './shared/money';
export { basisPoints, ratioOf, wanPerMu } from './shared/ratio';
export {
  addWorkingDays,
  officialCalendar,
  packagedSchedules,
  workingDaysBetween,
} from './shared/working-days';
export type { WorkingDayCalendar, YearSchedule } from './shared/working-days';

// Deciders, events and errors as data (zh/en catalogue)
export { requireNotAfter } from './business-dates';
export { eventCatalogue } from './catalogue';
export type { CatalogueEntry } from './catalogue';
export { describeError, domainErrors } from './errors';
export type { DomainErrorCode } from './errors';
export { requireFactsNotAfter } from './shared/business-date';
export type { FactDate, FactDates } from './shared/business-date';
export { fold } from './shared/decider';
export type { Decider } from './shared/decider';
export { domainError, renderMessage } from './shared/errors';
export type { DomainError, ErrorMessage, Language } from './shared/errors';
export type { AnyDefinition, DomainEvent } from './shared/event-codec';
export { assertNever } from './shared/exhaustive';
export { makeEventReader } from './shared/upcasting';
export type { StoredEventData, UpcastError } from './shared/upcasting';

// The vocabulary: one zh/en label for every business term a person reads
export { milestoneLabel, termLabel, vocabulary, zhOf } from './vocabulary';
// workbench (issue #18 item 1): the forms' labels of the project's commands and of their fields
export { projectCommandLabels } from './vocabulary/forms.vocabulary';
// forms of the other aggregates' commands (issue #18 item 1, forms)
export { otherCommandLabels, serverOnlyCommands, variantLabels } from './vocabulary/forms.vocabulary';
export type { OtherCommandType, ServerOnlyCommandType } from './vocabulary/forms.vocabulary';
export type {
  ExitRuleKind,
  HistoryPhase,
  Label,
  Labels,
  ProgressNode,
  SupervisionItemKind,
  TrafficLight,
  Vocabulary,
  VocabularySection,
} from './vocabulary';
// The field glossary (issue #18 item 7): every command and event field and every named codec, as a person reads it
export { codecGlossary, fieldGlossary } from './vocabulary/fields.vocabulary';
export type { FieldEntry, GlossaryCodec, GlossaryField } from './vocabulary/fields.vocabulary';

// The aggregate registry: every aggregate's streams, commands, decider, event reading, unit and business date
export {
  aggregateNames,
  aggregateOfCommand,
  aggregateOfStream,
  aggregates,
  bulletinStream,
  commandBusinessDate,
  commandCodecs,
  commandFactDates,
  enterpriseRequestStream,
  // advisors (招商顾问, R21 · 002 §八)
  advisorStream,
  foldStored,
  leaderStream,
  projectStream,
  readEventOf,
  readStreamEvent,
  streamPrefixes,
  targetPlanStream,
  withAggregateOf,
  WORKING_CALENDAR_STREAM,
} from './registry';
export type {
  Aggregate,
  AggregateCommand,
  AggregateEvent,
  AggregateName,
  AggregateOf,
  AggregateTypes,
  AnyCommand,
  AnyCommandShape,
  AnyCommandType,
  CommandCodecs,
  CommandOfAggregate,
  CommandOfType,
  EventOfAggregate,
  StateOfAggregate,
  StreamEventError,
} from './registry';

// Project (招商项目)
export {
  AgreementTerms,
  ApprovalLevel,
  CatalogueClass,
  Channel,
  Commitments,
  ConstructionNature,
  CorrectableFact,
  countedMembers,
  defaultDuplicatePolicy,
  defaultProjectPolicy,
  DefinedBreach,
  Department,
  describeFinding,
  evaluationGoverns,
  evaluationShowsResults,
  evolveProject,
  findDuplicates,
  foldProject,
  FulfilmentFigure,
  FulfilmentFindingCode,
  fulfilmentFindings,
  FulfilmentRatios,
  IncentiveKind,
  initialProjectState,
  Investor,
  LandSupply,
  LeaderRole,
  LegalReviewer,
  makeProjectDecider,
  MilestoneKind,
  NegativeListStatus,
  Opinion,
  PerMuFigures,
  ProcedureKind,
  ProjectCommandCodec,
  projectCommands,
  projectDecider,
  ProjectEventCodec,
  projectEvents,
  Ratio,
  readProjectEvent,
  RejectionGround,
  requireLinkableCanonical,
  Signatory,
  STAGES,
  TerminationBasis,
  Verdict,
  WithdrawalReason,
} from './project';
export type {
  AdmissionBar,
  CountingMember,
  DeadlineStatus,
  DuplicateMatch,
  DuplicatePolicy,
  FindingWeight,
  FulfilmentPolicy,
  NoProject,
  Project,
  ProjectCommand,
  ProjectCommandOf,
  ProjectCommandType,
  ProjectDeciderDeps,
  ProjectErrorCode,
  ProjectEvent,
  ProjectEventOf,
  ProjectEventType,
  ProjectFingerprint,
  ProjectPolicy,
  ProjectState,
  ReviewedTerm,
  Stage,
} from './project';
// workbench (issue #18 item 1): the commands a project's stage allows
export { projectActions, projectActionsAt, projectCommandStages } from './project';
// Weekly 包保 visits (R18, 000 §五.2): the official week, its detection, the event
export {
  IsoWeek,
  isoWeekOf,
  mondayOf,
  missedVisitWeeks,
  visitPeriodOf,
  VisitWeekMissed,
  weekHasWorkingDay,
} from './project';
export type { MissedVisitWeek, VisitPeriod } from './project';
// The project's profile: the register's columns no other fact gives (R22, DOMAIN.md §6)
export {
  ProjectCategory,
  projectCategoryLabels,
  UnitKind,
  unitKindLabels,
  ProjectProfile,
  PROFILE_FIELDS,
  PROJECT_CODE,
  isProjectCode,
  changedProfile,
  mergeProfile,
  ProjectProfileRecorded,
  decideRecordProjectProfile,
  requireProfileContent,
  requireProjectCode,
} from './project';

// Annual target plan (年度目标)
export {
  BasisPoints,
  defaultTargetsR11,
  districtTargets2024R12,
  metricCatalogue,
  MetricKey,
  metricKinds,
  MetricTarget,
  PlanScope,
  ReviseAnnualTargets,
  SetAnnualTargets,
  TargetPlanCommand,
  targetPlanDecider,
  targetPlanEvents,
  Targets,
  TargetValue,
  zoneTargets003,
} from './target-plan';
export type {
  MetricDefinition,
  TargetKind,
  TargetPlanErrorCode,
  TargetPlanEvent,
  TargetPlanEventType,
  TargetPlanState,
} from './target-plan';

// Leader activity (领导外出招商)
export {
  CorrectOutboundTrip,
  LeaderActivityCommand,
  leaderActivityDecider,
  leaderActivityEvents,
  RecordOutboundTrip,
  tripMinimumsR15,
} from './leader-activity';
export type {
  LeaderActivityErrorCode,
  LeaderActivityEvent,
  LeaderActivityEventType,
  LeaderActivityState,
  Trip,
  TripMinimum,
} from './leader-activity';

// Bulletin (通报)
export {
  BulletinCommand,
  bulletinDecider,
  bulletinEvents,
  BulletinPeriod,
  canonicalFiguresJson,
  CorrectBulletin,
  Figures,
  FigureValue,
  GlobalPosition,
  periodBounds,
  periodLabel,
  PublishBulletin,
  TreeCheckpoint,
} from './bulletin';
export type { BulletinErrorCode, BulletinEvent, BulletinEventType, BulletinState } from './bulletin';
// the transparency log's root hash, documented in the OpenAPI document (issue #18 item 7)
export { RootHash } from './bulletin';

// Working calendar (法定节假日)
export {
  AdoptHolidaySchedule,
  CorrectHolidaySchedule,
  initialWorkingCalendarState,
  ScheduleSource,
  WorkingCalendarCommand,
  workingCalendarCommands,
  workingCalendarDecider,
  workingCalendarEvents,
  workingDayCalendarOf,
} from './working-calendar';
export type {
  WorkingCalendarErrorCode,
  WorkingCalendarEvent,
  WorkingCalendarEventType,
  WorkingCalendarState,
} from './working-calendar';

// Enterprise requests and complaints (企业诉求 / 投诉, R17: 001 §二, 004 §(十二) 诉求闭环)
export {
  AssignRequest,
  CloseRequest,
  // enterprise requests: the deadline watcher's command and its event (R7's calendar, R17)
  ComputeRequestDeadlines,
  RequestDeadlineComputed,
  defaultEnterpriseRequestPolicy,
  enterpriseRequestCommands,
  enterpriseRequestDecider,
  EnterpriseRequestEventCodec,
  enterpriseRequestEvents,
  EvaluateRequest,
  HandleRequest,
  HandlingDeadline,
  initialEnterpriseRequestState,
  makeEnterpriseRequestDecider,
  ReceiveRequest,
  RequestCategory,
  RequestChannel,
  RequestingEnterprise,
  RequestKind,
  requestOverdueOn,
} from './enterprise-request';
export type {
  EnterpriseRequest,
  EnterpriseRequestCommand,
  EnterpriseRequestDeciderDeps,
  EnterpriseRequestErrorCode,
  EnterpriseRequestEvent,
  EnterpriseRequestEventOf,
  EnterpriseRequestEventType,
  EnterpriseRequestPolicy,
  EnterpriseRequestState,
  HandlingRound,
  RequestOverdue,
  RequestStatus,
} from './enterprise-request';

// Land plots and the land-quota ledger (地块、用地指标, R19: 000 §四.5, 001 §(二)/(四), 003)
export {
  LandArea,
  PositiveLandArea,
  landArea,
  HalfYear,
  halfYearBounds,
  halfYearOf,
  clearanceFinding,
  defaultLandClearancePolicy,
  LandUse,
  SupplyStatus,
  PlotFlag,
  FlagBasis,
  RevitalisationRoute,
  PlotRegistered,
  PlotSupplyRecorded,
  PlotAllocated,
  PlotFlagged,
  PlotRevitalised,
  PlotReclaimed,
  PlotReturnedToReserve,
  plotEvents,
  PlotEventCodec,
  RegisterPlot,
  RecordPlotSupply,
  AllocatePlot,
  FlagPlot,
  RevitalisePlot,
  ReclaimPlot,
  ReturnPlotToReserve,
  plotCommands,
  plotCommandDates,
  initialPlotState,
  evolvePlot,
  plotDecider,
  isOccupied,
  requireNotRegistered,
  requireRegistered,
  requireInReserve,
  requireOccupied,
  requireOccupant,
  requireIdleOrLowEfficiency,
  requireRouteOutcome,
  requireWithinPlotArea,
  requireReclaimed,
  requirePlotStepInOrder,
  decideRegisterPlot,
  decideRecordPlotSupply,
  decideAllocatePlot,
  decideFlagPlot,
  decideRevitalisePlot,
  decideReclaimPlot,
  decideReturnPlotToReserve,
  plotErrors,
  landUseLabels,
  supplyStatusLabels,
  plotStatusLabels,
  plotFlagLabels,
  flagBasisLabels,
  revitalisationRouteLabels,
} from './land';
export type {
  LandClearancePolicy,
  OccupantFacts,
  PlotEvent,
  PlotEventType,
  PlotEventOf,
  PlotCommand,
  PlotStatus,
  OccupiedStatus,
  Occupant,
  Revitalisation,
  Plot,
  NoPlot,
  PlotState,
  PlotErrorCode,
} from './land';
export {
  QuotaEntryId,
  LandQuotaGranted,
  LandQuotaUsed,
  LandQuotaReservationReleased,
  landQuotaEvents,
  LandQuotaEventCodec,
  GrantLandQuota,
  UseLandQuota,
  ReleaseLandQuotaReservation,
  landQuotaCommands,
  landQuotaCommandDates,
  initialLandQuotaState,
  reservedLeft,
  generalLeft,
  evolveLandQuota,
  landQuotaDecider,
  requireReserveWithinGrant,
  requireGranted,
  requireQuotaAvailable,
  requireUnusedReservation,
  decideGrantLandQuota,
  decideUseLandQuota,
  decideReleaseLandQuotaReservation,
  isKeyProject,
  requireKeyProjectClaim,
  landQuotaErrors,
  quotaFigureLabels,
} from './land-quota';
export type {
  LandQuotaEvent,
  LandQuotaEventType,
  LandQuotaCommand,
  LandQuotaLedger,
  NoLandQuota,
  LandQuotaState,
  LandQuotaErrorCode,
  QuotaFigure,
} from './land-quota';
export { PlotId, unsafePlotId } from './shared/ids';
export { plotStream, landQuotaStream } from './registry/streams';
// Leading-group meetings and their 交办 items (领导小组例会、专题会、联席会议、调度会, R20: 000 §五.1,
// 001 §(三)3, 002 §一, 004 §(十七); 003 工作交办机制、首问负责制、限时办结制、跟踪问效制)
export { MeetingId, MeetingItemId } from './shared/ids';
export { meetingStream } from './registry';
export {
  DecisionRecorded,
  ExtendItem,
  HoldMeeting,
  ItemDeadline,
  ItemDeadlineInput,
  itemDueOn,
  ItemExtended,
  itemOf,
  ItemOwner,
  ItemReportedDone,
  ItemToHandOut,
  ItemVerified,
  makeMeetingDecider,
  meetingCommands,
  meetingDecider,
  MeetingEventCodec,
  meetingEvents,
  meetingErrors,
  MeetingHeld,
  meetingItemStatusLabels,
  meetingItemTimelinessLabels,
  MeetingKind,
  meetingKindLabels,
  ownerKey,
  RecordDecision,
  ReportItemDone,
  VerifyItem,
} from './meeting';
// Leading-group meetings: the watcher's count of 交办 deadlines pending the official calendar (R20, R7)
export { ComputeMeetingItemDeadlines, MeetingItemDeadlineComputed } from './meeting';
export type {
  Meeting,
  MeetingCommand,
  MeetingDecision,
  MeetingEvent,
  MeetingEventOf,
  MeetingEventType,
  MeetingItem,
  MeetingItemStatus,
  MeetingState,
} from './meeting';
// Advisors (招商顾问, R21: 002 §八 聘请招商顾问, 牵线搭桥, 非公职人员一次性奖励)
export {
  AdvisorAppointed,
  AdvisorAppointmentEnded,
  AdvisorCategory,
  advisorCategoryLabels,
  advisorCommands,
  advisorDecider,
  AdvisorEventCodec,
  advisorEvents,
  AdvisorRewarded,
  advisorStatusLabels,
  AdvisorTerm,
  AppointAdvisor,
  AppointmentEnd,
  appointmentEndLabels,
  CreditIntroduction,
  EndAdvisorAppointment,
  initialAdvisorState,
  IntroductionCredited,
  requireAdvisorProject,
  RewardAdvisor,
  servesUntil,
} from './advisor';
export type {
  Advisor,
  AdvisorCommand,
  AdvisorErrorCode,
  AdvisorEvent,
  AdvisorEventOf,
  AdvisorEventType,
  AdvisorReward,
  AdvisorState,
  AdvisorStatus,
  Introduction,
} from './advisor';
// advisors (招商顾问, R21 · 002 §八): the advisor's id
export { AdvisorId } from './shared/ids';
