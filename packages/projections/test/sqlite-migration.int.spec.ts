import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteReadModelStore, registerCollection } from '../src';

/** A read-model file as the store wrote it before issue #12: positions as 24-digit text. */
const legacyFile = (file: string, positions: { doc: string; checkpoint: string }): void => {
  const db = new Database(file);
  db.exec(
    `CREATE TABLE rm_checkpoints (projection TEXT PRIMARY KEY, position TEXT NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL, error TEXT) STRICT`,
  );
  db.exec(`CREATE TABLE rm_register (id TEXT PRIMARY KEY, doc TEXT NOT NULL, pos TEXT NOT NULL) STRICT`);
  db.exec(
    `CREATE INDEX rm_register_unit_stage ON rm_register (json_extract(doc, '$.unitId'), json_extract(doc, '$.stage'))`,
  );
  db.prepare(`INSERT INTO rm_register VALUES ('A', '{"projectId":"A"}', ?)`).run(positions.doc);
  db.prepare(`INSERT INTO rm_checkpoints VALUES ('register', ?, 3, 'failed', 'old failure')`).run(
    positions.checkpoint,
  );
  db.prepare(`INSERT INTO rm_checkpoints VALUES ('fulfilment', '', 2, 'ok', NULL)`).run();
  db.close();
};

describe('read-model files written before positions were numbers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'projections-migration-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are migrated on open: text positions become INTEGER (parsed, not compared as text), documents and checkpoints kept, a failed projection tried again', async () => {
    const file = join(dir, 'legacy.sqlite');
    legacyFile(file, { doc: '000000000000000000000042', checkpoint: '000000000000000000000042' });
    const store = openSqliteReadModelStore({ file });
    expect(store.migrated).toBe('positions-to-integer');
    expect(await store.checkpoints()).toEqual([
      { projection: 'fulfilment', position: -1n, version: 2, status: 'ok' },
      { projection: 'register', position: 42n, version: 3, status: 'ok' },
    ]);
    expect(await store.get(registerCollection, 'A')).toEqual({ projectId: 'A' });
    // The guard compares numbers now: 9 is older than 42.
    await store.commit([
      {
        projection: 'register',
        version: 3,
        changes: [{ collection: 'register', id: 'A', doc: { projectId: 'older' }, position: 9n }],
        checkpoint: { projection: 'register', position: 42n, version: 3, status: 'ok' },
      },
    ]);
    expect(await store.get(registerCollection, 'A')).toEqual({ projectId: 'A' });
    await store.commit([
      {
        projection: 'register',
        version: 3,
        changes: [{ collection: 'register', id: 'A', doc: { projectId: 'newer' }, position: 100n }],
        checkpoint: { projection: 'register', position: 100n, version: 3, status: 'ok' },
      },
    ]);
    expect(await store.get(registerCollection, 'A')).toEqual({ projectId: 'newer' });
    await store.close();
    const again = openSqliteReadModelStore({ file });
    expect(again.migrated).toBe('none'); // once
    expect((await again.checkpoint('register'))?.position).toBe(100n);
    await again.close();
  });

  it('a file holding a position beyond 2^63 − 1 (the old packed EventStoreDB positions) is cleared, to be rebuilt from the event store', async () => {
    const file = join(dir, 'packed.sqlite');
    legacyFile(file, { doc: '018446744073709551616123', checkpoint: '018446744073709551616123' });
    const store = openSqliteReadModelStore({ file });
    expect(store.migrated).toBe('cleared-out-of-range');
    expect(await store.checkpoints()).toEqual([]);
    expect(await store.get(registerCollection, 'A')).toBeUndefined();
    await store.close();
  });
});
