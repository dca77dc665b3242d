/**
 * The API serves the workbench at /workbench/ (issue #18 item 1): the built app with its caching
 * headers and SPA fallback. (`npm test` builds first; without a build the app's case says it is
 * skipped, and the bilingual "not built" page is checked by workbench-files.unit.spec.ts.)
 */
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { WORKBENCH_DIST } from '../src/workbench/workbench-files';
import { request, startTestApp } from './support';

const built = existsSync(path.join(WORKBENCH_DIST, 'index.html'));

describe('the workbench’s pages', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t?.close());

  it('moves /workbench to /workbench/ (the app’s URLs are relative to it)', async () => {
    const res = await request(t.http).get('/workbench');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/workbench/');
  });

  if (!built) console.warn('SKIPPED: the workbench’s pages need its build: run `npm run build` first.');
  (built ? it : it.skip)(
    'answers the app for its own paths, its hashed assets cached for a year',
    async () => {
      for (const p of ['/workbench/', '/workbench/projects/XM-2024-001', '/workbench/new']) {
        const page = await request(t.http).get(p);
        expect([p, page.status]).toEqual([p, 200]);
        expect(page.headers['content-type']).toMatch(/text\/html/);
        expect(page.headers['cache-control']).toBe('no-cache');
        expect(page.headers['content-security-policy']).toContain("script-src 'self'");
        expect(page.text).toContain('/workbench/assets/');
      }
      const asset = readdirSync(path.join(WORKBENCH_DIST, 'assets')).find((f) => f.endsWith('.js'));
      const res = await request(t.http).get(`/workbench/assets/${asset}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await request(t.http).get('/workbench/assets/missing-0000.js')).status).toBe(404);
    },
  );
});
