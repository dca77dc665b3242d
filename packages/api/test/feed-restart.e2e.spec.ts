import {
  appOnStore,
  captureLead,
  listen,
  nextAfter,
  openStream,
  storeDir,
  streamedEvents,
  type SseClient,
} from './feed-support';
import { authFor, request } from './support';

/** The event ids a stream delivered (from the CloudEvents), and the last checkpoint (`id:`). */
const delivered = (client: SseClient) => {
  const events = streamedEvents(client.messages);
  return {
    ids: events.map((m) => (JSON.parse(m.data) as { id: string }).id),
    last: events.at(-1)?.id,
  };
};

describe('issue #17 done-when · a system catches up from zero, then follows live, across a server restart: no gap, no duplicate', () => {
  it('reads /feed to the end, follows the SSE stream, loses the server mid-stream, resumes with Last-Event-ID on the restarted server', async () => {
    const dir = storeDir();
    // The system: an API key of the statistics bureau's platform (region-wide).
    const system = await authFor('system');
    const received: string[] = [];
    const first = await appOnStore(dir.dir, { heartbeatMs: 500 });
    let second: Awaited<ReturnType<typeof appOnStore>> | undefined;
    try {
      for (const [id, unit] of [
        ['XM-R-1', 'jingkaiqu'],
        ['XM-R-2', 'gaoxinqu'],
        ['XM-R-3', 'fenghuang-town'],
      ] as const)
        await captureLead(first.http, id, unit);

      // 1. Catch up from zero by pages.
      let after: string | undefined;
      for (let page = 0; page < 20; page += 1) {
        const res = await request(first.http)
          .get('/feed')
          .query({ limit: '2', ...(after !== undefined ? { after } : {}) })
          .set(system)
          .expect(200);
        const batch = JSON.parse(res.text) as ReadonlyArray<{ id: string }>;
        after = nextAfter(res.headers.link);
        if (batch.length === 0) break;
        received.push(...batch.map((e) => e.id));
      }
      expect(received).toHaveLength(3);

      // 2. Follow live from the pages' checkpoint; append through commands.
      const port = await listen(first.z);
      const live = openStream(port, { ...system, 'last-event-id': after! });
      expect(await live.status).toBe(200);
      await live.waitFor((m) => m.kind === 'retry');
      await captureLead(first.http, 'XM-R-4');
      await captureLead(first.http, 'XM-R-5', 'gaoxinqu');
      await live.waitFor(() => delivered(live).ids.length === 2, 20_000);

      // 3. The server stops mid-stream.
      await first.z.app.close();
      await live.ended;
      received.push(...delivered(live).ids);
      const lastEventId = delivered(live).last!;

      // 4. It starts again on the same store; more is appended before the client comes back…
      second = await appOnStore(dir.dir, { heartbeatMs: 500 });
      await captureLead(second.http, 'XM-R-6');
      const port2 = await listen(second.z);
      // …and the client resumes with the last id it got, then more is appended while it follows.
      const resumed = openStream(port2, { ...system, 'last-event-id': lastEventId });
      await resumed.waitFor(() => delivered(resumed).ids.length === 1, 20_000);
      await captureLead(second.http, 'XM-R-7', 'fenghuang-town');
      await captureLead(second.http, 'XM-R-8');
      await resumed.waitFor(() => delivered(resumed).ids.length === 3, 20_000);
      // A heartbeat later, nothing more came.
      await resumed.waitFor((m) => m.kind === 'comment' && m === resumed.messages.at(-1), 20_000);
      received.push(...delivered(resumed).ids);
      resumed.close();

      const stored = (await second.z.store.readAll()).filter((e) => e.streamName.startsWith('project-'));
      expect(stored).toHaveLength(8);
      expect(received).toEqual(stored.map((e) => e.metadata.eventId));
      expect(new Set(received).size).toBe(received.length);
    } finally {
      await second?.z.app.close();
      if (second === undefined) await first.z.app.close().catch(() => undefined);
      dir.remove();
    }
  }, 120_000);
});
