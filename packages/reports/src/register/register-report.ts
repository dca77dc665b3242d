import type { RegisterEntry } from '@zhaoshang/projections';
import { STAGES, vocabulary, type Stage } from '@zhaoshang/domain';
import {
  date,
  empty,
  integer,
  light,
  money,
  text,
  type Cell,
  type Column,
  type TableRow,
} from '../table/cell';
import { csvDocument } from '../table/csv';
import { sumExact } from '../table/exact-decimal';
import { addTableSheet, columnLayout } from '../table/sheet';
import { newWorkbook, xlsxBytes } from '../table/workbook';
import { channelName, GAP, missedMilestoneName, stageNames } from '../vocabulary/labels';

/*
 * The project register (招商引资工作台账, DOMAIN.md §4.1 and the register columns of §6) as an
 * office keeps it: a summary sheet (汇总) with each unit's projects by stage and its amounts in
 * 亿元, then one sheet per unit with one row per project, amounts in 万元, and a 合计 row.
 *
 * Each project counts once (DOMAIN.md §6, 一炮数响): a duplicate (`counted: false`) is listed,
 * greyed, and left out of every count and total.
 */

/** How to present a register. */
export interface RegisterReportOptions {
  /**
   * The date the register is as of (its title; the lights were computed for it). Defaults to the
   * entries' own `asOf`; entries computed for another date are refused (RangeError).
   */
  readonly asOf?: string;
  /**
   * Display names of the units (unitId → 经开区), in the order their sheets should come. Units
   * named here get a sheet even without projects; units not named come after, by id, under their id.
   */
  readonly unitNames?: Readonly<Record<string, string>>;
  /** Title of the workbook and its sheets. Default 招商引资工作台账. */
  readonly title?: string;
}

const DEFAULT_TITLE = '招商引资工作台账';

/** 固定资产投资, in the vocabulary's words (a column in 万元 per unit, in 亿元 in the summary). */
const FIXED_ASSETS = vocabulary.fulfilmentFigures.fixedAssetInvestment.zh;

interface Line {
  readonly entry: RegisterEntry;
  /** 序号 within the unit. */
  readonly index: number;
}

const nextNode = (e: RegisterEntry): string | undefined => {
  if (e.closed || e.nextDeadline === undefined) return undefined; // a closed project waits for nothing
  const due = e.nodes.filter((n) => n.doneOn === undefined && n.dueOn === e.nextDeadline).map((n) => n.label);
  return `${due.length > 0 ? due.join('、') : '节点'}（${e.nextDeadline}）`;
};

const missedNodes = (e: RegisterEntry): string | undefined => {
  if (e.missedMilestones.length === 0) return undefined;
  const label = (key: string) => e.nodes.find((n) => n.key === key)?.label;
  return e.missedMilestones.map((k) => missedMilestoneName(k, label, e.exitRuleTerms)).join('；');
};

const remarks = (e: RegisterEntry): string | undefined => {
  const out: string[] = [];
  if (e.duplicateOf !== undefined) out.push(`重复项目（与 ${e.duplicateOf} 为同一项目），不计入统计与合计`);
  else if (!e.counted) out.push('不计入统计与合计');
  if (e.closed && e.closedOn !== undefined) out.push(`${e.closedOn} ${stageNames[e.stage] ?? e.stage}`);
  if (e.dropped === true) out.push(`${e.idleMonths ?? ''} 个月无进展，已移出在谈清单`);
  else if (e.idleMonths !== undefined && e.idleMonths > 0) out.push(`${e.idleMonths} 个月无进展`);
  if (e.statisticsLight === 'yellow' || e.statisticsLight === 'red') out.push('开工后尚未入库纳统');
  // R7: a deadline counted into a year whose holiday schedule is not adopted is shown as pending, never guessed.
  if (!e.closed) {
    for (const n of e.nodes) {
      if (n.deadlineStatus === 'pending-calendar' && n.doneOn === undefined)
        out.push(`${n.label}办结时限待定（${n.pendingCalendarYear ?? ''} 年节假日安排尚未采用）`);
    }
  }
  if (e.agreementAmendments !== undefined && e.agreementAmendments > 0)
    out.push(`协议变更 ${e.agreementAmendments} 次`);
  return out.length > 0 ? out.join('；') : undefined;
};

/** Land in 亩 (up to four decimals) as an exact decimal. */
const landCell = (mu: number | undefined): Cell =>
  mu === undefined ? empty : { kind: 'decimal', units: Math.round(mu * 10_000), scale: 4, decimals: 2 };

/**
 * The columns of a unit's sheet (and of the register CSV, after 单位). The first KEY_COLUMNS are
 * repeated on every printed page; `group` starts a print group (基本信息, 推进情况, 包保走访):
 * a column added without one prints with the group before it.
 */
const unitColumns: ReadonlyArray<Column<Line>> = [
  { header: '序号', cell: (l) => integer(l.index) },
  { header: '项目编号', cell: (l) => text(l.entry.projectId) },
  { header: '项目名称', cell: (l) => text(l.entry.name), maxWidth: 24 },
  { header: '投资方', cell: (l) => text(l.entry.investorName), maxWidth: 24, group: '基本信息' },
  { header: '统一社会信用代码', cell: (l) => text(l.entry.investorCreditCode) },
  { header: '产业链', cell: (l) => text(l.entry.industryChain), maxWidth: 20 },
  {
    header: '招商方式',
    cell: (l) => text(l.entry.channel === undefined ? undefined : channelName(l.entry.channel)),
  },
  { header: '计划/协议总投资（万元）', cell: (l) => money(l.entry.investment, 'wan') },
  { header: `${FIXED_ASSETS}（万元）`, cell: (l) => money(l.entry.fixedAssetInvestment, 'wan') },
  { header: '累计完成投资（万元）', cell: (l) => money(l.entry.cumulativeInvestment, 'wan') },
  { header: '用地面积（亩）', cell: (l) => landCell(l.entry.landArea) },
  {
    header: '所处阶段',
    cell: (l) => text(stageNames[l.entry.stage] ?? l.entry.stage),
    group: '推进情况',
  },
  {
    header: vocabulary.leaderRoles['responsible-leader'].zh,
    cell: (l) => text(l.entry.leaders['responsible-leader']?.name ?? l.entry.responsibleLeader),
  },
  {
    header: vocabulary.leaderRoles['responsible-person'].zh,
    cell: (l) => text(l.entry.leaders['responsible-person']?.name),
  },
  { header: '录入日期', cell: (l) => date(l.entry.capturedOn) },
  { header: '签约日期', cell: (l) => date(l.entry.signedOn) },
  { header: vocabulary.correctableFacts['construction-started'].zh, cell: (l) => date(l.entry.startedOn) },
  { header: '纳统日期', cell: (l) => date(l.entry.statisticsOn) },
  {
    header: vocabulary.correctableFacts['construction-completed'].zh,
    cell: (l) => date(l.entry.completedOn),
  },
  { header: vocabulary.correctableFacts['production-started'].zh, cell: (l) => date(l.entry.productionOn) },
  { header: '下一节点', cell: (l) => text(nextNode(l.entry)), maxWidth: 28 },
  { header: '逾期节点', cell: (l) => text(missedNodes(l.entry)), maxWidth: 28 },
  { header: '状态灯', cell: (l) => light(l.entry.light) },
  { header: '备注', cell: (l) => text(remarks(l.entry)), maxWidth: 36 },
  // Weekly 包保 visits (R18, 000 §五.2): 最近走访 (date, who) and the weeks raised without the
  // responsible person's visit (blank before signing: no 包保 period yet).
  { header: '最近走访日期', cell: (l) => date(l.entry.lastVisit?.on), group: '包保走访' },
  {
    header: '最近走访人',
    cell: (l) => text(l.entry.lastVisit?.name ?? l.entry.lastVisit?.leaderId),
    maxWidth: 30,
  },
  {
    header: '缺访周数',
    cell: (l) => integer(l.entry.signedOn === undefined ? undefined : (l.entry.visitWeeksMissed ?? 0)),
  },
];

/** Columns repeated on every printed page of a unit's sheet (and frozen on screen): 序号 … 项目名称. */
const KEY_COLUMNS = unitColumns.findIndex((c) => c.header === '项目名称') + 1;

/** Index of a column by header, for the 合计 row. */
const at = (header: string): number => unitColumns.findIndex((c) => c.header === header);

const counted = (entries: ReadonlyArray<RegisterEntry>) => entries.filter((e) => e.counted);

/** The register's unit order and entries per unit. */
const byUnit = (
  entries: ReadonlyArray<RegisterEntry>,
  names: Readonly<Record<string, string>>,
): ReadonlyArray<{
  readonly unitId: string;
  readonly name: string;
  readonly entries: ReadonlyArray<RegisterEntry>;
}> => {
  const groups = new Map<string, RegisterEntry[]>();
  for (const id of Object.keys(names)) groups.set(id, []);
  const unnamed = [...new Set(entries.map((e) => e.unitId))].filter((id) => !(id in names)).sort();
  for (const id of unnamed) groups.set(id, []);
  for (const e of entries) groups.get(e.unitId)!.push(e);
  return [...groups].map(([unitId, list]) => ({ unitId, name: names[unitId] ?? unitId, entries: list }));
};

const resolveAsOf = (entries: ReadonlyArray<RegisterEntry>, given: string | undefined): string => {
  const dates = [...new Set(entries.map((e) => e.asOf))];
  const asOf = given ?? dates[0];
  if (asOf === undefined) throw new RangeError('an empty register needs options.asOf (the date it is as of)');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new RangeError(`asOf is not a business date (YYYY-MM-DD): ${asOf}`);
  const other = dates.find((d) => d !== asOf);
  if (other !== undefined)
    throw new RangeError(
      `register entries computed for ${other}, not ${asOf}: query the register once, for one date`,
    );
  return asOf;
};

const unitTotal = (entries: ReadonlyArray<RegisterEntry>): TableRow => {
  const kept = counted(entries);
  const cells: Cell[] = unitColumns.map(() => empty);
  const duplicates = entries.length - kept.length;
  cells[at('序号')] = text('合计');
  cells[at('项目名称')] = text(`共 ${kept.length} 个项目`);
  cells[at('计划/协议总投资（万元）')] = money(sumExact(kept.map((e) => e.investment)), 'wan');
  cells[at(`${FIXED_ASSETS}（万元）`)] = money(sumExact(kept.map((e) => e.fixedAssetInvestment ?? 0)), 'wan');
  cells[at('累计完成投资（万元）')] = money(sumExact(kept.map((e) => e.cumulativeInvestment)), 'wan');
  if (duplicates > 0) cells[at('备注')] = text(`不含重复项目 ${duplicates} 个`);
  return { cells };
};

const lines = (entries: ReadonlyArray<RegisterEntry>): ReadonlyArray<Line> =>
  entries.map((entry, i) => ({ entry, index: i + 1 }));

/** Summary columns: each unit's projects by stage (each project once) and its amounts in 亿元. */
const summaryHeaders = [
  '序号',
  '单位',
  '项目总数',
  ...STAGES.map((s) => stageNames[s]),
  '红灯项目',
  '逾期节点',
  '计划/协议总投资（亿元）',
  `${FIXED_ASSETS}（亿元）`,
  '累计完成投资（亿元）',
  '重复项目（不计入）',
];

const summaryCells = (
  first: Cell,
  second: Cell,
  entries: ReadonlyArray<RegisterEntry>,
): ReadonlyArray<Cell> => {
  const kept = counted(entries);
  const byStage = (s: Stage) => kept.filter((e) => e.stage === s).length;
  return [
    first,
    second,
    integer(kept.length),
    ...STAGES.map((s) => integer(byStage(s))),
    integer(kept.filter((e) => e.light === 'red').length),
    integer(kept.reduce((n, e) => n + e.missedMilestones.length, 0)),
    money(sumExact(kept.map((e) => e.investment)), 'yi'),
    money(sumExact(kept.map((e) => e.fixedAssetInvestment ?? 0)), 'yi'),
    money(sumExact(kept.map((e) => e.cumulativeInvestment)), 'yi'),
    integer(entries.length - kept.length),
  ];
};

/**
 * The register as an .xlsx workbook: 汇总 (per unit: projects by stage, red lights, missed
 * deadlines, amounts in 亿元, a 合计 row), then one sheet per unit (one row per project, amounts in
 * 万元, a 合计 row). Every total is the exact sum of the 分 of the rows it covers.
 */
export const registerXlsx = async (
  entries: ReadonlyArray<RegisterEntry>,
  options: RegisterReportOptions = {},
): Promise<Buffer> => {
  const asOf = resolveAsOf(entries, options.asOf);
  const title = options.title ?? DEFAULT_TITLE;
  const units = byUnit(entries, options.unitNames ?? {});
  const wb = newWorkbook(title, asOf);
  const footer = `${title} · 截至 ${asOf}`;

  addTableSheet(wb, {
    name: '汇总',
    title: `${title}汇总`,
    subtitle: `截至 ${asOf}${GAP}金额单位：亿元${GAP}项目数按所处阶段统计，每个项目只计一次（重复项目不计入）`,
    headers: summaryHeaders,
    // Printed: the counts by stage, then the lights and amounts (a page each when they do not fit together).
    groupStarts: [summaryHeaders.indexOf('项目总数'), summaryHeaders.indexOf('红灯项目')],
    rows: units.map((u, i) => ({ cells: summaryCells(integer(i + 1), text(u.name), u.entries) })),
    total: { cells: summaryCells(text('合计'), text(`${units.length} 个单位`), entries) },
    frozenColumns: 2,
    footer,
  });

  for (const u of units) {
    const kept = counted(u.entries).length;
    addTableSheet(wb, {
      name: u.name,
      title: `${u.name}${title}`,
      subtitle: `单位：${u.name}${GAP}截至 ${asOf}${GAP}金额单位：万元${GAP}共 ${kept} 个项目${
        u.entries.length > kept ? `（另列重复项目 ${u.entries.length - kept} 个，不计入合计）` : ''
      }`,
      ...columnLayout(unitColumns),
      rows: lines(u.entries).map((l) => ({
        cells: unitColumns.map((c) => c.cell(l)),
        muted: !l.entry.counted,
      })),
      total: unitTotal(u.entries),
      frozenColumns: KEY_COLUMNS,
      footer: `${u.name} · ${footer}`,
    });
  }
  return xlsxBytes(wb);
};

/**
 * The register as CSV (UTF-8 with BOM, RFC 4180): 单位, then the columns of a unit's sheet, one
 * record per project in the workbook's order; no title or total rows, so a program can read it.
 */
export const registerCsv = (
  entries: ReadonlyArray<RegisterEntry>,
  options: RegisterReportOptions = {},
): string => {
  resolveAsOf(entries, options.asOf);
  const units = byUnit(entries, options.unitNames ?? {});
  return csvDocument(
    ['单位', ...unitColumns.map((c) => c.header)],
    units.flatMap((u) => lines(u.entries).map((l) => [text(u.name), ...unitColumns.map((c) => c.cell(l))])),
  );
};
