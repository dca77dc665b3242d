import type { BusinessDate, Verdict } from '@zhaoshang/domain';
import { pageOf, type Filter, type Page, type PageRequest } from '../read-model';
import type { ReadModelReader } from '../stores/read-model-store';
import type { Light } from '../traffic-light/traffic-light';
import {
  fulfilmentCollection,
  type EvaluationLine,
  type FulfilmentDoc,
  type FulfilmentEntry,
} from './fulfilment.document';
import { governingOf } from './fulfilment.projection';

export interface FulfilmentQuery {
  readonly asOf: BusinessDate;
  readonly filter?: { readonly unitId?: string; readonly verdict?: Verdict; readonly light?: Light };
  readonly sort?: ReadonlyArray<{
    readonly field: 'signedOn' | 'disbursed' | 'clawedBack' | 'projectId';
    readonly direction: 'asc' | 'desc';
  }>;
  readonly page?: PageRequest;
}

/** A fulfilment row with its light as of a date. */
export const fulfilmentEntry = (doc: FulfilmentDoc, asOf: BusinessDate): FulfilmentEntry => {
  const open = doc.rectifications.filter(
    (r) => r.orderedOn <= asOf && (r.completedOn === undefined || r.completedOn > asOf),
  );
  const overdue = open.some((r) => r.dueBy < asOf);
  const terminated = doc.terminatedOn !== undefined && doc.terminatedOn <= asOf;
  // As of a date: the evaluations recorded by then; the highest year among them governs (R10).
  const known = doc.evaluations.filter((e) => e.on <= asOf);
  const governing = governingOf(known);
  const byYear: Record<string, EvaluationLine> = {};
  for (const e of known) byYear[String(e.year)] = e;
  const verdict = governing?.verdict;
  const light: Light =
    terminated || overdue || verdict === 'serious-breach'
      ? 'red'
      : verdict === 'underperforming' || open.length > 0
        ? 'yellow'
        : verdict === 'compliant'
          ? 'green'
          : 'blue';
  return {
    ...doc,
    asOf,
    light,
    openRectifications: open.length,
    byYear,
    ...(governing !== undefined ? { governing } : {}),
  };
};

/** Queries of fulfilment monitoring (signed projects only). */
export const fulfilmentQueries = (store: ReadModelReader) => ({
  get: async (projectId: string, asOf: BusinessDate): Promise<FulfilmentEntry | undefined> => {
    const doc = await store.get(fulfilmentCollection, projectId);
    return doc === undefined || !doc.signed ? undefined : fulfilmentEntry(doc, asOf);
  },
  list: async (q: FulfilmentQuery): Promise<Page<FulfilmentEntry>> => {
    const filter: Filter = {
      signed: true,
      ...(q.filter?.unitId !== undefined ? { unitId: q.filter.unitId } : {}),
      ...(q.filter?.verdict !== undefined ? { verdict: q.filter.verdict } : {}),
    };
    const sort = q.sort ?? [{ field: 'signedOn', direction: 'desc' }];
    if (q.filter?.light === undefined) {
      const page = await store.find(fulfilmentCollection, {
        filter,
        sort,
        ...(q.page !== undefined ? { page: q.page } : {}),
      });
      return { ...page, items: page.items.map((d) => fulfilmentEntry(d, q.asOf)) };
    }
    const all = (await store.findAll(fulfilmentCollection, { filter, sort })).map((d) =>
      fulfilmentEntry(d, q.asOf),
    );
    return pageOf(
      all.filter((e) => e.light === q.filter?.light),
      q.page,
    );
  },
});
export type FulfilmentQueries = ReturnType<typeof fulfilmentQueries>;
