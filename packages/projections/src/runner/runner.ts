import type { EventStore, StoredEvent } from '@zhaoshang/eventstore';
import * as E from 'fp-ts/Either';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Subscription } from 'rxjs';
import { decodeStoredEvent, type DecodedEvent, type DecodeFailure } from '../events/decode';
import type { Collection, Doc, DocChange, DocReader, Projection, ProjectionName } from '../read-model';
import {
  LeaseLostError,
  type ParkedEvent,
  type ProjectionCommit,
  type ReadModelStore,
} from '../stores/read-model-store';
import {
  lastEvent,
  readAfter,
  sameStore,
  type EventStoreIdentity,
  type RunnerEventSource,
} from './event-source';

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
  Object.fromEntries(
    Object.entries(fields ?? {}).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]),
  );

/** The state of one projection in a runner. */
export type ProjectionState =
  /** applying events (catching up or live), or kept up to date by the runner holding the lease */
  | 'running'
  /** not selected, or the runner is stopped */
  | 'idle'
  /** stopped at an event it cannot handle (`parked` says which and why) until an operator retries or skips it */
  | 'parked'
  /** its documents were built by another version: rebuild it */
  | 'needs-rebuild';

/**
 * The runner as a whole. `degraded`: a store fails and the runner retries with backoff for as long
 * as it lasts (alive, not dead); `standby`: another runner holds the read-model store's lease and
 * keeps the read models up to date, this one follows its checkpoints.
 */
export type RunnerHealth = 'starting' | 'catching-up' | 'live' | 'standby' | 'degraded' | 'stopped';

export interface ProjectionStatus {
  readonly name: ProjectionName;
  readonly version: number;
  readonly state: ProjectionState;
  /** Position of the last event applied and committed (-1: none). Opaque: for display and comparison only. */
  readonly checkpoint: bigint;
  /** Position of the last event in the store (-1: empty). Opaque. */
  readonly head: bigint;
  /** Events in the store after the checkpoint, counted by reading them (at most `lagCap`). */
  readonly lagEvents: number;
  /** `lagEvents` reached the cap: at least that many. */
  readonly lagCapped: boolean;
  /** How long the first event not yet applied has been waiting (recorded time to now); 0 when caught up. */
  readonly lagSeconds: number;
  readonly parked?: ParkedEvent;
  readonly error?: string;
}

/** Why the runner last rebuilt read models by itself (item 7: bound to their event store). */
export interface RebuildNotice {
  readonly projections: ReadonlyArray<ProjectionName>;
  readonly reason: string;
  /** ISO 8601. */
  readonly at: string;
}

export interface RunnerReport {
  readonly health: RunnerHealth;
  /** This runner's lease holder id, and who holds the store's lease now. */
  readonly holder: string;
  readonly leaseHolder?: string;
  /** While degraded: the last error, since when (ISO 8601), attempts so far and the next wait. */
  readonly failure?: {
    readonly error: string;
    readonly since: string;
    readonly attempts: number;
    readonly retryInMs: number;
  };
  readonly rebuilt?: RebuildNotice;
  readonly projections: ReadonlyArray<ProjectionStatus>;
}

/** Backoff between attempts while a store fails: initial, doubling, capped. */
export interface RetryPolicy {
  /** Default 250 ms. */
  readonly initialMs?: number;
  /** Default 30 s. */
  readonly maxMs?: number;
}

export interface RunnerOptions {
  readonly eventStore: RunnerEventSource;
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
  /**
   * While a store fails: retry with this backoff for as long as the failure lasts (default), or
   * `false`: fail `start()` at the first error (a crash, for tests and one-shot tools).
   */
  readonly retry?: RetryPolicy | false;
  /** One runner per read-model store: the lease's time to live (default 15 s; renewed every third of it). `false`: no lease (one-shot tools that own the store). */
  readonly lease?: { readonly ttlMs?: number; readonly holder?: string } | false;
  /**
   * Never apply events: follow the checkpoints of the runner that holds the lease (an API instance
   * when the runner runs as its own process, `npm run projections`).
   */
  readonly follow?: boolean;
  /** How often a standby runner tries the lease and reads the checkpoints (default 250 ms). */
  readonly standbyPollMs?: number;
  /**
   * Rebuild a projection whose documents another version wrote, as part of the supervised run
   * (the lease holder does it), instead of leaving it `needs-rebuild`. Default false.
   */
  readonly rebuildOnVersionChange?: boolean;
  /** Most events counted for the lag (default 10,000). */
  readonly lagCap?: number;
  /** Milliseconds since the epoch (default Date.now); injectable for tests. */
  readonly clock?: () => number;
  /** Waits between attempts (default a timer that `stop` cuts short); injectable so that tests need not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Progress of a catch-up or rebuild. */
export interface Progress {
  readonly processed: number;
  readonly position: bigint;
  readonly head: bigint;
}

/** No event applied yet: below every position (positions are ≥ 0). Only ever compared, never added to. */
const NONE = -1n;

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
  parked: ParkedEvent | undefined;
  /** Last event applied (in memory). */
  position = NONE;
  /** Last event committed. */
  committed = NONE;
  /** Documents read or written, by collection then id (`null`: known to be absent). */
  readonly cache = new DocCache();
  readonly dirty = new Map<string, Pending>();
  /**
   * After a reset (a rebuild), a document is in the store only if this run wrote it: `written`
   * lists those, so a document neither cached nor written is known to be absent without a read.
   */
  assumeEmpty = false;
  readonly written = new Set<string>();
  /** A park not yet recorded in the store. */
  parkPending = false;
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

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

const deferred = (): Deferred => {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection
  return { promise, resolve, reject };
};

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The projection runner: reads all events from the projections' checkpoints, applies the pure
 * projections in batches, writes each batch's changed documents together with the new
 * checkpoints (one transaction; position-guarded besides), then tails live events.
 * Exactly once: a checkpoint only ever moves with the documents it describes.
 *
 * Supervised: while the event store or the read-model store fails it retries with backoff for as
 * long as the failure lasts, reporting itself `degraded`. One runner per read-model store: it holds
 * the store's lease (with expiry) to apply events, and every commit is fenced by it; without the
 * lease it stands by and follows the checkpoints another runner writes. Bound to its event store:
 * documents built from another store (another identity) are rebuilt from scratch, and it says so.
 */
export class ProjectionRunner {
  private readonly slots: ReadonlyArray<Slot>;
  private readonly batchSize: number;
  private readonly cacheLimit: number;
  private readonly liveBufferLimit: number;
  private readonly logger: RunnerLogger;
  private readonly clock: () => number;
  private readonly holder: string;
  private readonly leaseTtl: number | undefined;
  private subscription: Subscription | undefined;
  private readonly queue: StoredEvent[] = [];
  private draining: Promise<void> | undefined;
  private stopping = false;
  private health: RunnerHealth = 'stopped';
  private failure: RunnerReport['failure'];
  private rebuilt: RebuildNotice | undefined;
  private identity: EventStoreIdentity | undefined;
  private batches = 0;
  private loop: Promise<void> | undefined;
  private tailing: Deferred | undefined;
  private wake: (() => void) | undefined;
  private leaseHeld = false;
  private leaseTimer: NodeJS.Timeout | undefined;
  private readonly waiters = new Set<{
    position: bigint;
    resolve: () => void;
    reject: (e: unknown) => void;
  }>();

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
    this.clock = options.clock ?? Date.now;
    this.holder =
      (options.lease !== false ? options.lease?.holder : undefined) ??
      `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseTtl = options.lease === false ? undefined : (options.lease?.ttlMs ?? 15_000);
  }

  /**
   * Starts the supervised loop: loads checkpoints, catches up to the head, then tails live events
   * until `stop`. Resolves once the runner is live, standing by (another holds the lease) or
   * degraded (it keeps retrying in the background). With `retry: false` it rejects at the first failure.
   */
  start(): Promise<void> {
    if (this.loop !== undefined) return Promise.resolve();
    this.stopping = false;
    this.health = 'starting';
    const settled = deferred();
    this.loop = this.supervise(settled).finally(() => {
      this.loop = undefined;
    });
    return settled.promise;
  }

  /** Stops tailing; waits for the batch in progress to be committed; gives the lease up. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    this.tailing?.resolve();
    await this.loop;
    await this.draining;
    this.health = 'stopped';
    for (const w of this.waiters) w.reject(new Error('the projection runner stopped'));
    this.waiters.clear();
  }

  /**
   * Drops the documents of the given projections (all by default) and applies every event from
   * the start; returns when they have reached the head. A one-shot tool: call it on a stopped
   * runner. It takes the lease for its duration when the runner has one.
   */
  async rebuild(names?: ReadonlyArray<ProjectionName>, onProgress?: (p: Progress) => void): Promise<void> {
    this.stopping = false;
    if (this.leaseTtl !== undefined && !(await this.acquireLease())) {
      const lease = await this.options.store.lease();
      throw new LeaseLostError(this.holder, lease?.holder);
    }
    try {
      await this.options.store.init(this.slots.flatMap((s) => s.projection.collections));
      this.identity = await this.identityOf();
      const selected = this.slots.filter((s) => names === undefined || names.includes(s.projection.name));
      for (const s of selected) await this.resetSlot(s);
      for (const s of this.slots) if (!selected.includes(s)) s.state = 'idle';
      await this.catchUp(onProgress);
      // The embedded store drops its indexes on reset so that the rebuild writes faster: build them now.
      await this.options.store.init(selected.flatMap((s) => s.projection.collections));
      for (const s of selected) {
        s.assumeEmpty = false;
        s.written.clear();
      }
    } finally {
      await this.releaseLease();
    }
  }

  /** Resolves once every running projection has committed the event at `position` (read-your-writes). */
  waitFor(position: bigint): Promise<void> {
    if (this.reached(position)) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.add({ position, resolve, reject }));
  }

  /** Each projection's state, checkpoint and lag (events and seconds, counted by reading the store). */
  async status(): Promise<ReadonlyArray<ProjectionStatus>> {
    const last = await lastEvent(this.options.eventStore);
    const head = last?.globalPosition ?? NONE;
    const cap = Math.max(1, this.options.lagCap ?? 10_000);
    const lags = new Map<bigint, { events: number; capped: boolean; seconds: number }>();
    for (const s of this.slots) {
      if (lags.has(s.committed)) continue;
      // Counted by reading the events after the checkpoint, never by subtracting positions.
      const behind = await readAfter(
        this.options.eventStore,
        s.committed === NONE ? undefined : s.committed,
        cap,
      );
      const first = behind[0];
      const waited = first === undefined ? 0 : (this.clock() - Date.parse(first.metadata.recordedAt)) / 1000;
      lags.set(s.committed, {
        events: behind.length,
        capped: behind.length >= cap,
        seconds: Math.max(0, Math.round(waited * 10) / 10),
      });
    }
    return this.slots.map((s) => {
      const lag = lags.get(s.committed)!;
      return {
        name: s.projection.name,
        version: s.projection.version,
        state: s.state,
        checkpoint: s.committed,
        head,
        lagEvents: lag.events,
        lagCapped: lag.capped,
        lagSeconds: lag.seconds,
        ...(s.parked !== undefined ? { parked: s.parked } : {}),
        ...(s.error !== undefined ? { error: s.error } : {}),
      };
    });
  }

  /** The runner's health, lease, last failure and self-rebuild, with every projection's status. */
  async report(): Promise<RunnerReport> {
    const projections = await this.status();
    const lease = await this.options.store.lease().catch(() => undefined);
    return {
      health: this.health,
      holder: this.holder,
      ...(lease !== undefined ? { leaseHolder: lease.holder } : {}),
      ...(this.failure !== undefined ? { failure: this.failure } : {}),
      ...(this.rebuilt !== undefined ? { rebuilt: this.rebuilt } : {}),
      projections,
    };
  }

  /** The runner's health now (no I/O). */
  get currentHealth(): RunnerHealth {
    return this.health;
  }

  /**
   * The position every running projection has committed (the least of their checkpoints; -1 before
   * any event, or when none runs): a query answered now reflects every event up to it.
   */
  get checkpoint(): bigint {
    const running = this.running();
    if (running.length === 0) return NONE;
    return running.reduce((min, s) => (s.committed < min ? s.committed : min), running[0]!.committed);
  }

  /** Whether the runner is tailing live events. */
  get isLive(): boolean {
    return this.health === 'live';
  }

  // ------------------------------------------------------------------ supervision

  private async supervise(settled: Deferred): Promise<void> {
    let attempts = 0;
    let since: string | undefined;
    while (!this.stopping) {
      try {
        if (!(await this.acquireLease())) {
          if (this.health !== 'standby')
            this.logger.info(
              this.options.follow === true
                ? 'following the checkpoints of the projection runner'
                : 'another runner holds the read-model store; standing by',
              { holder: this.holder },
            );
          this.health = 'standby';
          await this.follow();
          attempts = 0;
          this.failure = undefined;
          settled.resolve();
          await this.sleep(this.options.standbyPollMs ?? 250);
          continue;
        }
        this.health = 'catching-up';
        await this.load();
        await this.catchUp();
        if (this.stopping) break;
        await this.finishRebuilds();
        if (this.failure !== undefined)
          this.logger.info('projection runner recovered', { after: this.failure.error, attempts });
        attempts = 0;
        since = undefined;
        this.failure = undefined;
        this.health = 'live';
        settled.resolve();
        await this.tail();
      } catch (error) {
        this.unsubscribe();
        this.queue.length = 0;
        if (this.stopping) break;
        if (error instanceof LeaseLostError) {
          this.leaseHeld = false;
          this.logger.error('lost the read-model store lease; standing by', {
            holder: this.holder,
            error: error.message,
          });
          continue;
        }
        if (this.options.retry === false) {
          this.health = 'stopped';
          this.logger.error('projection runner stopped', { error: message(error) });
          for (const w of this.waiters) w.reject(error);
          this.waiters.clear();
          await this.releaseLease().catch(() => undefined);
          settled.reject(error);
          return;
        }
        attempts += 1;
        since ??= new Date(this.clock()).toISOString();
        const initial = this.options.retry?.initialMs ?? 250;
        const max = this.options.retry?.maxMs ?? 30_000;
        const delay = Math.min(max, initial * 2 ** Math.min(attempts - 1, 30));
        this.health = 'degraded';
        this.failure = { error: message(error), since, attempts, retryInMs: delay };
        this.logger.error('projection runner degraded; retrying', {
          error: message(error),
          attempts,
          retryInMs: delay,
          since,
        });
        settled.resolve();
        await this.sleep(delay);
      }
    }
    this.unsubscribe();
    await this.releaseLease().catch(() => undefined);
    settled.resolve();
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.options.sleep !== undefined) return this.options.sleep(ms);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }

  private async acquireLease(): Promise<boolean> {
    if (this.options.follow === true) return false;
    if (this.leaseTtl === undefined) return true;
    const ttl = this.leaseTtl;
    const got = await this.options.store.acquireLease(this.holder, ttl, this.clock());
    if (got && !this.leaseHeld) {
      this.leaseHeld = true;
      this.logger.info('holding the read-model store lease', { holder: this.holder, ttlMs: ttl });
      this.leaseTimer = setInterval(() => this.renewLease(), Math.max(1, Math.floor(ttl / 3)));
      this.leaseTimer.unref();
    }
    return got;
  }

  private renewLease(): void {
    if (this.leaseTtl === undefined || !this.leaseHeld) return;
    this.options.store.acquireLease(this.holder, this.leaseTtl, this.clock()).then(
      (got) => {
        if (!got) this.abort(new LeaseLostError(this.holder, undefined));
        else void this.noticeOperatorChanges();
      },
      (error: unknown) => this.abort(error),
    );
  }

  private async releaseLease(): Promise<void> {
    if (this.leaseTimer !== undefined) clearInterval(this.leaseTimer);
    this.leaseTimer = undefined;
    if (!this.leaseHeld) return;
    this.leaseHeld = false;
    await this.options.store.releaseLease(this.holder);
  }

  /** Ends the live phase with an error (the supervisor decides what follows). */
  private abort(error: unknown): void {
    if (error instanceof LeaseLostError) this.leaseHeld = false;
    if (error instanceof LeaseLostError && this.leaseTimer !== undefined) {
      clearInterval(this.leaseTimer);
      this.leaseTimer = undefined;
    }
    this.tailing?.reject(error);
  }

  /** A parked projection an operator retried or skipped (CLI) is picked up without a restart. */
  private async noticeOperatorChanges(): Promise<void> {
    const parked = this.slots.filter((s) => s.state === 'parked');
    if (parked.length === 0 || this.tailing === undefined) return;
    for (const s of parked) {
      const cp = await this.options.store.checkpoint(s.projection.name);
      if (cp !== undefined && cp.status !== 'parked') {
        this.logger.info('a parked projection was released by an operator; resuming', {
          projection: s.projection.name,
          checkpoint: cp.position,
        });
        this.tailing?.resolve(); // the supervisor loads the checkpoints again
        return;
      }
    }
  }

  /** Standing by: reads the checkpoints the lease holder writes, so that status and waitFor follow it. */
  private async follow(): Promise<void> {
    const cps = new Map((await this.options.store.checkpoints()).map((c) => [c.projection, c]));
    for (const s of this.slots) {
      const cp = cps.get(s.projection.name);
      s.committed = cp?.position ?? NONE;
      s.position = s.committed;
      s.parked = cp?.parked;
      s.state =
        cp?.status === 'parked'
          ? 'parked'
          : cp !== undefined && cp.version !== s.projection.version
            ? 'needs-rebuild'
            : 'running';
    }
    this.settleWaiters();
  }

  // ------------------------------------------------------------------ loading and binding

  private async identityOf(): Promise<EventStoreIdentity | undefined> {
    const source = this.options.eventStore;
    return typeof source.identity === 'function' ? source.identity() : undefined;
  }

  private async resetSlot(s: Slot): Promise<void> {
    await this.options.store.reset(s.projection.name, s.projection.collections);
    s.position = NONE;
    s.committed = NONE;
    s.cache.clear();
    s.dirty.clear();
    s.written.clear();
    s.assumeEmpty = true;
    s.error = undefined;
    s.parked = undefined;
    s.parkPending = false;
    s.state = 'running';
  }

  private async load(): Promise<void> {
    await this.options.store.init(this.slots.flatMap((s) => s.projection.collections));
    this.identity = await this.identityOf();
    const unbound: Slot[] = [];
    const interrupted: Slot[] = [];
    let reason: string | undefined;
    for (const s of this.slots) {
      const cp = await this.options.store.checkpoint(s.projection.name);
      s.position = cp?.position ?? NONE;
      s.committed = s.position;
      s.cache.clear();
      s.dirty.clear();
      s.written.clear();
      s.assumeEmpty = false;
      s.error = undefined;
      s.parked = undefined;
      s.parkPending = false;
      if (cp?.status === 'resetting') {
        interrupted.push(s);
        continue;
      }
      if (
        cp !== undefined &&
        this.identity !== undefined &&
        (cp.source === undefined || !sameStore(cp.source, this.identity))
      ) {
        unbound.push(s);
        reason ??=
          cp.source === undefined
            ? `the read models do not say which event store they were built from (written before they recorded it); this is store ${this.identity.storeId}`
            : `the read models were built from event store ${cp.source.storeId} (first event ${cp.source.firstEventHash ?? 'none'}); this is store ${this.identity.storeId} (first event ${this.identity.firstEventHash ?? 'none'})`;
        continue;
      }
      if (
        cp !== undefined &&
        cp.version !== s.projection.version &&
        this.options.rebuildOnVersionChange === true
      ) {
        this.logger.info('rebuilding read models built by another version', {
          projection: s.projection.name,
          from: cp.version,
          to: s.projection.version,
        });
        await this.resetSlot(s);
        continue;
      }
      if (cp !== undefined && cp.version !== s.projection.version) {
        s.state = 'needs-rebuild';
        s.error = `documents were built by version ${cp.version}, this is version ${s.projection.version}: rebuild ${s.projection.name}`;
        this.logger.error('projection needs a rebuild', { projection: s.projection.name, error: s.error });
        continue;
      }
      if (cp?.status === 'parked') {
        s.state = 'parked';
        s.parked = cp.parked;
        s.error = cp.parked?.error;
        continue;
      }
      s.state = 'running';
    }
    if (unbound.length > 0 && reason !== undefined) {
      const names = unbound.map((s) => s.projection.name);
      this.logger.error('read models do not match the event store; rebuilding them from scratch', {
        projections: names,
        reason,
      });
      this.rebuilt = { projections: names, reason, at: new Date(this.clock()).toISOString() };
      for (const s of unbound) await this.resetSlot(s);
    }
    if (interrupted.length > 0) {
      const names = interrupted.map((s) => s.projection.name);
      this.logger.error('a reset was interrupted; resetting again and rebuilding from scratch', {
        projections: names,
      });
      this.rebuilt = {
        projections: names,
        reason: 'a reset was interrupted',
        at: new Date(this.clock()).toISOString(),
      };
      for (const s of interrupted) await this.resetSlot(s);
    }
  }

  /** After read models reset by `load` caught up: their indexes (dropped by the embedded store's reset) again, and no more bookkeeping of what was written. */
  private async finishRebuilds(): Promise<void> {
    const rebuilt = this.slots.filter((s) => s.assumeEmpty);
    if (rebuilt.length === 0) return;
    await this.options.store.init(rebuilt.flatMap((s) => s.projection.collections));
    for (const s of rebuilt) {
      s.assumeEmpty = false;
      s.written.clear();
    }
  }

  private running(): ReadonlyArray<Slot> {
    return this.slots.filter((s) => s.state === 'running');
  }

  private reached(position: bigint): boolean {
    return this.slots.every((s) => s.state !== 'running' || s.committed >= position);
  }

  private settleWaiters(): void {
    for (const w of [...this.waiters]) {
      if (this.reached(w.position)) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }

  // ------------------------------------------------------------------ reading

  private lowest(): bigint | undefined {
    const active = this.running();
    if (active.length === 0) return undefined;
    return active.reduce((min, s) => (s.position < min ? s.position : min), active[0]!.position);
  }

  /** Pages through $all after the lowest checkpoint until a page comes back empty. */
  private async catchUp(onProgress?: (p: Progress) => void): Promise<void> {
    let after = this.lowest();
    if (after === undefined) return;
    const head =
      onProgress !== undefined ? ((await lastEvent(this.options.eventStore))?.globalPosition ?? NONE) : NONE;
    let processed = 0;
    while (!this.stopping && this.running().length > 0) {
      const page = await readAfter(
        this.options.eventStore,
        after === NONE ? undefined : after,
        this.batchSize,
      );
      if (page.length === 0) break;
      await this.processBatch(page);
      after = page[page.length - 1]!.globalPosition;
      processed += page.length;
      onProgress?.({ processed, position: after, head });
    }
  }

  /** Tails live events until stopped, falling behind (resolves: page again), or a failure (rejects). */
  private tail(): Promise<void> {
    const tailing = deferred();
    this.tailing = tailing;
    if (this.stopping) tailing.resolve();
    const after = this.lowest();
    if (after !== undefined && !this.stopping) {
      this.subscription = this.options.eventStore
        .subscribeToAll(after !== NONE ? { afterPosition: after } : {})
        .subscribe({
          next: (event) => {
            this.queue.push(event);
            this.drain();
          },
          error: (error: unknown) => tailing.reject(error),
        });
    }
    return tailing.promise.finally(() => {
      if (this.tailing === tailing) this.tailing = undefined;
      this.unsubscribe();
    });
  }

  private unsubscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  private drain(): void {
    if (this.draining !== undefined) return;
    const run = async (): Promise<void> => {
      while (this.queue.length > 0 && !this.stopping && this.tailing !== undefined) {
        if (this.queue.length > this.liveBufferLimit) {
          // Falling behind: page from the store instead of buffering without bound.
          this.queue.length = 0;
          this.tailing.resolve();
          return;
        }
        await this.processBatch(this.queue.splice(0, this.batchSize));
      }
    };
    this.draining = run()
      .catch((error: unknown) => {
        this.queue.length = 0;
        this.tailing?.reject(error);
      })
      .finally(() => {
        this.draining = undefined;
        if (this.queue.length > 0 && !this.stopping && this.tailing !== undefined) this.drain();
      });
  }

  // ------------------------------------------------------------------ applying

  /** Applies a batch to every running projection, then commits their changes and checkpoints together. */
  private async processBatch(events: ReadonlyArray<StoredEvent>): Promise<void> {
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
          this.park(
            slot,
            stored,
            `cannot decode ${decoded.left.type} (${decoded.left.code}): ${decoded.left.message}`,
          );
          continue;
        }
        const loading = this.applyOne(slot, decoded.right, stored);
        if (loading !== undefined) await loading;
      }
    }
    await this.commit();
  }

  /** Applies one event to a projection; a document missing from the cache is loaded and the (pure) projection run again. */
  private applyOne(slot: Slot, event: DecodedEvent, stored: StoredEvent): Promise<void> | undefined {
    const miss = this.tryApply(slot, event, stored);
    if (miss === undefined) return undefined; // the common case stays synchronous: no promise per event
    return (async () => {
      for (
        let m: MissingDocument | undefined = miss;
        m !== undefined;
        m = this.tryApply(slot, event, stored)
      ) {
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
      this.park(slot, stored, `projection threw on ${stored.type}: ${message(error)}`);
      return undefined;
    }
    for (const change of changes) {
      if (!slot.collections.has(change.collection)) {
        this.park(slot, stored, `projection wrote outside its collections: ${change.collection}`);
        return undefined;
      }
    }
    for (const change of changes) {
      slot.cache.set(change.collection, change.id, change.doc);
      slot.dirty.set(keyOf(change.collection, change.id), {
        collection: change.collection,
        id: change.id,
        doc: change.doc,
        position: stored.globalPosition,
      });
    }
    slot.position = stored.globalPosition;
    return undefined;
  }

  /** Parks one projection at an event it cannot handle: its checkpoint stays just before it; the others go on. */
  private park(slot: Slot, stored: StoredEvent, reason: string): void {
    slot.state = 'parked';
    slot.parkPending = true;
    slot.parked = {
      position: stored.globalPosition,
      streamName: stored.streamName,
      revision: stored.revision,
      type: stored.type,
      error: reason,
    };
    slot.error = `at position ${stored.globalPosition} (${stored.streamName} #${stored.revision}, ${stored.type}): ${reason}`;
    this.logger.error('projection parked', {
      projection: slot.projection.name,
      position: stored.globalPosition,
      stream: stored.streamName,
      revision: stored.revision,
      type: stored.type,
      reason,
    });
  }

  private async commit(): Promise<void> {
    if (this.identity !== undefined && this.identity.firstEventHash === null)
      this.identity = await this.identityOf(); // the store had no event when bound
    const commits: ProjectionCommit[] = [];
    const touched: Slot[] = [];
    for (const s of this.slots) {
      if (s.position <= s.committed && s.dirty.size === 0 && !s.parkPending) continue;
      if (s.state !== 'running' && s.state !== 'parked') continue;
      commits.push({
        projection: s.projection.name,
        version: s.projection.version,
        changes: [...s.dirty.values()].map((p) => ({
          collection: p.collection,
          id: p.id,
          doc: p.doc,
          position: p.position,
        })),
        checkpoint: {
          projection: s.projection.name,
          position: s.position,
          version: s.projection.version,
          status: s.state === 'parked' ? 'parked' : 'ok',
          ...(s.state === 'parked' && s.parked !== undefined ? { parked: s.parked } : {}),
          ...(this.identity !== undefined ? { source: this.identity } : {}),
        },
      });
      touched.push(s);
    }
    if (commits.length === 0) return;
    this.batches += 1;
    try {
      this.options.beforeCommit?.(this.batches);
      await this.options.store.commit(
        commits,
        this.leaseTtl !== undefined ? { leaseHolder: this.holder } : {},
      );
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
      s.parkPending = false;
      // Everything cached is clean now: drop it all when it grows too big; what is needed is read again.
      if (s.cache.size > this.cacheLimit) s.cache.clear();
    }
    this.settleWaiters();
  }
}

const categoryOfDecoded = (d: E.Either<DecodeFailure, DecodedEvent>): string =>
  E.isLeft(d) ? d.left.category : d.right.category;

/** The position of the last event in the store (-1 when empty). */
export const headPosition = async (eventStore: Pick<EventStore, 'readAll'>): Promise<bigint> =>
  (await lastEvent(eventStore))?.globalPosition ?? NONE;
