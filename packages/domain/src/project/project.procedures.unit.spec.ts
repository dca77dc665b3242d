/**
 * R7 (001 §(三)2): 「属本区审批的事项,在提交齐备的申报材料后,3个工作日之内办结相关审批手续,特殊情况在
 * 10个工作日内办结;需上报有关部门审批的,由政务服务中心督促有关部门对口上报,并跟踪办结。」
 * Working days follow the official calendar; a year whose official schedule is not adopted yet is
 * never guessed (DOMAIN.md §3 "Working-day calendar"). The 2027 schedule here is a labelled TEST
 * FIXTURE (testing/working-calendar.fixtures.ts), not the State Council's notice.
 */
import fc from 'fast-check';
import { date } from '../shared/dates';
import { fold } from '../shared/decider';
import { unsafeId } from '../shared/ids';
import { count } from '../shared/money';
import { spec } from '../testing/decider-spec';
import { arbBusinessDate } from '../testing/shared.arbitraries';
import {
  andThen,
  completeProcedure,
  fixtureIds,
  recordMissedMilestones,
  requestProcedure,
  runScript,
  smallProjectSigned,
  stateOf,
} from '../testing/project.fixtures';
import { fixture2027Adopted } from '../testing/working-calendar.fixtures';
import { workingCalendarDecider, workingDayCalendarOf } from '../working-calendar';
import type { ProjectEvent, ProjectEventOf } from './project.events';
import { makeProjectDecider, projectDecider } from './project.decide';
import { readProjectEvent } from './project.upcasters';

const packagedOnly = spec(projectDecider);
const calendarWith2027 = workingDayCalendarOf(fold(workingCalendarDecider, [fixture2027Adopted()]));
const deciderWith2027 = makeProjectDecider({ calendar: calendarWith2027 });
const pid = fixtureIds.project;
const procedureId = fixtureIds.procedure;
const text = unsafeId.text;

/** A small project signed on 2026-12-01, its application complete on Wednesday 2026-12-30. */
const signed = (): ReadonlyArray<ProjectEvent> => smallProjectSigned('2026-12-01', '2026-10-01');
const requestedAtYearEnd = (): ReadonlyArray<ProjectEvent> =>
  andThen(signed(), requestProcedure({ completeOn: date('2026-12-30') }));
const procedureEvents = (events: ReadonlyArray<ProjectEvent>) =>
  events.filter(
    (e) =>
      e.type === 'ProcedureDeadlineComputed' ||
      (e.type === 'MilestoneMissed' && e.data.kind === 'procedure-time-limit'),
  );
/** The fixture procedure's deadline, due 2027-01-05 once 2027 is adopted, as computed on a day. */
const deadlineComputed = (
  computedOn: string,
  completed: Partial<ProjectEventOf<'ProcedureDeadlineComputed'>['data']> = {},
) => ({
  type: 'ProcedureDeadlineComputed',
  data: { projectId: pid, procedureId, dueOn: '2027-01-05', calendarYear: 2027, computedOn, ...completed },
});

describe('R7 · 001 §(三)2 — a deadline in a year without an adopted schedule waits for it (DOMAIN.md §3 "Working-day calendar")', () => {
  it('a file complete on 2026-12-30 with a 3-working-day limit is pending on 2027, not due 2027-01-04 by a weekends-only guess (R7)', () => {
    const [e] = runScript([requestProcedure({ completeOn: date('2026-12-30') })], signed());
    expect((e as ProjectEventOf<'ProcedureRequested'>).data.approval).toEqual({
      level: 'district',
      workingDays: 3,
      deadline: { kind: 'pending-calendar', year: 2027 },
    });
  });

  it('while 2027 is not adopted the clock raises no R7 miss for the pending deadline, whatever the day', () => {
    const missed = runScript([recordMissedMilestones('2027-03-01')], requestedAtYearEnd());
    expect(procedureEvents(missed)).toEqual([]);
  });

  it('once 2027 is adopted the watcher computes the deadline (fixture: 元旦 01-01…01-03 → due 2027-01-05), and the due day itself is on time (R7)', () => {
    const pass = runScript([recordMissedMilestones('2027-01-05')], requestedAtYearEnd(), deciderWith2027);
    expect(procedureEvents(pass)).toEqual([deadlineComputed('2027-01-05')]);
  });

  it('a computed deadline already past is raised by the clock in the same pass, once (R7)', () => {
    const history = requestedAtYearEnd();
    const pass = runScript([recordMissedMilestones('2027-01-06')], history, deciderWith2027);
    expect(procedureEvents(pass)).toEqual([
      deadlineComputed('2027-01-06'),
      {
        type: 'MilestoneMissed',
        data: {
          projectId: pid,
          milestoneKey: `procedure:${procedureId}`,
          kind: 'procedure-time-limit',
          dueOn: '2027-01-05',
          procedureId,
          detectedOn: '2027-01-06',
        },
      },
    ]);
    const again = runScript([recordMissedMilestones('2027-01-07')], [...history, ...pass], deciderWith2027);
    expect(procedureEvents(again)).toEqual([]);
  });

  it('a procedure requested after adoption is due at once on the adopted calendar (R7)', () => {
    const [e] = runScript([requestProcedure({ completeOn: date('2026-12-30') })], signed(), deciderWith2027);
    expect((e as ProjectEventOf<'ProcedureRequested'>).data.approval).toMatchObject({
      deadline: { kind: 'due', dueOn: '2027-01-05' },
    });
  });

  it('completed on 2026-12-31, a pending procedure took 1 working day and kept its limit: countable without 2027 (R7)', () => {
    const [e] = runScript([completeProcedure({ on: date('2026-12-31') })], requestedAtYearEnd());
    expect(e).toMatchObject({
      type: 'ProcedureCompleted',
      data: { workingDaysTaken: 1, withinTimeLimit: true },
    });
  });

  it('completed in 2027 before adoption, the count waits; adoption then records the days taken and the verdict (R7)', () => {
    const history = requestedAtYearEnd();
    const completion = runScript([completeProcedure({ on: date('2027-01-04') })], history);
    expect(completion[0]!.data).not.toHaveProperty('workingDaysTaken');
    expect(completion[0]!.data).not.toHaveProperty('withinTimeLimit');
    const done = [...history, ...completion];
    expect(procedureEvents(runScript([recordMissedMilestones('2027-01-10')], done))).toEqual([]);
    const pass = runScript([recordMissedMilestones('2027-01-10')], done, deciderWith2027);
    expect(procedureEvents(pass)).toEqual([
      deadlineComputed('2027-01-10', {
        workingDaysTaken: count(2), // 12-31, 01-04
        withinTimeLimit: true,
      }),
    ]);
    const state = stateOf([...done, ...pass]);
    expect(state.status !== 'none' && state.procedures[procedureId]).toMatchObject({
      withinTimeLimit: true,
      workingDaysTaken: 2,
    });
  });
});

describe('R7 · 001 §(三)2 — waiting for the calendar never changes the deadline (property)', () => {
  it('a deadline computed after adoption is the one a request made after adoption gets, whatever the day and limit (R7)', () => {
    fc.assert(
      fc.property(arbBusinessDate('2026-12-02', '2026-12-31'), fc.boolean(), (completeOn, special) => {
        const request = requestProcedure({ completeOn, special });
        const waited = andThen(signed(), request);
        const pass = runScript([recordMissedMilestones('2027-02-01')], waited, deciderWith2027);
        const direct = runScript(
          [request],
          signed(),
          deciderWith2027,
        )[0] as ProjectEventOf<'ProcedureRequested'>;
        const requested = waited.at(-1) as ProjectEventOf<'ProcedureRequested'>;
        const dueOf = (a: ProjectEventOf<'ProcedureRequested'>['data']['approval']) =>
          a.level === 'district' && a.deadline.kind === 'due' ? a.deadline.dueOn : undefined;
        const computed = pass.find((e) => e.type === 'ProcedureDeadlineComputed');
        const eventual =
          computed?.type === 'ProcedureDeadlineComputed'
            ? computed.data.dueOn
            : dueOf(requested.data.approval);
        expect(eventual).toBe(dueOf(direct.data.approval));
        // Pending exactly when the packaged calendar could not count it.
        expect(computed !== undefined).toBe(dueOf(requested.data.approval) === undefined);
      }),
      { numRuns: 60 },
    );
  });
});

describe('R7 · 001 §(三)2 — the 3/10-day limit binds the district’s own approvals; higher-level ones are followed up (跟踪办结)', () => {
  const higher = () =>
    requestProcedure({
      completeOn: date('2026-12-02'),
      approvalLevel: 'higher-level',
      authority: text('市自然资源和规划局'),
    });

  it('a procedure without an approval level is the district’s own, with the 3-working-day limit (R7)', () => {
    const [e] = runScript([requestProcedure({ completeOn: date('2026-12-02') })], signed());
    expect((e as ProjectEventOf<'ProcedureRequested'>).data.approval).toEqual({
      level: 'district',
      workingDays: 3,
      deadline: { kind: 'due', dueOn: '2026-12-07' },
    });
  });

  it('a procedure reported to a higher authority is recorded with its level and authority, without a time limit (R7)', () => {
    const [e] = runScript([higher()], signed());
    expect((e as ProjectEventOf<'ProcedureRequested'>).data).toMatchObject({
      completeOn: '2026-12-02',
      approval: { level: 'higher-level', authority: '市自然资源和规划局' },
    });
  });

  it('a higher-level procedure still open months later raises no R7 miss', () => {
    const history = andThen(signed(), higher());
    expect(
      procedureEvents(runScript([recordMissedMilestones('2027-06-30')], history, deciderWith2027)),
    ).toEqual([]);
  });

  it('a higher-level procedure is tracked to completion with its dates: completed on, working days taken, no limit verdict (R7)', () => {
    const history = andThen(signed(), higher());
    const [e] = runScript([completeProcedure({ on: date('2026-12-18') })], history);
    expect(e).toMatchObject({ type: 'ProcedureCompleted', data: { on: '2026-12-18', workingDaysTaken: 12 } });
    expect(e!.data).not.toHaveProperty('withinTimeLimit');
  });

  it('a district procedure naming a higher authority is refused (R7)', () => {
    packagedOnly
      .given(signed())
      .when(requestProcedure({ completeOn: date('2026-12-02'), authority: text('市发展改革委') }))
      .thenFails('AUTHORITY_FOR_DISTRICT_PROCEDURE');
  });

  it('the same procedure id requested again at another approval level is a conflict, not a silent change (R7)', () => {
    const history = andThen(signed(), higher());
    packagedOnly
      .given(history)
      .when(requestProcedure({ completeOn: date('2026-12-02') }))
      .thenFails('PROCEDURE_ID_CONFLICT');
  });

  it('a ProcedureRequested stored at schema version 1 reads as the district’s own approval due on its dueOn (R7)', () => {
    const read = readProjectEvent({
      type: 'ProcedureRequested',
      version: 1,
      data: {
        projectId: pid,
        procedureId,
        kind: 'environmental-assessment',
        department: 'ecology-environment',
        completeOn: '2024-09-27',
        special: false,
        timeLimitDays: 3,
        dueOn: '2024-10-08',
      },
    });
    expect(read).toMatchObject({
      _tag: 'Right',
      right: {
        type: 'ProcedureRequested',
        data: {
          approval: { level: 'district', workingDays: 3, deadline: { kind: 'due', dueOn: '2024-10-08' } },
        },
      },
    });
    expect(read._tag === 'Right' && read.right.data).not.toHaveProperty('dueOn');
  });
});
