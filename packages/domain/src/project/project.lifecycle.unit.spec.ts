/**
 * After signing: procedures, deadlines, fulfilment and its consequences — rules R7–R10 of
 * DOMAIN.md §2 — and the habits every command shares (repeats, closed projects, dates, corrections).
 */
import { date, Year } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import { cny, count, mu } from '../shared/money';
import { spec } from '../testing/decider-spec';
import {
  abandonProject,
  amendAgreement,
  andThen,
  clawBackSubsidy,
  completeConstruction,
  completeDueDiligence,
  completeProcedure,
  disburseIncentive,
  discardLead,
  emitted,
  emittedDeadlines,
  enterStatistics,
  evaluateFulfilment,
  fixtureDefinedBreach,
  fixtureIds,
  fixtureIncentives,
  historyUntil,
  openConsultation,
  projectOf,
  qualifyLead,
  reachCapacity,
  reclaimLand,
  recordLegalReview,
  recordMissedMilestones,
  reportInvestment,
  reportPerformance,
  requestProcedure,
  runScript,
  signAgreement,
  signedAgreementTerms,
  smallProjectSigned,
  startConstruction,
  startProduction,
  startSecondaryPromotion,
  stateOf,
  terminateProject,
} from '../testing/project.fixtures';
import type { ProjectEvent, ProjectEventOf } from './project.events';
import { projectDecider } from './project.decide';
import { assessFulfilment, type FulfilmentFacts } from './project.fulfilment';
import { detectMissedMilestones } from './project.milestones';
import { defaultProjectPolicy } from './project.policy';

const project = spec(projectDecider);
const text = unsafeId.text;
const pid = fixtureIds.project;

describe('R7 — procedures completed within 3 working days, 10 in special cases, on the official calendar (001 §(三)2/§(三)4)', () => {
  const signed = () => historyUntil('signed');
  const requested = (completeOn: string, special = false) =>
    emitted(
      signed(),
      requestProcedure({ completeOn: date(completeOn), special }),
    )[0] as ProjectEventOf<'ProcedureRequested'>;

  it('a complete application on Friday 2024-09-27 is due on 2024-10-08: Sunday 09-29 is an adjusted workday, National Day is skipped (R7)', () => {
    // 09-28 Sat rest, 09-29 Sun 调休上班 (1), 09-30 Mon (2), 10-01…10-07 国庆节, 10-08 Tue (3).
    expect(requested('2024-09-27').data.approval).toEqual({
      level: 'district',
      workingDays: 3,
      deadline: { kind: 'due', dueOn: '2024-10-08' },
    });
  });

  it('a special case gets 10 working days: from 2024-09-27 it is due on 2024-10-16, counting Saturday 10-12 (R7)', () => {
    // 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 (5), 10-11 (6), 10-12 Sat 调休 (7), 10-14 (8), 10-15 (9), 10-16 (10).
    expect(requested('2024-09-27', true).data).toMatchObject({
      special: true,
      approval: { level: 'district', workingDays: 10, deadline: { kind: 'due', dueOn: '2024-10-16' } },
    });
  });

  it('an application complete on 2024-02-02 counts Sunday 2024-02-04, an adjusted workday before Spring Festival (R7)', () => {
    const history = smallProjectSigned('2024-01-15');
    const [e] = runScript([requestProcedure({ completeOn: date('2024-02-02') })], history);
    expect(e).toMatchObject({
      type: 'ProcedureRequested',
      data: { approval: { deadline: { kind: 'due', dueOn: '2024-02-06' } } },
    });
  });

  it('an application complete on 2024-02-08 skips the Spring Festival holiday and counts Sunday 2024-02-18 (R7)', () => {
    // 02-09 Fri (1), 02-10…02-17 春节, 02-18 Sun 调休上班 (2), 02-19 Mon (3).
    const history = smallProjectSigned('2024-01-15');
    const [e] = runScript([requestProcedure({ completeOn: date('2024-02-08') })], history);
    expect(e).toMatchObject({
      type: 'ProcedureRequested',
      data: { approval: { deadline: { kind: 'due', dueOn: '2024-02-19' } } },
    });
  });

  it('a procedure completed on its due date is within the time limit, and the receipt counts the working days taken (R7)', () => {
    const history = andThen(signed(), requestProcedure({ completeOn: date('2024-09-27') }));
    const command = completeProcedure({ on: date('2024-10-08') });
    const { type: _type, ...fields } = command;
    project
      .given(history)
      .when(command)
      .then([
        {
          type: 'ProcedureCompleted',
          data: { ...fields, workingDaysTaken: count(3), withinTimeLimit: true },
        },
      ]);
  });

  it('a procedure completed the working day after its due date is late (R7)', () => {
    const history = andThen(signed(), requestProcedure({ completeOn: date('2024-09-27') }));
    const [e] = emitted(history, completeProcedure({ on: date('2024-10-09') }));
    expect(e).toMatchObject({ data: { workingDaysTaken: 4, withinTimeLimit: false } });
  });

  it('holidays in the middle of handling are not counted as working days taken (R7)', () => {
    const history = andThen(signed(), requestProcedure({ completeOn: date('2024-09-30') }));
    // 10-01…10-07 are holidays: 10-08 is the first working day after 09-30.
    const [e] = emitted(history, completeProcedure({ on: date('2024-10-07') }));
    expect(e).toMatchObject({ data: { workingDaysTaken: 0, withinTimeLimit: true } });
  });

  it('a procedure cannot be completed before its application was complete (R7)', () => {
    const history = andThen(signed(), requestProcedure({ completeOn: date('2024-09-27') }));
    project
      .given(history)
      .when(completeProcedure({ on: date('2024-09-26') }))
      .thenFails('DATE_OUT_OF_ORDER');
  });

  it('a procedure still open after its due date is raised once as a missed procedure milestone (R7)', () => {
    const history = andThen(
      historyUntil('under-construction'),
      requestProcedure({ completeOn: date('2024-09-27') }),
    );
    expect(emittedDeadlines(history, recordMissedMilestones('2024-10-08'))).toEqual([]);
    const missed = emittedDeadlines(history, recordMissedMilestones('2024-10-09'));
    expect(missed).toEqual([
      {
        type: 'MilestoneMissed',
        data: {
          projectId: pid,
          milestoneKey: `procedure:${fixtureIds.procedure}`,
          kind: 'procedure-time-limit',
          dueOn: '2024-10-08',
          procedureId: fixtureIds.procedure,
          detectedOn: '2024-10-09',
        },
      },
    ]);
    expect(emittedDeadlines([...history, ...missed], recordMissedMilestones('2024-10-10'))).toEqual([]);
  });

  it('procedures are requested only for a signed project (R7)', () => {
    project.given(historyUntil('admitted')).when(requestProcedure()).thenFails('AGREEMENT_NOT_SIGNED');
  });
});

describe('R8 — the exit rule: 三个月不开工、两年不投产、三年不见效 (001 §(四))', () => {
  const keys = (events: ReadonlyArray<ProjectEvent>) =>
    events.map((e) => (e.type === 'MilestoneMissed' ? `${e.data.kind}@${e.data.dueOn}` : e.type));

  it('nothing is missed on the day the exit deadline falls (R8)', () => {
    // Signed 2024-05-10: agreed start 2024-08-01 has passed, the 3-month exit deadline 2024-08-10 has not.
    expect(keys(emittedDeadlines(historyUntil('signed'), recordMissedMilestones('2024-08-10')))).toEqual([
      'agreed-start@2024-08-01',
    ]);
  });

  it('a project not started 3 months after signing misses its exit deadline (R8)', () => {
    expect(keys(emittedDeadlines(historyUntil('signed'), recordMissedMilestones('2024-08-11')))).toEqual([
      'agreed-start@2024-08-01',
      'exit-no-start@2024-08-10',
    ]);
  });

  it('a project started on time misses nothing at 3 months (R8)', () => {
    expect(
      emittedDeadlines(historyUntil('under-construction'), recordMissedMilestones('2024-08-11')),
    ).toEqual([]);
  });

  it('a project not produced 2 years after signing misses its exit deadline, with the agreed completion and production dates (R8)', () => {
    expect(
      keys(emittedDeadlines(historyUntil('under-construction'), recordMissedMilestones('2026-05-11'))),
    ).toEqual([
      'agreed-completion@2025-12-31',
      'agreed-production@2026-03-31',
      'exit-no-production@2026-05-10',
    ]);
  });

  it('a project producing without results 3 years after signing misses its exit deadline (R8)', () => {
    expect(
      keys(emittedDeadlines(historyUntil('in-production'), recordMissedMilestones('2027-05-11'))),
    ).toEqual(['exit-no-results@2027-05-10']);
  });

  it('a project at capacity shows results and misses nothing at 3 years (R8)', () => {
    const history = andThen(historyUntil('in-production'), reachCapacity());
    expect(emittedDeadlines(history, recordMissedMilestones('2027-05-11'))).toEqual([]);
  });

  it('each missed deadline is raised exactly once, whatever day the clock runs again (R8)', () => {
    const first = emittedDeadlines(historyUntil('signed'), recordMissedMilestones('2024-08-11'));
    const after = [...historyUntil('signed'), ...first];
    expect(emittedDeadlines(after, recordMissedMilestones('2024-08-11'))).toEqual([]);
    expect(emittedDeadlines(after, recordMissedMilestones('2024-09-30'))).toEqual([]);
    // Two years later, only the deadlines not yet raised are new.
    expect(keys(emittedDeadlines(after, recordMissedMilestones('2026-05-11')))).toEqual([
      'agreed-completion@2025-12-31',
      'agreed-production@2026-03-31',
      'exit-no-production@2026-05-10',
    ]);
  });

  it('detectMissedMilestones returns nothing for a project that is not signed (R8)', () => {
    expect(
      detectMissedMilestones(stateOf(historyUntil('admitted')), date('2030-01-01'), defaultProjectPolicy),
    ).toEqual([]);
  });

  it('termination under the exit rule is refused on the 3-month day itself (R8)', () => {
    project
      .given(historyUntil('signed'))
      .when(terminateProject({ basis: 'exit-rule', on: date('2024-08-10') }))
      .thenFails('EXIT_RULE_NOT_MET');
  });

  it('a project not started 3 months after signing is terminated under the exit rule (R8)', () => {
    const command = terminateProject({
      basis: 'exit-rule',
      on: date('2024-08-11'),
      reason: text('签约三个月未开工，依协议清退'),
    });
    const { type: _type, ...data } = command;
    project
      .given(historyUntil('signed'))
      .when(command)
      .then([{ type: 'ProjectTerminated', data }]);
  });

  it('a project that started construction cannot be terminated under the exit rule at 3 months (R8)', () => {
    project
      .given(historyUntil('under-construction'))
      .when(terminateProject({ basis: 'exit-rule', on: date('2024-09-01') }))
      .thenFails('EXIT_RULE_NOT_MET');
  });

  it('land cannot be reclaimed from a project that was not terminated (R8)', () => {
    project
      .given(historyUntil('signed'))
      .when(reclaimLand({ on: date('2024-09-01') }))
      .thenFails('LAND_RECLAIM_NOT_ALLOWED');
  });

  it('land is reclaimed from a project terminated under the exit rule (R8)', () => {
    const history = andThen(
      historyUntil('signed'),
      terminateProject({ basis: 'exit-rule', on: date('2024-08-11') }),
    );
    const command = reclaimLand({ on: date('2024-09-01') });
    const { type: _type, ...data } = command;
    project
      .given(history)
      .when(command)
      .then([{ type: 'LandReclaimed', data }]);
  });

  it('more land than the agreement granted cannot be reclaimed (R8)', () => {
    const history = andThen(
      historyUntil('signed'),
      terminateProject({ basis: 'exit-rule', on: date('2024-08-11') }),
    );
    project
      .given(history)
      .when(reclaimLand({ on: date('2024-09-01'), area: mu(120.5) }))
      .thenFails('LAND_RECLAIM_EXCEEDS_AREA');
  });
});

describe('R9 — after the construction period, agreed figures are compared with actuals (000 §三.4)', () => {
  /** assessFulfilment of the fixture project's 2026 report, on its recorded facts unless told otherwise. */
  const assess2026 = (facts: Partial<FulfilmentFacts>) => {
    const state = projectOf(historyUntil('performance-reported'));
    return assessFulfilment(
      state.agreement!.terms,
      {
        year: 2026 as Year,
        asOf: date('2026-12-31'),
        signedOn: date('2024-05-10'),
        startedOn: date('2024-07-15'),
        completedOn: date('2025-11-20'),
        productionOn: date('2026-01-10'),
        investmentToDate: cny.yi(3.3),
        performance: state.performance[2026]!,
        ...facts,
      },
      defaultProjectPolicy,
    );
  };

  it('fulfilment cannot be evaluated before the agreed completion date of a project still building (R9)', () => {
    project
      .given(historyUntil('under-construction'))
      .when(evaluateFulfilment({ on: date('2025-12-31'), year: 2025 as Year }))
      .thenFails('FULFILMENT_NOT_DUE', { completeBy: '2025-12-31' });
  });

  it('R9 · 000 §三.4: a project still building is evaluated on what it invested once the agreed completion date has passed, not on output it cannot have yet', () => {
    // Signed 2024-05-10, completion agreed by 2025-12-31, production by 2026-03-31 (exit rule: 2026-05-10).
    // On 2026-01-01: 1.6亿 of 3.2亿 invested = 0.5 (not below the 0.5 threshold); 601 days against
    // 600 agreed = 0.9983; output, tax and jobs not applicable before 2026-03-31.
    const history = andThen(historyUntil('under-construction'), reportInvestment('2024-07', cny.yi(1.6)));
    const [e] = emitted(history, evaluateFulfilment({ on: date('2026-01-01'), year: 2026 as Year }));
    expect(e).toMatchObject({
      type: 'FulfilmentEvaluated',
      data: {
        asOf: '2026-01-01',
        ratios: {
          fixedAssetInvestment: 0.5,
          output: null,
          tax: null,
          jobs: null,
          constructionPeriod: 0.9983,
        },
        verdict: 'underperforming',
      },
    });
  });

  it('R9 · 000 §三.4: a year is not evaluated while its construction period is not over as of the year end', () => {
    project
      .given(historyUntil('under-construction'))
      .when(evaluateFulfilment({ on: date('2026-01-01'), year: 2025 as Year }))
      .thenFails('FULFILMENT_NOT_DUE', { completeBy: '2025-12-31' });
  });

  it('a producing project must report its output before it is evaluated (R9)', () => {
    project
      .given(historyUntil('in-production'))
      .when(evaluateFulfilment())
      .thenFails('PERFORMANCE_NOT_REPORTED', { year: 2026 });
  });

  it('ratios compare actual with committed figures, and shortfalls in output make a project underperforming (R9)', () => {
    // Committed: 3.2亿 fixed assets on 120 亩, 8亿 output, 2400万 tax, 350 jobs, completion by 2025-12-31.
    // Actual 2026: 2.88亿 invested, 6亿 output, 1800万 tax, 280 jobs, completed 2025-11-20.
    const history = historyUntil('performance-reported', {
      performance: {
        investmentToDate: cny.yi(2.88),
        output: cny.yi(6),
        tax: cny.wan(1800),
        jobs: count(280),
      },
    });
    const [e] = emitted(history, evaluateFulfilment());
    expect(e).toEqual({
      type: 'FulfilmentEvaluated',
      data: {
        projectId: pid,
        on: '2027-02-15',
        year: 2026,
        asOf: '2026-12-31',
        ratios: {
          fixedAssetInvestment: 0.9, // 2.88 / 3.2
          investmentPerMu: 0.9, // (2.88 / 120) / (3.2 / 120)
          output: 0.75, // 6 / 8
          outputPerMu: 0.75,
          tax: 0.75, // 1800 / 2400
          taxPerMu: 0.75, // (1800 / 120) / (2400 / 120)
          jobs: 0.8, // 280 / 350
          constructionPeriod: 1.0733, // 600 agreed days (2024-05-10 → 2025-12-31) / 559 actual (→ 2025-11-20)
        },
        perMu: {
          investment: { committed: 266.67, actual: 240 }, // 32000万 / 120 亩; 28800万 / 120 亩
          tax: { committed: 20, actual: 15 }, // 2400万 / 120; 1800万 / 120
          output: { committed: 666.67, actual: 500 }, // 80000万 / 120; 60000万 / 120
        },
        verdict: 'underperforming',
        findings: [
          { code: 'SHORTFALL', params: { figure: 'fixedAssetInvestment', ratio: 0.9 } },
          { code: 'SHORTFALL', params: { figure: 'investmentPerMu', ratio: 0.9 } },
          { code: 'SHORTFALL', params: { figure: 'output', ratio: 0.75 } },
          { code: 'SHORTFALL', params: { figure: 'outputPerMu', ratio: 0.75 } },
          { code: 'SHORTFALL', params: { figure: 'tax', ratio: 0.75 } },
          { code: 'SHORTFALL', params: { figure: 'taxPerMu', ratio: 0.75 } },
          { code: 'SHORTFALL', params: { figure: 'jobs', ratio: 0.8 } },
        ],
      },
    });
  });

  it('a project that met or beat every agreed figure is compliant (R9)', () => {
    expect(projectOf(historyUntil('evaluated')).governingEvaluation).toEqual({
      verdict: 'compliant',
      on: '2027-02-15',
      year: 2026,
      definedBreach: undefined,
    });
  });

  it('assessFulfilment: a late completion shows in the construction-period ratio (R9)', () => {
    const assessment = assess2026({
      completedOn: date('2026-06-28'), // 779 days after signing, against 600 agreed
      productionOn: date('2026-07-01'),
    });
    expect(assessment.ratios.constructionPeriod).toBe(0.7702); // 600 / 779 = 0.77021…
    expect(assessment.verdict).toBe('underperforming');
    expect(assessment.findings).toEqual([
      { code: 'SHORTFALL', params: { figure: 'constructionPeriod', ratio: 0.7702 } },
    ]);
  });

  it('R10 · 002 §七: investment below half of the agreement is a serious breach (investment far below)', () => {
    const assessment = assess2026({ investmentToDate: cny.yi(1.5) });
    expect(assessment.ratios.fixedAssetInvestment).toBe(0.4688); // 1.5 / 3.2 = 0.46875, kept to four decimals
    expect(assessment.verdict).toBe('serious-breach');
    expect(assessment.findings[0]).toEqual({
      code: 'INVESTMENT_FAR_BELOW',
      params: { ratio: 0.4688, threshold: 0.5 },
    });
  });
});

describe('R10 — compliant projects are honoured, underperformers get secondary promotion, serious breaches are cleared (002 §七)', () => {
  const compliant = () => historyUntil('evaluated');
  const underperforming = () =>
    historyUntil('evaluated', { performance: { output: cny.yi(6), tax: cny.wan(1800), jobs: count(280) } });
  const seriousBreach = () => historyUntil('evaluated', { performance: { investmentToDate: cny.yi(1.2) } });

  /**
   * Compliant in 2026 with 800万 of the equipment subsidy paid, then found short in 2027: output
   * at 6亿 of 8亿 (underperforming), or a breach the agreement defines (serious breach).
   */
  const paidThenShort = (verdict2027: 'underperforming' | 'serious-breach') =>
    andThen(
      compliant(),
      disburseIncentive(),
      reportPerformance({ year: 2027 as Year, on: date('2028-01-20'), output: cny.yi(6) }),
      evaluateFulfilment({
        year: 2027 as Year,
        on: date('2028-02-15'),
        ...(verdict2027 === 'serious-breach' ? { definedBreach: fixtureDefinedBreach } : {}),
      }),
    );

  it('a compliant project gets its incentive paid (R10)', () => {
    const command = disburseIncentive();
    const { type: _type, ...data } = command;
    project
      .given(compliant())
      .when(command)
      .then([{ type: 'IncentiveDisbursed', data }]);
  });

  it('an underperforming project does not get its incentive paid (R10)', () => {
    project
      .given(underperforming())
      .when(disburseIncentive())
      .thenFails('INCENTIVE_REQUIRES_COMPLIANCE', { verdict: 'underperforming' });
  });

  it('a project never evaluated does not get its incentive paid (R10)', () => {
    project
      .given(historyUntil('in-production'))
      .when(disburseIncentive())
      .thenFails('INCENTIVE_REQUIRES_COMPLIANCE', { verdict: 'not evaluated' });
  });

  it('an underperforming project gets secondary promotion (R10)', () => {
    const command = startSecondaryPromotion();
    const { type: _type, ...data } = command;
    project
      .given(underperforming())
      .when(command)
      .then([{ type: 'SecondaryPromotionStarted', data }]);
  });

  it('a compliant project is not put to secondary promotion (R10)', () => {
    project
      .given(compliant())
      .when(startSecondaryPromotion())
      .thenFails('SECONDARY_PROMOTION_REQUIRES_UNDERPERFORMANCE');
  });

  it('a project in serious breach is terminated for breach (R10)', () => {
    expect(projectOf(seriousBreach()).governingEvaluation?.verdict).toBe('serious-breach');
    const command = terminateProject();
    const { type: _type, ...data } = command;
    project
      .given(seriousBreach())
      .when(command)
      .then([{ type: 'ProjectTerminated', data }]);
  });

  it('a project without a serious-breach verdict cannot be terminated for breach (R10)', () => {
    project.given(underperforming()).when(terminateProject()).thenFails('TERMINATION_REQUIRES_BREACH');
  });

  it('incentives are paid up to their ceiling, not beyond (R10)', () => {
    const paid = andThen(compliant(), disburseIncentive({ amount: cny.wan(800) }));
    project
      .given(paid)
      .when(disburseIncentive({ amount: cny.wan(400.01), on: date('2027-09-10') }))
      .thenFails('DISBURSEMENT_EXCEEDS_CEILING', {
        amount: cny.wan(400.01),
        ceiling: cny.wan(1200),
        disbursed: cny.wan(800),
      });
    const state = project
      .given(paid)
      .when(disburseIncentive({ amount: cny.wan(400), on: date('2027-09-10') }))
      .thenState();
    expect(state).toMatchObject({
      incentives: { [fixtureIds.equipmentSubsidy]: { disbursed: cny.wan(1200) } },
    });
  });

  it('an incentive the agreement does not grant cannot be paid (R10)', () => {
    project
      .given(compliant())
      .when(disburseIncentive({ incentiveId: unsafeId.incentive('JL-WEIZHI') }))
      .thenFails('INCENTIVE_NOT_FOUND');
  });

  it('a subsidy is clawed back from a project found short after it was paid (R10)', () => {
    const command = clawBackSubsidy();
    const { type: _type, ...data } = command;
    project
      .given(paidThenShort('underperforming'))
      .when(command)
      .then([{ type: 'SubsidyClawedBack', data }]);
  });

  it('a clawback never exceeds what was paid for that incentive (R10)', () => {
    project
      .given(paidThenShort('underperforming'))
      .when(clawBackSubsidy({ amount: cny.wan(800.01) }))
      .thenFails('CLAWBACK_EXCEEDS_DISBURSED', { disbursed: cny.wan(800), clawedBack: 0 });
  });

  it('several clawbacks together never exceed what was paid for that incentive (R10)', () => {
    const history = andThen(paidThenShort('underperforming'), clawBackSubsidy({ amount: cny.wan(500) }));
    project
      .given(history)
      .when(clawBackSubsidy({ amount: cny.wan(300.01), on: date('2028-04-15') }))
      .thenFails('CLAWBACK_EXCEEDS_DISBURSED', { disbursed: cny.wan(800), clawedBack: cny.wan(500) });
    const state = project
      .given(history)
      .when(clawBackSubsidy({ amount: cny.wan(300), on: date('2028-04-15') }))
      .thenState();
    expect(state).toMatchObject({
      incentives: { [fixtureIds.equipmentSubsidy]: { disbursed: cny.wan(800), clawedBack: cny.wan(800) } },
    });
  });

  it('nothing can be clawed back from an incentive that was never paid (R10)', () => {
    project
      .given(paidThenShort('underperforming'))
      .when(clawBackSubsidy({ incentiveId: fixtureIds.taxReward, amount: cny.wan(1) }))
      .thenFails('CLAWBACK_EXCEEDS_DISBURSED');
  });

  it('a compliant project is not clawed back (R9)', () => {
    project
      .given(andThen(compliant(), disburseIncentive()))
      .when(clawBackSubsidy())
      .thenFails('CLAWBACK_REQUIRES_SHORTFALL');
  });

  it('an amendment cannot lower an incentive ceiling below what was already paid for it (R10)', () => {
    // A supplementary agreement that changes incentives is reviewed and approved again (R4 · 002 §六).
    const paid = andThen(
      compliant(),
      disburseIncentive({ amount: cny.wan(800) }),
      recordLegalReview({ on: date('2027-03-20') }),
    );
    const lowered = (ceiling: number) =>
      amendAgreement({
        on: date('2027-04-01'),
        leadingGroupMinutesRef: text('领导小组 2027 年第 2 次会议纪要'),
        terms: signedAgreementTerms({
          incentives: [{ ...fixtureIncentives[0]!, ceiling: cny.fen(ceiling) }, fixtureIncentives[1]!],
        }),
      });
    project
      .given(paid)
      .when(lowered(cny.wan(799.99)))
      .thenFails('AGREEMENT_TERMS_INVALID', {
        field: 'incentives.ceiling',
        incentiveId: fixtureIds.equipmentSubsidy,
        disbursed: cny.wan(800),
      });
    const state = project
      .given(paid)
      .when(lowered(cny.wan(800)))
      .thenState();
    expect(state).toMatchObject({
      incentives: { [fixtureIds.equipmentSubsidy]: { ceiling: cny.wan(800), disbursed: cny.wan(800) } },
    });
  });

  it('an incentive dropped by an amendment keeps what was paid, and nothing more can be paid on it (R10)', () => {
    const paid = andThen(
      compliant(),
      disburseIncentive({ amount: cny.wan(800) }),
      recordLegalReview({ on: date('2027-03-20') }),
    );
    const amended = andThen(
      paid,
      amendAgreement({
        on: date('2027-04-01'),
        leadingGroupMinutesRef: text('领导小组 2027 年第 2 次会议纪要'),
        terms: signedAgreementTerms({ incentives: [fixtureIncentives[1]!] }),
      }),
    );
    expect(projectOf(amended).incentives[fixtureIds.equipmentSubsidy]).toEqual({
      ceiling: cny.wan(800),
      disbursed: cny.wan(800),
      clawedBack: 0,
    });
    project
      .given(amended)
      .when(disburseIncentive({ amount: cny.wan(1), on: date('2027-05-01') }))
      .thenFails('DISBURSEMENT_EXCEEDS_CEILING');
  });

  it('a project terminated for serious breach still has its subsidy clawed back and its land reclaimed (R10)', () => {
    const terminated = andThen(paidThenShort('serious-breach'), terminateProject());
    expect(projectOf(terminated)).toMatchObject({ status: 'closed', stage: 'terminated' });
    const afterClawback = andThen(terminated, clawBackSubsidy());
    expect(projectOf(afterClawback).incentives[fixtureIds.equipmentSubsidy]).toEqual({
      ceiling: cny.wan(1200),
      disbursed: cny.wan(800),
      clawedBack: cny.wan(500),
    });
    const command = reclaimLand();
    const { type: _type, ...data } = command;
    project
      .given(afterClawback)
      .when(command)
      .then([{ type: 'LandReclaimed', data }]);
  });
});

describe('a repeated command changes nothing', () => {
  it('qualifying a qualified lead again emits nothing', () => {
    project.given(historyUntil('qualified')).when(qualifyLead()).thenNothingHappens();
  });

  it('opening the same consultation again emits nothing', () => {
    project.given(historyUntil('under-review')).when(openConsultation()).thenNothingHappens();
  });

  it('completing due diligence again emits nothing (R3)', () => {
    project.given(historyUntil('ready-to-sign')).when(completeDueDiligence()).thenNothingHappens();
  });

  it('signing the same agreement again emits nothing, a different one is refused', () => {
    project.given(historyUntil('signed')).when(signAgreement()).thenNothingHappens();
    project
      .given(historyUntil('signed'))
      .when(signAgreement({ agreementId: unsafeId.agreement('XY-2024-099') }))
      .thenFails('AGREEMENT_ID_MISMATCH');
  });

  it('a procedure requested or completed again emits nothing (R7)', () => {
    const requested = andThen(historyUntil('signed'), requestProcedure());
    project.given(requested).when(requestProcedure()).thenNothingHappens();
    const completed = andThen(requested, completeProcedure());
    project.given(completed).when(completeProcedure()).thenNothingHappens();
    project
      .given(completed)
      .when(completeProcedure({ on: date('2024-05-24') }))
      .thenFails('PROCEDURE_ALREADY_COMPLETED');
  });

  it('starting construction, entering the statistics, completing, producing and reaching capacity again emit nothing', () => {
    const built = andThen(historyUntil('in-production'), enterStatistics(), reachCapacity());
    for (const c of [
      startConstruction(),
      enterStatistics(),
      completeConstruction(),
      startProduction(),
      reachCapacity(),
    ]) {
      project.given(built).when(c).thenNothingHappens();
    }
  });

  it('the same evaluation and the same performance report again emit nothing (R9)', () => {
    project.given(historyUntil('evaluated')).when(evaluateFulfilment()).thenNothingHappens();
    project.given(historyUntil('evaluated')).when(reportPerformance()).thenNothingHappens();
  });

  it('terminating a terminated project and reclaiming reclaimed land emit nothing (R8)', () => {
    const history = andThen(
      historyUntil('signed'),
      terminateProject({ basis: 'exit-rule', on: date('2024-08-11') }),
      reclaimLand({ on: date('2024-09-01') }),
    );
    project
      .given(history)
      .when(terminateProject({ basis: 'exit-rule', on: date('2024-08-11') }))
      .thenNothingHappens();
    project
      .given(history)
      .when(reclaimLand({ on: date('2024-09-01') }))
      .thenNothingHappens();
  });

  it('discarding a discarded lead and abandoning an abandoned project emit nothing', () => {
    project
      .given(andThen(historyUntil('lead'), discardLead()))
      .when(discardLead())
      .thenNothingHappens();
    project
      .given(andThen(historyUntil('qualified'), abandonProject()))
      .when(abandonProject())
      .thenNothingHappens();
  });
});

describe('a closed project', () => {
  it('a discarded lead refuses to be taken to admission review', () => {
    project
      .given(andThen(historyUntil('lead'), discardLead()))
      .when(openConsultation())
      .thenFails('PROJECT_CLOSED', { projectId: pid, stage: 'discarded' });
  });

  it('a terminated project refuses new facts of construction or payment (R10)', () => {
    const terminated = andThen(paidAndBreached(), terminateProject());
    project
      .given(terminated)
      .when(startProduction({ on: date('2028-04-01') }))
      .thenFails('PROJECT_CLOSED', { stage: 'terminated' });
    project
      .given(terminated)
      .when(disburseIncentive({ on: date('2028-04-01') }))
      .thenFails('PROJECT_CLOSED');
  });

  it('a terminated project no longer raises missed deadlines (R8)', () => {
    const terminated = andThen(
      historyUntil('signed'),
      terminateProject({ basis: 'exit-rule', on: date('2024-08-11') }),
    );
    project.given(terminated).when(recordMissedMilestones('2030-01-01')).thenNothingHappens();
  });

  it('a signed project cannot be abandoned: it must be terminated', () => {
    project
      .given(historyUntil('signed'))
      .when(abandonProject({ on: date('2024-06-01') }))
      .thenFails('WRONG_STAGE');
  });
});

/** Compliant in 2026 and paid; in 2027 a breach the agreement defines (economics alone would not do, 002 §七). */
function paidAndBreached(): ReadonlyArray<ProjectEvent> {
  return andThen(
    historyUntil('evaluated'),
    disburseIncentive(),
    reportPerformance({ year: 2027 as Year, on: date('2028-01-20'), output: cny.yi(1) }),
    evaluateFulfilment({ year: 2027 as Year, on: date('2028-02-15'), definedBreach: fixtureDefinedBreach }),
  );
}

describe('dates follow the facts they depend on', () => {
  it('a lead cannot be qualified before it was captured', () => {
    project
      .given(historyUntil('lead'))
      .when(qualifyLead({ on: date('2024-02-29') }))
      .thenFails('DATE_OUT_OF_ORDER', { on: '2024-02-29', after: '2024-03-01' });
  });

  it('an agreement cannot be signed before its legal review (R4)', () => {
    project
      .given(historyUntil('ready-to-sign'))
      .when(signAgreement({ on: date('2024-04-24') }))
      .thenFails('DATE_OUT_OF_ORDER', { after: '2024-04-25' });
  });

  it('construction cannot start before the agreement was signed', () => {
    project
      .given(historyUntil('signed'))
      .when(startConstruction({ on: date('2024-05-09') }))
      .thenFails('DATE_OUT_OF_ORDER');
  });

  it('production cannot start before construction was completed', () => {
    project
      .given(historyUntil('completed'))
      .when(startProduction({ on: date('2025-11-19') }))
      .thenFails('DATE_OUT_OF_ORDER');
  });
});

describe('corrections are new facts that say why (DOMAIN.md §5)', () => {
  const reported = () =>
    andThen(
      historyUntil('under-construction'),
      reportInvestment('2024-07', cny.wan(3456.78)),
      reportInvestment('2024-08', cny.wan(5000.01)),
    );

  it('cumulative investment is the exact sum of the months reported', () => {
    expect(projectOf(reported())).toMatchObject({ cumulativeInvestment: cny.wan(8456.79) });
    expect(cny.toWan(projectOf(reported()).cumulativeInvestment)).toBe('8456.79');
  });

  it('a month already reported cannot be reported again with another figure', () => {
    project
      .given(reported())
      .when(reportInvestment('2024-07', cny.wan(3400.12)))
      .thenFails('PERIOD_ALREADY_REPORTED', { period: '2024-07' });
  });

  it('the same figure reported again for a month emits nothing', () => {
    project
      .given(reported())
      .when(reportInvestment('2024-07', cny.wan(3456.78)))
      .thenNothingHappens();
  });

  it('a month that was never reported cannot be corrected', () => {
    project
      .given(reported())
      .when(reportInvestment('2024-09', cny.wan(100), { correction: { reason: text('补报') } }))
      .thenFails('NOTHING_TO_CORRECT', { period: '2024-09' });
  });

  it('a correction with its reason replaces the month and keeps the cumulative figure exact', () => {
    const correction = reportInvestment('2024-07', cny.wan(3400.12), {
      on: date('2024-09-05'),
      correction: { reason: text('统计部门核减：部分设备款未实际支付') },
    });
    const [e] = emitted(reported(), correction);
    expect(e).toMatchObject({
      type: 'InvestmentProgressReported',
      data: { cumulative: cny.wan(8400.13), correction: { reason: '统计部门核减：部分设备款未实际支付' } },
    });
    const state = projectOf([...reported(), e!]);
    expect(state.investmentByMonth).toEqual({ '2024-07': cny.wan(3400.12), '2024-08': cny.wan(5000.01) });
    expect(state.cumulativeInvestment).toBe(cny.wan(8400.13));
  });

  it('investment is not reported before construction starts', () => {
    project
      .given(historyUntil('signed'))
      .when(reportInvestment('2024-05', cny.wan(10)))
      .thenFails('WRONG_STAGE');
  });

  it('a year of output already reported needs a correction to change, and a correction needs a report (R9)', () => {
    const history = historyUntil('performance-reported');
    project
      .given(history)
      .when(reportPerformance({ jobs: count(360) }))
      .thenFails('PERIOD_ALREADY_REPORTED', { period: '2026' });
    project
      .given(history)
      .when(reportPerformance({ year: 2027 as Year, correction: { reason: text('更正') } }))
      .thenFails('NOTHING_TO_CORRECT', { period: '2027' });
    const state = project
      .given(history)
      .when(
        reportPerformance({
          jobs: count(360),
          on: date('2027-02-01'),
          correction: { reason: text('社保缴纳人数核对后更正') },
        }),
      )
      .thenState();
    expect(state).toMatchObject({ performance: { 2026: { jobs: 360, reportedOn: '2027-02-01' } } });
  });
});
