import type { Collection, Doc, DocChange, FindQuery, Page } from '../read-model';
import type { EventStoreIdentity } from '../runner/event-source';

/** The event a projection could not handle: where it is, what it is, and why it failed. */
export interface ParkedEvent {
  readonly position: bigint;
  readonly streamName: string;
  readonly revision: number;
  readonly type: string;
  readonly error: string;
}

/** Where a projection stands: the last event position it has applied, and whether it runs. */
export interface Checkpoint {
  readonly projection: string;
  /** Position of the last event applied (every event up to it is in the documents); -1 before any. */
  readonly position: bigint;
  /** The projection's version that wrote the documents. */
  readonly version: number;
  /**
   * 'parked': stopped at `parked` (an event it cannot handle) until an operator retries or skips it.
   * 'resetting': a reset began and has not finished (the documents are partly gone): reset again.
   */
  readonly status: 'ok' | 'parked' | 'resetting';
  readonly parked?: ParkedEvent;
  /** The event store the documents were built from (absent in stores written before issue #12). */
  readonly source?: EventStoreIdentity;
}

/** The changes of one projection over one batch, and the checkpoint they bring it to. */
export interface ProjectionCommit {
  readonly projection: string;
  readonly version: number;
  /** Changes, each with the position of the last event that changed the document. */
  readonly changes: ReadonlyArray<DocChange & { readonly position: bigint }>;
  readonly checkpoint: Checkpoint;
}

/** Who runs the projections of a store, until when (ms since the epoch, the holder's clock). */
export interface Lease {
  readonly holder: string;
  readonly expiresAt: number;
}

/** A parked event an operator skipped: recorded, never silent. */
export interface SkipRecord extends ParkedEvent {
  readonly projection: string;
  /** ISO 8601, the operator's clock. */
  readonly skippedAt: string;
  readonly by: string;
}

/** Options of `commit`. */
export interface CommitOptions {
  /** Refuse the batch (LeaseLostError, nothing written) unless this holder holds the store's lease. */
  readonly leaseHolder?: string;
}

/** A commit refused because another runner holds the lease now. */
export class LeaseLostError extends Error {
  readonly code = 'LEASE_LOST';
  constructor(
    readonly holder: string,
    readonly current: string | undefined,
  ) {
    super(`the read-model store's lease is held by ${current ?? 'nobody'}, not by ${holder}: batch refused`);
  }
}

/** The largest position a read-model store keeps: SQLite INTEGER and MongoDB Long are signed 64-bit. */
export const MAX_STORED_POSITION = 9_223_372_036_854_775_807n; // 2^63 − 1

/** Checks that a position fits a signed 64-bit integer (-1: nothing applied yet). */
export const storablePosition = (p: bigint): bigint => {
  if (p < -1n || p > MAX_STORED_POSITION)
    throw new RangeError(
      `position ${p} does not fit a signed 64-bit integer: read-model stores keep commit positions, which are below 2^63 (see docs/projections.md)`,
    );
  return p;
};

/** The read side every query uses: documents by id and by filter, sort and page. */
export interface ReadModelReader {
  get<D extends Doc>(c: Collection<D>, id: string): Promise<D | undefined>;
  getMany<D extends Doc>(c: Collection<D>, ids: ReadonlyArray<string>): Promise<ReadonlyMap<string, D>>;
  find<D extends Doc>(c: Collection<D>, query?: FindQuery): Promise<Page<D>>;
  /** Every document matching a filter, in id order (for queries that aggregate). */
  findAll<D extends Doc>(c: Collection<D>, query?: Omit<FindQuery, 'page'>): Promise<ReadonlyArray<D>>;
}

/**
 * A read-model store: the embedded SQLite file or MongoDB. Writes are all-or-nothing per
 * `commit` (one transaction), and position-guarded besides: a document is only replaced by a
 * change from a later event, so a replayed batch is never counted twice. Positions are stored as
 * numbers (signed 64-bit) and compared numerically.
 */
export interface ReadModelStore extends ReadModelReader {
  readonly kind: 'sqlite' | 'mongodb' | 'memory';
  /** Creates tables or collections and their indexes (idempotent). */
  init(collections: ReadonlyArray<Collection<Doc>>): Promise<void>;
  /** Writes the changes and checkpoints of several projections together. */
  commit(commits: ReadonlyArray<ProjectionCommit>, options?: CommitOptions): Promise<void>;
  checkpoint(projection: string): Promise<Checkpoint | undefined>;
  checkpoints(): Promise<ReadonlyArray<Checkpoint>>;
  /** Drops a projection's documents and checkpoint (before a rebuild). */
  reset(projection: string, collections: ReadonlyArray<Collection<Doc>>): Promise<void>;
  /** Every document of a collection, by id (for comparisons and exports). */
  dump(collectionName: string): Promise<ReadonlyArray<{ readonly id: string; readonly doc: Doc }>>;

  /** Takes the lease (free, expired or already ours) or renews it until `now + ttlMs`; false: another holds it. */
  acquireLease(holder: string, ttlMs: number, now: number): Promise<boolean>;
  /** Gives the lease up (only when held by `holder`). */
  releaseLease(holder: string): Promise<void>;
  lease(): Promise<Lease | undefined>;

  /** Clears a park so the projection tries the event again; false when it is not parked. */
  retryParked(projection: string): Promise<boolean>;
  /**
   * Moves a parked projection past its event without applying it and records the skip; false when
   * it is not parked at `position` (the operator must name the event they saw).
   */
  skipParked(projection: string, position: bigint, by: string, at: string): Promise<boolean>;
  skipped(): Promise<ReadonlyArray<SkipRecord>>;
  close(): Promise<void>;
}
