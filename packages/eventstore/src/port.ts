import type { Observable } from 'rxjs';

/**
 * The event store port. Every adapter (embedded SQLite, EventStoreDB) implements it unchanged and
 * passes the same contract suite (`eventStoreContract` in `@zhaoshang/eventstore/testing`).
 *
 * Conventions, chosen once for every adapter:
 * - Methods return Promises; infrastructure failures and broken expectations reject with a typed
 *   `EventStoreError` (see errors.ts) that carries a stable `code`. Business refusals never reach
 *   the store: the command handler returns them as `Left`.
 * - A stream revision is a `number` (0-based, contiguous per stream). Streams are aggregates and
 *   stay far below 2^53 events, and numbers survive JSON untouched.
 * - A global position is a `bigint` and is opaque: whatever the store says it is (small integers
 *   in a default embedded store, byte offsets of the log on EventStoreDB, which pass 2^53). It is
 *   ordered and nothing else: no caller adds to it, subtracts from it or compares it as text.
 *   Reads and subscriptions take an exclusive checkpoint (`after`, `afterPosition`), so nobody
 *   ever needs "the next position". Every position a store gives out is in [0, 2^63): a signed
 *   64-bit integer column (SQLite INTEGER, MongoDB Long) holds it exactly. Use
 *   `positionToString` / `parsePosition` to put one in JSON.
 */

/** A stream name, one per aggregate instance, e.g. `project-91310000MA1K4...`. */
export type StreamName = string;

/** 0-based position of an event inside its stream. */
export type StreamRevision = number;

/** Position of an event in the whole store ($all), strictly increasing in commit order. */
export type GlobalPosition = bigint;

/** What the writer believes about the stream before appending. */
export type ExpectedRevision =
  | 'no-stream'
  | 'any'
  | 'stream-exists'
  /** exactly this revision of the last event (a bigint is accepted as EventStoreDB gives it) */
  | StreamRevision
  | bigint;

/** The revision a stream actually has: its last event's revision, or `'no-stream'`. */
export type CurrentRevision = StreamRevision | 'no-stream';

/** Who did it: the person, the role they acted in and the organisational unit. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
  readonly unitId: string;
}

/** Metadata stored with every event; the store fills in `recordedAt`, `prevHash` and `hash`. */
export interface EventMetadata {
  readonly eventId: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
  /** When it happened in the business's sense (ISO 8601), given by the caller. */
  readonly businessTime: string;
  /** When the store recorded it (ISO 8601, the store's clock). */
  readonly recordedAt: string;
  readonly schemaVersion: number;
  /** `hash` of the previous event of the same stream; `GENESIS_HASH` for revision 0. */
  readonly prevHash: string;
  /** SHA-256 (hex) over the canonical encoding of this event, see hash-chain.ts. */
  readonly hash: string;
}

/** An event as a caller hands it to `append`: plain JSON data. */
export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
  /** Unique id; a retry must reuse it so that the store can recognise the repeat. Default: random UUID. */
  readonly eventId?: string;
  /** Schema version of `data`; default 1. */
  readonly schemaVersion?: number;
}

/** Metadata shared by all events of one append: the command that caused them and its context. */
export interface AppendContext {
  /** A command id seen before on the same stream returns the original result and appends nothing. */
  readonly commandId: string;
  /** Default: the command id. */
  readonly correlationId?: string;
  /** Default: the command id. */
  readonly causationId?: string;
  readonly actor: Actor;
  /** ISO 8601. */
  readonly businessTime: string;
}

/** Options of `append`. */
export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
  readonly context: AppendContext;
}

/** An event as stored and read back. */
export interface StoredEvent {
  readonly streamName: StreamName;
  readonly revision: StreamRevision;
  readonly globalPosition: GlobalPosition;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** What an append did. */
export interface AppendResult {
  /** Revision of the last event written: the expected revision for the next append. */
  readonly nextExpectedRevision: StreamRevision;
  /** Global position of the last event written. */
  readonly position: GlobalPosition;
  readonly events: ReadonlyArray<StoredEvent>;
  /**
   * True when nothing was appended because the same event ids or the same command id were stored
   * before; the result then describes the original append.
   */
  readonly duplicate: boolean;
}

/** Read direction. */
export type Direction = 'forwards' | 'backwards';

/** Options of `readStream`. */
export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive; default the first revision forwards, the last backwards. */
  readonly fromRevision?: StreamRevision;
  readonly maxCount?: number;
}

/** Selects events of $all; both criteria must hold when both are given. */
export interface AllFilter {
  /** Keep only these event types (exact names). */
  readonly eventTypes?: ReadonlyArray<string>;
  /** Keep only streams whose name starts with one of these prefixes. */
  readonly streamPrefixes?: ReadonlyArray<string>;
}

/** Options of `readAll`. */
export interface ReadAllOptions {
  readonly direction?: Direction;
  /**
   * Exclusive checkpoint: forwards, the events strictly after it; backwards, the events strictly
   * before it. Absent: from the start (forwards) or from the end (backwards). Pass the position of
   * the last event you handled: paging never needs "position + 1".
   */
  readonly after?: GlobalPosition;
  readonly maxCount?: number;
  readonly filter?: AllFilter;
}

/** Options of `subscribeToAll`. */
export interface SubscribeOptions {
  /** Exclusive: the subscription starts with the first event after it (a checkpoint). Default: the start. */
  readonly afterPosition?: GlobalPosition;
  readonly filter?: AllFilter;
}

/** The first broken link of a hash chain, or how many events were checked. */
export type VerifyResult =
  | { readonly ok: true; readonly checked: number }
  | {
      readonly ok: false;
      readonly checked: number;
      readonly brokenAt: {
        readonly streamName: StreamName;
        readonly revision: StreamRevision;
        readonly position: GlobalPosition;
        readonly reason: BrokenLinkReason;
      };
    };

/** Options of `verifyAll`: a long verification reports how far it got and can be stopped. */
export interface VerifyOptions {
  /**
   * Called as the verification advances (after each page the adapter reads): events checked so
   * far and the global position of the last one. Not called for an empty store.
   */
  readonly onProgress?: (progress: { readonly checked: number; readonly position: GlobalPosition }) => void;
  /** Aborting stops the verification between pages; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Why a link is broken. */
export type BrokenLinkReason =
  | 'hash-mismatch'
  | 'prev-hash-mismatch'
  | 'revision-gap'
  | 'position-not-increasing'
  | 'position-gap'
  | 'unreadable';

/** The event store port. */
export interface EventStore {
  /** Appends atomically, checking the expected revision; idempotent on event ids and command id. */
  append(
    streamName: StreamName,
    events: ReadonlyArray<NewEvent>,
    options: AppendOptions,
  ): Promise<AppendResult>;
  /** Reads one stream; rejects with STREAM_NOT_FOUND when it has no event. */
  readStream(streamName: StreamName, options?: ReadStreamOptions): Promise<ReadonlyArray<StoredEvent>>;
  /** Reads $all in global order, optionally filtered. */
  readAll(options?: ReadAllOptions): Promise<ReadonlyArray<StoredEvent>>;
  /** Catch-up then live subscription to $all, in order, with no gap and no duplicate. */
  subscribeToAll(options?: SubscribeOptions): Observable<StoredEvent>;
  /** Checks one stream's hash chain. */
  verifyStream(streamName: StreamName): Promise<VerifyResult>;
  /** Checks every stream's hash chain and the order of global positions. */
  verifyAll(options?: VerifyOptions): Promise<VerifyResult>;
  /** Releases connections and ends live subscriptions. */
  close(): Promise<void>;
}

/** What `importRecorded` did. */
export interface ImportResult {
  /** Events written, in the order given. */
  readonly imported: number;
  /** Events the target already held, identical (same stream, revision, event id and hash): a re-run. */
  readonly skipped: number;
}

/**
 * Writes events another store recorded, exactly as recorded: metadata (ids, actor, business time,
 * `recordedAt`, schema version) and both hashes are kept, so the hash chain carries over and an
 * auditor's head hashes stay valid. It is an operations tool (moving stores, see `copyStore`), kept
 * off `EventStore` so that the application never holds it.
 *
 * Each event must continue its stream in the target: revision = the stream's head + 1 (0 for a new
 * stream), `prevHash` = the head's hash (`GENESIS_HASH` for revision 0), and its `hash` must
 * recompute from its content. Otherwise the call rejects with `ImportRefusedError`
 * (`IMPORT_REFUSED`) and writes nothing of the batch: an import can neither forge nor break a chain.
 * An event the target already holds (same event id at the same stream and revision, same hash) is
 * skipped, so a copy re-run after an interruption picks up where it stopped. Global positions are
 * the target's own; events are written in the order given.
 */
export interface EventImporter {
  importRecorded(events: ReadonlyArray<StoredEvent>): Promise<ImportResult>;
}

/** Who a store is: read models record it and rebuild when it changes (a reset, moved or other store). */
export interface EventStoreIdentity {
  /** A random id written once, when the store was created. */
  readonly storeId: string;
  /** `metadata.hash` of the first event in `$all` order; null while the store is empty. */
  readonly firstEventHash: string | null;
}

/** An optional capability of an adapter: telling which store it is. Both adapters have it. */
export interface EventStoreIdentitySource {
  identity(): Promise<EventStoreIdentity>;
}

/** True when `store` can tell its identity. */
export const hasIdentity = <T extends object>(store: T): store is T & EventStoreIdentitySource =>
  'identity' in store && typeof store.identity === 'function';

/** The largest position a store may give out: 2^63 - 1, what a signed 64-bit column holds. */
export const MAX_GLOBAL_POSITION: GlobalPosition = 0x7fff_ffff_ffff_ffffn;

/** Renders a global position for JSON (bigint does not serialise). */
export const positionToString = (position: GlobalPosition): string => position.toString(10);

/** Parses a position rendered by `positionToString`. */
export const parsePosition = (text: string): GlobalPosition => {
  if (!/^\d+$/.test(text)) throw new RangeError(`not a global position: ${JSON.stringify(text)}`);
  const position = BigInt(text);
  if (position > MAX_GLOBAL_POSITION) throw new RangeError(`global position beyond 2^63 - 1: ${text}`);
  return position;
};
