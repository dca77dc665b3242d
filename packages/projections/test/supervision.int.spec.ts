import { openSqliteEventStore, type StoredEvent } from '@zhaoshang/eventstore';
import { testPositions } from '@zhaoshang/eventstore/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  allProjections,
  openSqliteReadModelStore,
  ProjectionRunner,
  registerCollection,
  type ReadModelStore,
  type RunnerLogger,
} from '../src';
import { type ProjectionCommit } from '../src/stores/read-model-store';
import { appendScenario, dumpAll, goldenStreams } from '../src/testing';
import { fakeTime, FakeEventStore, flaky } from './support/fake-event-store';

const lines = () => {
  const all: string[] = [];
  const logger: RunnerLogger = { info: (m) => all.push(m), error: (m) => all.push(m) };
  return { all, logger };
};

/** Waits (real time, bounded) until a condition holds: the runner's phases change between awaits. */
const eventually = async (condition: () => boolean, ms = 10_000): Promise<void> => {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** The golden scenario's events, as a real store recorded them (then given sparse positions by the fake). */
let recorded: ReadonlyArray<StoredEvent>;
let reference: Awaited<ReturnType<typeof dumpAll>>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'projections-supervision-'));
  const events = openSqliteEventStore({
    file: join(dir, 'source.sqlite'),
    durability: 'normal',
    positions: testPositions(),
  });
  await appendScenario(events, goldenStreams());
  recorded = await events.readAll();
  await events.close();
  const fake = new FakeEventStore('reference');
  fake.add(recorded);
  const store = openSqliteReadModelStore({ file: ':memory:' });
  await new ProjectionRunner({
    eventStore: fake,
    store,
    projections: allProjections,
    lease: false,
    retry: false,
  }).rebuild();
  reference = await dumpAll(store, allProjections);
  await store.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Splits the recorded events: the first part before the runner starts, the rest while it runs. */
const split = (n: number) => [recorded.slice(0, n), recorded.slice(n)] as const;

describe('a supervised runner', () => {
  it('survives a read-model store outage of 10 s: degraded (not dead) meanwhile, retrying with backoff, then resumes by itself and misses nothing', async () => {
    const time = fakeTime();
    let downUntil = 0;
    const events = new FakeEventStore('store-a');
    const [before, during] = split(150);
    events.add(before);
    const store = flaky(openSqliteReadModelStore({ file: ':memory:' }), () => time.t.now < downUntil);
    const log = lines();
    const healthWhileWaiting: string[] = [];
    const runner = new ProjectionRunner({
      eventStore: events,
      store,
      projections: allProjections,
      batchSize: 40,
      logger: log.logger,
      clock: time.clock,
      sleep: async (ms) => {
        healthWhileWaiting.push(runner.currentHealth);
        await time.sleep(ms);
      },
    });
    await runner.start();
    expect(runner.currentHealth).toBe('live');

    // The store goes away for 10 s (of the fake clock); events keep arriving meanwhile.
    const outageStart = time.t.now;
    downUntil = outageStart + 10_000;
    const added = events.add(during);
    await runner.waitFor(added[added.length - 1]!.globalPosition);
    await eventually(() => runner.currentHealth === 'live');

    expect(healthWhileWaiting.length).toBeGreaterThan(3);
    expect(healthWhileWaiting.every((h) => h === 'degraded')).toBe(true);
    expect(time.t.now).toBeGreaterThanOrEqual(downUntil); // it kept retrying for as long as the outage lasted
    expect(time.t.slept.slice(0, 4)).toEqual([250, 500, 1000, 2000]); // backoff, doubling
    expect(log.all).toContain('projection runner degraded; retrying');
    expect(log.all).toContain('projection runner recovered');
    expect(runner.currentHealth).toBe('live');
    const report = await runner.report();
    expect(report.failure).toBeUndefined();
    expect(
      report.projections.every((p) => p.state === 'running' && p.lagEvents === 0 && p.lagSeconds === 0),
    ).toBe(true);
    await runner.stop();
    expect(await dumpAll(store, allProjections)).toEqual(reference);
    await store.close();
  });

  it('survives an event store outage too: the live subscription drops, reads fail for a while, then it catches up', async () => {
    const time = fakeTime();
    const events = new FakeEventStore('store-a');
    const [before, during] = split(100);
    events.add(before);
    const store = openSqliteReadModelStore({ file: ':memory:' });
    let outageLeft = 0;
    const runner = new ProjectionRunner({
      eventStore: events,
      store,
      projections: allProjections,
      logger: lines().logger,
      clock: time.clock,
      sleep: async (ms) => {
        await time.sleep(ms);
        outageLeft -= ms;
        if (outageLeft <= 0) events.down = false;
      },
    });
    await runner.start();
    outageLeft = 10_000;
    events.down = true;
    events.dropSubscriptions();
    const added = events.add(during); // recorded by the store while the runner cannot reach it
    const report = await runner.report().catch(() => undefined);
    expect(report).toBeUndefined(); // the status needs the event store too: it says so by failing, the runner does not die
    await runner.waitFor(added[added.length - 1]!.globalPosition);
    await eventually(() => runner.currentHealth === 'live');
    await runner.stop();
    expect(await dumpAll(store, allProjections)).toEqual(reference);
    await store.close();
  });

  it('with sparse positions beyond 2^60 (gaps of about a million) builds exactly what it builds from consecutive ones, and reports lag in events', async () => {
    const events = new FakeEventStore('sparse');
    events.add(recorded);
    expect(events.head > 1n << 60n).toBe(true);
    const store = openSqliteReadModelStore({ file: ':memory:' });
    const runner = new ProjectionRunner({
      eventStore: events,
      store,
      projections: allProjections,
      batchSize: 33,
      logger: lines().logger,
    });
    await runner.start();
    const status = await runner.status();
    expect(status.map((s) => [s.checkpoint, s.lagEvents])).toEqual(
      allProjections.map(() => [events.head, 0]),
    );
    await runner.stop();
    expect(await dumpAll(store, allProjections)).toEqual(reference);
    // Three events behind reads as 3, whatever the gaps between their positions.
    const behind = new ProjectionRunner({
      eventStore: events,
      store,
      projections: allProjections,
      logger: lines().logger,
      follow: true,
    });
    await behind.start();
    const extra = events.add(recorded.slice(0, 3).map((e) => ({ ...e, streamName: `${e.streamName}-copy` })));
    expect(extra).toHaveLength(3);
    expect((await behind.status()).map((s) => s.lagEvents)).toEqual(allProjections.map(() => 3));
    await behind.stop();
    await store.close();
  });
});

describe('one runner per read-model store (a lease)', () => {
  /** Records which runner's commits the store took. */
  const recording = (store: ReadModelStore, name: string, log: string[]): ReadModelStore =>
    new Proxy(store, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property !== 'commit' || typeof value !== 'function')
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        return async (commits: ReadonlyArray<ProjectionCommit>, options?: { leaseHolder?: string }) => {
          await (
            value as (c: ReadonlyArray<ProjectionCommit>, o?: { leaseHolder?: string }) => Promise<void>
          ).call(target, commits, options);
          log.push(name);
        };
      },
    });

  it('two runners on one SQLite file never both apply events: one holds the lease, the other stands by and follows; when the holder stops, the other takes over', async () => {
    const file = join(dir, 'shared.sqlite');
    const events = new FakeEventStore('store-a');
    const [before, during] = split(120);
    events.add(before);
    const committed: string[] = [];
    const storeA = recording(openSqliteReadModelStore({ file }), 'A', committed);
    const storeB = recording(openSqliteReadModelStore({ file }), 'B', committed);
    const a = new ProjectionRunner({
      eventStore: events,
      store: storeA,
      projections: allProjections,
      logger: lines().logger,
      lease: { holder: 'A', ttlMs: 60_000 },
      standbyPollMs: 20,
    });
    const b = new ProjectionRunner({
      eventStore: events,
      store: storeB,
      projections: allProjections,
      logger: lines().logger,
      lease: { holder: 'B', ttlMs: 60_000 },
      standbyPollMs: 20,
    });
    await a.start();
    await b.start();
    expect([a.currentHealth, b.currentHealth]).toEqual(['live', 'standby']);
    const first = events.add(during.slice(0, 40));
    await a.waitFor(first[first.length - 1]!.globalPosition);
    await b.waitFor(first[first.length - 1]!.globalPosition); // the standby follows the holder's checkpoints
    expect(new Set(committed)).toEqual(new Set(['A']));
    expect((await b.report()).leaseHolder).toBe('A');

    await a.stop(); // gives the lease up
    const second = events.add(during.slice(40));
    await b.waitFor(second[second.length - 1]!.globalPosition);
    await eventually(() => b.currentHealth === 'live');
    // Never interleaved: all of A's commits, then all of B's.
    const firstB = committed.indexOf('B');
    expect(firstB).toBeGreaterThan(0);
    expect(committed.slice(firstB).every((c) => c === 'B')).toBe(true);
    await b.stop();
    expect(await dumpAll(storeB, allProjections)).toEqual(reference);
    await storeA.close();
    await storeB.close();
  }, 30_000);

  it('a runner whose lease was taken over (it stalled past the expiry) has its next batch refused and stands by; nothing it had not committed is written', async () => {
    const file = join(dir, 'takeover.sqlite');
    const events = new FakeEventStore('store-a');
    const [before, during] = split(150);
    events.add(before);
    const storeA = openSqliteReadModelStore({ file });
    const storeB = openSqliteReadModelStore({ file });
    const time = fakeTime();
    const log = lines();
    const a = new ProjectionRunner({
      eventStore: events,
      store: storeA,
      projections: allProjections,
      logger: log.logger,
      lease: { holder: 'A', ttlMs: 1_000 },
      clock: time.clock,
      standbyPollMs: 10_000,
    });
    await a.start();
    const checkpointA = a.checkpoint;
    // A stalls; its lease expires; B (another process, its own clock) takes the store over.
    expect(await storeB.acquireLease('B', 60_000, time.t.now + 5_000)).toBe(true);
    const added = events.add(during.slice(0, 5));
    await eventually(() => a.currentHealth === 'standby');
    expect(log.all).toContain('lost the read-model store lease; standing by');
    expect((await storeB.checkpoint('register'))?.position).toBe(checkpointA);
    expect(added.length).toBe(5);
    await a.stop();
    await storeA.close();
    await storeB.close();
  });
});

describe('read models bound to their event store', () => {
  it('deleting the event store (a new one, another identity) makes the runner rebuild from scratch and say so, never answer from the old documents', async () => {
    const store = openSqliteReadModelStore({ file: join(dir, 'bound.sqlite') });
    const old = new FakeEventStore('store-old');
    old.add(recorded);
    const first = new ProjectionRunner({
      eventStore: old,
      store,
      projections: allProjections,
      logger: lines().logger,
    });
    await first.start();
    await first.stop();
    expect((await store.checkpoint('register'))?.source).toEqual({
      storeId: 'store-old',
      firstEventHash: recorded[0]!.metadata.hash,
    });
    expect((await store.findAll(registerCollection)).length).toBe(21);

    // A fresh store with only some of the streams: the new truth.
    const fresh = new FakeEventStore('store-new');
    const someStreams = new Set(
      recorded
        .filter((e) => e.streamName.startsWith('project-'))
        .map((e) => e.streamName)
        .slice(0, 3),
    );
    fresh.add(recorded.filter((e) => someStreams.has(e.streamName)));
    const log: Array<[string, Readonly<Record<string, unknown>> | undefined]> = [];
    const second = new ProjectionRunner({
      eventStore: fresh,
      store,
      projections: allProjections,
      logger: { info: (m, f) => log.push([m, f]), error: (m, f) => log.push([m, f]) },
    });
    await second.start();
    const report = await second.report();
    await second.stop();
    expect(
      log.find(([m]) => m === 'read models do not match the event store; rebuilding them from scratch')?.[1],
    ).toMatchObject({
      projections: allProjections.map((p) => p.name),
      reason: expect.stringMatching(/built from event store store-old .*this is store store-new/),
    });
    expect(report.rebuilt).toMatchObject({ reason: expect.stringContaining('store-old') });
    expect((await store.findAll(registerCollection)).map((d) => `project-${d.projectId}`).sort()).toEqual(
      [...someStreams].sort(),
    );
    expect((await store.checkpoint('register'))?.source?.storeId).toBe('store-new');
    await store.close();
  });

  it('read models written before they recorded their event store are rebuilt once, then kept', async () => {
    const store = openSqliteReadModelStore({ file: ':memory:' });
    const events = new FakeEventStore('store-a');
    events.add(recorded);
    // Written by a runner whose event store had no identity (as before issue #12).
    const anonymous = {
      readAll: events.readAll.bind(events),
      subscribeToAll: events.subscribeToAll.bind(events),
    };
    await new ProjectionRunner({
      eventStore: anonymous,
      store,
      projections: allProjections,
      logger: lines().logger,
      retry: false,
    }).rebuild();
    expect((await store.checkpoint('register'))?.source).toBeUndefined();
    const log = lines();
    const runner = new ProjectionRunner({
      eventStore: events,
      store,
      projections: allProjections,
      logger: log.logger,
    });
    await runner.start();
    await runner.stop();
    expect(log.all.filter((m) => m.startsWith('read models do not match'))).toHaveLength(1);
    const again = lines();
    const third = new ProjectionRunner({
      eventStore: events,
      store,
      projections: allProjections,
      logger: again.logger,
    });
    await third.start();
    await third.stop();
    expect(again.all.filter((m) => m.startsWith('read models do not match'))).toHaveLength(0);
    expect(await dumpAll(store, allProjections)).toEqual(reference);
    await store.close();
  });
});
