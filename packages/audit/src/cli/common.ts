import { existingPath, UsageError, type CliIo } from '@zhaoshang/cli';
import { openSqliteEventStore, type EventStore } from '@zhaoshang/eventstore';

/** What the audit commands share: the store they read, JSON output and usage errors. */

export const EVENTS_OPTION = {
  events: {
    type: 'string',
    arg: '<file>',
    help: '事件存储（SQLite 文件，须已存在）the event store, an existing SQLite file',
  },
} as const;

export const JSON_OPTION = { json: { type: 'boolean', help: '机器可读输出 JSON output' } } as const;

/** JSON with bigints (positions) as decimal text. */
export const json = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString(10) : v), 2);

export const printJson = (io: CliIo, value: unknown): void => io.stdout(`${json(value)}\n`);

/** Opens the embedded store at `--events`: it must exist (an audit never creates a store). */
export const openStore = (file: string | undefined): EventStore =>
  openSqliteEventStore({ file: existingPath('--events', file) });

export const withStore = async <T>(
  file: string | undefined,
  run: (store: EventStore) => Promise<T>,
): Promise<T> => {
  const store = openStore(file);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
};

/** Runs a parser that throws RangeError on bad text (keys, positions); its message becomes a usage error. */
export const usageOn = <T>(flag: string, parse: () => T): T => {
  try {
    return parse();
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) throw new UsageError(`${flag}: ${e.message}`);
    throw e;
  }
};
