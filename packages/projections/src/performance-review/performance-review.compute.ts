import { addDays, addMonths, type BusinessDate, type MetricKey } from '@zhaoshang/domain';
import {
  duplicates,
  factCorrections,
  lateEntries,
  measure,
  missedInvestmentReports,
  missedMilestones,
  openMissedMilestones,
  overdueProcedures,
  rates,
  terminations,
  type ProjectFacts,
  type Window,
} from '../counting/project-facts';
import type { PlanDoc } from '../target-progress/target-progress.document';
import type {
  LeaderTrips,
  PerformanceReview,
  ReviewPeriod,
  TripDoc,
  UnitReview,
} from './performance-review.document';
import type { Measure, ScoringPolicy, ScoringRule, TargetRef } from './scoring-policy';

/** The first and last day of a review period. */
export const periodWindow = (p: ReviewPeriod): Window => {
  const firstMonth = p.kind === 'month' ? p.index : p.kind === 'quarter' ? (p.index - 1) * 3 + 1 : 1;
  const months = p.kind === 'month' ? 1 : p.kind === 'quarter' ? 3 : 12;
  if (p.kind !== 'year' && (p.index < 1 || p.index > (p.kind === 'month' ? 12 : 4)))
    throw new RangeError(`no ${p.kind} ${p.index}`);
  const from = `${p.year}-${String(firstMonth).padStart(2, '0')}-01` as BusinessDate;
  return { from, to: addDays(addMonths(from, months), -1) };
};

const overlapDays = (trip: TripDoc, w: Window): number => {
  const from = trip.from > w.from ? trip.from : w.from;
  const to = trip.to < w.to ? trip.to : w.to;
  if (from > to) return 0;
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
};

/** The figures of a unit's review before scoring. */
export type UnitFigures = Omit<UnitReview, 'score' | 'breakdown' | 'vetoed' | 'rank'>;

export const unitFigures = (
  unitId: string,
  facts: ReadonlyArray<ProjectFacts>,
  trips: ReadonlyArray<TripDoc>,
  w: Window,
  principal?: {
    readonly leaderId: string;
    readonly minimum: { readonly trips: number; readonly days: number };
  },
): UnitFigures => {
  const ytd: Window = { from: `${w.from.slice(0, 4)}-01-01` as BusinessDate, to: w.to };
  const byLeader = new Map<string, { trips: number; days: number }>();
  let tripDays = 0;
  for (const trip of trips) {
    const days = overlapDays(trip, w);
    if (days === 0) continue;
    tripDays += days;
    const l = byLeader.get(trip.leaderId) ?? { trips: 0, days: 0 };
    byLeader.set(trip.leaderId, { trips: l.trips + 1, days: l.days + days });
  }
  let tripShortfalls = 0;
  if (principal !== undefined) {
    for (let m = w.from; m <= w.to; m = addMonths(m, 1)) {
      const month: Window = { from: m, to: addDays(addMonths(m, 1), -1) };
      let n = 0;
      let days = 0;
      for (const trip of trips) {
        if (trip.leaderId !== principal.leaderId) continue;
        const d = overlapDays(trip, month);
        if (d > 0) {
          n += 1;
          days += d;
        }
      }
      if (n < principal.minimum.trips || days < principal.minimum.days) tripShortfalls += 1;
    }
  }
  const leaders: LeaderTrips[] = [...byLeader.entries()]
    .map(([leaderId, v]) => ({ leaderId, ...v }))
    .sort((a, b) => (a.leaderId < b.leaderId ? -1 : 1));
  return {
    unitId,
    counts: {
      effectiveLeads: measure(facts, 'leads', w),
      newSignings: measure(facts, 'signedProjects', w),
      newStarts: measure(facts, 'startedProjects', w),
      newStatisticsEntries: measure(facts, 'statisticsEntries', w),
      investmentCompleted: measure(facts, 'fixedAssetInvestment', w),
      newCompletions: measure(facts, 'completedProjects', w),
      newProduction: measure(facts, 'projectsInProduction', w),
    },
    rates: rates(facts, ytd),
    missedMilestones: missedMilestones(facts, w),
    lateEntries: lateEntries(facts, w),
    factCorrections: factCorrections(facts, w),
    openMissedMilestones: openMissedMilestones(facts, w),
    overdueProcedures: overdueProcedures(facts, w),
    terminations: terminations(facts, w),
    duplicates: duplicates(facts, w),
    missedInvestmentReports: missedInvestmentReports(facts, w),
    tripDays,
    trips: leaders,
    tripShortfalls,
  };
};

/** Everything a rule can read about one unit. */
export interface ScoringInput {
  readonly figures: UnitFigures;
  readonly facts: ReadonlyArray<ProjectFacts>;
  readonly trips: ReadonlyArray<TripDoc>;
  readonly plan: PlanDoc | undefined;
  readonly window: Window;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The value of a measure for a unit. */
export const measureOf = (m: Measure, input: ScoringInput): number => {
  const { figures: f, facts, window: w } = input;
  switch (m.kind) {
    case 'metric':
      return measure(facts, m.metric, w, {
        ...(m.minInvestment !== undefined ? { minInvestment: m.minInvestment } : {}),
        ...(m.maxInvestment !== undefined ? { maxInvestment: m.maxInvestment } : {}),
      });
    case 'rate':
      return f.rates[m.rate].basisPoints ?? 0;
    case 'missedMilestones':
      return missedMilestones(facts, w, m.milestoneKinds);
    case 'lateEntries':
      return f.lateEntries;
    case 'factCorrections':
      return f.factCorrections;
    case 'overdueProcedures':
      return f.overdueProcedures;
    case 'openMissedMilestones':
      return f.openMissedMilestones;
    case 'terminations':
      return f.terminations;
    case 'duplicates':
      return f.duplicates;
    case 'missedReports':
      return f.missedInvestmentReports;
    case 'tripDays':
      return f.tripDays;
    case 'tripShortfalls':
      return f.tripShortfalls;
  }
};

/** A target for the period: fixed, or the unit's plan prorated by the days of the period (rates are not prorated). */
export const targetOf = (ref: TargetRef, input: ScoringInput): number | undefined => {
  if ('fixed' in ref) return ref.fixed;
  const t = input.plan?.targets.find(
    (x) => x.metric === (ref.plan as MetricKey) && x.minInvestment === ref.minInvestment,
  );
  if (t === undefined) return undefined;
  if (t.kind === 'rate') return t.value;
  const year = Number(input.window.from.slice(0, 4));
  const yearDays = Math.round((Date.parse(`${year + 1}-01-01`) - Date.parse(`${year}-01-01`)) / 86_400_000);
  const days = Math.round((Date.parse(input.window.to) - Date.parse(input.window.from)) / 86_400_000) + 1;
  return (t.value * days) / yearDays;
};

const capped = (points: number, cap: number | undefined): number =>
  cap === undefined ? points : Math.max(-Math.abs(cap), Math.min(Math.abs(cap), points));

/** The unit has a plan, and it does not set the metric the target refers to. */
const notInPlan = (ref: TargetRef, input: ScoringInput): boolean =>
  'plan' in ref &&
  input.plan !== undefined &&
  !input.plan.targets.some(
    (x) => x.metric === (ref.plan as MetricKey) && x.minInvestment === ref.minInvestment,
  );

const ratio = (actual: number, target: number | undefined): number =>
  target === undefined || target <= 0 ? (actual > 0 ? 1 : 0) : actual / target;

/** Points a rule gives a unit; peer scaling reads the other units' values. */
export const rulePoints = (
  rule: ScoringRule,
  input: ScoringInput,
  peers: ReadonlyArray<ScoringInput>,
): { readonly points: number; readonly veto: boolean } => {
  switch (rule.form) {
    case 'ratio':
      // A rule measured against the unit's own plan does not apply when the plan does not set that
      // metric: the region's plan chooses what it counts (搜集招商信息 or 有效项目信息, R11).
      if (notInPlan(rule.target, input)) return { points: 0, veto: false };
      return {
        points: capped(
          ratio(measureOf(rule.measure, input), targetOf(rule.target, input)) * rule.weight,
          rule.cap,
        ),
        veto: false,
      };
    case 'average': {
      const rs = rule.parts.map((p) => ratio(measureOf(p.measure, input), targetOf(p.target, input)));
      const avg = rs.length === 0 ? 0 : rs.reduce((s, x) => s + x, 0) / rs.length;
      return { points: capped(avg * rule.weight, rule.cap), veto: false };
    }
    case 'peer-scale': {
      const values = peers.map((p) => measureOf(rule.measure, p));
      const min = Math.min(...values);
      const max = Math.max(...values);
      const x = measureOf(rule.measure, input);
      return {
        points: max === min ? rule.floor + rule.span : rule.floor + (rule.span * (x - min)) / (max - min),
        veto: false,
      };
    }
    case 'per-item':
      return { points: capped(measureOf(rule.measure, input) * rule.points, rule.cap), veto: false };
    case 'shortfall': {
      const target = targetOf(rule.target, input) ?? 0;
      const short = Math.max(0, target - measureOf(rule.measure, input));
      return { points: capped(short * rule.pointsPerUnit, rule.cap), veto: false };
    }
    case 'bands': {
      let missing = 0;
      for (const b of rule.bands) {
        const n = measure(input.facts, rule.metric, input.window, {
          ...(b.minInvestment !== undefined ? { minInvestment: b.minInvestment } : {}),
          ...(b.maxInvestment !== undefined ? { maxInvestment: b.maxInvestment } : {}),
        });
        if (n < b.minCount) missing += 1;
      }
      return {
        points: missing === 0 ? rule.points : missing * (rule.penaltyPerMissingBand ?? 0),
        veto: false,
      };
    }
    case 'veto':
      return { points: 0, veto: measureOf(rule.measure, input) > 0 };
  }
};

/** Scores and ranks every unit under a policy (ties share a rank; ties are listed by unit id). */
export const scoreUnits = (
  period: ReviewPeriod,
  inputs: ReadonlyArray<ScoringInput>,
  policy: ScoringPolicy,
): PerformanceReview => {
  const window = periodWindow(period);
  const scored = inputs.map((input) => {
    const applicable = policy.rulesByUnit?.[input.figures.unitId];
    const rules = policy.rules.filter((r) => applicable === undefined || applicable.includes(r.id));
    const breakdown = rules.map((r) => ({ rule: r.id, label: r.label, ...rulePoints(r, input, inputs) }));
    const vetoed = breakdown.some((b) => b.veto);
    const score = vetoed ? 0 : round2(breakdown.reduce((s, b) => s + b.points, 0));
    return {
      ...input.figures,
      score,
      vetoed,
      breakdown: breakdown.map((b) => ({ rule: b.rule, label: b.label, points: round2(b.points) })),
      rank: 0,
    };
  });
  scored.sort((a, b) => b.score - a.score || (a.unitId < b.unitId ? -1 : 1));
  const units: UnitReview[] = scored.map((u, i) => ({
    ...u,
    rank: i > 0 && scored[i - 1]!.score === u.score ? 0 : i + 1,
  }));
  for (let i = 1; i < units.length; i += 1)
    if (units[i]!.rank === 0) units[i] = { ...units[i]!, rank: units[i - 1]!.rank };
  return { period, from: window.from, to: window.to, policy: policy.name, units };
};
