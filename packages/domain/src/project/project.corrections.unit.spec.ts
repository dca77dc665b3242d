/**
 * Late entries and corrections (DOMAIN.md §5):
 * - "A fact that predates the deadline but is entered late withdraws the miss with a reason, and
 *   counts as late entry."
 * - "A corrected figure is a new event that says what it corrects and why; history is never rewritten."
 * - "A repeated fact with a different date is a correction, which needs its own event and a reason."
 *
 * The fixture project is signed on 2024-05-10 with start by 2024-08-01, completion by 2025-12-31,
 * production by 2026-03-31. The exit rule of R8 (001 §(四): 三个月不开工、两年不投产、三年不见效)
 * falls on 2024-08-10, 2026-05-10 and 2027-05-10. A deadline is missed the day after it.
 */
import fc from 'fast-check';
import { addDays, date } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import { count } from '../shared/money';
import { spec } from '../testing/decider-spec';
import {
  andThen,
  completeConstruction,
  completeProcedure,
  completeRectification,
  correctFact,
  emitted,
  emittedDeadlines,
  enterStatistics,
  fixtureIds,
  historyUntil,
  orderRectification,
  projectOf,
  reachCapacity,
  recordMissedMilestones,
  requestProcedure,
  startConstruction,
  startProduction,
  terminateProject,
} from '../testing/project.fixtures';
import { projectDecider } from './project.decide';
import type { ProjectEvent, ProjectEventOf } from './project.events';

const project = spec(projectDecider);
const text = unsafeId.text;
const projectId = fixtureIds.project;

const withdrawn = (
  events: ReadonlyArray<ProjectEvent>,
): ReadonlyArray<ProjectEventOf<'MilestoneWithdrawn'>['data']> =>
  events.flatMap((e) => (e.type === 'MilestoneWithdrawn' ? [e.data] : []));

/** Signed, and on 2024-08-12 the clock raised the agreed start (due 08-01) and 三个月不开工 (due 08-10). */
const startMissed = () => andThen(historyUntil('signed'), recordMissedMilestones('2024-08-12'));
/** Signed, the environmental assessment complete on Monday 2024-05-20 (due 05-23), raised by the clock on 05-27. */
const procedureMissed = () =>
  andThen(historyUntil('signed'), requestProcedure(), recordMissedMilestones('2024-05-27'));

describe('late entry is not a missed deadline (DOMAIN.md §5; R8 · 001 §(四), R7 · 001 §(三)2)', () => {
  it('a start dated 2024-07-25 entered after the clock raised both start deadlines withdraws both as late entry (R8 · 001 §(四))', () => {
    project
      .given(startMissed())
      .when(startConstruction({ on: date('2024-07-25') }))
      .then([
        {
          type: 'ConstructionStarted',
          data: { projectId, on: date('2024-07-25'), evidence: startConstruction().evidence },
        },
        {
          type: 'MilestoneWithdrawn',
          data: {
            projectId,
            milestoneKey: 'agreed-start:2024-08-01',
            kind: 'agreed-start',
            dueOn: date('2024-08-01'),
            raisedOn: date('2024-08-12'),
            reason: 'late-entry',
            factOn: date('2024-07-25'),
          },
        },
        {
          type: 'MilestoneWithdrawn',
          data: {
            projectId,
            milestoneKey: 'exit-no-start',
            kind: 'exit-no-start',
            dueOn: date('2024-08-10'),
            raisedOn: date('2024-08-12'),
            reason: 'late-entry',
            factOn: date('2024-07-25'),
            // The exit rule's term it was counted with: 001 §(四)「三个月不开工」.
            termMonths: count(3),
          },
        },
      ]);
  });

  it('a start dated 2024-08-05 met 三个月不开工 (due 08-10) but not the agreed start (due 08-01): only the exit-rule miss is withdrawn (R8 · 001 §(四))', () => {
    const events = emitted(startMissed(), startConstruction({ on: date('2024-08-05') }));
    expect(withdrawn(events).map((w) => w.milestoneKey)).toEqual(['exit-no-start']);
    expect(projectOf([...startMissed(), ...events]).missedMilestones).toEqual({
      'agreed-start:2024-08-01': { dueOn: '2024-08-01', raisedOn: '2024-08-12' },
    });
  });

  it('a start dated after the deadline (2024-08-11) withdraws nothing: the deadline was missed (R8 · 001 §(四))', () => {
    project
      .given(startMissed())
      .when(startConstruction({ on: date('2024-08-11') }))
      .then([
        {
          type: 'ConstructionStarted',
          data: { projectId, on: date('2024-08-11'), evidence: startConstruction().evidence },
        },
      ]);
  });

  it('once the late start withdraws 三个月不开工, the project cannot be cleared under the exit rule (R8 · 001 §(四))', () => {
    project
      .given(startMissed())
      .when(terminateProject({ on: date('2024-08-20'), basis: 'exit-rule' }))
      .then([
        {
          type: 'ProjectTerminated',
          data: { projectId, on: date('2024-08-20'), basis: 'exit-rule', reason: terminateProject().reason },
        },
      ]);
    const late = andThen(startMissed(), startConstruction({ on: date('2024-07-25') }));
    expect(projectOf(late).missedMilestones).toEqual({});
    expect(Object.keys(projectOf(late).withdrawnMilestones)).toEqual([
      'agreed-start:2024-08-01',
      'exit-no-start',
    ]);
    project
      .given(late)
      .when(terminateProject({ on: date('2024-08-20'), basis: 'exit-rule' }))
      .thenFails('EXIT_RULE_NOT_MET');
  });

  it('a withdrawn miss is never raised again by the clock (R8 · 001 §(四))', () => {
    const history = andThen(startMissed(), startConstruction({ on: date('2024-07-25') }));
    expect(emittedDeadlines(history, recordMissedMilestones('2024-09-01'))).toEqual([]);
  });

  it('completion dated 2025-12-20 entered after the clock raised the agreed completion (due 2025-12-31) withdraws it (R5 · 000 §三.2)', () => {
    const history = andThen(historyUntil('under-construction'), recordMissedMilestones('2026-01-05'));
    const events = emitted(history, completeConstruction({ on: date('2025-12-20') }));
    expect(withdrawn(events)).toEqual([
      expect.objectContaining({
        milestoneKey: 'agreed-completion:2025-12-31',
        reason: 'late-entry',
        factOn: '2025-12-20',
      }),
    ]);
  });

  it('production dated 2026-03-20 entered after both production deadlines were raised withdraws the agreed production and 两年不投产 (R8 · 001 §(四))', () => {
    const history = andThen(historyUntil('completed'), recordMissedMilestones('2026-05-11'));
    const events = emitted(history, startProduction({ on: date('2026-03-20') }));
    expect(withdrawn(events).map((w) => [w.kind, w.reason])).toEqual([
      ['agreed-production', 'late-entry'],
      ['exit-no-production', 'late-entry'],
    ]);
  });

  it('capacity reached on 2026-10-10, before the 3-year mark, entered after 三年不见效 was raised withdraws it (R8 · 001 §(四))', () => {
    const history = andThen(historyUntil('in-production'), recordMissedMilestones('2027-05-11'));
    expect(projectOf(history).missedMilestones).toHaveProperty('exit-no-results');
    const events = emitted(history, reachCapacity({ on: date('2026-10-10') }));
    expect(withdrawn(events)).toEqual([
      expect.objectContaining({ kind: 'exit-no-results', dueOn: '2027-05-10', factOn: '2026-10-10' }),
    ]);
  });

  it('a procedure completed within its 3 working days but entered after the clock raised it is withdrawn as late entry (R7 · 001 §(三)2)', () => {
    // Complete on 2024-05-20 (Mon): due 05-23; raised on 05-27; the receipt shows 05-23.
    const history = procedureMissed();
    const events = emitted(history, completeProcedure({ on: date('2024-05-23') }));
    expect(events.map((e) => e.type)).toEqual(['ProcedureCompleted', 'MilestoneWithdrawn']);
    expect(withdrawn(events)[0]).toMatchObject({
      kind: 'procedure-time-limit',
      procedureId: fixtureIds.procedure,
      reason: 'late-entry',
      dueOn: '2024-05-23',
    });
  });

  it('a procedure completed after its time limit keeps its miss (R7 · 001 §(三)2)', () => {
    const history = procedureMissed();
    expect(withdrawn(emitted(history, completeProcedure({ on: date('2024-05-24') })))).toEqual([]);
  });

  it('a rectification completed by its deadline but entered after the clock raised it is withdrawn as late entry (R9 · 000 §三.4)', () => {
    const history = andThen(
      historyUntil('in-production'),
      orderRectification({ on: date('2026-03-01'), dueBy: date('2026-04-01') }),
      recordMissedMilestones('2026-04-02'),
    );
    const events = emitted(history, completeRectification({ on: date('2026-03-30') }));
    expect(withdrawn(events)).toEqual([
      expect.objectContaining({
        kind: 'rectification-deadline',
        milestoneKey: 'rectification:1:2026-03-01',
        factOn: '2026-03-30',
      }),
    ]);
  });

  it('property: a start entered late withdraws exactly the raised deadlines it is dated on or before (R8 · 001 §(四))', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90 }), (days) => {
        const on = addDays(date('2024-05-10'), days);
        const events = emitted(startMissed(), startConstruction({ on }));
        const expected = [
          ...(on <= '2024-08-01' ? ['agreed-start:2024-08-01'] : []),
          ...(on <= '2024-08-10' ? ['exit-no-start'] : []),
        ];
        expect(withdrawn(events).map((w) => w.milestoneKey)).toEqual(expected);
        const p = projectOf([...startMissed(), ...events]);
        expect(Object.keys(p.missedMilestones).length + Object.keys(p.withdrawnMilestones).length).toBe(2);
      }),
    );
  });
});

describe('corrections, not silent repeats (DOMAIN.md §5: a repeated fact with a different date is a correction)', () => {
  const started = () => historyUntil('under-construction'); // started on 2024-07-15

  it('a repeated start with the same date records nothing (DOMAIN.md §5)', () => {
    project.given(started()).when(startConstruction()).thenNothingHappens();
  });

  it('a repeated start with a different date is refused with the recorded and requested dates (DOMAIN.md §5)', () => {
    project
      .given(started())
      .when(startConstruction({ on: date('2024-07-20') }))
      .thenFails('FACT_ALREADY_RECORDED', {
        fact: 'construction start',
        factZh: '开工日期',
        recorded: '2024-07-15',
        requested: '2024-07-20',
      });
  });

  it.each([
    ['completion', 'completed', completeConstruction({ on: date('2025-11-21') }), '2025-11-20'],
    ['production', 'in-production', startProduction({ on: date('2026-01-11') }), '2026-01-10'],
  ] as const)(
    'a repeated %s with a different date is refused (DOMAIN.md §5)',
    (_, until, command, recorded) => {
      project.given(historyUntil(until)).when(command).thenFails('FACT_ALREADY_RECORDED', { recorded });
    },
  );

  it('a repeated capacity with a different date is refused (R8 · 001 §(四), DOMAIN.md §5)', () => {
    project
      .given(andThen(historyUntil('in-production'), reachCapacity()))
      .when(reachCapacity({ on: date('2026-10-12') }))
      .thenFails('FACT_ALREADY_RECORDED', { recorded: '2026-10-10', requested: '2026-10-12' });
  });

  it('a repeated statistics entry with another 统计编码 or date is refused; the same one records nothing (R12 · 004 §(四))', () => {
    const history = andThen(started(), enterStatistics());
    project.given(history).when(enterStatistics()).thenNothingHappens();
    project
      .given(history)
      .when(enterStatistics({ statisticsCode: text('350902-2024-000318') }))
      .thenFails('FACT_ALREADY_RECORDED', {
        recorded: '350902-2024-000317 @ 2024-08-20',
        requested: '350902-2024-000318 @ 2024-08-20',
      });
    project
      .given(history)
      .when(enterStatistics({ on: date('2024-08-21') }))
      .thenFails('FACT_ALREADY_RECORDED');
  });

  it('a correction of the start says what it corrects, from what, to what and why (DOMAIN.md §5)', () => {
    const c = correctFact();
    project
      .given(started())
      .when(c)
      .then([
        {
          type: 'FactCorrected',
          data: {
            projectId,
            fact: 'construction-started',
            correctedOn: date('2024-09-02'),
            reason: c.reason,
            ...(c.evidence !== undefined ? { evidence: c.evidence } : {}),
            previous: { on: date('2024-07-15') },
            corrected: { on: date('2024-07-08') },
          },
        },
      ]);
    expect(projectOf(andThen(started(), c)).startedOn).toBe('2024-07-08');
  });

  it('the same correction made twice records it once (DOMAIN.md §5)', () => {
    project.given(andThen(started(), correctFact())).when(correctFact()).thenNothingHappens();
  });

  it('a correction of the 统计编码 keeps the date and records both codes (R12 · 004 §(四))', () => {
    const events = emitted(
      andThen(started(), enterStatistics()),
      correctFact({ fact: 'statistics-entered', on: undefined, statisticsCode: text('350902-2024-000318') }),
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'FactCorrected',
        data: expect.objectContaining({
          previous: { on: '2024-08-20', statisticsCode: '350902-2024-000317' },
          corrected: { on: '2024-08-20', statisticsCode: '350902-2024-000318' },
        }),
      }),
    ]);
  });

  it('a fact never recorded cannot be corrected (DOMAIN.md §5)', () => {
    project
      .given(started())
      .when(correctFact({ fact: 'production-started' }))
      .thenFails('FACT_NOT_RECORDED', { factZh: '投产日期' });
  });

  it('a statistics code on another fact, or a correction without a new value, is refused (DOMAIN.md §5)', () => {
    project
      .given(started())
      .when(correctFact({ statisticsCode: text('350902-2024-000318') }))
      .thenFails('CORRECTION_INVALID');
    project
      .given(started())
      .when(correctFact({ on: undefined }))
      .thenFails('CORRECTION_INVALID');
  });

  it('a corrected start cannot fall before signing (R8 · 001 §(四): the 3 months count from signing)', () => {
    project
      .given(started())
      .when(correctFact({ on: date('2024-05-01') }))
      .thenFails('DATE_OUT_OF_ORDER', { on: '2024-05-01', after: '2024-05-10' });
  });

  it('a corrected start cannot fall after the recorded completion (start ≤ completion ≤ production ≤ capacity)', () => {
    project
      .given(historyUntil('completed'))
      .when(correctFact({ on: date('2025-12-01'), correctedOn: date('2026-01-05') }))
      .thenFails('CORRECTION_INVALID', {
        problem: '2025-12-01 would be after the recorded construction completion (2025-11-20)',
      });
  });

  it('a corrected date cannot be later than the day of the correction (DOMAIN.md §5: no fact is dated after the day it is recorded)', () => {
    project
      .given(started())
      .when(correctFact({ on: date('2024-09-10'), correctedOn: date('2024-09-02') }))
      .thenFails('DATE_OUT_OF_ORDER');
  });

  it('a correction that dates the start before the raised deadlines withdraws them as a correction, not as late entry (R8 · 001 §(四))', () => {
    // Started on 2024-08-12 (recorded after the clock raised both misses); the site log shows 07-30.
    const history = andThen(startMissed(), startConstruction({ on: date('2024-08-12') }));
    expect(Object.keys(projectOf(history).missedMilestones)).toHaveLength(2);
    const events = emitted(history, correctFact({ on: date('2024-07-30'), correctedOn: date('2024-09-02') }));
    expect(events.map((e) => e.type)).toEqual(['FactCorrected', 'MilestoneWithdrawn', 'MilestoneWithdrawn']);
    expect(withdrawn(events).map((w) => [w.milestoneKey, w.reason, w.factOn])).toEqual([
      ['agreed-start:2024-08-01', 'correction', '2024-07-30'],
      ['exit-no-start', 'correction', '2024-07-30'],
    ]);
  });

  it('property: after a late start and any corrections, the misses standing are exactly the raised deadlines the final date misses (R8 · 001 §(四), DOMAIN.md §5)', () => {
    const signed = historyUntil('signed');
    const dues: Readonly<Record<string, string>> = {
      'agreed-start:2024-08-01': '2024-08-01',
      'exit-no-start': '2024-08-10',
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 120 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 4 }),
        (watch, start, corrections) => {
          const today = addDays(date('2024-08-02'), watch);
          let history = andThen(signed, recordMissedMilestones(today));
          const raised = Object.keys(projectOf(history).missedMilestones);
          let on = addDays(date('2024-05-10'), start);
          history = andThen(history, startConstruction({ on }));
          for (const days of corrections) {
            const next = addDays(date('2024-05-10'), days);
            history = andThen(history, correctFact({ on: next, correctedOn: date('2024-09-15') }));
            on = next;
          }
          const p = projectOf(history);
          expect(Object.keys(p.missedMilestones).sort()).toEqual(raised.filter((k) => dues[k]! < on).sort());
          expect(Object.keys(p.withdrawnMilestones).sort()).toEqual(
            raised.filter((k) => dues[k]! >= on).sort(),
          );
        },
      ),
    );
  });

  it('a correction that moves a late-entered start past its deadlines reinstates the withdrawn misses and says so (R8 · 001 §(四))', () => {
    const late = andThen(startMissed(), startConstruction({ on: date('2024-07-25') }));
    const events = emitted(late, correctFact({ on: date('2024-08-05'), correctedOn: date('2024-09-02') }));
    expect(events).toEqual([
      expect.objectContaining({
        type: 'FactCorrected',
        data: expect.objectContaining({ reinstatedMilestones: ['agreed-start:2024-08-01'] }),
      }),
    ]);
    const p = projectOf([...late, ...events]);
    expect(Object.keys(p.missedMilestones)).toEqual(['agreed-start:2024-08-01']);
    expect(Object.keys(p.withdrawnMilestones)).toEqual(['exit-no-start']);
  });
});
