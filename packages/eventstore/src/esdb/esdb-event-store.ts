/**
 * The EventStoreDB (KurrentDB) adapter. This is the only file that imports the client: moving to
 * `@kurrent/kurrentdb-client` (same shape, renamed `KurrentDBClient`) changes this file alone.
 *
 * Supported: EventStoreDB 20.10 and later, and KurrentDB, over gRPC, with `@eventstore/db-client`
 * 6.x. Every server behaviour relied on here is cited where it is used and reproduced, with the
 * same citation, by the client double in `../testing/esdb-client-double.ts` that runs this file's
 * code in CI (docs/eventstore.md "EventStoreDB: what the adapter relies on").
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  FORWARDS,
  isCommandError,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  streamNameFilter,
  StreamNotFoundError as EsdbStreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult as ClientAppendResult,
  type EventData,
  type Filter,
  type JSONType,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { Observable } from 'rxjs';
import {
  AppendTooLargeError,
  EventIdConflictError,
  EventStoreError,
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../errors';
import { canonicalJson, ChainVerifier, eventHash, GENESIS_HASH } from '../hash-chain';
import { planImport, type ImportWrite } from '../import-plan';
import { MAX_GLOBAL_POSITION } from '../port';
import type {
  AllFilter,
  AppendOptions,
  AppendResult,
  CurrentRevision,
  EventImporter,
  EventMetadata,
  EventStore,
  EventStoreIdentity,
  EventStoreIdentitySource,
  GlobalPosition,
  ImportResult,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  StreamName,
  SubscribeOptions,
  VerifyOptions,
  VerifyResult,
} from '../port';
import { normaliseExpectedRevision, satisfiesExpectedRevision } from '../revisions';

/** A live $all subscription as the client gives it: the calls the adapter makes on it. */
export interface EsdbAllSubscription {
  on(event: 'data', listener: (resolved: AllStreamResolvedEvent) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  unsubscribe(): Promise<void>;
}

/**
 * The client calls the adapter makes, in the client's own types: `EventStoreDBClient` has them,
 * and so has the in-process double (`InProcessEsdbClient` in `@zhaoshang/eventstore/testing`).
 */
export interface EsdbClient {
  appendToStream(
    streamName: string,
    events: EventData[],
    options: { readonly expectedRevision: AppendExpectedRevision },
  ): Promise<ClientAppendResult>;
  readStream(
    streamName: string,
    options: {
      readonly direction: typeof FORWARDS | typeof BACKWARDS;
      readonly fromRevision: ReadRevision;
      readonly maxCount?: number;
    },
  ): AsyncIterable<ResolvedEvent>;
  readAll(options: {
    readonly direction: typeof FORWARDS | typeof BACKWARDS;
    readonly fromPosition: ReadPosition;
    readonly maxCount: number;
  }): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options: {
    readonly fromPosition: ReadPosition;
    readonly filter: Filter;
  }): EsdbAllSubscription;
  dispose(): Promise<void>;
}

/** Options of the EventStoreDB adapter. */
export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`, from configuration (EVENTSTORE_CONNECTION_STRING). */
  readonly connectionString: string;
  /** The clock for `recordedAt`. Default `() => new Date()`. */
  readonly clock?: () => Date;
  /** Attempts of one append when a concurrent writer moves the stream under an `any`/`stream-exists` append. Default 10. */
  readonly maxAppendAttempts?: number;
  /** Events per page when reading $all. Default 500. */
  readonly pageSize?: number;
  /**
   * The server's `MaxAppendSize` in bytes. Default 1 MiB: the server's default up to KurrentDB
   * 25.0 (KurrentDB 25.1 raised it to 256 MiB); set it to the server's value if it was changed.
   */
  readonly maxAppendSize?: number;
}

/** The server's default `MaxAppendSize` up to KurrentDB 25.0 (ClusterVNodeOptions.cs). */
export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;

/**
 * Positions. A port position is the event's **commit position**. For every event written over
 * gRPC the server gives commit = prepare = the log position of the event's own record
 * (KurrentDB src/KurrentDB.Core/Services/Storage/ReaderIndex/AllReader.cs: an event of an
 * implicit transaction is returned as `CommitEventRecord(eventRecord, prepare.LogPosition)` at
 * `TFPos(prepare.LogPosition, prepare.LogPosition)`), so one number names the event, round-trips
 * exactly (`{ commit: p, prepare: p }`) and is below 2^63 (`Position` refuses larger ones, and
 * commit < prepare: Services/Transport/Common/Position.cs). Positions are log byte offsets:
 * sparse, and never computed here.
 */
const serverPosition = (position: GlobalPosition): Position => ({ commit: position, prepare: position });

/** The port position of a server position; a record of a legacy explicit transaction has none. */
const portPosition = (p: Position): GlobalPosition => {
  // The server sends 2^64 - 1 for a position it does not know (Position.FromInt64(-1, -1)).
  if (p.commit > MAX_GLOBAL_POSITION)
    throw new StoreUnavailableError({
      cause: new Error('event without a known position'),
      detail: 'unknown-position',
    });
  if (p.commit !== p.prepare)
    throw new StoreUnavailableError({
      cause: new Error(
        `event at commit ${p.commit} prepare ${p.prepare}: written in an explicit (TCP) transaction`,
      ),
      detail: 'unsupported-position',
    });
  return p.commit;
};

/** Connects to EventStoreDB (the connection is lazy: the first call connects). */
export const openEsdbEventStore = (options: EsdbEventStoreOptions): EsdbEventStore =>
  new EsdbEventStore(EventStoreDBClient.connectionString(options.connectionString), options);

/** The stream whose first event's id is the store's id (a normal stream: no admin rights needed). */
export const IDENTITY_STREAM = 'zhaoshang-store-identity';

/** A read of $all: the port events of a page, and what the server's own paging needs. */
interface AllPage {
  readonly events: ReadonlyArray<StoredEvent>;
  /** Events the server returned, system and foreign ones included: its own count. */
  readonly served: number;
  /** Position of the last event the server returned (whatever it was). */
  readonly last: Position | undefined;
}

/** The EventStoreDB adapter of the port. */
export class EsdbEventStore implements EventStore, EventImporter, EventStoreIdentitySource {
  private readonly clock: () => Date;
  private readonly live = new Set<() => void>();
  private readonly maxAppendSize: number;

  constructor(
    private readonly client: EsdbClient,
    private readonly options: Omit<EsdbEventStoreOptions, 'connectionString'> = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.maxAppendSize = options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE;
  }

  /**
   * Appends with the hash chain and idempotency, reading only the end of the stream (never the
   * whole of it). Idempotency rests on the server's own rule (docs "Optimistic concurrency and
   * idempotence"; IndexWriter.CheckCommit): an append whose event ids equal the events that follow
   * its expected revision is answered as a success without writing. Event ids the caller leaves
   * out are derived from the stream, the command id and the event's index, so a retried command
   * sends the same ids. Before writing, the adapter looks at the last events of the stream (as
   * many as it appends) and, for an exact expectation behind the head, at the events right after
   * it: the command id or the event ids found there mean the append is stored already. Every
   * write carries an exact expected revision (the chain needs the previous hash), and a per-attempt
   * nonce in the server metadata (`$appendAttempt`, not hashed, not returned): reading the written
   * events back tells a write of ours from the server's idempotent answer to a concurrent retry,
   * so exactly one of concurrent retries reports `duplicate: false`.
   */
  async append(
    streamName: StreamName,
    events: ReadonlyArray<NewEvent>,
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const expected = normaliseExpectedRevision(options.expectedRevision);
    const { context } = options;
    const prepared = events.map((e, i) => {
      const dataText = canonicalJson(e.data);
      return {
        eventId: e.eventId ?? commandEventId(streamName, context.commandId, i),
        type: e.type,
        data: JSON.parse(dataText) as unknown,
        dataText,
        schemaVersion: e.schemaVersion ?? 1,
      };
    });
    const ids = prepared.map((e) => e.eventId);
    const maxAttempts = Math.max(1, this.options.maxAppendAttempts ?? 10);
    for (let attempt = 1; ; attempt++) {
      const tail = await this.tail(streamName, prepared.length);
      const head = tail[tail.length - 1];
      let stored = storedAlready(tail, context.commandId, ids, 'tail');
      if (stored === 'partly') {
        // Some ids at the end: the append may begin before the last events read; look from where it would.
        const at = tail.find((e) => ids.includes(e.metadata.eventId));
        const from = at === undefined ? -1 : at.revision - ids.indexOf(at.metadata.eventId);
        const run =
          from < 0 ? [] : await this.readStream(streamName, { fromRevision: from, maxCount: ids.length });
        stored = storedAlready(run, context.commandId, ids, 'start');
        if (stored === 'partly' || stored === undefined)
          throw new EventIdConflictError(streamName, at?.metadata.eventId ?? '');
      }
      if (stored !== undefined)
        return duplicate(await this.commandRun(streamName, stored, context.commandId));
      const actual: CurrentRevision = head?.revision ?? 'no-stream';
      if (!satisfiesExpectedRevision(expected, actual)) {
        // An exact expectation behind the head: the server's strong idempotency looks right after it.
        const after = expected === 'no-stream' ? 0 : typeof expected === 'number' ? expected + 1 : undefined;
        if (after !== undefined && head !== undefined && after <= head.revision) {
          const next = await this.readStream(streamName, { fromRevision: after, maxCount: prepared.length });
          const found = storedAlready(next, context.commandId, ids, 'start');
          if (found === 'partly') throw new EventIdConflictError(streamName, ids[0] ?? '');
          if (found !== undefined)
            return duplicate(await this.commandRun(streamName, found, context.commandId));
        }
        throw new WrongExpectedRevisionError(streamName, expected, actual);
      }
      let prevHash = head?.metadata.hash ?? GENESIS_HASH;
      let revision = head === undefined ? 0 : head.revision + 1;
      const firstRevision = revision;
      const recordedAt = this.clock().toISOString();
      const nonce = randomUUID();
      const toWrite: EventData[] = [];
      let bytes = 0;
      for (const e of prepared) {
        const unhashed: Omit<EventMetadata, 'hash'> = {
          eventId: e.eventId,
          commandId: context.commandId,
          correlationId: context.correlationId ?? context.commandId,
          causationId: context.causationId ?? context.commandId,
          actor: { userId: context.actor.userId, role: context.actor.role, unitId: context.actor.unitId },
          businessTime: context.businessTime,
          recordedAt,
          schemaVersion: e.schemaVersion,
          prevHash,
        };
        const hash = eventHash({ streamName, revision, type: e.type, data: e.data, metadata: unhashed });
        // `$correlationId`/`$causationId` feed the server's $by_correlation_id projection; they
        // are derived, so they are left out of the hashed metadata and dropped on read, as is the nonce.
        const metadata = {
          ...unhashed,
          hash,
          $correlationId: unhashed.correlationId,
          $causationId: unhashed.causationId,
          $appendAttempt: nonce,
        };
        bytes += appendSize(e.type, e.dataText, JSON.stringify(metadata));
        // The client JSON-encodes data; any JSON value round-trips, though its type names only containers.
        toWrite.push(jsonEvent({ id: e.eventId, type: e.type, data: e.data as JSONType, metadata }));
        prevHash = hash;
        revision += 1;
      }
      if (bytes > this.maxAppendSize) throw new AppendTooLargeError(streamName, bytes, this.maxAppendSize);
      try {
        await this.client.appendToStream(streamName, toWrite, {
          expectedRevision: head === undefined ? NO_STREAM : BigInt(head.revision),
        });
      } catch (error) {
        // Someone wrote in between our read and our write: look again. The next round finds our
        // own events (a concurrent retry), or reports the conflict, or (for `any`) writes on top.
        if (error instanceof WrongExpectedVersionError && attempt < maxAttempts) continue;
        throw translate(error, streamName, expected);
      }
      // Positions of a multi-event append are per event: read them back, with the nonce.
      const written = await this.readWithNonce(streamName, firstRevision, prepared.length);
      const last = written[written.length - 1];
      if (last === undefined || written.length !== prepared.length)
        throw new StoreUnavailableError({
          cause: new Error('appended events not readable'),
          detail: streamName,
        });
      const ours = written.every((w) => w.nonce === nonce);
      const out = written.map((w) => w.event);
      return {
        nextExpectedRevision: last.event.revision,
        position: last.event.globalPosition,
        events: out,
        duplicate: !ours,
      };
    }
  }

  async readStream(
    streamName: StreamName,
    options: ReadStreamOptions = {},
  ): Promise<ReadonlyArray<StoredEvent>> {
    const backwards = options.direction === 'backwards';
    const out: StoredEvent[] = [];
    try {
      const read = this.client.readStream(streamName, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision:
          options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
        ...(options.maxCount !== undefined && Number.isFinite(options.maxCount)
          ? { maxCount: Math.max(0, Math.floor(options.maxCount)) }
          : {}),
      });
      for await (const resolved of read) {
        const e = toStoredEvent(resolved);
        if (e !== undefined) out.push(e);
      }
    } catch (error) {
      throw translate(error, streamName);
    }
    return out;
  }

  /**
   * Pages through $all by the server's own count: a page ends the read only when the server
   * returned fewer events than asked (system events, `$`-streams and events not written through
   * this port count, and are skipped without ending the read). Filters apply here: the installed
   * client (6.x) sends no filter with reads (`setNoFilter`); server-side filtered reads came with
   * `@kurrent/kurrentdb-client` 1.x. Subscriptions are filtered by the server.
   */
  async readAll(options: ReadAllOptions = {}): Promise<ReadonlyArray<StoredEvent>> {
    const backwards = options.direction === 'backwards';
    const wanted =
      options.maxCount !== undefined && Number.isFinite(options.maxCount)
        ? Math.max(0, Math.floor(options.maxCount))
        : Infinity;
    const keep = matcher(options.filter);
    const pageSize = this.pageSize();
    const out: StoredEvent[] = [];
    if (wanted === 0) return out;
    // Forwards the server's read includes the event at the position (AllReader.cs `>= pos`),
    // backwards it starts before it (`<= pos` on the record's end): `beyond` drops what `after` excludes.
    const after = options.after;
    const beyond = (e: StoredEvent): boolean =>
      after === undefined || (backwards ? e.globalPosition < after : e.globalPosition > after);
    let from: ReadPosition = after === undefined ? (backwards ? END : START) : serverPosition(after);
    let seen: GlobalPosition | undefined; // the last position of the previous page: read again forwards
    for (;;) {
      const page = await this.readAllPage(from, backwards, pageSize);
      for (const e of page.events) {
        if (!beyond(e) || (seen !== undefined && e.globalPosition === seen)) continue;
        if (keep(e)) out.push(e);
        if (out.length >= wanted) return out;
      }
      if (page.served < pageSize || page.last === undefined) return out;
      from = page.last;
      seen = page.last.commit;
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<StoredEvent> {
    return new Observable<StoredEvent>((subscriber) => {
      const keep = matcher(options.filter);
      const after = options.afterPosition;
      // Exclusive: a subscription from a position starts with the event after it (client docs,
      // "Subscribing from a specific position"); the check below keeps that promise whatever the version.
      const subscription = this.client.subscribeToAll({
        fromPosition: after === undefined ? START : serverPosition(after),
        filter: serverFilter(options.filter),
      });
      const stop = (): void => {
        this.live.delete(complete);
        subscription.unsubscribe().catch(() => undefined);
      };
      const complete = (): void => {
        stop();
        subscriber.complete();
      };
      this.live.add(complete);
      subscription.on('data', (resolved: AllStreamResolvedEvent) => {
        let e: StoredEvent | undefined;
        try {
          e = toStoredEvent(resolved);
        } catch (error) {
          stop();
          subscriber.error(error);
          return;
        }
        if (e === undefined || (after !== undefined && e.globalPosition <= after) || !keep(e)) return;
        subscriber.next(e);
      });
      subscription.on('error', (error: Error) => {
        this.live.delete(complete);
        subscriber.error(translate(error));
      });
      subscription.on('end', () => {
        this.live.delete(complete);
        subscriber.complete();
      });
      return stop;
    });
  }

  async verifyStream(streamName: StreamName): Promise<VerifyResult> {
    const verifier = new ChainVerifier();
    const events = await this.readStream(streamName);
    if (events.length === 0) throw new StreamNotFoundError(streamName);
    for (const e of events) if (verifier.check(e)) break;
    return verifier.result();
  }

  /** Checks every chain over the whole of $all, paged by the server's own count (see `readAll`). */
  async verifyAll(options: VerifyOptions = {}): Promise<VerifyResult> {
    // Server positions are log offsets, not a dense sequence: order is checked, contiguity cannot be.
    const verifier = new ChainVerifier();
    const pageSize = this.pageSize();
    let from: ReadPosition = START;
    let seen: GlobalPosition | undefined;
    for (;;) {
      options.signal?.throwIfAborted();
      const page = await this.readAllPage(from, false, pageSize);
      for (const e of page.events) {
        if (seen !== undefined && e.globalPosition === seen) continue;
        if (verifier.check(e)) return verifier.result();
      }
      const { checked, position } = verifier.progress();
      if (options.onProgress !== undefined && position !== undefined)
        options.onProgress({ checked, position });
      if (page.served < pageSize || page.last === undefined) return verifier.result();
      from = page.last;
      seen = page.last.commit;
    }
  }

  /**
   * The store's id is the id of the first event of `IDENTITY_STREAM`, written (with expected
   * revision "no stream", so two first callers agree) the first time it is asked for.
   */
  async identity(): Promise<EventStoreIdentity> {
    let storeId: string | undefined;
    for (let attempt = 0; storeId === undefined && attempt < 3; attempt++) {
      storeId = await this.identityEventId();
      if (storeId !== undefined) break;
      try {
        await this.client.appendToStream(
          IDENTITY_STREAM,
          [
            jsonEvent({
              id: randomUUID(),
              type: 'StoreIdentified',
              data: { createdAt: this.clock().toISOString() },
            }),
          ],
          { expectedRevision: NO_STREAM },
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw translate(error, IDENTITY_STREAM);
      }
    }
    if (storeId === undefined)
      throw new StoreUnavailableError({ cause: new Error('no identity event'), detail: IDENTITY_STREAM });
    const [first] = await this.readAll({ maxCount: 1 });
    return { storeId, firstEventHash: first?.metadata.hash ?? null };
  }

  private async identityEventId(): Promise<string | undefined> {
    try {
      for await (const resolved of this.client.readStream(IDENTITY_STREAM, {
        direction: FORWARDS,
        fromRevision: START,
        maxCount: 1,
      }))
        return resolved.event?.id;
    } catch (error) {
      if (error instanceof EsdbStreamNotFoundError) return undefined;
      throw translate(error, IDENTITY_STREAM);
    }
    return undefined;
  }

  /**
   * Writes events recorded elsewhere, as recorded (see `EventImporter`). Everything the checks need
   * is read first (each stream's head, and its events at the batch's revisions when a re-run sends
   * them again), the whole batch is checked, and only then written, stream run by stream run with an
   * exact expected revision: a refused batch writes nothing, and a writer slipping in between is
   * refused by the server (`WRONG_EXPECTED_REVISION`) rather than forking a chain. The server cannot
   * look an event id up across streams, so here an id is checked within its stream.
   */
  async importRecorded(events: ReadonlyArray<StoredEvent>): Promise<ImportResult> {
    if (events.length === 0) return { imported: 0, skipped: 0 };
    const ranges = new Map<StreamName, { min: number; max: number }>();
    for (const e of events) {
      const r = ranges.get(e.streamName);
      if (r === undefined) ranges.set(e.streamName, { min: e.revision, max: e.revision });
      else {
        r.min = Math.min(r.min, e.revision);
        r.max = Math.max(r.max, e.revision);
      }
    }
    const known = new Map<StreamName, ImportedStream>();
    const pending = [...ranges];
    const reader = async (): Promise<void> => {
      for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const [streamName, range] = next;
        known.set(streamName, await this.importedStream(streamName, range));
      }
    };
    await Promise.all(Array.from({ length: Math.min(IMPORT_READERS, pending.length) }, reader));
    const plan = planImport(events, {
      head: (streamName) => known.get(streamName)?.head,
      at: (streamName, revision) => known.get(streamName)?.at.get(revision),
    });
    for (const run of importRuns(plan.writes, this.maxAppendSize)) {
      const first = run[0];
      if (first === undefined) continue;
      const { streamName, revision } = first.event;
      const expectedRevision = revision === 0 ? NO_STREAM : BigInt(revision - 1);
      try {
        await this.client.appendToStream(
          streamName,
          run.map((w) => {
            const metadata = JSON.parse(importMetadataText(w.metadataText)) as JSONType;
            return jsonEvent({
              id: w.event.metadata.eventId,
              type: w.event.type,
              data: JSON.parse(w.dataText) as JSONType,
              metadata,
            });
          }),
          { expectedRevision },
        );
      } catch (error) {
        throw translate(error, streamName, revision === 0 ? 'no-stream' : revision - 1);
      }
    }
    return { imported: plan.writes.length, skipped: plan.skipped };
  }

  async close(): Promise<void> {
    for (const complete of [...this.live]) complete();
    await this.client.dispose();
  }

  private pageSize(): number {
    return Math.max(1, Math.floor(this.options.pageSize ?? 500));
  }

  /** One read of $all, counted as the server counts it (Enumerator.ReadAllForwards.cs: `readCount` over every event sent). */
  private async readAllPage(from: ReadPosition, backwards: boolean, maxCount: number): Promise<AllPage> {
    const events: StoredEvent[] = [];
    let served = 0;
    let last: Position | undefined;
    try {
      for await (const resolved of this.client.readAll({
        fromPosition: from,
        direction: backwards ? BACKWARDS : FORWARDS,
        maxCount,
      })) {
        served += 1;
        last = resolved.event?.position ?? last;
        const e = toStoredEvent(resolved);
        if (e !== undefined) events.push(e);
      }
    } catch (error) {
      throw translate(error);
    }
    return { events, served, last };
  }

  /** The last `count` events of a stream, oldest first; empty when there is no stream. */
  private async tail(streamName: StreamName, count: number): Promise<StoredEvent[]> {
    try {
      const last = await this.readStream(streamName, { direction: 'backwards', maxCount: count });
      return [...last].reverse();
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  /**
   * All events of the command whose events `found` holds (a run of one command is contiguous):
   * extended backwards when the run may start before `found`, forwards when it may go on after it.
   */
  private async commandRun(
    streamName: StreamName,
    found: ReadonlyArray<StoredEvent>,
    commandId: string,
  ): Promise<StoredEvent[]> {
    const run = found.filter((e) => e.metadata.commandId === commandId);
    const first = run[0];
    if (first === undefined) return [...found]; // matched by event ids under another command id
    let before = first.revision;
    while (before > 0) {
      const [previous] = await this.readStream(streamName, { fromRevision: before - 1, maxCount: 1 });
      if (previous?.metadata.commandId !== commandId) break;
      run.unshift(previous);
      before = previous.revision;
    }
    for (;;) {
      const lastOfRun = run[run.length - 1];
      if (lastOfRun === undefined) break;
      const next = await this.readStream(streamName, {
        fromRevision: lastOfRun.revision + 1,
        maxCount: 1,
      });
      const [following] = next;
      if (following?.metadata.commandId !== commandId) break;
      run.push(following);
    }
    return run;
  }

  /** Events of a stream with the append nonce the adapter wrote with them. */
  private async readWithNonce(
    streamName: StreamName,
    fromRevision: number,
    count: number,
  ): Promise<Array<{ event: StoredEvent; nonce: unknown }>> {
    const out: Array<{ event: StoredEvent; nonce: unknown }> = [];
    try {
      for await (const resolved of this.client.readStream(streamName, {
        direction: FORWARDS,
        fromRevision: BigInt(fromRevision),
        maxCount: count,
      })) {
        const event = toStoredEvent(resolved);
        const raw = resolved.event?.metadata;
        if (event !== undefined) out.push({ event, nonce: isRecord(raw) ? raw.$appendAttempt : undefined });
      }
    } catch (error) {
      throw translate(error, streamName);
    }
    return out;
  }

  /** A stream's head and its events in `range` (at or below the head): what an import must check against. */
  private async importedStream(
    streamName: StreamName,
    range: { readonly min: number; readonly max: number },
  ): Promise<ImportedStream> {
    const at = new Map<number, { eventId: string; hash: string }>();
    let last: ReadonlyArray<StoredEvent>;
    try {
      last = await this.readStream(streamName, { direction: 'backwards', maxCount: 1 });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { head: undefined, at };
      throw error;
    }
    const headEvent = last[0];
    if (headEvent === undefined) return { head: undefined, at };
    const upTo = Math.min(range.max, headEvent.revision);
    if (range.min <= upTo) {
      const held = await this.readStream(streamName, {
        fromRevision: range.min,
        maxCount: upTo - range.min + 1,
      });
      for (const e of held) at.set(e.revision, { eventId: e.metadata.eventId, hash: e.metadata.hash });
    }
    return { head: { revision: headEvent.revision, hash: headEvent.metadata.hash }, at };
  }
}

interface ImportedStream {
  readonly head: { readonly revision: number; readonly hash: string } | undefined;
  readonly at: ReadonlyMap<number, { readonly eventId: string; readonly hash: string }>;
}

/** Streams read at once while an import looks at the target. */
const IMPORT_READERS = 8;
/** Events per append of an import. */
const IMPORT_RUN_EVENTS = 200;

/**
 * The size of an event as the server counts it against `MaxAppendSize`: the bytes of its data and
 * metadata plus two per character of its type (KurrentDB src/KurrentDB.Core/Data/Event.cs
 * `SizeOnDisk`; checked per append in Services/Transport/Grpc/Streams.Append.cs). Data and
 * metadata travel as UTF-8 JSON: a Chinese character is 3 bytes, not 1 (UTF-16 length).
 */
export const appendSize = (type: string, dataText: string, metadataText: string): number =>
  Buffer.byteLength(dataText, 'utf8') + Buffer.byteLength(metadataText, 'utf8') + type.length * 2;

/**
 * Consecutive writes to the same stream, cut to appends the server accepts (at most `maxBytes`,
 * counted as the server counts them, and `IMPORT_RUN_EVENTS` events); in the given order. A
 * single event over the limit is refused before anything of the batch is written.
 */
export const importRuns = (writes: ReadonlyArray<ImportWrite>, maxBytes: number): ImportWrite[][] => {
  const runs: ImportWrite[][] = [];
  let run: ImportWrite[] = [];
  let bytes = 0;
  for (const w of writes) {
    const size = appendSize(w.event.type, w.dataText, importMetadataText(w.metadataText));
    if (size > maxBytes) throw new AppendTooLargeError(w.event.streamName, size, maxBytes);
    const previous = run[run.length - 1];
    if (
      previous !== undefined &&
      (previous.event.streamName !== w.event.streamName ||
        run.length >= IMPORT_RUN_EVENTS ||
        bytes + size > maxBytes)
    ) {
      runs.push(run);
      run = [];
      bytes = 0;
    }
    run.push(w);
    bytes += size;
  }
  if (run.length > 0) runs.push(run);
  return runs;
};

/** The metadata an import writes: the recorded one plus the server's correlation keys. */
const importMetadataText = (metadataText: string): string => {
  const metadata = JSON.parse(metadataText) as EventMetadata;
  return JSON.stringify({
    ...metadata,
    $correlationId: metadata.correlationId,
    $causationId: metadata.causationId,
  });
};

/**
 * An event id for an event the caller gave none: derived from the stream, the command id and the
 * event's index (a name-based UUID, RFC 9562 version 5 layout over SHA-1), so that a retried command
 * sends the ids it sent the first time and the server's idempotency recognises them.
 */
export const commandEventId = (streamName: StreamName, commandId: string, index: number): string => {
  const bytes = createHash('sha1')
    .update(`zhaoshang-event\n${streamName}\n${commandId}\n${index}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * What of `events` says this append is stored already: the command id (at the end of the tail,
 * or at the start of the events after an exact expectation), or every one of the append's event
 * ids in order. `undefined` when neither; `'partly'` when only some ids are there (in a tail
 * the rest may precede it; elsewhere it is an `EVENT_ID_CONFLICT`, the server's CorruptedIdempotency).
 */
const storedAlready = (
  events: ReadonlyArray<StoredEvent>,
  commandId: string,
  ids: ReadonlyArray<string>,
  where: 'tail' | 'start',
): ReadonlyArray<StoredEvent> | 'partly' | undefined => {
  const edge = where === 'tail' ? events[events.length - 1] : events[0];
  if (edge !== undefined && edge.metadata.commandId === commandId) return events;
  const at = new Map(events.map((e) => [e.metadata.eventId, e]));
  const known = ids.map((id) => at.get(id));
  const rows = known.filter((e): e is StoredEvent => e !== undefined);
  if (rows.length === 0) return undefined;
  const first = rows[0]?.revision ?? 0;
  if (rows.length !== ids.length || !rows.every((e, i) => e.revision === first + i)) return 'partly';
  return rows;
};

const duplicate = (events: ReadonlyArray<StoredEvent>): AppendResult => {
  const last = events[events.length - 1];
  if (last === undefined) throw new Error('duplicate: no events');
  return { nextExpectedRevision: last.revision, position: last.globalPosition, events, duplicate: true };
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Maps a server event to the port's; `undefined` for system events and events not written through this port. */
const toStoredEvent = (resolved: ResolvedEvent | AllStreamResolvedEvent): StoredEvent | undefined => {
  const e = resolved.event;
  if (e === undefined || !e.isJson || e.type.startsWith('$') || e.streamId.startsWith('$')) return undefined;
  const raw = e.metadata;
  if (!isRecord(raw) || typeof raw.hash !== 'string') return undefined;
  const metadata = Object.fromEntries(
    Object.entries(raw).filter(([k]) => !k.startsWith('$')),
  ) as unknown as EventMetadata;
  // A stream read carries the position too: a self-committed event (every gRPC write) is at
  // TFPos(LogPosition, LogPosition) (KurrentDB src/KurrentDB.Core/Data/ResolvedEvent.cs CalculatePosition).
  const position =
    e.position ??
    (resolved.commitPosition === undefined
      ? undefined
      : { commit: resolved.commitPosition, prepare: resolved.commitPosition });
  if (position === undefined)
    throw new StoreUnavailableError({ cause: new Error('event without a position'), detail: e.streamId });
  return {
    streamName: e.streamId,
    revision: Number(e.revision),
    globalPosition: portPosition(position),
    type: e.type,
    data: e.data as unknown,
    metadata,
  };
};

const matcher = (filter: AllFilter | undefined): ((e: StoredEvent) => boolean) => {
  const types = filter?.eventTypes === undefined ? undefined : new Set(filter.eventTypes);
  const prefixes = filter?.streamPrefixes;
  return (e) =>
    (types === undefined || types.has(e.type)) &&
    (prefixes === undefined || prefixes.some((p) => e.streamName.startsWith(p)));
};

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The server filters on one criterion; the stream prefix is usually the narrower, the rest is checked here. */
const serverFilter = (filter: AllFilter | undefined): Filter => {
  if (filter?.streamPrefixes !== undefined && filter.streamPrefixes.length > 0) {
    return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  }
  if (filter?.eventTypes !== undefined && filter.eventTypes.length > 0) {
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  }
  return excludeSystemEvents();
};

/** Driver errors to store errors, keeping the original as `cause`. */
const translate = (
  error: unknown,
  streamName?: StreamName,
  expected?: AppendOptions['expectedRevision'],
): unknown => {
  if (error instanceof EventStoreError || error instanceof RangeError || error instanceof TypeError)
    return error;
  if (error instanceof WrongExpectedVersionError) {
    const actual: CurrentRevision =
      error.actualVersion === NO_STREAM ? 'no-stream' : Number(error.actualVersion);
    return new WrongExpectedRevisionError(streamName ?? error.streamName, expected ?? 'any', actual, {
      cause: error,
    });
  }
  if (error instanceof MaxAppendSizeExceededError && streamName !== undefined)
    return new AppendTooLargeError(streamName, error.maxAppendSize + 1, error.maxAppendSize, {
      cause: error,
    });
  if (error instanceof MaxAppendSizeExceededError && streamName !== undefined)
    // The server's limit is lower than the adapter was told (`maxAppendSize`); it does not say the size.
    return new AppendTooLargeError(streamName, null, error.maxAppendSize, { cause: error });
  if (error instanceof EsdbStreamNotFoundError)
    return new StreamNotFoundError(streamName ?? error.streamName, { cause: error });
  if (error instanceof Error && isCommandError(error))
    return new StoreUnavailableError({ cause: error, detail: error.type });
  return new StoreUnavailableError({ cause: error });
};
