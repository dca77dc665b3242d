import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  ANY,
  BACKWARDS,
  END,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult,
  type EventData,
  type Filter,
  type JSONType,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EsdbAllSubscription, EsdbClient } from '../esdb/esdb-event-store';

/**
 * An in-process double of `@eventstore/db-client` (6.x): the calls the EventStoreDB adapter makes,
 * with the server behaviour the adapter relies on. It is a test tool, NOT the server: it keeps
 * everything in memory, has one node, no security, no scavenging, no projections and no
 * persistence, and it reproduces only what is listed below. Each behaviour names its source: the
 * KurrentDB server source (github.com/kurrent-io/KurrentDB, `src/KurrentDB.Core/…`), the client's
 * source (github.com/kurrent-io/KurrentDB-Client-NodeJS, and the installed package's `dist/`), or a
 * documentation page. When the adapter starts relying on something else, add it here with its
 * source, and run the contract suite against a real server (`EVENTSTORE_CONNECTION_STRING`).
 *
 * B1 Positions are byte offsets of the log. Each record starts where the previous one ended
 *    (record size: a header plus stream name, type, data and metadata), so positions are sparse
 *    and, with `firstPosition`, as large as a long-lived server's.
 *    [Services/Storage/ReaderIndex/AllReader.cs: events of $all at `TFPos(prepare.LogPosition, …)`]
 * B2 In $all every event written over gRPC has commit = prepare = its record's log position; so
 *    have the events of one multi-event append (each its own).
 *    [AllReader.cs: `new CommitEventRecord(eventRecord, prepare.LogPosition)` for implicit transactions]
 * B3 A read of $all from a position with commit < prepare is refused, and so is one from an offset
 *    that is not the start of a record (nor the end of the log).
 *    [Services/Transport/Common/Position.cs constructor: "The commit position cannot be less than
 *    the prepare position"; Services/Storage/StorageReaderWorker.All.cs: InvalidReadException → InvalidPosition]
 * B4 A forwards read of $all includes the event at its position; a backwards read starts before it.
 *    [AllReader.cs ReadAllEventsForwardInternal: `TFPos(prepare.LogPosition, …) >= pos`;
 *    ReadAllEventsBackwardInternal: `TFPos(RecordPostPosition, …) <= pos`]
 * B5 `maxCount` of a read of $all counts every event the server returns, system events included;
 *    the read ends early only at the end of the log.
 *    [Services/Transport/Enumerators/Enumerator.ReadAllForwards.cs: `readCount` over every event sent]
 * B6 $all holds system events ($-prefixed types in $-prefixed streams): some at the start of the
 *    log, and more as the server runs (statistics every `StatsPeriodSec`, default 30 s, in
 *    `$stats-<ip:port>`). Here: at the start, and one after every `systemEventEvery` appends.
 *    [docs/server/diagnostics (stats stream); src/KurrentDB.Core/Services/Monitoring/MonitoringService.cs]
 * B7 Reads of $all are not filtered with the installed client: it sends `NoFilter`.
 *    [node_modules/@eventstore/db-client/dist/streams/readAll.js: `options.setNoFilter(...)`]
 * B8 Subscriptions to $all are filtered by the server (stream-name prefixes or regex, event-type
 *    prefixes or regex), and start after their position (exclusive), catch up, then go live.
 *    [docs "Subscriptions: Subscribing from a specific position" and "Server-side filtering";
 *    Services/Transport/Enumerators/Enumerator.AllSubscription(Filtered).cs]
 * B9 Expected revisions: `no_stream`, `stream_exists`, `any`, or the exact revision of the last
 *    event; otherwise WrongExpectedVersion with the current revision.
 *    [Services/Storage/ReaderIndex/IndexWriter.cs CheckCommit; client dist/utils/CommandError.js]
 * B10 Idempotence. With an exact expected revision (or `no_stream`) behind the stream's end, an
 *    append whose event ids equal the events that follow that revision is a success that writes
 *    nothing and answers the original's revision and position; if only the first ids match it is
 *    WrongExpectedVersion (CorruptedIdempotency → ConsistencyCheckFailure); if the first does not,
 *    WrongExpectedVersion. With `any`/`stream_exists` the ids are looked up among recently
 *    committed events of the stream (best effort: a bounded cache, `recentEventIds` here).
 *    [docs/server/http-api/introduction.md "Optimistic concurrency and idempotence";
 *    IndexWriter.cs CheckCommit; Services/Storage/StorageWriterService.cs: CorruptedIdempotency
 *    counted as consistency-check failure; Settings/ESConsts.cs CommittedEventsMemCacheLimit]
 * B11 An append larger than `MaxAppendSize` is refused whole, before anything is written; the size
 *    of an event is its data bytes + metadata bytes + 2 × the characters of its type. Default
 *    1 MiB (KurrentDB 25.1 raised it to 256 MiB).
 *    [Services/Transport/Grpc/Streams.Append.cs; Data/Event.cs SizeOnDisk; Configuration/ClusterVNodeOptions.cs]
 * B12 Reading a stream that has no event rejects with StreamNotFound; events read from a stream
 *    carry their $all position (a self-committed event is at TFPos(LogPosition, LogPosition)).
 *    [client dist/streams/utils/ReadStream.js; Services/Transport/Grpc/Streams.Read.cs;
 *    src/KurrentDB.Core/Data/ResolvedEvent.cs CalculatePosition]
 * B13 A server that cannot be reached fails every call with UnavailableError, and live
 *    subscriptions end with it; calls succeed again once it is back (`outage(true/false)` here).
 *    [client dist/utils/CommandError.js: UnavailableError (gRPC status UNAVAILABLE)]
 */
export interface EsdbClientDoubleOptions {
  /** Log position of the first record. Default 0; give e.g. 2^53 + x to test large positions (< 2^63). */
  readonly firstPosition?: bigint;
  /** A system event is written after every this many appends (B6). Default 3; 0 turns it off. */
  readonly systemEventEvery?: number;
  /** MaxAppendSize in bytes (B11). Default 1 MiB. */
  readonly maxAppendSize?: number;
  /** How many recent event ids `any` appends are checked against (B10). Default 1000. */
  readonly recentEventIds?: number;
}

interface LogRecord {
  readonly position: bigint;
  /** Where the next record starts. */
  readonly end: bigint;
  readonly streamId: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly dataText: string;
  readonly metadataText: string;
  readonly created: Date;
}

/** Fixed part of a record's size: a header like the server's prepare record (about 100 bytes). */
const RECORD_HEADER = 100n;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The double. Implements exactly the client calls of `EsdbClient`. */
export class InProcessEsdbClient implements EsdbClient {
  private readonly log: LogRecord[] = [];
  private readonly byPosition = new Map<bigint, number>();
  private readonly streams = new Map<string, number[]>();
  private readonly recent: Array<{ streamId: string; id: string; index: number }> = [];
  private readonly emitter = new EventEmitter();
  private writer: bigint;
  private appends = 0;
  private disposed = false;
  private down = false;
  private readonly options: Required<EsdbClientDoubleOptions>;

  constructor(options: EsdbClientDoubleOptions = {}) {
    this.options = {
      firstPosition: options.firstPosition ?? 0n,
      systemEventEvery: options.systemEventEvery ?? 3,
      maxAppendSize: options.maxAppendSize ?? 1024 * 1024,
      recentEventIds: options.recentEventIds ?? 1000,
    };
    this.emitter.setMaxListeners(0);
    this.writer = this.options.firstPosition;
    // B6: a fresh server's log starts with system events.
    this.write('$settings', '$settings', { $userStreamAcl: {}, $systemStreamAcl: {} });
    this.write('$users', '$User', { loginName: 'admin' });
    this.write('$user-admin', '$UserCreated', { loginName: 'admin', fullName: 'KurrentDB Administrator' });
  }

  /** Every record of the log, system ones included (for tests of the double itself). */
  get records(): ReadonlyArray<{
    readonly position: bigint;
    readonly streamId: string;
    readonly type: string;
  }> {
    return this.log;
  }

  appendToStream(
    streamName: string,
    events: EventData[],
    options: { readonly expectedRevision: AppendExpectedRevision },
  ): Promise<AppendResult> {
    return this.run(() => {
      // B11: measured and refused before anything is written.
      let size = 0;
      for (const e of events) {
        size += e.data instanceof Uint8Array ? e.data.byteLength : bytes(JSON.stringify(e.data));
        if (e.metadata !== undefined)
          size +=
            e.metadata instanceof Uint8Array ? e.metadata.byteLength : bytes(JSON.stringify(e.metadata));
        size += e.type.length * 2;
      }
      if (size > this.options.maxAppendSize)
        throw new MaxAppendSizeExceededError(undefined, this.options.maxAppendSize);
      const indexes = this.streams.get(streamName) ?? [];
      const current = indexes.length === 0 ? -1n : BigInt(indexes.length - 1);
      const expected = options.expectedRevision;
      const wrong = (): WrongExpectedVersionError =>
        new WrongExpectedVersionError(undefined, {
          streamName,
          expected,
          current: current < 0n ? NO_STREAM : current,
        });
      const ids = events.map((e) => e.id);
      if (expected === ANY || expected === STREAM_EXISTS) {
        if (expected === STREAM_EXISTS && current < 0n) throw wrong();
        // B10, weak: recently committed ids of this stream.
        const found = ids.map((id) => this.recent.find((r) => r.streamId === streamName && r.id === id));
        if (found[0] !== undefined) {
          if (found.some((f) => f === undefined)) throw wrong();
          return this.answer(found[found.length - 1]?.index ?? 0);
        }
      } else {
        const exact = expected === NO_STREAM ? -1n : expected;
        if (exact < current) {
          // B10, strong: the events right after the expected revision.
          const after = indexes.slice(Number(exact) + 1, Number(exact) + 1 + ids.length);
          const matches = ids.map((id, i) => {
            const index = after[i];
            return index !== undefined && this.log[index]?.id === id;
          });
          if (matches.length > 0 && matches.every(Boolean)) return this.answer(after[after.length - 1] ?? 0);
          throw wrong(); // first id differs, or only some match (CorruptedIdempotency)
        }
        if (exact > current) throw wrong();
      }
      let last = 0;
      for (const e of events) {
        if (e.contentType !== 'application/json') throw new Error('the double stores JSON events only');
        last = this.write(streamName, e.type, e.data, e.metadata, e.id);
      }
      this.appends += 1;
      if (this.options.systemEventEvery > 0 && this.appends % this.options.systemEventEvery === 0)
        this.write('$stats-127.0.0.1:2113', '$statsCollected', {
          'proc-mem': 123_456,
          appends: this.appends,
        });
      return this.answer(last);
    });
  }

  readStream(
    streamName: string,
    options: {
      readonly direction: typeof BACKWARDS | 'forwards';
      readonly fromRevision: ReadRevision;
      readonly maxCount?: number;
    },
  ): AsyncIterable<ResolvedEvent> {
    return this.streamEvents(streamName, options);
  }

  readAll(options: {
    readonly direction: typeof BACKWARDS | 'forwards';
    readonly fromPosition: ReadPosition;
    readonly maxCount: number;
  }): AsyncIterable<AllStreamResolvedEvent> {
    return this.allEvents(options);
  }

  private async *streamEvents(
    streamName: string,
    options: {
      readonly direction: typeof BACKWARDS | 'forwards';
      readonly fromRevision: ReadRevision;
      readonly maxCount?: number;
    },
  ): AsyncGenerator<ResolvedEvent> {
    await Promise.resolve();
    this.alive();
    const indexes = this.streams.get(streamName);
    if (indexes === undefined || indexes.length === 0) throw new StreamNotFoundError(undefined, streamName); // B12
    const backwards = options.direction === BACKWARDS;
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    let at =
      options.fromRevision === START
        ? 0
        : options.fromRevision === END
          ? indexes.length - 1
          : Number(options.fromRevision);
    if (backwards && at > indexes.length - 1) at = indexes.length - 1;
    for (let n = 0; n < max && at >= 0 && at < indexes.length; n++, at += backwards ? -1 : 1) {
      const record = this.log[indexes[at] ?? -1];
      if (record !== undefined) yield { event: this.recorded(record) };
    }
  }

  private async *allEvents(options: {
    readonly direction: typeof BACKWARDS | 'forwards';
    readonly fromPosition: ReadPosition;
    readonly maxCount: number;
  }): AsyncGenerator<AllStreamResolvedEvent> {
    await Promise.resolve();
    this.alive();
    const backwards = options.direction === BACKWARDS;
    let index: number;
    if (options.fromPosition === START) index = backwards ? -1 : 0;
    else if (options.fromPosition === END) index = backwards ? this.log.length - 1 : this.log.length;
    else {
      const start = this.recordAt(options.fromPosition); // B3
      index = backwards ? start - 1 : start; // B4
    }
    // B5: every event counts, system ones too; B7: no filter.
    for (let n = 0; n < options.maxCount && index >= 0 && index < this.log.length; n++) {
      const record = this.log[index];
      if (record !== undefined) yield this.resolved(record);
      index += backwards ? -1 : 1;
    }
  }

  subscribeToAll(options: {
    readonly fromPosition: ReadPosition;
    readonly filter: Filter;
  }): EsdbAllSubscription {
    const emitter = new EventEmitter();
    let next =
      options.fromPosition === START
        ? 0
        : options.fromPosition === END
          ? this.log.length
          : this.recordAt(options.fromPosition) + 1; // B8: exclusive
    let stopped = false;
    const pump = (): void => {
      while (!stopped && next < this.log.length) {
        const record = this.log[next];
        next += 1;
        if (record !== undefined && passes(options.filter, record))
          emitter.emit('data', this.resolved(record));
      }
    };
    const onAppend = (): void => {
      setImmediate(pump);
    };
    const end = (error: Error): void => {
      if (stopped) return;
      stopped = true;
      this.emitter.off('append', onAppend);
      this.emitter.off('dispose', onDispose);
      this.emitter.off('outage', onOutage);
      emitter.emit('error', error);
    };
    const onDispose = (): void => end(new Error('client disposed'));
    const onOutage = (): void => end(new UnavailableError(undefined, '14 UNAVAILABLE: Connection dropped'));
    this.emitter.on('append', onAppend);
    this.emitter.once('dispose', onDispose);
    this.emitter.once('outage', onOutage);
    if (this.down) setImmediate(onOutage);
    else setImmediate(pump);
    const subscription: EsdbAllSubscription = {
      on: (event: string, listener: (...args: never[]) => void) =>
        emitter.on(event, (...args: unknown[]) => {
          (listener as (...args: unknown[]) => void)(...args);
        }),
      unsubscribe: () => {
        stopped = true;
        this.emitter.off('append', onAppend);
        this.emitter.off('dispose', onDispose);
        this.emitter.off('outage', onOutage);
        return Promise.resolve();
      },
    };
    return subscription;
  }

  /**
   * B13: while `down`, every call rejects with UnavailableError and live subscriptions end with
   * it (as when the server or the network goes away); afterwards calls succeed again.
   */
  outage(down: boolean): void {
    this.down = down;
    if (down) this.emitter.emit('outage');
  }

  dispose(): Promise<void> {
    this.disposed = true;
    this.emitter.emit('dispose');
    return Promise.resolve();
  }

  private alive(): void {
    if (this.disposed) throw new Error('the client is disposed');
    if (this.down) throw new UnavailableError(undefined, '14 UNAVAILABLE: No connection established');
  }

  private run<T>(work: () => T): Promise<T> {
    // Asynchronous like a network call, but each append is atomic (one writer, as the server's).
    return Promise.resolve().then(() => {
      this.alive();
      return work();
    });
  }

  /** B3: the index of the record starting at `p`; the end of the log is valid too. */
  private recordAt(p: Position): number {
    if (p.commit < p.prepare)
      throw new Error('Invalid position: the commit position cannot be less than the prepare position');
    if (p.commit === this.writer) return this.log.length;
    // (0, 0) is the first record of the log (Data/TFPos.cs FirstRecordOfTf), wherever the double starts.
    if (p.commit === 0n && p.prepare === 0n) return 0;
    const index = this.byPosition.get(p.commit);
    if (index === undefined || p.prepare !== p.commit)
      throw new Error(`Invalid position: no record starts at ${p.commit}/${p.prepare}`);
    return index;
  }

  private answer(index: number): AppendResult {
    const record = this.log[index];
    if (record === undefined) throw new Error('no record');
    return {
      success: true,
      nextExpectedRevision: record.revision,
      position: { commit: record.position, prepare: record.position },
    };
  }

  private write(
    streamId: string,
    type: string,
    data: unknown,
    metadata?: unknown,
    id: string = randomUUID(),
  ): number {
    const dataText = JSON.stringify(data);
    const metadataText = metadata === undefined ? '' : JSON.stringify(metadata);
    const size =
      RECORD_HEADER + BigInt(bytes(streamId) + bytes(type) + bytes(dataText) + bytes(metadataText) + 16);
    const indexes = this.streams.get(streamId) ?? [];
    const record: LogRecord = {
      position: this.writer, // B1
      end: this.writer + size,
      streamId,
      revision: BigInt(indexes.length),
      id,
      type,
      dataText,
      metadataText,
      created: new Date(),
    };
    if (record.end >= 2n ** 63n) throw new Error('log full (2^63)');
    const index = this.log.length;
    this.log.push(record);
    this.byPosition.set(record.position, index);
    indexes.push(index);
    this.streams.set(streamId, indexes);
    this.writer = record.end;
    this.recent.push({ streamId, id, index });
    if (this.recent.length > this.options.recentEventIds) this.recent.shift();
    this.emitter.emit('append');
    return index;
  }

  private recorded(record: LogRecord): NonNullable<AllStreamResolvedEvent['event']> {
    const position = { commit: record.position, prepare: record.position }; // B2
    return {
      streamId: record.streamId,
      id: record.id,
      isJson: true,
      revision: record.revision,
      type: record.type,
      created: record.created,
      data: JSON.parse(record.dataText) as JSONType,
      metadata: record.metadataText === '' ? {} : (JSON.parse(record.metadataText) as JSONType),
      position,
    };
  }

  private resolved(record: LogRecord): AllStreamResolvedEvent {
    return { event: this.recorded(record), commitPosition: record.position };
  }
}

/** B8: the server's filter on stream names or event types (prefixes or a regex), or system events excluded. */
const passes = (filter: Filter, record: LogRecord): boolean => {
  const subject = filter.filterOn === 'streamName' ? record.streamId : record.type;
  if ('prefixes' in filter) return filter.prefixes.some((p) => subject.startsWith(p));
  return new RegExp(filter.regex).test(subject);
};
