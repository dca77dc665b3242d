import { DEMO_TODAY } from '../src/demo/seed';
import { authFor, request, startTestApp } from './support';

describe('smoke', () => {
  it('starts, seeds the demo region and answers the register', async () => {
    const t = await startTestApp({ seedDemo: true }, DEMO_TODAY);
    try {
      expect(t.z.seeded?.projects).toBe(36);
      // DOMAIN.md §5: no fact is dated after the day it is recorded — not even in the demo.
      const events = await t.z.store.readAll();
      const latest = events
        .map((e) => e.metadata.businessTime.slice(0, 10))
        .reduce((a, b) => (a > b ? a : b));
      expect(latest <= DEMO_TODAY).toBe(true);
      const res = await request(t.http)
        .get('/projects')
        .set(await authFor('auditor'));
      expect(res.status).toBe(200);
      expect(res.body.data.total).toBe(t.z.seeded?.projects);
      expect(res.body.data.items.length).toBe(t.z.seeded?.projects);
      // Rows are the projections' register documents with their lights as of today.
      expect(res.body.data.items[0]).toMatchObject({ asOf: DEMO_TODAY, light: expect.any(String) });
      const page = await request(t.http)
        .get('/projects?limit=5&offset=2')
        .set(await authFor('auditor'));
      expect(page.status).toBe(200);
      expect(page.body.data).toMatchObject({ offset: 2, limit: 5, total: res.body.data.total });
      expect(page.body.data.items.map((e: { projectId: string }) => e.projectId)).toEqual(
        res.body.data.items.slice(2, 7).map((e: { projectId: string }) => e.projectId),
      );
      const bad = await request(t.http)
        .get('/projects?limit=many')
        .set(await authFor('auditor'));
      expect(bad.status).toBe(400);
      const badStage = await request(t.http)
        .get('/projects?stage=finished')
        .set(await authFor('auditor'));
      expect(badStage.status).toBe(400);
      expect(badStage.body.errors[0]).toMatchObject({ path: 'stage' });
      // The demo publishes its September bulletin, and the figures follow from the history.
      const bulletin = await request(t.http)
        .get('/bulletins/2024-09')
        .set(await authFor('auditor'));
      expect(bulletin.status).toBe(200);
      const verification = await request(t.http)
        .get('/bulletins/2024-09/verification')
        .set(await authFor('auditor'));
      expect(verification.body.data).toMatchObject({ ok: true, differences: [] });
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe('the demo region on a server pinned before the demo’s today', () => {
  it('is seeded as it stood on the server’s today: no event after it, no bulletin not yet published (DOMAIN.md §5)', async () => {
    const t = await startTestApp({ seedDemo: true }, '2024-06-01');
    try {
      expect(t.z.seeded?.projects).toBe(36);
      const events = await t.z.store.readAll();
      const days = events.map((e) => e.metadata.businessTime.slice(0, 10));
      expect(days.filter((d) => d > '2024-06-01')).toEqual([]);
      expect(events.filter((e) => e.type === 'BulletinPublished')).toEqual([]);
    } finally {
      await t.close();
    }
  }, 60_000);
});
