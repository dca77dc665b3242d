import { daysBetween, type BusinessDate } from '@zhaoshang/domain';
import { pageOf, type Filter, type Page, type PageRequest } from '../read-model';
import type { ReadModelReader } from '../stores/read-model-store';
import { supervisionItems, type SupervisionEntry, type SupervisionItem } from './supervision.document';

export interface SupervisionQuery {
  /** The date the list is drawn up for (never the wall clock). */
  readonly asOf: BusinessDate;
  readonly filter?: {
    readonly unitId?: string;
    readonly kind?: SupervisionItem['kind'];
    readonly ownerId?: string;
  };
  /** Default: most overdue first. */
  readonly sort?: 'daysOverdue' | 'dueOn';
  readonly page?: PageRequest;
}

/**
 * Whether an item is on the list on a date: a missed milestone once raised, a procedure once past
 * its time limit, a rectification from its order; until resolved.
 */
export const supervisionEntry = (item: SupervisionItem, asOf: BusinessDate): SupervisionEntry | undefined => {
  if (item.openedOn > asOf) return undefined;
  if (item.resolvedOn !== undefined && item.resolvedOn <= asOf) return undefined;
  if (item.dueOn === undefined) {
    // R7 deadline pending on a year's calendar: listed as such from that year's first day (before
    // it the deadline cannot have passed), never overdue and never with a guessed date.
    const year = item.pendingCalendarYear;
    if (year === undefined || asOf < `${year}-01-01`) return undefined;
    return { ...item, asOf, overdue: false, daysOverdue: 0 };
  }
  const overdue = asOf > item.dueOn;
  if (item.kind === 'procedure' && !overdue) return undefined;
  // enterprise requests (R17): a request with a department enters the list once past its 交办 deadline
  if (item.kind === 'enterprise-request' && !overdue) return undefined;
  return { ...item, asOf, overdue, daysOverdue: overdue ? daysBetween(item.dueOn, asOf) : 0 };
};

/** Queries of the supervision list. */
export const supervisionQueries = (store: ReadModelReader) => ({
  list: async (q: SupervisionQuery): Promise<Page<SupervisionEntry>> => {
    const filter: Filter = {
      openedOn: { $lte: q.asOf },
      ...(q.filter?.unitId !== undefined ? { unitId: q.filter.unitId } : {}),
      ...(q.filter?.kind !== undefined ? { kind: q.filter.kind } : {}),
      ...(q.filter?.ownerId !== undefined ? { ownerId: q.filter.ownerId } : {}),
    };
    const items = await store.findAll(supervisionItems, {
      filter,
      sort: [{ field: 'dueOn', direction: 'asc' }],
    });
    const open = items
      .map((i) => supervisionEntry(i, q.asOf))
      .filter((e): e is SupervisionEntry => e !== undefined);
    if (q.sort !== 'dueOn')
      open.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.itemId < b.itemId ? -1 : 1));
    return pageOf(open, q.page);
  },
});
export type SupervisionQueries = ReturnType<typeof supervisionQueries>;
