import type { RegisterEntry } from '@zhaoshang/projections';
import { STAGES, type Stage } from '@zhaoshang/domain';
import { empty, integer, money, text, type Cell, type TableRow } from '../table/cell';
import { csvDocument } from '../table/csv';
import { sumExact } from '../table/exact-decimal';
import { addTableSheet, columnLayout } from '../table/sheet';
import { newWorkbook, xlsxBytes } from '../table/workbook';
import { GAP, stageNames } from '../vocabulary/labels';
import {
  columnAt as at,
  FIXED_ASSETS,
  registerColumns,
  type RegisterLine,
  type RegisterNames,
} from './register-columns';

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
  /**
   * The district's name (相山区): the summary's 合计 row is the district, the total of its units —
   * never a unit sheet of its own (a district passed in `unitNames` would print a row of zeros).
   */
  readonly districtName?: string;
  /** Names of parks and towns (unitId → name) for 园区 and 镇街; default `unitNames`. */
  readonly placeNames?: Readonly<Record<string, string>>;
  /** Names of people (leaderId → name) a row names only by id (最近走访人). */
  readonly leaderNames?: Readonly<Record<string, string>>;
}

const DEFAULT_TITLE = '招商引资工作台账';

/** Columns repeated on every printed page of a unit's sheet (and frozen on screen): 序号 … 项目名称. */
const KEY_COLUMNS = at('name') + 1;

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
  const cells: Cell[] = registerColumns.map(() => empty);
  const duplicates = entries.length - kept.length;
  cells[at('index')] = text('合计');
  cells[at('name')] = text(`共 ${kept.length} 个项目`);
  cells[at('investment')] = money(sumExact(kept.map((e) => e.investment)), 'wan');
  cells[at('fixedAssets')] = money(sumExact(kept.map((e) => e.fixedAssetInvestment ?? 0)), 'wan');
  cells[at('cumulativeInvestment')] = money(sumExact(kept.map((e) => e.cumulativeInvestment)), 'wan');
  if (duplicates > 0) cells[at('remarks')] = text(`不含重复项目 ${duplicates} 个`);
  return { cells };
};

/** The names a register's cells print: places and people. */
const namesOf = (options: RegisterReportOptions): RegisterNames => ({
  places: options.placeNames ?? options.unitNames ?? {},
  leaders: options.leaderNames ?? {},
});

const lines = (entries: ReadonlyArray<RegisterEntry>, names: RegisterNames): ReadonlyArray<RegisterLine> =>
  entries.map((entry, i) => ({ entry, index: i + 1, names }));

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
  const names = namesOf(options);
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
    // The 合计 row is the district: the total of its units (never a unit row of its own).
    total: {
      cells: summaryCells(
        text('合计'),
        text(
          options.districtName === undefined
            ? `${units.length} 个单位`
            : `${options.districtName}（${units.length} 个单位）`,
        ),
        entries,
      ),
    },
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
      ...columnLayout(registerColumns),
      rows: lines(u.entries, names).map((l) => ({
        cells: registerColumns.map((c) => c.cell(l)),
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
  const names = namesOf(options);
  return csvDocument(
    ['单位', ...registerColumns.map((c) => c.header)],
    units.flatMap((u) =>
      lines(u.entries, names).map((l) => [text(u.name), ...registerColumns.map((c) => c.cell(l))]),
    ),
  );
};
