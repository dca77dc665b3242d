// @ts-check
/**
 * The charts as ECharts options: pure functions of the API's answers and the language, so a
 * language toggle re-renders without asking the API again. Series ids are stable across languages
 * (the browser test reads them); series names are the translated labels.
 */
import { LANES, businessDateOf, funnel, laneOf } from './data.js';
import { figure, money, percentOf, sumExact, threshold } from './format.js';
import { t } from './i18n.js';

/** @typedef {import('echarts').EChartsOption} Option */
/** @typedef {import('echarts').TooltipComponentFormatterCallbackParams} TooltipParams */
/** @typedef {import('echarts').DefaultLabelFormatterCallbackParams} LabelParams */
/** @typedef {import('./i18n.js').Lang} Lang */
/** @typedef {import('./data.js').DashboardConfig} DashboardConfig */
/** @typedef {import('./data.js').RegisterEntry} RegisterEntry */
/** @typedef {import('./data.js').TargetProgressView} TargetProgressView */
/** @typedef {import('./data.js').MetricProgress} MetricProgress */
/** @typedef {import('./data.js').PerformanceReview} PerformanceReview */
/** @typedef {import('./data.js').SupervisionEntry} SupervisionEntry */
/** @typedef {import('./data.js').ProjectHistory} ProjectHistory */
/** @typedef {import('./data.js').Page<SupervisionEntry>} SupervisionPage */
/**
 * What every chart is drawn for: the language, the server's config, the year and 统计截止 date, and
 * whether the chart is narrow (a phone: legends scroll, labels wrap, subtitles break).
 * @typedef {{ readonly lang: Lang, readonly config: DashboardConfig, readonly year: number, readonly asOf: string, readonly narrow?: boolean }} Context
 */

/** Traffic-light colours (DOMAIN.md §6) and the chart palette. */
export const LIGHT_COLOURS = { green: '#2e9e5b', blue: '#3b7dd8', yellow: '#e6a23c', red: '#d9534f' };
const PALETTE = ['#3b7dd8', '#2e9e5b', '#e6a23c', '#8e5cc4', '#16a2b8', '#c45c8a', '#7a8b99', '#b8860b'];
const MEDALS = ['#d4a017', '#9aa5b1', '#b87333'];
const MUTED = '#8a94a6';
const VETOED = '#dfe3ea';

/** @param {string} text */
export const escapeHtml = (text) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * @param {Context} ctx
 * @param {string} unitId
 */
export const unitName = (ctx, unitId) => ctx.config.units[unitId]?.[ctx.lang] ?? unitId;

/**
 * A scoring policy by its name (the review carries its id, e.g. `default-R12-R15`).
 * @param {Context} ctx
 * @param {string} policy
 */
export const policyName = (ctx, policy) => ctx.config.policies[policy]?.[ctx.lang] ?? policy;

/** How wide a subtitle may run on a phone before it breaks onto the next line (px). */
const NARROW_SUBTITLE = 330;

/**
 * @param {string} text
 * @param {string} subtext
 * @param {boolean} [narrow] a phone: the subtitle breaks instead of running off the chart
 * @returns {import('echarts').TitleComponentOption}
 */
const title = (text, subtext, narrow = false) => ({
  text,
  subtext,
  left: 12,
  top: 6,
  textStyle: { fontSize: 16, fontWeight: 'bold', color: '#1f2d3d' },
  subtextStyle: {
    fontSize: 12,
    color: MUTED,
    ...(narrow ? { width: NARROW_SUBTITLE, overflow: /** @type {const} */ ('break') } : {}),
  },
});

/**
 * A centred note where a chart has nothing to draw.
 * @param {string} text
 * @returns {import('echarts').GraphicComponentOption}
 */
const note = (text) => ({
  type: 'text',
  left: 'center',
  top: 'middle',
  style: { text, fontSize: 14, fill: MUTED },
});

/** @param {TooltipParams} params */
const asList = (params) => (Array.isArray(params) ? params : [params]);

// ---------------------------------------------------------------------------------------------
// Target progress per unit against 序时进度

/** Metrics shown when the page opens; the others are in the legend, one click away. */
const MAIN_METRICS = ['signedProjects', 'signedAgreementFunds', 'startedProjects', 'fixedAssetInvestment'];
/** @typedef {import('@zhaoshang/domain').Vocabulary} Vocabulary */

/**
 * A metric of a plan with its scale threshold ("亿元以上") as one key: `signedProjects@10000000000`.
 * @param {Pick<MetricProgress, 'metric' | 'minInvestment'>} m
 */
export const metricKey = (m) => (m.minInvestment === undefined ? m.metric : `${m.metric}@${m.minInvestment}`);

/**
 * @param {Pick<MetricProgress, 'metric' | 'minInvestment'>} m
 * @param {Context} ctx
 */
export const metricLabel = (m, { lang, config }) => {
  const name = config.vocabulary.metrics[m.metric][lang];
  if (m.minInvestment === undefined) return name;
  return lang === 'zh'
    ? `${name}（${threshold(m.minInvestment, 'zh')}以上）`
    : `${name} (≥ ${threshold(m.minInvestment, 'en')})`;
};

/**
 * Bars: completion % of each plan's count and amount metrics (rates are not completions and are
 * left out). Line: 序时进度, the share of the year elapsed on `asOf` — where a metric on schedule
 * would stand.
 * @param {ReadonlyArray<TargetProgressView>} plans every unit's plan, then the region's
 * @param {Context} ctx
 * @returns {Option}
 */
export const progressOption = (plans, ctx) => {
  const { lang } = ctx;
  const first = plans[0];
  if (first === undefined) {
    return {
      title: title(t(lang, 'progressTitle'), t(lang, 'noPlans', { year: ctx.year })),
      graphic: note(t(lang, 'noData')),
      series: [],
    };
  }
  /** @type {Map<string, MetricProgress>} */
  const metrics = new Map();
  for (const plan of plans)
    for (const m of plan.metrics)
      if (m.kind !== 'rate' && !metrics.has(metricKey(m))) metrics.set(metricKey(m), m);
  // In the vocabulary's order of metrics (the catalogue's).
  const order = Object.keys(ctx.config.vocabulary.metrics);
  const ordered = [...metrics.values()].sort(
    (a, b) =>
      order.indexOf(a.metric) - order.indexOf(b.metric) || (a.minInvestment ?? 0) - (b.minInvestment ?? 0),
  );
  const categories = plans.map((p) => unitName(ctx, p.unitId));
  /** @param {TargetProgressView} plan @param {string} key */
  const find = (plan, key) => plan.metrics.find((m) => metricKey(m) === key);
  const expected = percentOf(first.elapsedFraction);
  const expectedName = t(lang, 'expected');

  /** @type {import('echarts').BarSeriesOption[]} */
  const bars = ordered.map((m, i) => ({
    id: `metric:${metricKey(m)}`,
    name: metricLabel(m, ctx),
    type: 'bar',
    barMaxWidth: 22,
    itemStyle: { color: PALETTE[i % PALETTE.length] ?? MUTED },
    data: plans.map((plan) => find(plan, metricKey(m))?.percent ?? null),
  }));
  /** @type {import('echarts').LineSeriesOption} */
  const line = {
    id: 'expected',
    name: expectedName,
    type: 'line',
    data: plans.map((p) => percentOf(p.elapsedFraction)),
    symbol: 'diamond',
    symbolSize: 11,
    z: 5,
    lineStyle: { type: 'dashed', width: 2, color: LIGHT_COLOURS.red },
    itemStyle: { color: LIGHT_COLOURS.red },
    endLabel: {
      show: true,
      formatter: (p) => `${t(lang, 'expectedShort')} ${String(p.value)}%`,
      color: LIGHT_COLOURS.red,
      fontWeight: 'bold',
      offset: [6, -14],
    },
  };
  const narrow = ctx.narrow === true;
  if (narrow) line.endLabel = { show: false };
  return {
    title: title(
      t(lang, 'progressTitle'),
      t(lang, 'progressSubtitle', { year: ctx.year, asOf: first.asOf, expected: expected.toFixed(2) }),
      narrow,
    ),
    color: PALETTE,
    legend: {
      top: 56,
      left: 12,
      right: 12,
      // On a phone the legend is one line that scrolls, not five that cover the bars.
      ...(narrow ? { type: 'scroll' } : {}),
      selected: Object.fromEntries(
        ordered.map((m) => [metricLabel(m, ctx), MAIN_METRICS.includes(m.metric)]),
      ),
    },
    grid: narrow
      ? { left: 44, right: 12, top: 116, bottom: 48 }
      : { left: 56, right: 112, top: 132, bottom: 36 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const list = asList(params);
        const plan = plans[list[0]?.dataIndex ?? -1];
        if (plan === undefined) return '';
        const rows = list.map((p) => {
          if (p.seriesId === 'expected') return `${p.marker}${escapeHtml(expectedName)}: <b>${p.value}%</b>`;
          const m = find(plan, String(p.seriesId).slice('metric:'.length));
          if (m === undefined) return '';
          const gap =
            m.lagPoints > 0
              ? t(lang, 'lag', { points: m.lagPoints })
              : t(lang, 'ahead', { points: -m.lagPoints });
          return (
            `${p.marker}${escapeHtml(p.seriesName ?? '')}: <b>${m.percent}%</b> ` +
            `<span style="color:${MUTED}">(${escapeHtml(figure(m.kind, m.actual, lang))} / ${escapeHtml(figure(m.kind, m.target, lang))} · ${escapeHtml(gap)})</span>`
          );
        });
        return [`<b>${escapeHtml(unitName(ctx, plan.unitId))}</b>`, ...rows.filter((r) => r !== '')].join(
          '<br/>',
        );
      },
    },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: narrow
        ? { fontSize: 11, color: '#1f2d3d', interval: 0, width: 64, overflow: 'break' }
        : { fontSize: 13, color: '#1f2d3d' },
    },
    yAxis: {
      type: 'value',
      name: t(lang, 'progressAxis'),
      nameTextStyle: { align: 'left', color: MUTED },
      nameGap: 14,
      axisLabel: { formatter: '{value}%' },
    },
    series: [...bars, line],
  };
};

// ---------------------------------------------------------------------------------------------
// Funnel lead → signed → started → in production

/**
 * A funnel step in words: the leads (planned projects included), then the events that mark the
 * next steps, in the vocabulary's words.
 * @param {import('./data.js').FunnelStep} step
 * @param {Context} ctx
 */
const stepLabel = (step, { lang, config }) => {
  const v = config.vocabulary;
  switch (step) {
    case 'lead':
      return t(lang, 'stepLead', { lead: v.stages.lead[lang], planned: v.stages.planned[lang] });
    case 'signed':
      return v.keyEvents.AgreementSigned[lang];
    case 'started':
      return v.keyEvents.ConstructionStarted[lang];
    case 'production':
      return v.keyEvents.ProductionStarted[lang];
  }
};
const STEP_COLOURS = ['#5b8def', '#3aa0a8', '#e6a23c', '#2e9e5b'];

/**
 * @param {ReadonlyArray<RegisterEntry>} register
 * @param {Context} ctx
 * @returns {Option}
 */
export const funnelOption = (register, ctx) => {
  const { lang } = ctx;
  const steps = funnel(register, ctx.year, ctx.asOf);
  const leads = steps[0]?.projects.length ?? 0;
  /** @param {number} n */
  const share = (n) => (leads === 0 ? '0' : ((n * 100) / leads).toFixed(1));
  return {
    title: title(t(lang, 'funnelTitle'), t(lang, 'funnelSubtitle', { year: ctx.year, asOf: ctx.asOf })),
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const p = asList(params)[0];
        const step = steps[p?.dataIndex ?? -1];
        if (p === undefined || step === undefined) return '';
        const invested = money(sumExact(step.projects.map((e) => e.investment)), lang);
        return (
          `<b>${escapeHtml(p.name)}</b>: ${escapeHtml(t(lang, 'projectsUnit', { n: step.projects.length }))}` +
          `<br/>${escapeHtml(t(lang, 'ofLeads', { percent: share(step.projects.length) }))}` +
          `<br/>${escapeHtml(t(lang, 'investment'))}: ${escapeHtml(invested)}`
        );
      },
    },
    series: [
      {
        id: 'funnel',
        name: t(lang, 'funnelSeries'),
        type: 'funnel',
        sort: 'none',
        top: 64,
        bottom: 16,
        left: '6%',
        width: '58%',
        minSize: '14%',
        gap: 3,
        label: {
          position: 'right',
          formatter: (p) => {
            const value = Number(p.value);
            const head = `{name|${p.name}}  {value|${value}}`;
            return p.dataIndex === 0
              ? head
              : `${head}\n{share|${t(lang, 'ofLeads', { percent: share(value) })}}`;
          },
          rich: {
            name: { fontSize: 13, color: '#1f2d3d' },
            value: { fontSize: 16, fontWeight: 'bold', color: '#1f2d3d' },
            share: { fontSize: 12, color: MUTED, lineHeight: 18 },
          },
        },
        labelLine: { length: 16, lineStyle: { color: '#c3cad6' } },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        data: steps.map((s, i) => ({
          name: stepLabel(s.step, ctx),
          value: s.projects.length,
          itemStyle: { color: STEP_COLOURS[i] ?? MUTED },
        })),
      },
    ],
  };
};

// ---------------------------------------------------------------------------------------------
// Ranking of units (赛马)

/**
 * @param {PerformanceReview} review
 * @param {Context} ctx
 * @returns {Option}
 */
export const rankingOption = (review, ctx) => {
  const { lang } = ctx;
  const units = [...review.units].sort((a, b) => a.rank - b.rank || (a.unitId < b.unitId ? -1 : 1));
  const subtitle = t(lang, 'rankingSubtitle', {
    from: review.from,
    to: review.to,
    policy: policyName(ctx, review.policy),
  });
  if (units.length === 0)
    return { title: title(t(lang, 'rankingTitle'), subtitle), graphic: note(t(lang, 'noData')), series: [] };
  return {
    title: title(t(lang, 'rankingTitle'), subtitle),
    grid: { left: 150, right: 110, top: 70, bottom: 30 },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const u = units[asList(params)[0]?.dataIndex ?? -1];
        if (u === undefined) return '';
        const lines = u.breakdown
          .filter((b) => b.points !== 0)
          .map(
            (b) => `${escapeHtml(lang === 'zh' ? b.label : b.rule)}: ${b.points > 0 ? '+' : ''}${b.points}`,
          );
        return [
          `<b>${escapeHtml(unitName(ctx, u.unitId))}</b> · ${escapeHtml(t(lang, 'rank', { rank: u.rank }))}`,
          `${escapeHtml(t(lang, 'score'))}: <b>${u.score}</b>${u.vetoed ? ` (${escapeHtml(t(lang, 'vetoed'))})` : ''}`,
          ...lines,
        ].join('<br/>');
      },
    },
    xAxis: { type: 'value', name: t(lang, 'score'), nameTextStyle: { color: MUTED } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((u) => unitName(ctx, u.unitId)),
      axisLabel: { fontSize: 13, color: '#1f2d3d' },
    },
    series: [
      {
        id: 'score',
        name: t(lang, 'score'),
        type: 'bar',
        barMaxWidth: 28,
        data: units.map((u) => ({
          value: u.score,
          itemStyle: {
            color: u.vetoed ? VETOED : (MEDALS[u.rank - 1] ?? LIGHT_COLOURS.blue),
            borderRadius: [0, 4, 4, 0],
          },
        })),
        label: {
          show: true,
          position: 'right',
          fontSize: 12,
          formatter: (p) => {
            const u = units[p.dataIndex];
            if (u === undefined) return '';
            return `${t(lang, 'rank', { rank: u.rank })} · ${u.score}${u.vetoed ? ` · ${t(lang, 'vetoed')}` : ''}`;
          },
        },
      },
    ],
  };
};

// ---------------------------------------------------------------------------------------------
// Supervision list with days overdue

/** Items the bar chart shows at most (the table lists the whole page). */
export const SUPERVISION_BARS = 15;

/**
 * The supervision chart's height in pixels: room for two lines of label per bar.
 * @param {SupervisionPage} page
 */
export const supervisionHeight = (page) =>
  Math.max(240, 110 + 36 * Math.min(SUPERVISION_BARS, page.items.filter((i) => i.overdue).length));

/**
 * When an item is due, or that its R7 deadline waits for a year's holiday schedule (never a guessed date).
 * @param {SupervisionEntry} item
 * @param {Lang} lang
 * @returns {string}
 */
export const dueText = (item, lang) =>
  item.dueOn ?? t(lang, 'duePendingCalendar', { year: item.pendingCalendarYear ?? '—' });

/**
 * The item's name in the page's language: the projection's label (Chinese, with the exit rule's
 * term), its English label for a missed milestone, else the vocabulary's kind of item with the
 * label (a procedure's title, a rectification's items are the office's own words).
 * @param {SupervisionEntry} item
 * @param {Context} ctx
 */
export const itemLabel = (item, { lang, config }) => {
  if (lang === 'zh') return item.label;
  if (item.labelEn !== undefined) return item.labelEn;
  if (item.milestoneKind !== undefined) return config.vocabulary.milestoneKinds[item.milestoneKind].en;
  return `${config.vocabulary.supervisionItemKinds[item.kind].en}: ${item.label}`;
};

/**
 * The owner column's heading: a 包保领导 answers for a project's item, the department or unit it was
 * handed to for a 交办 item or an enterprise request, so the column says both (责任人/责任单位).
 * @param {Context} ctx
 */
export const ownerHeading = ({ lang }) => t(lang, 'colOwner');

/**
 * Who answers for an item in the supervision table: a project's 包保领导; for a 交办 item (a meeting's,
 * an enterprise request's) without one, the department it was handed to (the vocabulary's name) or
 * the unit that owns it; else "—".
 * @param {SupervisionEntry} item
 * @param {Context} ctx
 * @returns {string}
 */
export const ownerText = (item, ctx) => {
  if (item.owner !== undefined) return item.owner.name;
  if (item.kind !== 'meeting-item' && item.kind !== 'enterprise-request') return '—';
  if (item.departmentId === undefined) return unitName(ctx, item.unitId);
  /** @type {Readonly<Record<string, { zh: string; en: string } | undefined>>} */
  const departments = ctx.config.vocabulary.departments;
  return departments[item.departmentId]?.[ctx.lang] ?? item.departmentId;
};

/**
 * The overdue items of the list's first page, most overdue first (the API's order), as bars.
 * @param {SupervisionPage} page
 * @param {Context} ctx
 * @returns {Option}
 */
export const supervisionOption = (page, ctx) => {
  const { lang } = ctx;
  const overdue = page.items.filter((i) => i.overdue);
  const shown = overdue.slice(0, SUPERVISION_BARS);
  const subtitle = t(lang, 'supervisionSubtitle', {
    asOf: ctx.asOf,
    total: page.total,
    overdue: overdue.length,
  });
  if (shown.length === 0)
    return {
      title: title(t(lang, 'supervisionTitle'), subtitle),
      graphic: note(t(lang, 'nothingOverdue', { asOf: ctx.asOf })),
      series: [],
    };
  return {
    title: title(t(lang, 'supervisionTitle'), subtitle),
    grid: { left: 12, right: 56, top: 70, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const item = shown[asList(params)[0]?.dataIndex ?? -1];
        if (item === undefined) return '';
        return [
          item.projectId === undefined
            ? `<b>${escapeHtml(item.projectName)}</b>`
            : `<b>${escapeHtml(item.projectName)}</b> (${escapeHtml(item.projectId)})`,
          `${escapeHtml(unitName(ctx, item.unitId))} · ${escapeHtml(itemLabel(item, ctx))}`,
          `${escapeHtml(t(lang, 'colDue'))}: ${escapeHtml(dueText(item, lang))} · ${escapeHtml(t(lang, 'daysUnit', { n: item.daysOverdue }))}`,
          ...(item.owner !== undefined
            ? [`${escapeHtml(ownerHeading(ctx))}: ${escapeHtml(item.owner.name)}`]
            : []),
        ].join('<br/>');
      },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((i) => `${i.projectName}\n${itemLabel(i, ctx)}`),
      axisLabel: { fontSize: 11, color: '#1f2d3d', width: 220, overflow: 'truncate', lineHeight: 14 },
    },
    series: [
      {
        id: 'daysOverdue',
        name: t(lang, 'daysOverdue'),
        type: 'bar',
        barMaxWidth: 18,
        data: shown.map((i) => ({
          value: i.daysOverdue,
          itemStyle: { color: i.daysOverdue > 30 ? LIGHT_COLOURS.red : LIGHT_COLOURS.yellow },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p) => t(lang, 'daysUnit', { n: Number(p.value) }),
        },
      },
    ],
  };
};

// ---------------------------------------------------------------------------------------------
// A project's timeline from its history

/**
 * An event type's description in the vocabulary (undefined for a type the server did not name).
 * @param {Context} ctx
 * @param {string} type
 */
const eventLabel = ({ lang, config }, type) =>
  Object.prototype.hasOwnProperty.call(config.vocabulary.eventTypes, type)
    ? config.vocabulary.eventTypes[/** @type {keyof Vocabulary['eventTypes']} */ (type)][lang]
    : undefined;

/**
 * The short name of an event that marks a project's way (signed, started …), if it is one.
 * @param {Context} ctx
 * @param {string} type
 */
const keyEventLabel = ({ lang, config }, type) =>
  Object.prototype.hasOwnProperty.call(config.vocabulary.keyEvents, type)
    ? config.vocabulary.keyEvents[/** @type {keyof Vocabulary['keyEvents']} */ (type)][lang]
    : undefined;

const LANE_COLOURS = [
  '#5b8def',
  '#8e5cc4',
  '#16a2b8',
  '#c0392b',
  '#7a8b99',
  '#e6a23c',
  '#2e9e5b',
  '#b8860b',
  '#d9534f',
  '#4a4a4a',
  '#8a94a6',
];

/**
 * Every event of the project's stream on a time axis (its business date), one lane per phase.
 * @param {ProjectHistory} history
 * @param {RegisterEntry | undefined} project
 * @param {Context} ctx
 * @returns {Option}
 */
export const timelineOption = (history, project, ctx) => {
  const { lang } = ctx;
  const events = history.events.map((e) => ({ event: e, date: businessDateOf(e), lane: laneOf(e.type) }));
  const lanes = LANES.filter((l) => events.some((e) => e.lane === l.lane)).map((l) => l.lane);
  const chain = history.chain.ok
    ? `${t(lang, 'chainOk')} (${history.chain.checked})`
    : t(lang, 'chainBroken', { reason: history.chain.reason ?? '' });
  const name = project === undefined ? history.streamName : `${project.name}（${project.projectId}）`;
  return {
    title: title(
      t(lang, 'timelineTitle'),
      t(lang, 'timelineSubtitle', { project: name, events: events.length, chain }),
      ctx.narrow,
    ),
    grid: { left: 96, right: 48, top: 92, bottom: 64 },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'slider', xAxisIndex: 0, filterMode: 'none', height: 16, bottom: 10 },
    ],
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const item = events[asList(params)[0]?.dataIndex ?? -1];
        if (item === undefined) return '';
        const described = eventLabel(ctx, item.event.type) ?? item.event.type;
        const actor = item.event.metadata.actor;
        const role =
          typeof actor === 'object' && actor !== null && 'role' in actor && typeof actor.role === 'string'
            ? actor.role
            : '';
        return [
          `<b>${escapeHtml(described)}</b>`,
          `${item.date} · ${escapeHtml(item.event.type)}`,
          `${escapeHtml(t(lang, 'revision'))} ${item.event.revision}${role !== '' ? ` · ${escapeHtml(t(lang, 'actor'))} ${escapeHtml(role)}` : ''}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'time',
      axisLabel: { hideOverlap: true },
      splitLine: { show: true, lineStyle: { color: '#eef1f5' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: lanes.map((l) => ctx.config.vocabulary.historyPhases[l][lang]),
      axisLabel: { fontSize: 12, color: '#1f2d3d' },
      splitLine: { show: true, lineStyle: { color: '#eef1f5' } },
    },
    series: [
      {
        id: 'events',
        name: t(lang, 'events'),
        type: 'scatter',
        symbolSize: 11,
        labelLayout: { hideOverlap: true },
        data: events.map((e) => {
          const lane = lanes.indexOf(e.lane);
          const short = keyEventLabel(ctx, e.event.type);
          return {
            name: e.event.type,
            value: [e.date, lane],
            itemStyle: { color: LANE_COLOURS[LANES.findIndex((l) => l.lane === e.lane)] ?? MUTED },
            label: {
              show: short !== undefined,
              formatter: short ?? '',
              position: 'top',
              fontSize: 11,
              color: '#1f2d3d',
            },
          };
        }),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: LIGHT_COLOURS.red },
          label: {
            formatter: `${t(lang, 'asOf')} ${ctx.asOf}`,
            position: 'start',
            color: LIGHT_COLOURS.red,
            fontSize: 11,
          },
          data: [{ xAxis: ctx.asOf }],
        },
      },
    ],
  };
};

// ---------------------------------------------------------------------------------------------
// Counts as horizontal bars (the requests and meetings panels)

/**
 * A small panel of counts, one horizontal bar each, with its value at the bar's end.
 * @param {{ readonly id: string, readonly heading: string, readonly subtitle: string, readonly axis: string }} chart
 * @param {ReadonlyArray<{ readonly name: string, readonly value: number, readonly colour: string }>} bars
 * @returns {Option}
 */
const countBarsOption = ({ id, heading, subtitle, axis }, bars) => ({
  title: title(heading, subtitle),
  grid: { left: 12, right: 40, top: 70, bottom: 24, containLabel: true },
  tooltip: { trigger: 'item' },
  xAxis: { type: 'value', name: axis, minInterval: 1, nameTextStyle: { color: MUTED } },
  yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name) },
  series: [
    {
      id,
      name: axis,
      type: 'bar',
      barMaxWidth: 22,
      data: bars.map((b) => ({
        value: b.value,
        itemStyle: { color: b.colour, borderRadius: [0, 4, 4, 0] },
      })),
      label: { show: true, position: 'right' },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Enterprise requests (R17, 004 §(十二) 诉求闭环): counts by status and overdue, as of the server's today

/**
 * @param {import('./data.js').RequestCounts} counts
 * @param {Context} ctx
 * @param {string} today the server's today (overdue is judged on it, never on the page's date)
 * @returns {Option}
 */
export const requestsOption = (counts, ctx, today) => {
  const { lang } = ctx;
  const total = counts.byStatus.reduce((n, s) => n + s.count, 0);
  const subtitle = t(lang, 'requestsSubtitle', { today, total, overdue: counts.overdue });
  if (total === 0)
    return { title: title(t(lang, 'requestsTitle'), subtitle), graphic: note(t(lang, 'noData')), series: [] };
  const bars = [
    ...counts.byStatus.map((s, i) => ({
      name: ctx.config.vocabulary.requestStatuses[s.status][lang],
      value: s.count,
      colour: PALETTE[i % PALETTE.length] ?? LIGHT_COLOURS.blue,
    })),
    { name: t(lang, 'requestsOverdue'), value: counts.overdue, colour: LIGHT_COLOURS.red },
  ];
  return countBarsOption(
    { id: 'requests', heading: t(lang, 'requestsTitle'), subtitle, axis: t(lang, 'requestsAxis') },
    bars,
  );
};

// ---------------------------------------------------------------------------------------------
// Leading-group meetings (R20, 000 §五.1 每月定期召开工作例会; 003 限时办结制): the year's 交办 items

/**
 * The items the year's meetings handed out, open, overdue and reported done as of the page's date;
 * the subtitle names the months without a monthly 例会 (a visible fact, not a silence).
 * @param {import('./data.js').MeetingsRegister} register
 * @param {Context} ctx
 * @returns {Option}
 */
export const meetingsOption = (register, ctx) => {
  const { lang, config } = ctx;
  const sum = (/** @type {(m: import('./data.js').MeetingsRegister['meetings'][number]) => number} */ f) =>
    register.meetings.reduce((n, m) => n + f(m), 0);
  const items = sum((m) => m.items);
  const done = sum((m) => m.itemsDone);
  const overdue = sum((m) => m.itemsOverdue);
  const missing = register.monthsWithoutMonthlyMeeting;
  const subtitle = t(lang, 'meetingsSubtitle', {
    asOf: register.asOf,
    meetings: register.meetings.length,
    items,
    months:
      missing.length === 0
        ? t(lang, 'meetingsNone')
        : missing.map((m) => m.slice(5)).join(lang === 'zh' ? '、' : ', '),
  });
  if (items === 0)
    return { title: title(t(lang, 'meetingsTitle'), subtitle), graphic: note(t(lang, 'noData')), series: [] };
  const bars = [
    {
      name: config.vocabulary.meetingItemStatuses['handed-out'][lang],
      value: items - done - overdue,
      colour: LIGHT_COLOURS.blue,
    },
    {
      name: config.vocabulary.meetingItemTimeliness.overdue[lang],
      value: overdue,
      colour: LIGHT_COLOURS.red,
    },
    { name: t(lang, 'meetingsDone'), value: done, colour: LIGHT_COLOURS.green },
  ];
  return countBarsOption(
    { id: 'meetings', heading: t(lang, 'meetingsTitle'), subtitle, axis: t(lang, 'meetingsAxis') },
    bars,
  );
};

// ---------------------------------------------------------------------------------------------
// Land (R19): idle and low-efficiency land, and land revitalised this year by route

/** Hundredths of a 亩 as 亩 (two decimals). */
const muOf = (/** @type {number} */ hundredths) => hundredths / 100;

/**
 * Idle and low-efficiency land now (000 §四.5 低效闲置用地) and the year's revitalised land by route
 * (003 盘活土地, 腾出): one bar per kind, in 亩, the words the domain's vocabulary's.
 * @param {import('./data.js').IdleLand} idle
 * @param {import('./data.js').RevitalisedLand} revitalised
 * @param {Context} ctx
 * @returns {Option}
 */
export const landOption = (idle, revitalised, ctx) => {
  const { lang, config, year } = ctx;
  const words = config.vocabulary;
  const thisYear = revitalised.years.find((y) => y.year === year);
  const routes = /** @type {const} */ ([
    'government-reserve',
    'equity-transfer',
    'bankruptcy-restructuring',
    'cooperative-investment',
  ]);
  const bars = [
    { id: 'idle', label: words.plotFlags.idle[lang], area: idle.totals.idleArea, colour: LIGHT_COLOURS.red },
    {
      id: 'low-efficiency',
      label: words.plotFlags['low-efficiency'][lang],
      area: idle.totals.lowEfficiencyArea,
      colour: LIGHT_COLOURS.yellow,
    },
    ...routes.map((route) => ({
      id: route,
      label: words.revitalisationRoutes[route][lang],
      area: thisYear?.byRoute[route].area ?? 0,
      colour: LIGHT_COLOURS.green,
    })),
  ];
  const subtitle = t(lang, 'landSubtitle', {
    plots: idle.totals.plots,
    area: muOf(idle.totals.area),
    occupants: idle.totals.occupants,
    year,
    revitalised: muOf(thisYear?.revitalised ?? 0),
    freed: muOf(thisYear?.freed ?? 0),
  });
  return {
    title: title(t(lang, 'landTitle'), subtitle),
    grid: { left: 60, right: 30, top: 95, bottom: 40 },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'category',
      data: bars.map((b) => b.label),
      axisLabel: { fontSize: 12, color: '#1f2d3d' },
    },
    yAxis: { type: 'value', name: t(lang, 'landAxis'), nameTextStyle: { color: MUTED } },
    series: [
      {
        id: 'land',
        name: t(lang, 'landAxis'),
        type: 'bar',
        barMaxWidth: 40,
        data: bars.map((b) => ({ value: muOf(b.area), itemStyle: { color: b.colour } })),
        label: { show: true, position: 'top', fontSize: 12 },
      },
    ],
  };
};
