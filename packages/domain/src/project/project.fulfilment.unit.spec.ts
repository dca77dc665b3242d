/**
 * Fulfilment verdicts as the seeds give them (issue #11 items 1, 2 and 14):
 * - 002 §七: 对严格履约的项目 … 兑现招商引资优惠政策；对事实上已完成投资但未能达到协议约定经济指标的项目，
 *   协助企业开展二次招商 …；对严重违约的项目，按协议条款约定和相关法律法规进行清退。
 * - 001 §(四): 三个月不开工、两年不投产、三年不见效 … 予以清理，及时回收土地 … 对履约差的项目限期整改，
 *   对圈而不建的，坚决收回土地，对签而不建、建而不产的项目依法清退。
 * - 000 §三.4: 产值、亩均投资、亩均税收、亩均效益、建设周期等完成比率.
 *
 * The fixture agreement (worked by hand below): signed 2024-05-10; start by 2024-08-01, complete by
 * 2025-12-31, produce by 2026-03-31; 3.2亿元 fixed assets on 120 亩; each year 8亿元 output,
 * 2400万元 tax, 350 jobs. Exit rule (R8): no start by 2024-08-10, no production by 2026-05-10.
 * So the start deadline is 2024-08-01 and the production deadline 2026-03-31 (the earlier of each pair).
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { addDays, BusinessDate, date, Year } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import { Cny, cny, count, mu } from '../shared/money';
import { arbScript, commandFor } from '../testing/project.arbitraries';
import { spec } from '../testing/decider-spec';
import {
  amendAgreement,
  andThen,
  clawBackSubsidy,
  completeProcedure,
  disburseIncentive,
  evaluateFulfilment,
  fixtureDefinedBreach,
  historyUntil,
  orderRectification,
  projectOf,
  reclaimLand,
  reportInvestment,
  reportPerformance,
  requestProcedure,
  runScript,
  signAgreement,
  signedAgreementTerms,
  startProduction,
  startSecondaryPromotion,
  stateOf,
  terminateProject,
} from '../testing/project.fixtures';
import type { ProjectCommand } from './project.commands';
import { projectDecider } from './project.decide';
import type { ProjectEvent, ProjectEventOf } from './project.events';
import { evolveProject } from './project.evolve';
import { foldProject } from './project.fold';
import { describeFinding, evaluationGoverns, evaluationShowsResults } from './project.fulfilment';
import { readProjectEvent } from './project.upcasters';
import type { ProjectState } from './project.state';

const project = spec(projectDecider);
const text = unsafeId.text;

/** The data of the one FulfilmentEvaluated a then-step emitted, for assertions beyond its match. */
const evaluatedData = (
  emitted: ReadonlyArray<ProjectEvent>,
): ProjectEventOf<'FulfilmentEvaluated'>['data'] => {
  const [e] = emitted;
  if (e?.type !== 'FulfilmentEvaluated') throw new Error(`expected FulfilmentEvaluated, got ${e?.type}`);
  return e.data;
};
const codes = (d: ProjectEventOf<'FulfilmentEvaluated'>['data']) => d.findings.map((f) => f.code);

/** After completion: production, 2026 short (6亿 output) and evaluated, then 2025 evaluated afterwards. */
const shortIn2026ThenEvaluated2025 = (): ReadonlyArray<ProjectCommand> => [
  startProduction(),
  reportPerformance({ output: cny.yi(6) }),
  evaluateFulfilment(),
  evaluateFulfilment({ year: 2025 as Year, on: date('2027-05-20') }),
];

/** Built as agreed: 3.2亿元 invested by December 2024 (reported monthly), completed 2025-11-20, not producing. */
const builtNotProducing = (terms = signedAgreementTerms()) =>
  andThen(historyUntil('completed', { terms }), reportInvestment('2024-12', cny.yi(3.2)));

describe('R10 · 002 §七: invested as agreed but short of the economic targets → underperforming, never serious breach', () => {
  // 2026: 3.3亿 invested (≥ 3.2亿), output 1亿 of 8亿 = 0.125, tax 300万 of 2400万 = 0.125,
  // jobs 40 of 350 = 0.1143. The old rule made this a serious breach (economics < 0.2).
  const farShort = () =>
    historyUntil('performance-reported', {
      performance: { investmentToDate: cny.yi(3.3), output: cny.yi(1), tax: cny.wan(300), jobs: count(40) },
    });
  /** The same, evaluated: underperforming. */
  const farShortEvaluated = () => andThen(farShort(), evaluateFulfilment());

  it('R10 · 002 §七: output, tax and jobs at an eighth of the agreement, investment made → underperforming', () => {
    project
      .given(farShort())
      .when(evaluateFulfilment())
      .thenMatches([
        {
          type: 'FulfilmentEvaluated',
          data: {
            verdict: 'underperforming',
            findings: [
              { code: 'SHORTFALL', params: { figure: 'output', ratio: 0.125 } },
              { code: 'SHORTFALL', params: { figure: 'outputPerMu', ratio: 0.125 } },
              { code: 'SHORTFALL', params: { figure: 'tax', ratio: 0.125 } },
              { code: 'SHORTFALL', params: { figure: 'taxPerMu', ratio: 0.125 } },
              { code: 'SHORTFALL', params: { figure: 'jobs', ratio: 0.1143 } },
            ],
          },
        },
      ]);
  });

  it('R10 · 002 §七: such a project goes to secondary promotion (二次招商)', () => {
    const history = farShortEvaluated();
    const command = startSecondaryPromotion();
    const { type: _type, ...data } = command;
    project
      .given(history)
      .when(command)
      .then([{ type: 'SecondaryPromotionStarted', data }]);
  });

  it('R8 · 001 §(四): such a project can be ordered to rectify within a deadline (履约差的 限期整改)', () => {
    const history = farShortEvaluated();
    const command = orderRectification();
    const { type: _type, ...data } = command;
    project
      .given(history)
      .when(command)
      .then([{ type: 'RectificationOrdered', data }]);
  });

  it('R10 · 002 §七: such a project cannot be terminated for serious breach', () => {
    project.given(farShortEvaluated()).when(terminateProject()).thenFails('TERMINATION_REQUIRES_BREACH');
  });

  it('R10 · 002 §七: a strictly compliant project is honoured: its incentive is paid', () => {
    const history = historyUntil('evaluated');
    expect(projectOf(history).governingEvaluation?.verdict).toBe('compliant');
    const command = disburseIncentive();
    const { type: _type, ...data } = command;
    project
      .given(history)
      .when(command)
      .then([{ type: 'IncentiveDisbursed', data }]);
  });

  it('R10 · 002 §七: output met but fixed-asset investment 1.5亿 of 3.2亿 (0.4688 < 0.5) is investment far below the agreement: serious breach', () => {
    const history = historyUntil('performance-reported', { performance: { investmentToDate: cny.yi(1.5) } });
    project
      .given(history)
      .when(evaluateFulfilment())
      .thenMatches([
        {
          type: 'FulfilmentEvaluated',
          data: {
            verdict: 'serious-breach',
            findings: [
              { code: 'INVESTMENT_FAR_BELOW', params: { ratio: 0.4688, threshold: 0.5 } },
              { code: 'SHORTFALL', params: { figure: 'fixedAssetInvestment', ratio: 0.4688 } },
              { code: 'SHORTFALL', params: { figure: 'investmentPerMu', ratio: 0.4688 } },
            ],
          },
        },
      ]);
  });

  it('R10 · 002 §七 (按协议条款约定): a breach the agreement defines, stated with its clause, is a serious breach even with every figure met', () => {
    project
      .given(historyUntil('performance-reported'))
      .when(evaluateFulfilment({ definedBreach: fixtureDefinedBreach }))
      .thenMatches([
        {
          type: 'FulfilmentEvaluated',
          data: {
            verdict: 'serious-breach',
            definedBreach: fixtureDefinedBreach,
            findings: [
              {
                code: 'DEFINED_BREACH',
                params: {
                  clause: '协议第十二条（土地用途）',
                  description: '擅自将 30 亩工业用地转作仓储出租',
                },
              },
            ],
          },
        },
      ]);
  });

  it('R10: the same evaluation repeated emits nothing; a different defined breach on the same day is a new evaluation', () => {
    const history = andThen(
      historyUntil('performance-reported'),
      evaluateFulfilment({ definedBreach: fixtureDefinedBreach }),
    );
    project
      .given(history)
      .when(evaluateFulfilment({ definedBreach: fixtureDefinedBreach }))
      .thenNothingHappens();
    const [e] = runScript([evaluateFulfilment()], history);
    expect(e).toMatchObject({ type: 'FulfilmentEvaluated', data: { verdict: 'compliant' } });
  });
});

describe('R8 · 001 §(四): 圈而不建、签而不建、建而不产 are serious breaches', () => {
  it('R8 · 001 §(四) 签而不建: signed 2024-05-10, never started; judged on 2026-01-05 past the start deadline 2024-08-01 → serious breach', () => {
    const d = evaluatedData(
      project
        .given(historyUntil('signed'))
        .when(evaluateFulfilment({ on: date('2026-01-05'), year: 2026 as Year }))
        .thenMatches([
          { type: 'FulfilmentEvaluated', data: { verdict: 'serious-breach', asOf: '2026-01-05' } },
        ]),
    );
    expect(d.findings[0]).toEqual({ code: 'SIGNED_NOT_BUILT', params: { deadline: '2024-08-01' } });
    // Nothing invested: 0 of 3.2亿. Production deadline 2026-03-31 not passed on 2026-01-05: output n/a.
    expect(codes(d)).toEqual([
      'SIGNED_NOT_BUILT',
      'INVESTMENT_FAR_BELOW',
      'SHORTFALL',
      'SHORTFALL',
      'SHORTFALL',
      'NOT_YET_PRODUCING',
    ]);
    expect(d.ratios).toMatchObject({ fixedAssetInvestment: 0, output: null, constructionPeriod: 0.9917 }); // 600 / 605 days
  });

  it('R8 · 001 §(四) 圈而不建: land supplied on 2024-05-23, not started by 2024-08-01 → serious breach, then the land is reclaimed (坚决收回土地)', () => {
    const landSupplied = andThen(
      historyUntil('signed'),
      requestProcedure({ kind: 'land', department: 'natural-resources-planning' }),
      completeProcedure(),
    );
    const d = evaluatedData(
      project
        .given(landSupplied)
        .when(evaluateFulfilment({ on: date('2026-01-05'), year: 2026 as Year }))
        .thenMatches([{ type: 'FulfilmentEvaluated', data: { verdict: 'serious-breach' } }]),
    );
    expect(d.findings[0]).toEqual({
      code: 'LAND_IDLE',
      params: { landSuppliedOn: '2024-05-23', deadline: '2024-08-01' },
    });
    const terminated = andThen(
      landSupplied,
      evaluateFulfilment({ on: date('2026-01-05'), year: 2026 as Year }),
      terminateProject({ on: date('2026-01-20') }),
    );
    const command = reclaimLand({ on: date('2026-02-01') });
    const { type: _type, ...data } = command;
    project
      .given(terminated)
      .when(command)
      .then([{ type: 'LandReclaimed', data }]);
  });

  it('R8 · 001 §(四) 建而不产: built and invested as agreed, not producing on 2026-04-15, past the agreed production date 2026-03-31 → serious breach', () => {
    const d = evaluatedData(
      project
        .given(builtNotProducing())
        .when(evaluateFulfilment({ on: date('2026-04-15'), year: 2026 as Year }))
        .thenMatches([
          {
            type: 'FulfilmentEvaluated',
            data: {
              verdict: 'serious-breach',
              ratios: { fixedAssetInvestment: 1, output: 0, tax: 0, jobs: 0 },
            },
          },
        ]),
    );
    expect(d.findings[0]).toEqual({ code: 'BUILT_NOT_PRODUCING', params: { deadline: '2026-03-31' } });
  });

  it("R8 · 001 §(四) 两年不投产: with production agreed by 2026-12-31, the exit rule's two years (2026-05-10) come first; not producing on 2026-06-01 → serious breach", () => {
    const terms = signedAgreementTerms({
      schedule: {
        startBy: date('2024-08-01'),
        completeBy: date('2025-12-31'),
        produceBy: date('2026-12-31'),
      },
    });
    const d = evaluatedData(
      project
        .given(builtNotProducing(terms))
        .when(evaluateFulfilment({ on: date('2026-06-01'), year: 2026 as Year }))
        .thenMatches([{ type: 'FulfilmentEvaluated', data: { verdict: 'serious-breach' } }]),
    );
    expect(d.findings[0]).toEqual({ code: 'BUILT_NOT_PRODUCING', params: { deadline: '2026-05-10' } });
  });

  it('R9 · 000 §三.4: built as agreed, not producing yet on 2026-02-15, before the production date 2026-03-31 → output, tax and jobs not applicable; compliant', () => {
    project
      .given(builtNotProducing())
      .when(evaluateFulfilment({ on: date('2026-02-15'), year: 2026 as Year }))
      .thenMatches([
        {
          type: 'FulfilmentEvaluated',
          data: {
            ratios: {
              fixedAssetInvestment: 1,
              investmentPerMu: 1,
              output: null,
              outputPerMu: null,
              tax: null,
              taxPerMu: null,
              jobs: null,
              constructionPeriod: 1.0733, // 600 agreed days / 559 actual (completed 2025-11-20)
            },
            perMu: {
              investment: { committed: 266.67, actual: 266.67 }, // 32000万元 / 120 亩
              tax: { committed: 20, actual: null }, // 2400万元 / 120 亩
              output: { committed: 666.67, actual: null }, // 80000万元 / 120 亩
            },
            verdict: 'compliant',
            findings: [{ code: 'NOT_YET_PRODUCING', params: { deadline: '2026-03-31' } }],
          },
        },
      ]);
  });
});

describe('R5 · 000 §三.2/§三.4, 001 §(四): the agreement carries the commitments that are evaluated; a ratio over nothing is not applicable', () => {
  const withCommitments = (c: Partial<{ annualOutput: Cny; annualTax: Cny; jobs: number }>) =>
    signedAgreementTerms({
      commitments: {
        annualOutput: c.annualOutput ?? cny.yi(8),
        annualTax: c.annualTax ?? cny.wan(2400),
        jobs: count(c.jobs ?? 350),
      },
    });

  it('R5 · 001 §(四) (明确企业在缴纳税收、解决就业等方面的责任): an agreement without an annual output is refused', () => {
    project
      .given(historyUntil('ready-to-sign'))
      .when(signAgreement({ terms: withCommitments({ annualOutput: cny.zero }) }))
      .thenFails('COMMITMENTS_REQUIRED', { field: 'commitments.annualOutput', fieldZh: '年产值' });
  });

  it('R5 · 001 §(四): an agreement without jobs is refused', () => {
    project
      .given(historyUntil('ready-to-sign'))
      .when(signAgreement({ terms: withCommitments({ jobs: 0 }) }))
      .thenFails('COMMITMENTS_REQUIRED', { field: 'commitments.jobs' });
  });

  it('R5 · 001 §(四): a supplementary agreement that drops the annual tax is refused', () => {
    project
      .given(historyUntil('signed'))
      .when(amendAgreement({ terms: withCommitments({ annualTax: cny.zero }) }))
      .thenFails('COMMITMENTS_REQUIRED', { field: 'commitments.annualTax' });
  });

  it('R5 · 000 §三.4: an agreement without land has its per-mu figures not applicable (never 100 %)', () => {
    const terms = signedAgreementTerms({ landSupply: 'no-land', landArea: mu(0) });
    project
      .given(historyUntil('performance-reported', { terms }))
      .when(evaluateFulfilment())
      .thenMatches([
        {
          type: 'FulfilmentEvaluated',
          data: {
            ratios: {
              investmentPerMu: null,
              outputPerMu: null,
              taxPerMu: null,
              fixedAssetInvestment: 1.0313, // 3.3 / 3.2
              output: 1.0625, // 8.5 / 8
              tax: 1.0833, // 2600 / 2400
            },
            perMu: {
              investment: { committed: null, actual: null },
              tax: { committed: null, actual: null },
              output: { committed: null, actual: null },
            },
            verdict: 'compliant',
            findings: [{ code: 'NO_LAND', params: {} }],
          },
        },
      ]);
  });

  it('R9 · 000 §三.4: per-mu figures are reported in 万元/亩, committed and actual', () => {
    // Actual 2026: 3.3亿 invested, 8.5亿 output, 2600万 tax on 120 亩.
    project
      .given(historyUntil('performance-reported'))
      .when(evaluateFulfilment())
      .thenMatches([
        {
          type: 'FulfilmentEvaluated',
          data: {
            perMu: {
              investment: { committed: 266.67, actual: 275 }, // 32000 / 120; 33000 / 120
              tax: { committed: 20, actual: 21.67 }, // 2400 / 120; 2600 / 120 = 21.666…
              output: { committed: 666.67, actual: 708.33 }, // 80000 / 120; 85000 / 120 = 708.333…
            },
          },
        },
      ]);
  });

  it('R10: findings read in Chinese and English', () => {
    const shortfall = { code: 'SHORTFALL' as const, params: { figure: 'output', ratio: 0.75 } };
    expect(describeFinding(shortfall, 'zh')).toBe(
      '年产值完成协议约定的 75%（未达约定，002 §七：二次招商、限期整改）',
    );
    expect(describeFinding(shortfall, 'en')).toBe(
      'annual output at 75% of the agreement (short of it; 002 §七: secondary promotion, rectification)',
    );
    expect(
      describeFinding({ code: 'INVESTMENT_FAR_BELOW', params: { ratio: 0.4688, threshold: 0.5 } }, 'zh'),
    ).toBe('实际固定资产投资仅为协议约定的 46.88%，低于 50%（严重违约）');
  });
});

describe('R10 · 002 §七: the latest evaluated year governs', () => {
  /** 2026 short (6亿 output), 2027 as agreed and evaluated first. */
  const latestCompliant = () =>
    andThen(
      historyUntil('performance-reported', { performance: { output: cny.yi(6), tax: cny.wan(1800) } }),
      reportPerformance({ year: 2027 as Year, on: date('2028-01-20') }),
      evaluateFulfilment({ year: 2027 as Year, on: date('2028-02-15') }),
    );

  it('R10 · 002 §七: evaluating 2026 after 2027 records 2026 as underperforming but 2027 (compliant) still governs', () => {
    const history = andThen(
      latestCompliant(),
      evaluateFulfilment({ year: 2026 as Year, on: date('2028-03-01') }),
    );
    const p = projectOf(history);
    expect(p.evaluations[2026]?.verdict).toBe('underperforming');
    expect(p.evaluations[2027]?.verdict).toBe('compliant');
    expect(p.governingEvaluation).toMatchObject({ year: 2027, verdict: 'compliant' });
    // Rules read the governing verdict: payment goes ahead, secondary promotion and clawback do not.
    const pay = disburseIncentive({ on: date('2028-03-10') });
    const { type: _type, ...paid } = pay;
    project
      .given(history)
      .when(pay)
      .then([{ type: 'IncentiveDisbursed', data: paid }]);
    project
      .given(history)
      .when(startSecondaryPromotion({ on: date('2028-03-10') }))
      .thenFails('SECONDARY_PROMOTION_REQUIRES_UNDERPERFORMANCE', { verdict: 'compliant' });
    project
      .given(andThen(history, disburseIncentive({ on: date('2028-03-10') })))
      .when(clawBackSubsidy())
      .thenFails('CLAWBACK_REQUIRES_SHORTFALL');
  });

  it('R10 · 002 §七: a year before production began, evaluated after the production year, cannot overturn its verdict', () => {
    // 2026 compliant. 2025 judged as of 2025-12-31: not producing yet (production 2026-01-10, deadline
    // 2026-03-31 not passed), nothing reported invested by then → investment far below: serious breach for 2025.
    const history = andThen(
      historyUntil('evaluated'),
      evaluateFulfilment({ year: 2025 as Year, on: date('2027-03-01') }),
    );
    const p = projectOf(history);
    expect(p.evaluations[2025]?.verdict).toBe('serious-breach');
    expect(p.governingEvaluation).toMatchObject({ year: 2026, verdict: 'compliant' });
    project.given(history).when(terminateProject()).thenFails('TERMINATION_REQUIRES_BREACH');
    const [e] = runScript([disburseIncentive({ on: date('2027-03-10') })], history);
    expect(e?.type).toBe('IncentiveDisbursed');
  });

  it('R10 · 002 §七: a serious breach in the latest year is not overturned by re-evaluating an earlier year as compliant', () => {
    const history = andThen(
      historyUntil('evaluated'),
      reportPerformance({ year: 2027 as Year, on: date('2028-01-20') }),
      evaluateFulfilment({ year: 2027 as Year, on: date('2028-02-15'), definedBreach: fixtureDefinedBreach }),
      evaluateFulfilment({ year: 2026 as Year, on: date('2028-02-20') }),
    );
    expect(projectOf(history).governingEvaluation).toMatchObject({ year: 2027, verdict: 'serious-breach' });
    const [e] = runScript([terminateProject()], history);
    expect(e?.type).toBe('ProjectTerminated');
    project
      .given(history)
      .when(disburseIncentive({ on: date('2028-03-10') }))
      .thenFails('INCENTIVE_REQUIRES_COMPLIANCE', { verdict: 'serious-breach' });
  });

  it('R10 · 002 §七: re-evaluating the latest year after a correction replaces its verdict', () => {
    const short = historyUntil('evaluated', { performance: { output: cny.yi(6) } });
    expect(projectOf(short).governingEvaluation?.verdict).toBe('underperforming');
    const corrected = andThen(
      short,
      reportPerformance({ on: date('2027-03-01'), correction: { reason: text('统计局核定 2026 年产值') } }),
      evaluateFulfilment({ on: date('2027-03-05') }),
    );
    expect(projectOf(corrected).governingEvaluation).toMatchObject({ year: 2026, verdict: 'compliant' });
  });

  it('R8 · 001 §(四) 三年不见效: an earlier year evaluated compliant after a later one fell short shows no results; the exit rule still applies', () => {
    // Invested 3.2亿 by December 2024; 2026 output 6亿 of 8亿 (underperforming, evaluated 2027-02-15).
    // 2025, evaluated afterwards: not producing yet, investment as agreed → compliant, but 2026 governs.
    // Three years after signing (2027-05-10) there are still no results (见效): capacity not reached, governing verdict not compliant.
    const history = andThen(
      historyUntil('completed'),
      reportInvestment('2024-12', cny.yi(3.2)),
      ...shortIn2026ThenEvaluated2025(),
    );
    expect(projectOf(history).evaluations[2025]?.verdict).toBe('compliant');
    expect(projectOf(history).governingEvaluation).toMatchObject({ year: 2026, verdict: 'underperforming' });
    const command = terminateProject({ basis: 'exit-rule', on: date('2027-06-01') });
    const { type: _type, ...data } = command;
    project
      .given(history)
      .when(command)
      .then([{ type: 'ProjectTerminated', data }]);
  });

  it('R10: a year before the signing year, or after the evaluation day, is not evaluated', () => {
    project
      .given(historyUntil('performance-reported'))
      .when(evaluateFulfilment({ year: 2023 as Year }))
      .thenFails('EVALUATION_YEAR_OUT_OF_RANGE', { year: 2023, from: 2024, to: 2027 });
    project
      .given(historyUntil('performance-reported'))
      .when(evaluateFulfilment({ year: 2028 as Year }))
      .thenFails('EVALUATION_YEAR_OUT_OF_RANGE', { year: 2028, from: 2024, to: 2027 });
  });

  it('R10: folding events in any order of years gives the governing verdict of the highest year', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            year: fc.integer({ min: 2024, max: 2030 }),
            verdict: fc.constantFrom('compliant', 'underperforming', 'serious-breach') as fc.Arbitrary<
              'compliant' | 'underperforming' | 'serious-breach'
            >,
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (evaluations) => {
          const signed = historyUntil('signed');
          const events: ProjectEvent[] = evaluations.map(({ year, verdict }, i) => ({
            type: 'FulfilmentEvaluated',
            data: {
              projectId: projectOf(signed).projectId,
              on: addDays(date('2031-01-01'), i),
              year: year as Year,
              asOf: date(`${year}-12-31`),
              ratios: {
                fixedAssetInvestment: null,
                investmentPerMu: null,
                output: null,
                outputPerMu: null,
                tax: null,
                taxPerMu: null,
                jobs: null,
                constructionPeriod: null,
              },
              perMu: {
                investment: { committed: null, actual: null },
                tax: { committed: null, actual: null },
                output: { committed: null, actual: null },
              },
              verdict,
              findings: [],
            },
          }));
          const p = projectOf([...signed, ...events]);
          const highest = Math.max(...evaluations.map((e) => e.year));
          const lastOfHighest = [...evaluations].reverse().find((e) => e.year === highest)!;
          expect(p.governingEvaluation).toMatchObject({ year: highest, verdict: lastOfHighest.verdict });
          expect(foldProject([...signed, ...events])).toEqual(
            [...signed, ...events].reduce(evolveProject, stateOf([])),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('issue #11 item 14 · DOMAIN.md §5 (money is exact): an amount beyond the exact range is a domain error, never a RangeError', () => {
  const MAX = Number.MAX_SAFE_INTEGER;

  it('DOMAIN.md §5: a month of investment that takes the cumulative figure beyond the exact range is refused with AMOUNT_OUT_OF_RANGE', () => {
    const history = andThen(historyUntil('under-construction'), reportInvestment('2024-07', MAX - 10));
    project
      .given(history)
      .when(reportInvestment('2024-08', 11))
      .thenFails('AMOUNT_OUT_OF_RANGE', { field: 'cumulative investment', maxFen: MAX });
  });

  it('R10 · DOMAIN.md §5: a payment whose sum with what was paid leaves the exact range exceeds the ceiling', () => {
    project
      .given(andThen(historyUntil('evaluated'), disburseIncentive()))
      .when(disburseIncentive({ amount: cny.fen(MAX), on: date('2027-04-10') }))
      .thenFails('DISBURSEMENT_EXCEEDS_CEILING');
  });

  /** Every money field of a command set to a huge amount (a valid Cny: a safe integer). */
  const huge = (c: ProjectCommand, amount: number): ProjectCommand => {
    const MONEY = new Set([
      'amount',
      'completedInPeriod',
      'output',
      'tax',
      'investmentToDate',
      'intendedInvestment',
      'totalInvestment',
      'fixedAssetInvestment',
      'annualOutput',
      'annualTax',
      'ceiling',
    ]);
    const walk = (x: unknown): unknown =>
      Array.isArray(x)
        ? x.map(walk)
        : typeof x === 'object' && x !== null
          ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, MONEY.has(k) ? amount : walk(v)]))
          : x;
    return walk(c) as ProjectCommand;
  };

  it('property (DOMAIN.md §5): for any reachable project and any command with huge amounts, decide returns an Either and never throws', () => {
    const hugeAmount = fc.constantFrom(MAX, MAX - 1, 2 ** 52, Math.floor(MAX / 2) + 1, 10 ** 15);
    fc.assert(
      fc.property(arbScript, fc.array(hugeAmount, { minLength: 1, maxLength: 4 }), (script, amounts) => {
        let state: ProjectState = foldProject(script.start === 'nothing' ? [] : historyUntil(script.start));
        let today: BusinessDate = state.status === 'none' ? date('2024-03-01') : state.lastActivityOn;
        script.steps.forEach((step, i) => {
          today = addDays(today, step.gap);
          const command = huge(commandFor(step, state, today), amounts[i % amounts.length]!);
          let outcome: ReturnType<typeof projectDecider.decide> | undefined;
          expect(() => {
            outcome = projectDecider.decide(command, state);
          }).not.toThrow();
          expect(outcome !== undefined && (E.isLeft(outcome) || E.isRight(outcome))).toBe(true);
          if (outcome !== undefined && E.isRight(outcome)) {
            const next = outcome.right.reduce(evolveProject, state);
            state = next;
            if (state.status !== 'none' && state.lastActivityOn > today) today = state.lastActivityOn;
          }
        });
      }),
      { numRuns: 80 },
    );
  });
});

describe('FulfilmentEvaluated v1 stays readable (upcast to v2)', () => {
  it('R9: a v1 evaluation reads with its verdict kept, tax ratio from taxPerMu, findings as codes and per-mu not recorded', () => {
    const read = readProjectEvent({
      type: 'FulfilmentEvaluated',
      version: 1,
      data: {
        projectId: 'XM-2024-0317',
        on: '2027-02-15',
        year: 2026,
        ratios: {
          fixedAssetInvestment: 1.03,
          investmentPerMu: 1.03,
          output: 0.125,
          taxPerMu: 0.125,
          outputPerMu: 0.125,
          jobs: 0.1143,
          constructionPeriod: 1.0733,
        },
        verdict: 'serious-breach',
        findings: ['output 0.125', 'taxPerMu 0.125', 'something else'],
      },
    });
    expect(read).toEqual(
      E.right({
        type: 'FulfilmentEvaluated',
        data: {
          projectId: 'XM-2024-0317',
          on: '2027-02-15',
          year: 2026,
          asOf: '2026-12-31',
          ratios: {
            fixedAssetInvestment: 1.03,
            investmentPerMu: 1.03,
            output: 0.125,
            taxPerMu: 0.125,
            tax: 0.125,
            outputPerMu: 0.125,
            jobs: 0.1143,
            constructionPeriod: 1.0733,
          },
          perMu: {
            investment: { committed: null, actual: null },
            tax: { committed: null, actual: null },
            output: { committed: null, actual: null },
          },
          verdict: 'serious-breach',
          findings: [
            { code: 'SHORTFALL', params: { figure: 'output', ratio: 0.125 } },
            { code: 'SHORTFALL', params: { figure: 'taxPerMu', ratio: 0.125 } },
            { code: 'RECORDED_BY_V1', params: { text: 'something else' } },
          ],
        },
      }),
    );
  });
});

describe('见效 by evaluation (R8 · 001 §(四) 三年不见效, R10 · 002 §七 the latest evaluated year governs)', () => {
  it('a compliant verdict of the latest evaluated year shows results; another verdict does not', () => {
    expect(evaluationShowsResults({ year: 2025, verdict: 'compliant' }, 2024)).toBe(true);
    expect(evaluationShowsResults({ year: 2025, verdict: 'compliant' }, undefined)).toBe(true);
    expect(evaluationShowsResults({ year: 2025, verdict: 'underperforming' }, 2024)).toBe(false);
  });

  it('an earlier year evaluated later neither governs nor shows results', () => {
    expect(evaluationGoverns(2024, 2025)).toBe(false);
    expect(evaluationShowsResults({ year: 2024, verdict: 'compliant' }, 2025)).toBe(false);
    expect(evaluationGoverns(2025, 2025)).toBe(true);
  });
});
