import { DEV_API_KEYS, DEV_DASHBOARD_KEY, parseApiKeys } from '../src/config';
import { parseUnits } from '../src/units';
import { defaultScoringPolicy } from '@zhaoshang/projections';
import { request, startTestApp } from './support';

describe('the dashboard routes', () => {
  it('serve the page, its scripts and ECharts without credentials, and nothing else under /dashboard', async () => {
    const t = await startTestApp();
    try {
      const page = await request(t.http).get('/dashboard');
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.text).toContain('<script src="/dashboard/echarts.min.js"></script>');
      // The 大屏 (issue #18 item 4): the same route with ?view=screen, and its own files.
      const screen = await request(t.http).get('/dashboard?view=screen');
      expect(screen.status).toBe(200);
      expect(screen.headers['content-security-policy']).toContain("script-src 'self'");
      expect(screen.text).toContain('<script type="module" src="/dashboard/screen.js"></script>');
      expect(page.text).not.toContain('screen.js');
      expect((await request(t.http).get('/dashboard/screen.css')).headers['content-type']).toMatch(
        /^text\/css/,
      );
      for (const file of [
        'dashboard.js',
        'charts.js',
        'data.js',
        'format.js',
        'i18n.js',
        'page.js',
        'screen.js',
        'screen-charts.js',
      ]) {
        const res = await request(t.http).get(`/dashboard/${file}`);
        expect([file, res.status, res.headers['content-type']]).toEqual([
          file,
          200,
          'text/javascript; charset=utf-8',
        ]);
      }
      const css = await request(t.http).get('/dashboard/dashboard.css');
      expect(css.headers['content-type']).toMatch(/^text\/css/);
      const echarts = await request(t.http).get('/dashboard/echarts.min.js');
      expect(echarts.status).toBe(200);
      expect(echarts.text.length).toBeGreaterThan(500_000);
      for (const bad of [
        '/dashboard/tsconfig.json',
        '/dashboard/..%2F..%2Fconfig.ts',
        '/dashboard/index.html.bak',
      ])
        expect([bad, (await request(t.http).get(bad)).status]).toEqual([bad, 404]);
    } finally {
      await t.close();
    }
  }, 30_000);

  it('names the deployment’s own units (UNITS) and the scoring policy by its name, never by an id (issue #18)', async () => {
    const t = await startTestApp({ units: parseUnits('qingshan-park:青山工业园区管委会:park') });
    try {
      const res = await request(t.http).get('/dashboard/config.json');
      expect(res.body.units['qingshan-park']).toEqual({ zh: '青山工业园区管委会', en: '青山工业园区管委会' });
      expect(res.body.units).not.toHaveProperty('jingkaiqu'); // not the demo region's
      expect(res.body.policies[defaultScoringPolicy.name]).toEqual({
        zh: '区招商引资考核默认办法',
        en: 'default scoring policy',
      });
    } finally {
      await t.close();
    }
  }, 30_000);

  it('pre-fills the read-only demo key only on the built-in development keys', async () => {
    const configured = await startTestApp();
    try {
      const res = await request(configured.http).get('/dashboard/config.json');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        today: '2024-06-01',
        units: { jingkaiqu: { zh: '经开区投资促进局' } },
      });
      expect(res.body.events.AgreementSigned).toEqual({
        zh: '签订投资协议',
        en: 'The investment agreement was signed',
      });
      expect(res.body).not.toHaveProperty('demoKey');
      expect(JSON.stringify(res.body)).not.toContain('test-system-key');
      // Whether the request carried the workbench's session cookie (the page cannot see an HttpOnly
      // cookie): then it asks GET /session and needs no key.
      expect(res.body.sessionCookie).toBe(false);
      const withCookie = await request(configured.http)
        .get('/dashboard/config.json')
        .set('cookie', 'lang=zh; zs_session=s3ssion-id-0123456789abcdefghijklmnopqrstuv');
      expect(withCookie.body.sessionCookie).toBe(true);
    } finally {
      await configured.close();
    }
    const dev = await startTestApp({ apiKeys: parseApiKeys(DEV_API_KEYS) });
    try {
      const res = await request(dev.http).get('/dashboard/config.json');
      expect(res.body.demoKey).toBe(DEV_DASHBOARD_KEY);
      // The key reads (auditor) and may issue no command.
      const read = await request(dev.http).get('/supervision').set('x-api-key', DEV_DASHBOARD_KEY);
      expect(read.status).toBe(200);
      const write = await request(dev.http)
        .put('/targets/jingkaiqu/2025')
        .set('x-api-key', DEV_DASHBOARD_KEY)
        .send({ scope: 'unit', targets: [] });
      expect(write.status).toBe(403);
      expect(write.body.code).toBe('ROLE_NOT_ALLOWED');
    } finally {
      await dev.close();
    }
  }, 30_000);
});
