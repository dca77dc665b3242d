// @ts-check
/**
 * The dashboard page: reads the controls, asks the API's query routes, draws the five charts and
 * the supervision table, and re-draws them when the language changes. `window.dashboard` exposes
 * the chart instances and the page's state ('loading' → 'ready') for the browser test.
 */
import {
  dueText,
  funnelOption,
  itemLabel,
  landOption,
  ownerHeading,
  ownerText,
  progressOption,
  rankingOption,
  requestsOption,
  // Leading-group meetings (R20)
  meetingsOption,
  supervisionHeight,
  supervisionOption,
  timelineOption,
  unitName,
} from './charts.js';
import { apiClient, longestHistory, registerYears, RequestError, signedIn } from './data.js';
import { t } from './i18n.js';
import {
  STORAGE,
  byId,
  clearChart,
  describeError,
  finished,
  requestedLanguage,
  statusLine,
  translatePage as translateLabels,
} from './page.js';

/** @typedef {import('./i18n.js').Lang} Lang */
/** @typedef {import('./data.js').DashboardConfig} DashboardConfig */
/** @typedef {import('./data.js').RegisterEntry} RegisterEntry */
/** @typedef {import('./data.js').TargetProgressView} TargetProgressView */
/** @typedef {import('./data.js').PerformanceReview} PerformanceReview */
/** @typedef {import('./data.js').SupervisionEntry} SupervisionEntry */
/** @typedef {import('./data.js').ProjectHistory} ProjectHistory */
/** @typedef {import('./data.js').Page<SupervisionEntry>} SupervisionPage */
/** @typedef {'loading' | 'ready' | 'error' | 'needs-credential'} PageState */
/**
 * What one load fetched: every chart is drawn from these, in either language.
 * @typedef {{
 *   readonly year: number,
 *   readonly asOf: string,
 *   readonly position: string,
 *   readonly register: ReadonlyArray<RegisterEntry>,
 *   readonly progress: ReadonlyArray<TargetProgressView>,
 *   readonly review: PerformanceReview,
 *   readonly supervision: SupervisionPage,
 *   readonly requests: import('./data.js').RequestCounts,
 *   readonly meetings: import('./data.js').MeetingsRegister,
 *   projectId: string | undefined,
 *   history: ProjectHistory | undefined,
 *   readonly land: { readonly idle: import('./data.js').IdleLand, readonly revitalised: import('./data.js').RevitalisedLand },
 * }} Loaded
 */

/**
 * ECharts' browser build, loaded by index.html (a classic script) before this module.
 * @type {typeof import('echarts')}
 */
const echarts = Reflect.get(globalThis, 'echarts');

const controls = {
  form: byId('controls', HTMLFormElement),
  year: byId('year', HTMLSelectElement),
  asOf: byId('as-of', HTMLInputElement),
  credential: byId('credential', HTMLInputElement),
  language: byId('language', HTMLButtonElement),
  project: byId('project', HTMLSelectElement),
  status: byId('status', HTMLElement),
  table: byId('supervision-table', HTMLTableElement),
};

const initialLanguage = requestedLanguage;

/** @typedef {'progress' | 'funnel' | 'ranking' | 'supervision' | 'timeline' | 'requests' | 'land' | 'meetings'} ChartName */
/** @type {ReadonlyArray<ChartName>} */
const CHART_NAMES = [
  'progress',
  'funnel',
  'ranking',
  'supervision',
  'timeline',
  // enterprise requests (R17)
  'requests',
  // land (R19)
  'land',
  // Leading-group meetings (R20)
  'meetings',
];

/**
 * A chart in the element `#chart-<name>`, with ECharts' own words (dates on a time axis) in `lang`.
 * @param {ChartName} name
 * @param {Lang} lang
 */
const createChart = (name, lang) =>
  echarts.init(byId(`chart-${name}`, HTMLDivElement), undefined, { locale: lang === 'zh' ? 'ZH' : 'EN' });

/**
 * The chart instances by name, replaced in place when the language changes (ECharts fixes its
 * locale when a chart is created).
 * @type {Record<ChartName, import('echarts').ECharts>}
 */
const charts = {
  progress: createChart('progress', initialLanguage()),
  funnel: createChart('funnel', initialLanguage()),
  ranking: createChart('ranking', initialLanguage()),
  supervision: createChart('supervision', initialLanguage()),
  timeline: createChart('timeline', initialLanguage()),
  // enterprise requests (R17)
  requests: createChart('requests', initialLanguage()),
  // land (R19)
  land: createChart('land', initialLanguage()),
  // Leading-group meetings (R20)
  meetings: createChart('meetings', initialLanguage()),
};

const dashboard = {
  charts,
  /** @type {PageState} */
  state: /** @type {PageState} */ ('loading'),
  /** @type {Lang} */
  lang: initialLanguage(),
  /** Completed renders (a language toggle adds one without asking the API again). */
  renders: 0,
  /** @type {Loaded | undefined} */
  data: /** @type {Loaded | undefined} */ (undefined),
  /** @type {DashboardConfig | undefined} */
  config: /** @type {DashboardConfig | undefined} */ (undefined),
  /**
   * The workbench's signed-in person, when the page rides on its session cookie (no key needed).
   * @type {{ readonly displayName: string, readonly role: string } | undefined}
   */
  session: /** @type {{ readonly displayName: string, readonly role: string } | undefined} */ (undefined),
};
Object.defineProperty(window, 'dashboard', { value: dashboard });

/** @param {PageState} state */
const setState = (state) => {
  dashboard.state = state;
  document.body.dataset.state = state;
};

const say = statusLine(controls.status);

/** Static labels: every element with data-i18n / data-i18n-placeholder. */
const translatePage = () => translateLabels(dashboard.lang, 'pageTitle');

/** @param {unknown} error */
const describe = (error) => describeError(error, dashboard.lang);

/**
 * @param {Lang} lang
 * @param {number} year
 */
const yearLabel = (lang, year) => (lang === 'zh' ? `${year} 年` : String(year));

/**
 * Fills a select with options, keeping `value` selected.
 * @param {HTMLSelectElement} select
 * @param {ReadonlyArray<{ readonly value: string, readonly label: string }>} options
 * @param {string} value
 */
const fillSelect = (select, options, value) => {
  select.replaceChildren(
    ...options.map((o) => {
      const option = document.createElement('option');
      option.value = o.value;
      option.textContent = o.label;
      return option;
    }),
  );
  select.value = value;
};

/** The supervision list's first page as a table (the chart shows its most overdue items). */
const renderTable = () => {
  const data = dashboard.data;
  const config = dashboard.config;
  if (data === undefined || config === undefined) return;
  const { lang } = dashboard;
  const ctx = { lang, config, year: data.year, asOf: data.asOf };
  /** @param {'th' | 'td'} tag @param {string} text @param {string} [className] */
  const cell = (tag, text, className) => {
    const el = document.createElement(tag);
    el.textContent = text;
    if (className !== undefined) el.className = className;
    return el;
  };
  /** @param {SupervisionEntry} item */
  const projectCell = (item) => {
    const td = cell('td', item.projectName, 'project');
    if (item.projectId === undefined) return td;
    const id = document.createElement('small');
    id.textContent = item.projectId;
    td.append(id);
    return td;
  };
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  headRow.append(
    ...[
      t(lang, 'colProject'),
      t(lang, 'colUnit'),
      t(lang, 'colItem'),
      t(lang, 'colDue'),
      t(lang, 'colDays'),
      ownerHeading(ctx),
    ].map((text) => cell('th', text)),
  );
  head.append(headRow);
  const body = document.createElement('tbody');
  for (const item of data.supervision.items) {
    const row = document.createElement('tr');
    row.append(
      projectCell(item),
      cell('td', unitName(ctx, item.unitId)),
      cell('td', itemLabel(item, ctx)),
      cell('td', dueText(item, lang)),
      cell('td', String(item.daysOverdue), 'days'),
      cell('td', ownerText(item, ctx), 'owner'),
    );
    body.append(row);
  }
  /** @type {HTMLElement[]} */
  const parts = [head, body];
  const more = data.supervision.total - data.supervision.items.length;
  if (more > 0) {
    const caption = document.createElement('caption');
    caption.textContent = t(lang, 'moreItems', { n: more });
    parts.unshift(caption);
  }
  controls.table.replaceChildren(...parts);
};

let renderSequence = 0;

/** A phone's width: the charts are drawn narrow (see charts.js `Context.narrow`). */
const isNarrow = () => window.innerWidth <= 600;
/** Whether the charts were last drawn narrow (a rotated phone or a resized window redraws them). */
let narrow = isNarrow();

/**
 * Draws every chart from the loaded data in the current language; 'ready' once all have finished.
 * @param {ReadonlyArray<ChartName>} [which]
 */
const render = async (which = CHART_NAMES) => {
  const data = dashboard.data;
  const config = dashboard.config;
  if (data === undefined || config === undefined) return;
  const sequence = ++renderSequence;
  setState('loading');
  const { lang } = dashboard;
  narrow = isNarrow();
  const ctx = { lang, config, year: data.year, asOf: data.asOf, narrow };
  const project = data.register.find((e) => e.projectId === data.projectId);
  /** @type {Record<ChartName, () => import('echarts').EChartsOption>} */
  const options = {
    progress: () => progressOption(data.progress, ctx),
    funnel: () => funnelOption(data.register, ctx),
    ranking: () => rankingOption(data.review, ctx),
    supervision: () => supervisionOption(data.supervision, ctx),
    timeline: () =>
      data.history === undefined
        ? {
            title: { text: t(lang, 'timelineTitle'), left: 12 },
            graphic: { type: 'text', left: 'center', top: 'middle', style: { text: t(lang, 'noData') } },
            series: [],
          }
        : timelineOption(data.history, project, ctx),
    // enterprise requests (R17): as of the server's today, whatever the page's date
    requests: () => requestsOption(data.requests, ctx, config.today),
    // land (R19)
    land: () => landOption(data.land.idle, data.land.revitalised, ctx),
    // Leading-group meetings (R20): the year's register as of the page's date
    meetings: () => meetingsOption(data.meetings, ctx),
  };
  if (which.includes('supervision')) {
    const height = `${supervisionHeight(data.supervision)}px`;
    const element = charts.supervision.getDom();
    if (element.style.height !== height) {
      element.style.height = height;
      charts.supervision.resize();
    }
  }
  const done = which.map((name) => finished(charts[name]));
  for (const name of which) charts[name].setOption(options[name](), { notMerge: true });
  renderTable();
  fillSelect(
    controls.year,
    [...controls.year.options].map((o) => ({ value: o.value, label: yearLabel(lang, Number(o.value)) })),
    String(data.year),
  );
  await Promise.all(done);
  if (sequence !== renderSequence) return;
  dashboard.renders += 1;
  say(
    t(lang, 'statusLine', {
      asOf: data.asOf,
      position: data.position,
      time: new Date().toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB'),
    }),
  );
  setState('ready');
};

/**
 * After a failed load (a refused key, 401/403, the network): nothing loaded before stays on
 * screen. Every chart is emptied and says why, the table and the project list are emptied, and the
 * status line shows the error.
 * @param {unknown} error
 */
const fail = (error) => {
  renderSequence += 1;
  const message = describe(error);
  dashboard.data = undefined;
  for (const name of CHART_NAMES)
    clearChart(charts[name], t(dashboard.lang, 'chartCleared', { message }), '#c0392b');
  controls.table.replaceChildren();
  controls.project.replaceChildren();
  setState('error');
  say(message, true);
};

/**
 * The year the user picked, if any (otherwise the newest year with projects up to today's).
 * @type {number | undefined}
 */
let chosenYear;
/**
 * The project the user picked for the timeline, if any (otherwise the one with the longest history).
 * @type {string | undefined}
 */
let chosenProject = new URLSearchParams(location.search).get('project') ?? undefined;

let loadSequence = 0;

/** Asks the API for everything the page shows, then draws it (a newer load wins over an older one). */
const load = async () => {
  const config = dashboard.config;
  if (config === undefined) return;
  const sequence = ++loadSequence;
  const credential = controls.credential.value.trim();
  if (credential === '' && dashboard.session === undefined) {
    setState('needs-credential');
    say(t(dashboard.lang, 'needCredential'), true);
    return;
  }
  if (credential !== '') localStorage.setItem(STORAGE.credential, credential);
  setState('loading');
  say(t(dashboard.lang, 'loading'));
  try {
    const api = apiClient(credential, dashboard.lang);
    const asOf = controls.asOf.value !== '' ? controls.asOf.value : config.today;
    const register = await api.register(asOf);
    const thisYear = Number(config.today.slice(0, 4));
    const years = [...new Set([...registerYears(register.data), thisYear])].sort((a, b) => b - a);
    const year =
      chosenYear !== undefined && years.includes(chosenYear)
        ? chosenYear
        : (registerYears(register.data).find((y) => y <= thisYear) ?? thisYear);
    fillSelect(
      controls.year,
      years.map((y) => ({ value: String(y), label: yearLabel(dashboard.lang, y) })),
      String(year),
    );
    const [progress, review, supervision, requests, land, meetings] = await Promise.all([
      api.progress(year, asOf),
      // The ranking follows the 统计截止 date like every other panel (issue #18).
      api.review(String(year), asOf),
      api.supervision(asOf),
      // enterprise requests (R17)
      api.requests(
        /** @type {ReadonlyArray<import('./data.js').RequestStatus>} */ (
          Object.keys(config.vocabulary.requestStatuses)
        ),
      ),
      // land (R19)
      api.land(),
      // Leading-group meetings (R20)
      api.meetings(year, asOf),
    ]);
    const projectId =
      chosenProject !== undefined && register.data.some((e) => e.projectId === chosenProject)
        ? chosenProject
        : longestHistory(register.data)?.projectId;
    fillSelect(
      controls.project,
      register.data.map((e) => ({ value: e.projectId, label: `${e.projectId} ${e.name}` })),
      projectId ?? '',
    );
    const history = projectId === undefined ? undefined : (await api.history(projectId)).data;
    if (sequence !== loadSequence) return;
    dashboard.data = {
      year,
      asOf,
      position: [register, progress, supervision]
        .map((a) => a.position)
        .reduce((a, b) => (BigInt(a) < BigInt(b) ? a : b)),
      register: register.data,
      progress: progress.data,
      review: review.data,
      supervision: supervision.data,
      requests: requests.data,
      meetings: meetings.data,
      projectId,
      history,
      land: { idle: land.idle.data, revitalised: land.revitalised.data },
    };
    await render();
  } catch (error) {
    if (sequence !== loadSequence) return;
    fail(error);
  }
};

/** Another project in the timeline: only its history is fetched. */
const loadProject = async () => {
  const data = dashboard.data;
  if (data === undefined) return;
  chosenProject = controls.project.value;
  setState('loading');
  try {
    const api = apiClient(controls.credential.value.trim(), dashboard.lang);
    data.history = (await api.history(chosenProject)).data;
    data.projectId = chosenProject;
    await render(['timeline']);
  } catch (error) {
    fail(error);
  }
};

const toggleLanguage = () => {
  dashboard.lang = dashboard.lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem(STORAGE.lang, dashboard.lang);
  translatePage();
  for (const name of CHART_NAMES) {
    charts[name].dispose();
    charts[name] = createChart(name, dashboard.lang);
  }
  if (dashboard.data !== undefined) void render();
  else if (dashboard.state === 'needs-credential') say(t(dashboard.lang, 'needCredential'), true);
};

const start = async () => {
  translatePage();
  setState('loading');
  say(t(dashboard.lang, 'loading'));
  try {
    const res = await fetch('/dashboard/config.json');
    if (!res.ok) throw new RequestError('/dashboard/config.json', res.status, res.statusText);
    /** @type {DashboardConfig} */
    const config = await res.json();
    dashboard.config = config;
    // Signed in to the workbench: its session cookie authenticates every request, no key needed.
    dashboard.session = await signedIn(config);
    const stored = localStorage.getItem(STORAGE.credential);
    controls.credential.value = stored ?? (dashboard.session === undefined ? (config.demoKey ?? '') : '');
    if (dashboard.session !== undefined)
      controls.credential.placeholder = t(dashboard.lang, 'signedInAs', {
        name: dashboard.session.displayName,
      });
    const askedAsOf = new URLSearchParams(location.search).get('asOf');
    controls.asOf.value =
      askedAsOf !== null && /^\d{4}-\d{2}-\d{2}$/.test(askedAsOf) ? askedAsOf : config.today;
  } catch (error) {
    setState('error');
    say(describe(error), true);
    return;
  }
  controls.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  controls.year.addEventListener('change', () => {
    chosenYear = Number(controls.year.value);
    void load();
  });
  controls.asOf.addEventListener('change', () => void load());
  controls.project.addEventListener('change', () => void loadProject());
  controls.language.addEventListener('click', toggleLanguage);
  // Charts follow their element's size (a phone turned, a window resized, the grid re-flowed).
  const resized = new ResizeObserver(() => {
    for (const chart of Object.values(charts)) chart.resize();
    if (isNarrow() !== narrow && dashboard.data !== undefined) void render();
  });
  for (const name of CHART_NAMES) resized.observe(byId(`chart-${name}`, HTMLDivElement));
  await load();
};

void start();
