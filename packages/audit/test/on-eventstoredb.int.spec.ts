import { rmSync } from 'node:fs';
import { projectFixtures } from '@zhaoshang/domain/testing';
import { doubledEsdbStore, makeTempDir } from '@zhaoshang/eventstore/testing';
import { appendScenario, goldenStreams } from '@zhaoshang/projections/testing';
import {
  computeBulletinFigures,
  exportBundle,
  projectHistory,
  stateAsOf,
  verifyBulletin,
  verifyBundle,
  verifyStore,
} from '../src';
import { appendFixtureProject, positionAt, projectId } from './audit-fixture';
import { head, issue, laterFacts, period, publish } from './bulletin-fixture';

/**
 * The audit's uses of positions on the EventStoreDB adapter (issue #12 item 4), run against the
 * in-process client double: positions are log byte offsets beyond 2^53, $all holds system events,
 * and pages are small, so paging by "last + 1" or stopping at a short page would show here.
 */
const onServer = () =>
  doubledEsdbStore({
    client: { firstPosition: 2n ** 53n + 99n, systemEventEvery: 2 },
    adapter: { pageSize: 5 },
  });

describe('audit on EventStoreDB (the adapter on the client double)', () => {
  it('verifies the whole store and one project; history, as-of a position and bundles use the server positions', async () => {
    const sut = onServer();
    const dir = makeTempDir('audit-esdb');
    try {
      const count = await appendFixtureProject(sut.store);
      expect(await verifyStore(sut.store)).toEqual({ ok: true, scope: '$all', checked: count });
      const history = await projectHistory(sut.store, projectId);
      expect(history[0]?.position).toBe(String(await positionAt(sut.store, 0)));
      expect(BigInt(history[0]?.position ?? '0')).toBeGreaterThan(2n ** 53n);

      const third = await positionAt(sut.store, 2);
      expect(await stateAsOf(sut.store, projectId, { position: third })).toEqual(
        projectFixtures.stateOf(projectFixtures.historyUntil('signed').slice(0, 3)),
      );

      const manifest = await exportBundle(sut.store, {}, dir);
      expect(manifest).toMatchObject({
        count,
        fromPosition: String(await positionAt(sut.store, 0)),
        toPosition: String(await positionAt(sut.store, count - 1)),
      });
      expect(verifyBundle(dir)).toEqual({ ok: true, checked: count });
      const cut = await exportBundle(sut.store, { toPosition: third }, makeTempDir('audit-esdb-cut'));
      expect(cut).toMatchObject({ count: 3, toPosition: String(third) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await sut.dispose();
    }
  });

  it('a bulletin published at a server position re-derives from the events up to it, later facts left out', async () => {
    const sut = onServer();
    try {
      await appendScenario(sut.store, goldenStreams());
      const m = period('2024-Q2');
      const figures = await computeBulletinFigures(sut.store, m, { upTo: await head(sut.store) });
      await issue(sut.store, publish(figures), 'publish');
      await laterFacts(sut.store);
      const v = await verifyBulletin(sut.store, m);
      expect(v).toMatchObject({ ok: true, differences: [], digest: { recomputed: figures.digest } });
    } finally {
      await sut.dispose();
    }
  });
});
