import type { DepartmentRequestReview, RequestEntry, RequestFigures } from '@zhaoshang/projections';
import { vocabulary } from '@zhaoshang/domain';
import { date, empty, integer, percent, text, type Cell, type Column } from '../table/cell';
import { csvDocument } from '../table/csv';
import { addTableSheet } from '../table/sheet';
import { newWorkbook, xlsxBytes } from '../table/workbook';
import { GAP } from '../vocabulary/labels';

/*
 * The enterprise requests ledger (企业诉求台账, R17: 001 §二 "及时受理和办结投资企业投诉事宜",
 * 004 §(十二) 事前收集梳理、事中研究交办、事后跟踪评价) as an office keeps it: one row per request,
 * its loop from 受理 to 办结, overdue as of the day it is drawn up; and, beside it, the performance
 * review's request figures of the year so far per unit and per department.
 */

/** The review's request figures the workbook lays out beside the ledger. */
export interface RequestReviewFigures {
  /** What the figures cover, in words (e.g. 2024 年 1 月 1 日至 10 月 31 日). */
  readonly period: string;
  readonly units: ReadonlyArray<{ readonly unitId: string; readonly requests: RequestFigures }>;
  readonly departments: ReadonlyArray<DepartmentRequestReview>;
}

export interface RequestReportOptions {
  /** The day the ledger is drawn up for (overdue is as of it). */
  readonly asOf: string;
  /** Display names of the units (unitId → 经开区). */
  readonly unitNames?: Readonly<Record<string, string>>;
  readonly review?: RequestReviewFigures;
}

const TITLE = '企业诉求台账';

const departmentName = (d: string | undefined): string | undefined =>
  d === undefined
    ? undefined
    : ((vocabulary.departments as Readonly<Record<string, { zh: string }>>)[d]?.zh ?? d);

const deadline = (e: RequestEntry): Cell =>
  e.dueOn !== undefined
    ? date(e.dueOn)
    : e.pendingCalendarYear !== undefined
      ? text(`待定（${e.pendingCalendarYear} 年节假日安排尚未采用）`)
      : empty;

const onTime = (e: RequestEntry): string | undefined => {
  const answered = e.rounds.filter((r) => r.handledOn !== undefined);
  if (answered.length === 0) return undefined;
  if (answered.some((r) => r.withinTimeLimit === false)) return '超时';
  return answered.every((r) => r.withinTimeLimit === true) ? '按时' : '待定';
};

const evaluation = (e: RequestEntry): string | undefined =>
  e.evaluation === undefined ? undefined : e.evaluation.satisfied ? '满意' : '不满意';

const remarks = (e: RequestEntry): string | undefined => {
  const out: string[] = [];
  const reopened = e.rounds.length - 1;
  if (reopened > 0) out.push(`企业不满意，重新办理 ${reopened} 次`);
  if (e.overdue) out.push(`已逾期 ${e.daysOverdue} 天`);
  return out.length > 0 ? out.join('；') : undefined;
};

interface Line {
  readonly entry: RequestEntry;
  readonly index: number;
  readonly unitName: string;
}

const columns: ReadonlyArray<Column<Line>> = [
  { header: '序号', cell: (l) => integer(l.index) },
  { header: '诉求编号', cell: (l) => text(l.entry.requestId) },
  { header: '受理单位', cell: (l) => text(l.unitName) },
  { header: '类型', cell: (l) => text(vocabulary.requestKinds[l.entry.kind].zh) },
  { header: '企业名称', cell: (l) => text(l.entry.enterpriseName), maxWidth: 30 },
  { header: '统一社会信用代码', cell: (l) => text(l.entry.creditCode) },
  { header: '项目编号', cell: (l) => text(l.entry.projectId) },
  { header: '反映渠道', cell: (l) => text(vocabulary.requestChannels[l.entry.channel].zh) },
  { header: '诉求类别', cell: (l) => text(vocabulary.requestCategories[l.entry.category].zh) },
  { header: '诉求内容', cell: (l) => text(l.entry.text), maxWidth: 40 },
  { header: '受理日期', cell: (l) => date(l.entry.receivedOn) },
  { header: '承办部门', cell: (l) => text(departmentName(l.entry.departmentId)) },
  { header: '交办日期', cell: (l) => date(l.entry.assignedOn) },
  {
    header: '办理时限（工作日）',
    cell: (l) => integer(l.entry.rounds[l.entry.rounds.length - 1]?.workingDays),
  },
  { header: '截止日期', cell: (l) => deadline(l.entry) },
  { header: '答复日期', cell: (l) => date(l.entry.handledOn) },
  { header: '是否按时答复', cell: (l) => text(onTime(l.entry)) },
  { header: '企业评价', cell: (l) => text(evaluation(l.entry)) },
  { header: '办结日期', cell: (l) => date(l.entry.closedOn) },
  { header: '办理状态', cell: (l) => text(vocabulary.requestStatuses[l.entry.status].zh) },
  { header: '逾期天数', cell: (l) => (l.entry.overdue ? integer(l.entry.daysOverdue) : empty) },
  { header: '备注', cell: (l) => text(remarks(l.entry)), maxWidth: 30 },
];

const linesOf = (
  entries: ReadonlyArray<RequestEntry>,
  names: Readonly<Record<string, string>>,
): ReadonlyArray<Line> =>
  [...entries]
    .sort((a, b) =>
      a.receivedOn === b.receivedOn
        ? a.requestId < b.requestId
          ? -1
          : 1
        : a.receivedOn < b.receivedOn
          ? -1
          : 1,
    )
    .map((entry, i) => ({ entry, index: i + 1, unitName: names[entry.unitId] ?? entry.unitId }));

/** The figures' columns (the review's words: 受理, 办结, 按时办结, 逾期, 评价, 满意, 满意率). */
const figureHeaders = [
  '受理（交办）件数',
  '办结件数',
  '按时办结件数',
  '逾期未答复件数',
  '评价次数',
  '满意次数',
  '满意率',
];
const figureCells = (f: RequestFigures): ReadonlyArray<Cell> => [
  integer(f.received),
  integer(f.closed),
  integer(f.closedOnTime),
  integer(f.overdue),
  integer(f.evaluated),
  integer(f.satisfied),
  f.satisfaction.basisPoints === undefined ? empty : percent(f.satisfaction.basisPoints),
];

/** The ledger as a workbook: 台账 (one row per request), then the review's figures by unit and by department. */
export const requestsXlsx = async (
  entries: ReadonlyArray<RequestEntry>,
  options: RequestReportOptions,
): Promise<Buffer> => {
  const names = options.unitNames ?? {};
  const wb = newWorkbook(TITLE, options.asOf);
  const footer = `${TITLE} · 截至 ${options.asOf}`;
  const lines = linesOf(entries, names);
  addTableSheet(wb, {
    name: '台账',
    title: TITLE,
    subtitle: `截至 ${options.asOf}${GAP}共 ${lines.length} 件${GAP}逾期 ${lines.filter((l) => l.entry.overdue).length} 件（按交办时限，法定工作日）`,
    headers: columns.map((c) => c.header),
    rows: lines.map((l) => ({ cells: columns.map((c) => c.cell(l)) })),
    frozenColumns: 2,
    maxWidths: Object.fromEntries(
      columns.flatMap((c, i) => (c.maxWidth === undefined ? [] : [[i, c.maxWidth]])),
    ),
    footer,
  });
  const review = options.review;
  if (review !== undefined) {
    addTableSheet(wb, {
      name: '按单位',
      title: `${TITLE}考核情况（按单位）`,
      subtitle: `${review.period}${GAP}受理件数按受理日期计；满意率 = 满意次数 / 评价次数`,
      headers: ['序号', '单位', ...figureHeaders],
      rows: review.units.map((u, i) => ({
        cells: [integer(i + 1), text(names[u.unitId] ?? u.unitId), ...figureCells(u.requests)],
      })),
      frozenColumns: 2,
      footer,
    });
    addTableSheet(wb, {
      name: '按部门',
      title: `${TITLE}考核情况（按承办部门）`,
      subtitle: `${review.period}${GAP}交办件数按交办日期计；满意率 = 满意次数 / 评价次数`,
      headers: ['序号', '承办部门', ...figureHeaders],
      rows: review.departments.map((d, i) => ({
        cells: [integer(i + 1), text(departmentName(d.departmentId)), ...figureCells(d)],
      })),
      frozenColumns: 2,
      footer,
    });
  }
  return xlsxBytes(wb);
};

/** The ledger as CSV (UTF-8 with BOM): one row per request, the workbook's 台账 columns. */
export const requestsCsv = (entries: ReadonlyArray<RequestEntry>, options: RequestReportOptions): string =>
  csvDocument(
    columns.map((c) => c.header),
    linesOf(entries, options.unitNames ?? {}).map((l) => columns.map((c) => c.cell(l))),
  );
