import fc from 'fast-check';
import { fromDayNumber, toDayNumber, type BusinessDate, type Year } from '../shared/dates';
import type { NonEmptyText, UnitId } from '../shared/ids';
import type { Cny, Count, Usd } from '../shared/money';
import type { TargetPlanCommand } from '../target-plan/target-plan.commands';
import { metricTargetKey } from '../target-plan/target-plan.decide';
import {
  MetricKey,
  metricKinds,
  type BasisPoints,
  type MetricTarget,
  type Targets,
  type TargetValue,
} from '../target-plan/target-plan.events';

const METRICS = Object.keys(MetricKey.keys) as ReadonlyArray<MetricKey>;

/** A target value of the kind the metric is measured in (small ranges, so plans often coincide). */
export const arbTargetValueFor = (metric: MetricKey): fc.Arbitrary<TargetValue> => {
  switch (metricKinds[metric]) {
    case 'count':
      return fc.integer({ min: 0, max: 3 }).map((n) => ({ kind: 'count', value: n as Count }));
    case 'cny':
      return fc.constantFrom(0, 5e9, 1e10).map((n) => ({ kind: 'cny', value: n as Cny }));
    case 'usd':
      return fc.constantFrom(0, 9e9).map((n) => ({ kind: 'usd', value: n as Usd }));
    case 'rate':
      return fc
        .constantFrom(7500, 8000, 10_000)
        .map((n) => ({ kind: 'rate', basisPoints: n as BasisPoints }));
  }
};

export const arbMetricTarget: fc.Arbitrary<MetricTarget> = fc.constantFrom(...METRICS).chain((metric) =>
  fc.record(
    {
      metric: fc.constant(metric),
      target: arbTargetValueFor(metric),
      minInvestment: fc.constantFrom(5e8, 1e10).map((n) => n as Cny),
    },
    { requiredKeys: ['metric', 'target'] },
  ),
);

/** A valid plan: at least one entry, no metric twice under the same threshold. */
export const arbTargets: fc.Arbitrary<Targets> = fc.uniqueArray(arbMetricTarget, {
  minLength: 1,
  maxLength: 4,
  selector: metricTargetKey,
});

const arbDate: fc.Arbitrary<BusinessDate> = fc
  .integer({ min: toDayNumber('2024-01-01' as BusinessDate), max: toDayNumber('2024-12-31' as BusinessDate) })
  .map(fromDayNumber);
const arbText: fc.Arbitrary<NonEmptyText> = fc
  .constantFrom('投资促进局', '区委督查考核办', '年中调整')
  .map((s) => s as NonEmptyText);

/** Commands on one unit-year stream, set or revise, often repeating a plan. */
export const arbTargetPlanCommand = (
  unitId: UnitId = 'unit-1' as UnitId,
  year: Year = 2024 as Year,
): fc.Arbitrary<TargetPlanCommand> =>
  fc.oneof(
    fc.record({
      type: fc.constant('SetAnnualTargets' as const),
      unitId: fc.constant(unitId),
      year: fc.constant(year),
      scope: fc.constantFrom('unit' as const, 'region' as const),
      targets: arbTargets,
      setOn: arbDate,
      setBy: arbText,
    }),
    fc.record({
      type: fc.constant('ReviseAnnualTargets' as const),
      unitId: fc.constant(unitId),
      year: fc.constant(year),
      targets: arbTargets,
      revisedOn: arbDate,
      revisedBy: arbText,
      reason: arbText,
    }),
  );
