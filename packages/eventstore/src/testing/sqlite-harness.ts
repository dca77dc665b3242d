import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  openSqliteEventStore,
  type SqliteEventStore,
  type SqliteEventStoreOptions,
} from '../sqlite/sqlite-event-store';
import type { PositionSequenceName } from '../position-sequence';
import type { StoreUnderTest } from './contract';

/**
 * The position sequence test stores use unless a test says otherwise: `EVENTSTORE_TEST_POSITIONS`
 * (`dense` or `sparse`). The jest projects named "… · sparse positions" set it to `sparse`, so the
 * same tests also run with positions beyond 2^53 and irregular gaps (issue #12 item 5).
 */
export const testPositions = (): PositionSequenceName =>
  process.env.EVENTSTORE_TEST_POSITIONS === 'sparse' ? 'sparse' : 'dense';

/** A fresh directory under the OS temp dir; remove it with `rmSync(dir, { recursive: true })`. */
export const makeTempDir = (label = 'eventstore'): string => mkdtempSync(join(tmpdir(), `${label}-`));

/**
 * An embedded store in a temporary file, for tests: `dispose` closes it and deletes the directory;
 * `tamper` edits the closed file's bytes and reopens it.
 */
export const temporarySqliteStore = async (
  options: Omit<SqliteEventStoreOptions, 'file'> = {},
): Promise<StoreUnderTest & { readonly file: string }> => {
  const dir = makeTempDir();
  const file = join(dir, 'events.sqlite');
  const opened = { positions: testPositions(), ...options, file };
  let store: SqliteEventStore = openSqliteEventStore(opened);
  return {
    file,
    get store() {
      return store;
    },
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
    tamper: async (needle: string) => {
      // Closing the last connection checkpoints the WAL into the main file and removes it, so
      // every stored byte is in `file` now.
      await store.close();
      flipLastDigit(file, needle);
      store = openSqliteEventStore(opened);
      return store;
    },
  };
};

/** Changes the last character (an ASCII digit) of every occurrence of `needle` in a file. */
export const flipLastDigit = (file: string, needle: string): number => {
  const bytes = readFileSync(file);
  const pattern = Buffer.from(needle, 'utf8');
  let found = 0;
  for (let at = bytes.indexOf(pattern); at !== -1; at = bytes.indexOf(pattern, at + 1)) {
    const i = at + pattern.length - 1;
    const digit = bytes[i];
    if (digit === undefined || digit < 0x30 || digit > 0x39)
      throw new Error('flipLastDigit: needle must end with a digit');
    bytes[i] = digit === 0x39 ? 0x30 : digit + 1;
    found += 1;
  }
  if (found === 0) throw new Error(`flipLastDigit: ${JSON.stringify(needle)} not found in ${file}`);
  writeFileSync(file, bytes);
  return found;
};
