import type { EventStore, StoredEvent } from '@zhaoshang/eventstore';
import * as E from 'fp-ts/Either';
import type { Subscription } from 'rxjs';
import { decodeStoredEvent, type DecodedEvent, type DecodeFailure } from '../events/decode';
import type { Collection, Doc, DocChange, DocReader, Projection, ProjectionName } from '../read-model';
import type { ProjectionCommit, ReadModelStore } from '../stores/read-model-store';

/** Where log lines go: one line per fact, with structured fields. */
export interface RunnerLogger {
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** The default logger: errors as JSON lines on stderr, nothing else. */
export const stderrLogger: RunnerLogger = {
  info: () => undefined,
  error: (message, fields) => {
    process.stderr.write(`${JSON.stringify({ level: 'error', message, ...stringify(fields) })}\n`);
  },
};

const stringify = (fields: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]));

/** The state of one projection in a runner. */
export type ProjectionState =
  /** applying events (catching up or live) */
  | 'running'
  /** not selected, or the runner is stopped */
  | 'idle'
  /** stopped by an event it cannot handle; `error` says which and why */
  | 'failed'
  /** its documents were built by another version: rebuild it */
  | 'needs-rebuild';

export interface ProjectionStatus {
  readonly name: ProjectionName;
  readonly version: number;
  readonly state: ProjectionState;
  /** Position of the last event applied and committed (-1: none). */
  readonly checkpoint: bigint;
  readonly head: bigint;
  /** Positions behind the head (events, in the embedded store). */
  readonly lag: bigint;
  readonly error?: string;
}

export interface RunnerOptions {
  readonly eventStore: Pick<EventStore, 'readAll' | 'subscribeToAll'>;
  readonly store: ReadModelStore;
  readonly projections: ReadonlyArray<Projection>;
  /** Events per batch (one commit each). Default 1000. */
  readonly batchSize?: number;
  /** Documents kept in memory between batches per projection before the clean ones are dropped. Default 5,000 (a smaller heap is a faster one). */
  readonly cacheLimit?: number;
  /** Live events waiting beyond this many make the runner fall back to paged catch-up. Default 10 × batchSize. */
  readonly liveBufferLimit?: number;
  readonly logger?: RunnerLogger;
  /** Test hook run before each commit; throwing simulates a crash before the batch is written. */
  readonly beforeCommit?: (batch: number) => void;
}

/** Progress of a catch-up or rebuild. */
export interface Progress {
  readonly processed: number;
  readonly position: bigint;
  readonly head: bigint;
}

class MissingDocument {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {}
}

const keyOf = (collection: string, id: string): string => `${collection}\u0000${id}`;

/** Documents by collection, then id: no key string is built on the hot path. */
class DocCache {
  private readonly byCollection = new Map<string, Map<string, Doc | null>>();
  size = 0;
  get(collection: string, id: string): Doc | null | undefined {
    return this.byCollection.get(collection)?.get(id);
  }
  set(collection: string, id: string, doc: Doc | null): void {
    let c = this.byCollection.get(collection);
    if (c === undefined) {
      c = new Map();
      this.byCollection.set(collection, c);
    }
    const before = c.size;
    c.set(id, doc);
    this.size += c.size - before;
  }
  clear(): void {
    this.byCollection.clear();
    this.size = 0;
  }
}

interface Pending {
  readonly collection: string;
  readonly id: string;
  readonly doc: Doc | null;
  readonly position: bigint;
}

/** One projection inside the runner: its position, its write-back cache and its state. */
class Slot {
  state: ProjectionState = 'idle';
  error: string | undefined;
  /** Last event applied (in memory). */
  position = -1n;
  /** Last event committed. */
  committed = -1n;
  /** Documents read or written, by collection then id (`null`: known to be absent). */
  readonly cache = new DocCache();
  readonly dirty = new Map<string, Pending>();
  /**
   * After a reset (a rebuild), a document is in the store only if this run wrote it: `written`
   * lists those, so a document neither cached nor written is known to be absent without a read.
   */
  assumeEmpty = false;
  readonly written = new Set<string>();
  /** A failure not yet recorded in the store. */
  failurePending = false;
  readonly categories: ReadonlySet<string>;
  readonly collections: ReadonlySet<string>;
  readonly reader: DocReader;

  constructor(readonly projection: Projection) {
    this.categories = new Set(projection.categories);
    this.collections = new Set(projection.collections.map((c) => c.name));
    this.reader = {
      get: <D extends Doc>(c: Collection<D>, id: string): D | undefined => {
        const hit = this.cache.get(c.name, id);
        if (hit !== undefined) return (hit ?? undefined) as D | undefined;
        if (this.assumeEmpty && !this.written.has(keyOf(c.name, id))) return undefined;
        throw new MissingDocument(c.name, id);
      },
    };
  }
}

/**
 * The projection runner: reads all events from the projections' checkpoints, applies the pure
 * projections in batches, writes each batch's changed documents together with the new
 * checkpoints (one transaction; position-guarded besides), then tails live events.
 * Exactly once: a checkpoint only ever moves with the documents it describes.
 */
export class ProjectionRunner {
  private readonly slots: ReadonlyArray<Slot>;
  private readonly batchSize: number;
  private readonly cacheLimit: number;
  private readonly liveBufferLimit: number;
  private readonly logger: RunnerLogger;
  private subscription: Subscription | undefined;
  private readonly queue: StoredEvent[] = [];
  private draining: Promise<void> | undefined;
  private stopping = false;
  private live = false;
  private batches = 0;
  private lastSeen = -1n;
  private fatal: unknown;
  private readonly waiters = new Set<{ position: bigint; resolve: () => void; reject: (e: unknown) => void }>();

  constructor(private readonly options: RunnerOptions) {
    const names = new Set<string>();
    for (const p of options.projections) {
      if (names.has(p.name)) throw new RangeError(`projection ${p.name} given twice`);
      names.add(p.name);
    }
    this.slots = options.projections.map((p) => new Slot(p));
    this.batchSize = Math.max(1, options.batchSize ?? 1000);
    this.cacheLimit = options.cacheLimit ?? 5_000;
    this.liveBufferLimit = options.liveBufferLimit ?? 10 * this.batchSize;
    this.logger = options.logger ?? stderrLogger;
  }

  /** Loads checkpoints, catches up to the head, then tails live events until `stop`. */
  async start(): Promise<void> {
    this.stopping = false;
    this.fatal = undefined;
    await this.load();
    await this.catchUp();
    if (!this.stopping) this.subscribe();
  }

  /** Stops tailing; waits for the batch in progress to be committed. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.live = false;
    await this.draining;
    for (const w of this.waiters) w.reject(new Error('the projection runner stopped'));
    this.waiters.clear();
  }

  /**
   * Drops the documents of the given projections (all by default) and applies every event from
   * the start; returns when they have reached the head.
   */
  async rebuild(names?: ReadonlyArray<ProjectionName>, onProgress?: (p: Progress) => void): Promise<void> {
    this.stopping = false;
    this.fatal = undefined;
    await this.options.store.init(this.slots.flatMap((s) => s.projection.collections));
    const selected = this.slots.filter((s) => names === undefined || names.includes(s.projection.name));
    for (const s of selected) {
      await this.options.store.reset(s.projection.name, s.projection.collections);
      s.position = -1n;
      s.committed = -1n;
      s.cache.clear();
      s.dirty.clear();
      s.written.clear();
      s.assumeEmpty = true;
      s.error = undefined;
      s.state = 'running';
    }
    for (const s of this.slots) if (!selected.includes(s)) s.state = 'idle';
    await this.catchUp(onProgress);
    // The embedded store drops its indexes on reset so that the rebuild writes faster: build them now.
    await this.options.store.init(selected.flatMap((s) => s.projection.collections));
    for (const s of selected) {
      s.assumeEmpty = false;
      s.written.clear();
    }
  }

  /** Resolves once every running projection has committed the event at `position` (read-your-writes). */
  waitFor(position: bigint): Promise<void> {
    if (this.reached(position)) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.add({ position, resolve, reject }));
  }

  /** Each projection's state, checkpoint and lag behind the head of the event store. */
  async status(): Promise<ReadonlyArray<ProjectionStatus>> {
    const head = await headPosition(this.options.eventStore);
    return this.slots.map((s) => ({
      name: s.projection.name,
      version: s.projection.version,
      state: s.state,
      checkpoint: s.committed,
      head,
      lag: head > s.committed ? head - s.committed : 0n,
      ...(s.error !== undefined ? { error: s.error } : {}),
    }));
  }

  /**
   * The position every running projection has committed (the least of their checkpoints; -1 before
   * any event, or when none runs): a query answered now reflects every event up to it.
   */
  get checkpoint(): bigint {
    const running = this.running();
    if (running.length === 0) return -1n;
    return running.reduce((min, s) => (s.committed < min ? s.committed : min), running[0]!.committed);
  }

  /** Whether the runner is tailing live events. */
  get isLive(): boolean {
    return this.live;
  }

  private reached(position: bigint): boolean {
    return this.slots.every((s) => s.state !== 'running' || s.committed >= position);
  }

  private async load(): Promise<void> {
    await this.options.store.init(this.slots.flatMap((s) => s.projection.collections));
    for (const s of this.slots) {
      const cp = await this.options.store.checkpoint(s.projection.name);
      s.position = cp?.position ?? -1n;
      s.committed = s.position;
      s.cache.clear();
      s.dirty.clear();
      s.written.clear();
      s.assumeEmpty = false;
      if (cp !== undefined && cp.version !== s.projection.version) {
        s.state = 'needs-rebuild';
        s.error = `documents were built by version ${cp.version}, this is version ${s.projection.version}: rebuild ${s.projection.name}`;
        this.logger.error('projection needs a rebuild', { projection: s.projection.name, error: s.error });
        continue;
      }
      // A projection that failed before is retried: if the event still cannot be handled it fails again, loudly.
      if (cp?.status === 'failed') this.logger.info('retrying a failed projection', { projection: s.projection.name, error: cp.error });
      s.state = 'running';
      s.error = undefined;
    }
  }

  private running(): ReadonlyArray<Slot> {
    return this.slots.filter((s) => s.state === 'running');
  }

  /** Pages through $all from the lowest checkpoint to the head. */
  private async catchUp(onProgress?: (p: Progress) => void): Promise<void> {
    const active = this.running();
    if (active.length === 0) return;
    // The lowest checkpoint is an exclusive "after" (0n: nothing applied yet, read from the start).
    const lowest = active.reduce((min, s) => (s.position < min ? s.position : min), active[0]!.position);
    let after: bigint | undefined = lowest > 0n ? lowest : undefined;
    const head = onProgress !== undefined ? await headPosition(this.options.eventStore) : 0n;
    let processed = 0;
    while (!this.stopping && this.running().length > 0) {
      const page = await this.options.eventStore.readAll(
        after === undefined ? { maxCount: this.batchSize } : { after, maxCount: this.batchSize },
      );
      if (page.length === 0) break;
      await this.processBatch(page);
      const last = page[page.length - 1]!.globalPosition;
      after = last;
      processed += page.length;
      onProgress?.({ processed, position: last, head });
      if (page.length < this.batchSize) break;
    }
  }

  private subscribe(): void {
    const after = this.running().reduce<bigint | undefined>((min, s) => (min === undefined || s.position < min ? s.position : min), undefined);
    if (after === undefined) return;
    this.live = true;
    this.subscription = this.options.eventStore
      .subscribeToAll(after >= 0n ? { afterPosition: after } : {})
      .subscribe({
        next: (event) => {
          this.queue.push(event);
          this.drain();
        },
        error: (error: unknown) => {
          this.live = false;
          this.logger.error('live subscription failed; catching up again', { error: String(error) });
          this.resubscribeLater();
        },
      });
  }

  private resubscribeLater(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    if (this.stopping) return;
    setTimeout(() => {
      if (this.stopping) return;
      this.catchUp()
        .then(() => {
          if (!this.stopping) this.subscribe();
        })
        .catch((error: unknown) => this.die(error));
    }, 1000).unref();
  }

  private drain(): void {
    if (this.draining !== undefined) return;
    const run = async (): Promise<void> => {
      while (this.queue.length > 0 && !this.stopping) {
        if (this.queue.length > this.liveBufferLimit) {
          // Falling behind: page from the store instead of buffering without bound.
          this.queue.length = 0;
          this.subscription?.unsubscribe();
          this.subscription = undefined;
          this.live = false;
          await this.catchUp();
          if (!this.stopping) this.subscribe();
          return;
        }
        await this.processBatch(this.queue.splice(0, this.batchSize));
      }
    };
    this.draining = run()
      .catch((error: unknown) => this.die(error))
      .finally(() => {
        this.draining = undefined;
        if (this.queue.length > 0 && !this.stopping) this.drain();
      });
  }

  private die(error: unknown): void {
    this.fatal = error;
    this.logger.error('projection runner stopped: the read-model store failed', { error: String(error) });
    this.stopping = true;
    this.subscription?.unsubscribe();
    this.live = false;
    for (const w of this.waiters) w.reject(error);
    this.waiters.clear();
  }

  /** Applies a batch to every running projection, then commits their changes and checkpoints together. */
  private async processBatch(events: ReadonlyArray<StoredEvent>): Promise<void> {
    if (this.fatal !== undefined) throw this.fatal;
    for (const stored of events) {
      const position = stored.globalPosition;
      let decoded: E.Either<DecodeFailure, DecodedEvent> | undefined | null = null; // null: not decoded yet
      for (const slot of this.slots) {
        if (slot.state !== 'running' || position <= slot.position) continue;
        if (decoded === null) decoded = decodeStoredEvent(stored);
        if (decoded === undefined || !slot.categories.has(categoryOfDecoded(decoded))) {
          slot.position = position;
          continue;
        }
        if (E.isLeft(decoded)) {
          this.fail(slot, stored, `cannot decode ${decoded.left.type} (${decoded.left.code}): ${decoded.left.message}`);
          continue;
        }
        const loading = this.applyOne(slot, decoded.right, stored);
        if (loading !== undefined) await loading;
      }
      if (position > this.lastSeen) this.lastSeen = position;
    }
    await this.commit();
  }

  /** Applies one event to a projection; a document missing from the cache is loaded and the (pure) projection run again. */
  private applyOne(slot: Slot, event: DecodedEvent, stored: StoredEvent): Promise<void> | undefined {
    const miss = this.tryApply(slot, event, stored);
    if (miss === undefined) return undefined; // the common case stays synchronous: no promise per event
    return (async () => {
      for (let m: MissingDocument | undefined = miss; m !== undefined; m = this.tryApply(slot, event, stored)) {
        const doc = await this.options.store.get({ name: m.collection, indexes: [] }, m.id);
        slot.cache.set(m.collection, m.id, doc ?? null);
      }
    })();
  }

  private tryApply(slot: Slot, event: DecodedEvent, stored: StoredEvent): MissingDocument | undefined {
    let changes: ReadonlyArray<DocChange>;
    try {
      changes = slot.projection.apply(slot.reader, event);
    } catch (error) {
      if (error instanceof MissingDocument) return error;
      this.fail(slot, stored, `projection threw on ${stored.type}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    for (const change of changes) {
      if (!slot.collections.has(change.collection)) {
        this.fail(slot, stored, `projection wrote outside its collections: ${change.collection}`);
        return undefined;
      }
    }
    for (const change of changes) {
      slot.cache.set(change.collection, change.id, change.doc);
      slot.dirty.set(keyOf(change.collection, change.id), { collection: change.collection, id: change.id, doc: change.doc, position: stored.globalPosition });
    }
    slot.position = stored.globalPosition;
    return undefined;
  }

  /** Stops one projection at an event it cannot handle: its checkpoint stays just before it. */
  private fail(slot: Slot, stored: StoredEvent, reason: string): void {
    slot.state = 'failed';
    slot.failurePending = true;
    slot.error = `at position ${stored.globalPosition} (${stored.streamName} #${stored.revision}, ${stored.type}): ${reason}`;
    this.logger.error('projection stopped', {
      projection: slot.projection.name,
      position: stored.globalPosition,
      stream: stored.streamName,
      revision: stored.revision,
      type: stored.type,
      reason,
    });
  }

  private async commit(): Promise<void> {
    const commits: ProjectionCommit[] = [];
    const touched: Slot[] = [];
    for (const s of this.slots) {
      if (s.position <= s.committed && s.dirty.size === 0 && !s.failurePending) continue;
      if (s.state !== 'running' && s.state !== 'failed') continue;
      commits.push({
        projection: s.projection.name,
        version: s.projection.version,
        changes: [...s.dirty.values()].map((p) => ({ collection: p.collection, id: p.id, doc: p.doc, position: p.position })),
        checkpoint: {
          projection: s.projection.name,
          position: s.position,
          version: s.projection.version,
          status: s.state === 'failed' ? 'failed' : 'ok',
          ...(s.error !== undefined ? { error: s.error } : {}),
        },
      });
      touched.push(s);
    }
    if (commits.length === 0) return;
    this.batches += 1;
    try {
      this.options.beforeCommit?.(this.batches);
      await this.options.store.commit(commits);
    } catch (error) {
      // The store did not take the batch: what the caches hold is no longer what it has.
      for (const s of this.slots) {
        s.cache.clear();
        s.dirty.clear();
        s.position = s.committed;
        s.assumeEmpty = false;
        s.written.clear();
      }
      throw error;
    }
    for (const s of touched) {
      s.committed = s.position;
      if (s.assumeEmpty) {
        for (const [key, p] of s.dirty) {
          if (p.doc === null) s.written.delete(key);
          else s.written.add(key);
        }
      }
      s.dirty.clear();
      s.failurePending = false;
      // Everything cached is clean now: drop it all when it grows too big; what is needed is read again.
      if (s.cache.size > this.cacheLimit) s.cache.clear();
    }
    for (const w of [...this.waiters]) {
      if (this.reached(w.position)) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }
}

const categoryOfDecoded = (d: E.Either<DecodeFailure, DecodedEvent>): string => (E.isLeft(d) ? d.left.category : d.right.category);

/** The position of the last event in the store (-1 when empty). */
export const headPosition = async (eventStore: Pick<EventStore, 'readAll'>): Promise<bigint> => {
  const [last] = await eventStore.readAll({ direction: 'backwards', maxCount: 1 });
  return last?.globalPosition ?? -1n;
};
