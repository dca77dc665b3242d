import { daysBetween, type BusinessDate, type Department, type RequestStatus } from '@zhaoshang/domain';
import { pageOf, type Filter, type Page, type PageRequest } from '../read-model';
import type { ReadModelReader } from '../stores/read-model-store';
import { requestsCollection, type RequestDoc, type RequestEntry } from './requests.document';

export interface RequestListQuery {
  /** The day overdue is judged on: the server's today (never a caller's). */
  readonly asOf: BusinessDate;
  readonly filter?: {
    readonly status?: RequestStatus;
    readonly unitId?: string;
    readonly departmentId?: Department;
    /** Only requests overdue (true) or not overdue (false) on `asOf`. */
    readonly overdue?: boolean;
  };
  readonly page?: PageRequest;
}

/**
 * R17 (004 §(十二) 事中研究交办): a request with a department and no answer is overdue once `asOf`
 * is past its round's due date; a limit waiting for a year's holiday schedule is never overdue.
 */
export const requestEntry = (doc: RequestDoc, asOf: BusinessDate): RequestEntry => {
  const overdue = doc.status === 'assigned' && doc.dueOn !== undefined && asOf > doc.dueOn;
  return {
    ...doc,
    asOf,
    overdue,
    daysOverdue: overdue && doc.dueOn !== undefined ? daysBetween(doc.dueOn, asOf) : 0,
  };
};

/** Queries of the requests read model. */
export const requestQueries = (store: ReadModelReader) => ({
  /** Newest received first; overdue is computed for `asOf`. */
  list: async (q: RequestListQuery): Promise<Page<RequestEntry>> => {
    const f = q.filter ?? {};
    const filter: Filter = {
      ...(f.status !== undefined ? { status: f.status } : {}),
      ...(f.unitId !== undefined ? { unitId: f.unitId } : {}),
      ...(f.departmentId !== undefined ? { departmentId: f.departmentId } : {}),
    };
    const docs = await store.findAll(requestsCollection, {
      filter,
      sort: [{ field: 'receivedOn', direction: 'desc' }],
    });
    const entries = docs
      .map((d) => requestEntry(d, q.asOf))
      .filter((e) => f.overdue === undefined || e.overdue === f.overdue);
    return pageOf(entries, q.page);
  },
  /** One request as the list shows it, or undefined. */
  get: async (requestId: string, asOf: BusinessDate): Promise<RequestEntry | undefined> => {
    const doc = await store.get(requestsCollection, requestId);
    return doc === undefined ? undefined : requestEntry(doc, asOf);
  },
  /** Requests with a time limit waiting for a year's holiday schedule: the deadline watcher's round (R7, R17). */
  pendingCalendar: async (): Promise<ReadonlyArray<string>> =>
    (await store.findAll(requestsCollection, { filter: { pendingCalendar: true } })).map((d) => d.requestId),
});
export type RequestQueries = ReturnType<typeof requestQueries>;
