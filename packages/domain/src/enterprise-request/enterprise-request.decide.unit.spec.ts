/**
 * Enterprise requests and complaints (R17), checked against the seeds:
 * - 001 §二: "及时受理和办结投资企业投诉事宜";
 * - 004 §(十二): "建立健全企业诉求闭环处理机制，形成事前收集梳理、事中研究交办、事后跟踪评价的工作流程".
 * Time limits count working days on the official calendar (R7's calendar, 001 §(三)2).
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { describeError } from '../errors';
import { date, type Year } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import type { Count } from '../shared/money';
import { calendarOfSchedules, officialCalendar, packagedSchedules } from '../shared/working-days';
import { spec } from '../testing/decider-spec';
import {
  arbEnterpriseRequestCommand,
  arbEnterpriseRequestLife,
} from '../testing/enterprise-request.arbitraries';
import { TEST_FIXTURE_SCHEDULE_2027 } from '../testing/working-calendar.fixtures';
import {
  defaultEnterpriseRequestPolicy,
  EnterpriseRequestEventCodec,
  enterpriseRequestDecider,
  enterpriseRequestErrors,
  makeEnterpriseRequestDecider,
  requestOverdueOn,
  type AssignRequest,
  type CloseRequest,
  type EnterpriseRequestCommand,
  type EnterpriseRequestEvent,
  type EnterpriseRequestState,
  type EvaluateRequest,
  type HandleRequest,
  type ReceiveRequest,
} from './index';

const requestId = unsafeId.request('SQ-2024-001');
const round = (n: number) => n as Count;

const receive = (o: Partial<ReceiveRequest> = {}): ReceiveRequest => ({
  type: 'ReceiveRequest',
  requestId,
  unitId: unsafeId.unit('kaifaqu'),
  kind: 'complaint',
  enterprise: { name: unsafeId.text('某新能源科技有限公司'), projectId: unsafeId.project('XM-1') },
  channel: 'service-window',
  category: 'infrastructure',
  text: unsafeId.text('厂区双回路供电迟迟未接入，影响设备调试'),
  evidence: [],
  receivedOn: date('2024-04-01'),
  receivedBy: unsafeId.text('企业服务中心窗口'),
  ...o,
});
const assign = (o: Partial<AssignRequest> = {}): AssignRequest => ({
  type: 'AssignRequest',
  requestId,
  department: 'development-reform',
  assignedOn: date('2024-04-02'),
  assignedBy: unsafeId.text('区营商办'),
  ...o,
});
const handle = (o: Partial<HandleRequest> = {}): HandleRequest => ({
  type: 'HandleRequest',
  requestId,
  answer: unsafeId.text('已协调供电公司，4月15日完成接入'),
  evidence: [],
  handledOn: date('2024-04-15'),
  handledBy: unsafeId.text('区发改局'),
  ...o,
});
const evaluate = (o: Partial<EvaluateRequest> = {}): EvaluateRequest => ({
  type: 'EvaluateRequest',
  requestId,
  round: round(1),
  satisfied: true,
  evaluatedOn: date('2024-04-16'),
  evaluatedBy: unsafeId.text('企业联系人'),
  ...o,
});
const close = (o: Partial<CloseRequest> = {}): CloseRequest => ({
  type: 'CloseRequest',
  requestId,
  closedOn: date('2024-04-17'),
  closedBy: unsafeId.text('区营商办'),
  ...o,
});

const decider = enterpriseRequestDecider;
/** The events a command records on a history (the decider's own answers, so the givens are reachable). */
const eventsOf = (
  commands: ReadonlyArray<EnterpriseRequestCommand>,
): ReadonlyArray<EnterpriseRequestEvent> => {
  const out: EnterpriseRequestEvent[] = [];
  for (const c of commands) {
    const r = decider.decide(c, out.reduce(decider.evolve, decider.initialState));
    if (E.isLeft(r)) throw new Error(`fixture refused: ${r.left.code}`);
    out.push(...r.right);
  }
  return out;
};
const stateOf = (commands: ReadonlyArray<EnterpriseRequestCommand>): EnterpriseRequestState =>
  eventsOf(commands).reduce(decider.evolve, decider.initialState);

const received = eventsOf([receive()]);
const assigned = eventsOf([receive(), assign()]);
const handled = eventsOf([receive(), assign(), handle()]);
const satisfied = eventsOf([receive(), assign(), handle(), evaluate()]);

describe('受理 (001 §二 "及时受理和办结投资企业投诉事宜") (R17)', () => {
  it('a complaint is received with its enterprise, project, channel, category, text and evidence (R17)', () => {
    const { type: _type, ...data } = receive();
    spec(decider)
      .given([])
      .when(receive())
      .then([{ type: 'RequestReceived', data }]);
  });

  it('requireNotReceived: an id already received with other content is refused; the same receipt is a repeat (R17)', () => {
    spec(decider)
      .given(received)
      .when(receive({ text: unsafeId.text('另一件事') }))
      .thenFails('REQUEST_ALREADY_RECEIVED', { requestId });
    spec(decider).given(received).when(receive()).thenNothingHappens();
  });

  it('requireReceived: a request that was never received cannot be handed out (R17)', () => {
    spec(decider).given([]).when(assign()).thenFails('REQUEST_NOT_FOUND', { requestId });
  });
});

describe('交办 (004 §(十二) "事中研究交办") (R17)', () => {
  it('a request is handed to a department with the policy’s limit: 10 working days from 2024-04-02 end on 2024-04-17 (清明 4-4…4-6 off, Sunday 4-7 worked) (R17)', () => {
    // Worked by hand: 4-3 (1), 4-7 调休 (2), 4-8…4-12 (3–7), 4-15…4-17 (8–10).
    spec(decider)
      .given(received)
      .when(assign())
      .thenMatches([
        {
          type: 'RequestAssigned',
          data: {
            department: 'development-reform',
            limit: { workingDays: 10, deadline: { kind: 'due', dueOn: '2024-04-17' } },
          },
        },
      ]);
  });

  it('requireUnassigned: a request already with a department is not handed to another; the same assignment is a repeat (R17)', () => {
    spec(decider)
      .given(assigned)
      .when(assign({ department: 'natural-resources-planning' }))
      .thenFails('REQUEST_ALREADY_ASSIGNED', { department: 'development-reform' });
    spec(decider).given(assigned).when(assign()).thenNothingHappens();
  });

  it('requireStepInOrder: a request is not handed out before the day it was received (R17)', () => {
    spec(decider)
      .given(received)
      .when(assign({ assignedOn: date('2024-03-29') }))
      .thenFails('REQUEST_STEP_OUT_OF_ORDER', { field: 'assignedOn', after: '2024-04-01' });
  });

  it('a limit that reaches a year whose holiday schedule is not adopted is pending, never guessed (R7, R17)', () => {
    spec(decider)
      .given(eventsOf([receive({ receivedOn: date('2026-12-28') })]))
      .when(assign({ assignedOn: date('2026-12-28') }))
      .thenMatches([
        { type: 'RequestAssigned', data: { limit: { deadline: { kind: 'pending-calendar', year: 2027 } } } },
      ]);
  });
});

describe('办结答复 (001 §二 "办结") (R17)', () => {
  it('requireAssigned: an answer to a request no department holds is refused (R17)', () => {
    spec(decider).given(received).when(handle()).thenFails('REQUEST_NOT_ASSIGNED', { status: 'received' });
  });

  it('an answer on the due day is within the limit: 10 working days taken (R17)', () => {
    spec(decider)
      .given(assigned)
      .when(handle({ handledOn: date('2024-04-17') }))
      .thenMatches([
        { type: 'RequestHandled', data: { round: 1, workingDaysTaken: 10, withinTimeLimit: true } },
      ]);
  });

  it('an answer after the due day is recorded as late (R17)', () => {
    spec(decider)
      .given(assigned)
      .when(handle({ handledOn: date('2024-04-18') }))
      .thenMatches([{ type: 'RequestHandled', data: { workingDaysTaken: 11, withinTimeLimit: false } }]);
  });

  it('the same answer again is a repeat; an answer dated before the assignment is refused (R17)', () => {
    spec(decider).given(handled).when(handle()).thenNothingHappens();
    spec(decider)
      .given(assigned)
      .when(handle({ handledOn: date('2024-04-01') }))
      .thenFails('REQUEST_STEP_OUT_OF_ORDER', { field: 'handledOn' });
  });
});

describe('事后跟踪评价 (004 §(十二)) (R17)', () => {
  it('requireHandled: the enterprise cannot evaluate before the department has answered (R17)', () => {
    spec(decider)
      .given(assigned)
      .when(evaluate())
      .thenFails('REQUEST_NOT_HANDLED', { round: 1, status: 'assigned' });
  });

  it('a satisfied enterprise leaves the request to be closed (R17)', () => {
    const state = spec(decider).given(handled).when(evaluate()).thenState();
    expect(state.status).toBe('satisfied');
  });

  it('an unsatisfied enterprise reopens the request with a new limit of 10 working days from its evaluation (R17)', () => {
    // From 2024-04-16: 4-17…4-19 (1–3), 4-22…4-26 (4–8), 4-28 Sunday 调休 (9), 4-29 (10).
    spec(decider)
      .given(handled)
      .when(evaluate({ satisfied: false }))
      .thenMatches([
        { type: 'RequestEvaluated', data: { round: 1, satisfied: false } },
        {
          type: 'RequestReopened',
          data: {
            round: 2,
            reopenedOn: '2024-04-16',
            limit: { deadline: { kind: 'due', dueOn: '2024-04-29' } },
          },
        },
      ]);
  });

  it('an evaluation of a round already evaluated differently is refused; the same one is a repeat (R17)', () => {
    const reopened = eventsOf([receive(), assign(), handle(), evaluate({ satisfied: false })]);
    spec(decider)
      .given(reopened)
      .when(evaluate({ satisfied: false }))
      .thenNothingHappens();
    spec(decider)
      .given(reopened)
      .when(evaluate({ satisfied: true }))
      .thenFails('REQUEST_ALREADY_EVALUATED', { round: 1 });
  });

  it('after a reopening the second answer is evaluated as round 2 (R17)', () => {
    const second = eventsOf([
      receive(),
      assign(),
      handle(),
      evaluate({ satisfied: false }),
      handle({ answer: unsafeId.text('供电已接入并验收'), handledOn: date('2024-04-22') }),
    ]);
    spec(decider)
      .given(second)
      .when(evaluate({ round: round(1), satisfied: false }))
      .thenNothingHappens();
    spec(decider)
      .given(second)
      .when(evaluate({ round: round(2), evaluatedOn: date('2024-04-23') }))
      .thenMatches([{ type: 'RequestEvaluated', data: { round: 2, satisfied: true } }]);
  });
});

describe('闭环 (004 §(十二) 诉求闭环处理) (R17)', () => {
  it('requireSatisfied: a request the enterprise is not satisfied with cannot be closed (R17)', () => {
    spec(decider).given(handled).when(close()).thenFails('REQUEST_NOT_SATISFIED', { status: 'handled' });
  });

  it('a request the enterprise is satisfied with is closed; closing again the same day is a repeat (R17)', () => {
    const { type: _type, ...data } = close();
    spec(decider)
      .given(satisfied)
      .when(close())
      .then([{ type: 'RequestClosed', data }]);
    spec(decider)
      .given(eventsOf([receive(), assign(), handle(), evaluate(), close()]))
      .when(close())
      .thenNothingHappens();
  });

  it('requireOpen: a closed request accepts no further step (R17)', () => {
    const closed = eventsOf([receive(), assign(), handle(), evaluate(), close()]);
    spec(decider)
      .given(closed)
      .when(handle({ handledOn: date('2024-04-18') }))
      .thenFails('REQUEST_CLOSED', { closedOn: '2024-04-17' });
    spec(decider)
      .given(closed)
      .when(close({ closedOn: date('2024-04-18') }))
      .thenFails('REQUEST_CLOSED');
  });
});

describe('overdue detection: a pure question of the state, the day and the calendar (R17)', () => {
  const state = stateOf([receive(), assign()]);

  it('is not due on the due day, and 3 working days overdue on 2024-04-22 (4-18, 4-19, 4-22) (R17)', () => {
    expect(requestOverdueOn(state, date('2024-04-17'), officialCalendar)).toEqual({ kind: 'not-due' });
    expect(requestOverdueOn(state, date('2024-04-22'), officialCalendar)).toEqual({
      kind: 'overdue',
      dueOn: '2024-04-17',
      workingDaysOverdue: 3,
    });
  });

  it('an answered request is not overdue, whatever the day (R17)', () => {
    expect(
      requestOverdueOn(stateOf([receive(), assign(), handle()]), date('2024-06-01'), officialCalendar),
    ).toEqual({
      kind: 'not-due',
    });
  });

  it('a pending limit is counted once the year’s schedule is adopted (fixture 2027 schedule, not the official one) (R7, R17)', () => {
    const pending = stateOf([
      receive({ receivedOn: date('2026-12-28') }),
      assign({ assignedOn: date('2026-12-28') }),
    ]);
    expect(requestOverdueOn(pending, date('2027-02-01'), officialCalendar)).toEqual({
      kind: 'pending-calendar',
      year: 2027,
    });
    const adopted = calendarOfSchedules([...packagedSchedules, TEST_FIXTURE_SCHEDULE_2027]);
    // 12-29…12-31 (1–3), fixture 1-1…1-3 off, 1-4…1-8 (4–8), 1-11 (9), 1-12 (10); then 1-13, 1-14 late.
    expect(requestOverdueOn(pending, date('2027-01-14'), adopted)).toEqual({
      kind: 'overdue',
      dueOn: '2027-01-12',
      workingDaysOverdue: 2,
    });
  });

  it('a region’s own limits are data: 5 working days for land requests end on 2024-04-10 (R17)', () => {
    const quick = makeEnterpriseRequestDecider({
      policy: {
        ...defaultEnterpriseRequestPolicy,
        timeLimits: { ...defaultEnterpriseRequestPolicy.timeLimits, land: 5 },
      },
    });
    spec(quick)
      .given(eventsOf([receive({ category: 'land' })]))
      .when(assign())
      .thenMatches([
        { type: 'RequestAssigned', data: { limit: { workingDays: 5, deadline: { dueOn: '2024-04-10' } } } },
      ]);
  });
});

describe('a limit waiting for a year’s holiday schedule is counted by the watcher once it is adopted (004 §(十二) 事中研究交办, R7’s calendar) (R17)', () => {
  const adopted = calendarOfSchedules([...packagedSchedules, TEST_FIXTURE_SCHEDULE_2027]);
  const onAdopted = makeEnterpriseRequestDecider({ calendar: adopted });
  const compute = (today: string): EnterpriseRequestCommand => ({
    type: 'ComputeRequestDeadlines',
    requestId,
    today: date(today),
  });
  const pending = eventsOf([
    receive({ receivedOn: date('2026-12-28') }),
    assign({ assignedOn: date('2026-12-28') }),
  ]);

  it('decideComputeRequestDeadlines: once 2027 is adopted, 10 working days from 2026-12-28 end on 2027-01-12 (R17)', () => {
    // Worked by hand on the fixture schedule: 12-29…12-31 (1–3), 1-1…1-3 off, 1-4…1-8 (4–8), 1-11 (9), 1-12 (10).
    spec(onAdopted)
      .given(pending)
      .when(compute('2027-01-05'))
      .then([
        {
          type: 'RequestDeadlineComputed',
          data: {
            requestId,
            round: round(1),
            dueOn: date('2027-01-12'),
            calendarYear: 2027 as Year,
            computedOn: date('2027-01-05'),
          },
        },
      ]);
  });

  it('decideComputeRequestDeadlines: nothing is guessed while 2027 is not adopted, and a limit counted already is not counted again (R17)', () => {
    spec(decider).given(pending).when(compute('2027-01-05')).thenNothingHappens();
    const once = onAdopted.decide(
      compute('2027-01-05'),
      pending.reduce(onAdopted.evolve, onAdopted.initialState),
    );
    const after = E.isRight(once) ? [...pending, ...once.right] : pending;
    spec(onAdopted).given(after).when(compute('2027-01-06')).thenNothingHappens();
  });

  it('decideComputeRequestDeadlines: an answer given while the limit was pending is judged when it is counted: 2027-01-13 is late by the fixture schedule (R17)', () => {
    const answered = eventsOf([
      receive({ receivedOn: date('2026-12-28') }),
      assign({ assignedOn: date('2026-12-28') }),
      handle({ handledOn: date('2027-01-13') }),
    ]);
    expect(answered[answered.length - 1]).toMatchObject({ type: 'RequestHandled' });
    expect(answered[answered.length - 1]?.data).not.toHaveProperty('withinTimeLimit');
    spec(onAdopted)
      .given(answered)
      .when(compute('2027-01-14'))
      .thenMatches([
        {
          type: 'RequestDeadlineComputed',
          data: { round: 1, dueOn: '2027-01-12', workingDaysTaken: 11, withinTimeLimit: false },
        },
      ]);
  });

  it('decideComputeRequestDeadlines: the count needs a received request (requireReceived) (R17)', () => {
    spec(onAdopted).given([]).when(compute('2027-01-05')).thenFails('REQUEST_NOT_FOUND', { requestId });
  });
});

describe('properties of the enterprise-request decider (R17)', () => {
  const arbHistory = fc.oneof(
    fc.array(arbEnterpriseRequestCommand(requestId), { minLength: 1, maxLength: 25 }),
    arbEnterpriseRequestLife(requestId),
  );

  it('evolve accepts whatever decide emits, the events decode, and a repeated command emits nothing (R17)', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(arbHistory, (commands) => {
        let state = decider.initialState;
        for (const c of commands) {
          const r = decider.decide(c, state);
          if (E.isLeft(r)) {
            expect(Object.keys(enterpriseRequestErrors)).toContain(r.left.code);
            continue;
          }
          for (const e of r.right)
            expect(EnterpriseRequestEventCodec.decode(JSON.parse(JSON.stringify(e)))).toEqual(E.right(e));
          state = r.right.reduce(decider.evolve, state);
          reached.add(state.status);
          if (r.right.length > 0) expect(decider.decide(c, state)).toEqual(E.right([]));
        }
      }),
      { numRuns: 300 },
    );
    expect([...reached].sort()).toEqual(['assigned', 'closed', 'handled', 'received', 'satisfied']);
  });

  it('every refusal has a message in both languages (R17)', () => {
    const refusal = decider.decide(close(), stateOf([receive()]));
    expect(E.isLeft(refusal) && describeError(refusal.left, 'zh')).toContain('尚未对诉求');
    expect(E.isLeft(refusal) && describeError(refusal.left, 'en')).toContain('not said it is satisfied');
  });
});
