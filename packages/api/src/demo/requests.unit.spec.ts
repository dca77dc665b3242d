import {
  AssignRequest,
  CloseRequest,
  EvaluateRequest,
  HandleRequest,
  ReceiveRequest,
  date,
  enterpriseRequestDecider as decider,
  officialCalendar,
  requestOverdueOn,
  type EnterpriseRequestState,
} from '@zhaoshang/domain';
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { decodeOrThrow } from '../http/decode';
import { demoRequestSteps } from './requests';
import { DEMO_TODAY, demoLayout, demoRegionScript, factDatesOfStep } from './seed';

const REQUEST_COMMANDS = new Set([
  'ReceiveRequest',
  'AssignRequest',
  'HandleRequest',
  'EvaluateRequest',
  'CloseRequest',
]);

/** A command of an enterprise request, decoded as a request's would be. */
const RequestCommand = t.union([ReceiveRequest, AssignRequest, HandleRequest, EvaluateRequest, CloseRequest]);

/** Each demo request's state after its steps, decided by the domain's rules in order. */
const statesOf = (steps: ReturnType<typeof demoRequestSteps>): Map<string, EnterpriseRequestState> => {
  const states = new Map<string, EnterpriseRequestState>();
  for (const step of steps) {
    const command = decodeOrThrow(RequestCommand, step.command);
    const before = states.get(command.requestId) ?? decider.initialState;
    const decided = decider.decide(command, before);
    if (E.isLeft(decided)) throw new Error(`${command.type} ${command.requestId}: ${decided.left.code}`);
    states.set(command.requestId, decided.right.reduce(decider.evolve, before));
  }
  return states;
};

describe('the demo region’s enterprise requests (004 §(十二) 诉求闭环; R17)', () => {
  const steps = demoRegionScript().filter((s) => REQUEST_COMMANDS.has(s.command.type));

  it('are all in the script, dated on or before the demo’s today, and accepted by the rules in order (R17)', () => {
    expect(steps).toHaveLength(demoRequestSteps(demoLayout(DEMO_TODAY)).length);
    expect(steps.flatMap(factDatesOfStep).filter((d) => d.date > DEMO_TODAY)).toEqual([]);
    expect(statesOf(steps).size).toBe(8);
  });

  it('show every state of the loop, two past their 交办 limit on the demo’s today and one closed after a reopening (R17)', () => {
    const states = [...statesOf(steps).values()];
    expect(new Set(states.map((s) => s.status))).toEqual(
      new Set(['received', 'assigned', 'handled', 'satisfied', 'closed']),
    );
    const overdue = states.filter(
      (s) => requestOverdueOn(s, date(DEMO_TODAY), officialCalendar).kind === 'overdue',
    );
    expect(overdue.map((s) => (s.status === 'none' ? '' : s.requestId)).sort()).toEqual([
      'SQ-2024-004',
      'SQ-2024-005',
    ]);
    expect(states.some((s) => s.status === 'closed' && s.rounds.length === 2)).toBe(true);
  });
});
