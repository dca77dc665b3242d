import { CloudEvent } from 'cloudevents';
import { appOnStore, captureLead, nextAfter, storeDir } from './feed-support';
import { authFor, request, startTestApp } from './support';

type Batch = ReadonlyArray<Record<string, unknown>>;

describe('issue #17 item 1 · GET /feed: the events as CloudEvents, paged after an opaque checkpoint', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({
      feed: { source: 'urn:zhaoshang:test', heartbeatMs: 1000, streamStallMs: 5000 },
    });
    auditor = await authFor('auditor');
    for (const id of ['XM-F-1', 'XM-F-2', 'XM-F-3']) await captureLead(t.http, id, 'jingkaiqu');
    await captureLead(t.http, 'XM-F-4', 'gaoxinqu');
  }, 60_000);
  afterAll(() => t.close());

  it('answers a JSON batch of CloudEvents 1.0 the official SDK accepts, with the event’s id, stream, times and the extensions', async () => {
    const res = await request(t.http).get('/feed').set(auditor).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/cloudevents-batch\+json/);
    const batch = JSON.parse(res.text) as Batch;
    const stored = await t.z.store.readAll();
    const domain = stored.filter((e) => e.streamName.startsWith('project-'));
    expect(batch.map((e) => e.id)).toEqual(domain.map((e) => e.metadata.eventId));
    const first = batch[0]!;
    const original = domain[0]!;
    expect(first).toEqual(
      expect.objectContaining({
        specversion: '1.0',
        source: 'urn:zhaoshang:test',
        type: 'cn.zhaoshang.project.LeadCaptured',
        subject: 'project-XM-F-1',
        datacontenttype: 'application/json',
        time: new Date(original.metadata.recordedAt).toISOString(),
        businesstime: original.metadata.businessTime,
        revision: 0,
        position: original.globalPosition.toString(),
        hash: original.metadata.hash,
        schemaversion: original.metadata.schemaVersion,
      }),
    );
    expect((first.data as { unitId: string }).unitId).toBe('jingkaiqu');
    // The SDK validates every attribute (names lower-case alphanumeric, types, required ones).
    expect(new CloudEvent(first).validate()).toBe(true);
  });

  it('pages with Link rel="next" until a page at the head, each event once, in global order', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i += 1) {
      const res = await request(t.http)
        .get('/feed')
        .query({ limit: '1', ...(after !== undefined ? { after } : {}) })
        .set(auditor)
        .expect(200);
      const batch = JSON.parse(res.text) as Batch;
      after = nextAfter(res.headers.link);
      if (batch.length === 0) {
        expect(res.headers['cache-control']).toBe('private, no-cache');
        break;
      }
      expect(res.headers['cache-control']).toMatch(/immutable/);
      seen.push(...batch.map((e) => String(e.id)));
    }
    const all = (await t.z.store.readAll()).filter((e) => e.streamName.startsWith('project-'));
    expect(seen).toEqual(all.map((e) => e.metadata.eventId));
  });

  it('an up-to-date poller gets 304 Not Modified for its ETag, and the new event once one is appended', async () => {
    const head = await request(t.http).get('/feed').set(auditor).expect(200);
    const after = nextAfter(head.headers.link)!;
    const poll = () => request(t.http).get('/feed').query({ after }).set(auditor);
    const empty = await poll().expect(200);
    expect(empty.text).toBe('[]');
    const etag = empty.headers.etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const notModified = await poll().set('If-None-Match', etag).expect(304);
    expect(notModified.text).toBe('');
    await captureLead(t.http, 'XM-F-5');
    const changed = await poll().set('If-None-Match', etag).expect(200);
    expect((JSON.parse(changed.text) as Batch).map((e) => e.subject)).toEqual(['project-XM-F-5']);
  });

  it('filters by event type (domain or CloudEvents name), stream category and unit', async () => {
    const types = async (query: Record<string, string>) =>
      (
        JSON.parse((await request(t.http).get('/feed').query(query).set(auditor).expect(200)).text) as Batch
      ).map((e) => `${String(e.type)} ${String(e.subject)}`);
    const byUnit = await types({ unitId: 'gaoxinqu' });
    expect(byUnit).toEqual(['cn.zhaoshang.project.LeadCaptured project-XM-F-4']);
    expect(await types({ type: 'cn.zhaoshang.project.LeadCaptured', unitId: 'gaoxinqu' })).toEqual(byUnit);
    expect(await types({ type: 'AgreementSigned' })).toEqual([]);
    expect(await types({ category: 'bulletin' })).toEqual([]);
    expect((await types({ category: 'project,bulletin' })).length).toBeGreaterThanOrEqual(5);
  });

  it('is role-scoped: an investment officer sees its own unit’s projects only, another unit is 403', async () => {
    const officer = await authFor('investment-officer', 'gaoxinqu');
    const res = await request(t.http).get('/feed').set(officer).expect(200);
    expect((JSON.parse(res.text) as Batch).map((e) => e.subject)).toEqual(['project-XM-F-4']);
    const other = await request(t.http).get('/feed').query({ unitId: 'jingkaiqu' }).set(officer).expect(403);
    expect(other.body.code).toBe('OUTSIDE_UNIT');
    // The answer depends on who asks: a shared cache keys it by the credentials.
    expect(res.headers.vary).toMatch(/Authorization/);
  });

  it('refuses what it cannot read: no credentials, an unknown type, a bad checkpoint or limit', async () => {
    await request(t.http).get('/feed').expect(401);
    for (const query of [
      { type: 'NoSuchEvent' },
      { category: 'nope' },
      { after: '-1' },
      { limit: '1001' },
      { limit: '0' },
    ])
      await request(t.http).get('/feed').query(query).set(auditor).expect(400);
  });
});

describe('issue #17 item 1 · the feed on a store with sparse positions beyond 2^53', () => {
  it('pages through every event by the checkpoints it gives, never computing one', async () => {
    const { dir, remove } = storeDir();
    const { z, http } = await appOnStore(dir);
    try {
      for (const id of ['XM-S-1', 'XM-S-2', 'XM-S-3']) await captureLead(http, id);
      const auditor = await authFor('auditor');
      const positions: string[] = [];
      let after: string | undefined;
      for (let i = 0; i < 6; i += 1) {
        const res = await request(http)
          .get('/feed')
          .query({ limit: '2', ...(after !== undefined ? { after } : {}) })
          .set(auditor)
          .expect(200);
        const batch = JSON.parse(res.text) as Batch;
        if (batch.length === 0) break;
        positions.push(...batch.map((e) => String(e.position)));
        after = nextAfter(res.headers.link);
      }
      const stored = await z.store.readAll();
      expect(positions).toEqual(stored.map((e) => e.globalPosition.toString()));
      expect(BigInt(positions[0]!)).toBeGreaterThan(2n ** 53n);
    } finally {
      await z.app.close();
      remove();
    }
  }, 60_000);
});
