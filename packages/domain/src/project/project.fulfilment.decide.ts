/**
 * Deciding fulfilment and its consequences (R8–R10): the yearly evaluation, paying incentives,
 * secondary promotion, rectification, clawback, reclaiming land, termination and abandonment.
 * Each command has one function; its rules are the named checks of project.rules.ts.
 */
import { cny, Cny } from '../shared/money';
import type { ProjectCommandOf } from './project.commands';
import { emit, nothing, Result, same, then, withoutType } from './project.decision';
import { assessFulfilment, evaluationAsOf } from './project.fulfilment';
import type { ProjectPolicy } from './project.policy';
import {
  all,
  amountOutOfRange,
  fail,
  ok,
  requireCompliance,
  requireConstructionPeriodOver,
  requireEvaluationYear,
  requireIncentive,
  requireNotBefore,
  requireOpenRectification,
  requirePerformanceReported,
  requirePositiveAmount,
  requireReclaimableLand,
  requireRectificationOrder,
  requireShortfall,
  requireSigned,
  requireTerminationBasis,
  requireUnderperformance,
  requireUnsigned,
  requireWithinCeiling,
  requireWithinOutstanding,
} from './project.rules';
import type { Project, YearlyPerformance } from './project.state';

export const decideEvaluateFulfilment = (
  c: ProjectCommandOf<'EvaluateFulfilment'>,
  p: Project,
  policy: ProjectPolicy,
): Result => {
  const a = p.agreement;
  if (a === undefined) return fail('AGREEMENT_NOT_SIGNED');
  const previous = p.evaluations[c.year];
  if (previous !== undefined && previous.on === c.on && same(previous.definedBreach, c.definedBreach))
    return nothing;
  // The year is judged as of its last day (or the evaluation day, if earlier): facts after it belong to later years.
  const asOf = evaluationAsOf(c.year, c.on);
  const reported = p.performance[c.year];
  const producing = p.productionOn !== undefined && p.productionOn <= asOf;
  const investment = investmentAsOf(p, c.year, reported);
  return then(
    all(
      () => requireEvaluationYear(c.year, a.signedOn, c.on),
      () => requireConstructionPeriodOver(p, asOf),
      // A project that produced in the year must report its output first; one that did not is judged without it.
      () => requirePerformanceReported(producing, reported, c.year),
      () =>
        investment === undefined
          ? amountOutOfRange('investment completed by the year end', '年末累计完成投资')
          : ok,
    ),
    () => {
      // 圈而不建 needs land supplied: the earliest completed 土地供应 procedure.
      const landSuppliedOn = Object.values(p.procedures)
        .flatMap((proc) => (proc.kind === 'land' && proc.completedOn !== undefined ? [proc.completedOn] : []))
        .sort()[0];
      const assessment = assessFulfilment(
        a.terms,
        {
          year: c.year,
          asOf,
          signedOn: a.signedOn,
          ...(p.startedOn !== undefined ? { startedOn: p.startedOn } : {}),
          ...(p.completedOn !== undefined ? { completedOn: p.completedOn } : {}),
          ...(p.productionOn !== undefined ? { productionOn: p.productionOn } : {}),
          ...(landSuppliedOn !== undefined ? { landSuppliedOn } : {}),
          investmentToDate: investment ?? cny.zero,
          ...(producing && reported !== undefined ? { performance: reported } : {}),
          ...(c.definedBreach !== undefined ? { definedBreach: c.definedBreach } : {}),
        },
        policy,
      );
      return [
        emit('FulfilmentEvaluated', {
          projectId: c.projectId,
          on: c.on,
          year: c.year,
          asOf,
          ...assessment,
          ...(c.definedBreach !== undefined ? { definedBreach: c.definedBreach } : {}),
        }),
      ];
    },
  );
};

export const decideDisburseIncentive = (c: ProjectCommandOf<'DisburseIncentive'>, p: Project): Result =>
  then(
    all(
      () => requirePositiveAmount(c.amount),
      () => requireIncentive(p, c.incentiveId),
      () => requireCompliance(p),
      () => requireWithinCeiling(p.incentives[c.incentiveId], c.amount),
    ),
    () => [emit('IncentiveDisbursed', withoutType(c))],
  );

export const decideStartSecondaryPromotion = (
  c: ProjectCommandOf<'StartSecondaryPromotion'>,
  p: Project,
): Result =>
  p.secondaryPromotionOn === c.on
    ? nothing
    : then(requireUnderperformance(p), () => [emit('SecondaryPromotionStarted', withoutType(c))]);

export const decideOrderRectification = (c: ProjectCommandOf<'OrderRectification'>, p: Project): Result =>
  then(
    all(
      () => requireSigned(p),
      () => requireRectificationOrder(c.items, c.on, c.dueBy),
    ),
    () => [emit('RectificationOrdered', withoutType(c))],
  );

export const decideCompleteRectification = (
  c: ProjectCommandOf<'CompleteRectification'>,
  p: Project,
): Result => then(requireOpenRectification(p, c.on), () => [emit('RectificationCompleted', withoutType(c))]);

export const decideClawBackSubsidy = (c: ProjectCommandOf<'ClawBackSubsidy'>, p: Project): Result =>
  then(
    all(
      () => requirePositiveAmount(c.amount),
      () => requireIncentive(p, c.incentiveId),
      () => requireShortfall(p),
      () => requireWithinOutstanding(p.incentives[c.incentiveId], c.amount),
    ),
    () => [emit('SubsidyClawedBack', withoutType(c))],
  );

export const decideReclaimLand = (c: ProjectCommandOf<'ReclaimLand'>, p: Project): Result =>
  p.landReclaimedOn !== undefined
    ? nothing
    : then(
        all(
          () => requireReclaimableLand(p, c.area),
          () => requireNotBefore(c.on, p.termination?.on),
        ),
        () => [emit('LandReclaimed', withoutType(c))],
      );

export const decideTerminateProject = (
  c: ProjectCommandOf<'TerminateProject'>,
  p: Project,
  policy: ProjectPolicy,
): Result => {
  const a = p.agreement;
  if (a === undefined) return fail('AGREEMENT_NOT_SIGNED');
  return then(
    all(
      () => requireTerminationBasis(p, c.basis, c.on, policy),
      () => requireNotBefore(c.on, a.signedOn),
    ),
    () => [emit('ProjectTerminated', withoutType(c))],
  );
};

export const decideAbandonProject = (c: ProjectCommandOf<'AbandonProject'>, p: Project): Result =>
  then(requireUnsigned(p, 'abandon the project (terminate a signed agreement instead)'), () => [
    emit('ProjectAbandoned', withoutType(c)),
  ]);

/**
 * Fixed-asset investment completed by the end of a year: the year's performance report says it,
 * else the months reported up to December of that year (undefined if their sum is not exact).
 */
const investmentAsOf = (
  p: Project,
  year: number,
  reported: YearlyPerformance | undefined,
): Cny | undefined =>
  reported !== undefined
    ? reported.investmentToDate
    : cny.sumExact(
        Object.entries(p.investmentByMonth)
          .filter(([month]) => month <= `${year}-12`)
          .map(([, amount]) => amount),
      );
