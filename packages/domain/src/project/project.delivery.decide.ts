/**
 * Deciding the facts of delivery: construction, investment, statistics, production, capacity,
 * output (DOMAIN.md §5: a repeat with the same value is harmless, another value needs a
 * correction with its reason), corrections, and money received (R11). Each command has one
 * function; its rules are the named checks of project.rules.ts.
 */
import * as E from 'fp-ts/Either';
import type { BusinessDate } from '../shared/dates';
import { assertNever } from '../shared/exhaustive';
import { cny } from '../shared/money';
import type { ProjectCommandOf } from './project.commands';
import { emit, nothing, Result, same, then, withoutType } from './project.decision';
import type { FactValue, ProjectEvent } from './project.events';
import { evolveProject } from './project.evolve';
import { reinstatedMisses, withdrawnMisses } from './project.milestones';
import type { ProjectPolicy } from './project.policy';
import {
  all,
  amountOutOfRange,
  fail,
  ok,
  requireNotBefore,
  requirePositiveAmount,
  requireProducing,
  requireResponsibleLeaders,
  requireSigned,
  requireStage,
  requireStarted,
} from './project.rules';
import type { CapitalReceipt, Project, YearlyPerformance } from './project.state';
import { correctableFactLabels } from './project.vocabulary';
import type { CorrectableFact } from './project.vocabulary';

export const decideStartConstruction = (
  c: ProjectCommandOf<'StartConstruction'>,
  p: Project,
  policy: ProjectPolicy,
): Result => {
  if (p.startedOn !== undefined) return repeatedFact(p, 'construction-started', { on: c.on });
  const a = p.agreement;
  if (a === undefined) return fail('AGREEMENT_NOT_SIGNED');
  return then(
    all(
      () => requireStage(p, ['signed'], 'start construction'),
      () => requireResponsibleLeaders(p, a.terms, policy),
      () => requireNotBefore(c.on, a.signedOn),
    ),
    () => [emit('ConstructionStarted', withoutType(c))],
  );
};

/** A month's figure is reported once; a different one for the same month is a correction, with its reason. */
export const decideReportInvestmentProgress = (
  c: ProjectCommandOf<'ReportInvestmentProgress'>,
  p: Project,
): Result => {
  const previous = p.investmentByMonth[c.period];
  const started = requireStarted(p, 'report investment before construction starts');
  if (E.isLeft(started)) return started;
  if (c.correction === undefined && previous !== undefined) {
    return previous === c.completedInPeriod ? nothing : fail('PERIOD_ALREADY_REPORTED', { period: c.period });
  }
  if (c.correction !== undefined && previous === undefined)
    return fail('NOTHING_TO_CORRECT', { period: c.period });
  if (previous === c.completedInPeriod) return nothing; // a correction that changes nothing (or its retry)
  const cumulative = cny.addExact(
    cny.subtractFloor(p.cumulativeInvestment, previous ?? cny.zero),
    c.completedInPeriod,
  );
  if (cumulative === undefined) return amountOutOfRange('cumulative investment', '累计完成投资');
  return E.right([emit('InvestmentProgressReported', { ...withoutType(c), cumulative })]);
};

export const decideEnterStatistics = (c: ProjectCommandOf<'EnterStatistics'>, p: Project): Result =>
  p.statistics !== undefined
    ? repeatedFact(p, 'statistics-entered', { on: c.on, statisticsCode: c.statisticsCode })
    : then(
        all(
          () => requireStarted(p, 'enter the statistics before construction starts'),
          () => requireNotBefore(c.on, p.startedOn),
        ),
        () => [emit('EnteredStatistics', withoutType(c))],
      );

export const decideCompleteConstruction = (
  c: ProjectCommandOf<'CompleteConstruction'>,
  p: Project,
): Result =>
  p.completedOn !== undefined
    ? repeatedFact(p, 'construction-completed', { on: c.on })
    : then(
        all(
          () => requireStage(p, ['under-construction'], 'complete construction'),
          () => requireNotBefore(c.on, p.startedOn),
        ),
        () => [emit('ConstructionCompleted', withoutType(c))],
      );

export const decideStartProduction = (c: ProjectCommandOf<'StartProduction'>, p: Project): Result =>
  p.productionOn !== undefined
    ? repeatedFact(p, 'production-started', { on: c.on })
    : then(
        all(
          () => requireStage(p, ['completed'], 'start production'),
          () => requireNotBefore(c.on, p.completedOn),
        ),
        () => [emit('ProductionStarted', withoutType(c))],
      );

export const decideReachCapacity = (c: ProjectCommandOf<'ReachCapacity'>, p: Project): Result =>
  p.capacityOn !== undefined
    ? repeatedFact(p, 'capacity-reached', { on: c.on })
    : then(
        all(
          () => requireStage(p, ['in-production'], 'reach capacity'),
          () => requireNotBefore(c.on, p.productionOn),
        ),
        () => [emit('CapacityReached', withoutType(c))],
      );

/** A year's output is reported once; different figures for the same year are a correction, with its reason. */
export const decideReportPerformance = (c: ProjectCommandOf<'ReportPerformance'>, p: Project): Result => {
  const previous = p.performance[c.year];
  const producing = requireProducing(p, 'report output before production starts');
  if (E.isLeft(producing)) return producing;
  if (c.correction === undefined && previous !== undefined) {
    return unchangedPerformance(previous, c)
      ? nothing
      : fail('PERIOD_ALREADY_REPORTED', { period: String(c.year) });
  }
  if (c.correction !== undefined && previous === undefined)
    return fail('NOTHING_TO_CORRECT', { period: String(c.year) });
  if (previous !== undefined && unchangedPerformance(previous, c)) return nothing; // a correction that changes nothing
  return E.right([emit('PerformanceReported', withoutType(c))]);
};

export const decideRecordForeignCapitalReceipt = (
  c: ProjectCommandOf<'RecordForeignCapitalReceipt'>,
  p: Project,
): Result =>
  decideReceipt(
    p,
    c.receiptId,
    {
      kind: 'foreign-capital',
      amount: c.amount,
      on: c.on,
      ...(c.source !== undefined ? { source: c.source } : {}),
    },
    c.correction !== undefined,
    () => emit('ForeignCapitalReceived', withoutType(c)),
  );

export const decideRecordOutOfProvinceFundsReceipt = (
  c: ProjectCommandOf<'RecordOutOfProvinceFundsReceipt'>,
  p: Project,
): Result =>
  decideReceipt(
    p,
    c.receiptId,
    { kind: 'out-of-province-funds', amount: c.amount, on: c.on, source: c.sourceProvince },
    c.correction !== undefined,
    () => emit('OutOfProvinceFundsReceived', withoutType(c)),
  );

/**
 * DOMAIN.md §5: a repeat of a recorded fact with the same value is harmless (nothing new); with
 * a different date or code it is a correction, which needs its own command and a reason.
 */
const repeatedFact = (p: Project, fact: CorrectableFact, requested: FactValue): Result => {
  const recorded = recordedFact(p, fact);
  if (recorded === undefined || sameFact(recorded, requested)) return nothing;
  return fail('FACT_ALREADY_RECORDED', {
    fact: correctableFactLabels[fact].en,
    factZh: correctableFactLabels[fact].zh,
    recorded: showFact(recorded),
    requested: showFact(requested),
  });
};

/**
 * DOMAIN.md §5 ("A corrected figure is a new event that says what it corrects and why"): the
 * correction keeps the order of the timeline (signing ≤ start ≤ completion ≤ production ≤
 * capacity; statistics after the start) and no fact is dated after the day it is corrected.
 * A miss the corrected date now meets in time is withdrawn as a correction (not a late entry:
 * the fact was on record, with a wrong date); a miss withdrawn earlier that the corrected date no
 * longer meets is reinstated, and the event names it.
 */
export const decideCorrectFact = (
  c: ProjectCommandOf<'CorrectFact'>,
  p: Project,
  policy: ProjectPolicy,
): Result => {
  const label = correctableFactLabels[c.fact];
  const labels = { fact: label.en, factZh: label.zh };
  const invalid = (problem: string, problemZh: string) =>
    fail('CORRECTION_INVALID', { ...labels, problem, problemZh });
  const previous = recordedFact(p, c.fact);
  if (previous === undefined) return fail('FACT_NOT_RECORDED', labels);
  if (c.statisticsCode !== undefined && c.fact !== 'statistics-entered')
    return invalid('only the statistics entry has a statistics code', '只有入库纳统有统计编码');
  if (c.on === undefined && c.statisticsCode === undefined)
    return invalid('give the corrected date or statistics code', '须给出更正后的日期或统计编码');
  const code = c.statisticsCode ?? previous.statisticsCode;
  const corrected: FactValue = {
    on: c.on ?? previous.on,
    ...(code !== undefined ? { statisticsCode: code } : {}),
  };
  if (sameFact(previous, corrected)) return nothing; // a retry of a correction already made
  const { before, after } = neighbours(p, c.fact);
  return then(
    all(
      () => requireNotBefore(c.correctedOn, corrected.on),
      () => requireNotBefore(corrected.on, before),
      () =>
        after !== undefined && corrected.on > after.on
          ? invalid(
              `${corrected.on} would be after the recorded ${correctableFactLabels[after.fact].en} (${after.on})`,
              `${corrected.on} 晚于已记录的${correctableFactLabels[after.fact].zh}（${after.on}）`,
            )
          : ok,
    ),
    () => {
      const { type: _type, on: _on, statisticsCode: _code, ...rest } = c;
      const event = emit('FactCorrected', { ...rest, previous, corrected });
      const next = evolveProject(p, event);
      if (next.status === 'none') return [event];
      const reinstated = reinstatedMisses(p, next, policy);
      const recorded =
        reinstated.length > 0
          ? emit('FactCorrected', { ...rest, previous, corrected, reinstatedMilestones: reinstated })
          : event;
      return [
        recorded,
        ...withdrawnMisses(p, next, 'correction', policy).map((w) => emit('MilestoneWithdrawn', w)),
      ];
    },
  );
};

/**
 * Money actually received (R11: 利用外资 / 利用省外资金 count what arrived, never what was
 * promised): for a signed project, a positive amount, on or after the signing; a repeat of the
 * same receipt is harmless, the same receipt id with other figures is refused unless it says
 * it corrects the receipt and why (DOMAIN.md §5), and only a receipt of the same kind.
 */
const decideReceipt = (
  p: Project,
  receiptId: string,
  receipt: CapitalReceipt,
  correcting: boolean,
  event: () => ProjectEvent,
): Result => {
  const existing = p.receipts[receiptId];
  if (existing !== undefined && same(existing, receipt)) return nothing; // a repeat, or a correction that changes nothing
  if (existing !== undefined && (!correcting || existing.kind !== receipt.kind))
    return fail('RECEIPT_ID_CONFLICT', { receiptId });
  if (existing === undefined && correcting) return fail('RECEIPT_NOT_RECORDED', { receiptId });
  return then(
    all(
      () => requireSigned(p),
      () => requirePositiveAmount(receipt.amount),
      () => requireNotBefore(receipt.on, p.agreement?.signedOn),
    ),
    () => [event()],
  );
};

const unchangedPerformance = (
  previous: YearlyPerformance,
  c: ProjectCommandOf<'ReportPerformance'>,
): boolean =>
  previous.output === c.output &&
  previous.tax === c.tax &&
  previous.jobs === c.jobs &&
  previous.investmentToDate === c.investmentToDate;

/** The recorded value of a correctable fact, if it is recorded. */
const recordedFact = (p: Project, fact: CorrectableFact): FactValue | undefined => {
  const dated = (on: BusinessDate | undefined): FactValue | undefined =>
    on === undefined ? undefined : { on };
  switch (fact) {
    case 'construction-started':
      return dated(p.startedOn);
    case 'construction-completed':
      return dated(p.completedOn);
    case 'production-started':
      return dated(p.productionOn);
    case 'capacity-reached':
      return dated(p.capacityOn);
    case 'statistics-entered':
      return p.statistics === undefined
        ? undefined
        : { on: p.statistics.on, statisticsCode: p.statistics.code };
    default:
      return assertNever(fact);
  }
};

const sameFact = (a: FactValue, b: FactValue): boolean =>
  a.on === b.on && a.statisticsCode === b.statisticsCode;

const showFact = (v: FactValue): string =>
  v.statisticsCode === undefined ? v.on : `${v.statisticsCode} @ ${v.on}`;

/**
 * The facts a corrected date must stay between: signing ≤ start ≤ completion ≤ production ≤
 * capacity, and the statistics entry on or after the start (the order the decider enforces when
 * facts are first recorded).
 */
const neighbours = (
  p: Project,
  fact: CorrectableFact,
): {
  readonly before: BusinessDate | undefined;
  readonly after: { readonly fact: CorrectableFact; readonly on: BusinessDate } | undefined;
} => {
  const next = (...candidates: ReadonlyArray<readonly [CorrectableFact, BusinessDate | undefined]>) => {
    let found: { fact: CorrectableFact; on: BusinessDate } | undefined;
    for (const [f, on] of candidates)
      if (on !== undefined && (found === undefined || on < found.on)) found = { fact: f, on };
    return found;
  };
  switch (fact) {
    case 'construction-started':
      return {
        before: p.agreement?.signedOn,
        after: next(['construction-completed', p.completedOn], ['statistics-entered', p.statistics?.on]),
      };
    case 'construction-completed':
      return { before: p.startedOn, after: next(['production-started', p.productionOn]) };
    case 'production-started':
      return { before: p.completedOn, after: next(['capacity-reached', p.capacityOn]) };
    case 'capacity-reached':
      return { before: p.productionOn, after: undefined };
    case 'statistics-entered':
      return { before: p.startedOn, after: undefined };
    default:
      return assertNever(fact);
  }
};
