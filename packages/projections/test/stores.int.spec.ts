import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MongoClient } from 'mongodb';
import { MemoryReadModelStore, openMongoReadModelStore, openSqliteReadModelStore } from '../src';
import { MongoReadModelStore } from '../src/stores/mongodb/mongo-read-model-store';
import { readModelStoreContract } from '../src/testing';
import { MongoServerDouble } from './support/mongodb-double';

const dir = mkdtempSync(join(tmpdir(), 'projections-stores-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

readModelStoreContract('embedded SQLite', () =>
  Promise.resolve(openSqliteReadModelStore({ file: join(dir, 'read-models.sqlite') })),
);

readModelStoreContract('memory (redo log, no transaction)', () =>
  Promise.resolve(new MemoryReadModelStore()),
);

/**
 * The MongoDB store's own code, in CI, against the client double (test/support/mongodb-double.ts:
 * each behaviour cites the MongoDB manual; it is not a server). The cast is the seam between the
 * double and the driver's class type; the store only calls what the double implements.
 */
const replicaSet = new MongoServerDouble(true);
readModelStoreContract('MongoDB client double (replica set: a transaction per batch)', async () => {
  const store = await MongoReadModelStore.fromClient(replicaSet.client() as unknown as MongoClient, {});
  expect(store.transactional).toBe(true);
  return store;
});
const standalone = new MongoServerDouble(false);
readModelStoreContract('MongoDB client double (standalone: redo log)', async () => {
  const store = await MongoReadModelStore.fromClient(standalone.client() as unknown as MongoClient, {});
  expect(store.transactional).toBe(false);
  return store;
});

/**
 * Runs against a real MongoDB when MONGODB_URL is set, e.g.
 * `MONGODB_URL='mongodb://localhost:27017/?replicaSet=rs0' npx jest --selectProjects projections stores`.
 * Without it the suite says so and registers a todo: a skipped server never counts as passed.
 */
const mongoUrl = process.env['MONGODB_URL'];
if (mongoUrl !== undefined && mongoUrl !== '') {
  const database = `projections_contract_${process.pid}`;
  readModelStoreContract('MongoDB', () => openMongoReadModelStore({ url: mongoUrl, database }));
  readModelStoreContract('MongoDB without transactions (redo log)', () =>
    openMongoReadModelStore({ url: mongoUrl, database: `${database}_redo`, transactions: 'never' }),
  );
  afterAll(async () => {
    for (const db of [database, `${database}_redo`]) {
      const store = await openMongoReadModelStore({ url: mongoUrl, database: db });
      await store.dropDatabase();
      await store.close();
    }
  });
} else {
  describe('read-model store contract: MongoDB', () => {
    beforeAll(() => {
      process.stderr.write(
        'SKIPPED: MongoDB read-model store contract — set MONGODB_URL to run it against a server.\n',
      );
    });
    it.todo('MongoDB contract (MONGODB_URL not set: skipped)');
  });
}
