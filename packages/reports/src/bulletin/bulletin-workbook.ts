import { basisPoints } from '@zhaoshang/domain';
import {
  empty,
  hundredths,
  integer,
  light,
  money,
  percent,
  text,
  type Cell,
  type Column,
  type TableRow,
} from '../table/cell';
import { csvDocument } from '../table/csv';
import { hundredthsOf, sumExact } from '../table/exact-decimal';
import { addTableSheet, columnLayout } from '../table/sheet';
import { newWorkbook, xlsxBytes } from '../table/workbook';
import { vocabulary } from '@zhaoshang/domain';
import { GAP, metricHeading, metricName, metricNames, policyTitle } from '../vocabulary/labels';
import type {
  BulletinMetric,
  BulletinProgress,
  BulletinRate,
  BulletinReport,
  BulletinUnit,
} from './bulletin-report';

/*
 * A bulletin as offices publish it (R14, 004 §(十八): 按序时进度进行通报): the ranking of units
 * (赛马排名) with the six counts of R13 and the two rates of R12, each unit's targets against
 * 序时进度 (目标进度), the score's parts (得分明细); every sheet ends with the store position and
 * the figures' digest, so a printed copy can be checked against the history.
 */

/** The parts of a bulletin that exist as CSV, one table each. */
export type BulletinCsvPart = 'ranking' | 'progress' | 'scores';

const elapsedBp = (p: BulletinProgress): number | undefined => basisPoints(p.elapsedDays, p.daysInYear);

const rateCell = (r: BulletinRate): Cell => percent(r.basisPoints);

const behind = (p: BulletinProgress | undefined): string | undefined => {
  if (p === undefined) return undefined;
  const lagging = p.metrics.filter((m) => m.lagPoints > 0).sort((a, b) => b.lagPoints - a.lagPoints);
  if (lagging.length === 0) return '无';
  return lagging
    .map((m) => `${metricName(m.metric, m.minInvestment)} 落后 ${hundredthsText(m.lagPoints)} 个百分点`)
    .join('；');
};

/** A two-decimal figure (a score, a percentage, points) as text with two places: 64.86, 9.00. */
export const hundredthsText = (x: number): string => {
  const h = hundredthsOf(x);
  const sign = h < 0 ? '-' : '';
  const a = Math.abs(h);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};

/** What the ranking's 备注 says of a unit (一票否决, R15 shortfalls, missed reports, no plan). */
export const unitRemarks = (u: BulletinUnit): string | undefined => {
  const out: string[] = [];
  if (u.vetoed) out.push('一票否决');
  if (u.tripShortfalls > 0) out.push(`主要负责同志外出招商未达要求 ${u.tripShortfalls} 个月`);
  if (u.missedInvestmentReports > 0) out.push(`漏报投资进度 ${u.missedInvestmentReports} 次`);
  // DOMAIN.md §5: a late entry withdrew a miss (not counted as 节点逾期) but is a data-quality finding.
  if ((u.lateEntries ?? 0) > 0) out.push(`逾期后补录 ${u.lateEntries} 个节点（已撤销逾期）`);
  if ((u.factCorrections ?? 0) > 0) out.push(`更正已录入事实 ${u.factCorrections} 次`);
  if (u.progress === undefined) out.push('未下达年度目标');
  return out.length > 0 ? out.join('；') : undefined;
};

/** The ranking's headings of a count, an amount or a rate: the vocabulary's metric with its unit. */
const HEADING = {
  leads: metricHeading('leads'),
  signings: metricHeading('signedProjects'),
  starts: metricHeading('startedProjects'),
  statistics: metricHeading('statisticsEntries'),
  investment: metricHeading('fixedAssetInvestment'),
  completions: metricHeading('completedProjects'),
  production: metricHeading('projectsInProduction'),
  signedToStarted: vocabulary.metrics.signedToStartedRate.zh,
  startedToStatistics: vocabulary.metrics.startedToStatisticsRate.zh,
  missedMilestones: `${vocabulary.supervisionItemKinds.milestone.zh}（个）`,
  overdueProcedures: `${vocabulary.milestoneKinds['procedure-time-limit'].zh}（个）`,
} as const;

// Land plots (R19): the review's land figures in 亩 (0.01 亩 integers), each with how the 合计 row sums it.
const LAND_FIGURES: ReadonlyArray<{
  readonly header: string;
  readonly of: (land: NonNullable<BulletinUnit['land']>) => number;
}> = [
  { header: '闲置低效用地（亩）', of: (l) => l.idleArea + l.lowEfficiencyArea },
  { header: '盘活土地（亩）', of: (l) => l.revitalised },
  { header: '腾出土地（亩）', of: (l) => l.freed },
];
const LAND_COLUMNS: ReadonlyArray<Column<BulletinUnit>> = LAND_FIGURES.map((f) => ({
  header: f.header,
  cell: (u: BulletinUnit) => hundredths(u.land === undefined ? undefined : f.of(u.land)),
}));

/** The ranking (赛马排名): one row per unit in rank order. */
const rankingColumns: ReadonlyArray<Column<BulletinUnit>> = [
  { header: '排名', cell: (u) => integer(u.rank) },
  { header: '单位', cell: (u) => text(u.unitName) },
  { header: '综合得分', cell: (u) => hundredths(hundredthsOf(u.score)), group: '考核指标' },
  { header: HEADING.leads, cell: (u) => integer(u.counts.effectiveLeads) },
  { header: HEADING.signings, cell: (u) => integer(u.counts.newSignings) },
  { header: HEADING.starts, cell: (u) => integer(u.counts.newStarts) },
  { header: HEADING.statistics, cell: (u) => integer(u.counts.newStatisticsEntries) },
  { header: HEADING.investment, cell: (u) => money(u.counts.investmentCompleted, 'wan') },
  { header: HEADING.completions, cell: (u) => integer(u.counts.newCompletions) },
  { header: HEADING.production, cell: (u) => integer(u.counts.newProduction) },
  { header: HEADING.signedToStarted, cell: (u) => rateCell(u.rates.signedToStarted) },
  { header: HEADING.startedToStatistics, cell: (u) => rateCell(u.rates.startedToStatistics) },
  { header: HEADING.missedMilestones, cell: (u) => integer(u.missedMilestones), group: '督办与序时' },
  { header: HEADING.overdueProcedures, cell: (u) => integer(u.overdueProcedures) },
  { header: '外出招商（天）', cell: (u) => integer(u.tripDays) },
  { header: '清退项目（个）', cell: (u) => integer(u.terminations) },
  { header: '重复项目（个）', cell: (u) => integer(u.duplicates) },
  { header: '序时进度', cell: (u) => (u.progress === undefined ? empty : percent(elapsedBp(u.progress))) },
  { header: '落后序时的指标', cell: (u) => text(behind(u.progress)), maxWidth: 40 },
  { header: '目标进度', cell: (u) => light(u.progress?.light) },
  { header: '备注', cell: (u) => text(unitRemarks(u)), maxWidth: 30 },
  // Weekly 包保 visits (R18, 000 §五.2): blank in a report made before the weeks were counted.
  { header: '缺访周数', cell: (u) => integer(u.missedVisitWeeks), group: '包保与土地' },
  // Land plots (R19, 001 §(四) 土地清理, 003 盘活 / 腾出): 亩, blank for a unit without plots; not scored.
  ...LAND_COLUMNS,
];

/** Units by rank, ties by unit id (as the review lists them; a report rebuilt from JSON is put back in order). */
export const ranked = (r: BulletinReport): ReadonlyArray<BulletinUnit> =>
  [...r.units].sort((a, b) => a.rank - b.rank || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));

const rankingAt = (header: string): number => rankingColumns.findIndex((c) => c.header === header);

const sumRate = (rates: ReadonlyArray<BulletinRate>): Cell => {
  const n = rates.reduce((s, r) => s + r.numerator, 0);
  const d = rates.reduce((s, r) => s + r.denominator, 0);
  return percent(basisPoints(n, d));
};

/** 合计: the exact sums of the units' counts and amounts; the rates from the summed numerators and denominators. */
const rankingTotal = (r: BulletinReport): TableRow => {
  const us = r.units;
  const cells: Cell[] = rankingColumns.map(() => empty);
  const sum = (f: (u: BulletinUnit) => number) => integer(us.reduce((s, u) => s + f(u), 0));
  cells[rankingAt('排名')] = text('合计');
  cells[rankingAt('单位')] = text(`${us.length} 个单位`);
  cells[rankingAt(HEADING.leads)] = sum((u) => u.counts.effectiveLeads);
  cells[rankingAt(HEADING.signings)] = sum((u) => u.counts.newSignings);
  cells[rankingAt(HEADING.starts)] = sum((u) => u.counts.newStarts);
  cells[rankingAt(HEADING.statistics)] = sum((u) => u.counts.newStatisticsEntries);
  cells[rankingAt(HEADING.investment)] = money(sumExact(us.map((u) => u.counts.investmentCompleted)), 'wan');
  cells[rankingAt(HEADING.completions)] = sum((u) => u.counts.newCompletions);
  cells[rankingAt(HEADING.production)] = sum((u) => u.counts.newProduction);
  cells[rankingAt(HEADING.signedToStarted)] = sumRate(us.map((u) => u.rates.signedToStarted));
  cells[rankingAt(HEADING.startedToStatistics)] = sumRate(us.map((u) => u.rates.startedToStatistics));
  cells[rankingAt(HEADING.missedMilestones)] = sum((u) => u.missedMilestones);
  cells[rankingAt(HEADING.overdueProcedures)] = sum((u) => u.overdueProcedures);
  cells[rankingAt('外出招商（天）')] = sum((u) => u.tripDays);
  cells[rankingAt('清退项目（个）')] = sum((u) => u.terminations);
  cells[rankingAt('重复项目（个）')] = sum((u) => u.duplicates);
  if (us.some((u) => u.missedVisitWeeks !== undefined))
    cells[rankingAt('缺访周数')] = sum((u) => u.missedVisitWeeks ?? 0); // R18
  // Land plots (R19): the exact sum of the units' 0.01 亩
  if (us.some((u) => u.land !== undefined))
    for (const f of LAND_FIGURES)
      cells[rankingAt(f.header)] = hundredths(
        us.reduce((s, u) => s + (u.land === undefined ? 0 : f.of(u.land)), 0),
      );
  const withPlan = us.find((u) => u.progress !== undefined)?.progress ?? r.region;
  if (withPlan !== undefined) cells[rankingAt('序时进度')] = percent(elapsedBp(withPlan));
  if (r.region !== undefined) {
    cells[rankingAt('落后序时的指标')] = text(`${r.region.unitName}目标：${behind(r.region) ?? ''}`);
    cells[rankingAt('目标进度')] = light(r.region.light);
  }
  return { cells };
};

interface ProgressLine {
  readonly progress: BulletinProgress;
  readonly metric: BulletinMetric;
}

/** A target, an actual, a 序时 or a gap in the metric's own unit. */
const valueCell = (m: BulletinMetric, n: number, fractional: boolean): Cell => {
  switch (m.kind) {
    case 'count':
      return fractional ? hundredths(hundredthsOf(n)) : integer(n);
    case 'cny':
      return money(n, 'wan');
    case 'usd':
      return money(n, 'wan-usd');
    case 'rate':
      return percent(n);
    default: {
      const unknown: never = m.kind;
      return unknown;
    }
  }
};

/** Target progress (目标进度): one row per unit and metric, the region's plan last. */
const progressColumns: ReadonlyArray<Column<ProgressLine>> = [
  { header: '单位', cell: (l) => text(l.progress.unitName) },
  { header: '指标', cell: (l) => text(metricName(l.metric.metric, l.metric.minInvestment)), maxWidth: 28 },
  { header: '计量单位', cell: (l) => text(metricNames[l.metric.metric]?.unit) },
  { header: '年度目标', cell: (l) => valueCell(l.metric, l.metric.target, false) },
  { header: '完成', cell: (l) => valueCell(l.metric, l.metric.actual, false) },
  // 完成率 in the colour of the metric's 状态灯: the traffic-light policy's judgement (metricLight),
  // never a threshold of the sheet's own (a 完成率 below 序时 within the policy's tolerance is blue).
  { header: '完成率', cell: (l) => percent(hundredthsOf(l.metric.percent), l.metric.light) },
  { header: '序时应完成', cell: (l) => valueCell(l.metric, l.metric.expected, true) },
  {
    header: '序时进度',
    cell: (l) => percent(l.metric.kind === 'rate' ? 10_000 : elapsedBp(l.progress)),
  },
  { header: '差距（完成−序时）', cell: (l) => valueCell(l.metric, l.metric.gap, true) },
  { header: '落后序时（百分点）', cell: (l) => hundredths(hundredthsOf(l.metric.lagPoints)) },
  { header: '状态灯', cell: (l) => light(l.metric.light) },
];

const progressLines = (r: BulletinReport): ReadonlyArray<ProgressLine> =>
  [
    ...ranked(r).flatMap((u) => (u.progress === undefined ? [] : [u.progress])),
    ...(r.region !== undefined ? [r.region] : []),
  ].flatMap((progress) => progress.metrics.map((metric) => ({ progress, metric })));

/** Rule ids in the order they first appear, with their labels. */
const rulesOf = (r: BulletinReport): ReadonlyArray<{ readonly rule: string; readonly label: string }> => {
  const seen = new Map<string, string>();
  for (const u of r.units) for (const b of u.breakdown) if (!seen.has(b.rule)) seen.set(b.rule, b.label);
  return [...seen].map(([rule, label]) => ({ rule, label }));
};

const scoreColumns = (r: BulletinReport): ReadonlyArray<Column<BulletinUnit>> => [
  { header: '排名', cell: (u) => integer(u.rank) },
  { header: '单位', cell: (u) => text(u.unitName) },
  ...rulesOf(r).map(({ rule, label }): Column<BulletinUnit> => ({
    header: label,
    cell: (u) => {
      const b = u.breakdown.find((x) => x.rule === rule);
      return b === undefined ? empty : hundredths(hundredthsOf(b.points));
    },
  })),
  { header: '综合得分', cell: (u) => hundredths(hundredthsOf(u.score)) },
  { header: '备注', cell: (u) => text(u.vetoed ? '一票否决，得分为 0' : undefined) },
];

/** The note every sheet ends with: where the figures come from and how to check them. */
export const provenanceNotes = (r: BulletinReport): ReadonlyArray<string> => {
  const days = r.units.find((u) => u.progress !== undefined)?.progress ?? r.region;
  const source = `数据来源：事件库全局位置 ${r.computedAtPosition} 及以前的全部事件；考核办法：${policyTitle(r.policy)}；序时进度截至 ${r.asOf}${
    days !== undefined ? `（本年第 ${days.elapsedDays} 天，全年 ${days.daysInYear} 天）` : ''
  }；每个项目只计一次（重复项目不计入）。`;
  const check =
    r.figuresDigest !== undefined
      ? `已发布${r.bulletinId !== undefined ? ` ${r.bulletinId}` : ''}${r.publishedOn !== undefined ? `，${r.publishedOn}` : ''}${
          r.publishedBy !== undefined ? ` ${r.publishedBy}` : ''
        }；数据摘要（SHA-256）：${r.figuresDigest}。核对：zhaoshang-audit verify-bulletin ${r.period.label} --events <事件库文件>，或 GET /bulletins/${r.period.label}/verification。`
      : `未发布（预览），无数据摘要：以上数字可按事件库位置 ${r.computedAtPosition} 重新计算核对。`;
  return [source, check];
};

const footerOf = (r: BulletinReport): string =>
  `位置 ${r.computedAtPosition} · ${r.figuresDigest !== undefined ? `摘要 ${r.figuresDigest}` : '未发布（预览）'}`;

const subtitleOf = (r: BulletinReport, extra: string): string =>
  `考核期间：${r.period.from} 至 ${r.period.to}${GAP}序时进度截至 ${r.asOf}${GAP}${extra}`;

/**
 * The bulletin as an .xlsx workbook: 赛马排名 (units by rank, 合计 row), 目标进度 (each unit's
 * targets against 序时进度, behind-schedule completion highlighted, the region last), 得分明细
 * (the score's parts). Each sheet ends with the position and digest notes.
 */
export const bulletinXlsx = async (report: BulletinReport): Promise<Buffer> => {
  const wb = newWorkbook(report.title, report.publishedOn ?? report.asOf);
  const notes = provenanceNotes(report);
  const footer = footerOf(report);
  addTableSheet(wb, {
    name: '赛马排名',
    title: report.title,
    subtitle: subtitleOf(report, `金额单位：万元${GAP}按综合得分排名，得分相同名次并列`),
    ...columnLayout(rankingColumns),
    rows: ranked(report).map((u) => ({ cells: rankingColumns.map((c) => c.cell(u)) })),
    total: rankingTotal(report),
    notes,
    frozenColumns: 2,
    footer,
  });
  addTableSheet(wb, {
    name: '目标进度',
    title: `${report.title}——目标任务完成情况`,
    subtitle: subtitleOf(report, `金额单位：万元（外资：万美元）${GAP}完成率按状态灯着色（红黄蓝绿）`),
    ...columnLayout(progressColumns),
    rows: progressLines(report).map((l) => ({ cells: progressColumns.map((c) => c.cell(l)) })),
    notes,
    frozenColumns: 2,
    footer,
  });
  const scores = scoreColumns(report);
  addTableSheet(wb, {
    name: '得分明细',
    title: `${report.title}——得分明细`,
    subtitle: subtitleOf(report, `考核办法：${policyTitle(report.policy)}`),
    ...columnLayout(scores),
    rows: ranked(report).map((u) => ({ cells: scores.map((c) => c.cell(u)) })),
    notes,
    frozenColumns: 2,
    footer,
  });
  return xlsxBytes(wb);
};

/**
 * One table of the bulletin as CSV (UTF-8 with BOM, RFC 4180), with the columns of its sheet:
 * `ranking` (default; units in rank order, no 合计 row), `progress`, or `scores`.
 */
export const bulletinCsv = (report: BulletinReport, part: BulletinCsvPart = 'ranking'): string => {
  switch (part) {
    case 'ranking':
      return csvDocument(
        rankingColumns.map((c) => c.header),
        ranked(report).map((u) => rankingColumns.map((c) => c.cell(u))),
      );
    case 'progress':
      return csvDocument(
        progressColumns.map((c) => c.header),
        progressLines(report).map((l) => progressColumns.map((c) => c.cell(l))),
      );
    case 'scores': {
      const columns = scoreColumns(report);
      return csvDocument(
        columns.map((c) => c.header),
        ranked(report).map((u) => columns.map((c) => c.cell(u))),
      );
    }
    default: {
      const unknown: never = part;
      throw new RangeError(`unknown bulletin part: ${String(unknown)}`);
    }
  }
};
