/**
 * The dashboard in a real browser: Debian's chromium (scripts/ensure-chromium.sh, or CHROMIUM_PATH)
 * driven by playwright-core loads /dashboard on the demo region, and every chart must show what the
 * API answers for the same query, in Chinese and after the switch to English, with nothing logged
 * as an error. A screenshot of each language goes to .artifacts/ (ignored by git).
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type {
  PerformanceReview,
  RegisterEntry,
  SupervisionEntry,
  TargetProgressView,
  Page as ResultPage,
} from '@zhaoshang/projections';
import { chromium, type Browser, type Page } from 'playwright-core';
import { vocabulary } from '@zhaoshang/domain';
import { DEV_API_KEYS, DEV_DASHBOARD_KEY, parseApiKeys } from '../src/config';
import { DeadlineWatcher } from '../src/watcher/deadline-watcher';
import { request, startTestApp } from './support';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Without the background-networking flags chromium's own connections are refused on a closed network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', '.artifacts');
const TODAY = '2024-10-31';
const YEAR = 2024;

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(
    `SKIPPED: the dashboard browser test needs chromium, and there is none at ${CHROMIUM}. ` +
      'Install it with scripts/ensure-chromium.sh (Debian: apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH.',
  );
}

type ChartName = 'progress' | 'funnel' | 'ranking' | 'supervision' | 'timeline' | 'land';
interface Series {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  readonly data?: ReadonlyArray<unknown>;
}
/** What the page exposes on `window.dashboard` (read in the browser through `globalThis`). */
interface DashboardWindow {
  readonly dashboard?: {
    readonly state: string;
    readonly renders: number;
    readonly lang: string;
    readonly charts: Record<
      ChartName,
      {
        getOption(): { series?: ReadonlyArray<Series> };
        dispatchAction(action: { type: string; seriesIndex?: number; dataIndex?: number }): void;
      }
    >;
  };
}

const seriesOf = (page: Page, chart: ChartName): Promise<ReadonlyArray<Series>> =>
  page.evaluate((name) => {
    const series =
      (globalThis as unknown as DashboardWindow).dashboard?.charts[name].getOption().series ?? [];
    return series.map((s) => ({ id: s.id, name: s.name, type: s.type, data: s.data }));
  }, chart);

/** Shows a chart's tooltip for one data item (as hovering would) and returns the chart's text once it holds `expected`. */
const tooltipOf = async (
  page: Page,
  chart: ChartName,
  dataIndex: number,
  expected: string,
): Promise<string> => {
  await page.evaluate(
    ([name, i]) =>
      (globalThis as unknown as DashboardWindow).dashboard?.charts[name].dispatchAction({
        type: 'showTip',
        seriesIndex: 0,
        dataIndex: i,
      }),
    [chart, dataIndex] as const,
  );
  const element = page.locator(`#chart-${chart}`, { hasText: expected });
  await element.waitFor({ timeout: 5_000 });
  const text = await element.innerText();
  await page.evaluate(
    (name) =>
      (globalThis as unknown as DashboardWindow).dashboard?.charts[name].dispatchAction({ type: 'hideTip' }),
    chart,
  );
  return text;
};

const rendersOf = (page: Page): Promise<number> =>
  page.evaluate(() => (globalThis as unknown as DashboardWindow).dashboard?.renders ?? 0);

const readyAfter = (page: Page, renders: number) =>
  page.waitForFunction(
    (n) => {
      const d = (globalThis as unknown as DashboardWindow).dashboard;
      return d !== undefined && d.state === 'ready' && d.renders > n;
    },
    renders,
    { timeout: 20_000 },
  );

/** A bar's value whether ECharts keeps it as a number or as `{ value, itemStyle }`. */
const valueOf = (d: unknown): unknown =>
  typeof d === 'object' && d !== null && 'value' in d ? (d as { value: unknown }).value : d;

const metricKey = (m: { metric: string; minInvestment?: number }) =>
  m.minInvestment === undefined ? m.metric : `${m.metric}@${m.minInvestment}`;

(haveChromium ? describe : describe.skip)('the dashboard in chromium', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let base: string;
  const get = async <T>(url: string): Promise<T> => {
    const res = await request(t.http).get(url).set('x-api-key', DEV_DASHBOARD_KEY);
    expect([url, res.status]).toEqual([url, 200]);
    return res.body.data as T;
  };

  beforeAll(async () => {
    // The demo region on the built-in development keys (so the page pre-fills the read-only key),
    // after one pass of the deadline watcher (as `npm start` runs it) so the supervision list has items.
    t = await startTestApp({ seedDemo: true, apiKeys: parseApiKeys(DEV_API_KEYS) }, TODAY);
    await t.z.app.get(DeadlineWatcher).runOnce();
    const [head] = await t.z.store.readAll({ direction: 'backwards', maxCount: 1 });
    expect(await t.z.readModels.waitFor(head!.globalPosition, 10_000)).toBe(true);
    await t.z.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.z.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('draws every chart from the API on demo data, switches to English and logs no error', async () => {
    // A fresh context is a fresh profile: no stored credential or language.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) =>
      problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`),
    );
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });

    await page.goto(`${base}/dashboard`);
    await readyAfter(page, 0);
    expect(problems).toEqual([]);
    expect(await page.inputValue('#credential')).toBe(DEV_DASHBOARD_KEY);
    expect(await page.textContent('h1')).toBe('招商引资挂图作战');
    expect(await page.inputValue('#year')).toBe(String(YEAR));
    expect(await page.inputValue('#as-of')).toBe(TODAY);
    for (const id of ['progress', 'funnel', 'ranking', 'supervision', 'timeline'])
      expect([id, await page.locator(`#chart-${id} canvas`).count()]).toEqual([id, 1]);

    // Target progress: a bar series per count / amount metric, the API's percent per plan, and 序时进度.
    const plans = await get<ReadonlyArray<TargetProgressView>>(`/targets/${YEAR}/progress?asOf=${TODAY}`);
    expect(plans.length).toBeGreaterThan(1);
    const progress = await seriesOf(page, 'progress');
    const metricKeys = [
      ...new Set(plans.flatMap((p) => p.metrics.filter((m) => m.kind !== 'rate').map(metricKey))),
    ];
    expect(
      progress
        .filter((s) => s.type === 'bar')
        .map((s) => s.id)
        .sort(),
    ).toEqual(metricKeys.map((k) => `metric:${k}`).sort());
    for (const key of metricKeys) {
      const bars = progress.find((s) => s.id === `metric:${key}`);
      expect([key, bars?.data]).toEqual([
        key,
        plans.map((p) => p.metrics.find((m) => metricKey(m) === key)?.percent ?? null),
      ]);
    }
    const expected = progress.find((s) => s.id === 'expected');
    expect(expected).toMatchObject({ type: 'line', name: '序时进度' });
    expect(expected?.data).toEqual(plans.map((p) => Math.round(p.elapsedFraction * 10_000) / 100));
    expect(expected?.data?.[0]).toBeCloseTo(83.33, 2); // 305 of 366 days of 2024

    // Funnel: the year's cohort of counted projects from the register, each step within the one before.
    const register = await get<ResultPage<RegisterEntry>>(`/projects?asOf=${TODAY}&limit=500`);
    expect(register.items.length).toBe(register.total);
    const reached = (on: string | undefined) => on !== undefined && on <= TODAY;
    const leads = register.items.filter(
      (e) => e.counted && e.capturedOn.startsWith(`${YEAR}-`) && e.capturedOn <= TODAY,
    );
    const signed = leads.filter((e) => reached(e.signedOn));
    const started = signed.filter((e) => reached(e.startedOn));
    const production = started.filter((e) => reached(e.productionOn));
    const [funnel] = await seriesOf(page, 'funnel');
    expect(funnel).toMatchObject({ id: 'funnel', type: 'funnel' });
    expect(funnel?.data?.map((d) => (d as { name: string }).name)).toEqual([
      '线索（含谋划）',
      '签约',
      '开工',
      '投产',
    ]);
    expect(funnel?.data?.map(valueOf)).toEqual([
      leads.length,
      signed.length,
      started.length,
      production.length,
    ]);
    expect(signed.length).toBeGreaterThan(0);

    // Ranking (赛马): the review's scores, best rank first.
    const review = await get<PerformanceReview>(`/performance/${YEAR}`);
    const [ranking] = await seriesOf(page, 'ranking');
    expect(ranking).toMatchObject({ id: 'score', type: 'bar', name: '综合得分' });
    expect(ranking?.data?.map(valueOf)).toEqual(
      [...review.units].sort((a, b) => a.rank - b.rank).map((u) => u.score),
    );

    // Supervision: the overdue items, most overdue first, and every item of the page in the table.
    const supervision = await get<ResultPage<SupervisionEntry>>(`/supervision?asOf=${TODAY}`);
    const overdue = supervision.items.filter((i) => i.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    const [days] = await seriesOf(page, 'supervision');
    expect(days).toMatchObject({ id: 'daysOverdue', type: 'bar', name: '逾期天数' });
    expect(days?.data?.map(valueOf)).toEqual(overdue.slice(0, 15).map((i) => i.daysOverdue));
    expect(await page.locator('#supervision-table tbody tr').count()).toBe(supervision.items.length);
    // The owner column for a 交办 item without a project's 包保领导 (a meeting's, an enterprise request's):
    // the department it was handed to, by the vocabulary's name, or the unit that owns it (R17, R20).
    const handedOut = supervision.items.findIndex(
      (i) => i.owner === undefined && (i.kind === 'meeting-item' || i.kind === 'enterprise-request'),
    );
    expect(handedOut).toBeGreaterThanOrEqual(0);
    const handedRow = page.locator('#supervision-table tbody tr').nth(handedOut);
    const department = supervision.items[handedOut]!.departmentId;
    const expectedOwner =
      department !== undefined
        ? Object.entries(vocabulary.departments).find(([id]) => id === department)?.[1].zh
        : await handedRow.locator('td').nth(1).textContent();
    expect(await handedRow.locator('td.owner').textContent()).toBe(expectedOwner);
    expect(expectedOwner).not.toBe('—');

    // Timeline: the project whose history spans longest (first by id), one point per event.
    const span = (e: RegisterEntry) => Date.parse(e.lastActivityOn) - Date.parse(e.capturedOn);
    const longest = register.items.reduce((best, e) => (span(e) > span(best) ? e : best));
    expect(await page.inputValue('#project')).toBe(longest.projectId);
    const history = await get<{ events: ReadonlyArray<{ type: string }> }>(
      `/projects/${longest.projectId}/history`,
    );
    const [timeline] = await seriesOf(page, 'timeline');
    expect(timeline).toMatchObject({ id: 'events', type: 'scatter' });
    expect(timeline?.data?.map((d) => (d as { name: string }).name)).toEqual(
      history.events.map((e) => e.type),
    );

    mkdirSync(ARTIFACTS, { recursive: true });
    const zhShot = path.join(ARTIFACTS, 'dashboard.zh.png');
    await page.screenshot({ path: zhShot, fullPage: true });

    // Tooltips (the formatters run in the page: an exception would be a page error).
    const firstPlan = plans[0]!;
    const funds = firstPlan.metrics.find((m) => m.metric === 'signedAgreementFunds')!;
    const fundsText = `${(funds.actual / 1e10).toFixed(2)} 亿元 / ${(funds.target / 1e10).toFixed(2)} 亿元`;
    expect(await tooltipOf(page, 'progress', 0, fundsText)).toContain('序时进度');
    expect(await tooltipOf(page, 'funnel', 1, '投资额')).toContain(`占线索`);
    expect(await tooltipOf(page, 'ranking', 0, '第 1 名')).toContain('综合得分');
    expect(await tooltipOf(page, 'supervision', 0, overdue[0]!.projectName)).toContain('应完成日期');
    expect(await tooltipOf(page, 'timeline', 0, '获取招商线索')).toContain(history.events[0]!.type);

    // Land (R19): idle and low-efficiency land in 亩, as GET /land/idle answers, then the year's revitalised land by route.
    const idleLand = await get<{ totals: { idleArea: number; lowEfficiencyArea: number } }>('/land/idle');
    const [land] = await seriesOf(page, 'land');
    expect(land?.data?.slice(0, 2).map((d) => (d as { value: number }).value)).toEqual([
      idleLand.totals.idleArea / 100,
      idleLand.totals.lowEfficiencyArea / 100,
    ]);
    expect(idleLand.totals.idleArea).toBeGreaterThan(0);
    expect(await page.locator('#chart-land canvas').count()).toBe(1);

    // English: the same figures, every label translated, nothing asked of the API again.
    const rendersBefore = await rendersOf(page);
    const requestsBefore = requests.length;
    await page.click('#language');
    await readyAfter(page, rendersBefore);
    expect(await page.textContent('h1')).toBe('Investment attraction — progress wall');
    expect(await page.textContent('#language')).toBe('中文');
    const english = await seriesOf(page, 'progress');
    expect(english.find((s) => s.id === 'expected')?.name).toBe('Time-elapsed expectation (序时进度)');
    expect(english.map((s) => s.data)).toEqual(progress.map((s) => s.data));
    const [englishFunnel] = await seriesOf(page, 'funnel');
    expect(englishFunnel?.data?.map((d) => (d as { name: string }).name)).toEqual([
      'Leads (incl. planned)',
      'Signed',
      'Started',
      'In production',
    ]);
    expect(await page.locator('#supervision-table th').first().textContent()).toBe('Project');
    const enShot = path.join(ARTIFACTS, 'dashboard.en.png');
    await page.screenshot({ path: enShot, fullPage: true });

    expect(requests.slice(requestsBefore)).toEqual([]);

    // Another project in the timeline: only its history is asked for.
    const other = register.items.find((e) => e.projectId !== longest.projectId && e.stage === 'signed');
    expect(other).toBeDefined();
    const otherHistory = await get<{ events: ReadonlyArray<{ type: string }> }>(
      `/projects/${other!.projectId}/history`,
    );
    const rendersBeforeProject = await rendersOf(page);
    const requestsBeforeProject = requests.length;
    await page.selectOption('#project', other!.projectId);
    await readyAfter(page, rendersBeforeProject);
    const [otherTimeline] = await seriesOf(page, 'timeline');
    expect(otherTimeline?.data?.map((d) => (d as { name: string }).name)).toEqual(
      otherHistory.events.map((e) => e.type),
    );
    expect(requests.slice(requestsBeforeProject).map((u) => new URL(u).pathname)).toEqual([
      `/projects/${other!.projectId}/history`,
    ]);

    expect(problems).toEqual([]);
    console.log(`dashboard screenshots: ${zhShot} ${enShot}`);
    await context.close();
  }, 60_000);

  it("shows the API's own message when the key is refused", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/dashboard`);
    await readyAfter(page, 0);
    await page.fill('#credential', 'not-a-key');
    await page.click('#apply');
    await page.waitForFunction(() => (globalThis as unknown as DashboardWindow).dashboard?.state === 'error');
    expect(await page.textContent('#status')).toBe('请求失败（401）：未认证：unknown API key');
    expect(await page.getAttribute('#status', 'class')).toContain('error');
    await context.close();
  }, 30_000);
});
