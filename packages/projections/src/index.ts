/**
 * @zhaoshang/projections — read models of DOMAIN.md §4 built by pure projections, a checkpointed
 * runner, and two stores behind one query interface (embedded SQLite, MongoDB).
 */
export {
  collection,
  put,
  remove,
  pageOf,
  pageBounds,
  PROJECTION_NAMES,
  DEFAULT_PAGE_LIMIT,
  MAX_PAGE_LIMIT,
} from './read-model';
export type {
  Collection,
  Doc,
  DocChange,
  DocReader,
  FieldCondition,
  Filter,
  FindQuery,
  IndexSpec,
  Page,
  PageRequest,
  Projection,
  ProjectionName,
  Scalar,
  SortKey,
} from './read-model';
export { decodeStoredEvent, storedEventData } from './events/decode';
export type { DecodedEvent, DecodeFailure, EventCategory } from './events/decode';
export {
  defaultThresholds,
  leadLight,
  metricLight,
  monthsBetween,
  nodeLight,
  statisticsLight,
  worse,
  worst,
} from './traffic-light/traffic-light';
export type { Light, TrafficLightThresholds } from './traffic-light/traffic-light';
export {
  countsOnce,
  duplicates,
  evolveFacts,
  factCorrections,
  investmentOn,
  lateEntries,
  measure,
  missedInvestmentReports,
  missedMilestones,
  openMissedMilestones,
  overdueProcedures,
  rates,
  resolveDuplicates,
  linkOn,
  terminations,
  MET_BY,
} from './counting/project-facts';
export type {
  CountedMetric,
  MissedFact,
  ProjectFacts,
  Rate,
  Receipt,
  SizeBand,
  Window,
} from './counting/project-facts';
export { loadCountingFacts } from './counting/counting-facts';
export type { CountingScope } from './counting/counting-facts';
export { allProjections, selectProjections } from './projections';

// Project register (招商引资工作台账)
export { registerCollection } from './register/register.document';
export type { RegisterDoc, RegisterEntry, RegisterNode } from './register/register.document';
export { registerProjection } from './register/register.projection';
export { registerEntry, registerQueries } from './register/register.queries';
export type {
  RegisterFilter,
  RegisterQueries,
  RegisterQuery,
  RegisterSortField,
} from './register/register.queries';

// Target progress (目标进度)
export { targetProgressFacts, targetProgressPlans } from './target-progress/target-progress.document';
export type {
  MetricProgress,
  PlanDoc,
  SeriesPoint,
  StoredTarget,
  TargetProgressView,
} from './target-progress/target-progress.document';
export {
  targetProgressProjection,
  evolvePlan,
  planId,
  storedTargets,
} from './target-progress/target-progress.projection';
export {
  computeProgress,
  elapsedOfYear,
  metricProgress,
  yearToDate,
} from './target-progress/target-progress.compute';
export { targetProgressQueries } from './target-progress/target-progress.queries';
export type {
  TargetProgressListQuery,
  TargetProgressQueries,
} from './target-progress/target-progress.queries';

// Performance review (绩效考核)
export { reviewFacts, reviewPlans, reviewTrips } from './performance-review/performance-review.document';
export type {
  LeaderTrips,
  PerformanceReview,
  ReviewPeriod,
  SixCounts,
  TripDoc,
  UnitReview,
} from './performance-review/performance-review.document';
export { performanceReviewProjection, evolveTrip } from './performance-review/performance-review.projection';
export {
  measureOf,
  periodWindow,
  rulePoints,
  scoreUnits,
  targetOf,
  unitFigures,
} from './performance-review/performance-review.compute';
export type { ScoringInput, UnitFigures } from './performance-review/performance-review.compute';
export { performanceReviewQueries } from './performance-review/performance-review.queries';
export type { PerformanceReviewQueries, ReviewQuery } from './performance-review/performance-review.queries';
export {
  defaultScoringPolicy,
  parseScoringPolicy,
  Measure,
  ScoringPolicy,
  ScoringRule,
  TargetRef,
} from './performance-review/scoring-policy';

// Fulfilment monitoring (履约监管)
export { fulfilmentCollection } from './fulfilment/fulfilment.document';
export type {
  Committed,
  FulfilmentDoc,
  FulfilmentEntry,
  IncentiveLine,
  YearActual,
} from './fulfilment/fulfilment.document';
export { fulfilmentProjection } from './fulfilment/fulfilment.projection';
export { fulfilmentEntry, fulfilmentQueries } from './fulfilment/fulfilment.queries';
export type { FulfilmentQueries, FulfilmentQuery } from './fulfilment/fulfilment.queries';

// Supervision list (督办清单)
export { supervisionItems, supervisionProjects } from './supervision/supervision.document';
export type {
  Owner,
  SupervisionEntry,
  SupervisionItem,
  SupervisionProject,
} from './supervision/supervision.document';
export { supervisionProjection } from './supervision/supervision.projection';
export { supervisionEntry, supervisionQueries } from './supervision/supervision.queries';
export type { SupervisionQueries, SupervisionQuery } from './supervision/supervision.queries';

// Runner and stores
export { ProjectionRunner, headPosition, stderrLogger } from './runner/runner';
export type {
  ProjectionState,
  ProjectionStatus,
  Progress,
  RebuildNotice,
  RetryPolicy,
  RunnerHealth,
  RunnerLogger,
  RunnerOptions,
  RunnerReport,
} from './runner/runner';
export { lastEvent, readAfter, sameStore } from './runner/event-source';
export type { EventStoreIdentity, EventStoreIdentitySource, RunnerEventSource } from './runner/event-source';
export { LeaseLostError, MAX_STORED_POSITION, storablePosition } from './stores/read-model-store';
export type {
  Checkpoint,
  CommitOptions,
  Lease,
  ParkedEvent,
  ProjectionCommit,
  ReadModelReader,
  ReadModelStore,
  SkipRecord,
} from './stores/read-model-store';
export {
  openSqliteReadModelStore,
  READ_MODEL_SCHEMA_VERSION,
  SqliteReadModelStore,
} from './stores/sqlite/sqlite-read-model-store';
export type { SqliteReadModelStoreOptions } from './stores/sqlite/sqlite-read-model-store';
export {
  CHECKPOINTS_COLLECTION,
  MongoReadModelStore,
  mongoFilter,
  mongoSort,
  openMongoReadModelStore,
  REDO_COLLECTION,
  LEASE_COLLECTION,
  SKIPPED_COLLECTION,
} from './stores/mongodb/mongo-read-model-store';
export type { MongoReadModelStoreOptions } from './stores/mongodb/mongo-read-model-store';
export { MemoryReadModelStore } from './stores/memory/memory-read-model-store';
export type { MemoryReadModelStoreOptions } from './stores/memory/memory-read-model-store';
export { commitWithRedoLog, recoverRedoLog } from './stores/redo-log';
export type { GuardedPrimitives } from './stores/redo-log';
