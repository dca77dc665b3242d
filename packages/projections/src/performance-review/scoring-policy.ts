import { MetricKey, MilestoneKind, vocabulary } from '@zhaoshang/domain';
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { PathReporter } from 'io-ts/PathReporter';

/**
 * A scoring policy as data (JSON): which figures of a unit's review earn or cost points, in
 * which form. A region replaces the policy without touching code. Every form of DOMAIN.md §6 is
 * one rule kind: ratio to target × weight with a cap, ratios averaged, min–max scaling among
 * peers, points per item (bonuses, penalties, points off per missed report), penalties per
 * shortfall, size bands with minimum counts, and a one-vote veto.
 */

const CountedMetric = t.keyof({
  leads: null,
  capturedLeads: null,
  outOfProvinceFunds: null,
  plannedProjects: null,
  signedProjects: null,
  signedAgreementFunds: null,
  startedProjects: null,
  projectsInProduction: null,
  fixedAssetInvestment: null,
  foreignCapital: null,
  statisticsEntries: null,
  completedProjects: null,
});

/** A figure of the unit's review for the period. */
export const Measure = t.union([
  /** A count or an amount (分 / USD cents) of R11–R13, optionally of one size band (agreement investment, 分). */
  t.intersection([
    t.type({ kind: t.literal('metric'), metric: CountedMetric }),
    t.partial({ minInvestment: t.number, maxInvestment: t.number }),
  ]),
  /** A rate of R12 in basis points, year to date at the end of the period. */
  t.type({ kind: t.literal('rate'), rate: t.keyof({ signedToStarted: null, startedToStatistics: null }) }),
  /** Missed deadlines detected in the period (all kinds, or the kinds listed: 'agreed-start' = not started on time). */
  t.intersection([
    t.type({ kind: t.literal('missedMilestones') }),
    t.partial({ milestoneKinds: t.array(MilestoneKind) }),
  ]),
  /** Misses withdrawn as late entries (补录) and corrections of recorded facts: data quality (DOMAIN.md §5). */
  t.type({ kind: t.literal('lateEntries') }),
  t.type({ kind: t.literal('factCorrections') }),
  t.type({ kind: t.literal('overdueProcedures') }),
  /** Missed deadlines still open at the end of the period, however long ago they were raised. */
  t.type({ kind: t.literal('openMissedMilestones') }),
  t.type({ kind: t.literal('terminations') }),
  /** Projects found to duplicate another unit's (padded figures). */
  t.type({ kind: t.literal('duplicates') }),
  /** Monthly investment reports not made. */
  t.type({ kind: t.literal('missedReports') }),
  t.type({ kind: t.literal('tripDays') }),
  /** Months in which a unit's principal fell short of the R15 minimum. */
  t.type({ kind: t.literal('tripShortfalls') }),
]);
export type Measure = t.TypeOf<typeof Measure>;

/** A target: a fixed number, or the unit's own plan (prorated to the period for counts and amounts). */
export const TargetRef = t.union([
  t.type({ fixed: t.number }),
  t.intersection([t.type({ plan: MetricKey }), t.partial({ minInvestment: t.number })]),
]);
export type TargetRef = t.TypeOf<typeof TargetRef>;

const base = { id: t.string, label: t.string };

export const ScoringRule = t.union([
  /** min(actual ÷ target × weight, cap): e.g. signed investment ÷ target × 50, at most 50. */
  t.intersection([
    t.type({ ...base, form: t.literal('ratio'), measure: Measure, target: TargetRef, weight: t.number }),
    t.partial({ cap: t.number }),
  ]),
  /** The average of several ratios × weight, capped: e.g. the count ratio and the amount ratio of signings. */
  t.intersection([
    t.type({
      ...base,
      form: t.literal('average'),
      parts: t.array(t.type({ measure: Measure, target: TargetRef })),
      weight: t.number,
    }),
    t.partial({ cap: t.number }),
  ]),
  /** floor + span × (x − min) ÷ (max − min) among the units reviewed (60 + 40 × …); all equal → floor + span. */
  t.type({ ...base, form: t.literal('peer-scale'), measure: Measure, floor: t.number, span: t.number }),
  /** points × count: a bonus (+4 per project ≥ 10亿) or a penalty (−1 per missed report); the total is capped in size. */
  t.intersection([
    t.type({ ...base, form: t.literal('per-item'), measure: Measure, points: t.number }),
    t.partial({ cap: t.number }),
  ]),
  /** pointsPerUnit × (target − actual) when short (a penalty when negative), capped in size. */
  t.intersection([
    t.type({
      ...base,
      form: t.literal('shortfall'),
      measure: Measure,
      target: TargetRef,
      pointsPerUnit: t.number,
    }),
    t.partial({ cap: t.number }),
  ]),
  /** `points` when every band has its minimum count of signed projects; otherwise `penaltyPerMissingBand` per band short. */
  t.intersection([
    t.type({
      ...base,
      form: t.literal('bands'),
      metric: CountedMetric,
      bands: t.array(
        t.intersection([
          t.type({ minCount: t.number }),
          t.partial({ minInvestment: t.number, maxInvestment: t.number }),
        ]),
      ),
      points: t.number,
    }),
    t.partial({ penaltyPerMissingBand: t.number }),
  ]),
  /** One-vote veto (一票否决): a measure above zero sets the whole score to zero. */
  t.type({ ...base, form: t.literal('veto'), measure: Measure }),
]);
export type ScoringRule = t.TypeOf<typeof ScoringRule>;

export const TripMinimumCodec = t.type({ trips: t.number, days: t.number });

export const ScoringPolicy = t.intersection([
  t.type({ name: t.string, rules: t.array(ScoringRule) }),
  t.partial({
    description: t.string,
    /** Rule ids that apply to a unit; a unit not listed is scored on every rule. */
    rulesByUnit: t.record(t.string, t.array(t.string)),
    /** Each unit's principal and the R15 monthly minimum that applies to them. */
    principals: t.record(t.string, t.type({ leaderId: t.string, minimum: TripMinimumCodec })),
  }),
]);
export type ScoringPolicy = t.TypeOf<typeof ScoringPolicy>;

/** Decodes a policy from JSON (a region's file); a `Left` lists every failing path. */
export const parseScoringPolicy = (json: unknown): E.Either<ReadonlyArray<string>, ScoringPolicy> => {
  const r = ScoringPolicy.decode(json);
  if (E.isLeft(r)) return E.left(PathReporter.report(r));
  const ids = r.right.rules.map((x) => x.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  return repeated.length > 0 ? E.left([`rule ids repeat: ${repeated.join(', ')}`]) : E.right(r.right);
};

const YI = 10_000_000_000;

/**
 * The default policy, derived from R12–R15 (seeds 000 §二/§五, 004 §(二)/§(十一)/§(十六)):
 * 90 points for the six things R13 counts, each as completion of the unit's own plan (capped at
 * its weight); 10 for the two rates of R12 against 75 % and 80 %; points off for missed
 * deadlines, overdue procedures, months a principal missed the R15 minimum, missed monthly
 * reports, and — heavier — projects padded by duplication (004 §(十六) warns against 包装项目).
 * Terminations are shown, not penalised: history is history. Leads score against whichever the
 * unit's plan sets: 有效项目信息 (`leads`, 004 §(十六)) or 搜集招商信息 (`capturedLeads`, 000 §二); a
 * ratio rule whose metric the plan does not set does not apply.
 */
export const defaultScoringPolicy: ScoringPolicy = {
  name: 'default-R12-R15',
  description: '六个更加突出 90 分 + 两率 10 分，逾期、超时、外出招商不足、漏报、重复项目扣分',
  rules: [
    {
      id: 'leads',
      label: vocabulary.metrics.leads.zh,
      form: 'ratio',
      measure: { kind: 'metric', metric: 'leads' },
      target: { plan: 'leads' },
      weight: 10,
      cap: 10,
    },
    {
      id: 'captured-leads',
      label: vocabulary.metrics.capturedLeads.zh,
      form: 'ratio',
      measure: { kind: 'metric', metric: 'capturedLeads' },
      target: { plan: 'capturedLeads' },
      weight: 10,
      cap: 10,
    },
    {
      id: 'signings',
      label: '新签约（个数与协议资金各半）',
      form: 'average',
      parts: [
        {
          measure: { kind: 'metric', metric: 'signedProjects', minInvestment: YI },
          target: { plan: 'signedProjects', minInvestment: YI },
        },
        {
          measure: { kind: 'metric', metric: 'signedAgreementFunds', minInvestment: YI },
          target: { plan: 'signedAgreementFunds', minInvestment: YI },
        },
      ],
      weight: 20,
      cap: 20,
    },
    {
      id: 'starts',
      label: '新开工',
      form: 'ratio',
      measure: { kind: 'metric', metric: 'startedProjects', minInvestment: YI / 2 },
      target: { plan: 'startedProjects', minInvestment: YI / 2 },
      weight: 20,
      cap: 20,
    },
    {
      id: 'statistics',
      label: '新入库纳统',
      form: 'ratio',
      measure: { kind: 'metric', metric: 'statisticsEntries' },
      target: { plan: 'startedProjects', minInvestment: YI / 2 },
      weight: 10,
      cap: 10,
    },
    {
      id: 'investment',
      label: '实际完成投资',
      form: 'ratio',
      measure: { kind: 'metric', metric: 'fixedAssetInvestment' },
      target: { plan: 'fixedAssetInvestment' },
      weight: 20,
      cap: 20,
    },
    {
      id: 'production',
      label: '新竣工投产',
      form: 'ratio',
      measure: { kind: 'metric', metric: 'projectsInProduction' },
      target: { plan: 'projectsInProduction' },
      weight: 10,
      cap: 10,
    },
    {
      id: 'signed-to-started',
      label: vocabulary.metrics.signedToStartedRate.zh,
      form: 'ratio',
      measure: { kind: 'rate', rate: 'signedToStarted' },
      target: { fixed: 7500 },
      weight: 5,
      cap: 5,
    },
    {
      id: 'started-to-statistics',
      label: vocabulary.metrics.startedToStatisticsRate.zh,
      form: 'ratio',
      measure: { kind: 'rate', rate: 'startedToStatistics' },
      target: { fixed: 8000 },
      weight: 5,
      cap: 5,
    },
    {
      id: 'missed-milestones',
      label: vocabulary.supervisionItemKinds.milestone.zh,
      form: 'per-item',
      measure: { kind: 'missedMilestones' },
      points: -1,
      cap: 10,
    },
    {
      id: 'overdue-procedures',
      label: vocabulary.milestoneKinds['procedure-time-limit'].zh,
      form: 'per-item',
      measure: { kind: 'overdueProcedures' },
      points: -0.5,
      cap: 5,
    },
    {
      id: 'trip-shortfalls',
      label: '外出招商不足（R15）',
      form: 'per-item',
      measure: { kind: 'tripShortfalls' },
      points: -2,
      cap: 10,
    },
    {
      id: 'missed-reports',
      label: '漏报投资进度',
      form: 'per-item',
      measure: { kind: 'missedReports' },
      points: -1,
      cap: 5,
    },
    {
      id: 'duplicates',
      label: '重复/包装项目',
      form: 'per-item',
      measure: { kind: 'duplicates' },
      points: -5,
      cap: 20,
    },
  ],
};
