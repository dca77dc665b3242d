import { basisPoints, vocabulary } from '@zhaoshang/domain';
import type { Light, ReviewPeriod } from '@zhaoshang/projections';
import { lightNames } from '../table/cell';
import { exactDecimal, roundedDecimal, sumExact } from '../table/exact-decimal';
import { metricName, metricNames, periodName, thresholdName } from '../vocabulary/labels';
import type { BulletinMetric, BulletinProgress, BulletinReport, BulletinUnit } from './bulletin-report';
import { hundredthsText, provenanceNotes, ranked, unitRemarks } from './bulletin-workbook';

/*
 * The 通报 as an office circulates it (R14, 004 §(十八): 按序时进度进行通报; 000: 每月督查、通报
 * 招商引资目标计划完成情况，并纳入年终目标绩效考核): prose generated from a `BulletinReport`'s
 * figures — the region against its targets and 序时进度, the units by rank (赛马), the 红黄蓝
 * lights as the traffic-light policy gave them, the items to be supervised — as a document
 * (`bulletinDocument`), plain text (`bulletinText`) and Word (`bulletinDocx`, bulletin-docx.ts).
 * Every figure is one the workbook prints; nothing is computed that the report does not hold but
 * sums of the units' counts (exact, as the 合计 row).
 */

/** Who issues the bulletin and to whom. */
export interface BulletinTextOptions {
  /** 落款. Default: the published edition's office, else 区招商引资工作领导小组办公室. */
  readonly issuer?: string;
  /** 主送. Default 各单位. */
  readonly addressee?: string;
}

/** One part of the bulletin: 一、总体情况 and its paragraphs. */
export interface BulletinSection {
  readonly heading: string;
  readonly paragraphs: ReadonlyArray<string>;
}

/** The bulletin as text parts, before it is laid out as plain text or Word. */
export interface BulletinDocument {
  readonly title: string;
  /** A preview of a period not published (no figures digest): marked on the document. */
  readonly draft: boolean;
  readonly addressee: string;
  readonly opening: string;
  readonly sections: ReadonlyArray<BulletinSection>;
  readonly issuer: string;
  /** 2024年10月5日: the publication date, else the date of 序时进度. */
  readonly date: string;
  /** Where the figures come from and how to check them (the workbook's notes). */
  readonly notes: ReadonlyArray<string>;
}

export const DEFAULT_ISSUER = '区招商引资工作领导小组办公室';
/** What marks a preview (a period not published) on the document. */
export const DRAFT_MARK = '（预览稿，未发布）';
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 2024-09-30 → 2024年9月30日. */
export const chineseDate = (d: string): string => {
  const [y = '', m = '', day = ''] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

/** （一）, （二） … （二十三）. */
const subOrdinal = (i: number): string => {
  const n = i + 1;
  if (n <= 10) return `（${ORDINALS[n - 1] ?? n}）`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `（${tens > 1 ? (ORDINALS[tens - 1] ?? '') : ''}十${ones > 0 ? (ORDINALS[ones - 1] ?? '') : ''}）`;
};

/** A two-decimal percentage: 5.98 → 5.98%. */
const percentText = (x: number): string => `${hundredthsText(x)}%`;
const basisPointsText = (bp: number): string => `${exactDecimal(bp, 2, 2)}%`;
/** 分 in 亿元 (two decimals) or 万元 (two decimals), rounded for reading; the workbook holds them exact. */
const yi = (fen: number | bigint): string => `${roundedDecimal(fen, 10, 2)}亿元`;
const wan = (fen: number | bigint): string => `${roundedDecimal(fen, 6, 2)}万元`;

const periodOf = (r: BulletinReport): ReviewPeriod =>
  r.period.kind === 'year'
    ? { kind: 'year', year: r.period.year }
    : { kind: r.period.kind, year: r.period.year, index: r.period.index };

/** 新签约亿元以上项目, 亿元以上项目协议资金: a metric with its size threshold, as a sentence says it. */
const proseName = (m: BulletinMetric): string => {
  if (m.minInvestment === undefined) return metricName(m.metric);
  const band = m.minInvestment === 10_000_000_000 ? '亿元以上' : thresholdName(m.minInvestment);
  const name = metricNames[m.metric].name;
  return name.endsWith('项目') ? `${name.slice(0, -2)}${band}项目` : `${band}项目${name}`;
};

/** A figure of a metric in its own unit: 7个, 82.00亿元, 3000.00万美元, 62.50%. */
const amount = (m: BulletinMetric, n: number): string => {
  switch (m.kind) {
    case 'count':
      return `${n}${metricNames[m.metric].unit}`;
    case 'cny':
      return yi(n);
    case 'usd':
      return `${roundedDecimal(n, 6, 2)}万美元`;
    case 'rate':
      return basisPointsText(n);
    default: {
      const unknown: never = m.kind;
      return unknown;
    }
  }
};

/** The traffic light a figure was given, as a bulletin says it: 亮红灯. */
const lit = (light: Light): string => `亮${lightNames[light]}`;

/**
 * One metric against its target and 序时进度: 新签约亿元以上项目7个，完成年度目标（117个）的5.98%，
 * 落后序时进度68.88个百分点，亮红灯. The light is the one the policy gave the metric.
 */
const metricSentence = (m: BulletinMetric): string => {
  const done =
    m.kind === 'rate'
      ? `${proseName(m)}${amount(m, m.actual)}（目标${amount(m, m.target)}）`
      : `${proseName(m)}${amount(m, m.actual)}，完成年度目标（${amount(m, m.target)}）的${percentText(m.percent)}`;
  const behind =
    m.lagPoints <= 0
      ? ''
      : m.kind === 'rate'
        ? `，低于目标${hundredthsText(m.lagPoints)}个百分点`
        : `，落后序时进度${hundredthsText(m.lagPoints)}个百分点`;
  return `${done}${behind}，${lit(m.light)}`;
};

/** 序时进度: the share of the year elapsed, as the workbook's column has it. */
const elapsedText = (p: BulletinProgress): string =>
  basisPointsText(basisPoints(p.elapsedDays, p.daysInYear) ?? 0);

/** The six counts of R13 (and the leads) of the period, as a sentence lists them. */
const countsSentence = (c: BulletinUnit['counts']): string =>
  [
    `${metricNames.signedProjects.name}${c.newSignings}${metricNames.signedProjects.unit}`,
    `${metricNames.startedProjects.name}${c.newStarts}${metricNames.startedProjects.unit}`,
    `${metricNames.statisticsEntries.name}${c.newStatisticsEntries}${metricNames.statisticsEntries.unit}`,
    `${metricNames.fixedAssetInvestment.name}${wan(c.investmentCompleted)}`,
    `${metricNames.completedProjects.name}${c.newCompletions}${metricNames.completedProjects.unit}`,
    `${metricNames.projectsInProduction.name}${c.newProduction}${metricNames.projectsInProduction.unit}`,
    `${metricNames.leads.name}${c.effectiveLeads}${metricNames.leads.unit}`,
  ].join('，');

const sumCounts = (units: ReadonlyArray<BulletinUnit>): BulletinUnit['counts'] => {
  const sum = (f: (c: BulletinUnit['counts']) => number) => units.reduce((s, u) => s + f(u.counts), 0);
  return {
    effectiveLeads: sum((c) => c.effectiveLeads),
    newSignings: sum((c) => c.newSignings),
    newStarts: sum((c) => c.newStarts),
    newStatisticsEntries: sum((c) => c.newStatisticsEntries),
    investmentCompleted: Number(sumExact(units.map((u) => u.counts.investmentCompleted))),
    newCompletions: sum((c) => c.newCompletions),
    newProduction: sum((c) => c.newProduction),
  };
};

const names = (units: ReadonlyArray<BulletinUnit>): string => units.map((u) => u.unitName).join('、');

/** 经开区1个、城西街道2个: the units with a figure above zero, in rank order. */
const byUnit = (units: ReadonlyArray<BulletinUnit>, f: (u: BulletinUnit) => number, unit: string): string =>
  units
    .filter((u) => f(u) > 0)
    .map((u) => `${u.unitName}${f(u)}${unit}`)
    .join('、');

/** Units whose target progress the policy lit yellow or red: behind 序时进度 beyond its tolerance. */
const behindSchedule = (u: BulletinUnit): boolean =>
  u.progress !== undefined && (u.progress.light === 'red' || u.progress.light === 'yellow');

const overview = (r: BulletinReport, units: ReadonlyArray<BulletinUnit>): BulletinSection => {
  const paragraphs: string[] = [];
  const region = r.region;
  if (region !== undefined)
    paragraphs.push(
      `截至${chineseDate(r.asOf)}（序时进度${elapsedText(region)}），全区${region.metrics
        .map(metricSentence)
        .join('；')}。`,
    );
  paragraphs.push(`${periodName(periodOf(r))}，全区${countsSentence(sumCounts(units))}。`);
  const lagging = units.filter(behindSchedule);
  const planned = units.filter((u) => u.progress !== undefined);
  const noPlan = units.filter((u) => u.progress === undefined);
  paragraphs.push(
    (lagging.length > 0
      ? `${lagging.length}个单位落后序时进度（目标进度${lit('red')}或${lightNames.yellow}）：${names(lagging)}。`
      : planned.length > 0
        ? '各单位目标进度均未落后序时进度。'
        : '') + (noPlan.length > 0 ? `${noPlan.length}个单位未下达年度目标：${names(noPlan)}。` : ''),
  );
  return { heading: '总体情况', paragraphs: paragraphs.filter((p) => p !== '') };
};

const rankList = (units: ReadonlyArray<BulletinUnit>): string => {
  const groups = new Map<number, BulletinUnit[]>();
  for (const u of units) groups.set(u.rank, [...(groups.get(u.rank) ?? []), u]);
  return [...groups]
    .map(
      ([rank, us]) =>
        `${us.length > 1 ? '并列' : ''}第${rank}名${names(us)}（${hundredthsText(us[0]?.score ?? 0)}分）`,
    )
    .join('，');
};

const unitParagraph = (u: BulletinUnit, i: number): string => {
  const rate = (label: string, x: BulletinUnit['rates']['signedToStarted']) =>
    x.basisPoints === undefined
      ? `${label}无可计项目`
      : `${label}${basisPointsText(x.basisPoints)}（${x.numerator}/${x.denominator}）`;
  const parts = [
    `${subOrdinal(i)}${u.unitName}：综合得分${hundredthsText(u.score)}分，排名第${u.rank}${
      u.vetoed ? '（一票否决，得分为0）' : ''
    }。`,
    `本期${countsSentence(u.counts)}；${rate(vocabulary.metrics.signedToStartedRate.zh, u.rates.signedToStarted)}，${rate(
      vocabulary.metrics.startedToStatisticsRate.zh,
      u.rates.startedToStatistics,
    )}。`,
  ];
  if (u.progress !== undefined) {
    const behind = u.progress.metrics.filter((m) => m.light === 'red' || m.light === 'yellow');
    parts.push(
      `年度目标进度${lit(u.progress.light)}${
        behind.length > 0 ? `：${behind.map(metricSentence).join('；')}` : ''
      }。`,
    );
  }
  const remarks = unitRemarks(u);
  if (remarks !== undefined) parts.push(`${remarks}。`);
  return parts.join('');
};

const ranking = (units: ReadonlyArray<BulletinUnit>): BulletinSection => ({
  heading: '赛马排名情况',
  paragraphs: [
    units.length === 0
      ? '本期无参加排名的单位。'
      : `按照全区招商引资工作考核办法，本期各单位综合得分排名如下：${rankList(units)}。`,
    ...units.map(unitParagraph),
  ],
});

const LIGHT_ORDER: ReadonlyArray<Light> = ['red', 'yellow', 'blue', 'green'];

const lights = (r: BulletinReport, units: ReadonlyArray<BulletinUnit>): BulletinSection => {
  const planned = units.filter((u) => u.progress !== undefined);
  const perLight = LIGHT_ORDER.map((l) => {
    const us = planned.filter((u) => u.progress?.light === l);
    return `${lightNames[l]}单位${us.length}个${us.length > 0 ? `（${names(us)}）` : ''}`;
  }).join('；');
  const metrics = [...planned.flatMap((u) => u.progress?.metrics ?? []), ...(r.region?.metrics ?? [])];
  const count = (l: Light) => metrics.filter((m) => m.light === l).length;
  return {
    heading: '红黄蓝亮灯情况',
    paragraphs: [
      `按照红黄蓝亮灯规则（${lightNames.green}为已完成年度目标，${lightNames.blue}为按序时进度推进，${lightNames.yellow}为落后序时进度，${lightNames.red}为严重落后序时进度），各单位年度目标进度亮灯情况为：${
        planned.length > 0 ? perLight : '无已下达年度目标的单位'
      }。`,
      ...(metrics.length > 0
        ? [
            `全区及各单位目标指标共${metrics.length}项，其中${lit('red')}${count('red')}项、${lit('yellow')}${count(
              'yellow',
            )}项、${lit('blue')}${count('blue')}项、${lit('green')}${count('green')}项。`,
          ]
        : []),
      ...(r.region !== undefined ? [`全区年度目标进度${lit(r.region.light)}。`] : []),
    ],
  };
};

const supervision = (units: ReadonlyArray<BulletinUnit>): BulletinSection => {
  const total = (f: (u: BulletinUnit) => number) => units.reduce((s, u) => s + f(u), 0);
  const item = (label: string, f: (u: BulletinUnit) => number, unit: string): string | undefined => {
    const n = total(f);
    return n > 0 ? `${label}${n}${unit}（${byUnit(units, f, unit)}）` : undefined;
  };
  const items = [
    item(vocabulary.supervisionItemKinds.milestone.zh, (u) => u.missedMilestones, '个'),
    item(vocabulary.milestoneKinds['procedure-time-limit'].zh, (u) => u.overdueProcedures, '个'),
    item('漏报投资进度', (u) => u.missedInvestmentReports, '次'),
    item('包保责任人缺访', (u) => u.missedVisitWeeks ?? 0, '周'),
    item('主要负责同志外出招商未达要求', (u) => u.tripShortfalls, '个月'),
    item('清退项目', (u) => u.terminations, '个'),
    item('重复项目（不计入统计）', (u) => u.duplicates, '个'),
  ].filter((x): x is string => x !== undefined);
  const vetoed = units.filter((u) => u.vetoed);
  return {
    heading: '督查督办事项',
    paragraphs:
      items.length === 0 && vetoed.length === 0
        ? ['本期无逾期、超时督办事项。']
        : [
            `本期${items.join('；')}${vetoed.length > 0 ? `${items.length > 0 ? '；' : ''}一票否决单位：${names(vetoed)}` : ''}。`,
            '请相关单位逐项说明原因，明确整改措施和完成时限，限期整改到位。',
          ],
  };
};

const REQUIREMENTS: BulletinSection = {
  heading: '下步工作要求',
  paragraphs: [
    '各单位要对照年度目标任务和序时进度，认真分析差距，逐项落实推进措施。落后序时进度的单位要找准问题症结，加大项目招引和推进力度，确保按期完成年度目标任务。',
    '对亮红灯、黄灯的指标和逾期、超时事项，领导小组办公室将会同督查考核部门跟踪督办，每月督查、通报招商引资目标计划完成情况，结果纳入年终目标绩效考核。',
  ],
};

/**
 * The bulletin as a 通报's parts: title, 主送, opening, 一、总体情况 (the region against its targets
 * and 序时进度, the period's counts, the units behind 序时进度), 二、赛马排名情况 (ranks and each
 * unit's figures), 三、红黄蓝亮灯情况 (the lights the policy gave), 四、督查督办事项, 五、下步工作要求,
 * 落款 and the notes that say where the figures come from.
 */
export const bulletinDocument = (r: BulletinReport, options: BulletinTextOptions = {}): BulletinDocument => {
  const units = ranked(r);
  const sections = [overview(r, units), ranking(units), lights(r, units), supervision(units), REQUIREMENTS];
  return {
    title: r.title,
    draft: r.figuresDigest === undefined,
    addressee: options.addressee ?? '各单位',
    opening: `现将${periodName(periodOf(r))}全区招商引资工作推进情况通报如下：`,
    sections: sections.map((s, i) => ({ ...s, heading: `${ORDINALS[i] ?? i + 1}、${s.heading}` })),
    issuer: options.issuer ?? r.publishedBy ?? DEFAULT_ISSUER,
    date: chineseDate(r.publishedOn ?? r.asOf),
    notes: provenanceNotes(r),
  };
};

/** Two ideographic spaces: a paragraph's first-line indent in a Chinese document. */
const INDENT = '\u3000\u3000';

/** The bulletin as plain text (UTF-8, LF line ends): paragraphs indented two characters, 落款 at the end. */
export const bulletinText = (r: BulletinReport, options: BulletinTextOptions = {}): string => {
  const d = bulletinDocument(r, options);
  const lines = [
    `${d.title}${d.draft ? DRAFT_MARK : ''}`,
    '',
    `${d.addressee}：`,
    `${INDENT}${d.opening}`,
    ...d.sections.flatMap((s) => [`${INDENT}${s.heading}`, ...s.paragraphs.map((p) => `${INDENT}${p}`)]),
    '',
    d.issuer,
    d.date,
    '',
    ...d.notes.map((n, i) => `${i === 0 ? '附注：' : INDENT}${n}`),
  ];
  return `${lines.join('\n')}\n`;
};
