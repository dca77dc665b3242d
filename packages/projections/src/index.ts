/**
 * @zhaoshang/projections — read models of DOMAIN.md §4 built by pure projections, a checkpointed
 * runner, and two stores behind one query interface (embedded SQLite, MongoDB).
 * What a user of the package needs, by name: the projections, their queries and documents, the
 * runner and the stores. Scenario builders and the store contract suite are in
 * '@zhaoshang/projections/testing'.
 */

// Reading stored events as the domain's (decode + upcast through the registry)
export { storedEventData } from './events/decode';

// Read models and paging
export { allProjections, selectProjections } from './projections';
export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, PROJECTION_NAMES } from './read-model';
export type { Page, PageRequest, Projection, ProjectionName } from './read-model';
export { defaultThresholds } from './traffic-light/traffic-light';
export type { Light, TrafficLightThresholds } from './traffic-light/traffic-light';
export type { Rate } from './counting/project-facts';

// Project register (招商引资工作台账)
export { registerCollection } from './register/register.document';
export type { RegisterEntry } from './register/register.document';
// The register's procedures sheet (R22)
export type { RegisterProcedure } from './register/register.document';
export { registerProjection } from './register/register.projection';
export { registerQueries } from './register/register.queries';
export type {
  RegisterFilter,
  RegisterQueries,
  RegisterQuery,
  RegisterSortField,
} from './register/register.queries';

// Target progress (目标进度)
export type {
  MetricProgress,
  SeriesPoint,
  TargetProgressView,
} from './target-progress/target-progress.document';
// the 大屏's trend (issue #18 item 4)
export type { HeadlineFigure, TargetTrendView, TrendMonth } from './target-progress/target-progress.document';
export { HEADLINE_METRICS } from './target-progress/target-progress.compute';
export { targetProgressProjection } from './target-progress/target-progress.projection';
export { targetProgressQueries } from './target-progress/target-progress.queries';
export type {
  TargetProgressListQuery,
  TargetProgressQueries,
} from './target-progress/target-progress.queries';

// Performance review (绩效考核)
export type {
  PerformanceReview,
  ReviewPeriod,
  SixCounts,
  UnitReview,
} from './performance-review/performance-review.document';
export { performanceReviewProjection } from './performance-review/performance-review.projection';
export { performanceReviewQueries } from './performance-review/performance-review.queries';
export type { PerformanceReviewQueries, ReviewQuery } from './performance-review/performance-review.queries';
export { defaultScoringPolicy, parseScoringPolicy, ScoringPolicy } from './performance-review/scoring-policy';

// Fulfilment monitoring (履约监管)
export type { FulfilmentEntry } from './fulfilment/fulfilment.document';
export { fulfilmentProjection } from './fulfilment/fulfilment.projection';
export { fulfilmentQueries } from './fulfilment/fulfilment.queries';
export type { FulfilmentQueries, FulfilmentQuery } from './fulfilment/fulfilment.queries';

// Supervision list (督办清单)
export type { SupervisionEntry, SupervisionItem } from './supervision/supervision.document';
export { supervisionProjection } from './supervision/supervision.projection';
export { supervisionQueries } from './supervision/supervision.queries';
export type { SupervisionQueries, SupervisionQuery } from './supervision/supervision.queries';

// Enterprise requests (企业诉求台账, R17)
export { requestsCollection } from './requests/requests.document';
export type { RequestDoc, RequestEntry, RequestRoundDoc } from './requests/requests.document';
export { evolveRequestDoc, requestsProjection } from './requests/requests.projection';
export { requestEntry, requestQueries } from './requests/requests.queries';
export type { RequestListQuery, RequestQueries } from './requests/requests.queries';
export { requestReview } from './requests/requests.review';
export type { DepartmentRequestReview, RequestFigures } from './requests/requests.review';
// Leading-group meetings and their 交办 items (会议交办事项台账, R20)
export type { MeetingDoc, MeetingItemDoc } from './meetings/meetings.document';
export { meetingsProjection } from './meetings/meetings.projection';
export { meetingsQueries } from './meetings/meetings.queries';
export type {
  MeetingItemEntry,
  MeetingItemFigures,
  MeetingMonth,
  MeetingRow,
  MeetingsQueries,
  MeetingsRegister,
} from './meetings/meetings.queries';

// Runner and stores
export { headPosition, ProjectionRunner } from './runner/runner';
export type {
  ProjectionState,
  ProjectionStatus,
  RunnerHealth,
  RunnerLogger,
  RunnerOptions,
  RunnerReport,
} from './runner/runner';
export type { EventStoreIdentity, EventStoreIdentitySource, RunnerEventSource } from './runner/event-source';
export { LeaseLostError } from './stores/read-model-store';
export type { ParkedEvent, ReadModelReader, ReadModelStore, SkipRecord } from './stores/read-model-store';
export { openSqliteReadModelStore } from './stores/sqlite/sqlite-read-model-store';
export type { SqliteReadModelStoreOptions } from './stores/sqlite/sqlite-read-model-store';
export { openMongoReadModelStore } from './stores/mongodb/mongo-read-model-store';
export type { MongoReadModelStoreOptions } from './stores/mongodb/mongo-read-model-store';
export { MemoryReadModelStore } from './stores/memory/memory-read-model-store';
export type { MemoryReadModelStoreOptions } from './stores/memory/memory-read-model-store';

// Land register (地块台账, 用地指标, R19)
export { landProjectsCollection, plotsCollection, quotaCollection } from './land/land.document';
export type { LandProjectDoc, PlotDoc, QuotaDoc } from './land/land.document';
export { landProjection } from './land/land.projection';
export { landQueries, plotEntry } from './land/land.queries';
export { pageOf } from './read-model';
export type {
  ClearanceItem,
  ClearanceList,
  IdleLand,
  LandQueries,
  PerMu,
  PlotEntry,
  PlotFilter,
  PlotOccupant,
  QuotaView,
  RevitalisedLand,
} from './land/land.queries';
// advisors (招商顾问, R21 · 002 §八)
export { advisorsCollection } from './advisors/advisors.document';
export type {
  AdvisorDoc,
  AdvisorEntry,
  AdvisorIntroductionEntry,
  AdvisorRewardDoc,
} from './advisors/advisors.document';
export { advisorsProjection } from './advisors/advisors.projection';
export { advisorQueries } from './advisors/advisors.queries';
export type { AdvisorFilter, AdvisorQueries } from './advisors/advisors.queries';
// the investor directory (客商目录, 002 §一)
export {
  investorNamesCollection,
  investorProjectsCollection,
  investorsCollection,
} from './investor-directory/investor-directory.document';
export type { InvestorEntry, InvestorProjectEntry } from './investor-directory/investor-directory.document';
export {
  investorDirectoryProjection,
  investorIdOfCode,
  normaliseInvestorName,
} from './investor-directory/investor-directory.projection';
export { investorDirectoryQueries } from './investor-directory/investor-directory.queries';
export type {
  InvestorDirectoryQueries,
  InvestorSearch,
} from './investor-directory/investor-directory.queries';
