import { aggregates } from '@zhaoshang/domain';
import type { EventStore } from '@zhaoshang/eventstore';
import {
  appOnStore,
  captureLead,
  lead,
  listen,
  openStream,
  storeDir,
  streamedEvents,
  type SseMessage,
} from './feed-support';
import { authFor, request } from './support';

const closedBy = (reason: string) => (m: SseMessage) =>
  m.kind === 'message' &&
  m.event === 'feed.closed' &&
  (JSON.parse(m.data) as { reason: string }).reason === reason;

/** The domain events of the store, in global order. */
const storedEvents = async (store: EventStore) =>
  (await store.readAll()).filter((e) => e.streamName.startsWith('project-'));

describe('issue #17 item 2 · GET /feed/stream: the feed live as Server-Sent Events', () => {
  let dir: ReturnType<typeof storeDir>;
  let app: Awaited<ReturnType<typeof appOnStore>>;
  let port: number;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    dir = storeDir();
    app = await appOnStore(dir.dir, { heartbeatMs: 200, streamStallMs: 1000 });
    port = await listen(app.z);
    auditor = await authFor('auditor');
    await captureLead(app.http, 'XM-L-1');
    await captureLead(app.http, 'XM-L-2', 'gaoxinqu');
  }, 60_000);
  afterAll(async () => {
    await app.z.app.close();
    dir.remove();
  }, 30_000);

  it('catches up, then follows new appends: `id:` the checkpoint, `event:` the type, `data:` the CloudEvent; heartbeats while idle', async () => {
    const client = openStream(port, auditor);
    try {
      expect(await client.status).toBe(200);
      await client.waitFor((m) => m.kind === 'retry');
      await client.waitFor((m) => streamedEvents(client.messages).length === 2 && m === m);
      await client.waitFor((m) => m.kind === 'comment' && m.comment === 'heartbeat');
      await captureLead(app.http, 'XM-L-3');
      await client.waitFor(() => streamedEvents(client.messages).length === 3);
      const stored = await storedEvents(app.z.store);
      const got = streamedEvents(client.messages);
      expect(got.map((m) => m.id)).toEqual(stored.map((e) => e.globalPosition.toString()));
      expect(got.map((m) => m.event)).toEqual(stored.map(() => 'cn.zhaoshang.project.LeadCaptured'));
      const data = got.map(
        (m) => JSON.parse(m.data) as { id: string; specversion: string; position: string },
      );
      expect(data.map((d) => d.id)).toEqual(stored.map((e) => e.metadata.eventId));
      expect(data.every((d, i) => d.specversion === '1.0' && d.position === got[i]!.id)).toBe(true);
    } finally {
      client.close();
    }
  }, 30_000);

  it('resumes after Last-Event-ID (or ?after=): the events after it, none before', async () => {
    const stored = await storedEvents(app.z.store);
    const first = stored[0]!.globalPosition.toString();
    const rest = stored.slice(1).map((e) => e.globalPosition.toString());
    for (const client of [
      openStream(port, { ...auditor, 'last-event-id': first }),
      openStream(port, auditor, `?after=${first}`),
    ]) {
      try {
        await client.waitFor(() => streamedEvents(client.messages).length === rest.length);
        await client.waitFor((m) => m.kind === 'comment');
        expect(streamedEvents(client.messages).map((m) => m.id)).toEqual(rest);
      } finally {
        client.close();
      }
    }
  }, 30_000);

  it('is role-scoped like the pages, and refuses a Last-Event-ID it never gave', async () => {
    const officer = openStream(port, await authFor('investment-officer', 'gaoxinqu'));
    try {
      await officer.waitFor((m) => m.kind === 'comment');
      expect(
        streamedEvents(officer.messages).map((m) => (JSON.parse(m.data) as { subject: string }).subject),
      ).toEqual(['project-XM-L-2']);
    } finally {
      officer.close();
    }
    await request(app.http)
      .get('/feed/stream')
      .set({ ...auditor, 'last-event-id': 'x1' })
      .expect(400);
    await request(app.http).get('/feed/stream').expect(401);
  }, 30_000);

  it('a client that stops reading holds one page and its socket, no more: after the stall bound it gets `feed.closed` (client-too-slow) and the end, then resumes', async () => {
    const client = openStream(port, auditor);
    try {
      await client.waitFor(() => streamedEvents(client.messages).length >= 2);
      client.pause();
      // Big events (about 12 kB each, 10 MB in all), appended while the client does not read: the
      // socket's buffers fill, the server's write waits for 'drain' longer than the bound (1 s).
      const version = aggregates.project.versionOf('LeadCaptured');
      const content = '碳'.repeat(4000);
      await Promise.all(
        Array.from({ length: 800 }, (_, i) =>
          app.z.store.append(
            `project-XM-B-${i}`,
            [{ type: 'LeadCaptured', schemaVersion: version, data: { ...lead(`XM-B-${i}`), content } }],
            {
              expectedRevision: 'no-stream',
              context: {
                commandId: `flood-${i}`,
                actor: { userId: 'test', role: 'investment-officer', unitId: 'jingkaiqu' },
                businessTime: '2024-03-03T00:00:00+08:00',
              },
            },
          ),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 2500));
      client.resume();
      await client.ended;
      const last = client.messages.at(-1)!;
      expect(closedBy('client-too-slow')(last)).toBe(true);
      const got = streamedEvents(client.messages).map((m) => m.id);
      const stored = (await storedEvents(app.z.store)).map((e) => e.globalPosition.toString());
      // What it got is the feed's beginning, in order, without a gap; not all of it.
      expect(got).toEqual(stored.slice(0, got.length));
      expect(got.length).toBeLessThan(stored.length);
      // It resumes from the last event it got, and gets the rest. On a busy machine the resumed
      // reader may itself fall behind the stall bound and be closed again (client-too-slow): a
      // real client resumes again from its last id, so does this one, until it has everything.
      const rest: Array<string | undefined> = [];
      for (let attempt = 0; attempt < 20 && got.length + rest.length < stored.length; attempt += 1) {
        const resumed = openStream(port, { ...auditor, 'last-event-id': rest.at(-1) ?? got.at(-1)! });
        try {
          await resumed.waitFor(
            () =>
              got.length + rest.length + streamedEvents(resumed.messages).length === stored.length ||
              resumed.messages.some(closedBy('client-too-slow')),
            30_000,
          );
          rest.push(...streamedEvents(resumed.messages).map((m) => m.id));
        } finally {
          resumed.close();
        }
      }
      expect([...got, ...rest]).toEqual(stored);
    } finally {
      client.close();
    }
  }, 90_000);
});

describe('issue #17 item 2 · the stream ends cleanly', () => {
  it('on server shutdown: a last `feed.closed` (server-shutdown), the end, and the app closes', async () => {
    const dir = storeDir();
    const app = await appOnStore(dir.dir, { heartbeatMs: 60_000 });
    try {
      const port = await listen(app.z);
      await captureLead(app.http, 'XM-D-1');
      const client = openStream(port, await authFor('auditor'));
      await client.waitFor(() => streamedEvents(client.messages).length === 1);
      const started = Date.now();
      await app.z.app.close();
      await client.ended;
      expect(Date.now() - started).toBeLessThan(5000);
      expect(closedBy('server-shutdown')(client.messages.at(-1)!)).toBe(true);
    } finally {
      dir.remove();
    }
  }, 60_000);

  it('when the client goes away: its subscription ends (the app closes without waiting)', async () => {
    const dir = storeDir();
    const app = await appOnStore(dir.dir, { heartbeatMs: 60_000 });
    try {
      const port = await listen(app.z);
      const client = openStream(port, await authFor('auditor'));
      await client.waitFor((m) => m.kind === 'retry');
      client.close();
      await client.ended;
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      await app.z.app.close();
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      dir.remove();
    }
  }, 60_000);
});
