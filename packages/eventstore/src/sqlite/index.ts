export { openSqliteEventStore, SqliteEventStore } from './sqlite-event-store';
export type { SqliteDurability, SqliteEventStoreOptions } from './sqlite-event-store';
export { migrate, migrations } from './schema';
export type { Migration } from './schema';
