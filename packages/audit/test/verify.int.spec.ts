import { temporarySqliteStore } from '@zhaoshang/eventstore/testing';
import { verifyStore } from '../src';
import { appendFixtureProject, positionAt, projectId } from './audit-fixture';

describe('verifyStore (哈希链校验)', () => {
  it('reports how many events were checked when the chain is intact', async () => {
    const t = await temporarySqliteStore();
    try {
      const count = await appendFixtureProject(t.store);
      expect(await verifyStore(t.store)).toEqual({ ok: true, scope: '$all', checked: count });
      expect(await verifyStore(t.store, { stream: `project-${projectId}` })).toEqual({
        ok: true,
        scope: `project-${projectId}`,
        checked: count,
      });
    } finally {
      await t.dispose();
    }
  });

  it('passes progress and abort through to the store for the whole store', async () => {
    const t = await temporarySqliteStore();
    try {
      const count = await appendFixtureProject(t.store);
      const seen: number[] = [];
      expect(await verifyStore(t.store, { onProgress: (p) => seen.push(p.checked) })).toMatchObject({
        ok: true,
        checked: count,
      });
      expect(seen).toEqual([count]);
      await expect(verifyStore(t.store, { signal: AbortSignal.abort() })).rejects.toMatchObject({
        name: 'AbortError',
      });
    } finally {
      await t.dispose();
    }
  });

  it('reports the first broken link after a stored byte is changed', async () => {
    const t = await temporarySqliteStore();
    try {
      await appendFixtureProject(t.store);
      const fifth = await positionAt(t.store, 4);
      if (t.tamper === undefined) throw new Error('the SQLite harness can tamper');
      const store = await t.tamper('2024-03-05T02'); // business time of revision 4
      const report = await verifyStore(store);
      expect(report).toEqual({
        ok: false,
        scope: '$all',
        checked: 4,
        firstBroken: {
          streamName: `project-${projectId}`,
          revision: 4,
          position: String(fifth),
          reason: 'hash-mismatch',
        },
      });
    } finally {
      await t.dispose();
    }
  });
});
