import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { Observable } from 'rxjs';
import {
  EventIdConflictError,
  EventStoreError,
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../errors';
import { timeOrderedUuid } from '../event-id';
import { canonicalJson, ChainVerifier, eventHashOfCanonicalData, GENESIS_HASH } from '../hash-chain';
import { positionSequence, type PositionSequence, type PositionSequenceName } from '../position-sequence';
import type {
  AllFilter,
  AppendOptions,
  AppendResult,
  EventImporter,
  EventMetadata,
  EventStore,
  EventStoreIdentity,
  EventStoreIdentitySource,
  ExpectedRevision,
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
import { GroupCommitQueue, type Outcome } from './group-commit';
import { migrate } from './schema';
import { importIntoSqlite } from './sqlite-import';

/** How an acknowledged append survives failures; see README "Durability". */
export type SqliteDurability =
  /** `synchronous=FULL`: the WAL is fsynced at every commit; an acknowledged append survives a power cut. */
  | 'full'
  /** `synchronous=NORMAL`: fsync only at checkpoints; a power cut may lose the last acknowledged appends (never corrupts). */
  | 'normal';

/** Options of the embedded store. */
export interface SqliteEventStoreOptions {
  /** Path of the database file (created if missing); `:memory:` for a throwaway store. */
  readonly file: string;
  /** Default `'full'`. */
  readonly durability?: SqliteDurability;
  /** How long a writer waits for another process's lock before STORE_UNAVAILABLE. Default 5000. */
  readonly busyTimeoutMs?: number;
  /** Commit concurrent appends together (default true); false gives one transaction per append. */
  readonly groupCommit?: boolean;
  /** Upper bound of appends per group commit. Default 1000. */
  readonly maxBatchSize?: number;
  /**
   * Subscriptions learn of this process's commits at once; set this to also notice commits made
   * by another process writing the same file (milliseconds between checks). Default: off.
   */
  readonly pollIntervalMs?: number;
  /** Events read per page during catch-up. Default 1000. */
  readonly pageSize?: number;
  /** The store's clock for `recordedAt`. Default `() => new Date()`. */
  readonly clock?: () => Date;
  /**
   * The position sequence of a new file: `dense` (1, 2, 3, …; the default) or `sparse` (beyond
   * 2^53 with irregular gaps, as a server's log offsets: for tests, see `sparsePositions`). A file
   * keeps the sequence it was created with; this option is ignored for an existing file.
   */
  readonly positions?: PositionSequenceName;
}

/** Rows that carry a position are read with safe integers: positions may pass 2^53. */
interface EventRow {
  readonly position: bigint;
  readonly stream: string;
  readonly revision: bigint;
  readonly event_id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** An append after validation, ready for the transaction. */
interface PreparedAppend {
  readonly streamName: StreamName;
  readonly expected: ExpectedRevision;
  readonly events: ReadonlyArray<{
    readonly eventId: string;
    /** False when the store drew the id: a fresh random UUID cannot be stored already. */
    readonly callerEventId: boolean;
    readonly type: string;
    readonly data: unknown;
    readonly dataText: string;
    readonly schemaVersion: number;
  }>;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: EventMetadata['actor'];
  readonly businessTime: string;
}

const COLUMNS = 'position, stream, revision, event_id, type, data, metadata';

/**
 * What reads select, as arrays (better-sqlite3's raw mode): building an object per row costs about
 * as much as reading it. The order is the one of `ReadRow`.
 */
const READ_COLUMNS = 'position, stream, revision, type, data, metadata';
type ReadRow = [
  position: bigint,
  stream: string,
  revision: bigint,
  type: string,
  data: string,
  metadata: string,
];
/** A stream's reads know the stream: the same columns without it. */
const STREAM_READ_COLUMNS = 'position, revision, type, data, metadata';
type StreamReadRow = [position: bigint, revision: bigint, type: string, data: string, metadata: string];

/** Rows per page when verifying (the event loop gets a turn between pages). */
const VERIFY_PAGE = 1000;

/** Opens (creating and migrating if needed) an embedded event store in one SQLite file. */
export const openSqliteEventStore = (options: SqliteEventStoreOptions): SqliteEventStore =>
  new SqliteEventStore(options);

/** The embedded adapter: one SQLite file in WAL mode, group commit, in-process live subscriptions. */
export class SqliteEventStore implements EventStore, EventImporter, EventStoreIdentitySource {
  private readonly db: Database.Database;
  private readonly queue: GroupCommitQueue<PreparedAppend, AppendResult>;
  private readonly commitListeners = new Set<() => void>();
  private readonly closers = new Set<() => void>();
  private readonly clock: () => Date;
  private readonly pageSize: number;
  private readonly storeId: string;
  /** The file's position sequence; `dense` leaves positions to SQLite's rowid (max + 1). */
  readonly positions: PositionSequence;
  private closed = false;

  private readonly stmt: {
    readonly head: Database.Statement<[string], { revision: number; metadata: string }>;
    readonly byCommand: Database.Statement<[string, string], EventRow>;
    readonly byEventId: Database.Statement<[string], EventRow>;
    readonly insert: Database.Statement<
      [GlobalPosition | null, string, number, string, string, string, string, string]
    >;
    readonly maxPosition: Database.Statement<[], { max: bigint | null }>;
    readonly firstHash: Database.Statement<[], { metadata: string }>;
    readonly streamExists: Database.Statement<[string], { one: number }>;
  };
  private readonly rawCache = new Map<string, Database.Statement<unknown[], unknown[]>>();

  constructor(private readonly options: SqliteEventStoreOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.pageSize = options.pageSize ?? 1000;
    try {
      this.db = new Database(options.file);
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      this.db.pragma('journal_mode = WAL');
      // FULL: WAL fsynced at each commit, the only setting under which an acknowledged append
      // survives a power cut. NORMAL skips it (the OS may still hold the last commits in cache).
      this.db.pragma(`synchronous = ${(options.durability ?? 'full') === 'full' ? 'FULL' : 'NORMAL'}`);
      migrate(this.db);
      const meta = this.identityRows(options.positions ?? 'dense');
      this.storeId = meta.storeId;
      this.positions = positionSequence(meta.positions);
      this.stmt = {
        head: this.db.prepare(
          'SELECT revision, metadata FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
        ),
        byCommand: this.db
          .prepare<[string, string], EventRow>(
            `SELECT ${COLUMNS} FROM events WHERE stream = ? AND command_id = ? ORDER BY revision`,
          )
          .safeIntegers(true),
        byEventId: this.db
          .prepare<[string], EventRow>(`SELECT ${COLUMNS} FROM events WHERE event_id = ?`)
          .safeIntegers(true),
        insert: this.db.prepare(
          'INSERT INTO events (position, stream, revision, event_id, command_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        ),
        maxPosition: this.db
          .prepare<[], { max: bigint | null }>('SELECT max(position) AS max FROM events')
          .safeIntegers(true),
        firstHash: this.db.prepare('SELECT metadata FROM events ORDER BY position LIMIT 1'),
        streamExists: this.db.prepare('SELECT 1 AS one FROM events WHERE stream = ? LIMIT 1'),
      };
    } catch (cause) {
      throw new StoreUnavailableError({ cause, detail: `cannot open ${options.file}` });
    }
    // Each append runs its checks (idempotency, expected revision) before it writes anything, so
    // a refused append leaves no row behind without needing a SAVEPOINT of its own; savepoints
    // cost about as much as the rest of an append together.
    const batch = this.db.transaction(
      (appends: ReadonlyArray<PreparedAppend>): ReadonlyArray<Outcome<AppendResult>> =>
        appends.map((a) => {
          try {
            return { ok: true, value: this.appendInTransaction(a) };
          } catch (error) {
            if (error instanceof EventStoreError) return { ok: false, error }; // thrown before any write
            throw error; // a write failed half-way: the whole transaction must roll back
          }
        }),
    );
    const runBatch = (appends: ReadonlyArray<PreparedAppend>): ReadonlyArray<Outcome<AppendResult>> => {
      try {
        return batch.immediate(appends);
      } catch (error) {
        if (appends.length === 1 || isFatalSqliteError(error)) throw error;
        // An unexpected failure inside one append rolled the batch back: run them one by one so
        // that only the faulty append fails (rare path, one transaction each).
        return appends.map((a): Outcome<AppendResult> => {
          try {
            const [outcome] = batch.immediate([a]);
            return outcome ?? { ok: false, error: new Error('no outcome') };
          } catch (alone) {
            return { ok: false, error: toStoreError(alone) };
          }
        });
      }
    };
    this.queue = new GroupCommitQueue(runBatch, {
      maxBatchSize: options.groupCommit === false ? 1 : Math.max(1, options.maxBatchSize ?? 1000),
      commitFailed: (cause) => toStoreError(cause),
      afterCommit: () => this.notifyCommitted(),
    });
  }

  /** Transactions committed by the append queue and the appends they carried. */
  commitStats(): { readonly transactions: number; readonly appends: number } {
    const { batches, requests } = this.queue.stats();
    return { transactions: batches, appends: requests };
  }

  /** Who this store is: the id written when the file was created, and its first event's hash. */
  identity(): Promise<EventStoreIdentity> {
    return this.guard(() => {
      const first = this.stmt.firstHash.get();
      return {
        storeId: this.storeId,
        firstEventHash: first === undefined ? null : (JSON.parse(first.metadata) as EventMetadata).hash,
      };
    });
  }

  /** The position the next event gets: SQLite's own (max + 1) for a dense file. */
  private nextPosition(): GlobalPosition | null {
    if (this.positions.name === 'dense') return null;
    const max = this.stmt.maxPosition.get()?.max ?? null;
    return max === null ? this.positions.first : this.positions.next(max);
  }

  /** Reads (writing them the first time) the store id and the file's position sequence. */
  private identityRows(wanted: PositionSequenceName): { storeId: string; positions: PositionSequenceName } {
    const get = this.db.prepare<[string], { value: string }>('SELECT value FROM store_meta WHERE key = ?');
    const put = this.db.prepare('INSERT OR IGNORE INTO store_meta (key, value) VALUES (?, ?)');
    const read = this.db.transaction(() => {
      put.run('store_id', randomUUID());
      // A file that already holds events without a recorded sequence was written densely.
      const hasEvents = this.db.prepare('SELECT 1 FROM events LIMIT 1').get() !== undefined;
      put.run('positions', hasEvents ? 'dense' : wanted);
      const positions = get.get('positions')?.value;
      return {
        storeId: get.get('store_id')?.value ?? '',
        positions: positions === 'sparse' ? ('sparse' as const) : ('dense' as const),
      };
    });
    return read.immediate();
  }

  /** The file this store writes. */
  get file(): string {
    return this.options.file;
  }

  /** Writes events recorded elsewhere, as recorded; see `EventImporter` (one transaction per batch). */
  importRecorded(events: ReadonlyArray<StoredEvent>): Promise<ImportResult> {
    if (this.closed) return Promise.reject(closedError());
    try {
      const result = importIntoSqlite(this.db, events, () => this.nextPosition());
      if (result.imported > 0) this.notifyCommitted();
      return Promise.resolve(result);
    } catch (error) {
      return Promise.reject(toStoreError(error));
    }
  }

  append(
    streamName: StreamName,
    events: ReadonlyArray<NewEvent>,
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(closedError());
    let prepared: PreparedAppend;
    try {
      prepared = prepareAppend(streamName, events, options);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.queue.submit(prepared);
  }

  readStream(streamName: StreamName, options: ReadStreamOptions = {}): Promise<ReadonlyArray<StoredEvent>> {
    return this.guard(() => {
      const backwards = options.direction === 'backwards';
      const sql = backwards
        ? `SELECT ${STREAM_READ_COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`
        : `SELECT ${STREAM_READ_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`;
      const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
      const rows = this.rawStatement<StreamReadRow>(sql).all(streamName, from, limitOf(options.maxCount));
      if (rows.length === 0 && this.stmt.streamExists.get(streamName) === undefined) {
        throw new StreamNotFoundError(streamName);
      }
      return rows.map((row): StoredEvent => ({
        streamName,
        revision: Number(row[1]),
        globalPosition: row[0],
        type: row[2],
        data: JSON.parse(row[3]) as unknown,
        metadata: JSON.parse(row[4]) as EventMetadata,
      }));
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<ReadonlyArray<StoredEvent>> {
    return this.guard(() => {
      const backwards = options.direction === 'backwards';
      const where = filterSql(options.filter);
      // `after` is exclusive in both directions; absent, the read starts at the start or the end.
      const bound = options.after === undefined ? 'TRUE' : backwards ? 'position < ?' : 'position > ?';
      const sql = `SELECT ${READ_COLUMNS} FROM events WHERE ${bound}${where.sql} ORDER BY position ${backwards ? 'DESC' : 'ASC'} LIMIT ?`;
      const params = options.after === undefined ? [] : [options.after];
      return this.rawStatement(sql)
        .all(...params, ...where.params, limitOf(options.maxCount))
        .map(readRowToEvent);
    });
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<StoredEvent> {
    return new Observable<StoredEvent>((subscriber) => {
      // Positions are never negative: -1 is "before the first event".
      let cursor: GlobalPosition = options.afterPosition ?? -1n;
      let running = false;
      let again = false;
      let stopped = false;
      const where = filterSql(options.filter);
      const page = this.rawStatement(
        `SELECT ${READ_COLUMNS} FROM events WHERE position > ? AND position <= ?${where.sql} ORDER BY position ASC LIMIT ?`,
      );
      const stop = (): void => {
        stopped = true;
        this.commitListeners.delete(pump);
        this.closers.delete(complete);
        if (timer !== undefined) clearInterval(timer);
      };
      const complete = (): void => {
        stop();
        subscriber.complete();
      };
      // One page at a time, yielding to the event loop between pages so that a long catch-up does
      // not stall appends. `running` keeps a single pump in flight: events go out in order, once.
      const step = (): void => {
        if (stopped || subscriber.closed) return;
        let rows: ReadRow[];
        let head: GlobalPosition;
        try {
          // Bounded by the head read just before: positions are assigned under the write lock, so
          // everything at or below the head is visible now and nothing below it can appear later.
          head = this.stmt.maxPosition.get()?.max ?? -1n;
          rows = page.all(cursor, head, ...where.params, this.pageSize);
        } catch (error) {
          stop();
          subscriber.error(toStoreError(error));
          return;
        }
        for (const row of rows) {
          cursor = row[0];
          subscriber.next(readRowToEvent(row));
          if (stopped || subscriber.closed) return;
        }
        if (rows.length === this.pageSize) {
          setImmediate(step);
          return;
        }
        if (head > cursor) cursor = head; // a filter may have skipped the tail: don't rescan it
        running = false;
        if (again) {
          again = false;
          pump();
        }
      };
      const pump = (): void => {
        if (stopped) return;
        if (running) {
          again = true;
          return;
        }
        running = true;
        step();
      };
      // Listen before the first read so that a commit between the two is not missed.
      this.commitListeners.add(pump);
      this.closers.add(complete);
      const timer =
        this.options.pollIntervalMs !== undefined
          ? setInterval(pump, this.options.pollIntervalMs)
          : undefined;
      timer?.unref();
      setImmediate(pump);
      return stop;
    });
  }

  verifyStream(streamName: StreamName): Promise<VerifyResult> {
    const verifier = new ChainVerifier();
    const page = this.rawStatement(
      `SELECT ${READ_COLUMNS} FROM events WHERE stream = ? AND revision > ? ORDER BY revision LIMIT ${VERIFY_PAGE}`,
    );
    return this.verifyPages(verifier, (after) => page.all(streamName, after ?? -1n), 2).then((result) => {
      if (result.ok && result.checked === 0 && this.stmt.streamExists.get(streamName) === undefined)
        throw new StreamNotFoundError(streamName);
      return result;
    });
  }

  verifyAll(options: VerifyOptions = {}): Promise<VerifyResult> {
    const verifier = new ChainVerifier({ positions: this.positions });
    const page = this.rawStatement(
      `SELECT ${READ_COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ${VERIFY_PAGE}`,
    );
    let head: GlobalPosition | undefined;
    return this.verifyPages(
      verifier,
      (after) => {
        // Bounded by the head when the check starts: appends made meanwhile are not part of it.
        head ??= this.stmt.maxPosition.get()?.max ?? -1n;
        return page.all(after ?? -1n, head);
      },
      0,
      options,
    );
  }

  /**
   * Feeds pages of rows to the verifier, the event loop getting a turn between pages so that a
   * long verification does not stall appends and requests. `next(after)` reads the page after the
   * value at index `key` of the previous page's last row (undefined for the first page).
   */
  private async verifyPages(
    verifier: ChainVerifier,
    next: (after: bigint | undefined) => ReadonlyArray<ReadRow>,
    key: 0 | 2,
    options: VerifyOptions = {},
  ): Promise<VerifyResult> {
    let after: bigint | undefined;
    for (;;) {
      options.signal?.throwIfAborted();
      if (this.closed) throw closedError();
      let rows: ReadonlyArray<ReadRow>;
      try {
        rows = next(after);
      } catch (error) {
        throw toStoreError(error);
      }
      for (const row of rows) {
        if (
          verifier.checkText({
            streamName: row[1],
            revision: Number(row[2]),
            position: row[0],
            type: row[3],
            dataText: row[4],
            metadataText: row[5],
          }) !== undefined
        )
          return verifier.result();
      }
      const last = rows[rows.length - 1];
      const { checked, position } = verifier.progress();
      if (options.onProgress !== undefined && position !== undefined)
        options.onProgress({ checked, position });
      if (rows.length < VERIFY_PAGE || last === undefined) return verifier.result();
      after = last[key];
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.idle();
    for (const complete of [...this.closers]) complete();
    this.db.close();
  }

  private appendInTransaction(a: PreparedAppend): AppendResult {
    // Idempotency comes before the revision check: a retry of a stored append carries a stale
    // expected revision and must still get the original result.
    const byCommand = this.stmt.byCommand.all(a.streamName, a.commandId);
    if (byCommand.length > 0) return duplicateResult(byCommand);
    const known = a.events.map((e) => (e.callerEventId ? this.stmt.byEventId.get(e.eventId) : undefined));
    if (known.some((row) => row !== undefined)) {
      const rows = known.filter((row): row is EventRow => row !== undefined);
      const sameAppend =
        rows.length === known.length &&
        rows.every(
          (row, i) =>
            row.stream === a.streamName && Number(row.revision) === Number(rows[0]?.revision ?? 0) + i,
        );
      if (!sameAppend) {
        const clash = a.events.find((_, i) => known[i] !== undefined);
        throw new EventIdConflictError(a.streamName, clash?.eventId ?? '');
      }
      return duplicateResult(rows);
    }

    const head = this.stmt.head.get(a.streamName);
    const actual = head === undefined ? 'no-stream' : head.revision;
    if (!satisfiesExpectedRevision(a.expected, actual)) {
      throw new WrongExpectedRevisionError(a.streamName, a.expected, actual);
    }
    let prevHash = head === undefined ? GENESIS_HASH : (JSON.parse(head.metadata) as EventMetadata).hash;
    let revision = head === undefined ? 0 : head.revision + 1;
    const recordedAt = this.clock().toISOString();
    const stored: StoredEvent[] = [];
    for (const e of a.events) {
      const unhashed: Omit<EventMetadata, 'hash'> = {
        eventId: e.eventId,
        commandId: a.commandId,
        correlationId: a.correlationId,
        causationId: a.causationId,
        actor: a.actor,
        businessTime: a.businessTime,
        recordedAt,
        schemaVersion: e.schemaVersion,
        prevHash,
      };
      const hash = eventHashOfCanonicalData({
        streamName: a.streamName,
        revision,
        type: e.type,
        dataText: e.dataText,
        metadata: unhashed,
      });
      const metadata: EventMetadata = { ...unhashed, hash };
      const position = this.nextPosition();
      const info = this.stmt.insert.run(
        position,
        a.streamName,
        revision,
        e.eventId,
        a.commandId,
        e.type,
        e.dataText,
        canonicalJson(metadata),
      );
      stored.push({
        streamName: a.streamName,
        revision,
        globalPosition: position ?? BigInt(info.lastInsertRowid),
        type: e.type,
        data: e.data,
        metadata,
      });
      prevHash = hash;
      revision += 1;
    }
    const last = stored[stored.length - 1];
    if (last === undefined) throw new RangeError('append needs at least one event');
    return {
      nextExpectedRevision: last.revision,
      position: last.globalPosition,
      events: stored,
      duplicate: false,
    };
  }

  private notifyCommitted(): void {
    // After the callers were acknowledged: subscribers read on their own turn, never on the ack path.
    for (const listener of [...this.commitListeners]) setImmediate(listener);
  }

  /** A cached statement returning rows as arrays; `Row` must match its columns. */
  private rawStatement<Row extends unknown[] = ReadRow>(sql: string): Database.Statement<unknown[], Row> {
    let s = this.rawCache.get(sql);
    if (s === undefined) {
      s = this.db.prepare<unknown[], unknown[]>(sql).raw(true).safeIntegers(true);
      this.rawCache.set(sql, s);
    }
    return s as Database.Statement<unknown[], Row>;
  }

  private guard<T>(read: () => T): Promise<T> {
    if (this.closed) return Promise.reject(closedError());
    try {
      return Promise.resolve(read());
    } catch (error) {
      return Promise.reject(toStoreError(error));
    }
  }
}

const prepareAppend = (
  streamName: StreamName,
  events: ReadonlyArray<NewEvent>,
  options: AppendOptions,
): PreparedAppend => {
  if (events.length === 0) throw new RangeError('append needs at least one event');
  const { context } = options;
  return {
    streamName,
    expected: normaliseExpectedRevision(options.expectedRevision),
    events: events.map((e) => {
      // Store exactly what we hash: the canonical text, and its parse as the value.
      const dataText = canonicalJson(e.data);
      return {
        eventId: e.eventId ?? timeOrderedUuid(),
        callerEventId: e.eventId !== undefined,
        type: e.type,
        data: JSON.parse(dataText) as unknown,
        dataText,
        schemaVersion: e.schemaVersion ?? 1,
      };
    }),
    commandId: context.commandId,
    correlationId: context.correlationId ?? context.commandId,
    causationId: context.causationId ?? context.commandId,
    actor: { userId: context.actor.userId, role: context.actor.role, unitId: context.actor.unitId },
    businessTime: context.businessTime,
  };
};

const duplicateResult = (rows: ReadonlyArray<EventRow>): AppendResult => {
  const events = rows.map(rowToEvent);
  const last = events[events.length - 1];
  if (last === undefined) throw new Error('duplicateResult: no rows');
  return { nextExpectedRevision: last.revision, position: last.globalPosition, events, duplicate: true };
};

const rowToEvent = (row: EventRow): StoredEvent => ({
  streamName: row.stream,
  revision: Number(row.revision),
  globalPosition: row.position,
  type: row.type,
  data: JSON.parse(row.data) as unknown,
  metadata: JSON.parse(row.metadata) as EventMetadata,
});

const readRowToEvent = (row: ReadRow): StoredEvent => ({
  streamName: row[1],
  revision: Number(row[2]),
  globalPosition: row[0],
  type: row[3],
  data: JSON.parse(row[4]) as unknown,
  metadata: JSON.parse(row[5]) as EventMetadata,
});

const filterSql = (filter: AllFilter | undefined): { sql: string; params: string[] } => {
  let sql = '';
  const params: string[] = [];
  if (filter?.eventTypes !== undefined) {
    sql += ` AND type IN (${filter.eventTypes.map(() => '?').join(', ') || 'NULL'})`;
    params.push(...filter.eventTypes);
  }
  if (filter?.streamPrefixes !== undefined) {
    // instr() counts characters like the prefix does; LIKE would need escaping of % and _.
    sql += ` AND (${filter.streamPrefixes.map(() => 'instr(stream, ?) = 1').join(' OR ') || '0'})`;
    params.push(...filter.streamPrefixes);
  }
  return { sql, params };
};

const limitOf = (maxCount: number | undefined): number =>
  maxCount === undefined || !Number.isFinite(maxCount) ? -1 : Math.max(0, Math.floor(maxCount));

const closedError = (): StoreUnavailableError =>
  new StoreUnavailableError({ cause: new Error('the store is closed'), detail: 'closed' });

const sqliteCode = (error: unknown): string | undefined =>
  error instanceof Database.SqliteError ? error.code : undefined;

/** Errors after which SQLite has rolled the transaction back (or the disk is failing). */
const isFatalSqliteError = (error: unknown): boolean => {
  const code = sqliteCode(error);
  return (
    code !== undefined &&
    (code.startsWith('SQLITE_IOERR') ||
      code === 'SQLITE_FULL' ||
      code.startsWith('SQLITE_BUSY') ||
      code === 'SQLITE_NOMEM' ||
      code.startsWith('SQLITE_CORRUPT'))
  );
};

/** Keeps typed errors and caller bugs; wraps everything the driver throws as STORE_UNAVAILABLE. */
const toStoreError = (error: unknown): unknown => {
  if (error instanceof EventStoreError) return error;
  if (error instanceof Database.SqliteError)
    return new StoreUnavailableError({ cause: error, detail: error.code });
  if (error instanceof TypeError && /database connection is not open/i.test(error.message)) {
    return new StoreUnavailableError({ cause: error, detail: 'closed' });
  }
  return error;
};
