// @ts-check
/**
 * The 大屏 (`/dashboard?view=screen`, issue #18 item 4): the year's headline figures in 亿元, the
 * target completion by traffic light, the year month by month against 序时进度, the ranking (赛马)
 * and the supervision list, for the whole region or, with `&unit=<unitId>`, one unit and its
 * projects listed by name. Every panel follows the 统计截止 date (`&asOf=`). It refreshes itself
 * (`&refresh=<minutes>`, default 5, 0 = off; paused while the tab is hidden) and goes full screen.
 * `window.screen` is taken by the browser: the page exposes `window.bigscreen` to tests.
 */
import { unitName } from './charts.js';
import { apiClient, RequestError, signedIn } from './data.js';
import { t } from './i18n.js';
import {
  STORAGE as PAGE_STORAGE,
  byId,
  clearChart,
  describeError,
  finished,
  requestedLanguage,
  statusLine,
  translatePage as translateLabels,
} from './page.js';
import {
  completionRows,
  headlineCards,
  lightRows,
  projectsOf,
  screenRankingOption,
  supervisionByUnitOption,
  trendOption,
  yi,
} from './screen-charts.js';

/** @typedef {import('./i18n.js').Lang} Lang */
/** @typedef {import('./data.js').DashboardConfig} DashboardConfig */
/** @typedef {'loading' | 'ready' | 'error' | 'needs-credential'} PageState */
/** @typedef {'trend' | 'ranking' | 'supervision'} ChartName */
/**
 * What one load fetched.
 * @typedef {{
 *   readonly year: number,
 *   readonly asOf: string,
 *   readonly unitId: string | undefined,
 *   readonly position: string,
 *   readonly register: ReadonlyArray<import('./data.js').RegisterEntry>,
 *   readonly progress: ReadonlyArray<import('./data.js').TargetProgressView>,
 *   readonly trend: import('./data.js').TargetTrendView,
 *   readonly review: import('./data.js').PerformanceReview,
 *   readonly supervision: import('./data.js').Page<import('./data.js').SupervisionEntry>,
 *   readonly loadedAt: string,
 * }} Loaded
 */

/** @type {typeof import('echarts')} */
const echarts = Reflect.get(globalThis, 'echarts');

/** The dashboard's key and language, and the 大屏's refresh interval. */
const STORAGE = { ...PAGE_STORAGE, refresh: 'zhaoshang.screen.refreshMinutes' };
const REFRESH_CHOICES = [0, 1, 5, 10, 30];
const DEFAULT_REFRESH_MINUTES = 5;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const controls = {
  form: byId('controls', HTMLFormElement),
  unit: byId('unit', HTMLSelectElement),
  asOf: byId('as-of', HTMLInputElement),
  refresh: byId('refresh', HTMLSelectElement),
  credential: byId('credential', HTMLInputElement),
  fullscreen: byId('fullscreen', HTMLButtonElement),
  language: byId('language', HTMLButtonElement),
  toDashboard: byId('to-dashboard', HTMLAnchorElement),
  scope: byId('scope', HTMLElement),
  status: byId('status', HTMLElement),
  headline: byId('headline', HTMLElement),
  lights: byId('lights', HTMLTableElement),
  lightsSubtitle: byId('lights-subtitle', HTMLElement),
  projects: byId('projects', HTMLOListElement),
  projectsTitle: byId('projects-title', HTMLElement),
};

const params = new URLSearchParams(location.search);

const initialLanguage = requestedLanguage;

/** @type {ReadonlyArray<ChartName>} */
const CHART_NAMES = ['trend', 'ranking', 'supervision'];

/** @param {ChartName} name @param {Lang} lang */
const createChart = (name, lang) =>
  echarts.init(byId(`chart-${name}`, HTMLDivElement), 'dark', { locale: lang === 'zh' ? 'ZH' : 'EN' });

/** @type {Record<ChartName, import('echarts').ECharts>} */
const charts = {
  trend: createChart('trend', initialLanguage()),
  ranking: createChart('ranking', initialLanguage()),
  supervision: createChart('supervision', initialLanguage()),
};

/** @returns {number} */
const initialRefresh = () => {
  const asked = Number(
    params.get('refresh') ?? localStorage.getItem(STORAGE.refresh) ?? DEFAULT_REFRESH_MINUTES,
  );
  return Number.isFinite(asked) && asked >= 0 ? asked : DEFAULT_REFRESH_MINUTES;
};

const bigscreen = {
  charts,
  /** @type {PageState} */
  state: /** @type {PageState} */ ('loading'),
  /** @type {Lang} */
  lang: initialLanguage(),
  renders: 0,
  /** Completed loads (an automatic refresh adds one). */
  loads: 0,
  /** @type {Loaded | undefined} */
  data: /** @type {Loaded | undefined} */ (undefined),
  /** @type {DashboardConfig | undefined} */
  config: /** @type {DashboardConfig | undefined} */ (undefined),
  /** @type {{ readonly displayName: string, readonly role: string } | undefined} */
  session: /** @type {{ readonly displayName: string, readonly role: string } | undefined} */ (undefined),
  /** The unit shown (`&unit=`), or undefined for the whole region. */
  unitId: /** @type {string | undefined} */ (params.get('unit') ?? undefined),
  /** Minutes between automatic refreshes; 0 = off. */
  refreshMinutes: initialRefresh(),
  /** True while the tab is hidden and a refresh fell due: it runs when the tab shows again. */
  refreshPending: false,
};
Object.defineProperty(window, 'bigscreen', { value: bigscreen });

/** @param {PageState} state */
const setState = (state) => {
  bigscreen.state = state;
  document.body.dataset.state = state;
};

const say = statusLine(controls.status);

/** @param {unknown} error */
const describe = (error) => describeError(error, bigscreen.lang);

const translatePage = () => {
  translateLabels(bigscreen.lang, 'screenTitle');
  fillRefresh();
};

const fillRefresh = () => {
  const { lang } = bigscreen;
  controls.refresh.replaceChildren(
    ...REFRESH_CHOICES.map((n) => {
      const option = document.createElement('option');
      option.value = String(n);
      option.textContent = n === 0 ? t(lang, 'refreshOff') : t(lang, 'refreshMinutes', { n });
      return option;
    }),
  );
  if (!REFRESH_CHOICES.includes(bigscreen.refreshMinutes)) {
    const option = document.createElement('option');
    option.value = String(bigscreen.refreshMinutes);
    option.textContent = t(lang, 'refreshMinutes', { n: bigscreen.refreshMinutes });
    controls.refresh.append(option);
  }
  controls.refresh.value = String(bigscreen.refreshMinutes);
};

/**
 * @param {string} tag
 * @param {string} text
 * @param {string} [className]
 */
const element = (tag, text, className) => {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className !== undefined) el.className = className;
  return el;
};

/** The page's URL for the shown unit and date (kept in the address bar: a wall screen reloads to the same view). */
const screenUrl = () => {
  const url = new URL(location.href);
  url.searchParams.set('view', 'screen');
  if (bigscreen.unitId === undefined) url.searchParams.delete('unit');
  else url.searchParams.set('unit', bigscreen.unitId);
  if (controls.asOf.value !== '') url.searchParams.set('asOf', controls.asOf.value);
  return url;
};

/**
 * Shows a unit (or the whole region): the address, then the figures.
 * @param {string | undefined} unitId
 */
const openUnit = (unitId) => {
  bigscreen.unitId = unitId;
  history.pushState(null, '', screenUrl());
  void load();
};

// ---------------------------------------------------------------------------------------------
// Drawing

/** @param {Loaded} data @param {DashboardConfig} config */
const renderHeadline = (data, config) => {
  const ctx = { lang: bigscreen.lang, config, year: data.year, asOf: data.asOf };
  // The unit's own items in a drill-down (the screen reads up to 1,000 items of the list).
  const items =
    data.unitId === undefined
      ? data.supervision.items
      : data.supervision.items.filter((i) => i.unitId === data.unitId);
  const cards = headlineCards(
    data.trend,
    {
      total: data.unitId === undefined ? data.supervision.total : items.length,
      overdue: items.filter((i) => i.overdue).length,
      late: items.filter((i) => i.overdue && i.daysOverdue > 30).length,
    },
    ctx,
  );
  const nodes = cards.map((c) => {
    const card = element('article', '', 'card');
    card.dataset.card = c.id;
    const figure = element('p', '', 'figure');
    const number = element('span', c.figure);
    number.dataset.figure = c.id;
    figure.append(number, element('small', c.unit));
    card.append(element('h3', c.label), figure, element('p', c.sub, 'sub'));
    return card;
  });
  // 完成年度目标: the plan's main metrics, each in the projection's light.
  const completion = element('article', '', 'card');
  completion.dataset.card = 'completion';
  completion.append(element('h3', t(bigscreen.lang, 'completion')));
  const rows = completionRows(data.trend, ctx);
  if (rows.length === 0)
    completion.append(element('p', t(bigscreen.lang, 'noPlan', { year: data.year }), 'sub'));
  else {
    const list = document.createElement('ul');
    for (const r of rows) {
      const li = document.createElement('li');
      li.dataset.metric = r.id;
      li.dataset.light = r.light;
      li.append(element('span', r.label), element('b', `${r.percent}%`, `light-${r.light}`));
      list.append(li);
    }
    completion.append(list);
  }
  controls.headline.replaceChildren(...nodes, completion);
};

/** @param {Loaded} data @param {DashboardConfig} config */
const renderLights = (data, config) => {
  const ctx = { lang: bigscreen.lang, config, year: data.year, asOf: data.asOf };
  const { columns, rows, expected } = lightRows(data.progress, ctx);
  controls.lightsSubtitle.textContent =
    expected === undefined
      ? t(bigscreen.lang, 'noPlan', { year: data.year })
      : t(bigscreen.lang, 'lightsSubtitle', { expected: expected.toFixed(2) });
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  headRow.append(element('th', t(bigscreen.lang, 'colUnit')), ...columns.map((c) => element('th', c.label)));
  head.append(headRow);
  const body = document.createElement('tbody');
  for (const row of rows) {
    const tr = document.createElement('tr');
    tr.dataset.light = row.light;
    // The region's own plan is the whole region's (no drill-down: it is the view without a unit).
    if (row.scope === 'unit') {
      tr.dataset.unitId = row.unitId;
      tr.addEventListener('click', () => openUnit(row.unitId));
    }
    if (row.unitId === data.unitId) tr.classList.add('chosen');
    tr.append(element('th', row.scope === 'unit' ? row.name : `${row.name}`));
    for (const cell of row.cells) {
      const td = element(
        'td',
        cell === undefined ? '—' : `${cell.percent}%`,
        cell === undefined ? 'none' : undefined,
      );
      if (cell !== undefined) td.dataset.light = cell.light;
      tr.append(td);
    }
    body.append(tr);
  }
  controls.lights.replaceChildren(head, body);
};

/** @param {Loaded} data @param {DashboardConfig} config */
const renderProjects = (data, config) => {
  const { lang } = bigscreen;
  const ctx = { lang, config, year: data.year, asOf: data.asOf };
  const projects = projectsOf(data.register, data.asOf, data.unitId);
  controls.projectsTitle.textContent =
    data.unitId === undefined
      ? t(lang, 'topProjectsTitle', { n: projects.length })
      : t(lang, 'unitProjectsTitle', { unit: unitName(ctx, data.unitId), n: projects.length });
  if (projects.length === 0) {
    controls.projects.replaceChildren(element('li', t(lang, 'noProjects'), 'empty'));
    return;
  }
  controls.projects.replaceChildren(
    ...projects.map((p) => {
      const li = document.createElement('li');
      li.dataset.projectId = p.projectId;
      li.dataset.light = p.light;
      // A project opens on its page: the detailed dashboard's timeline of its whole life.
      const link = element('a', p.name);
      if (link instanceof HTMLAnchorElement) {
        link.href = `/dashboard?project=${encodeURIComponent(p.projectId)}&asOf=${data.asOf}`;
        link.title = `${p.name}（${p.projectId}）`;
      }
      const amount = p.investment > 0 ? p.investment : p.intendedInvestment;
      const meta = [
        ...(data.unitId === undefined ? [unitName(ctx, p.unitId)] : []),
        config.vocabulary.stages[p.stage][lang],
        `${t(lang, 'investmentShort')} ${yi(amount)} ${t(lang, 'yiUnit')}`,
      ].join(' · ');
      li.append(link, element('span', meta, 'meta'));
      return li;
    }),
  );
};

let renderSequence = 0;

/** Draws everything from the loaded data in the current language. */
const render = async () => {
  const data = bigscreen.data;
  const config = bigscreen.config;
  if (data === undefined || config === undefined) return;
  const sequence = ++renderSequence;
  const { lang } = bigscreen;
  const ctx = { lang, config, year: data.year, asOf: data.asOf };
  controls.scope.textContent =
    data.unitId === undefined ? t(lang, 'screenWhole') : unitName(ctx, data.unitId);
  fillUnits(data, config);
  renderHeadline(data, config);
  renderLights(data, config);
  renderProjects(data, config);
  const ranking = screenRankingOption(data.review, ctx, data.unitId);
  const supervision = supervisionByUnitOption(
    data.unitId === undefined
      ? data.supervision.items
      : data.supervision.items.filter((i) => i.unitId === data.unitId),
    ctx,
  );
  clickTargets.ranking = ranking.unitIds;
  clickTargets.supervision = supervision.unitIds;
  /** @type {Record<ChartName, import('echarts').EChartsOption>} */
  const options = {
    trend: trendOption(data.trend, ctx),
    ranking: ranking.option,
    supervision: supervision.option,
  };
  const done = CHART_NAMES.map((name) => finished(charts[name]));
  for (const name of CHART_NAMES) charts[name].setOption(options[name], { notMerge: true });
  await Promise.all(done);
  if (sequence !== renderSequence) return;
  bigscreen.renders += 1;
  sayStatus();
  setState('ready');
};

/** The 统计截止 and last-refreshed line, with the auto-refresh's state. */
const sayStatus = () => {
  const data = bigscreen.data;
  if (data === undefined) return;
  const { lang } = bigscreen;
  const refresh =
    bigscreen.refreshMinutes === 0
      ? t(lang, 'refreshNone')
      : document.hidden
        ? t(lang, 'refreshPaused')
        : t(lang, 'refreshOn', { n: bigscreen.refreshMinutes });
  say(t(lang, 'screenStatus', { asOf: data.asOf, time: data.loadedAt, refresh }));
};

/** Units each clickable chart lists, by data index (a click opens the unit). */
/** @type {Record<'ranking' | 'supervision', ReadonlyArray<string>>} */
const clickTargets = { ranking: [], supervision: [] };

/** @param {Loaded} data @param {DashboardConfig} config */
const fillUnits = (data, config) => {
  const ctx = { lang: bigscreen.lang, config, year: data.year, asOf: data.asOf };
  const units = data.progress.filter((p) => p.scope === 'unit').map((p) => p.unitId);
  if (data.unitId !== undefined && !units.includes(data.unitId)) units.push(data.unitId);
  controls.unit.replaceChildren(
    ...[
      { value: '', label: t(bigscreen.lang, 'screenWhole') },
      ...units.map((u) => ({ value: u, label: unitName(ctx, u) })),
    ].map((o) => {
      const option = document.createElement('option');
      option.value = o.value;
      option.textContent = o.label;
      return option;
    }),
  );
  controls.unit.value = data.unitId ?? '';
};

/** After a failed load nothing stays on screen: every panel is emptied and the error shown. */
const fail = (/** @type {unknown} */ error) => {
  renderSequence += 1;
  bigscreen.data = undefined;
  const message = describe(error);
  const cleared = t(bigscreen.lang, 'chartCleared', { message });
  for (const name of CHART_NAMES) clearChart(charts[name], cleared, '#ff6b6b');
  controls.headline.replaceChildren();
  controls.lights.replaceChildren();
  controls.lightsSubtitle.textContent = cleared;
  controls.projects.replaceChildren(element('li', cleared, 'empty'));
  controls.projectsTitle.textContent = '';
  // A refused key or token: the field to enter another one shows (it is hidden while one works).
  if (error instanceof RequestError && (error.status === 401 || error.status === 403))
    controls.credential.closest('label')?.removeAttribute('hidden');
  setState('error');
  say(message, true);
};

// ---------------------------------------------------------------------------------------------
// Loading

let loadSequence = 0;

/** Asks the API for everything the screen shows, then draws it (a newer load wins). */
const load = async () => {
  const config = bigscreen.config;
  if (config === undefined) return;
  const sequence = ++loadSequence;
  const credential = controls.credential.value.trim();
  if (credential === '' && bigscreen.session === undefined) {
    controls.credential.closest('label')?.removeAttribute('hidden');
    setState('needs-credential');
    say(t(bigscreen.lang, 'needCredential'), true);
    return;
  }
  if (credential !== '') localStorage.setItem(STORAGE.credential, credential);
  setState('loading');
  try {
    const api = apiClient(credential, bigscreen.lang);
    const asOf = DATE.test(controls.asOf.value) ? controls.asOf.value : config.today;
    const year = Number(asOf.slice(0, 4));
    const unitId = bigscreen.unitId;
    const [register, progress, trend, review, supervision] = await Promise.all([
      api.register(asOf),
      api.progress(year, asOf),
      api.trend(year, asOf, unitId),
      api.review(String(year), asOf),
      api.supervision(asOf, 1000),
    ]);
    if (sequence !== loadSequence) return;
    bigscreen.data = {
      year,
      asOf,
      unitId,
      position: [register, progress, trend, review, supervision]
        .map((a) => a.position)
        .reduce((a, b) => (BigInt(a) < BigInt(b) ? a : b)),
      register: register.data,
      progress: progress.data,
      trend: trend.data,
      review: review.data,
      supervision: supervision.data,
      loadedAt: new Date().toLocaleTimeString(bigscreen.lang === 'zh' ? 'zh-CN' : 'en-GB'),
    };
    bigscreen.loads += 1;
    controls.toDashboard.href = `/dashboard?asOf=${asOf}`;
    await render();
  } catch (error) {
    if (sequence !== loadSequence) return;
    fail(error);
  }
};

// ---------------------------------------------------------------------------------------------
// Auto-refresh and full screen

/** @type {ReturnType<typeof setInterval> | undefined} */
let timer;

/** (Re)starts the refresh timer; a tick while the tab is hidden waits for the tab to show again. */
const schedule = () => {
  if (timer !== undefined) clearInterval(timer);
  timer = undefined;
  if (bigscreen.refreshMinutes === 0) return;
  timer = setInterval(() => {
    if (document.hidden) bigscreen.refreshPending = true;
    else void load();
  }, bigscreen.refreshMinutes * 60_000);
};

const toggleFullscreen = async () => {
  if (document.fullscreenElement !== null) await document.exitFullscreen();
  else await document.documentElement.requestFullscreen();
};

const toggleLanguage = () => {
  bigscreen.lang = bigscreen.lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem(STORAGE.lang, bigscreen.lang);
  translatePage();
  for (const name of CHART_NAMES) {
    charts[name].dispose();
    charts[name] = createChart(name, bigscreen.lang);
  }
  bindClicks();
  if (bigscreen.data !== undefined) void render();
};

/** A click on a unit's bar (ranking, supervision) opens the unit. */
const bindClicks = () => {
  for (const name of /** @type {const} */ (['ranking', 'supervision']))
    charts[name].on('click', (p) => {
      const unitId = clickTargets[name][p.dataIndex];
      if (unitId !== undefined) openUnit(unitId);
    });
};

const start = async () => {
  translatePage();
  setState('loading');
  say(t(bigscreen.lang, 'loading'));
  try {
    const res = await fetch('/dashboard/config.json', { credentials: 'same-origin' });
    if (!res.ok) throw new RequestError('/dashboard/config.json', res.status, res.statusText);
    /** @type {DashboardConfig} */
    const config = await res.json();
    bigscreen.config = config;
    bigscreen.session = await signedIn(config);
    const stored = localStorage.getItem(STORAGE.credential);
    controls.credential.value = stored ?? (bigscreen.session === undefined ? (config.demoKey ?? '') : '');
    if (bigscreen.session === undefined && controls.credential.value === '')
      controls.credential.closest('label')?.removeAttribute('hidden');
    const asOf = params.get('asOf');
    controls.asOf.value = asOf !== null && DATE.test(asOf) ? asOf : config.today;
  } catch (error) {
    fail(error);
    return;
  }
  controls.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  controls.unit.addEventListener('change', () =>
    openUnit(controls.unit.value === '' ? undefined : controls.unit.value),
  );
  controls.asOf.addEventListener('change', () => {
    history.replaceState(null, '', screenUrl());
    void load();
  });
  controls.refresh.addEventListener('change', () => {
    bigscreen.refreshMinutes = Number(controls.refresh.value);
    localStorage.setItem(STORAGE.refresh, String(bigscreen.refreshMinutes));
    schedule();
    sayStatus();
  });
  controls.fullscreen.addEventListener(
    'click',
    () => void toggleFullscreen().catch((e) => say(describe(e), true)),
  );
  document.addEventListener('fullscreenchange', () => {
    controls.fullscreen.textContent = t(
      bigscreen.lang,
      document.fullscreenElement !== null ? 'exitFullscreen' : 'fullscreen',
    );
  });
  controls.language.addEventListener('click', toggleLanguage);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && bigscreen.refreshPending) {
      bigscreen.refreshPending = false;
      void load();
    } else sayStatus();
  });
  window.addEventListener('popstate', () => {
    bigscreen.unitId = new URLSearchParams(location.search).get('unit') ?? undefined;
    void load();
  });
  const resized = new ResizeObserver(() => {
    for (const chart of Object.values(charts)) chart.resize();
  });
  for (const name of CHART_NAMES) resized.observe(byId(`chart-${name}`, HTMLDivElement));
  bindClicks();
  schedule();
  await load();
};

void start();
