import { createHash } from 'node:crypto';
import type { EnterpriseRequestEvent, Investor, ProjectEvent } from '@zhaoshang/domain';
import {
  put,
  remove,
  type Collection,
  type Doc,
  type DocChange,
  type DocReader,
  type Projection,
} from '../read-model';
import {
  investorNamesCollection,
  investorProjectsCollection,
  investorsCollection,
  type InvestorDoc,
  type InvestorProjectDoc,
} from './investor-directory.document';

/**
 * How two records name one investor: the name with full-width forms folded (NFKC: （） → (), Ａ → A),
 * every blank removed and letters lower-cased — "某某 科技（集团）有限公司" and "某某科技(集团)有限公司"
 * are one name.
 */
export const normaliseInvestorName = (name: string): string =>
  name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

/**
 * The directory entry of an investor, in an id fit for a URL. Matching (002 §一 客商目录: one entry
 * per investor): by 统一社会信用代码 when the record carries one (`cc-<code>`); otherwise by
 * normalised name, joining the entry that name already leads to (an investor known by its code) or
 * an entry of the name alone (`name-<hash of the normalised name>`). When a code arrives for a name
 * that had an entry of its own, that entry is merged into the code's. Two codes under one name stay
 * two investors (the name then leads to the first).
 */
export const investorIdOfCode = (creditCode: string): string => `cc-${creditCode}`;
const investorIdOfName = (nameKey: string): string =>
  `name-${createHash('sha256').update(nameKey).digest('hex').slice(0, 20)}`;

/** The projection's reads and writes within one event: reads see the writes made before them. */
const workingSet = (docs: DocReader) => {
  const written = new Map<string, { readonly change: DocChange; readonly doc: Doc | null }>();
  const keyOf = (c: Collection<Doc>, id: string) => `${c.name}\u0000${id}`;
  return {
    get: <D extends Doc>(c: Collection<D>, id: string): D | undefined => {
      const w = written.get(keyOf(c, id));
      return w === undefined ? docs.get(c, id) : ((w.doc ?? undefined) as D | undefined);
    },
    put: <D extends Doc>(c: Collection<D>, id: string, doc: D): void => {
      written.set(keyOf(c, id), { change: put(c, id, doc), doc });
    },
    remove: <D extends Doc>(c: Collection<D>, id: string): void => {
      written.set(keyOf(c, id), { change: remove(c, id), doc: null });
    },
    changes: (): ReadonlyArray<DocChange> => [...written.values()].map((w) => w.change),
  };
};
type WorkingSet = ReturnType<typeof workingSet>;

/** The entry an investor record belongs to (see `investorIdOfCode`). */
const resolve = (w: WorkingSet, name: string, creditCode: string | undefined): string => {
  if (creditCode !== undefined) return investorIdOfCode(creditCode);
  const nameKey = normaliseInvestorName(name);
  return w.get(investorNamesCollection, nameKey)?.investorId ?? investorIdOfName(nameKey);
};

const unique = (xs: ReadonlyArray<string>): ReadonlyArray<string> => [...new Set(xs)];

/** An entry with a project (added or replaced) and the facts derived from its projects. */
const withProject = (entry: InvestorDoc | undefined, row: InvestorProjectDoc): InvestorDoc => {
  const projects = [
    ...(entry?.projects ?? []).filter((p) => p.projectId !== row.projectId),
    { projectId: row.projectId, name: row.projectName, unitId: row.unitId, capturedOn: row.capturedOn },
  ];
  return {
    investorId: row.investorId,
    name: row.investorName,
    names: unique([...(entry?.names ?? []), row.investorName]),
    ...(row.creditCode !== undefined
      ? { creditCode: row.creditCode }
      : entry?.creditCode !== undefined
        ? { creditCode: entry.creditCode }
        : {}),
    origins: unique([...(entry?.origins ?? []), ...(row.origin !== undefined ? [row.origin] : [])]),
    projects,
    unitIds: [...unique(projects.map((p) => p.unitId))].sort(),
    firstContactOn: projects.map((p) => p.capturedOn).reduce((a, b) => (b < a ? b : a)),
    contacts: entry?.contacts ?? [],
  };
};

/** Moves every project and contact of one entry into another (a credit code arrived for a name). */
const merge = (w: WorkingSet, fromId: string, toId: string): void => {
  const from = w.get(investorsCollection, fromId);
  if (from === undefined || fromId === toId) return;
  let to = w.get(investorsCollection, toId);
  for (const p of from.projects) {
    const row = w.get(investorProjectsCollection, p.projectId);
    if (row === undefined) continue;
    const moved = { ...row, investorId: toId };
    w.put(investorProjectsCollection, row.projectId, moved);
    to = withProject(to, moved);
  }
  if (to !== undefined)
    w.put(investorsCollection, toId, { ...to, contacts: [...to.contacts, ...from.contacts] });
  w.remove(investorsCollection, fromId);
};

/** Files a project under its investor's entry, and lets its name lead there. */
const attach = (w: WorkingSet, row: InvestorProjectDoc): void => {
  w.put(investorProjectsCollection, row.projectId, row);
  w.put(investorsCollection, row.investorId, withProject(w.get(investorsCollection, row.investorId), row));
  const nameKey = normaliseInvestorName(row.investorName);
  const led = w.get(investorNamesCollection, nameKey);
  if (led === undefined) w.put(investorNamesCollection, nameKey, { nameKey, investorId: row.investorId });
  else if (row.creditCode !== undefined && led.investorId === investorIdOfName(nameKey)) {
    merge(w, led.investorId, row.investorId);
    w.put(investorNamesCollection, nameKey, { nameKey, investorId: row.investorId });
  }
};

/** Takes a project out of an entry (its investor was re-identified); an entry left empty goes. */
const detach = (w: WorkingSet, row: InvestorProjectDoc): void => {
  const entry = w.get(investorsCollection, row.investorId);
  if (entry === undefined) return;
  const projects = entry.projects.filter((p) => p.projectId !== row.projectId);
  if (projects.length > 0) {
    w.put(investorsCollection, row.investorId, {
      ...entry,
      projects,
      unitIds: [...unique(projects.map((p) => p.unitId))].sort(),
      firstContactOn: projects.map((p) => p.capturedOn).reduce((a, b) => (b < a ? b : a)),
    });
    return;
  }
  w.remove(investorsCollection, row.investorId);
  for (const name of entry.names) {
    const nameKey = normaliseInvestorName(name);
    if (w.get(investorNamesCollection, nameKey)?.investorId === row.investorId)
      w.remove(investorNamesCollection, nameKey);
  }
};

const investorFacts = (investor: Investor) => ({
  investorName: investor.name,
  ...(investor.creditCode !== undefined ? { creditCode: investor.creditCode } : {}),
  ...(investor.origin !== undefined ? { origin: investor.origin } : {}),
});

/** A project event: a lead names its investor; a qualification may name it anew (LeadQualified's investor). */
const applyProject = (w: WorkingSet, event: ProjectEvent): void => {
  if (event.type === 'LeadCaptured') {
    const d = event.data;
    const facts = investorFacts(d.investor);
    attach(w, {
      projectId: d.projectId,
      investorId: resolve(w, facts.investorName, facts.creditCode),
      ...facts,
      unitId: d.unitId,
      projectName: d.name,
      capturedOn: d.capturedOn,
    });
    return;
  }
  if (event.type === 'LeadQualified' && event.data.investor !== undefined) {
    const row = w.get(investorProjectsCollection, event.data.projectId);
    if (row === undefined) return;
    const { creditCode: _c, origin: _o, ...kept } = row;
    const facts = investorFacts(event.data.investor);
    const investorId = resolve(w, facts.investorName, facts.creditCode);
    if (investorId !== row.investorId) detach(w, row);
    attach(w, { ...kept, ...facts, investorId });
  }
};

/** A request that leaves a contact: filed with the investor of the project it names, or of its code or name. */
const applyRequest = (w: WorkingSet, event: EnterpriseRequestEvent): void => {
  if (event.type !== 'RequestReceived') return;
  const { enterprise, requestId, receivedOn } = event.data;
  if (enterprise.contact === undefined) return;
  const byProject =
    enterprise.projectId !== undefined
      ? w.get(investorProjectsCollection, enterprise.projectId)?.investorId
      : undefined;
  const investorId = byProject ?? resolve(w, enterprise.name, enterprise.creditCode);
  const entry = w.get(investorsCollection, investorId);
  if (entry === undefined || entry.contacts.some((c) => c.requestId === requestId)) return;
  w.put(investorsCollection, investorId, {
    ...entry,
    contacts: [
      ...entry.contacts,
      {
        contact: enterprise.contact,
        on: receivedOn,
        requestId,
        ...(enterprise.projectId !== undefined ? { projectId: enterprise.projectId } : {}),
      },
    ],
  });
};

/**
 * The investor directory (客商目录, 002 §一 "完善招商引资工作台账、客商目录"): one entry per investor,
 * built from the projects' investor facts (LeadCaptured, LeadQualified) and the contacts left on
 * enterprise requests. A project's stage and latest activity are not copied: the queries read them
 * from the project register, committed in the same batch.
 */
export const investorDirectoryProjection: Projection = {
  name: 'investor-directory',
  version: 1,
  categories: ['project', 'enterprise-request'],
  collections: [investorsCollection, investorProjectsCollection, investorNamesCollection],
  apply: (docs: DocReader, decoded): ReadonlyArray<DocChange> => {
    const w = workingSet(docs);
    if (decoded.category === 'project') applyProject(w, decoded.event);
    else if (decoded.category === 'enterprise-request') applyRequest(w, decoded.event);
    return w.changes();
  },
};
