import * as t from 'io-ts';
import { BusinessDate, Year } from '../shared/dates';
import { catalogueCodec, defineEvent, EventOf, struct } from '../shared/event-codec';
import { NonEmptyText, UnitId } from '../shared/ids';
import { Cny, Count, Usd } from '../shared/money';

/**
 * The metrics a target plan can set (R11: 000 §二, R12: 004 §(四)/§(十六), R13: 004 §(十六)).
 * Which of them a region uses, and with which thresholds, is data: a plan lists only its own.
 */
export const MetricKey = t.keyof(
  {
    leads: null, // 有效项目信息 / 有效线索（条）: leads judged genuine (004 §(十六)); key kept as stored
    capturedLeads: null, // 搜集招商信息（条）: leads captured, whatever became of them (000 §二)
    plannedProjects: null, // 谋划项目（个）
    signedProjects: null, // 新签约项目（个），常带规模门槛：亿元以上
    signedAgreementFunds: null, // 协议资金（元）
    startedProjects: null, // 新开工项目（个），常带规模门槛：5000 万元 / 亿元以上
    projectsInProduction: null, // 投产 / 竣工投产项目（个）: counted when production starts
    completedProjects: null, // 新竣工项目（个）: counted when construction is completed
    fixedAssetInvestment: null, // 完成固定资产投资（元）
    foreignCapital: null, // 利用外资（美元）: foreign capital actually received
    outOfProvinceFunds: null, // 利用省外资金（元）: funds from outside the province actually received (003)
    statisticsEntries: null, // 入库纳统项目（个）
    signedToStartedRate: null, // 签约项目开工率（基点）
    startedToStatisticsRate: null, // 开工项目纳统率（基点）
  },
  'MetricKey',
);
export type MetricKey = t.TypeOf<typeof MetricKey>;

/** The kind of value each metric is measured in: a target of another kind is refused. */
export type TargetKind = 'count' | 'cny' | 'usd' | 'rate';
export const metricKinds: { readonly [K in MetricKey]: TargetKind } = {
  leads: 'count',
  capturedLeads: 'count',
  plannedProjects: 'count',
  signedProjects: 'count',
  signedAgreementFunds: 'cny',
  startedProjects: 'count',
  projectsInProduction: 'count',
  completedProjects: 'count',
  fixedAssetInvestment: 'cny',
  foreignCapital: 'usd',
  outOfProvinceFunds: 'cny',
  statisticsEntries: 'count',
  signedToStartedRate: 'rate',
  startedToStatisticsRate: 'rate',
};

/** A rate in basis points, 0–10000 (7500 = 75 %): exact, never a float. */
export interface BasisPointsBrand {
  readonly BasisPoints: unique symbol;
}
export const BasisPoints = t.brand(
  t.number,
  (n): n is t.Branded<number, BasisPointsBrand> => Number.isInteger(n) && n >= 0 && n <= 10_000,
  'BasisPoints',
);
export type BasisPoints = t.TypeOf<typeof BasisPoints>;

/** A target value, discriminated by the unit it is measured in. */
export const TargetValue = t.union(
  [
    struct({ kind: t.literal('count'), value: Count }, 'CountTarget'),
    struct({ kind: t.literal('cny'), value: Cny }, 'CnyTarget'),
    struct({ kind: t.literal('usd'), value: Usd }, 'UsdTarget'),
    struct({ kind: t.literal('rate'), basisPoints: BasisPoints }, 'RateTarget'),
  ],
  'TargetValue',
);
export type TargetValue = t.TypeOf<typeof TargetValue>;

/**
 * One metric of a plan: "at least `target` of `metric`", counting only projects whose investment
 * is at least `minInvestment` when a threshold is given (signed ≥ 1亿, started ≥ 5000万).
 * A plan may hold the same metric under different thresholds (size bands); not twice the same.
 */
export const MetricTarget = struct(
  { metric: MetricKey, target: TargetValue },
  { minInvestment: Cny },
  'MetricTarget',
);
export type MetricTarget = t.TypeOf<typeof MetricTarget>;

export const Targets = t.readonlyArray(MetricTarget, 'Targets');
export type Targets = t.TypeOf<typeof Targets>;

/** A unit's own plan, or the region-wide plan (unitId is then the region's unit id, e.g. the district). */
export const PlanScope = t.keyof({ unit: null, region: null }, 'PlanScope');
export type PlanScope = t.TypeOf<typeof PlanScope>;

const plan = { unitId: UnitId, year: Year };

export const AnnualTargetsSet = defineEvent(
  'AnnualTargetsSet',
  struct(
    { ...plan, scope: PlanScope, targets: Targets, setOn: BusinessDate, setBy: NonEmptyText },
    { basis: NonEmptyText },
  ),
  {
    zh: '下达年度招商引资目标任务',
    en: 'Annual investment-attraction targets were set',
    rules: ['R11', 'R12'],
  },
);

export const AnnualTargetsRevised = defineEvent(
  'AnnualTargetsRevised',
  struct({
    ...plan,
    targets: Targets,
    revisedOn: BusinessDate,
    revisedBy: NonEmptyText,
    reason: NonEmptyText,
  }),
  {
    zh: '调整年度目标任务（附理由，替换整份目标）',
    en: 'Annual targets were revised, with a reason (the whole list replaces the previous one)',
    rules: ['R11', 'R12'],
  },
);

/** Every event of the annual target plan (stream `target-plan-<unitId>-<year>`). */
export const targetPlanEvents = { AnnualTargetsSet, AnnualTargetsRevised } as const;

export type TargetPlanEvent = EventOf<typeof targetPlanEvents>;
export type TargetPlanEventType = TargetPlanEvent['type'];

/** Decodes any target-plan event, dispatching on its type. */
export const TargetPlanEventCodec = catalogueCodec('TargetPlanEvent', targetPlanEvents);
