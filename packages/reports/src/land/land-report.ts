import { vocabulary } from '@zhaoshang/domain';
import type { ClearanceItem, ClearanceList, PlotEntry, QuotaView } from '@zhaoshang/projections';
import { date, empty, hundredths, text, type Cell, type Column, type TableRow } from '../table/cell';
import { csvDocument } from '../table/csv';
import { sumExact } from '../table/exact-decimal';
import { addTableSheet } from '../table/sheet';
import { newWorkbook, xlsxBytes } from '../table/workbook';

/*
 * The land register (土地台账, R19) as an office files it: the plots with their 亩均 figures, the
 * half-year's clearance list (每半年土地清理: 圈而不建, 低效) and the year's land quota (用地指标).
 * Areas are kept in hundredths of a 亩 and shown in 亩 with two decimals, exactly; 亩均 figures in
 * 万元/亩 as the projections computed them (the domain's `wanPerMu`).
 */

/** What the land workbook shows. */
export interface LandReport {
  readonly asOf: string;
  readonly plots: ReadonlyArray<PlotEntry>;
  readonly clearance: ClearanceList;
  readonly quota: ReadonlyArray<QuotaView>;
  /** Display names of the units (unitId → 经开区). */
  readonly unitNames?: Readonly<Record<string, string>>;
}

/** Which table a CSV holds. */
export type LandCsvPart = 'plots' | 'clearance' | 'quota';

const TITLE = '土地台账';
const words = vocabulary;

/** The header of a 亩均 column: the vocabulary's figure, in 万元/亩. */
const perMuHeader = (figure: 'investmentPerMu' | 'outputPerMu' | 'taxPerMu'): string =>
  `${words.fulfilmentFigures[figure].zh}（万元/亩）`;

/** A figure in 万元/亩 (two decimals) as an exact decimal cell. */
const perMu = (x: number | null): Cell => (x === null ? empty : hundredths(Math.round(x * 100)));

const plotColumns = (unitNames: Readonly<Record<string, string>>): ReadonlyArray<Column<PlotEntry>> => [
  { header: '地块编号', cell: (p) => text(p.plotId) },
  { header: '所属单位', cell: (p) => text(unitNames[p.unitId] ?? p.unitId) },
  { header: '坐落', cell: (p) => text(p.location), maxWidth: 40 },
  { header: '面积（亩）', cell: (p) => hundredths(p.area) },
  { header: '用地性质', cell: (p) => text(words.landUses[p.landUse].zh) },
  { header: '供地进度', cell: (p) => text(words.supplyStatuses[p.supply].zh) },
  { header: '状态', cell: (p) => text(words.plotStatuses[p.status].zh) },
  { header: '用地项目', cell: (p) => text(p.occupant?.name) },
  { header: '约定开工', cell: (p) => date(p.occupant?.agreedStartBy) },
  { header: '实际开工', cell: (p) => date(p.occupant?.constructionStartedOn) },
  { header: perMuHeader('investmentPerMu'), cell: (p) => perMu(p.perMu.investment) },
  { header: perMuHeader('outputPerMu'), cell: (p) => perMu(p.perMu.output) },
  { header: perMuHeader('taxPerMu'), cell: (p) => perMu(p.perMu.tax) },
];

const clearanceColumns: ReadonlyArray<Column<ClearanceItem>> = [
  { header: '地块编号', cell: (p) => text(p.plotId) },
  { header: '坐落', cell: (p) => text(p.location), maxWidth: 40 },
  { header: '面积（亩）', cell: (p) => hundredths(p.area) },
  { header: '清理认定', cell: (p) => text(words.flagBases[p.finding].zh) },
  { header: '用地项目', cell: (p) => text(p.occupant?.name) },
  { header: '约定开工', cell: (p) => date(p.occupant?.agreedStartBy) },
  { header: perMuHeader('outputPerMu'), cell: (p) => perMu(p.perMu.output) },
  { header: '处置结果已登记', cell: (p) => text(p.recorded ? '是' : '否') },
];

const quotaColumns: ReadonlyArray<Column<QuotaView>> = [
  { header: '年度', cell: (q) => text(String(q.year)) },
  { header: `${words.quotaFigures.granted.zh}（亩）`, cell: (q) => hundredths(q.granted) },
  { header: `${words.quotaFigures.reserved.zh}（亩）`, cell: (q) => hundredths(q.reserved) },
  {
    header: `${words.quotaFigures['used-from-reserved'].zh}（亩）`,
    cell: (q) => hundredths(q.usedFromReserved),
  },
  {
    header: `${words.quotaFigures['used-from-general'].zh}（亩）`,
    cell: (q) => hundredths(q.usedFromGeneral),
  },
  { header: `${words.quotaFigures.left.zh}（亩）`, cell: (q) => hundredths(q.left) },
];

const rowsOf = <R>(columns: ReadonlyArray<Column<R>>, rows: ReadonlyArray<R>): ReadonlyArray<TableRow> =>
  rows.map((r) => ({ cells: columns.map((c) => c.cell(r)) }));

/** A 合计 row with the area total in the given column. */
const areaTotal = (width: number, at: number, areas: ReadonlyArray<number>): TableRow => ({
  cells: Array.from({ length: width }, (_, i) =>
    i === 0 ? text('合计') : i === at ? hundredths(sumExact(areas)) : empty,
  ),
});

const clearanceItems = (c: ClearanceList): ReadonlyArray<ClearanceItem> => [
  ...c.noConstruction,
  ...c.lowEfficiency,
];

/** The land register as a workbook: 地块台账, 土地清理, 用地指标. */
export const landXlsx = async (r: LandReport): Promise<Buffer> => {
  const wb = newWorkbook(TITLE, r.asOf);
  const plots = plotColumns(r.unitNames ?? {});
  addTableSheet(wb, {
    name: '地块台账',
    title: `${TITLE}（地块）`,
    subtitle: `截至 ${r.asOf}；面积单位：亩；亩均：万元/亩`,
    headers: plots.map((c) => c.header),
    rows: rowsOf(plots, r.plots),
    total: areaTotal(
      plots.length,
      3,
      r.plots.map((p) => p.area),
    ),
    frozenColumns: 1,
  });
  const items = clearanceItems(r.clearance);
  addTableSheet(wb, {
    name: '土地清理',
    title: `${r.clearance.period} 园区土地清理（${words.flagBases['no-construction'].zh}、低效用地）`,
    subtitle: `截至 ${r.clearance.asOf}；面积单位：亩`,
    headers: clearanceColumns.map((c) => c.header),
    rows: rowsOf(clearanceColumns, items),
    total: areaTotal(
      clearanceColumns.length,
      2,
      items.map((p) => p.area),
    ),
    frozenColumns: 1,
  });
  addTableSheet(wb, {
    name: '用地指标',
    title: '用地指标使用情况（有限指标保重点）',
    subtitle: `截至 ${r.asOf}；面积单位：亩`,
    headers: quotaColumns.map((c) => c.header),
    rows: rowsOf(quotaColumns, r.quota),
  });
  return xlsxBytes(wb);
};

/** One table of the land register as CSV (UTF-8 with BOM). */
export const landCsv = (r: LandReport, part: LandCsvPart = 'plots'): string => {
  switch (part) {
    case 'plots': {
      const columns = plotColumns(r.unitNames ?? {});
      return csvDocument(
        columns.map((c) => c.header),
        r.plots.map((p) => columns.map((c) => c.cell(p))),
      );
    }
    case 'clearance':
      return csvDocument(
        clearanceColumns.map((c) => c.header),
        clearanceItems(r.clearance).map((p) => clearanceColumns.map((c) => c.cell(p))),
      );
    case 'quota':
      return csvDocument(
        quotaColumns.map((c) => c.header),
        r.quota.map((q) => quotaColumns.map((c) => c.cell(q))),
      );
    default: {
      const unknown: never = part;
      return unknown;
    }
  }
};
