import type { BusinessDate } from '@zhaoshang/domain';
import type { Collection, Filter } from '../read-model';
import type { ReadModelReader } from '../stores/read-model-store';
import { resolveDuplicates, type ProjectFacts } from './project-facts';

export interface CountingScope {
  readonly year: number;
  /** The units whose projects are counted; every unit when absent. */
  readonly unitIds?: ReadonlyArray<string>;
  /** The date the duplicate groups are resolved for (the end of the window counted). */
  readonly asOf: BusinessDate;
}

/**
 * The facts a year's figures are counted from, each project counted once:
 * - every project with a dated fact in the year, and every project open in it — a deadline still
 *   open since an earlier year (an overdue procedure, a missed milestone not met) makes a project
 *   count in the year even if it filed nothing in it (`openSince`);
 * - with its duplicate group resolved (`resolveDuplicates`): every project ever linked, and every
 *   project linked to, is read whatever its unit or year, so that a group across units and years
 *   has exactly one counted member.
 * Only the scope's projects are returned.
 */
export const loadCountingFacts = async (
  store: ReadModelReader,
  collection: Collection<ProjectFacts>,
  scope: CountingScope,
): Promise<ReadonlyArray<ProjectFacts>> => {
  const units: Filter = scope.unitIds !== undefined ? { unitId: { $in: scope.unitIds } } : {};
  const [dated, open, linked] = await Promise.all([
    store.findAll(collection, { filter: { years: { $has: scope.year }, ...units } }),
    store.findAll(collection, { filter: { openSince: { $lte: scope.year }, ...units } }),
    store.findAll(collection, { filter: { linked: true } }),
  ]);
  const byId = new Map<string, ProjectFacts>();
  const inScope = new Set<string>();
  for (const f of [...dated, ...open]) {
    byId.set(f.projectId, f);
    inScope.add(f.projectId);
  }
  for (const f of linked) byId.set(f.projectId, f);
  const targets = new Set<string>();
  for (const f of linked)
    for (const l of f.links ?? [])
      if (l.canonical !== null && !byId.has(l.canonical)) targets.add(l.canonical);
  if (targets.size > 0) {
    const found = await store.getMany(collection, [...targets]);
    for (const f of found.values()) byId.set(f.projectId, f);
  }
  const resolved =
    linked.length === 0 ? [...byId.values()] : resolveDuplicates([...byId.values()], scope.asOf);
  return resolved.filter((f) => inScope.has(f.projectId));
};
