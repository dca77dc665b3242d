import Database from 'better-sqlite3';

/**
 * A SQLite file the API keeps beside the event store for operational data (idempotency keys, the
 * webhook registry, import profiles): WAL, a 5 s busy timeout, its schema created when missing.
 */
export const openSqliteFile = (file: string, schema: string): Database.Database => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(schema);
  return db;
};
