import { openSqliteEventStore } from '@zhaoshang/eventstore';
import { doubledEsdbStore } from '@zhaoshang/eventstore/testing';
import { date } from '@zhaoshang/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  allProjections,
  openSqliteReadModelStore,
  ProjectionRunner,
  registerQueries,
  targetProgressQueries,
  type ReadModelStore,
} from '../src';
import { appendScenario, GOLDEN, goldenStreams } from '../src/testing';

/**
 * Issue #12 item 4: the runner on the EventStoreDB adapter, over the in-process client double
 * (positions are log byte offsets beyond 2^53, $all holds system events, pages are small). The read
 * models it builds must be those the embedded store gives; its checkpoint is the server's position
 * of the last event; it goes on live after catching up.
 */
describe('the projection runner on EventStoreDB (the adapter on the client double)', () => {
  let dir: string;
  const stores: ReadModelStore[] = [];
  const readModels = (name: string): ReadModelStore => {
    const s = openSqliteReadModelStore({ file: join(dir, `${name}.sqlite`) });
    stores.push(s);
    return s;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'projections-esdb-'));
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds the same golden read models as on the embedded store, checkpoints at server positions, then follows live', async () => {
    const embedded = openSqliteEventStore({ file: join(dir, 'events.sqlite'), durability: 'normal' });
    const server = doubledEsdbStore({
      client: { firstPosition: 2n ** 60n, systemEventEvery: 2 },
      adapter: { pageSize: 7 },
    });
    try {
      await appendScenario(embedded, goldenStreams());
      await appendScenario(server.store, goldenStreams());
      const onEmbedded = readModels('embedded');
      const onServer = readModels('server');
      const a = new ProjectionRunner({
        eventStore: embedded,
        store: onEmbedded,
        projections: allProjections,
        batchSize: 50,
      });
      const b = new ProjectionRunner({
        eventStore: server.store,
        store: onServer,
        projections: allProjections,
        batchSize: 13,
      });
      await a.start();
      await a.stop();
      await b.start();

      const [head] = await server.store.readAll({ direction: 'backwards', maxCount: 1 });
      expect(head?.globalPosition).toBeGreaterThan(2n ** 60n);
      const status = await b.status();
      expect(status.every((s) => s.state === 'running' && s.lagEvents === 0)).toBe(true);
      expect(status.map((s) => s.checkpoint)).toContain(head?.globalPosition);

      const asOf = date('2024-12-31');
      expect(await targetProgressQueries(onServer).unit(GOLDEN.zone, GOLDEN.year, asOf)).toEqual(
        await targetProgressQueries(onEmbedded).unit(GOLDEN.zone, GOLDEN.year, asOf),
      );
      const list = (store: ReadModelStore) =>
        registerQueries(store).list({ asOf, filter: { includeDropped: true } });
      expect(await list(onServer)).toEqual(await list(onEmbedded));

      // Live: an event appended now reaches the runner through the subscription after its checkpoint.
      const noted = await server.store.append('noise-1', [{ type: 'Noted', data: {} }], {
        expectedRevision: 'no-stream',
        context: {
          commandId: 'noise-1',
          actor: { userId: 'u', role: 'r', unitId: 'x' },
          businessTime: '2024-12-31T00:00:00Z',
        },
      });
      await b.waitFor(noted.position);
      expect((await b.status()).every((s) => s.lagEvents === 0 && s.checkpoint === noted.position)).toBe(
        true,
      );
      await b.stop();
    } finally {
      await embedded.close();
      await server.dispose();
    }
  }, 60_000);
});
