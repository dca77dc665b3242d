import { countedMembers, type BusinessDate, type CountingMember, type Stage } from '@zhaoshang/domain';
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
import { plotsCollection } from '../land/land.document';
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

export type RegisterSortField =
  'capturedOn' | 'lastActivityOn' | 'investment' | 'name' | 'nextDeadline' | 'signedOn' | 'projectId';

export interface RegisterQuery {
  /** The date the lights are computed for (never the wall clock). */
  readonly asOf: BusinessDate;
  readonly filter?: RegisterFilter;
  readonly sort?: ReadonlyArray<{ readonly field: RegisterSortField; readonly direction: 'asc' | 'desc' }>;
  readonly page?: PageRequest;
  readonly thresholds?: TrafficLightThresholds;
}

const PRE_SIGNING: ReadonlySet<Stage> = new Set<Stage>([
  'lead',
  'planned',
  'qualified',
  'under-review',
  'admitted',
]);

/** A register row with its traffic lights as of a date. */
export const registerEntry = (
  doc: RegisterDoc,
  asOf: BusinessDate,
  t: TrafficLightThresholds = defaultThresholds,
): RegisterEntry => {
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
  const light: Light = doc.closed
    ? 'green'
    : pending.length === 0
      ? doc.productionOn !== undefined
        ? 'green'
        : 'blue'
      : worst(pending);
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
  return filter;
};

const DROPPED: ReadonlySet<Stage> = new Set<Stage>(['discarded', 'abandoned', 'rejected']);

/**
 * Which linked projects are the counted member of their group (R13 · 004 §(十六), 一炮数响): the
 * register decides as the figures do, with the domain's `countedMembers`, over every project linked
 * now and every project linked to — so A→B with B→A, or a link to a lead abandoned later, still
 * leaves one project of the group counted. Projects in no group are absent (they count).
 */
const countedInGroups = async (store: ReadModelReader): Promise<ReadonlyMap<string, boolean>> => {
  const linked = await store.findAll(registerCollection, { filter: { duplicateOf: { $exists: true } } });
  if (linked.length === 0) return new Map();
  const docs = new Map(linked.map((d) => [d.projectId, d]));
  const targets = [...new Set(linked.map((d) => d.duplicateOf!))].filter((id) => !docs.has(id));
  for (const d of (await store.getMany(registerCollection, targets)).values()) docs.set(d.projectId, d);
  const members: CountingMember[] = [...docs.values()].map((d) => ({
    projectId: d.projectId,
    ...(d.duplicateOf !== undefined ? { duplicateOf: d.duplicateOf } : {}),
    dropped: d.closed && DROPPED.has(d.stage),
    capturedOn: d.capturedOn,
  }));
  const counted = countedMembers(members);
  return new Map([...counted].map(([id, under]) => [id, id === under]));
};

const withCounted = (doc: RegisterDoc, groups: ReadonlyMap<string, boolean>): RegisterDoc => {
  const counted = groups.get(doc.projectId) ?? doc.counted;
  return counted === doc.counted ? doc : { ...doc, counted };
};

/**
 * 用地类型 and 供地进度 of each row (R22 · DOMAIN.md §6, R19): the plot allocated to the project
 * says them when there is one (the land register's figures), else the profile's record does.
 */
const withLand = async (
  store: ReadModelReader,
  entries: ReadonlyArray<RegisterEntry>,
): Promise<ReadonlyArray<RegisterEntry>> => {
  const ids = entries.map((e) => e.projectId);
  const plots =
    ids.length === 0 ? [] : await store.findAll(plotsCollection, { filter: { occupantId: { $in: ids } } });
  const byProject = new Map(plots.map((p) => [p.occupantId, p]));
  return entries.map((e) => {
    const plot = byProject.get(e.projectId);
    if (plot !== undefined)
      return {
        ...e,
        land: { source: 'plot', plotId: plot.plotId, landUse: plot.landUse, supply: plot.supply },
      };
    if (e.landUse === undefined && e.landSupply === undefined) return e;
    return {
      ...e,
      land: {
        source: 'profile',
        ...(e.landUse !== undefined ? { landUse: e.landUse } : {}),
        ...(e.landSupply !== undefined ? { supply: e.landSupply } : {}),
      },
    };
  });
};

/** Queries of the project register. */
export const registerQueries = (store: ReadModelReader) => ({
  /** One project's row with its lights, or undefined. */
  get: async (
    projectId: string,
    asOf: BusinessDate,
    thresholds?: TrafficLightThresholds,
  ): Promise<RegisterEntry | undefined> => {
    const doc = await store.get(registerCollection, projectId);
    if (doc === undefined) return undefined;
    const [entry] = await withLand(store, [
      registerEntry(withCounted(doc, await countedInGroups(store)), asOf, thresholds),
    ]);
    return entry;
  },
  /** Rows matching a filter, sorted and paged; lights are computed for `asOf`. */
  list: async (q: RegisterQuery): Promise<Page<RegisterEntry>> => {
    const sort: ReadonlyArray<SortKey> = q.sort ?? [{ field: 'capturedOn', direction: 'desc' }];
    const filter = toFilter(q.filter);
    const lights =
      q.filter?.light === undefined
        ? undefined
        : typeof q.filter.light === 'string'
          ? [q.filter.light]
          : q.filter.light;
    const groups = await countedInGroups(store);
    const entry = (d: RegisterDoc) => registerEntry(withCounted(d, groups), q.asOf, q.thresholds);
    const countedOnly = q.filter?.includeDuplicates === false;
    if (lights === undefined && q.filter?.includeDropped === true && !countedOnly) {
      const page = await store.find(registerCollection, {
        filter,
        sort,
        ...(q.page !== undefined ? { page: q.page } : {}),
      });
      return { ...page, items: [...(await withLand(store, page.items.map(entry)))] };
    }
    // Lights, the drop rule and the counted member of a duplicate group are decided here: filter after, then page.
    const all = (await store.findAll(registerCollection, { filter, sort })).map(entry);
    const kept = all.filter(
      (e) =>
        (q.filter?.includeDropped === true || e.dropped !== true) &&
        (lights === undefined || lights.includes(e.light)) &&
        (!countedOnly || e.counted),
    );
    const page = pageOf(kept, q.page);
    return { ...page, items: [...(await withLand(store, page.items))] };
  },
});
export type RegisterQueries = ReturnType<typeof registerQueries>;
