import type { BusinessDate, MetricKey, PlanScope, TargetKind } from '@zhaoshang/domain';
import type { ProjectFacts } from '../counting/project-facts';
import { collection } from '../read-model';
import type { Light } from '../traffic-light/traffic-light';

/** One target of a plan, as stored (JSON: amounts in 分 / cents, rates in basis points). */
export interface StoredTarget {
  readonly metric: MetricKey;
  readonly kind: TargetKind;
  /** Count, 分, USD cents or basis points, by kind. */
  readonly value: number;
  readonly minInvestment?: number;
}

/** A unit's (or the region's) plan for one year, as set and last revised. */
export interface PlanDoc {
  readonly unitId: string;
  readonly year: number;
  readonly scope: PlanScope;
  readonly targets: ReadonlyArray<StoredTarget>;
  readonly setOn: BusinessDate;
  readonly revisions: ReadonlyArray<{
    readonly on: BusinessDate;
    readonly by: string;
    readonly reason: string;
  }>;
}

/** Dated facts per project (see counting/project-facts.ts). */
export const targetProgressFacts = collection<ProjectFacts>('target_progress_facts', [
  { name: 'unit', fields: ['unitId'] },
  { name: 'years', fields: ['years'] },
]);
/** Plans per unit and year, id `<unitId>:<year>`. */
export const targetProgressPlans = collection<PlanDoc>('target_progress_plans', [
  { name: 'year_scope', fields: ['year', 'scope'] },
]);

/** The month's figure and the running total of a metric (分, cents, count, or basis points for rates). */
export interface SeriesPoint {
  readonly month: string;
  readonly inMonth: number;
  readonly cumulative: number;
}

/** One metric of a target-progress view. */
export interface MetricProgress {
  readonly metric: MetricKey;
  readonly kind: TargetKind;
  readonly minInvestment?: number;
  readonly target: number;
  readonly actual: number;
  /** actual ÷ target × 100, two decimals. */
  readonly percent: number;
  /** 序时进度: the target × the elapsed fraction of the year as of the query date (rates: the target). */
  readonly expected: number;
  /** actual − expected. */
  readonly gap: number;
  /** Percentage points by which completion lags the time-elapsed expectation (negative when ahead). */
  readonly lagPoints: number;
  readonly light: Light;
  /** Rates only: the numerator and denominator behind the basis points. */
  readonly numerator?: number;
  readonly denominator?: number;
  readonly series: ReadonlyArray<SeriesPoint>;
}

/** Target progress (目标进度) of a unit, or of the region, for a year as of a date. */
export interface TargetProgressView {
  readonly unitId: string;
  readonly year: number;
  readonly scope: PlanScope;
  readonly asOf: BusinessDate;
  /** Days of the year elapsed as of `asOf` (inclusive) and the fraction they make. */
  readonly elapsedDays: number;
  readonly daysInYear: number;
  readonly elapsedFraction: number;
  readonly metrics: ReadonlyArray<MetricProgress>;
  readonly light: Light;
  readonly projectsCounted: number;
  readonly duplicatesExcluded: number;
}

// ---- the 大屏's trend (issue #18 item 4): the year's figures month by month

/** A month of a trend: its last day counted (the month's end, or the as-of date) and 序时进度 then. */
export interface TrendMonth {
  readonly month: string;
  readonly to: BusinessDate;
  /** The share of the year elapsed on `to` (inclusive): where a metric on schedule stands then. */
  readonly elapsedFraction: number;
}

/** A headline figure: a counted metric of the year to date, whatever a plan sets, month by month. */
export interface HeadlineFigure {
  readonly metric: MetricKey;
  readonly kind: Exclude<TargetKind, 'rate'>;
  readonly minInvestment?: number;
  /** The year-to-date figure on the as-of date (count, or 分). */
  readonly actual: number;
  readonly series: ReadonlyArray<SeriesPoint>;
}

/**
 * The year month by month for a unit, or for the whole region: the headline figures (signings,
 * those of 1 亿元 and more, agreement funds, starts, fixed-asset investment) and the plan's own
 * progress (its metrics' monthly series, percent and light), with each month's 序时进度.
 */
export interface TargetTrendView {
  readonly year: number;
  readonly asOf: BusinessDate;
  /** The unit, or undefined for the whole region (every unit's projects, each counted once). */
  readonly unitId?: string;
  readonly months: ReadonlyArray<TrendMonth>;
  readonly headline: ReadonlyArray<HeadlineFigure>;
  /** The unit's plan (or the region's) with its progress; undefined when none is set that year. */
  readonly plan?: TargetProgressView;
}
