import * as t from 'io-ts';
import { Department } from '../project/project.vocabulary';
import { factDate, type FactDates } from '../shared/business-date';
import { BusinessDate } from '../shared/dates';
import { struct } from '../shared/event-codec';
import { Evidence } from '../shared/evidence';
import { assertNever } from '../shared/exhaustive';
import { NonEmptyText, RequestId } from '../shared/ids';
import { Count } from '../shared/money';
import { requestReceipt } from './enterprise-request.events';

/** Receive (受理) an enterprise's request or complaint (001 §二, 004 §(十二) 事前收集梳理). */
export const ReceiveRequest = struct(
  { type: t.literal('ReceiveRequest'), ...requestReceipt },
  'ReceiveRequest',
);
export type ReceiveRequest = t.TypeOf<typeof ReceiveRequest>;

/** Hand the request to a department (事中研究交办); the time limit is the policy's for its category. */
export const AssignRequest = struct(
  {
    type: t.literal('AssignRequest'),
    requestId: RequestId,
    department: Department,
    assignedOn: BusinessDate,
    assignedBy: NonEmptyText,
  },
  'AssignRequest',
);
export type AssignRequest = t.TypeOf<typeof AssignRequest>;

/** Record the department's answer (办结答复), with its evidence. */
export const HandleRequest = struct(
  {
    type: t.literal('HandleRequest'),
    requestId: RequestId,
    answer: NonEmptyText,
    evidence: Evidence,
    handledOn: BusinessDate,
    handledBy: NonEmptyText,
  },
  'HandleRequest',
);
export type HandleRequest = t.TypeOf<typeof HandleRequest>;

/**
 * Record the enterprise's evaluation of one answer (事后跟踪评价), naming the round (1 for the first
 * answer, 2 after one reopening …) so that a repeat is recognised; not satisfied reopens the request.
 */
export const EvaluateRequest = struct(
  {
    type: t.literal('EvaluateRequest'),
    requestId: RequestId,
    round: Count,
    satisfied: t.boolean,
    evaluatedOn: BusinessDate,
    evaluatedBy: NonEmptyText,
  },
  { comment: NonEmptyText },
  'EvaluateRequest',
);
export type EvaluateRequest = t.TypeOf<typeof EvaluateRequest>;

/** Close the request once the enterprise is satisfied (闭环). */
export const CloseRequest = struct(
  { type: t.literal('CloseRequest'), requestId: RequestId, closedOn: BusinessDate, closedBy: NonEmptyText },
  'CloseRequest',
);
export type CloseRequest = t.TypeOf<typeof CloseRequest>;

/**
 * Issued by the server's deadline watcher only, with its today: counts the time limits that waited
 * for a year's official holiday schedule once the schedule is adopted (R7's calendar, R17). No route
 * issues it: no caller says what today is (DOMAIN.md §5).
 */
export const ComputeRequestDeadlines = struct(
  { type: t.literal('ComputeRequestDeadlines'), requestId: RequestId, today: BusinessDate },
  'ComputeRequestDeadlines',
);
export type ComputeRequestDeadlines = t.TypeOf<typeof ComputeRequestDeadlines>;

/** Every command of an enterprise request, by type (the registry decodes requests with them). */
export const enterpriseRequestCommands = {
  ReceiveRequest,
  AssignRequest,
  HandleRequest,
  EvaluateRequest,
  CloseRequest,
  ComputeRequestDeadlines,
} as const;

export type EnterpriseRequestCommand =
  ReceiveRequest | AssignRequest | HandleRequest | EvaluateRequest | CloseRequest | ComputeRequestDeadlines;

/** The dates an enterprise-request command states as facts (DOMAIN.md §5): the day of its step. */
export const enterpriseRequestCommandDates = (c: EnterpriseRequestCommand): FactDates => {
  switch (c.type) {
    case 'ReceiveRequest':
      return [factDate('receivedOn', c.receivedOn)];
    case 'AssignRequest':
      return [factDate('assignedOn', c.assignedOn)];
    case 'HandleRequest':
      return [factDate('handledOn', c.handledOn)];
    case 'EvaluateRequest':
      return [factDate('evaluatedOn', c.evaluatedOn)];
    case 'CloseRequest':
      return [factDate('closedOn', c.closedOn)];
    case 'ComputeRequestDeadlines':
      // Issued by the deadline watcher only, with the server's today.
      return [factDate('today', c.today)];
    default:
      return assertNever(c);
  }
};
