import Database from 'better-sqlite3';
import type { Collection, Doc, FindQuery, Page } from '../../read-model';
import { pageBounds } from '../../read-model';
import { filterSql, orderSql, fieldSql, positionOfText, positionText } from '../filter-sql';
import type { Checkpoint, ProjectionCommit, ReadModelStore } from '../read-model-store';

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
  readonly position: string;
  readonly version: number;
  readonly status: 'ok' | 'failed';
  readonly error: string | null;
}

const toCheckpoint = (r: CheckpointRow): Checkpoint => ({
  projection: r.projection,
  position: positionOfText(r.position),
  version: r.version,
  status: r.status,
  ...(r.error !== null ? { error: r.error } : {}),
});

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
  private readonly writers = new Map<string, { readonly upsert: Database.Statement; readonly remove: Database.Statement }>();

  constructor(private readonly options: SqliteReadModelStoreOptions) {
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    // Read models are rebuildable: NORMAL keeps every commit atomic, and a power cut can only lose
    // the last batches together with their checkpoint, which are then simply applied again.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS rm_checkpoints (
      projection TEXT PRIMARY KEY,
      position   TEXT NOT NULL,
      version    INTEGER NOT NULL,
      status     TEXT NOT NULL,
      error      TEXT
    ) STRICT`);
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
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL, pos TEXT NOT NULL) STRICT`);
    for (const index of c.indexes) {
      if (!NAME.test(index.name)) throw new RangeError(`not an index name: ${index.name}`);
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${table}_${index.name} ON ${table} (${index.fields.map(fieldSql).join(', ')})`);
    }
    this.known.add(c.name);
  }

  private tableExists(collection: string): boolean {
    if (this.known.has(collection)) return true;
    const row = this.stmt(`SELECT 1 AS one FROM sqlite_master WHERE type = 'table' AND name = ?`).get(tableOf(collection));
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

  private writer(collection: string): { readonly upsert: Database.Statement; readonly remove: Database.Statement } {
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
    const row = this.stmt(`SELECT doc FROM ${tableOf(c.name)} WHERE id = ?`).get(id) as { doc: string } | undefined;
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
    const total = (this.stmt(`SELECT count(*) AS n FROM ${table} WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
    const rows = this.stmt(`SELECT doc FROM ${table} WHERE ${where.sql} ORDER BY ${orderSql(query.sort)} LIMIT ? OFFSET ?`).all(
      ...where.params,
      limit,
      offset,
    ) as Array<{ doc: string }>;
    return Promise.resolve({ items: rows.map((r) => JSON.parse(r.doc) as D), total, limit, offset });
  }

  findAll<D extends Doc>(c: Collection<D>, query: Omit<FindQuery, 'page'> = {}): Promise<ReadonlyArray<D>> {
    if (!this.tableExists(c.name)) return Promise.resolve([]);
    const where = filterSql(query.filter);
    const rows = this.stmt(`SELECT doc FROM ${tableOf(c.name)} WHERE ${where.sql} ORDER BY ${orderSql(query.sort)}`).all(
      ...where.params,
    ) as Array<{ doc: string }>;
    return Promise.resolve(rows.map((r) => JSON.parse(r.doc) as D));
  }

  commit(commits: ReadonlyArray<ProjectionCommit>): Promise<void> {
    const hook = this.options.duringCommit;
    try {
      this.db.transaction(() => {
        let written = 0;
        for (const commit of commits) {
          for (const change of commit.changes) {
            const w = this.writer(change.collection);
            if (change.doc === null) w.remove.run(change.id, positionText(change.position));
            else w.upsert.run(change.id, JSON.stringify(change.doc), positionText(change.position));
            written += 1;
            hook?.(written);
          }
          const cp = commit.checkpoint;
          this.stmt(
            `INSERT INTO rm_checkpoints (projection, position, version, status, error) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (projection) DO UPDATE SET position = excluded.position, version = excluded.version,
               status = excluded.status, error = excluded.error
             WHERE rm_checkpoints.position <= excluded.position`,
          ).run(cp.projection, positionText(cp.position), cp.version, cp.status, cp.error ?? null);
        }
      }).immediate();
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  checkpoint(projection: string): Promise<Checkpoint | undefined> {
    const row = this.stmt('SELECT * FROM rm_checkpoints WHERE projection = ?').get(projection) as CheckpointRow | undefined;
    return Promise.resolve(row === undefined ? undefined : toCheckpoint(row));
  }

  checkpoints(): Promise<ReadonlyArray<Checkpoint>> {
    return Promise.resolve((this.stmt('SELECT * FROM rm_checkpoints ORDER BY projection').all() as CheckpointRow[]).map(toCheckpoint));
  }

  markFailed(projection: string, version: number, error: string): Promise<void> {
    this.stmt(
      `INSERT INTO rm_checkpoints (projection, position, version, status, error) VALUES (?, ?, ?, 'failed', ?)
       ON CONFLICT (projection) DO UPDATE SET status = 'failed', error = excluded.error`,
    ).run(projection, positionText(-1n), version, error);
    return Promise.resolve();
  }

  reset(projection: string, collections: ReadonlyArray<Collection<Doc>>): Promise<void> {
    this.db.transaction(() => {
      for (const c of collections) {
        const table = tableOf(c.name);
        this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL, pos TEXT NOT NULL) STRICT`);
        this.known.add(c.name);
        this.db.exec(`DELETE FROM ${table}`);
        // A rebuild writes faster without the expression indexes; `init` builds them again at its end.
        for (const index of c.indexes) this.db.exec(`DROP INDEX IF EXISTS ${table}_${index.name}`);
      }
      this.stmt('DELETE FROM rm_checkpoints WHERE projection = ?').run(projection);
    })();
    return Promise.resolve();
  }

  dump(collectionName: string): Promise<ReadonlyArray<{ readonly id: string; readonly doc: Doc }>> {
    if (!this.tableExists(collectionName)) return Promise.resolve([]);
    const rows = this.stmt(`SELECT id, doc FROM ${tableOf(collectionName)} ORDER BY id`).all() as Array<{ id: string; doc: string }>;
    return Promise.resolve(rows.map((r) => ({ id: r.id, doc: JSON.parse(r.doc) as Doc })));
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}
