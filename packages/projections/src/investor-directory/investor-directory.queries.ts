import type { Stage } from '@zhaoshang/domain';
import { pageOf, type Filter, type Page, type PageRequest } from '../read-model';
import { registerCollection, type RegisterDoc } from '../register/register.document';
import type { ReadModelReader } from '../stores/read-model-store';
import { investorsCollection, type InvestorDoc, type InvestorEntry } from './investor-directory.document';
import { normaliseInvestorName } from './investor-directory.projection';

/** What the directory is searched by (all given conditions hold). */
export interface InvestorSearch {
  /** A part of any name recorded for the investor (compared normalised: blanks, full-width forms, case). */
  readonly name?: string;
  readonly creditCode?: string;
  /** Investors with a project of this unit; only that unit's projects are listed. */
  readonly unitId?: string;
  /** Investors with a project (of the unit, if given) at this stage. */
  readonly stage?: Stage;
}

/** An entry with its projects (of one unit, if asked) joined with the project register. */
const entryOf = (
  doc: InvestorDoc,
  projects: ReadonlyMap<string, RegisterDoc>,
  unitId: string | undefined,
): InvestorEntry => {
  const listed = doc.projects
    .filter((p) => unitId === undefined || p.unitId === unitId)
    .map((p) => {
      const r = projects.get(p.projectId);
      return {
        ...p,
        ...(r !== undefined ? { stage: r.stage, lastActivityOn: r.lastActivityOn } : {}),
        ...(r?.signedOn !== undefined ? { signedOn: r.signedOn } : {}),
      };
    });
  const dates = listed.map((p) => p.lastActivityOn ?? p.capturedOn);
  return {
    ...doc,
    projects: listed,
    unitIds: unitId === undefined ? doc.unitIds : doc.unitIds.filter((u) => u === unitId),
    firstContactOn: listed.map((p) => p.capturedOn).reduce((a, b) => (b < a ? b : a), doc.firstContactOn),
    latestActivityOn: dates.reduce((a, b) => (b > a ? b : a), doc.firstContactOn),
  };
};

/** Queries of the investor directory (客商目录). */
export const investorDirectoryQueries = (store: ReadModelReader) => {
  const joined = async (
    docs: ReadonlyArray<InvestorDoc>,
    unitId: string | undefined,
  ): Promise<ReadonlyArray<InvestorEntry>> => {
    const ids = [...new Set(docs.flatMap((d) => d.projects.map((p) => p.projectId)))];
    const projects = await store.getMany(registerCollection, ids);
    return docs.map((d) => entryOf(d, projects, unitId));
  };
  const matching = async (q: InvestorSearch): Promise<ReadonlyArray<InvestorEntry>> => {
    const filter: Filter = {
      ...(q.creditCode !== undefined ? { creditCode: q.creditCode } : {}),
      ...(q.unitId !== undefined ? { unitIds: { $has: q.unitId } } : {}),
    };
    const part = q.name === undefined ? undefined : normaliseInvestorName(q.name);
    const docs = (
      await store.findAll(investorsCollection, { filter, sort: [{ field: 'name', direction: 'asc' }] })
    ).filter((d) => part === undefined || d.names.some((n) => normaliseInvestorName(n).includes(part)));
    return (await joined(docs, q.unitId)).filter(
      (e) => q.stage === undefined || e.projects.some((p) => p.stage === q.stage),
    );
  };
  return {
    /** One investor (its projects of one unit, if given), or undefined (also when it has none there). */
    get: async (investorId: string, unitId?: string): Promise<InvestorEntry | undefined> => {
      const doc = await store.get(investorsCollection, investorId);
      if (doc === undefined || (unitId !== undefined && !doc.unitIds.includes(unitId))) return undefined;
      return (await joined([doc], unitId))[0];
    },
    /** Investors matching the search, by name, a page of them. */
    search: async (q: InvestorSearch = {}, page?: PageRequest): Promise<Page<InvestorEntry>> =>
      pageOf(await matching(q), page),
    /** Every investor matching the search, by name (the export's rows). */
    all: (q: InvestorSearch = {}): Promise<ReadonlyArray<InvestorEntry>> => matching(q),
  };
};
export type InvestorDirectoryQueries = ReturnType<typeof investorDirectoryQueries>;
