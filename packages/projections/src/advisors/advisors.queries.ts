import type { AdvisorCategory, AdvisorStatus } from '@zhaoshang/domain';
import { type Filter, type Page, type PageRequest } from '../read-model';
import { registerCollection, type RegisterDoc } from '../register/register.document';
import type { ReadModelReader } from '../stores/read-model-store';
import { advisorsCollection, type AdvisorDoc, type AdvisorEntry } from './advisors.document';

export interface AdvisorFilter {
  readonly status?: AdvisorStatus;
  readonly category?: AdvisorCategory;
  /** Advisors credited with a project of this unit. */
  readonly unitId?: string;
}

/** An advisor with each introduced project's name and stage from the project register. */
const entryOf = (doc: AdvisorDoc, projects: ReadonlyMap<string, RegisterDoc>): AdvisorEntry => ({
  ...doc,
  introductions: doc.introductions.map((i) => {
    const p = projects.get(i.projectId);
    return {
      ...i,
      ...(p !== undefined ? { projectName: p.name, stage: p.stage } : {}),
      ...(p?.signedOn !== undefined ? { signedOn: p.signedOn } : {}),
      rewarded: doc.rewards.some((r) => r.projectId === i.projectId),
    };
  }),
});

const toFilter = (f: AdvisorFilter): Filter => ({
  ...(f.status !== undefined ? { status: f.status } : {}),
  ...(f.category !== undefined ? { category: f.category } : {}),
  ...(f.unitId !== undefined ? { unitIds: { $has: f.unitId } } : {}),
});

/** Queries of the advisor registry (招商顾问名册). */
export const advisorQueries = (store: ReadModelReader) => {
  const withProjects = async (docs: ReadonlyArray<AdvisorDoc>): Promise<ReadonlyArray<AdvisorEntry>> => {
    const ids = [...new Set(docs.flatMap((d) => d.introductions.map((i) => i.projectId)))];
    const projects = await store.getMany(registerCollection, ids);
    return docs.map((d) => entryOf(d, projects));
  };
  return {
    /** One advisor, or undefined. */
    get: async (advisorId: string): Promise<AdvisorEntry | undefined> => {
      const doc = await store.get(advisorsCollection, advisorId);
      return doc === undefined ? undefined : (await withProjects([doc]))[0];
    },
    /** Advisors matching a filter, by appointment date then id. */
    list: async (filter: AdvisorFilter = {}, page?: PageRequest): Promise<Page<AdvisorEntry>> => {
      const found = await store.find(advisorsCollection, {
        filter: toFilter(filter),
        sort: [{ field: 'appointedOn', direction: 'asc' }],
        ...(page !== undefined ? { page } : {}),
      });
      return { ...found, items: await withProjects(found.items) };
    },
  };
};
export type AdvisorQueries = ReturnType<typeof advisorQueries>;
