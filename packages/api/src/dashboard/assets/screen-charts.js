// @ts-check
/**
 * The 大屏's figures and charts (issue #18 item 4): pure functions of the API's answers, the
 * language and the chosen unit, drawn on a dark wall screen. Series ids are stable across
 * languages (the browser test reads them). Traffic lights are the projections' own (`light` of each
 * metric, plan and project): the page never judges a colour by a threshold of its own.
 */
import { LIGHT_COLOURS, escapeHtml, metricKey, metricLabel, policyName, unitName } from './charts.js';
import { percentOf, scaled, threshold } from './format.js';
import { t } from './i18n.js';

/** @typedef {import('echarts').EChartsOption} Option */
/** @typedef {import('./charts.js').Context} Context */
/** @typedef {import('./data.js').TargetTrendView} TargetTrendView */
/** @typedef {import('./data.js').TargetProgressView} TargetProgressView */
/** @typedef {import('./data.js').MetricProgress} MetricProgress */
/** @typedef {import('./data.js').PerformanceReview} PerformanceReview */
/** @typedef {import('./data.js').RegisterEntry} RegisterEntry */
/** @typedef {import('./data.js').SupervisionEntry} SupervisionEntry */
/** @typedef {import('@zhaoshang/projections').HeadlineFigure} HeadlineFigure */
/** @typedef {import('@zhaoshang/domain').TrafficLight} Light */

const FEN_PER_YI = 10_000_000_000n;
const INK = '#e6f0ff';
const MUTED = '#8fa8cc';
const GRID_LINE = 'rgba(143, 168, 204, 0.18)';
const PALETTE = ['#35d0ff', '#ffd666', '#3ddc84', '#b37feb', '#ff9c6e', '#5cdbd3'];
const MEDALS = ['#ffd666', '#d9e2ec', '#e0a36b'];

/** The metrics the 大屏's target panels show (the others are on the detailed dashboard). */
const MAIN_METRICS = ['signedProjects', 'signedAgreementFunds', 'startedProjects', 'fixedAssetInvestment'];

/**
 * 分 as 亿元 with two decimals (exact: BigInt), the number only.
 * @param {number} fen
 */
export const yi = (fen) => scaled(fen, FEN_PER_YI);

/**
 * @param {string} text
 * @param {string} [subtext]
 * @returns {import('echarts').TitleComponentOption}
 */
const title = (text, subtext) => ({
  text,
  ...(subtext !== undefined ? { subtext } : {}),
  left: 0,
  top: 0,
  textStyle: { fontSize: 18, fontWeight: 'bold', color: '#fff' },
  subtextStyle: { fontSize: 13, color: MUTED },
});

/** @param {string} text @returns {import('echarts').GraphicComponentOption} */
const note = (text) => ({
  type: 'text',
  left: 'center',
  top: 'middle',
  style: { text, fontSize: 16, fill: MUTED },
});

// ---------------------------------------------------------------------------------------------
// Headline figures

/**
 * A headline card: its label, its figure (the number only, as `data-figure` carries it), its unit
 * and a line under it.
 * @typedef {{ readonly id: string, readonly label: string, readonly figure: string, readonly unit: string, readonly sub: string }} Card
 */

/**
 * The figures on the 大屏's face, year to date on the as-of date: signings (and those of 1 亿元 and
 * more), agreement funds in 亿元, starts, fixed-asset investment in 亿元, then the supervision list.
 * @param {TargetTrendView} trend
 * @param {{ readonly total: number, readonly overdue: number, readonly late: number }} supervision
 * @param {Context} ctx
 * @returns {ReadonlyArray<Card>}
 */
export const headlineCards = (trend, supervision, ctx) => {
  const { lang, config } = ctx;
  /** @param {string} metric @param {number} [minInvestment] */
  const find = (metric, minInvestment) =>
    trend.headline.find((h) => h.metric === metric && h.minInvestment === minInvestment);
  /** @param {HeadlineFigure | undefined} h */
  const value = (h) => (h === undefined ? '—' : h.kind === 'cny' ? yi(h.actual) : String(h.actual));
  /** @param {HeadlineFigure | undefined} h */
  const unit = (h) => (h?.kind === 'cny' ? t(lang, 'yiUnit') : t(lang, 'countUnit'));
  const signed = find('signedProjects');
  const large = trend.headline.find((h) => h.metric === 'signedProjects' && h.minInvestment !== undefined);
  const asOf = t(lang, 'asOf');
  /** @param {HeadlineFigure | undefined} h @param {string} metric @param {string} sub */
  const card = (h, metric, sub) => ({
    id: h === undefined ? metric : metricKey(h),
    label: config.vocabulary.metrics[/** @type {HeadlineFigure['metric']} */ (metric)][lang],
    figure: value(h),
    unit: unit(h),
    sub,
  });
  return [
    card(
      signed,
      'signedProjects',
      large?.minInvestment === undefined
        ? ''
        : t(lang, 'ofWhich', {
            label:
              lang === 'zh'
                ? `${threshold(large.minInvestment, 'zh')}以上`
                : `≥ ${threshold(large.minInvestment, 'en')}`,
            n: large.actual,
          }),
    ),
    card(find('signedAgreementFunds'), 'signedAgreementFunds', `${asOf} ${trend.asOf}`),
    card(find('startedProjects'), 'startedProjects', `${asOf} ${trend.asOf}`),
    card(find('fixedAssetInvestment'), 'fixedAssetInvestment', `${asOf} ${trend.asOf}`),
    {
      id: 'supervision',
      label: t(lang, 'supervisionCard'),
      figure: String(supervision.total),
      unit: lang === 'zh' ? '项' : '',
      sub: t(lang, 'supervisionCardSub', { overdue: supervision.overdue, late: supervision.late }),
    },
  ];
};

/**
 * The plan's completion (完成年度目标) for the card beside the figures: each main count or amount
 * metric of the plan, its percent and its light (the projection's).
 * @param {TargetTrendView} trend
 * @param {Context} ctx
 * @returns {ReadonlyArray<{ readonly id: string, readonly label: string, readonly percent: number, readonly light: Light }>}
 */
export const completionRows = (trend, ctx) =>
  (trend.plan?.metrics ?? [])
    .filter((m) => m.kind !== 'rate' && MAIN_METRICS.includes(m.metric))
    .map((m) => ({ id: metricKey(m), label: metricLabel(m, ctx), percent: m.percent, light: m.light }));

// ---------------------------------------------------------------------------------------------
// Target completion by traffic light

/**
 * The rows of the traffic-light table: one per plan (units, then the region), one cell per main
 * metric any plan sets, each with the plan's percent and the projection's light for it.
 * @param {ReadonlyArray<TargetProgressView>} plans
 * @param {Context} ctx
 */
export const lightRows = (plans, ctx) => {
  /** @type {Map<string, MetricProgress>} */
  const columns = new Map();
  for (const plan of plans)
    for (const m of plan.metrics)
      if (m.kind !== 'rate' && MAIN_METRICS.includes(m.metric) && !columns.has(metricKey(m)))
        columns.set(metricKey(m), m);
  const order = Object.keys(ctx.config.vocabulary.metrics);
  const keys = [...columns.values()]
    .sort(
      (a, b) =>
        order.indexOf(a.metric) - order.indexOf(b.metric) || (a.minInvestment ?? 0) - (b.minInvestment ?? 0),
    )
    .map((m) => ({ key: metricKey(m), label: metricLabel(m, ctx) }));
  return {
    columns: keys,
    rows: plans.map((plan) => ({
      unitId: plan.unitId,
      scope: plan.scope,
      name: unitName(ctx, plan.unitId),
      light: plan.light,
      cells: keys.map(({ key }) => {
        const m = plan.metrics.find((x) => metricKey(x) === key);
        return m === undefined ? undefined : { percent: m.percent, light: m.light };
      }),
    })),
    expected: plans[0] === undefined ? undefined : percentOf(plans[0].elapsedFraction),
  };
};

// ---------------------------------------------------------------------------------------------
// The year month by month against 序时进度

/**
 * One line per main metric of the plan: its cumulative figure at each month's end as a percent of
 * the annual target; the dashed line is 序时进度 at each month's end (the share of the year elapsed).
 * @param {TargetTrendView} trend
 * @param {Context} ctx
 * @returns {Option}
 */
export const trendOption = (trend, ctx) => {
  const { lang } = ctx;
  const months = trend.months.map((m) =>
    lang === 'zh' ? `${Number(m.month.slice(5))}月` : m.month.slice(5),
  );
  const metrics = (trend.plan?.metrics ?? []).filter(
    (m) => m.kind !== 'rate' && MAIN_METRICS.includes(m.metric) && m.target > 0,
  );
  if (metrics.length === 0)
    return {
      backgroundColor: 'transparent',
      title: title(t(lang, 'trendTitle')),
      graphic: note(t(lang, 'noPlan', { year: trend.year })),
      series: [],
    };
  const expectedName = t(lang, 'expected');
  return {
    backgroundColor: 'transparent',
    color: PALETTE,
    title: title(t(lang, 'trendTitle')),
    legend: { top: 28, left: 0, right: 0, textStyle: { color: INK, fontSize: 13 }, type: 'scroll' },
    grid: { left: 8, right: 24, top: 78, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}%` },
    xAxis: { type: 'category', data: months, axisLabel: { color: INK, fontSize: 13 } },
    yAxis: {
      type: 'value',
      axisLabel: { color: MUTED, formatter: '{value}%' },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    series: [
      ...metrics.map((m) => ({
        id: `trend:${metricKey(m)}`,
        name: metricLabel(m, ctx),
        type: /** @type {const} */ ('line'),
        symbolSize: 7,
        lineStyle: { width: 3 },
        data: m.series.map((p) => Math.round((p.cumulative / m.target) * 10_000) / 100),
      })),
      {
        id: 'expected',
        name: expectedName,
        type: /** @type {const} */ ('line'),
        symbol: 'none',
        lineStyle: { type: 'dashed', width: 2, color: LIGHT_COLOURS.red },
        itemStyle: { color: LIGHT_COLOURS.red },
        data: trend.months.map((m) => percentOf(m.elapsedFraction)),
      },
    ],
  };
};

// ---------------------------------------------------------------------------------------------
// 赛马

/**
 * The ranking of units (best first), the chosen unit outlined; a click opens a unit.
 * @param {PerformanceReview} review
 * @param {Context} ctx
 * @param {string | undefined} chosen
 * @returns {{ readonly option: Option, readonly unitIds: ReadonlyArray<string> }}
 */
export const screenRankingOption = (review, ctx, chosen) => {
  const { lang } = ctx;
  const units = [...review.units].sort((a, b) => a.rank - b.rank || (a.unitId < b.unitId ? -1 : 1));
  const heading = title(
    t(lang, 'rankingTitle'),
    t(lang, 'rankingSubtitle', { from: review.from, to: review.to, policy: policyName(ctx, review.policy) }),
  );
  if (units.length === 0)
    return {
      option: {
        backgroundColor: 'transparent',
        title: heading,
        graphic: note(t(lang, 'noData')),
        series: [],
      },
      unitIds: [],
    };
  return {
    unitIds: units.map((u) => u.unitId),
    option: {
      backgroundColor: 'transparent',
      title: heading,
      grid: { left: 8, right: 120, top: 58, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const p = Array.isArray(params) ? params[0] : params;
          const u = units[p?.dataIndex ?? -1];
          return u === undefined
            ? ''
            : `<b>${escapeHtml(unitName(ctx, u.unitId))}</b><br/>${escapeHtml(t(lang, 'score'))}: ${u.score}`;
        },
      },
      xAxis: { type: 'value', axisLabel: { color: MUTED }, splitLine: { lineStyle: { color: GRID_LINE } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: units.map((u) => unitName(ctx, u.unitId)),
        axisLabel: { color: INK, fontSize: 15 },
      },
      series: [
        {
          id: 'score',
          name: t(lang, 'score'),
          type: 'bar',
          barMaxWidth: 30,
          cursor: 'pointer',
          data: units.map((u) => ({
            value: u.score,
            itemStyle: {
              color: u.vetoed ? '#5b6b84' : (MEDALS[u.rank - 1] ?? '#35d0ff'),
              borderRadius: [0, 4, 4, 0],
              ...(u.unitId === chosen ? { borderColor: '#fff', borderWidth: 2 } : {}),
            },
          })),
          label: {
            show: true,
            position: 'right',
            color: INK,
            fontSize: 14,
            formatter: (p) => {
              const u = units[p.dataIndex];
              if (u === undefined) return '';
              return `${t(lang, 'rank', { rank: u.rank })} · ${u.score}${u.vetoed ? ` · ${t(lang, 'vetoed')}` : ''}`;
            },
          },
        },
      ],
    },
  };
};

// ---------------------------------------------------------------------------------------------
// Supervision items by unit

/**
 * The supervision list's items per unit, overdue (red) and not yet (blue); a click opens a unit.
 * @param {ReadonlyArray<SupervisionEntry>} items
 * @param {Context} ctx
 * @returns {{ readonly option: Option, readonly unitIds: ReadonlyArray<string> }}
 */
export const supervisionByUnitOption = (items, ctx) => {
  const { lang } = ctx;
  /** @type {Map<string, { open: number, overdue: number }>} */
  const byUnit = new Map();
  for (const item of items) {
    const counts = byUnit.get(item.unitId) ?? { open: 0, overdue: 0 };
    if (item.overdue) counts.overdue += 1;
    else counts.open += 1;
    byUnit.set(item.unitId, counts);
  }
  const unitIds = [...byUnit.keys()].sort(
    (a, b) => (byUnit.get(b)?.overdue ?? 0) - (byUnit.get(a)?.overdue ?? 0) || (a < b ? -1 : 1),
  );
  const heading = title(
    t(lang, 'screenSupervisionTitle'),
    t(lang, 'supervisionSubtitle', {
      asOf: ctx.asOf,
      total: items.length,
      overdue: items.filter((i) => i.overdue).length,
    }),
  );
  if (unitIds.length === 0)
    return {
      option: {
        backgroundColor: 'transparent',
        title: heading,
        graphic: note(t(lang, 'nothingOverdue', { asOf: ctx.asOf })),
        series: [],
      },
      unitIds,
    };
  /** @param {'overdue' | 'open'} which @param {string} colour @param {string} name */
  const bars = (which, colour, name) => ({
    id: `supervision:${which}`,
    name,
    type: /** @type {const} */ ('bar'),
    stack: 'items',
    barMaxWidth: 30,
    cursor: 'pointer',
    itemStyle: { color: colour },
    label: {
      show: true,
      color: '#061229',
      fontWeight: /** @type {const} */ ('bold'),
      formatter: (/** @type {{ value: unknown }} */ p) => (Number(p.value) === 0 ? '' : String(p.value)),
    },
    data: unitIds.map((u) => byUnit.get(u)?.[which] ?? 0),
  });
  return {
    unitIds,
    option: {
      backgroundColor: 'transparent',
      title: heading,
      legend: { top: 0, right: 0, textStyle: { color: INK } },
      grid: { left: 8, right: 24, top: 58, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: MUTED },
        splitLine: { lineStyle: { color: GRID_LINE } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: unitIds.map((u) => unitName(ctx, u)),
        axisLabel: { color: INK, fontSize: 15 },
      },
      series: [
        bars('overdue', '#ff6b6b', t(lang, 'supervisionLate')),
        bars('open', '#5aa9ff', t(lang, 'supervisionOpen')),
      ],
    },
  };
};

// ---------------------------------------------------------------------------------------------
// Projects listed by name

/** How many projects the whole region's list shows (a unit's lists them all). */
export const TOP_PROJECTS = 12;

/**
 * The projects of the chosen unit (every one captured by the as-of date), or the region's largest
 * open ones, by investment (largest first), each with its stage, investment and light.
 * @param {ReadonlyArray<RegisterEntry>} register
 * @param {string} asOf
 * @param {string | undefined} unitId
 * @returns {ReadonlyArray<RegisterEntry>}
 */
export const projectsOf = (register, asOf, unitId) => {
  const captured = register.filter((e) => e.capturedOn <= asOf);
  const byInvestment = (/** @type {RegisterEntry} */ a, /** @type {RegisterEntry} */ b) =>
    b.investment - a.investment ||
    b.intendedInvestment - a.intendedInvestment ||
    (a.projectId < b.projectId ? -1 : 1);
  if (unitId !== undefined) return captured.filter((e) => e.unitId === unitId).sort(byInvestment);
  return captured
    .filter((e) => e.counted && !e.closed)
    .sort(byInvestment)
    .slice(0, TOP_PROJECTS);
};
