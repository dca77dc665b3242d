import { addDays, daysBetween, type BusinessDate } from '@zhaoshang/domain';
import {
  countsOnce,
  measure,
  monthEnd,
  rates,
  type CountedMetric,
  type ProjectFacts,
  type SizeBand,
  type Window,
} from '../counting/project-facts';
import {
  defaultThresholds,
  metricLight,
  worst,
  type Light,
  type TrafficLightThresholds,
} from '../traffic-light/traffic-light';
import type {
  HeadlineFigure,
  MetricProgress,
  PlanDoc,
  SeriesPoint,
  StoredTarget,
  TargetProgressView,
  TargetTrendView,
} from './target-progress.document';

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Days of `year` elapsed on `asOf` (inclusive), clamped to the year. */
export const elapsedOfYear = (
  year: number,
  asOf: BusinessDate,
): { readonly days: number; readonly daysInYear: number; readonly fraction: number } => {
  const first = `${year}-01-01` as BusinessDate;
  const daysInYear = daysBetween(first, `${year + 1}-01-01` as BusinessDate);
  const days = Math.min(daysInYear, Math.max(0, daysBetween(first, asOf) + 1));
  return { days, daysInYear, fraction: days / daysInYear };
};

/** The window of a year up to a date: 1 January to `asOf` (or 31 December). */
export const yearToDate = (year: number, asOf: BusinessDate): Window => {
  const last = `${year}-12-31` as BusinessDate;
  return { from: `${year}-01-01` as BusinessDate, to: asOf < last ? asOf : last };
};

const monthsUpTo = (year: number, asOf: BusinessDate): ReadonlyArray<string> => {
  const out: string[] = [];
  for (let m = 1; m <= 12; m += 1) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (`${month}-01` > asOf) break;
    out.push(month);
  }
  return out;
};

const rateLight = (actual: number | undefined, target: number, t: TrafficLightThresholds): Light => {
  if (actual === undefined) return 'blue';
  if (actual >= target) return 'green';
  const lag = (target - actual) / 100;
  return lag > t.unitLagRedPoints ? 'red' : lag >= t.unitLagYellowPoints ? 'yellow' : 'blue';
};

/**
 * A counted metric month by month over a year-to-date window. Each month's point is the
 * year-to-date figure as it stood at the month's end (agreement figures in force then), and the
 * month's change from the previous point: an amendment in August that brings a May signing into
 * the ≥ 1亿 band shows in August, never rewrites May (DOMAIN.md §5).
 */
export const cumulativeSeries = (
  facts: ReadonlyArray<ProjectFacts>,
  metric: CountedMetric,
  window: Window,
  band: SizeBand,
): SeriesPoint[] => {
  let previous = 0;
  return monthsUpTo(Number(window.from.slice(0, 4)), window.to).map((m) => {
    const end = monthEnd(m) < window.to ? monthEnd(m) : window.to;
    const cumulative = measure(facts, metric, { from: window.from, to: end }, band, end);
    const inMonth = cumulative - previous;
    previous = cumulative;
    return { month: m, inMonth, cumulative };
  });
};

/** One metric's progress as of a date, with its monthly series. */
export const metricProgress = (
  target: StoredTarget,
  facts: ReadonlyArray<ProjectFacts>,
  year: number,
  asOf: BusinessDate,
  t: TrafficLightThresholds = defaultThresholds,
): MetricProgress => {
  const window = yearToDate(year, asOf);
  const band = target.minInvestment !== undefined ? { minInvestment: target.minInvestment } : {};
  const months = monthsUpTo(year, window.to);
  const base = {
    metric: target.metric,
    kind: target.kind,
    ...(target.minInvestment !== undefined ? { minInvestment: target.minInvestment } : {}),
    target: target.value,
  };
  if (target.kind === 'rate') {
    const pick = (w: Window) => {
      // The size band as it stood at the end of each window: a later amendment never rewrites an earlier month.
      const r = rates(facts, w, band, w.to);
      return target.metric === 'signedToStartedRate' ? r.signedToStarted : r.startedToStatistics;
    };
    const r = pick(window);
    const series: SeriesPoint[] = months.map((m) => {
      const end = monthEnd(m) < window.to ? monthEnd(m) : window.to;
      const cumulative = pick({ from: window.from, to: end }).basisPoints ?? 0;
      const inMonth = pick({ from: `${m}-01` as BusinessDate, to: end }).basisPoints ?? 0;
      return { month: m, inMonth, cumulative };
    });
    const actual = r.basisPoints ?? 0;
    return {
      ...base,
      actual,
      percent: target.value === 0 ? 100 : round2((actual / target.value) * 100),
      expected: target.value,
      gap: actual - target.value,
      lagPoints: round2((target.value - actual) / 100),
      light: rateLight(r.basisPoints, target.value, t),
      numerator: r.numerator,
      denominator: r.denominator,
      series,
    };
  }
  const metric =
    target.metric === 'signedToStartedRate' || target.metric === 'startedToStatisticsRate'
      ? undefined
      : target.metric;
  if (metric === undefined)
    throw new Error(`unreachable: rate metric ${target.metric} of kind ${target.kind}`);
  const series = cumulativeSeries(facts, metric, window, band);
  const actual = measure(facts, metric, window, band);
  const { fraction } = elapsedOfYear(year, asOf);
  const exact = target.value * fraction;
  // Amounts stay integers (分 / cents); counts keep two decimals (序时 of 50 leads at mid-year is 24.86).
  const expected = target.kind === 'count' ? round2(exact) : Math.round(exact);
  const percent = target.value === 0 ? 100 : round2((actual / target.value) * 100);
  const expectedPercent = fraction * 100;
  return {
    ...base,
    actual,
    percent,
    expected,
    gap: target.kind === 'count' ? round2(actual - exact) : actual - expected,
    lagPoints: round2(expectedPercent - percent),
    light: metricLight(percent, expectedPercent, t),
    series,
  };
};

/** Target progress of a plan over the facts of its projects (the unit's, or all units' for the region). */
export const computeProgress = (
  plan: PlanDoc,
  facts: ReadonlyArray<ProjectFacts>,
  asOf: BusinessDate,
  t: TrafficLightThresholds = defaultThresholds,
): TargetProgressView => {
  const metrics = plan.targets.map((target) => metricProgress(target, facts, plan.year, asOf, t));
  const elapsed = elapsedOfYear(plan.year, asOf);
  const window = yearToDate(plan.year, asOf);
  // Projects with a fact in the year, or open in it since an earlier one (a deadline still open).
  const active = facts.filter(
    (f) =>
      (f.years.includes(plan.year) || (f.openSince !== undefined && f.openSince <= plan.year)) &&
      f.capturedOn <= window.to,
  );
  return {
    unitId: plan.unitId,
    year: plan.year,
    scope: plan.scope,
    asOf,
    elapsedDays: elapsed.days,
    daysInYear: elapsed.daysInYear,
    elapsedFraction: elapsed.fraction,
    metrics,
    light: worst(metrics.map((m) => m.light)),
    projectsCounted: active.filter(countsOnce).length,
    duplicatesExcluded: active.filter((f) => !countsOnce(f)).length,
  };
};

// ---- the 大屏's trend (issue #18 item 4)

/** 1 亿元 in 分: the scale threshold of the headline's 亿元以上 signings. */
const ONE_YI = 10_000_000_000;

/**
 * The figures a 大屏 shows on its face, whatever a plan sets: new signings and those of 1 亿元 and
 * more, their agreement funds, new starts and fixed-asset investment (R13's flows of the year).
 */
export const HEADLINE_METRICS: ReadonlyArray<{
  readonly metric: CountedMetric;
  readonly kind: HeadlineFigure['kind'];
  readonly minInvestment?: number;
}> = [
  { metric: 'signedProjects', kind: 'count' },
  { metric: 'signedProjects', kind: 'count', minInvestment: ONE_YI },
  { metric: 'signedAgreementFunds', kind: 'cny' },
  { metric: 'startedProjects', kind: 'count' },
  { metric: 'fixedAssetInvestment', kind: 'cny' },
];

/**
 * The year month by month as of a date, over the facts of a unit's projects (or every unit's):
 * the headline figures and the plan's progress, each month with its 序时进度.
 */
export const computeTrend = (
  year: number,
  asOf: BusinessDate,
  facts: ReadonlyArray<ProjectFacts>,
  plan: PlanDoc | undefined,
  unitId: string | undefined,
  t: TrafficLightThresholds = defaultThresholds,
): TargetTrendView => {
  const window = yearToDate(year, asOf);
  const headline = HEADLINE_METRICS.map((h): HeadlineFigure => {
    const band = h.minInvestment !== undefined ? { minInvestment: h.minInvestment } : {};
    return {
      ...h,
      actual: measure(facts, h.metric, window, band),
      series: cumulativeSeries(facts, h.metric, window, band),
    };
  });
  const months = monthsUpTo(year, window.to).map((month) => {
    const to = monthEnd(month) < window.to ? monthEnd(month) : window.to;
    return { month, to, elapsedFraction: elapsedOfYear(year, to).fraction };
  });
  return {
    year,
    asOf,
    ...(unitId !== undefined ? { unitId } : {}),
    months,
    headline,
    ...(plan !== undefined ? { plan: computeProgress(plan, facts, asOf, t) } : {}),
  };
};

/** The day before a date (for "as of the end of the previous month" style queries). */
export const dayBefore = (d: BusinessDate): BusinessDate => addDays(d, -1);
