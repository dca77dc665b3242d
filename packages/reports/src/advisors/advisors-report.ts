import { vocabulary, zhOf } from '@zhaoshang/domain';
import type { AdvisorEntry, InvestorEntry } from '@zhaoshang/projections';
import { date, empty, integer, money, text, type Cell, type Column } from '../table/cell';
import { csvDocument } from '../table/csv';
import { sumExact } from '../table/exact-decimal';
import { addTableSheet } from '../table/sheet';
import { newWorkbook, xlsxBytes } from '../table/workbook';
import { GAP, stageNames } from '../vocabulary/labels';

/*
 * The advisor registry (招商顾问名册, 002 §八) and the investor directory (客商目录, 002 §一) as an
 * office files them: one sheet (title, as-of line, frozen header, rows, 合计) or the same rows as CSV.
 */

/** How to present a list. */
export interface ListReportOptions {
  /** The date the list is as of (its title line). */
  readonly asOf: string;
  /** Display names of the units (unitId → 经开区); others are shown by id. */
  readonly unitNames?: Readonly<Record<string, string>>;
}

interface Line<T> {
  readonly entry: T;
  readonly index: number;
  readonly unitName: (unitId: string) => string;
}

const categoryNames = zhOf(vocabulary.advisorCategories);
const statusNames = zhOf(vocabulary.advisorStatuses);
const endNames = zhOf(vocabulary.appointmentEnds);

const advisorColumns: ReadonlyArray<Column<Line<AdvisorEntry>>> = [
  { header: '序号', cell: (l) => integer(l.index) },
  { header: '顾问编号', cell: (l) => text(l.entry.advisorId) },
  { header: '姓名', cell: (l) => text(l.entry.name) },
  { header: '类别', cell: (l) => text(categoryNames[l.entry.category]), maxWidth: 22 },
  { header: '工作单位及职务', cell: (l) => text(l.entry.organisation), maxWidth: 30 },
  { header: '是否公职人员', cell: (l) => text(l.entry.civilServant ? '是' : '否') },
  { header: '聘期起', cell: (l) => date(l.entry.termFrom) },
  { header: '聘期止', cell: (l) => date(l.entry.termTo) },
  {
    header: '聘任状态',
    cell: (l) =>
      text(
        l.entry.endReason !== undefined && l.entry.endedOn !== undefined
          ? `${endNames[l.entry.endReason]}（${l.entry.endedOn}）`
          : statusNames[l.entry.status],
      ),
  },
  { header: '联系方式', cell: (l) => text(l.entry.contact), maxWidth: 24 },
  { header: '引荐项目数', cell: (l) => integer(l.entry.introductions.length) },
  {
    header: '引荐项目（单位·阶段）',
    cell: (l) =>
      text(
        l.entry.introductions.length === 0
          ? undefined
          : l.entry.introductions
              .map(
                (i) =>
                  `${i.projectName ?? i.projectId}（${l.unitName(i.unitId)}·${
                    i.stage !== undefined ? stageNames[i.stage] : '—'
                  }）`,
              )
              .join('；'),
      ),
    maxWidth: 40,
  },
  { header: '已奖励项目数', cell: (l) => integer(l.entry.rewards.length) },
  { header: '一次性奖励合计（万元）', cell: (l) => money(l.entry.rewardTotal, 'wan') },
  {
    header: '奖励依据',
    cell: (l) => text([...new Set(l.entry.rewards.map((r) => r.policyRef))].join('；') || undefined),
    maxWidth: 30,
  },
];

const investorColumns: ReadonlyArray<Column<Line<InvestorEntry>>> = [
  { header: '序号', cell: (l) => integer(l.index) },
  { header: '客商名称', cell: (l) => text(l.entry.name), maxWidth: 30 },
  { header: '统一社会信用代码', cell: (l) => text(l.entry.creditCode) },
  {
    header: '曾用/其他写法',
    cell: (l) => text(l.entry.names.filter((n) => n !== l.entry.name).join('；') || undefined),
    maxWidth: 30,
  },
  { header: '来源地', cell: (l) => text(l.entry.origins.join('；') || undefined) },
  { header: '项目数', cell: (l) => integer(l.entry.projects.length) },
  {
    header: '项目（单位·阶段）',
    cell: (l) =>
      text(
        l.entry.projects
          .map(
            (p) =>
              `${p.name}（${l.unitName(p.unitId)}·${p.stage !== undefined ? stageNames[p.stage] : '—'}）`,
          )
          .join('；'),
      ),
    maxWidth: 44,
  },
  { header: '首次接触', cell: (l) => date(l.entry.firstContactOn) },
  { header: '最近动态', cell: (l) => date(l.entry.latestActivityOn) },
  {
    header: '联系方式（来自企业诉求）',
    cell: (l) => text(l.entry.contacts.map((c) => `${c.contact}（${c.on}）`).join('；') || undefined),
    maxWidth: 30,
  },
];

const linesOf = <T>(entries: ReadonlyArray<T>, options: ListReportOptions): ReadonlyArray<Line<T>> => {
  const names = options.unitNames ?? {};
  return entries.map((entry, i) => ({ entry, index: i + 1, unitName: (u) => names[u] ?? u }));
};

const totalRow = <T>(columns: ReadonlyArray<Column<Line<T>>>, cells: Readonly<Record<string, Cell>>) => ({
  cells: columns.map((c) => cells[c.header] ?? empty),
});

const maxWidthsOf = <T>(columns: ReadonlyArray<Column<Line<T>>>): Record<number, number> =>
  Object.fromEntries(columns.flatMap((c, i) => (c.maxWidth === undefined ? [] : [[i, c.maxWidth]])));

/** One list as a one-sheet workbook. */
const listXlsx = async <T>(
  title: string,
  subtitle: string,
  columns: ReadonlyArray<Column<Line<T>>>,
  lines: ReadonlyArray<Line<T>>,
  total: Readonly<Record<string, Cell>>,
  asOf: string,
): Promise<Buffer> => {
  const wb = newWorkbook(title, asOf);
  addTableSheet(wb, {
    name: title,
    title,
    subtitle,
    headers: columns.map((c) => c.header),
    rows: lines.map((l) => ({ cells: columns.map((c) => c.cell(l)) })),
    total: totalRow(columns, total),
    frozenColumns: 2,
    maxWidths: maxWidthsOf(columns),
    footer: `${title} · 截至 ${asOf}`,
  });
  return xlsxBytes(wb);
};

const ADVISORS_TITLE = '招商顾问名册';
const INVESTORS_TITLE = '客商目录';

const advisorTotal = (entries: ReadonlyArray<AdvisorEntry>): Readonly<Record<string, Cell>> => ({
  序号: text('合计'),
  姓名: text(`共 ${entries.length} 人`),
  引荐项目数: integer(entries.reduce((n, e) => n + e.introductions.length, 0)),
  已奖励项目数: integer(entries.reduce((n, e) => n + e.rewards.length, 0)),
  '一次性奖励合计（万元）': money(sumExact(entries.map((e) => e.rewardTotal)), 'wan'),
});

/** The advisor registry (招商顾问名册) as an .xlsx workbook: one row per advisor, rewards in 万元, a 合计 row. */
export const advisorsXlsx = (
  entries: ReadonlyArray<AdvisorEntry>,
  options: ListReportOptions,
): Promise<Buffer> =>
  listXlsx(
    ADVISORS_TITLE,
    `截至 ${options.asOf}${GAP}金额单位：万元${GAP}一次性奖励只给予非公职人员（002 §八）`,
    advisorColumns,
    linesOf(entries, options),
    advisorTotal(entries),
    options.asOf,
  );

/** The advisor registry as CSV (UTF-8 with BOM): the workbook's columns, one record per advisor. */
export const advisorsCsv = (entries: ReadonlyArray<AdvisorEntry>, options: ListReportOptions): string =>
  csvDocument(
    advisorColumns.map((c) => c.header),
    linesOf(entries, options).map((l) => advisorColumns.map((c) => c.cell(l))),
  );

/** The investor directory (客商目录) as an .xlsx workbook: one row per investor, a 合计 row. */
export const investorsXlsx = (
  entries: ReadonlyArray<InvestorEntry>,
  options: ListReportOptions,
): Promise<Buffer> =>
  listXlsx(
    INVESTORS_TITLE,
    `截至 ${options.asOf}${GAP}同一客商按统一社会信用代码归并，无代码的按名称归并`,
    investorColumns,
    linesOf(entries, options),
    {
      序号: text('合计'),
      客商名称: text(`共 ${entries.length} 家`),
      项目数: integer(entries.reduce((n, e) => n + e.projects.length, 0)),
    },
    options.asOf,
  );

/** The investor directory as CSV (UTF-8 with BOM): the workbook's columns, one record per investor. */
export const investorsCsv = (entries: ReadonlyArray<InvestorEntry>, options: ListReportOptions): string =>
  csvDocument(
    investorColumns.map((c) => c.header),
    linesOf(entries, options).map((l) => investorColumns.map((c) => c.cell(l))),
  );
