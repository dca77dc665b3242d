import type { MetricKey, TargetKind } from '@zhaoshang/domain';
import type {
  Light,
  PerformanceReview,
  ReviewPeriod,
  TargetProgressView,
  UnitReview,
} from '@zhaoshang/projections';
import { bulletinTitle, periodKey } from '../vocabulary/labels';

/*
 * The figures of a bulletin (每月通报、季度考评、年终考核, R14) as one plain JSON value: what the
 * performance review and target progress computed, with the names and provenance a reader needs.
 * Nothing in it is a Date, a BigInt, a Map or undefined-by-design, so `JSON.parse(JSON.stringify(r))`
 * is the same report: it can be frozen with a published edition and rendered again later.
 *
 * Units: amounts are integers of 分 (USD: cents), rates basis points (7500 = 75 %); `percent`,
 * `expected` of counts, `gap` of counts, `lagPoints` and `score` keep the projections' two decimals.
 */

/** A rate of R12: of `denominator` projects, `numerator`; `basisPoints` absent when there were none. */
export interface BulletinRate {
  readonly numerator: number;
  readonly denominator: number;
  readonly basisPoints?: number;
}

/** One metric of a plan against its 序时进度 (the projections' `MetricProgress`, without the series). */
export interface BulletinMetric {
  readonly metric: MetricKey;
  readonly kind: TargetKind;
  /** Size threshold in 分 (签约亿元以上 = 10000000000). */
  readonly minInvestment?: number;
  readonly target: number;
  readonly actual: number;
  /** actual ÷ target × 100, two decimals. */
  readonly percent: number;
  /** 序时进度: what should be done by `asOf` (the target itself for a rate). */
  readonly expected: number;
  /** actual − expected. */
  readonly gap: number;
  /** Percentage points behind the time-elapsed expectation (negative when ahead). */
  readonly lagPoints: number;
  readonly light: Light;
  readonly numerator?: number;
  readonly denominator?: number;
}

/** A unit's (or the region's) target progress for the year as of the bulletin's date. */
export interface BulletinProgress {
  readonly unitId: string;
  readonly unitName: string;
  readonly scope: 'unit' | 'region';
  readonly year: number;
  readonly asOf: string;
  readonly elapsedDays: number;
  readonly daysInYear: number;
  readonly light: Light;
  readonly projectsCounted: number;
  readonly duplicatesExcluded: number;
  readonly metrics: ReadonlyArray<BulletinMetric>;
}

/** One unit of the ranking (赛马): the review of the period and its target progress. */
export interface BulletinUnit {
  readonly unitId: string;
  readonly unitName: string;
  /** 1 = best; equal scores share a rank. */
  readonly rank: number;
  readonly score: number;
  readonly vetoed: boolean;
  /** The six counts of R13 in the period; `investmentCompleted` in 分. */
  readonly counts: {
    readonly effectiveLeads: number;
    readonly newSignings: number;
    readonly newStarts: number;
    readonly newStatisticsEntries: number;
    readonly investmentCompleted: number;
    readonly newCompletions: number;
    readonly newProduction: number;
  };
  /** The two rates of R12, year to date at the end of the period. */
  readonly rates: { readonly signedToStarted: BulletinRate; readonly startedToStatistics: BulletinRate };
  /** Deadlines missed in the period (a miss withdrawn for a late entry or a correction is not one). */
  readonly missedMilestones: number;
  /**
   * Data quality (DOMAIN.md §5): misses withdrawn because the fact, dated on or before the deadline,
   * was entered late (补录); corrections of recorded facts. Absent in reports made before they were counted.
   */
  readonly lateEntries?: number;
  readonly factCorrections?: number;
  readonly overdueProcedures: number;
  readonly terminations: number;
  readonly duplicates: number;
  readonly missedInvestmentReports: number;
  readonly tripDays: number;
  readonly tripShortfalls: number;
  // Weekly 包保 visits (R18, 000 §五.2)
  /** 缺访周数: weeks that ended in the period without the responsible person's visit. Absent in reports made before they were counted. */
  readonly missedVisitWeeks?: number;
  /** The score's parts under the policy (rule id, its label, points). */
  readonly breakdown: ReadonlyArray<{
    readonly rule: string;
    readonly label: string;
    readonly points: number;
  }>;
  /** Absent when the unit has no plan of its own for the year. */
  readonly progress?: BulletinProgress;
}

/** A bulletin's figures, names and provenance, as plain JSON. */
export interface BulletinReport {
  readonly format: 'zhaoshang.bulletin-report';
  readonly version: 1;
  readonly title: string;
  readonly period: {
    readonly kind: ReviewPeriod['kind'];
    readonly year: number;
    /** Month 1–12, quarter 1–4, 1 for the year. */
    readonly index: number;
    /** '2024-09', '2024-Q3', '2024' (the domain's `periodLabel`). */
    readonly label: string;
    readonly from: string;
    readonly to: string;
  };
  /** The date target progress (序时进度) was computed for. */
  readonly asOf: string;
  /** The scoring policy's name. */
  readonly policy: string;
  /** The event-store global position the figures were computed at (decimal digits). */
  readonly computedAtPosition: string;
  /** SHA-256 (hex) of the published figures, when this is a published edition. */
  readonly figuresDigest?: string;
  readonly bulletinId?: string;
  readonly publishedOn?: string;
  readonly publishedBy?: string;
  /** In rank order (ties by unit id), as the review lists them. */
  readonly units: ReadonlyArray<BulletinUnit>;
  /** The region's plan against every unit's projects, when it has one. */
  readonly region?: BulletinProgress;
}

/** What the projections do not know: where the figures come from, who published them, names. */
export interface BulletinMeta {
  /** The event-store position the review and progress were computed at (`123` or `123n`). */
  readonly computedAtPosition: string | bigint;
  /** Default e.g. 2024年9月招商引资工作通报. */
  readonly title?: string;
  /** Display names of units (unitId → 经开区); the region's plan under its unit id too. */
  readonly unitNames?: Readonly<Record<string, string>>;
  /** When this is a published edition (BulletinPublished / BulletinCorrected). */
  readonly figuresDigest?: string;
  readonly bulletinId?: string;
  readonly publishedOn?: string;
  readonly publishedBy?: string;
  /** The date of 序时进度 when no progress view is given; default the progress views' date, else the period's last day. */
  readonly asOf?: string;
}

const isDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);

const progressOf = (v: TargetProgressView, unitName: string): BulletinProgress => ({
  unitId: v.unitId,
  unitName,
  scope: v.scope,
  year: v.year,
  asOf: v.asOf,
  elapsedDays: v.elapsedDays,
  daysInYear: v.daysInYear,
  light: v.light,
  projectsCounted: v.projectsCounted,
  duplicatesExcluded: v.duplicatesExcluded,
  metrics: v.metrics.map((m) => ({
    metric: m.metric,
    kind: m.kind,
    ...(m.minInvestment !== undefined ? { minInvestment: m.minInvestment } : {}),
    target: m.target,
    actual: m.actual,
    percent: m.percent,
    expected: m.expected,
    gap: m.gap,
    lagPoints: m.lagPoints,
    light: m.light,
    ...(m.numerator !== undefined ? { numerator: m.numerator } : {}),
    ...(m.denominator !== undefined ? { denominator: m.denominator } : {}),
  })),
});

const rateOf = (r: UnitReview['rates']['signedToStarted']): BulletinRate => ({
  numerator: r.numerator,
  denominator: r.denominator,
  ...(r.basisPoints !== undefined ? { basisPoints: r.basisPoints } : {}),
});

/**
 * A bulletin's report from the projections' answers: the review of the period
 * (`performanceReviewQueries(store).review({ period })`) and the target progress of its units and
 * of the region (`targetProgressQueries(store).unit(…)` / `.region(…)` as of the period's last
 * day), plus the provenance in `meta`. Throws RangeError when the pieces do not belong together
 * (a progress view of another year or date, two for one unit, one for a unit the review lacks, a
 * position that is not decimal digits, a digest that is not SHA-256 hex).
 */
export const bulletinReportOf = (
  review: PerformanceReview,
  progress: ReadonlyArray<TargetProgressView>,
  meta: BulletinMeta,
): BulletinReport => {
  const position =
    typeof meta.computedAtPosition === 'bigint'
      ? meta.computedAtPosition.toString()
      : meta.computedAtPosition;
  if (!/^(0|[1-9][0-9]*)$/.test(position))
    throw new RangeError(`computedAtPosition is not a store position: ${position}`);
  if (meta.figuresDigest !== undefined && !/^[0-9a-f]{64}$/.test(meta.figuresDigest))
    throw new RangeError(`figuresDigest is not a lower-case hex SHA-256: ${meta.figuresDigest}`);
  if (meta.publishedOn !== undefined && !isDate(meta.publishedOn))
    throw new RangeError(`publishedOn is not a business date (YYYY-MM-DD): ${meta.publishedOn}`);

  const names = meta.unitNames ?? {};
  const nameOf = (id: string) => names[id] ?? id;
  const reviewed = new Set(review.units.map((u) => u.unitId));
  const byUnit = new Map<string, TargetProgressView>();
  let region: TargetProgressView | undefined;
  for (const v of progress) {
    if (v.year !== review.period.year)
      throw new RangeError(
        `target progress of ${v.unitId} is for ${v.year}, the review for ${review.period.year}`,
      );
    if (v.scope === 'region') {
      if (region !== undefined)
        throw new RangeError(`two region-wide progress views (${region.unitId}, ${v.unitId})`);
      region = v;
    } else {
      if (!reviewed.has(v.unitId))
        throw new RangeError(`target progress of ${v.unitId}, a unit the review does not rank`);
      if (byUnit.has(v.unitId)) throw new RangeError(`two target-progress views of ${v.unitId}`);
      byUnit.set(v.unitId, v);
    }
  }
  const dates = [...new Set(progress.map((v) => v.asOf))];
  if (dates.length > 1)
    throw new RangeError(`target progress computed for several dates: ${dates.join(', ')}`);
  const asOf = dates[0] ?? meta.asOf ?? review.to;
  if (meta.asOf !== undefined && meta.asOf !== asOf)
    throw new RangeError(`target progress computed for ${asOf}, meta.asOf says ${meta.asOf}`);
  if (!isDate(asOf)) throw new RangeError(`asOf is not a business date (YYYY-MM-DD): ${asOf}`);

  const p = review.period;
  const units: BulletinUnit[] = review.units.map((u) => {
    const view = byUnit.get(u.unitId);
    return {
      unitId: u.unitId,
      unitName: nameOf(u.unitId),
      rank: u.rank,
      score: u.score,
      vetoed: u.vetoed,
      counts: { ...u.counts },
      rates: {
        signedToStarted: rateOf(u.rates.signedToStarted),
        startedToStatistics: rateOf(u.rates.startedToStatistics),
      },
      missedMilestones: u.missedMilestones,
      lateEntries: u.lateEntries,
      factCorrections: u.factCorrections,
      overdueProcedures: u.overdueProcedures,
      terminations: u.terminations,
      duplicates: u.duplicates,
      missedInvestmentReports: u.missedInvestmentReports,
      tripDays: u.tripDays,
      tripShortfalls: u.tripShortfalls,
      // Weekly 包保 visits (R18)
      ...(u.missedVisitWeeks !== undefined ? { missedVisitWeeks: u.missedVisitWeeks } : {}),
      breakdown: u.breakdown.map((b) => ({ rule: b.rule, label: b.label, points: b.points })),
      ...(view !== undefined ? { progress: progressOf(view, nameOf(u.unitId)) } : {}),
    };
  });
  return {
    format: 'zhaoshang.bulletin-report',
    version: 1,
    title: meta.title ?? bulletinTitle(p),
    period: {
      kind: p.kind,
      year: p.year,
      index: p.kind === 'year' ? 1 : p.index,
      label: periodKey(p),
      from: review.from,
      to: review.to,
    },
    asOf,
    policy: review.policy,
    computedAtPosition: position,
    ...(meta.figuresDigest !== undefined ? { figuresDigest: meta.figuresDigest } : {}),
    ...(meta.bulletinId !== undefined ? { bulletinId: meta.bulletinId } : {}),
    ...(meta.publishedOn !== undefined ? { publishedOn: meta.publishedOn } : {}),
    ...(meta.publishedBy !== undefined ? { publishedBy: meta.publishedBy } : {}),
    units,
    ...(region !== undefined ? { region: progressOf(region, names[region.unitId] ?? '全区') } : {}),
  };
};
