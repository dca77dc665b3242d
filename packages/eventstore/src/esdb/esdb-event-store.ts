/**
 * The EventStoreDB (KurrentDB) adapter. This is the only file that imports the client: moving to
 * `@kurrent/kurrentdb-client` (same shape, renamed `KurrentDBClient`) changes this file alone.
 */
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  FORWARDS,
  isCommandError,
  jsonEvent,
  NO_STREAM,
  START,
  streamNameFilter,
  StreamNotFoundError as EsdbStreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type Filter,
  type JSONType,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { Observable } from 'rxjs';
import {
  EventIdConflictError,
  EventStoreError,
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../errors';
import { canonicalJson, ChainVerifier, eventHash, GENESIS_HASH } from '../hash-chain';
import { planImport, type ImportWrite } from '../import-plan';
import type {
  AllFilter,
  AppendOptions,
  AppendResult,
  CurrentRevision,
  EventImporter,
  EventMetadata,
  EventStore,
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
}

/**
 * A port position packs the server's two 64-bit numbers, `(commit << 64) | prepare`: events of one
 * append share a commit position and differ by prepare position, and $all is ordered by
 * (commit, prepare), which the packed bigint preserves exactly.
 */
const PREPARE_BITS = 64n;
const PREPARE_MASK = (1n << PREPARE_BITS) - 1n;
/** Packs a server position into a port position. */
export const packPosition = (p: Position): GlobalPosition => (p.commit << PREPARE_BITS) | p.prepare;
/** Unpacks a port position into the server's. */
export const unpackPosition = (g: GlobalPosition): Position => ({
  commit: g >> PREPARE_BITS,
  prepare: g & PREPARE_MASK,
});

/** Connects to EventStoreDB (the connection is lazy: the first call connects). */
export const openEsdbEventStore = (options: EsdbEventStoreOptions): EsdbEventStore =>
  new EsdbEventStore(EventStoreDBClient.connectionString(options.connectionString), options);

interface StreamScan {
  readonly head: { readonly revision: number; readonly hash: string } | undefined;
  readonly byCommand: StoredEvent[];
  readonly byEventId: Map<string, StoredEvent>;
}

/** The EventStoreDB adapter of the port. */
export class EsdbEventStore implements EventStore, EventImporter {
  private readonly clock: () => Date;
  private readonly live = new Set<() => void>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: Omit<EsdbEventStoreOptions, 'connectionString'> = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async append(
    streamName: StreamName,
    events: ReadonlyArray<NewEvent>,
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const expected = normaliseExpectedRevision(options.expectedRevision);
    const { context } = options;
    const prepared = events.map((e) => {
      const dataText = canonicalJson(e.data);
      return {
        eventId: e.eventId ?? randomUUID(),
        type: e.type,
        data: JSON.parse(dataText) as unknown,
        schemaVersion: e.schemaVersion ?? 1,
      };
    });
    const maxAttempts = Math.max(1, this.options.maxAppendAttempts ?? 10);
    for (let attempt = 1; ; attempt++) {
      // The hash chain needs the previous hash and the exact revision before writing, so every
      // append reads the stream and then writes with an exact expected revision. The same read
      // answers idempotency (the server only dedupes ids at the expected revision it was given).
      const scan = await this.scan(
        streamName,
        context.commandId,
        prepared.map((e) => e.eventId),
      );
      if (scan.byCommand.length > 0) return duplicate(scan.byCommand.sort((a, b) => a.revision - b.revision));
      const known = prepared.map((e) => scan.byEventId.get(e.eventId));
      if (known.some((e) => e !== undefined)) {
        const rows = known.filter((e): e is StoredEvent => e !== undefined);
        const first = rows[0]?.revision ?? 0;
        if (rows.length !== known.length || !rows.every((e, i) => e.revision === first + i)) {
          throw new EventIdConflictError(
            streamName,
            prepared.find((_, i) => known[i] !== undefined)?.eventId ?? '',
          );
        }
        return duplicate(rows);
      }
      const actual: CurrentRevision = scan.head?.revision ?? 'no-stream';
      if (!satisfiesExpectedRevision(expected, actual))
        throw new WrongExpectedRevisionError(streamName, expected, actual);

      let prevHash = scan.head?.hash ?? GENESIS_HASH;
      let revision = scan.head === undefined ? 0 : scan.head.revision + 1;
      const firstRevision = revision;
      const recordedAt = this.clock().toISOString();
      const metadatas: EventMetadata[] = [];
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
        metadatas.push({ ...unhashed, hash });
        prevHash = hash;
        revision += 1;
      }
      try {
        await this.client.appendToStream(
          streamName,
          prepared.map((e, i) =>
            jsonEvent({
              id: e.eventId,
              type: e.type,
              // The client JSON-encodes data; any JSON value round-trips, though its type names only containers.
              data: e.data as JSONType,
              // `$correlationId`/`$causationId` feed the server's $by_correlation_id projection; they
              // are derived, so they are left out of the hashed metadata and dropped on read.
              metadata: {
                ...metadatas[i],
                $correlationId: metadatas[i]?.correlationId,
                $causationId: metadatas[i]?.causationId,
              },
            }),
          ),
          { expectedRevision: scan.head === undefined ? NO_STREAM : BigInt(scan.head.revision) },
        );
      } catch (error) {
        // Someone wrote in between our read and our write: read again. The next round either finds
        // our own events (a concurrent retry of this append), or reports the conflict against the
        // caller's expectation, or (for `any`) writes on top.
        if (error instanceof WrongExpectedVersionError && attempt < maxAttempts) continue;
        throw translate(error, streamName, expected);
      }
      // Positions of a multi-event append are per event: read them back.
      const stored = await this.readStream(streamName, {
        fromRevision: firstRevision,
        maxCount: prepared.length,
      });
      const last = stored[stored.length - 1];
      if (last === undefined)
        throw new StoreUnavailableError({
          cause: new Error('appended events not readable'),
          detail: streamName,
        });
      return {
        nextExpectedRevision: last.revision,
        position: last.globalPosition,
        events: stored,
        duplicate: false,
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

  async readAll(options: ReadAllOptions = {}): Promise<ReadonlyArray<StoredEvent>> {
    const backwards = options.direction === 'backwards';
    const wanted =
      options.maxCount !== undefined && Number.isFinite(options.maxCount)
        ? Math.max(0, Math.floor(options.maxCount))
        : Infinity;
    const keep = matcher(options.filter);
    const pageSize = this.options.pageSize ?? 500;
    const out: StoredEvent[] = [];
    try {
      let from: ReadPosition =
        options.fromPosition === undefined ? (backwards ? END : START) : unpackPosition(options.fromPosition);
      let bound = options.fromPosition; // events beyond it (in the read direction) are not wanted
      if (backwards && options.fromPosition !== undefined) {
        // The port's fromPosition is inclusive; a backwards read on the server starts before it.
        const [at] = await this.readAllPage(from, FORWARDS, 1);
        if (at !== undefined && at.globalPosition === options.fromPosition && keep(at)) out.push(at);
      }
      // $all filters are applied here: the server filters subscriptions, not reads.
      while (out.length < wanted) {
        const page = await this.readAllPage(from, backwards ? BACKWARDS : FORWARDS, pageSize);
        for (const e of page) {
          if (bound !== undefined && (backwards ? e.globalPosition >= bound : e.globalPosition < bound))
            continue;
          if (keep(e)) out.push(e);
          if (out.length >= wanted) break;
        }
        const last = page[page.length - 1];
        if (page.length < pageSize || last === undefined) break;
        from = unpackPosition(last.globalPosition);
        bound = backwards ? last.globalPosition : last.globalPosition + 1n;
      }
    } catch (error) {
      throw translate(error);
    }
    return out;
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<StoredEvent> {
    return new Observable<StoredEvent>((subscriber) => {
      const keep = matcher(options.filter);
      const after = options.afterPosition;
      const subscription = this.client.subscribeToAll({
        fromPosition: after === undefined ? START : unpackPosition(after),
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
        const e = toStoredEvent(resolved);
        // The server starts after `fromPosition`; the check keeps that promise whatever its version does.
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
    const verifier = new ChainVerifier({ contiguousPositions: false });
    const events = await this.readStream(streamName);
    if (events.length === 0) throw new StreamNotFoundError(streamName);
    for (const e of events) if (verifier.check(e)) break;
    return verifier.result();
  }

  async verifyAll(options: VerifyOptions = {}): Promise<VerifyResult> {
    // Server positions are log offsets, not a dense sequence: order is checked, contiguity cannot be.
    const verifier = new ChainVerifier({ contiguousPositions: false });
    const pageSize = this.options.pageSize ?? 500;
    let from: ReadPosition = START;
    let skipUpTo: GlobalPosition | undefined;
    for (;;) {
      options.signal?.throwIfAborted();
      let page: ReadonlyArray<StoredEvent>;
      try {
        page = await this.readAllPage(from, FORWARDS, pageSize);
      } catch (error) {
        throw translate(error);
      }
      for (const e of page) {
        if (skipUpTo !== undefined && e.globalPosition <= skipUpTo) continue;
        if (verifier.check(e)) return verifier.result();
      }
      const { checked, position } = verifier.progress();
      if (options.onProgress !== undefined && position !== undefined)
        options.onProgress({ checked, position });
      const last = page[page.length - 1];
      if (page.length < pageSize || last === undefined) break;
      from = unpackPosition(last.globalPosition);
      skipUpTo = last.globalPosition;
    }
    return verifier.result();
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
    for (const run of importRuns(plan.writes)) {
      const first = run[0];
      if (first === undefined) continue;
      const { streamName, revision } = first.event;
      const expectedRevision = revision === 0 ? NO_STREAM : BigInt(revision - 1);
      try {
        await this.client.appendToStream(
          streamName,
          run.map((w) => {
            const metadata = JSON.parse(w.metadataText) as EventMetadata;
            return jsonEvent({
              id: metadata.eventId,
              type: w.event.type,
              data: JSON.parse(w.dataText) as JSONType,
              metadata: {
                ...metadata,
                $correlationId: metadata.correlationId,
                $causationId: metadata.causationId,
              },
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

  private async readAllPage(
    from: ReadPosition,
    direction: typeof FORWARDS | typeof BACKWARDS,
    maxCount: number,
  ): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    for await (const resolved of this.client.readAll({ fromPosition: from, direction, maxCount })) {
      const e = toStoredEvent(resolved);
      if (e !== undefined) out.push(e);
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

  /** One backwards pass over the stream: its head, and what idempotency needs to know. */
  private async scan(
    streamName: StreamName,
    commandId: string,
    eventIds: ReadonlyArray<string>,
  ): Promise<StreamScan> {
    const ids = new Set(eventIds);
    const byCommand: StoredEvent[] = [];
    const byEventId = new Map<string, StoredEvent>();
    let head: StreamScan['head'];
    try {
      for await (const resolved of this.client.readStream(streamName, {
        direction: BACKWARDS,
        fromRevision: END,
      })) {
        const e = toStoredEvent(resolved);
        if (e === undefined) continue;
        head ??= { revision: e.revision, hash: e.metadata.hash };
        if (e.metadata.commandId === commandId) byCommand.push(e);
        if (ids.has(e.metadata.eventId)) byEventId.set(e.metadata.eventId, e);
      }
    } catch (error) {
      if (!(error instanceof EsdbStreamNotFoundError)) throw translate(error, streamName);
    }
    return { head, byCommand, byEventId };
  }
}

interface ImportedStream {
  readonly head: { readonly revision: number; readonly hash: string } | undefined;
  readonly at: ReadonlyMap<number, { readonly eventId: string; readonly hash: string }>;
}

/** Streams read at once while an import looks at the target. */
const IMPORT_READERS = 8;
/** Bounds of one append of an import, under the server's default 1 MiB `MaxAppendSize`. */
const IMPORT_RUN_EVENTS = 200;
const IMPORT_RUN_BYTES = 512 * 1024;

/** Consecutive writes to the same stream, cut to appends the server accepts; in the given order. */
const importRuns = (writes: ReadonlyArray<ImportWrite>): ImportWrite[][] => {
  const runs: ImportWrite[][] = [];
  let run: ImportWrite[] = [];
  let bytes = 0;
  for (const w of writes) {
    const size = w.dataText.length + w.metadataText.length;
    const previous = run[run.length - 1];
    if (
      previous !== undefined &&
      (previous.event.streamName !== w.event.streamName ||
        run.length >= IMPORT_RUN_EVENTS ||
        bytes + size > IMPORT_RUN_BYTES)
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
  const position =
    e.position ??
    (resolved.commitPosition !== undefined
      ? { commit: resolved.commitPosition, prepare: resolved.commitPosition }
      : undefined);
  return {
    streamName: e.streamId,
    revision: Number(e.revision),
    globalPosition: position === undefined ? -1n : packPosition(position),
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
  if (error instanceof EsdbStreamNotFoundError)
    return new StreamNotFoundError(streamName ?? error.streamName, { cause: error });
  if (error instanceof Error && isCommandError(error))
    return new StoreUnavailableError({ cause: error, detail: error.type });
  return new StoreUnavailableError({ cause: error });
};
