import type { Projection } from '../read-model';
import type { ReadModelStore } from '../stores/read-model-store';

/** Every document of every collection of the projections, as canonical JSON, for comparing two stores. */
export const dumpAll = async (
  store: ReadModelStore,
  projections: ReadonlyArray<Projection>,
): Promise<Record<string, ReadonlyArray<readonly [string, string]>>> => {
  const out: Record<string, ReadonlyArray<readonly [string, string]>> = {};
  for (const p of projections) {
    for (const c of p.collections) {
      out[c.name] = (await store.dump(c.name)).map(({ id, doc }) => [id, canonical(doc)] as const);
    }
  }
  return out;
};

/** JSON with object keys sorted at every level. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
