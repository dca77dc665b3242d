import type {
  FulfilmentQueries,
  LandQueries,
  PerformanceReviewQueries,
  ProjectionStatus,
  RegisterQueries,
  RunnerHealth,
  RunnerReport,
  SupervisionQueries,
  TargetProgressQueries,
  // enterprise requests (R17)
  RequestQueries,
  // advisors (招商顾问, 002 §八) and the investor directory (客商目录, 002 §一)
  AdvisorQueries,
  InvestorDirectoryQueries,
} from '@zhaoshang/projections';
// Leading-group meetings and their 交办 items (R20)
import type { MeetingsQueries } from '@zhaoshang/projections';

/**
 * The query side as the API sees it: the read models of @zhaoshang/projections (DOMAIN.md §4), kept
 * up to date by a checkpointed `ProjectionRunner` in this process, in the embedded SQLite file by
 * default or in MongoDB when `MONGODB_URL` is set. Query handlers answer with the projections'
 * own documents (`RegisterEntry`, `TargetProgressView`, `PerformanceReview`, `FulfilmentEntry`,
 * `SupervisionEntry`): one shape from the store to the client, the shape auditors re-derive.
 *
 * Money is integer 分 (CNY) or cents (USD) as JSON numbers; dates are ISO 'YYYY-MM-DD' business dates;
 * positions are decimal strings in the HTTP answers.
 */
export interface ProjectionQueries {
  readonly register: RegisterQueries;
  readonly targetProgress: TargetProgressQueries;
  readonly review: PerformanceReviewQueries;
  readonly fulfilment: FulfilmentQueries;
  readonly supervision: SupervisionQueries;
  // enterprise requests (R17): the 企业诉求台账 and the watcher's pending limits
  readonly requests: RequestQueries;
  /** The land register (R19): plots, clearance, idle and revitalised land, quota. */
  readonly land: LandQueries;
  // Leading-group meetings and their 交办 items (R20)
  readonly meetings: MeetingsQueries;
  // advisors (招商顾问, 002 §八) and the investor directory (客商目录, 002 §一)
  readonly advisors: AdvisorQueries;
  readonly investorDirectory: InvestorDirectoryQueries;
}

export interface ReadModels {
  /** Position every read model has committed (-1 before any event): what an answer reflects. */
  checkpoint(): bigint;
  /** Resolves true once every read model has applied `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean>;
  readonly queries: ProjectionQueries;
  /** Open projects with a signed agreement: the ones the deadline watcher looks at. */
  watchedProjects(): Promise<ReadonlyArray<string>>;
  /** Each projection's state, checkpoint and lag (readiness). */
  status(): Promise<ReadonlyArray<ProjectionStatus>>;
  /** The runner's health, lease, last failure and self-rebuild, with each projection's status (reads the event store for the lag). */
  report(): Promise<RunnerReport>;
  /** The runner's health now (no I/O: answers while a store is down). */
  health(): RunnerHealth;
  /**
   * Catches up from the saved checkpoints (rebuilding a projection whose version changed, or all of
   * them when they were built from another event store), then tails live events; resolves when
   * live, standing by (another instance holds the lease) or degraded (it retries in the background).
   */
  start(): Promise<void>;
  /** Stops tailing after the batch in progress is committed with its checkpoint, then closes the store. */
  stop(): Promise<void>;
}
