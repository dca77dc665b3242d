import type Database from 'better-sqlite3';

/**
 * The embedded store's schema, one migration per version. A migration never changes once shipped:
 * a new version gets a new entry, applied in order inside one immediate transaction so that two
 * processes opening the same fresh file cannot both apply it.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order. */
export const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: 'events',
    // position is the rowid: assigned max+1 under the write lock, so positions are contiguous and
    // a reader's snapshot always holds a prefix of them (what subscriptions rely on for no gaps).
    sql: `
      CREATE TABLE events (
        position   INTEGER PRIMARY KEY,
        stream     TEXT    NOT NULL,
        revision   INTEGER NOT NULL,
        event_id   TEXT    NOT NULL,
        command_id TEXT    NOT NULL,
        type       TEXT    NOT NULL,
        data       TEXT    NOT NULL,
        metadata   TEXT    NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX events_stream_revision ON events (stream, revision);
      CREATE UNIQUE INDEX events_event_id ON events (event_id);
      CREATE INDEX events_stream_command ON events (stream, command_id, revision);
      CREATE INDEX events_type_position ON events (type, position);
    `,
  },
  {
    version: 2,
    name: 'store identity',
    // One row per key: `store_id` (a random id written once, see `EventStoreIdentity`) and
    // `positions` (the position sequence of the file, `dense` or `sparse`); both are written by
    // the store when it opens a file that lacks them, never changed afterwards.
    sql: `
      CREATE TABLE store_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
];

/** Brings the file's schema to the latest version; returns the versions it applied. */
export const migrate = (db: Database.Database): ReadonlyArray<number> => {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = db.transaction((): number[] => {
    const done = new Set(
      db
        .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
        .all()
        .map((r) => r.version),
    );
    const now: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      now.push(m.version);
    }
    return now;
  });
  return applied.immediate();
};
