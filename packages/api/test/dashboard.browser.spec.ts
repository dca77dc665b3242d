/**
 * The dashboard in a real browser: Debian's chromium (scripts/ensure-chromium.sh, or CHROMIUM_PATH)
 * driven by playwright-core loads /dashboard on the demo region, and every chart must show what the
 * API answers for the same query, in Chinese and after the switch to English, with nothing logged
 * as an error. A screenshot of each language goes to .artifacts/ (ignored by git).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type {
  PerformanceReview,
  RegisterEntry,
  SupervisionEntry,
  TargetProgressView,
  Page as ResultPage,
} from '@zhaoshang/projections';
import type { Browser, Page } from 'playwright-core';
import { vocabulary } from '@zhaoshang/domain';
import { DEV_DASHBOARD_KEY } from '../src/config';
import { ARTIFACTS, TODAY, haveChromium, layoutOf, startDemoInBrowser } from './browser-support';

const YEAR = 2024;
const withChromium = haveChromium('the dashboard browser test');

type ChartName =
  'progress' | 'funnel' | 'ranking' | 'supervision' | 'timeline' | 'land' | 'requests' | 'meetings';
const ALL_CHARTS: ReadonlyArray<ChartName> = [
  'progress',
  'funnel',
  'ranking',
  'supervision',
  'timeline',
  'land',
  'requests',
  'meetings',
];
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

(withChromium ? describe : describe.skip)('the dashboard in chromium', () => {
  let demo: Awaited<ReturnType<typeof startDemoInBrowser>>;
  let browser: Browser;
  let base: string;
  const get = <T>(url: string): Promise<T> => demo.get<T>(url);

  beforeAll(async () => {
    // The demo region after one watcher pass, so the supervision list has items.
    demo = await startDemoInBrowser();
    ({ browser, base } = demo);
  }, 60_000);

  afterAll(() => demo?.close());

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

    // Ranking (赛马): the review's scores as of the page's 统计截止 date, best rank first.
    const review = await get<PerformanceReview>(`/performance/${YEAR}?asOf=${TODAY}`);
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
    // The owner column names a 包保领导, or the department or unit a 交办 item went to: its heading says both.
    expect(await page.locator('#supervision-table th').last().textContent()).toBe('责任人/责任单位');
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
    expect(await page.locator('#supervision-table th').last().textContent()).toBe(
      'Responsible person / unit',
    );
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

  it("shows the API's own message when the key is refused, and clears every chart and table (no stale data)", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/dashboard`);
    await readyAfter(page, 0);
    // Loaded: the charts carry series and the table rows.
    expect((await seriesOf(page, 'progress')).length).toBeGreaterThan(0);
    expect(await page.locator('#supervision-table tbody tr').count()).toBeGreaterThan(0);
    await page.fill('#credential', 'not-a-key');
    await page.click('#apply');
    await page.waitForFunction(() => (globalThis as unknown as DashboardWindow).dashboard?.state === 'error');
    expect(await page.textContent('#status')).toBe('请求失败（401）：未认证：unknown API key');
    expect(await page.getAttribute('#status', 'class')).toContain('error');
    // Nothing of the earlier load stays: every chart is empty and says why, the table and the
    // project list are empty.
    for (const name of ALL_CHARTS) expect([name, (await seriesOf(page, name)).length]).toEqual([name, 0]);
    expect(await page.locator('#supervision-table tr').count()).toBe(0);
    expect(await page.locator('#project option').count()).toBe(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = path.join(ARTIFACTS, 'dashboard.error.png');
    await page.screenshot({ path: shot });
    console.log(`dashboard error-state screenshot: ${shot}`);
    await context.close();
  }, 30_000);

  it('works on a phone (390 × 844): nothing wider than the screen, charts at its width, tables scroll in their card', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${base}/dashboard`);
    await readyAfter(page, 0);
    const layout = await layoutOf(page, '.chart, .table-wrap, #chart-progress canvas');
    expect(layout.innerWidth).toBe(390);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    expect(layout.bodyScrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    for (const box of layout.boxes) expect(box.right).toBeLessThanOrEqual(layout.innerWidth);
    // The charts were drawn at their element's width, not the desktop's.
    const canvas = layout.boxes.at(-1)!;
    expect(canvas.width).toBeGreaterThan(300);
    // The supervision table is wider than the phone and scrolls inside its card.
    const table = await layoutOf(page, '#supervision-table');
    expect(table.boxes[0]!.width).toBeGreaterThan(layout.innerWidth);
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = path.join(ARTIFACTS, 'dashboard.phone-390.png');
    await page.screenshot({ path: shot, fullPage: true });
    // The first screen as a phone shows it, and the rest a screen at a time (to look at them).
    const pageHeight = layout.scrollHeight;
    for (let top = 0, i = 1; top < pageHeight; top += 844, i += 1)
      await page.screenshot({
        path: path.join(ARTIFACTS, `dashboard.phone-390.${i}.png`),
        fullPage: true,
        clip: { x: 0, y: top, width: 390, height: Math.min(844, pageHeight - top) },
      });
    console.log(`dashboard phone screenshot: ${shot}`);
    await context.close();
  }, 30_000);
});
