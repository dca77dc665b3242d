import { authFor, request, startTestApp } from './support';

describe('smoke', () => {
  it('starts, seeds the demo region and answers the register', async () => {
    const t = await startTestApp({ seedDemo: true });
    try {
      expect(t.z.seeded?.projects).toBeGreaterThan(25);
      const res = await request(t.http)
        .get('/projects')
        .set(await authFor('auditor'));
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(25);
      const page = await request(t.http)
        .get('/projects?limit=5&offset=2')
        .set(await authFor('auditor'));
      expect(page.status).toBe(200);
      expect(page.body.data.map((e: { projectId: string }) => e.projectId)).toEqual(
        res.body.data.slice(2, 7).map((e: { projectId: string }) => e.projectId),
      );
      const bad = await request(t.http)
        .get('/projects?limit=many')
        .set(await authFor('auditor'));
      expect(bad.status).toBe(400);
    } finally {
      await t.close();
    }
  }, 60_000);
});
