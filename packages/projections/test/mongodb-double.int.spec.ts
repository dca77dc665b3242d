import { openSqliteEventStore, type StoredEvent } from '@zhaoshang/eventstore';
import { testPositions } from '@zhaoshang/eventstore/testing';
import type { MongoClient } from 'mongodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  allProjections,
  openSqliteReadModelStore,
  ProjectionRunner,
  registerCollection,
  type RunnerLogger,
} from '../src';
import { CHECKPOINTS_COLLECTION, MongoReadModelStore } from '../src/stores/mongodb/mongo-read-model-store';
import { appendScenario, dumpAll, goldenStreams } from '../src/testing';
import { fakeTime, FakeEventStore } from './support/fake-event-store';
import { MongoServerDouble } from './support/mongodb-double';

const quiet: RunnerLogger = { info: () => undefined, error: () => undefined };
const open = (server: MongoServerDouble) =>
  MongoReadModelStore.fromClient(server.client() as unknown as MongoClient, {});

let recorded: ReadonlyArray<StoredEvent>;
let reference: Awaited<ReturnType<typeof dumpAll>>;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'projections-mongo-double-'));
  const events = openSqliteEventStore({
    file: join(dir, 'events.sqlite'),
    durability: 'normal',
    positions: testPositions(),
  });
  await appendScenario(events, goldenStreams());
  recorded = await events.readAll();
  await events.close();
  rmSync(dir, { recursive: true, force: true });
  const fake = new FakeEventStore('reference');
  fake.add(recorded);
  const store = openSqliteReadModelStore({ file: ':memory:' });
  await new ProjectionRunner({
    eventStore: fake,
    store,
    projections: allProjections,
    logger: quiet,
  }).rebuild();
  reference = await dumpAll(store, allProjections);
  await store.close();
}, 60_000);

describe('the MongoDB read-model store, run by the runner against the client double', () => {
  it.each([
    ['a replica set (a transaction per batch)', true],
    ['a standalone server (redo log)', false],
  ])(
    'on %s, builds every read model exactly as the embedded store does, positions beyond 2^60 kept as numbers',
    async (_name, replicaSet) => {
      const server = new MongoServerDouble(replicaSet);
      const store = await open(server);
      const events = new FakeEventStore('store-a');
      events.add(recorded);
      const runner = new ProjectionRunner({
        eventStore: events,
        store,
        projections: allProjections,
        batchSize: 50,
        logger: quiet,
      });
      await runner.start();
      await runner.stop();
      expect(await dumpAll(store, allProjections)).toEqual(reference);
      expect(await store.checkpoint('register')).toMatchObject({
        position: events.head,
        source: { storeId: 'store-a' },
      });
      expect(
        typeof (await server.client().db().collection(CHECKPOINTS_COLLECTION).findOne({ _id: 'register' }))?.[
          'position'
        ],
      ).toBe('bigint');
      await store.close();
    },
  );

  it('survives a 10 s MongoDB outage: degraded meanwhile, then resumes and misses nothing', async () => {
    const server = new MongoServerDouble(true);
    const store = await open(server);
    const events = new FakeEventStore('store-a');
    events.add(recorded.slice(0, 100));
    const time = fakeTime();
    let downUntil = 0;
    const seen: string[] = [];
    const runner = new ProjectionRunner({
      eventStore: events,
      store,
      projections: allProjections,
      logger: quiet,
      clock: time.clock,
      sleep: async (ms) => {
        seen.push(runner.currentHealth);
        await time.sleep(ms);
        server.down = time.t.now < downUntil;
      },
    });
    await runner.start();
    downUntil = time.t.now + 10_000;
    server.down = true;
    const added = events.add(recorded.slice(100));
    await runner.waitFor(added[added.length - 1]!.globalPosition);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((h) => h === 'degraded')).toBe(true);
    expect(time.t.now).toBeGreaterThanOrEqual(downUntil);
    await runner.stop();
    expect(await dumpAll(store, allProjections)).toEqual(reference);
    await store.close();
  });

  it('converts the 24-digit text positions of a store written before issue #12 to numbers, and marks a checkpoint that does not fit for a reset', async () => {
    const server = new MongoServerDouble(true);
    const db = server.client().db();
    await db.collection('register').insertOne({ _id: 'A', _pos: '000000000000000000000042', projectId: 'A' });
    await db.collection(CHECKPOINTS_COLLECTION).insertMany([
      {
        _id: 'register',
        position: '000000000000000000000042',
        version: 1,
        status: 'failed',
        error: 'old failure',
      },
      { _id: 'fulfilment', position: '', version: 1, status: 'ok' },
      { _id: 'supervision', position: '340282366920938463463374607431768211455', version: 1, status: 'ok' }, // an old packed position: beyond int64
    ]);
    const store = await open(server);
    await store.init([registerCollection]);
    expect(await store.checkpoint('register')).toEqual({
      projection: 'register',
      position: 42n,
      version: 1,
      status: 'ok',
    });
    expect(await store.checkpoint('fulfilment')).toMatchObject({ position: -1n, status: 'ok' });
    expect(await store.checkpoint('supervision')).toMatchObject({ status: 'resetting' });
    expect((await db.collection('register').findOne({ _id: 'A' }))?.['_pos']).toBe(42n);
    // The guard now compares numbers: position 9 is older than 42, 100 newer.
    await store.commit([
      {
        projection: 'register',
        version: 1,
        changes: [{ collection: 'register', id: 'A', doc: { projectId: 'old' }, position: 9n }],
        checkpoint: { projection: 'register', position: 42n, version: 1, status: 'ok' },
      },
    ]);
    expect(await store.get(registerCollection, 'A')).toEqual({ projectId: 'A' });
    await store.commit([
      {
        projection: 'register',
        version: 1,
        changes: [{ collection: 'register', id: 'A', doc: { projectId: 'new' }, position: 100n }],
        checkpoint: { projection: 'register', position: 100n, version: 1, status: 'ok' },
      },
    ]);
    expect(await store.get(registerCollection, 'A')).toEqual({ projectId: 'new' });
    await store.close();
  });

  it('a reset interrupted half-way (documents partly deleted) is finished by the next start before anything else', async () => {
    const server = new MongoServerDouble(true);
    const store = await open(server);
    const events = new FakeEventStore('store-a');
    events.add(recorded);
    const first = new ProjectionRunner({
      eventStore: events,
      store,
      projections: allProjections,
      logger: quiet,
    });
    await first.start();
    await first.stop();
    // The reset marks the checkpoint, then the server goes away before the documents are deleted.
    const db = server.client().db();
    await db
      .collection(CHECKPOINTS_COLLECTION)
      .updateOne({ _id: 'register' }, { $set: { status: 'resetting' } });
    await db
      .collection('register')
      .deleteOne({ _id: (await db.collection('register').findOne({}))?.['_id'] });
    const log: string[] = [];
    const second = new ProjectionRunner({
      eventStore: events,
      store,
      projections: allProjections,
      logger: { info: (m) => log.push(m), error: (m) => log.push(m) },
    });
    await second.start();
    await second.stop();
    expect(log).toContain('a reset was interrupted; resetting again and rebuilding from scratch');
    expect(await dumpAll(store, allProjections)).toEqual(reference);
    await store.close();
  });
});
