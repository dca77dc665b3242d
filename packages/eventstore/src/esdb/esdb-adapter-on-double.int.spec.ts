import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import { AppendTooLargeError } from '../errors';
import type { ImportWrite } from '../import-plan';
import { doubledEsdbStore, InProcessEsdbClient, recordedEvents, testContext } from '../testing';
import { appendSize, EsdbEventStore, importRuns } from './esdb-event-store';

/**
 * Issue #12 items 3 and 4: the EventStoreDB adapter's own code against the client double, on the
 * server behaviours it relies on (B1…B12 in testing/esdb-client-double.ts, each with its source).
 */

const drain = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

const note = (n: number) => [{ type: 'Noted', data: { n } }];

describe('the client double behaves as the server does where the adapter relies on it', () => {
  it('B1/B2: positions are sparse byte offsets, commit = prepare for every event, also within one append', async () => {
    const client = new InProcessEsdbClient({ firstPosition: 2n ** 53n });
    await client.appendToStream(
      's',
      [jsonEvent({ type: 'A', data: {} }), jsonEvent({ type: 'B', data: {} })],
      {
        expectedRevision: NO_STREAM,
      },
    );
    const all = await drain(client.readAll({ direction: FORWARDS, fromPosition: START, maxCount: 100 }));
    const positions = all.map((r) => r.event?.position);
    for (const p of positions) expect(p?.commit).toBe(p?.prepare);
    const commits = positions.map((p) => p?.commit ?? 0n);
    expect(commits[0]).toBe(2n ** 53n);
    for (let i = 1; i < commits.length; i++) expect((commits[i] ?? 0n) > (commits[i - 1] ?? 0n)).toBe(true);
    expect(new Set(commits).size).toBe(commits.length);
  });

  it('B3: refuses a read from commit < prepare and from an offset that starts no record', async () => {
    const client = new InProcessEsdbClient();
    await client.appendToStream('s', [jsonEvent({ type: 'A', data: {} })], { expectedRevision: NO_STREAM });
    const [first] = await drain(client.readAll({ direction: FORWARDS, fromPosition: START, maxCount: 1 }));
    const at = first?.event?.position.commit ?? 0n;
    await expect(
      drain(
        client.readAll({ direction: FORWARDS, fromPosition: { commit: at, prepare: at + 1n }, maxCount: 1 }),
      ),
    ).rejects.toThrow(/commit position cannot be less/);
    await expect(
      drain(
        client.readAll({
          direction: FORWARDS,
          fromPosition: { commit: at + 1n, prepare: at + 1n },
          maxCount: 1,
        }),
      ),
    ).rejects.toThrow(/Invalid position/);
  });

  it('B4/B5: forwards includes the event at the position, backwards starts before it; maxCount counts system events', async () => {
    const client = new InProcessEsdbClient({ systemEventEvery: 1 });
    for (let i = 0; i < 3; i++)
      await client.appendToStream('s', [jsonEvent({ type: 'A', data: { i } })], { expectedRevision: 'any' });
    const all = await drain(client.readAll({ direction: FORWARDS, fromPosition: START, maxCount: 100 }));
    expect(all.some((r) => r.event?.type.startsWith('$'))).toBe(true);
    const user = all.filter((r) => r.event?.streamId === 's');
    const mid = user[1]?.event?.position;
    if (mid === undefined) throw new Error('no event');
    const forwards = await drain(client.readAll({ direction: FORWARDS, fromPosition: mid, maxCount: 2 }));
    expect(forwards.map((r: AllStreamResolvedEvent) => r.event?.position.commit)).toEqual([
      mid.commit,
      all[all.indexOf(user[1] as AllStreamResolvedEvent) + 1]?.event?.position.commit,
    ]);
    const backwards = await drain(client.readAll({ direction: BACKWARDS, fromPosition: mid, maxCount: 1 }));
    expect(backwards[0]?.event?.type).toBe('$statsCollected'); // written right after the first append
  });

  it('B10: same ids after the expected revision are a success that writes nothing; only some of them are refused', async () => {
    const client = new InProcessEsdbClient();
    const batch = [
      jsonEvent({ id: randomUUID(), type: 'A', data: {} }),
      jsonEvent({ id: randomUUID(), type: 'A', data: {} }),
    ];
    const first = await client.appendToStream('s', batch, { expectedRevision: NO_STREAM });
    await client.appendToStream('s', [jsonEvent({ type: 'B', data: {} })], { expectedRevision: 1n });
    const again = await client.appendToStream('s', batch, { expectedRevision: NO_STREAM });
    expect(again).toEqual(first);
    expect(await drain(client.readStream('s', { direction: FORWARDS, fromRevision: START }))).toHaveLength(3);
    await expect(
      client.appendToStream(
        's',
        [batch[0] ?? jsonEvent({ type: 'x', data: {} }), jsonEvent({ type: 'C', data: {} })],
        {
          expectedRevision: NO_STREAM,
        },
      ),
    ).rejects.toMatchObject({ type: 'wrong-expected-version' });
  });

  it('B11: an append over MaxAppendSize is refused whole, counted in UTF-8 bytes', async () => {
    const client = new InProcessEsdbClient({ maxAppendSize: 3_000 });
    const chinese = '招商引资项目'.repeat(200); // 1,200 characters, 3,600 bytes
    await expect(
      client.appendToStream('s', [jsonEvent({ type: 'A', data: { text: chinese } })], {
        expectedRevision: NO_STREAM,
      }),
    ).rejects.toMatchObject({ type: 'maximum-append-size-exceeded' });
    await expect(
      drain(client.readStream('s', { direction: FORWARDS, fromRevision: START })),
    ).rejects.toMatchObject({
      type: 'stream-not-found',
    });
  });
});

describe('EventStoreDB adapter on the double (issue #12 item 3)', () => {
  it('B13: during an outage calls reject with STORE_UNAVAILABLE and a live subscription errors; afterwards it works again', async () => {
    const sut = doubledEsdbStore();
    try {
      await sut.store.append('s', note(0), { expectedRevision: 'no-stream', context: testContext() });
      const failed = new Promise<unknown>((resolve) => {
        sut.store.subscribeToAll().subscribe({ error: resolve });
      });
      await new Promise((resolve) => setImmediate(resolve));
      sut.client.outage(true);
      expect(await failed).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(sut.store.readAll()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(
        sut.store.append('s', note(1), { expectedRevision: 0, context: testContext() }),
      ).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      sut.client.outage(false);
      expect(
        (await sut.store.append('s', note(1), { expectedRevision: 0, context: testContext() })).duplicate,
      ).toBe(false);
      expect(await sut.store.verifyAll()).toEqual({ ok: true, checked: 2 });
    } finally {
      await sut.dispose();
    }
  });

  it('verifyAll checks every event when pages end on system events, not a prefix', async () => {
    const sut = doubledEsdbStore({ client: { systemEventEvery: 1 }, adapter: { pageSize: 4 } });
    try {
      for (let i = 0; i < 20; i++)
        await sut.store.append(`p-${i % 3}`, note(i), { expectedRevision: 'any', context: testContext() });
      expect(await sut.store.verifyAll()).toEqual({ ok: true, checked: 20 });
      expect(await sut.store.readAll()).toHaveLength(20);
      expect(await sut.store.readAll({ direction: 'backwards' })).toHaveLength(20);
    } finally {
      await sut.dispose();
    }
  });

  it('an append reads only the end of its stream, never the whole of it (no scan per append)', async () => {
    const client = new InProcessEsdbClient();
    let read = 0;
    const counting = Object.create(client) as InProcessEsdbClient;
    counting.readStream = (name, options) => {
      const inner = client.readStream(name, options);
      return (async function* () {
        for await (const e of inner) {
          read += 1;
          yield e;
        }
      })();
    };
    const store = new EsdbEventStore(counting);
    for (let i = 0; i < 300; i++)
      await store.append('long', note(i), {
        expectedRevision: i === 0 ? 'no-stream' : i - 1,
        context: testContext(),
      });
    read = 0;
    await store.append('long', note(300), { expectedRevision: 299, context: testContext() });
    expect(read).toBeLessThanOrEqual(3); // the last event, then the one written, read back
    read = 0;
    const ctx = testContext();
    await store.append('long', note(301), { expectedRevision: 300, context: ctx });
    const retry = await store.append('long', note(301), { expectedRevision: 300, context: ctx });
    expect(retry.duplicate).toBe(true);
    expect(read).toBeLessThanOrEqual(8);
    await store.close();
  });

  it('concurrent retries of one command with derived event ids: stored once, exactly one answer says it wrote', async () => {
    const sut = doubledEsdbStore();
    try {
      await sut.store.append('s', note(0), { expectedRevision: 'no-stream', context: testContext() });
      const ctx = testContext();
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          sut.store.append('s', [...note(1), ...note(2)], { expectedRevision: 0, context: ctx }),
        ),
      );
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(results.map((r) => r.position)).size).toBe(1);
      expect(await sut.store.readStream('s')).toHaveLength(3);
      expect(await sut.store.verifyStream('s')).toEqual({ ok: true, checked: 3 });
    } finally {
      await sut.dispose();
    }
  });

  it('refuses an append over the limit in UTF-8 bytes before writing (Chinese text is 3 bytes a character)', async () => {
    const sut = doubledEsdbStore({ adapter: { maxAppendSize: 64 * 1024 } });
    try {
      const text = '招商引资'.repeat(6_000); // 24,000 characters: under 64 KiB in UTF-16 units, 72,000 bytes
      const error: unknown = await sut.store
        .append('s', [{ type: 'Noted', data: { text } }], {
          expectedRevision: 'no-stream',
          context: testContext(),
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppendTooLargeError);
      expect(error).toMatchObject({ code: 'APPEND_TOO_LARGE', limit: 64 * 1024 });
      expect((error as AppendTooLargeError).bytes).toBeGreaterThan(72_000);
      await expect(sut.store.readStream('s')).rejects.toMatchObject({ code: 'STREAM_NOT_FOUND' });
    } finally {
      await sut.dispose();
    }
  });

  it('cuts import batches by UTF-8 bytes as the server counts them, and each run is accepted', async () => {
    const text = '项目'.repeat(20_000); // 40,000 characters, 120,000 bytes of data per event
    const events = recordedEvents('big', 6, { data: () => ({ text }) });
    const writes: ImportWrite[] = events.map((event) => ({
      event,
      dataText: JSON.stringify(event.data),
      metadataText: JSON.stringify(event.metadata),
    }));
    const limit = 300_000;
    const runs = importRuns(writes, limit);
    for (const run of runs) {
      const size = run.reduce((sum, w) => sum + appendSize(w.event.type, w.dataText, w.metadataText), 0);
      expect(size).toBeLessThanOrEqual(limit);
    }
    expect(runs.length).toBeGreaterThanOrEqual(3); // two events a run at most, by bytes (not 6 by UTF-16 units)
    const sut = doubledEsdbStore({ client: { maxAppendSize: limit }, adapter: { maxAppendSize: limit } });
    try {
      expect(await sut.store.importRecorded(events)).toEqual({ imported: 6, skipped: 0 });
      expect(await sut.store.verifyStream('big')).toEqual({ ok: true, checked: 6 });
    } finally {
      await sut.dispose();
    }
  });
});
