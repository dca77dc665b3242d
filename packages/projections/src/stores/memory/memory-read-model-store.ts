import type {
  Collection,
  Doc,
  FieldCondition,
  Filter,
  FindQuery,
  Page,
  Scalar,
  SortKey,
} from '../../read-model';
import { pageBounds } from '../../read-model';
import {
  LeaseLostError,
  storablePosition,
  type Checkpoint,
  type CommitOptions,
  type Lease,
  type ProjectionCommit,
  type ReadModelStore,
  type SkipRecord,
} from '../read-model-store';
import {
  commitWithRedoLog,
  fromRedo,
  recoverRedoLog,
  toRedo,
  type GuardedPrimitives,
  type RedoEntry,
} from '../redo-log';

/** Options of the in-memory store. */
export interface MemoryReadModelStoreOptions {
  /**
   * Test hook: called before each write (redo log, document, checkpoint); throwing simulates a
   * crash there. The memory store commits through the redo log, as MongoDB without transactions does.
   */
  readonly beforeWrite?: (n: number) => void;
}

const get = (doc: Doc, field: string): unknown => {
  let v: unknown = doc;
  for (const part of field.split('.'))
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
};

const present = (v: unknown): boolean => v !== undefined && v !== null;

const matches = (doc: Doc, filter: Filter | undefined): boolean =>
  Object.entries(filter ?? {}).every(([field, cond]) => {
    const v = get(doc, field);
    if (cond === null || typeof cond !== 'object') return cond === null ? !present(v) : v === cond;
    const c: FieldCondition = cond;
    if (c.$eq !== undefined && !(c.$eq === null ? !present(v) : v === c.$eq)) return false;
    if (c.$ne !== undefined && (c.$ne === null ? !present(v) : v === c.$ne)) return false;
    if (c.$in !== undefined && !c.$in.some((x: Scalar) => (x === null ? !present(v) : v === x))) return false;
    if (c.$gt !== undefined && !(present(v) && (v as string | number) > c.$gt)) return false;
    if (c.$gte !== undefined && !(present(v) && (v as string | number) >= c.$gte)) return false;
    if (c.$lt !== undefined && !(present(v) && (v as string | number) < c.$lt)) return false;
    if (c.$lte !== undefined && !(present(v) && (v as string | number) <= c.$lte)) return false;
    if (c.$has !== undefined && !(Array.isArray(v) && v.includes(c.$has))) return false;
    if (c.$exists !== undefined && present(v) !== c.$exists) return false;
    return true;
  });

const compare = (a: unknown, b: unknown): number => {
  if (!present(a)) return present(b) ? -1 : 0; // missing and null sort first, as in SQLite and MongoDB
  if (!present(b)) return 1;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
};

const sorter =
  (sort: ReadonlyArray<SortKey> | undefined) =>
  (x: { id: string; doc: Doc }, y: { id: string; doc: Doc }): number => {
    for (const k of sort ?? []) {
      const c = compare(get(x.doc, k.field), get(y.doc, k.field));
      if (c !== 0) return k.direction === 'desc' ? -c : c;
    }
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  };

/**
 * Read models in memory, for tests and tools. Commits go through the redo log with position
 * guards (no transaction), exactly as the MongoDB store does without a replica set, so that the
 * protocol can be tested with crashes injected between any two writes.
 */
export class MemoryReadModelStore implements ReadModelStore {
  readonly kind = 'memory' as const;
  private readonly collections = new Map<string, Map<string, { doc: string; position: bigint }>>();
  private readonly cps = new Map<string, Checkpoint>();
  private redo: string | undefined;
  private held: Lease | undefined;
  private readonly skips: SkipRecord[] = [];
  private writes = 0;
  private readonly primitives: GuardedPrimitives;

  constructor(private readonly options: MemoryReadModelStoreOptions = {}) {
    const write = () => {
      this.writes += 1;
      this.options.beforeWrite?.(this.writes);
    };
    this.primitives = {
      writeRedo: (commits) => {
        write();
        this.redo = JSON.stringify(commits.map(toRedo));
        return Promise.resolve();
      },
      readRedo: () =>
        Promise.resolve(
          this.redo === undefined ? undefined : (JSON.parse(this.redo) as RedoEntry[]).map(fromRedo),
        ),
      clearRedo: () => {
        write();
        this.redo = undefined;
        return Promise.resolve();
      },
      applyGuarded: (change) => {
        write();
        storablePosition(change.position);
        const c = this.coll(change.collection);
        const existing = c.get(change.id);
        if (existing !== undefined && existing.position >= change.position) return Promise.resolve();
        if (change.doc === null) c.delete(change.id);
        else c.set(change.id, { doc: JSON.stringify(change.doc), position: change.position });
        return Promise.resolve();
      },
      writeCheckpoint: (cp) => {
        write();
        const existing = this.cps.get(cp.projection);
        if (existing === undefined || existing.position <= storablePosition(cp.position))
          this.cps.set(cp.projection, cp);
        return Promise.resolve();
      },
      checkLease: (holder) =>
        this.held?.holder === holder
          ? Promise.resolve()
          : Promise.reject(new LeaseLostError(holder, this.held?.holder)),
    };
  }

  /** A store that shares this one's data but has other fault hooks: a process restarting on the same data. */
  restart(options: MemoryReadModelStoreOptions = {}): MemoryReadModelStore {
    const next = new MemoryReadModelStore(options);
    for (const [k, v] of this.collections) next.collections.set(k, v);
    for (const [k, v] of this.cps) next.cps.set(k, v);
    next.redo = this.redo;
    next.held = this.held;
    next.skips.push(...this.skips);
    return next;
  }

  private coll(name: string): Map<string, { doc: string; position: bigint }> {
    let c = this.collections.get(name);
    if (c === undefined) {
      c = new Map();
      this.collections.set(name, c);
    }
    return c;
  }

  private docs(name: string): Array<{ id: string; doc: Doc }> {
    return [...this.coll(name).entries()].map(([id, v]) => ({ id, doc: JSON.parse(v.doc) as Doc }));
  }

  async init(collections: ReadonlyArray<Collection<Doc>>): Promise<void> {
    for (const c of collections) this.coll(c.name);
    await recoverRedoLog(this.primitives);
  }

  get<D extends Doc>(c: Collection<D>, id: string): Promise<D | undefined> {
    const v = this.coll(c.name).get(id);
    return Promise.resolve(v === undefined ? undefined : (JSON.parse(v.doc) as D));
  }

  async getMany<D extends Doc>(
    c: Collection<D>,
    ids: ReadonlyArray<string>,
  ): Promise<ReadonlyMap<string, D>> {
    const out = new Map<string, D>();
    for (const id of ids) {
      const d = await this.get(c, id);
      if (d !== undefined) out.set(id, d);
    }
    return out;
  }

  find<D extends Doc>(c: Collection<D>, query: FindQuery = {}): Promise<Page<D>> {
    const { limit, offset } = pageBounds(query.page);
    const all = this.docs(c.name)
      .filter((x) => matches(x.doc, query.filter))
      .sort(sorter(query.sort));
    return Promise.resolve({
      items: all.slice(offset, offset + limit).map((x) => x.doc as D),
      total: all.length,
      limit,
      offset,
    });
  }

  findAll<D extends Doc>(c: Collection<D>, query: Omit<FindQuery, 'page'> = {}): Promise<ReadonlyArray<D>> {
    return Promise.resolve(
      this.docs(c.name)
        .filter((x) => matches(x.doc, query.filter))
        .sort(sorter(query.sort))
        .map((x) => x.doc as D),
    );
  }

  commit(commits: ReadonlyArray<ProjectionCommit>, options: CommitOptions = {}): Promise<void> {
    return commitWithRedoLog(this.primitives, commits, options);
  }

  checkpoint(projection: string): Promise<Checkpoint | undefined> {
    return Promise.resolve(this.cps.get(projection));
  }

  checkpoints(): Promise<ReadonlyArray<Checkpoint>> {
    return Promise.resolve([...this.cps.values()].sort((a, b) => (a.projection < b.projection ? -1 : 1)));
  }

  reset(projection: string, collections: ReadonlyArray<Collection<Doc>>): Promise<void> {
    for (const c of collections) this.coll(c.name).clear();
    this.cps.delete(projection);
    return Promise.resolve();
  }

  acquireLease(holder: string, ttlMs: number, now: number): Promise<boolean> {
    if (this.held !== undefined && this.held.holder !== holder && this.held.expiresAt > now)
      return Promise.resolve(false);
    this.held = { holder, expiresAt: now + ttlMs };
    return Promise.resolve(true);
  }

  releaseLease(holder: string): Promise<void> {
    if (this.held?.holder === holder) this.held = undefined;
    return Promise.resolve();
  }

  lease(): Promise<Lease | undefined> {
    return Promise.resolve(this.held);
  }

  retryParked(projection: string): Promise<boolean> {
    const cp = this.cps.get(projection);
    if (cp?.status !== 'parked') return Promise.resolve(false);
    const { parked: _parked, ...rest } = cp;
    this.cps.set(projection, { ...rest, status: 'ok' });
    return Promise.resolve(true);
  }

  skipParked(projection: string, position: bigint, by: string, at: string): Promise<boolean> {
    const cp = this.cps.get(projection);
    if (cp?.status !== 'parked' || cp.parked === undefined || cp.parked.position !== position)
      return Promise.resolve(false);
    const { parked, ...rest } = cp;
    this.skips.push({ ...parked, projection, skippedAt: at, by });
    this.cps.set(projection, { ...rest, status: 'ok', position: parked.position });
    return Promise.resolve(true);
  }

  skipped(): Promise<ReadonlyArray<SkipRecord>> {
    return Promise.resolve([...this.skips]);
  }

  dump(collectionName: string): Promise<ReadonlyArray<{ readonly id: string; readonly doc: Doc }>> {
    return Promise.resolve(
      this.docs(collectionName).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    );
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
