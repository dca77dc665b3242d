/**
 * The query side as the API sees it. Today it is served by an in-process projection
 * (`InProcessReadModels`, folded from `subscribeToAll`); when @zhaoshang/projections ships its
 * checkpointed runner and SQLite/MongoDB stores, an adapter implementing this interface replaces it
 * without touching a controller or a query handler.
 *
 * Money is integer 分 (CNY) or cents (USD) as JSON numbers, with a decimal 万元 string beside it for
 * display; dates are ISO 'YYYY-MM-DD' business dates; positions are decimal strings.
 */
export interface RegisterEntry {
  readonly projectId: string;
  readonly unitId: string;
  readonly name: string;
  readonly origin: 'lead' | 'planned';
  readonly stage: string;
  readonly investor?: { readonly name: string; readonly creditCode?: string };
  readonly industryChain: string;
  readonly channel?: string;
  readonly intendedInvestment: number;
  readonly intendedInvestmentWan: string;
  readonly agreedInvestment?: number;
  readonly fixedAssetInvestment?: number;
  readonly cumulativeInvestment: number;
  readonly responsibleLeader?: { readonly leaderId: string; readonly name: string };
  readonly responsiblePerson?: { readonly leaderId: string; readonly name: string };
  readonly capturedOn: string;
  readonly signedOn?: string;
  readonly startedOn?: string;
  readonly productionOn?: string;
  readonly nextDeadline?: { readonly kind: string; readonly dueOn: string };
  /** Missed milestones raised and not yet met. */
  readonly overdue: ReadonlyArray<{
    readonly milestoneKey: string;
    readonly kind: string;
    readonly dueOn: string;
  }>;
  readonly lastActivityOn: string;
  readonly revision: number;
  readonly position: string;
}

export interface MetricProgress {
  readonly metric: string;
  readonly minInvestment?: number;
  readonly kind: 'count' | 'cny' | 'usd' | 'rate';
  readonly target: number;
  readonly actual: number;
  /** actual ÷ target in basis points (10000 = 100 %). */
  readonly percentBp: number;
  /** 序时进度: share of the year elapsed by `asOf`, basis points. */
  readonly expectedBp: number;
  /** percentBp − expectedBp: negative means behind time-elapsed progress. */
  readonly gapBp: number;
  /** Cumulative actual at the end of each month of the year (12 entries; rates: the month's rate). */
  readonly monthly: ReadonlyArray<number>;
}

export interface TargetProgress {
  readonly unitId: string;
  readonly year: number;
  readonly scope: 'unit' | 'region';
  readonly asOf: string;
  readonly metrics: ReadonlyArray<MetricProgress>;
}

export interface UnitPerformance {
  readonly unitId: string;
  readonly period: string;
  /** R13: the six counts. */
  readonly effectiveLeads: number;
  readonly newSignings: number;
  readonly newStarts: number;
  readonly newStatisticsEntries: number;
  readonly investmentCompleted: number;
  readonly newProduction: number;
  /** R12: the two rates, basis points. */
  readonly signedToStartedBp: number;
  readonly startedToStatisticsBp: number;
  readonly missedMilestones: number;
  readonly overdueProcedures: number;
  /** R15: outbound trip days of the unit's leaders in the period. */
  readonly tripDays: number;
  readonly score: number;
  readonly rank: number;
}

export interface FulfilmentEntry {
  readonly projectId: string;
  readonly unitId: string;
  readonly name: string;
  readonly signedOn: string;
  readonly committed: {
    readonly annualOutput: number;
    readonly annualTax: number;
    readonly jobs: number;
    readonly fixedAssetInvestment: number;
  };
  readonly latest?: {
    readonly year: number;
    readonly output: number;
    readonly tax: number;
    readonly jobs: number;
    readonly investmentToDate: number;
  };
  readonly verdict?: string;
  readonly incentives: ReadonlyArray<{
    readonly incentiveId: string;
    readonly ceiling: number;
    readonly disbursed: number;
    readonly clawedBack: number;
  }>;
}

export interface SupervisionItem {
  readonly kind: 'missed-milestone' | 'overdue-procedure' | 'rectification';
  readonly projectId: string;
  readonly unitId: string;
  readonly projectName: string;
  readonly owner?: string;
  readonly subject: string;
  readonly dueOn: string;
  readonly daysOverdue: number;
}

export interface LeaderTrips {
  readonly leaderId: string;
  readonly trips: ReadonlyArray<Record<string, unknown>>;
  readonly totalDays: number;
}

export interface RegisterFilter {
  readonly unitId?: string;
  readonly stage?: string;
}

/** Read-model queries; all asynchronous so that a database-backed store fits unchanged. */
export interface ReadModels {
  /** Position of the last event applied ('0' before any). */
  checkpoint(): bigint;
  /** Resolves true once the projections have applied `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean>;
  register(filter: RegisterFilter): Promise<ReadonlyArray<RegisterEntry>>;
  project(projectId: string): Promise<RegisterEntry | undefined>;
  /** Open projects with a signed agreement: the ones the deadline watcher looks at. */
  watchedProjects(): Promise<ReadonlyArray<string>>;
  targetProgress(unitId: string, year: number, asOf: string): Promise<TargetProgress | undefined>;
  targetPlans(year: number): Promise<ReadonlyArray<{ readonly unitId: string; readonly scope: string }>>;
  performance(period: string): Promise<ReadonlyArray<UnitPerformance>>;
  fulfilment(unitId?: string): Promise<ReadonlyArray<FulfilmentEntry>>;
  supervision(asOf: string, unitId?: string): Promise<ReadonlyArray<SupervisionItem>>;
  leaderTrips(leaderId: string): Promise<LeaderTrips | undefined>;
  bulletin(streamName: string): Promise<Record<string, unknown> | undefined>;
  start(): Promise<void>;
  /** Stops the live subscription (and saves checkpoints, for a persistent store). */
  stop(): Promise<void>;
}
