/**
 * The 大屏 (`/dashboard?view=screen`, issue #18 item 4) in chromium on the demo region: at
 * 1920×1080 it never scrolls, its headline figures are the API's (亿元 from 分), the unit filter and
 * the drill-down list a unit's projects by name, and the ranking follows the 统计截止 date.
 * Screenshots go to .artifacts/ (ignored by git).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type {
  PerformanceReview,
  RegisterEntry,
  TargetTrendView,
  Page as ResultPage,
} from '@zhaoshang/projections';
import type { Browser, Page } from 'playwright-core';
import { DEV_DASHBOARD_KEY } from '../src/config';
import { ARTIFACTS, TODAY, haveChromium, layoutOf, startDemoInBrowser } from './browser-support';

const withChromium = haveChromium('the 大屏 browser test');
const YI = 10_000_000_000;
/** A session id as the auth module issues them (43 characters of base64url). */
const SESSION_ID = 's3ssion-id-0123456789abcdefghijklmnopqrstuv';

interface Series {
  readonly id?: string;
  readonly data?: ReadonlyArray<unknown>;
}
/** What the 大屏 exposes on `window.bigscreen`. */
interface ScreenWindow {
  readonly bigscreen?: {
    readonly state: string;
    readonly renders: number;
    readonly unitId?: string;
    readonly refreshMinutes: number;
    readonly charts: Record<
      'trend' | 'ranking' | 'supervision',
      {
        getOption(): {
          series?: ReadonlyArray<Series>;
          title?: ReadonlyArray<{ readonly text?: string; readonly subtext?: string }>;
        };
      }
    >;
  };
}

const readyAfter = (page: Page, renders: number) =>
  page.waitForFunction(
    (n) => {
      const s = (globalThis as unknown as ScreenWindow).bigscreen;
      return s !== undefined && s.state === 'ready' && s.renders > n;
    },
    renders,
    { timeout: 20_000 },
  );
const rendersOf = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as ScreenWindow).bigscreen?.renders ?? 0);
const seriesOf = (page: Page, chart: 'trend' | 'ranking' | 'supervision') =>
  page.evaluate(
    (name) =>
      ((globalThis as unknown as ScreenWindow).bigscreen?.charts[name].getOption().series ?? []).map((s) => ({
        id: s.id,
        data: s.data,
      })),
    chart,
  );
const valueOf = (d: unknown): unknown =>
  typeof d === 'object' && d !== null && 'value' in d ? (d as { value: unknown }).value : d;
/** 分 as 亿元 with two decimals, as the page prints it. */
const yi = (fen: number) => (fen / YI).toFixed(2);

(withChromium ? describe : describe.skip)('the 大屏 in chromium', () => {
  let demo: Awaited<ReturnType<typeof startDemoInBrowser>>;
  let browser: Browser;
  let base: string;
  let register: ReadonlyArray<RegisterEntry>;

  beforeAll(async () => {
    demo = await startDemoInBrowser();
    ({ browser, base } = demo);
    register = (await demo.get<ResultPage<RegisterEntry>>(`/projects?asOf=${TODAY}&limit=500`)).items;
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(() => demo?.close());

  const open = async (query: string, problems: string[] = []) => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.goto(`${base}/dashboard?view=screen${query}`);
    await readyAfter(page, 0);
    return { context, page };
  };

  it('fills 1920 × 1080 without scrolling, with the headline figures in 亿元 the API gives', async () => {
    const problems: string[] = [];
    const { context, page } = await open('', problems);
    const size = await layoutOf(page, '.panel, .card');
    expect(size.scrollHeight).toBeLessThanOrEqual(size.innerHeight);
    expect(size.scrollWidth).toBeLessThanOrEqual(size.innerWidth);
    expect(size.boxes.length).toBeGreaterThan(6);
    // Nothing is cut off at the edges: every panel and card lies inside the viewport.
    for (const p of size.boxes) {
      expect(p.right).toBeLessThanOrEqual(size.innerWidth);
      expect(p.bottom).toBeLessThanOrEqual(size.innerHeight);
    }

    const trend = await demo.get<TargetTrendView>(`/targets/2024/trend?asOf=${TODAY}`);
    const figure = (metric: string, minInvestment?: number) =>
      trend.headline.find((h) => h.metric === metric && h.minInvestment === minInvestment)!.actual;
    const shown = async (id: string) => page.textContent(`[data-figure="${id}"]`);
    expect(await shown('signedAgreementFunds')).toBe(yi(figure('signedAgreementFunds')));
    expect(await shown('fixedAssetInvestment')).toBe(yi(figure('fixedAssetInvestment')));
    expect(await shown('signedProjects')).toBe(String(figure('signedProjects')));
    expect(await shown('startedProjects')).toBe(String(figure('startedProjects')));
    expect(figure('signedAgreementFunds')).toBeGreaterThan(YI);
    expect(await page.textContent('[data-card="signedAgreementFunds"]')).toContain('亿元');
    expect(await page.textContent('[data-card="signedProjects"]')).toContain(
      `其中1 亿元以上 ${figure('signedProjects', YI)} 个`,
    );
    // 完成年度目标: the region's plan, each metric in the projection's own light.
    for (const m of trend.plan!.metrics.filter((x) => x.kind !== 'rate')) {
      const key = m.minInvestment === undefined ? m.metric : `${m.metric}@${m.minInvestment}`;
      const row = page.locator(`[data-card="completion"] li[data-metric="${key}"]`);
      expect([key, await row.getAttribute('data-light'), await row.locator('b').textContent()]).toEqual([
        key,
        m.light,
        `${m.percent}%`,
      ]);
    }
    // The trend: a point per month up to 统计截止, against 序时进度 at each month's end.
    const trendSeries = await seriesOf(page, 'trend');
    expect(trendSeries.find((s) => s.id === 'expected')?.data).toEqual(
      trend.months.map((m) => Math.round(m.elapsedFraction * 10_000) / 100),
    );
    expect(trendSeries.filter((s) => s.id?.startsWith('trend:')).length).toBeGreaterThan(0);
    // The traffic-light table: every cell coloured by the projection's light of that metric.
    const progress = await demo.get<ReadonlyArray<{ unitId: string; scope: string; light: string }>>(
      `/targets/2024/progress?asOf=${TODAY}`,
    );
    expect(await page.locator('#lights tbody tr').count()).toBe(progress.length);
    expect(await page.locator('#lights tbody tr').first().getAttribute('data-light')).toBe(
      progress[0]!.light,
    );
    // The status line names the 统计截止 date and the refresh (every 5 minutes by default).
    expect(await page.textContent('#status')).toContain(`统计截止 ${TODAY}`);
    expect(await page.textContent('#status')).toContain('每 5 分钟自动刷新');
    expect(await page.evaluate<string>('typeof document.documentElement.requestFullscreen')).toBe('function');

    const shot = path.join(ARTIFACTS, 'screen.1920x1080.png');
    await page.screenshot({ path: shot });
    console.log(`大屏 screenshot: ${shot}`);

    // In English too the screen fits without scrolling, the same figures relabelled.
    const beforeEnglish = await rendersOf(page);
    await page.click('#language');
    await readyAfter(page, beforeEnglish);
    const english = await layoutOf(page, '.panel, .card');
    expect(english.scrollHeight).toBeLessThanOrEqual(english.innerHeight);
    expect(english.scrollWidth).toBeLessThanOrEqual(english.innerWidth);
    expect(await shown('signedAgreementFunds')).toBe(yi(figure('signedAgreementFunds')));
    expect(await page.textContent('#status')).toContain(`As of ${TODAY}`);
    const enShot = path.join(ARTIFACTS, 'screen.1920x1080.en.png');
    await page.screenshot({ path: enShot });
    console.log(`大屏 screenshot (English): ${enShot}`);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("filters by unit and drills down to a unit's projects by name, each a link to its page", async () => {
    const { context, page } = await open('');
    // A click on a unit's row of the traffic-light table opens the unit.
    const before = await rendersOf(page);
    await page.click('#lights tbody tr[data-unit-id="gaoxinqu"]');
    await readyAfter(page, before);
    expect(new URL(page.url()).searchParams.get('unit')).toBe('gaoxinqu');
    const listed = async () =>
      page.$$eval('#projects li[data-project-id]', (lis) =>
        lis.map((li) => ({
          id: li.getAttribute('data-project-id'),
          name: li.querySelector('a')?.textContent,
        })),
      );
    const ofUnit = (unitId: string) =>
      register
        .filter((e) => e.unitId === unitId && e.capturedOn <= TODAY)
        .map((e) => ({ id: e.projectId, name: e.name }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    const sorted = <T extends { id: string | null }>(xs: T[]) =>
      [...xs].sort((a, b) => (a.id! < b.id! ? -1 : 1));
    expect(sorted(await listed())).toEqual(ofUnit('gaoxinqu'));
    expect(ofUnit('gaoxinqu').length).toBeGreaterThan(3);
    // The unit's own figures on the face.
    const unitTrend = await demo.get<TargetTrendView>(`/targets/2024/trend?asOf=${TODAY}&unitId=gaoxinqu`);
    const funds = unitTrend.headline.find((h) => h.metric === 'signedAgreementFunds')!.actual;
    expect(await page.textContent('[data-figure="signedAgreementFunds"]')).toBe(yi(funds));

    // The unit filter: another unit, its projects.
    const beforeFilter = await rendersOf(page);
    await page.selectOption('#unit', 'jingkaiqu');
    await readyAfter(page, beforeFilter);
    expect(sorted(await listed())).toEqual(ofUnit('jingkaiqu'));
    const first = page.locator('#projects li[data-project-id] a').first();
    const id = await page.locator('#projects li[data-project-id]').first().getAttribute('data-project-id');
    expect(await first.getAttribute('href')).toBe(`/dashboard?project=${id}&asOf=${TODAY}`);
    const shot = path.join(ARTIFACTS, 'screen.drill-down.png');
    await page.screenshot({ path: shot });
    console.log(`大屏 drill-down screenshot: ${shot}`);

    // A project → its page: the detailed dashboard opens on its timeline.
    await first.click();
    await page.waitForFunction(
      () => (globalThis as unknown as { dashboard?: { state: string } }).dashboard?.state === 'ready',
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.inputValue('#project')).toBe(id);
    await context.close();
  }, 60_000);

  it('ranks the units as of the 统计截止 date: moved before a signing, the ranking leaves it out', async () => {
    const { context, page } = await open('');
    const last = register
      .filter((e) => e.counted && e.signedOn !== undefined && e.signedOn.startsWith('2024-'))
      .sort((a, b) => (a.signedOn! < b.signedOn! ? 1 : -1))[0]!;
    const dayBefore = new Date(Date.parse(`${last.signedOn!}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const scores = (r: PerformanceReview) => [...r.units].sort((a, b) => a.rank - b.rank).map((u) => u.score);
    const today = await demo.get<PerformanceReview>(`/performance/2024?asOf=${TODAY}`);
    const earlier = await demo.get<PerformanceReview>(`/performance/2024?asOf=${dayBefore}`);
    const newSignings = (r: PerformanceReview) =>
      r.units.find((u) => u.unitId === last.unitId)!.counts.newSignings;
    expect(newSignings(earlier)).toBeLessThan(newSignings(today));
    expect((await seriesOf(page, 'ranking'))[0]?.data?.map(valueOf)).toEqual(scores(today));
    // The scoring policy by its name, never its id (issue #18: no ids on screen).
    const subtitle = await page.evaluate(() =>
      ((globalThis as unknown as ScreenWindow).bigscreen?.charts.ranking.getOption().title ?? [])
        .map((x) => x.subtext ?? '')
        .join(' '),
    );
    expect(subtitle).toContain('考核办法 区招商引资考核默认办法');
    expect(subtitle).not.toContain(today.policy);

    const before = await rendersOf(page);
    await page.fill('#as-of', dayBefore);
    await page.dispatchEvent('#as-of', 'change');
    await readyAfter(page, before);
    expect((await seriesOf(page, 'ranking'))[0]?.data?.map(valueOf)).toEqual(scores(earlier));
    expect(scores(earlier)).not.toEqual(scores(today));
    expect(await page.textContent('#status')).toContain(`统计截止 ${dayBefore}`);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(dayBefore);
    await context.close();
  }, 60_000);

  it('after a refused key empties every panel and shows the error and the key field (no stale data)', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    await context.addInitScript("localStorage.setItem('zhaoshang.dashboard.credential', 'not-a-key')");
    const page = await context.newPage();
    await page.goto(`${base}/dashboard?view=screen`);
    await page.waitForFunction(() => (globalThis as unknown as ScreenWindow).bigscreen?.state === 'error');
    expect(await page.textContent('#status')).toBe('请求失败（401）：未认证：unknown API key');
    for (const name of ['trend', 'ranking', 'supervision'] as const)
      expect([name, (await seriesOf(page, name)).length]).toEqual([name, 0]);
    expect(await page.locator('#headline > *').count()).toBe(0);
    expect(await page.locator('#projects [data-project-id]').count()).toBe(0);
    expect(await page.textContent('#projects')).toBe('数据未显示：请求失败（401）：未认证：unknown API key');
    expect(await page.locator('#lights tr').count()).toBe(0);
    expect(await page.isVisible('#credential')).toBe(true);
    const shot = path.join(ARTIFACTS, 'screen.error.png');
    await page.screenshot({ path: shot });
    console.log(`大屏 error-state screenshot: ${shot}`);
    await context.close();
  }, 30_000);

  it("rides on the workbench's session cookie: signed in, it sends no key and asks for none", async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    await context.addCookies([
      { name: 'zs_session', value: SESSION_ID, url: base, httpOnly: true, sameSite: 'Strict' },
    ]);
    // GET /session as the session contract answers it for a valid cookie (the auth module's route).
    await context.route('**/session', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          userId: 'wang-li',
          displayName: '王立',
          role: 'leading-group-office',
          unitId: 'region',
        }),
      }),
    );
    // The data routes: the page's own headers are recorded; the request then goes on with the
    // read-only key, standing in for the server's acceptance of the cookie.
    const sent: Array<Record<string, string>> = [];
    for (const pattern of ['**/projects?**', '**/targets/**', '**/performance/**', '**/supervision?**'])
      await context.route(pattern, async (route) => {
        const headers = route.request().headers();
        sent.push(headers);
        await route.continue({ headers: { ...headers, 'x-api-key': DEV_DASHBOARD_KEY } });
      });
    const page = await context.newPage();
    await page.goto(`${base}/dashboard?view=screen`);
    await readyAfter(page, 0);
    expect(sent.length).toBeGreaterThanOrEqual(5);
    for (const headers of sent) {
      expect(headers['x-api-key']).toBeUndefined();
      expect(headers.authorization).toBeUndefined();
      expect(headers.cookie).toContain(`zs_session=${SESSION_ID}`);
    }
    expect(await page.isVisible('#credential')).toBe(false);
    await context.close();
  }, 30_000);

  it('takes its refresh interval from the address (&refresh=, minutes; 0 = off)', async () => {
    const { context, page } = await open('&refresh=0');
    expect(await page.evaluate(() => (globalThis as unknown as ScreenWindow).bigscreen?.refreshMinutes)).toBe(
      0,
    );
    expect(await page.textContent('#status')).toContain('自动刷新已关闭');
    await context.close();
  }, 30_000);
});
