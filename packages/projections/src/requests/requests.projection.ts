import type { EnterpriseRequestEvent, HandlingDeadline } from '@zhaoshang/domain';
import { put, type DocChange, type DocReader, type Projection } from '../read-model';
import { requestsCollection, type RequestDoc, type RequestRoundDoc } from './requests.document';

/** A round's deadline as the documents keep it: a due date, or the year whose schedule it waits for. */
const deadlineFields = (
  limit: HandlingDeadline,
): Pick<RequestRoundDoc, 'workingDays' | 'dueOn' | 'pendingCalendarYear'> =>
  limit.deadline.kind === 'due'
    ? { workingDays: limit.workingDays, dueOn: limit.deadline.dueOn }
    : { workingDays: limit.workingDays, pendingCalendarYear: limit.deadline.year };

/** The document with its rounds replaced, and the current round's deadline copied to the top. */
const withRounds = (doc: RequestDoc, rounds: ReadonlyArray<RequestRoundDoc>): RequestDoc => {
  const { dueOn: _dueOn, pendingCalendarYear: _year, ...rest } = doc;
  const current = rounds[rounds.length - 1];
  return {
    ...rest,
    rounds,
    ...(current?.dueOn !== undefined ? { dueOn: current.dueOn } : {}),
    ...(current?.pendingCalendarYear !== undefined
      ? { pendingCalendarYear: current.pendingCalendarYear }
      : {}),
    pendingCalendar: rounds.some((r) => r.pendingCalendarYear !== undefined),
  };
};

/** The round numbered `round` changed by `f`. */
const mapRound = (
  doc: RequestDoc,
  round: number,
  f: (r: RequestRoundDoc) => RequestRoundDoc,
): ReadonlyArray<RequestRoundDoc> => doc.rounds.map((r) => (r.round === round ? f(r) : r));

/**
 * A request's document after one of its events (R17's closed loop, 004 §(十二)). Pure and total: an
 * event before the request was received leaves nothing. The API folds a request's own stream with
 * it too, so one request's answer and the list's rows are the same shape.
 */
export const evolveRequestDoc = (
  doc: RequestDoc | undefined,
  event: EnterpriseRequestEvent,
): RequestDoc | undefined => {
  if (event.type === 'RequestReceived') {
    if (doc !== undefined) return doc;
    const e = event.data;
    return {
      requestId: e.requestId,
      unitId: e.unitId,
      kind: e.kind,
      channel: e.channel,
      category: e.category,
      enterpriseName: e.enterprise.name,
      ...(e.enterprise.creditCode !== undefined ? { creditCode: e.enterprise.creditCode } : {}),
      ...(e.enterprise.projectId !== undefined ? { projectId: e.enterprise.projectId } : {}),
      ...(e.enterprise.contact !== undefined ? { contact: e.enterprise.contact } : {}),
      text: e.text,
      status: 'received',
      receivedOn: e.receivedOn,
      receivedBy: e.receivedBy,
      pendingCalendar: false,
      rounds: [],
    };
  }
  if (doc === undefined) return undefined;
  switch (event.type) {
    case 'RequestAssigned': {
      const e = event.data;
      return withRounds(
        {
          ...doc,
          status: 'assigned',
          departmentId: e.department,
          assignedOn: e.assignedOn,
          assignedBy: e.assignedBy,
        },
        [{ round: 1, since: e.assignedOn, ...deadlineFields(e.limit) }],
      );
    }
    case 'RequestHandled': {
      const e = event.data;
      return withRounds(
        { ...doc, status: 'handled', handledOn: e.handledOn },
        mapRound(doc, e.round, (r) => ({
          ...r,
          handledOn: e.handledOn,
          handledBy: e.handledBy,
          answer: e.answer,
          ...(e.workingDaysTaken !== undefined ? { workingDaysTaken: e.workingDaysTaken } : {}),
          ...(e.withinTimeLimit !== undefined ? { withinTimeLimit: e.withinTimeLimit } : {}),
        })),
      );
    }
    case 'RequestEvaluated': {
      const e = event.data;
      return withRounds(
        {
          ...doc,
          status: e.satisfied ? 'satisfied' : doc.status,
          evaluation: { round: e.round, satisfied: e.satisfied, on: e.evaluatedOn },
        },
        mapRound(doc, e.round, (r) => ({
          ...r,
          evaluatedOn: e.evaluatedOn,
          satisfied: e.satisfied,
          ...(e.comment !== undefined ? { comment: e.comment } : {}),
        })),
      );
    }
    case 'RequestReopened': {
      const e = event.data;
      return withRounds({ ...doc, status: 'assigned' }, [
        ...doc.rounds,
        { round: e.round, since: e.reopenedOn, ...deadlineFields(e.limit) },
      ]);
    }
    case 'RequestDeadlineComputed': {
      const e = event.data;
      return withRounds(
        doc,
        mapRound(doc, e.round, ({ pendingCalendarYear: _year, ...r }) => ({
          ...r,
          dueOn: e.dueOn,
          ...(e.workingDaysTaken !== undefined ? { workingDaysTaken: e.workingDaysTaken } : {}),
          ...(e.withinTimeLimit !== undefined ? { withinTimeLimit: e.withinTimeLimit } : {}),
        })),
      );
    }
    case 'RequestClosed':
      return { ...doc, status: 'closed', closedOn: event.data.closedOn };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};

/** The requests read model (企业诉求台账, R17): status, unit, department, dates and evaluation per request. */
export const requestsProjection: Projection = {
  name: 'requests',
  version: 1,
  categories: ['enterprise-request'],
  collections: [requestsCollection],
  apply: (docs: DocReader, decoded): ReadonlyArray<DocChange> => {
    if (decoded.category !== 'enterprise-request') return [];
    const id = decoded.event.data.requestId;
    const before = docs.get(requestsCollection, id);
    const after = evolveRequestDoc(before, decoded.event);
    return after === undefined || after === before ? [] : [put(requestsCollection, id, after)];
  },
};
