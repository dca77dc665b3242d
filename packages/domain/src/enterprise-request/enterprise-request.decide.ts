/**
 * The enterprise-request decider (R17): the closed loop of 004 §(十二) "建立健全企业诉求闭环处理机制，
 * 形成事前收集梳理、事中研究交办、事后跟踪评价的工作流程" and 001 §二 "及时受理和办结投资企业投诉事宜".
 * `decide` dispatches each command to its own function; each rule is a named check below.
 */
import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import type { BusinessDate } from '../shared/dates';
import type { Decider } from '../shared/decider';
import { domainError, type DomainError, type ErrorParams } from '../shared/errors';
import { all, same, withoutType } from '../shared/decision';
import { assertNever } from '../shared/exhaustive';
import { count, type Count } from '../shared/money';
import {
  addWorkingDays,
  officialCalendar,
  workingDaysBetween,
  type WorkingDayCalendar,
} from '../shared/working-days';
import type {
  AssignRequest,
  CloseRequest,
  ComputeRequestDeadlines,
  EnterpriseRequestCommand,
  EvaluateRequest,
  HandleRequest,
  ReceiveRequest,
} from './enterprise-request.commands';
import type { EnterpriseRequestErrorCode } from './enterprise-request.errors';
import type { EnterpriseRequestEvent, HandlingDeadline } from './enterprise-request.events';
import { evolveEnterpriseRequest } from './enterprise-request.evolve';
import { defaultEnterpriseRequestPolicy, type EnterpriseRequestPolicy } from './enterprise-request.policy';
import {
  currentRound,
  initialEnterpriseRequestState,
  type EnterpriseRequest,
  type EnterpriseRequestState,
  type HandlingRound,
} from './enterprise-request.state';

type Decision = Either<DomainError, ReadonlyArray<EnterpriseRequestEvent>>;
type Check = Either<DomainError, true>;

/** What an enterprise-request decider needs from outside: the working-day calendar and the time limits. */
export interface EnterpriseRequestDeciderDeps {
  readonly calendar: WorkingDayCalendar;
  readonly policy: EnterpriseRequestPolicy;
}

/** A refusal with a code of the catalogue (a code missing there fails to compile). */
const refuse = (code: EnterpriseRequestErrorCode, params: ErrorParams = {}): Either<DomainError, never> =>
  E.left(domainError(code, params));

const ok: Check = E.right(true);
const nothing: Decision = E.right([]);

/** A time limit counted from `from` on the calendar (pending while it reaches a year not adopted yet). */
export const handlingDeadline = (
  calendar: WorkingDayCalendar,
  from: BusinessDate,
  days: number,
): HandlingDeadline => ({
  workingDays: count(days),
  deadline: addWorkingDays(calendar, from, days),
});

/** 001 §二 "及时受理": a request id names one request; receiving it again with other content is refused. */
export const requireNotReceived = (s: EnterpriseRequestState, c: ReceiveRequest): Check =>
  s.status === 'none' ? ok : refuse('REQUEST_ALREADY_RECEIVED', { requestId: c.requestId });

/** 004 §(十二): every later step acts on a request that was received (事前收集梳理 comes first). */
export const requireReceived = (
  s: EnterpriseRequestState,
  requestId: string,
): Either<DomainError, EnterpriseRequest> =>
  s.status === 'none' ? refuse('REQUEST_NOT_FOUND', { requestId }) : E.right(s);

/** 004 §(十二) 闭环: a closed request accepts no further step. */
export const requireOpen = (s: EnterpriseRequest): Check =>
  s.status === 'closed'
    ? refuse('REQUEST_CLOSED', { requestId: s.requestId, closedOn: s.closedOn ?? '' })
    : ok;

/** 004 §(十二) 事中研究交办: a request is handed out once; an unsatisfied one goes back to the same department. */
export const requireUnassigned = (s: EnterpriseRequest): Check =>
  s.status === 'received'
    ? ok
    : refuse('REQUEST_ALREADY_ASSIGNED', { requestId: s.requestId, department: s.department ?? '' });

/** 004 §(十二): only a request handed to a department (交办) and not yet answered can be answered. */
export const requireAssigned = (s: EnterpriseRequest): Check =>
  s.status === 'assigned' ? ok : refuse('REQUEST_NOT_ASSIGNED', { requestId: s.requestId, status: s.status });

/** 004 §(十二) 事后跟踪评价: the enterprise evaluates the current round's answer, once it is given. */
export const requireHandled = (s: EnterpriseRequest, round: Count): Check =>
  s.status === 'handled' && currentRound(s)?.round === round
    ? ok
    : refuse('REQUEST_NOT_HANDLED', {
        requestId: s.requestId,
        round,
        current: currentRound(s)?.round ?? 0,
        status: s.status,
      });

/** 004 §(十二) 闭环: a request is closed only when the enterprise is satisfied (unsatisfied reopens it). */
export const requireSatisfied = (s: EnterpriseRequest): Check =>
  s.status === 'satisfied'
    ? ok
    : refuse('REQUEST_NOT_SATISFIED', { requestId: s.requestId, status: s.status });

/** The steps of the loop follow each other in time: a step is never dated before the previous one. */
export const requireStepInOrder = (
  field: string,
  on: BusinessDate,
  after: BusinessDate | undefined,
): Check =>
  after === undefined || on >= after ? ok : refuse('REQUEST_STEP_OUT_OF_ORDER', { field, on, after });

/** 受理 (001 §二): a new request; the same receipt again is harmless. */
export const decideReceiveRequest = (c: ReceiveRequest, s: EnterpriseRequestState): Decision => {
  if (s.status !== 'none' && same(s.receipt, withoutType(c))) return nothing;
  return E.map(() => [{ type: 'RequestReceived', data: withoutType(c) } as const])(requireNotReceived(s, c));
};

/** 交办 (004 §(十二)): to one department, with the policy's time limit for the category, counted in working days. */
export const decideAssignRequest = (
  c: AssignRequest,
  s: EnterpriseRequest,
  { calendar, policy }: EnterpriseRequestDeciderDeps,
): Decision => {
  if (s.status !== 'received' && s.department === c.department && s.assignedOn === c.assignedOn)
    return nothing;
  return E.map((): ReadonlyArray<EnterpriseRequestEvent> => [
    {
      type: 'RequestAssigned',
      data: {
        ...withoutType(c),
        limit: handlingDeadline(calendar, c.assignedOn, policy.timeLimits[s.category]),
      },
    },
  ])(
    all(
      () => requireOpen(s),
      () => requireUnassigned(s),
      () => requireStepInOrder('assignedOn', c.assignedOn, s.receivedOn),
    ),
  );
};

/** R7's calendar: whether an answer given on `on` kept the round's limit; undefined while it cannot be known. */
const keptLimit = (
  round: HandlingRound,
  on: BusinessDate,
  calendar: WorkingDayCalendar,
): { readonly workingDaysTaken?: Count; readonly withinTimeLimit?: boolean } => {
  const taken = workingDaysBetween(calendar, round.since, on);
  const { deadline, workingDays } = round.limit;
  const within =
    deadline.kind === 'due'
      ? on <= deadline.dueOn
      : taken.kind === 'counted'
        ? taken.days <= workingDays
        : undefined;
  return {
    ...(taken.kind === 'counted' ? { workingDaysTaken: count(taken.days) } : {}),
    ...(within !== undefined ? { withinTimeLimit: within } : {}),
  };
};

/** 办结答复: the department's answer to the current round, with whether it kept the time limit. */
export const decideHandleRequest = (
  c: HandleRequest,
  s: EnterpriseRequest,
  { calendar }: EnterpriseRequestDeciderDeps,
): Decision => {
  const round = currentRound(s);
  const answered = round?.answer;
  if (s.status === 'handled' && answered?.answer === c.answer && answered.on === c.handledOn) return nothing;
  return E.flatMap(
    all(
      () => requireOpen(s),
      () => requireAssigned(s),
      () => requireStepInOrder('handledOn', c.handledOn, round?.since),
    ),
    (): Decision =>
      round === undefined
        ? refuse('REQUEST_NOT_ASSIGNED', { requestId: s.requestId, status: s.status })
        : E.right([
            {
              type: 'RequestHandled',
              data: { ...withoutType(c), round: round.round, ...keptLimit(round, c.handledOn, calendar) },
            },
          ]),
  );
};

/**
 * 事后跟踪评价 (004 §(十二)): the enterprise's word on one answer. Satisfied, the request awaits closing;
 * not satisfied, it goes back to the same department with a new time limit (a new round).
 */
export const decideEvaluateRequest = (
  c: EvaluateRequest,
  s: EnterpriseRequest,
  { calendar, policy }: EnterpriseRequestDeciderDeps,
): Decision => {
  const evaluated = s.rounds.find((r) => r.round === c.round)?.evaluation;
  if (evaluated !== undefined) {
    return evaluated.satisfied === c.satisfied && evaluated.on === c.evaluatedOn
      ? nothing
      : refuse('REQUEST_ALREADY_EVALUATED', { requestId: s.requestId, round: c.round });
  }
  return E.map((): ReadonlyArray<EnterpriseRequestEvent> => {
    const evaluation: EnterpriseRequestEvent = { type: 'RequestEvaluated', data: withoutType(c) };
    if (c.satisfied) return [evaluation];
    return [
      evaluation,
      {
        type: 'RequestReopened',
        data: {
          requestId: c.requestId,
          round: count(c.round + 1),
          reopenedOn: c.evaluatedOn,
          limit: handlingDeadline(calendar, c.evaluatedOn, policy.reopenedTimeLimit),
        },
      },
    ];
  })(
    all(
      () => requireOpen(s),
      () => requireHandled(s, c.round),
      () => requireStepInOrder('evaluatedOn', c.evaluatedOn, currentRound(s)?.answer?.on),
    ),
  );
};

/** 闭环: closed once the enterprise is satisfied; closing again on the same day is harmless. */
export const decideCloseRequest = (c: CloseRequest, s: EnterpriseRequest): Decision => {
  if (s.status === 'closed' && s.closedOn === c.closedOn) return nothing;
  return E.map((): ReadonlyArray<EnterpriseRequestEvent> => [
    { type: 'RequestClosed', data: withoutType(c) },
  ])(
    all(
      () => requireOpen(s),
      () => requireSatisfied(s),
      () => requireStepInOrder('closedOn', c.closedOn, currentRound(s)?.evaluation?.on),
    ),
  );
};

/**
 * R7's calendar (DOMAIN.md §3 "Working-day calendar") for R17: the rounds whose time limit waited
 * for a year's official holiday schedule and can be counted now that the calendar covers it; for a
 * round already answered, whether its answer kept the limit. Issued with the deadline watcher's
 * pass; a limit counted already, or still waiting, emits nothing (a repeat is harmless).
 */
export const decideComputeRequestDeadlines = (
  c: ComputeRequestDeadlines,
  s: EnterpriseRequest,
  { calendar }: EnterpriseRequestDeciderDeps,
): Decision =>
  E.right(
    s.rounds.flatMap((r): ReadonlyArray<EnterpriseRequestEvent> => {
      if (r.limit.deadline.kind !== 'pending-calendar') return [];
      const deadline = addWorkingDays(calendar, r.since, r.limit.workingDays);
      if (deadline.kind !== 'due') return []; // still waiting (for this or a later year)
      const answered = r.answer;
      const taken = answered === undefined ? undefined : workingDaysBetween(calendar, r.since, answered.on);
      return [
        {
          type: 'RequestDeadlineComputed',
          data: {
            requestId: s.requestId,
            round: r.round,
            dueOn: deadline.dueOn,
            calendarYear: r.limit.deadline.year,
            computedOn: c.today,
            ...(taken?.kind === 'counted' ? { workingDaysTaken: count(taken.days) } : {}),
            ...(answered !== undefined && answered.withinTimeLimit === undefined
              ? { withinTimeLimit: answered.on <= deadline.dueOn }
              : {}),
          },
        },
      ];
    }),
  );

/** Each command to its own function. */
const decideWith =
  (deps: EnterpriseRequestDeciderDeps) =>
  (command: EnterpriseRequestCommand, state: EnterpriseRequestState): Decision => {
    if (command.type === 'ReceiveRequest') return decideReceiveRequest(command, state);
    const found = requireReceived(state, command.requestId);
    if (E.isLeft(found)) return found;
    const s = found.right;
    switch (command.type) {
      case 'AssignRequest':
        return decideAssignRequest(command, s, deps);
      case 'HandleRequest':
        return decideHandleRequest(command, s, deps);
      case 'EvaluateRequest':
        return decideEvaluateRequest(command, s, deps);
      case 'CloseRequest':
        return decideCloseRequest(command, s);
      case 'ComputeRequestDeadlines':
        return decideComputeRequestDeadlines(command, s, deps);
      default:
        return assertNever(command);
    }
  };

/** Whether a request is overdue on a day, and by how many working days (the supervision list's question). */
export type RequestOverdue =
  | { readonly kind: 'not-due' }
  | { readonly kind: 'overdue'; readonly dueOn: BusinessDate; readonly workingDaysOverdue: Count }
  | { readonly kind: 'pending-calendar'; readonly year: number };

/**
 * R17 with R7's calendar: a request with a department (交办) and no answer yet is overdue on `on` when
 * its round's due date has passed, by the working days after the due date up to `on`. A pure
 * function of the state, the day asked about and the calendar (no clock): a deadline that waited
 * for a year's official schedule is counted on the calendar given.
 */
export const requestOverdueOn = (
  s: EnterpriseRequestState,
  on: BusinessDate,
  calendar: WorkingDayCalendar,
): RequestOverdue => {
  if (s.status !== 'assigned') return { kind: 'not-due' };
  const round = currentRound(s);
  if (round === undefined) return { kind: 'not-due' };
  const deadline =
    round.limit.deadline.kind === 'due'
      ? round.limit.deadline
      : addWorkingDays(calendar, round.since, round.limit.workingDays);
  if (deadline.kind === 'pending-calendar') return deadline;
  if (on <= deadline.dueOn) return { kind: 'not-due' };
  const late = workingDaysBetween(calendar, deadline.dueOn, on);
  return late.kind === 'counted'
    ? { kind: 'overdue', dueOn: deadline.dueOn, workingDaysOverdue: count(late.days) }
    : late;
};

/** Builds the enterprise-request decider with a calendar and time limits (defaults: official calendar, policy defaults). */
export const makeEnterpriseRequestDecider = (
  given: Partial<EnterpriseRequestDeciderDeps> = {},
): Decider<EnterpriseRequestCommand, EnterpriseRequestEvent, EnterpriseRequestState> => ({
  initialState: initialEnterpriseRequestState,
  evolve: evolveEnterpriseRequest,
  decide: decideWith({
    calendar: given.calendar ?? officialCalendar,
    policy: given.policy ?? defaultEnterpriseRequestPolicy,
  }),
  isTerminal: (s) => s.status === 'closed',
});

/** The enterprise-request decider on the packaged official calendar with the default time limits. */
export const enterpriseRequestDecider = makeEnterpriseRequestDecider();
