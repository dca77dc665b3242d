import { vocabulary, zhOf } from '@zhaoshang/domain';
import type { Light } from '@zhaoshang/projections';
import { exactDecimal, type Integer } from './exact-decimal';

/**
 * One cell of a report table, as data: the workbook and the CSV render the same cells, so a sheet
 * and its CSV have the same columns and the same exact values.
 */
export type Cell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  /** Counts, days, ranks. */
  | { readonly kind: 'integer'; readonly value: number }
  /**
   * An exact decimal `units / 10^scale`, shown with `decimals` places: money (分 → 万元 is scale 6,
   * 分 → 亿元 scale 10, cents → 万美元 scale 6), scores and 序时 counts (hundredths, scale 2).
   */
  | { readonly kind: 'decimal'; readonly units: Integer; readonly scale: number; readonly decimals: 2 | 4 }
  /**
   * A percentage from basis points (7500 = 75.00 %); `light`, when given, colours the cell as the
   * traffic-light policy judged the figure (a bulletin's 完成率 in the colour of its 状态灯).
   */
  | { readonly kind: 'percent'; readonly basisPoints: Integer; readonly light?: Light }
  /** A business date, 'YYYY-MM-DD'. */
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'light'; readonly light: Light };

/** Which unit a money amount is shown in. */
export type MoneyUnit = 'wan' | 'yi' | 'wan-usd';

const SCALE: { readonly [U in MoneyUnit]: number } = { wan: 6, yi: 10, 'wan-usd': 6 };

export const empty: Cell = { kind: 'empty' };
export const text = (s: string | undefined): Cell =>
  s === undefined || s === '' ? empty : { kind: 'text', text: s };
export const integer = (n: number | undefined): Cell =>
  n === undefined ? empty : { kind: 'integer', value: n };
/** 分 (or US cents) shown in 万元 / 亿元 / 万美元: 万 with two decimals, 亿 with four. */
export const money = (minor: Integer | undefined, unit: MoneyUnit): Cell =>
  minor === undefined
    ? empty
    : { kind: 'decimal', units: minor, scale: SCALE[unit], decimals: unit === 'yi' ? 4 : 2 };
/** Hundredths (a two-decimal score or count) as a decimal with two places. */
export const hundredths = (n: Integer | undefined): Cell =>
  n === undefined ? empty : { kind: 'decimal', units: n, scale: 2, decimals: 2 };
export const percent = (basisPoints: Integer | undefined, light?: Light): Cell =>
  basisPoints === undefined
    ? empty
    : { kind: 'percent', basisPoints, ...(light !== undefined ? { light } : {}) };
export const date = (d: string | undefined): Cell => (d === undefined ? empty : { kind: 'date', date: d });
export const light = (l: Light | undefined): Cell => (l === undefined ? empty : { kind: 'light', light: l });

/** Chinese names of the traffic lights (DOMAIN.md §6: green done, blue on time, yellow warning, red overdue): the domain's vocabulary. */
export const lightNames: { readonly [L in Light]: string } = zhOf(vocabulary.trafficLights);

/**
 * The text of a cell: what the CSV holds and what a reader sees. Decimals are exact (trailing
 * zeros trimmed past the places shown), percentages are `75.00%` (Excel reads them as numbers).
 */
export const cellText = (c: Cell): string => {
  switch (c.kind) {
    case 'empty':
      return '';
    case 'text':
      return c.text;
    case 'integer':
      return String(c.value);
    case 'decimal':
      return exactDecimal(c.units, c.scale, c.decimals);
    case 'percent':
      return `${exactDecimal(c.basisPoints, 2, 2)}%`;
    case 'date':
      return c.date;
    case 'light':
      return lightNames[c.light];
    default: {
      const unknown: never = c;
      return unknown;
    }
  }
};

/** A row of a table: its cells, and whether it is shown muted (a duplicate that is not counted). */
export interface TableRow {
  readonly cells: ReadonlyArray<Cell>;
  readonly muted?: boolean;
}

/**
 * A column: its header, how wide it may grow (long text wraps beyond `maxWidth`) and where it
 * prints: a column with `group` starts a print group (基本信息, 推进情况 …) that the following
 * columns join until the next `group`; a group starts a page across unless it fits beside the
 * previous one (print-layout.ts). A column added without `group` prints with its neighbours.
 */
export interface Column<R> {
  readonly header: string;
  readonly cell: (row: R) => Cell;
  readonly maxWidth?: number;
  readonly group?: string;
}
