import type { BusinessDate, Stage } from '@zhaoshang/domain';
import { pageOf, type Filter, type Page, type PageRequest, type SortKey } from '../read-model';
import type { ReadModelReader } from '../stores/read-model-store';
import {
  defaultThresholds,
  leadLight,
  nodeLight,
  statisticsLight,
  worst,
  type Light,
  type TrafficLightThresholds,
} from '../traffic-light/traffic-light';
import { registerCollection, type RegisterDoc, type RegisterEntry } from './register.document';

export interface RegisterFilter {
  readonly unitId?: string | ReadonlyArray<string>;
  readonly stage?: Stage | ReadonlyArray<Stage>;
  readonly industryChain?: string;
  readonly investorCreditCode?: string;
  /** Only signed (true) or only unsigned (false) projects. */
  readonly signed?: boolean;
  /** Duplicates (一炮数响) are listed and marked by default; false hides them. */
  readonly includeDuplicates?: boolean;
  /** Leads idle past the drop threshold are hidden unless this is true. */
  readonly includeDropped?: boolean;
  /** Only rows whose overall light is one of these (computed for `asOf`). */
  readonly light?: Light | ReadonlyArray<Light>;
}

export type RegisterSortField = 'capturedOn' | 'lastActivityOn' | 'investment' | 'name' | 'nextDeadline' | 'signedOn' | 'projectId';

export interface RegisterQuery {
  /** The date the lights are computed for (never the wall clock). */
  readonly asOf: BusinessDate;
  readonly filter?: RegisterFilter;
  readonly sort?: ReadonlyArray<{ readonly field: RegisterSortField; readonly direction: 'asc' | 'desc' }>;
  readonly page?: PageRequest;
  readonly thresholds?: TrafficLightThresholds;
}

const PRE_SIGNING: ReadonlySet<Stage> = new Set<Stage>(['lead', 'planned', 'qualified', 'under-review', 'admitted']);

/** A register row with its traffic lights as of a date. */
export const registerEntry = (doc: RegisterDoc, asOf: BusinessDate, t: TrafficLightThresholds = defaultThresholds): RegisterEntry => {
  const at = doc.closed && doc.closedOn !== undefined && doc.closedOn < asOf ? doc.closedOn : asOf;
  const nodeLights = doc.nodes.map((n) => ({ key: n.key, light: nodeLight(n, at, t) }));
  const pending: Light[] = nodeLights.filter((n) => n.light !== 'green').map((n) => n.light);
  let idle: { idleMonths: number; dropped: boolean } | undefined;
  if (!doc.closed && PRE_SIGNING.has(doc.stage)) {
    const lead = leadLight(doc.lastActivityOn, asOf, t);
    idle = { idleMonths: lead.idleMonths, dropped: lead.dropped };
    pending.push(lead.light);
  }
  const stats = doc.closed ? undefined : statisticsLight(doc.startedOn, doc.statisticsOn, asOf, t);
  if (stats !== undefined && stats !== 'green') pending.push(stats);
  const light: Light = doc.closed ? 'green' : pending.length === 0 ? (doc.productionOn !== undefined ? 'green' : 'blue') : worst(pending);
  return {
    ...doc,
    asOf,
    light,
    nodeLights,
    ...(idle !== undefined ? idle : {}),
    ...(stats !== undefined ? { statisticsLight: stats } : {}),
  };
};

const oneOrMany = <T extends string>(v: T | ReadonlyArray<T>): { $in: ReadonlyArray<T> } | T =>
  typeof v === 'string' ? v : { $in: v };

const toFilter = (f: RegisterFilter = {}): Filter => {
  const filter: Record<string, Filter[string]> = {};
  if (f.unitId !== undefined) filter['unitId'] = oneOrMany(f.unitId);
  if (f.stage !== undefined) filter['stage'] = oneOrMany(f.stage);
  if (f.industryChain !== undefined) filter['industryChain'] = f.industryChain;
  if (f.investorCreditCode !== undefined) filter['investorCreditCode'] = f.investorCreditCode;
  if (f.signed !== undefined) filter['signedOn'] = { $exists: f.signed };
  if (f.includeDuplicates === false) filter['counted'] = true;
  return filter;
};

/** Queries of the project register. */
export const registerQueries = (store: ReadModelReader) => ({
  /** One project's row with its lights, or undefined. */
  get: async (projectId: string, asOf: BusinessDate, thresholds?: TrafficLightThresholds): Promise<RegisterEntry | undefined> => {
    const doc = await store.get(registerCollection, projectId);
    return doc === undefined ? undefined : registerEntry(doc, asOf, thresholds);
  },
  /** Rows matching a filter, sorted and paged; lights are computed for `asOf`. */
  list: async (q: RegisterQuery): Promise<Page<RegisterEntry>> => {
    const sort: ReadonlyArray<SortKey> = q.sort ?? [{ field: 'capturedOn', direction: 'desc' }];
    const filter = toFilter(q.filter);
    const lights = q.filter?.light === undefined ? undefined : typeof q.filter.light === 'string' ? [q.filter.light] : q.filter.light;
    const entry = (d: RegisterDoc) => registerEntry(d, q.asOf, q.thresholds);
    if (lights === undefined && q.filter?.includeDropped === true) {
      const page = await store.find(registerCollection, { filter, sort, ...(q.page !== undefined ? { page: q.page } : {}) });
      return { ...page, items: page.items.map(entry) };
    }
    // Lights and the drop rule depend on `asOf`: filter after computing them, then page.
    const all = (await store.findAll(registerCollection, { filter, sort })).map(entry);
    const kept = all.filter((e) => (q.filter?.includeDropped === true || e.dropped !== true) && (lights === undefined || lights.includes(e.light)));
    return pageOf(kept, q.page);
  },
});
export type RegisterQueries = ReturnType<typeof registerQueries>;
