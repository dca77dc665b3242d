import Database from 'better-sqlite3';
import type { Collection, Doc, FindQuery, Page } from '../../read-model';
import { pageBounds } from '../../read-model';
import { filterSql, orderSql, fieldSql } from '../filter-sql';
import {
  LeaseLostError,
  MAX_STORED_POSITION,
  storablePosition,
  type Checkpoint,
  type CommitOptions,
  type Lease,
  type ParkedEvent,
  type ProjectionCommit,
  type ReadModelStore,
  type SkipRecord,
} from '../read-model-store';

/** Options of the embedded read-model store. */
export interface SqliteReadModelStoreOptions {
  /** The database file (created if missing), or ':memory:'. */
  readonly file: string;
  /**
   * Test hook: called after each document written inside a commit's transaction; throwing
   * simulates a crash half-way (the transaction rolls back).
   */
  readonly duringCommit?: (written: number) => void;
}

const NAME = /^[a-z][a-z0-9_]*$/;
const tableOf = (collection: string): string => {
  if (!NAME.test(collection)) throw new RangeError(`not a collection name: ${JSON.stringify(collection)}`);
  return `rm_${collection}`;
};

interface CheckpointRow {
  readonly projection: string;
  readonly position: bigint;
  readonly version: bigint;
  readonly status: Checkpoint['status'];
  readonly parked: string | null;
  readonly source_store_id: string | null;
  readonly source_first_hash: string | null;
}

interface ParkedJson {
  readonly position: string;
  readonly streamName: string;
  readonly revision: number;
  readonly type: string;
  readonly error: string;
}

const parkedJson = (p: ParkedEvent): string => JSON.stringify({ ...p, position: p.position.toString(10) });

const toCheckpoint = (r: CheckpointRow): Checkpoint => {
  const parked = r.parked === null ? undefined : (JSON.parse(r.parked) as ParkedJson);
  return {
    projection: r.projection,
    position: r.position,
    version: Number(r.version),
    status: r.status,
    ...(parked !== undefined ? { parked: { ...parked, position: BigInt(parked.position) } } : {}),
    ...(r.source_store_id !== null
      ? { source: { storeId: r.source_store_id, firstEventHash: r.source_first_hash } }
      : {}),
  };
};

/** The schema this code writes (`PRAGMA user_version`); 0 is a file from before issue #12 (positions as text). */
export const READ_MODEL_SCHEMA_VERSION = 2;

const CHECKPOINTS_DDL = `CREATE TABLE IF NOT EXISTS rm_checkpoints (
  projection        TEXT PRIMARY KEY,
  position          INTEGER NOT NULL,
  version           INTEGER NOT NULL,
  status            TEXT NOT NULL,
  parked            TEXT,
  source_store_id   TEXT,
  source_first_hash TEXT
) STRICT`;

const docTableDdl = (table: string): string =>
  `CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL, pos INTEGER NOT NULL) STRICT`;

/** Opens (creating if needed) the embedded read-model store: one SQLite file, a table per collection. */
export const openSqliteReadModelStore = (options: SqliteReadModelStoreOptions): SqliteReadModelStore =>
  new SqliteReadModelStore(options);

/**
 * Read models in one SQLite file (WAL). Each collection is a table `rm_<name>(id, doc JSON, pos)`
 * with expression indexes on the fields its queries use; a commit writes every document and
 * checkpoint of a batch in one transaction, and a document is only replaced by a later position.
 */
export class SqliteReadModelStore implements ReadModelStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly known = new Set<string>();
  private readonly writers = new Map<
    string,
    { readonly upsert: Database.Statement; readonly remove: Database.Statement }
  >();

  constructor(private readonly options: SqliteReadModelStoreOptions) {
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    // Read models are rebuildable: NORMAL keeps every commit atomic, and a power cut can only lose
    // the last batches together with their checkpoint, which are then simply applied again.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.migrated = this.db.transaction(() => this.migrate()).immediate();
  }

  /**
   * What opening the file changed: files written before issue #12 kept positions as 24-digit text;
   * they are converted to INTEGER here (documents and checkpoints), once, in one transaction.
   */
  readonly migrated: 'none' | 'positions-to-integer' | 'cleared-out-of-range';

  private migrate(): SqliteReadModelStore['migrated'] {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    const legacy =
      version < READ_MODEL_SCHEMA_VERSION &&
      (
        this.db
          .prepare(`SELECT type FROM pragma_table_info('rm_checkpoints') WHERE name = 'position'`)
          .get() as { type: string } | undefined
      )?.type === 'TEXT';
    let outcome: SqliteReadModelStore['migrated'] = 'none';
    if (legacy) outcome = this.migrateTextPositions();
    this.db.exec(CHECKPOINTS_DDL);
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS rm_lease (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL) STRICT`,
    );
    this.db.exec(`CREATE TABLE IF NOT EXISTS rm_skipped (
      projection TEXT NOT NULL, position INTEGER NOT NULL, stream TEXT NOT NULL, revision INTEGER NOT NULL,
      type TEXT NOT NULL, error TEXT NOT NULL, skipped_at TEXT NOT NULL, by TEXT NOT NULL
    ) STRICT`);
    this.db.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION}`);
    return outcome;
  }

  /**
   * Text positions to INTEGER, parsed as numbers (never compared as text). A position beyond 2^63 − 1
   * (possible only with the old packed EventStoreDB positions, which never worked) cannot be kept:
   * then every read model is dropped and rebuilt from the event store.
   */
  private migrateTextPositions(): SqliteReadModelStore['migrated'] {
    const tables = (
      this.db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\' AND name != 'rm_checkpoints'`,
        )
        .all() as Array<{ name: string }>
    ).map((r) => r.name);
    const parse = (text: string): bigint | undefined => {
      const p = text === '' ? -1n : BigInt(text);
      return p <= MAX_STORED_POSITION ? p : undefined;
    };
    const cps = this.db
      .prepare('SELECT projection, position, version, status FROM rm_checkpoints')
      .all() as Array<{ projection: string; position: string; version: number; status: string }>;
    let fits = cps.every((c) => parse(c.position) !== undefined);
    for (const t of tables) {
      if (!fits) break;
      for (const r of this.db.prepare(`SELECT pos FROM ${t}`).iterate() as IterableIterator<{ pos: string }>)
        if (parse(r.pos) === undefined) {
          fits = false;
          break;
        }
    }
    this.db.exec('DROP TABLE rm_checkpoints');
    if (!fits) {
      for (const t of tables) this.db.exec(`DROP TABLE ${t}`);
      return 'cleared-out-of-range';
    }
    this.db.exec(CHECKPOINTS_DDL);
    // A projection that had failed is tried again (as the old runner did on every start); if the event still cannot be handled it parks.
    const insertCp = this.db.prepare(
      `INSERT INTO rm_checkpoints (projection, position, version, status) VALUES (?, ?, ?, 'ok')`,
    );
    for (const c of cps) insertCp.run(c.projection, parse(c.position)!, c.version);
    for (const t of tables) {
      this.db.exec(docTableDdl(`${t}__int`));
      const insert = this.db.prepare(`INSERT INTO ${t}__int (id, doc, pos) VALUES (?, ?, ?)`);
      for (const r of this.db.prepare(`SELECT id, doc, pos FROM ${t}`).all() as Array<{
        id: string;
        doc: string;
        pos: string;
      }>)
        insert.run(r.id, r.doc, parse(r.pos)!);
      this.db.exec(`DROP TABLE ${t}`); // its indexes go with it; \`init\` creates them again
      this.db.exec(`ALTER TABLE ${t}__int RENAME TO ${t}`);
    }
    return 'positions-to-integer';
  }

  get file(): string {
    return this.options.file;
  }

  init(collections: ReadonlyArray<Collection<Doc>>): Promise<void> {
    this.db.transaction(() => {
      for (const c of collections) this.ensure(c);
    })();
    return Promise.resolve();
  }

  private ensure(c: Collection<Doc>): void {
    const table = tableOf(c.name);
    this.db.exec(docTableDdl(table));
    for (const index of c.indexes) {
      if (!NAME.test(index.name)) throw new RangeError(`not an index name: ${index.name}`);
      this.db.exec(
        `CREATE INDEX IF NOT EXISTS ${table}_${index.name} ON ${table} (${index.fields.map(fieldSql).join(', ')})`,
      );
    }
    this.known.add(c.name);
  }

  private tableExists(collection: string): boolean {
    if (this.known.has(collection)) return true;
    const row = this.stmt(`SELECT 1 AS one FROM sqlite_master WHERE type = 'table' AND name = ?`).get(
      tableOf(collection),
    );
    if (row !== undefined) this.known.add(collection);
    return row !== undefined;
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (s === undefined) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private writer(collection: string): {
    readonly upsert: Database.Statement;
    readonly remove: Database.Statement;
  } {
    let w = this.writers.get(collection);
    if (w === undefined) {
      if (!this.known.has(collection)) this.ensure({ name: collection, indexes: [] });
      const table = tableOf(collection);
      w = {
        // Position guard: a change from an event the document already reflects is ignored.
        upsert: this.db.prepare(
          `INSERT INTO ${table} (id, doc, pos) VALUES (?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, pos = excluded.pos WHERE ${table}.pos < excluded.pos`,
        ),
        remove: this.db.prepare(`DELETE FROM ${table} WHERE id = ? AND pos < ?`),
      };
      this.writers.set(collection, w);
    }
    return w;
  }

  get<D extends Doc>(c: Collection<D>, id: string): Promise<D | undefined> {
    if (!this.tableExists(c.name)) return Promise.resolve(undefined);
    const row = this.stmt(`SELECT doc FROM ${tableOf(c.name)} WHERE id = ?`).get(id) as
      { doc: string } | undefined;
    return Promise.resolve(row === undefined ? undefined : (JSON.parse(row.doc) as D));
  }

  getMany<D extends Doc>(c: Collection<D>, ids: ReadonlyArray<string>): Promise<ReadonlyMap<string, D>> {
    const out = new Map<string, D>();
    if (!this.tableExists(c.name) || ids.length === 0) return Promise.resolve(out);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = this.db
        .prepare(`SELECT id, doc FROM ${tableOf(c.name)} WHERE id IN (${chunk.map(() => '?').join(', ')})`)
        .all(...chunk) as Array<{ id: string; doc: string }>;
      for (const r of rows) out.set(r.id, JSON.parse(r.doc) as D);
    }
    return Promise.resolve(out);
  }

  find<D extends Doc>(c: Collection<D>, query: FindQuery = {}): Promise<Page<D>> {
    const { limit, offset } = pageBounds(query.page);
    if (!this.tableExists(c.name)) return Promise.resolve({ items: [], total: 0, limit, offset });
    const where = filterSql(query.filter);
    const table = tableOf(c.name);
    const total = (
      this.stmt(`SELECT count(*) AS n FROM ${table} WHERE ${where.sql}`).get(...where.params) as { n: number }
    ).n;
    const rows = this.stmt(
      `SELECT doc FROM ${table} WHERE ${where.sql} ORDER BY ${orderSql(query.sort)} LIMIT ? OFFSET ?`,
    ).all(...where.params, limit, offset) as Array<{ doc: string }>;
    return Promise.resolve({ items: rows.map((r) => JSON.parse(r.doc) as D), total, limit, offset });
  }

  findAll<D extends Doc>(c: Collection<D>, query: Omit<FindQuery, 'page'> = {}): Promise<ReadonlyArray<D>> {
    if (!this.tableExists(c.name)) return Promise.resolve([]);
    const where = filterSql(query.filter);
    const rows = this.stmt(
      `SELECT doc FROM ${tableOf(c.name)} WHERE ${where.sql} ORDER BY ${orderSql(query.sort)}`,
    ).all(...where.params) as Array<{ doc: string }>;
    return Promise.resolve(rows.map((r) => JSON.parse(r.doc) as D));
  }

  commit(commits: ReadonlyArray<ProjectionCommit>, options: CommitOptions = {}): Promise<void> {
    const hook = this.options.duringCommit;
    try {
      this.db
        .transaction(() => {
          if (options.leaseHolder !== undefined) {
            // Fencing: the lease is read inside the write transaction, so no other runner can take it between this check and the writes.
            const current = (
              this.stmt(`SELECT holder FROM rm_lease WHERE name = 'runner'`).get() as
                { holder: string } | undefined
            )?.holder;
            if (current !== options.leaseHolder) throw new LeaseLostError(options.leaseHolder, current);
          }
          let written = 0;
          for (const commit of commits) {
            for (const change of commit.changes) {
              const w = this.writer(change.collection);
              const pos = storablePosition(change.position);
              if (change.doc === null) w.remove.run(change.id, pos);
              else w.upsert.run(change.id, JSON.stringify(change.doc), pos);
              written += 1;
              hook?.(written);
            }
            const cp = commit.checkpoint;
            // The checkpoint only moves forward (numerically); the same position may change its status.
            this.stmt(
              `INSERT INTO rm_checkpoints (projection, position, version, status, parked, source_store_id, source_first_hash) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (projection) DO UPDATE SET position = excluded.position, version = excluded.version,
               status = excluded.status, parked = excluded.parked,
               source_store_id = excluded.source_store_id, source_first_hash = excluded.source_first_hash
             WHERE rm_checkpoints.position <= excluded.position`,
            ).run(
              cp.projection,
              storablePosition(cp.position),
              cp.version,
              cp.status,
              cp.parked !== undefined ? parkedJson(cp.parked) : null,
              cp.source?.storeId ?? null,
              cp.source?.firstEventHash ?? null,
            );
          }
        })
        .immediate();
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  checkpoint(projection: string): Promise<Checkpoint | undefined> {
    const row = this.stmt('SELECT * FROM rm_checkpoints WHERE projection = ?')
      .safeIntegers(true)
      .get(projection) as CheckpointRow | undefined;
    return Promise.resolve(row === undefined ? undefined : toCheckpoint(row));
  }

  checkpoints(): Promise<ReadonlyArray<Checkpoint>> {
    return Promise.resolve(
      (
        this.stmt('SELECT * FROM rm_checkpoints ORDER BY projection')
          .safeIntegers(true)
          .all() as CheckpointRow[]
      ).map(toCheckpoint),
    );
  }

  reset(projection: string, collections: ReadonlyArray<Collection<Doc>>): Promise<void> {
    // One transaction: a crash leaves the old documents with their checkpoint, or neither.
    this.db.transaction(() => {
      for (const c of collections) {
        const table = tableOf(c.name);
        this.db.exec(docTableDdl(table));
        this.known.add(c.name);
        this.db.exec(`DELETE FROM ${table}`);
        // A rebuild writes faster without the expression indexes; \`init\` builds them again at its end.
        for (const index of c.indexes) this.db.exec(`DROP INDEX IF EXISTS ${table}_${index.name}`);
      }
      this.stmt('DELETE FROM rm_checkpoints WHERE projection = ?').run(projection);
    })();
    return Promise.resolve();
  }

  acquireLease(holder: string, ttlMs: number, now: number): Promise<boolean> {
    const r = this.stmt(
      `INSERT INTO rm_lease (name, holder, expires_at) VALUES ('runner', ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE rm_lease.holder = excluded.holder OR rm_lease.expires_at <= ?`,
    ).run(holder, Math.floor(now + ttlMs), Math.floor(now));
    return Promise.resolve(r.changes === 1);
  }

  releaseLease(holder: string): Promise<void> {
    this.stmt(`DELETE FROM rm_lease WHERE name = 'runner' AND holder = ?`).run(holder);
    return Promise.resolve();
  }

  lease(): Promise<Lease | undefined> {
    const r = this.stmt(`SELECT holder, expires_at FROM rm_lease WHERE name = 'runner'`).get() as
      { holder: string; expires_at: number } | undefined;
    return Promise.resolve(r === undefined ? undefined : { holder: r.holder, expiresAt: r.expires_at });
  }

  retryParked(projection: string): Promise<boolean> {
    const r = this.stmt(
      `UPDATE rm_checkpoints SET status = 'ok', parked = NULL WHERE projection = ? AND status = 'parked'`,
    ).run(projection);
    return Promise.resolve(r.changes === 1);
  }

  skipParked(projection: string, position: bigint, by: string, at: string): Promise<boolean> {
    return Promise.resolve(
      this.db
        .transaction((): boolean => {
          const row = this.stmt('SELECT * FROM rm_checkpoints WHERE projection = ?')
            .safeIntegers(true)
            .get(projection) as CheckpointRow | undefined;
          const cp = row === undefined ? undefined : toCheckpoint(row);
          if (cp?.status !== 'parked' || cp.parked === undefined || cp.parked.position !== position)
            return false;
          const p = cp.parked;
          this.stmt(
            `INSERT INTO rm_skipped (projection, position, stream, revision, type, error, skipped_at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(projection, storablePosition(p.position), p.streamName, p.revision, p.type, p.error, at, by);
          // The event is now behind the checkpoint: the projection resumes after it.
          this.stmt(
            `UPDATE rm_checkpoints SET status = 'ok', parked = NULL, position = ? WHERE projection = ?`,
          ).run(storablePosition(p.position), projection);
          return true;
        })
        .immediate(),
    );
  }

  skipped(): Promise<ReadonlyArray<SkipRecord>> {
    const rows = this.stmt('SELECT * FROM rm_skipped ORDER BY rowid').safeIntegers(true).all() as Array<{
      projection: string;
      position: bigint;
      stream: string;
      revision: bigint;
      type: string;
      error: string;
      skipped_at: string;
      by: string;
    }>;
    return Promise.resolve(
      rows.map((r) => ({
        projection: r.projection,
        position: r.position,
        streamName: r.stream,
        revision: Number(r.revision),
        type: r.type,
        error: r.error,
        skippedAt: r.skipped_at,
        by: r.by,
      })),
    );
  }

  dump(collectionName: string): Promise<ReadonlyArray<{ readonly id: string; readonly doc: Doc }>> {
    if (!this.tableExists(collectionName)) return Promise.resolve([]);
    const rows = this.stmt(`SELECT id, doc FROM ${tableOf(collectionName)} ORDER BY id`).all() as Array<{
      id: string;
      doc: string;
    }>;
    return Promise.resolve(rows.map((r) => ({ id: r.id, doc: JSON.parse(r.doc) as Doc })));
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}
