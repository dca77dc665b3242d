import { vocabulary } from '@zhaoshang/domain';
import type { MeetingItemEntry, MeetingItemFigures, MeetingsRegister } from '@zhaoshang/projections';
import { date, empty, integer, text, type Cell, type Column } from '../table/cell';
import { csvDocument } from '../table/csv';
import { addTableSheet } from '../table/sheet';
import { newWorkbook, xlsxBytes } from '../table/workbook';
import { GAP } from '../vocabulary/labels';

/*
 * 会议交办事项台账 (R20): the leading group's meetings and the items their decisions handed out,
 * followed to done as 003 asks (工作交办机制、首问负责制、限时办结制、跟踪问效制) — one row per item with
 * its owner, deadline, state, days overdue; the meetings of the year with the months that had no
 * monthly 例会 (000 §五.1 每月定期召开); and the performance review's 交办 figures per unit.
 */

/** What a meetings ledger is laid out from. */
export interface MeetingsLedger {
  readonly register: MeetingsRegister;
  /** Every item handed out up to the register's date (any order: the ledger sorts them). */
  readonly items: ReadonlyArray<MeetingItemEntry>;
  /** The performance review's 交办 figures of each unit for a period (e.g. '2024'). */
  readonly review?: {
    readonly period: string;
    readonly units: ReadonlyArray<{ readonly unitId: string; readonly meetingItems?: MeetingItemFigures }>;
  };
  /** Display names of units (unitId → 经开区). */
  readonly unitNames?: Readonly<Record<string, string>>;
}

const TITLE = '会议交办事项台账';

const ownerName = (i: MeetingItemEntry, names: Readonly<Record<string, string>>): string =>
  i.ownerDepartment !== undefined
    ? vocabulary.departments[i.ownerDepartment].zh
    : (names[i.ownerUnitId ?? ''] ?? i.ownerUnitId ?? '');

const stateOf = (i: MeetingItemEntry): string =>
  i.overdue
    ? vocabulary.meetingItemTimeliness.overdue.zh
    : i.doneByAsOf
      ? vocabulary.meetingItemStatuses[i.status === 'verified' ? 'verified' : 'done'].zh
      : i.dueOn === undefined
        ? vocabulary.deadlineStatuses['pending-calendar'].zh
        : vocabulary.meetingItemStatuses['handed-out'].zh;

const onTime = (i: MeetingItemEntry): Cell =>
  !i.doneByAsOf || i.withinDeadline === undefined
    ? empty
    : text(vocabulary.meetingItemTimeliness[i.withinDeadline ? 'on-time' : 'late'].zh);

const itemColumns = (names: Readonly<Record<string, string>>): ReadonlyArray<Column<MeetingItemEntry>> => [
  { header: '会议', cell: (i) => text(i.meetingTitle), maxWidth: 30 },
  { header: '会议类型', cell: (i) => text(vocabulary.meetingKinds[i.meetingKind].zh) },
  { header: '会议日期', cell: (i) => date(i.heldOn) },
  { header: '议定事项', cell: (i) => integer(i.decision) },
  { header: '交办事项', cell: (i) => text(i.task), maxWidth: 40 },
  { header: '责任单位（部门）', cell: (i) => text(ownerName(i, names)) },
  { header: '涉及项目', cell: (i) => text(i.projectId) },
  { header: '完成时限', cell: (i) => date(i.dueOn) },
  { header: '延期前时限', cell: (i) => date(i.previousDueOn) },
  { header: '办理状态', cell: (i) => text(stateOf(i)) },
  { header: '办结日期', cell: (i) => (i.doneByAsOf ? date(i.doneOn) : empty) },
  { header: '是否按时', cell: onTime },
  { header: '逾期天数', cell: (i) => (i.overdue ? integer(i.daysOverdue) : empty) },
  { header: '核验销号', cell: (i) => (i.status === 'verified' ? date(i.verifiedOn) : empty) },
];

const sorted = (items: ReadonlyArray<MeetingItemEntry>): ReadonlyArray<MeetingItemEntry> =>
  [...items].sort(
    (a, b) =>
      (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0) ||
      (a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : 0) ||
      a.decision - b.decision ||
      (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0),
  );

/** The ledger as an .xlsx workbook: 交办事项, 会议一览 (with the months without a monthly 例会), 单位交办考核. */
export const meetingsXlsx = async (ledger: MeetingsLedger): Promise<Buffer> => {
  const { register, review } = ledger;
  const names = ledger.unitNames ?? {};
  const asOf = register.asOf;
  const wb = newWorkbook(TITLE, asOf);
  const footer = `${TITLE} · 截至 ${asOf}`;
  const items = sorted(ledger.items);
  const columns = itemColumns(names);
  addTableSheet(wb, {
    name: '交办事项',
    title: TITLE,
    subtitle: `截至 ${asOf}${GAP}共 ${items.length} 项，${vocabulary.meetingItemTimeliness.overdue.zh} ${
      items.filter((i) => i.overdue).length
    } 项`,
    headers: ['序号', ...columns.map((c) => c.header)],
    rows: items.map((i, n) => ({ cells: [integer(n + 1), ...columns.map((c) => c.cell(i))] })),
    frozenColumns: 2,
    footer,
  });
  const missing = register.monthsWithoutMonthlyMeeting;
  addTableSheet(wb, {
    name: '会议一览',
    title: `${register.year}年领导小组会议一览`,
    subtitle: `截至 ${asOf}${GAP}未召开月度工作例会的月份：${missing.length === 0 ? '无' : missing.join('、')}`,
    headers: [
      '序号',
      '会议',
      '会议类型',
      '会议日期',
      '主持人',
      '议定事项（项）',
      '交办事项（项）',
      '报告办结（项）',
      '逾期（项）',
    ],
    rows: register.meetings.map((m, n) => ({
      cells: [
        integer(n + 1),
        text(m.title),
        text(vocabulary.meetingKinds[m.kind].zh),
        date(m.heldOn),
        text(m.chair),
        integer(m.decisions.length),
        integer(m.items),
        integer(m.itemsDone),
        integer(m.itemsOverdue),
      ],
    })),
    footer,
  });
  if (review !== undefined) {
    const units = review.units.map((u) => ({
      unitId: u.unitId,
      f: u.meetingItems ?? { due: 0, doneOnTime: 0, overdue: 0 },
    }));
    addTableSheet(wb, {
      name: '单位交办考核',
      title: `${review.period} 绩效考核：会议交办事项`,
      subtitle: `按期内到期的交办事项计${GAP}交办给部门的事项不计入单位`,
      headers: [
        '单位',
        '期内到期（项）',
        `${vocabulary.meetingItemTimeliness['on-time'].zh}（项）`,
        '逾期（项）',
      ],
      rows: units.map((u) => ({
        cells: [
          text(names[u.unitId] ?? u.unitId),
          integer(u.f.due),
          integer(u.f.doneOnTime),
          integer(u.f.overdue),
        ],
      })),
      footer,
    });
  }
  return xlsxBytes(wb);
};

/** The ledger's items as CSV (UTF-8 with BOM): one row per item. */
export const meetingsCsv = (ledger: Pick<MeetingsLedger, 'items' | 'unitNames'>): string => {
  const columns = itemColumns(ledger.unitNames ?? {});
  return csvDocument(
    ['序号', ...columns.map((c) => c.header)],
    sorted(ledger.items).map((i, n) => [integer(n + 1), ...columns.map((c) => c.cell(i))]),
  );
};
