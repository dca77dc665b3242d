import {
  vocabulary,
  type EnterpriseRequestEvent,
  type HandlingDeadline,
  type RequestCategory,
} from '@zhaoshang/domain';
import { collection, put, type DocChange, type DocReader } from '../read-model';
import { supervisionItems, type SupervisionItem } from './supervision.document';

/** What the supervision list remembers of an enterprise request between its events. */
export interface SupervisionRequest {
  readonly requestId: string;
  readonly unitId: string;
  readonly enterpriseName: string;
  readonly projectId?: string;
  readonly category: RequestCategory;
  readonly departmentId?: string;
}

export const supervisionRequests = collection<SupervisionRequest>('supervision_requests');

/** One item per round of handling: a reopened request is a new item with its new deadline. */
const itemIdOf = (requestId: string, round: number): string => `enterprise-request:${requestId}:${round}`;

const deadlineOf = (
  limit: HandlingDeadline,
): Pick<SupervisionItem, 'dueOn' | 'deadlineStatus' | 'pendingCalendarYear'> =>
  limit.deadline.kind === 'due'
    ? { dueOn: limit.deadline.dueOn, deadlineStatus: 'due' }
    : { deadlineStatus: 'pending-calendar', pendingCalendarYear: limit.deadline.year };

/**
 * The supervision list's items of an enterprise request (R17, 004 §(十二) 事中研究交办): each round
 * handed to a department (交办, or reopened when the enterprise was not satisfied) is an item owned
 * by that department and due on the round's deadline; the list shows it once overdue (the query's
 * rule) and it is resolved by the department's answer. A deadline waiting for a year's holiday
 * schedule is pending like a procedure's (R7's calendar), until the watcher counts it.
 */
export const supervisionOfRequest = (
  docs: DocReader,
  event: EnterpriseRequestEvent,
): ReadonlyArray<DocChange> => {
  const requestId = event.data.requestId;
  if (event.type === 'RequestReceived') {
    const e = event.data;
    return [
      put(supervisionRequests, requestId, {
        requestId,
        unitId: e.unitId,
        enterpriseName: e.enterprise.name,
        ...(e.enterprise.projectId !== undefined ? { projectId: e.enterprise.projectId } : {}),
        category: e.category,
      }),
    ];
  }
  const request = docs.get(supervisionRequests, requestId);
  if (request === undefined) return [];
  const open = (
    round: number,
    since: SupervisionItem['openedOn'],
    limit: HandlingDeadline,
    department: string,
  ) => {
    const itemId = itemIdOf(requestId, round);
    const label = `${vocabulary.supervisionItemKinds['enterprise-request'].zh}（${vocabulary.requestCategories[request.category].zh}）${round > 1 ? `（第 ${round} 次办理）` : ''}`;
    return put(supervisionItems, itemId, {
      itemId,
      ...(request.projectId !== undefined ? { projectId: request.projectId } : {}),
      unitId: request.unitId,
      projectName: request.enterpriseName,
      departmentId: department,
      ownerId: department,
      kind: 'enterprise-request',
      label,
      openedOn: since,
      ...deadlineOf(limit),
    });
  };
  switch (event.type) {
    case 'RequestAssigned': {
      const e = event.data;
      return [
        put(supervisionRequests, requestId, { ...request, departmentId: e.department }),
        open(1, e.assignedOn, e.limit, e.department),
      ];
    }
    case 'RequestReopened': {
      const e = event.data;
      return request.departmentId === undefined
        ? []
        : [open(e.round, e.reopenedOn, e.limit, request.departmentId)];
    }
    case 'RequestDeadlineComputed': {
      const item = docs.get(supervisionItems, itemIdOf(requestId, event.data.round));
      if (item === undefined) return [];
      const { pendingCalendarYear: _year, ...rest } = item;
      return [
        put(supervisionItems, item.itemId, { ...rest, dueOn: event.data.dueOn, deadlineStatus: 'due' }),
      ];
    }
    case 'RequestHandled': {
      const item = docs.get(supervisionItems, itemIdOf(requestId, event.data.round));
      if (item === undefined || item.resolvedOn !== undefined) return [];
      return [
        put(supervisionItems, item.itemId, { ...item, resolvedOn: event.data.handledOn, resolution: 'met' }),
      ];
    }
    case 'RequestEvaluated':
    case 'RequestClosed':
      return [];
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
