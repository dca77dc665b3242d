import type ExcelJS from 'exceljs';
import { cellText, lightNames, type Cell, type TableRow } from './cell';
import { exactNumber } from './exact-decimal';

/*
 * One table per worksheet, laid out the way an office prints its 台账 and 通报: a title, a line
 * saying what and as of when (and the money unit), a frozen header, the rows, a 合计 row, notes;
 * A4 landscape, one page wide, the header repeated on every printed page, page numbers.
 */

/** Where the header row is: row 1 is the title, row 2 the subtitle. */
export const HEADER_ROW = 3;

export interface TableSheet {
  /** Worksheet name (made unique and legal by `addTableSheet`). */
  readonly name: string;
  readonly title: string;
  readonly subtitle: string;
  readonly headers: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<TableRow>;
  readonly total?: TableRow;
  /** Text rows after the table (e.g. the position and digest a printed bulletin is checked against). */
  readonly notes?: ReadonlyArray<string>;
  /** Columns frozen at the left with the header (序号, 名称 …). */
  readonly frozenColumns?: number;
  /** Widest a column grows, by column index (0-based); longer text wraps. Default 30. */
  readonly maxWidths?: Readonly<Record<number, number>>;
  /** Printed at the bottom left of every page (plain text; no `&` codes). */
  readonly footer?: string;
  /** Highlight a value behind its schedule: `value < expected` in the same row (0-based columns). */
  readonly behindSchedule?: { readonly value: number; readonly expected: number };
}

const FORMAT = {
  integer: '0',
  two: '#,##0.00',
  four: '#,##0.0000',
  percent: '0.00%',
  date: 'yyyy-mm-dd',
} as const;

/** Light fills (Excel's good / neutral / bad tints and a light blue), dark text for print. */
const LIGHT_FILL = { green: 'FFC6EFCE', blue: 'FFDDEBF7', yellow: 'FFFFEB9C', red: 'FFFFC7CE' } as const;
const LIGHT_FONT = { green: 'FF006100', blue: 'FF1F4E79', yellow: 'FF9C5700', red: 'FF9C0006' } as const;
const HEADER_FILL = 'FFD9E1F2';
const TOTAL_FILL = 'FFF2F2F2';
const MUTED_FONT = 'FF808080';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Display width of text: a CJK (full-width) character takes two columns. */
export const displayWidth = (s: string): number => {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
};

const grouped = (s: string): string =>
  s.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

/** What the cell shows once formatted (for column widths). */
const shown = (c: Cell): string => {
  switch (c.kind) {
    case 'decimal': {
      const t = cellText(c);
      const [whole = '', fraction = ''] = t.split('.');
      return grouped(`${whole}.${fraction.slice(0, c.decimals).padEnd(c.decimals, '0')}`);
    }
    default:
      return cellText(c);
  }
};

const utcDate = (d: string): Date => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (m === null) throw new RangeError(`not a business date (YYYY-MM-DD): ${d}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
};

/** Writes one cell: exact numbers where a cell can hold them, the exact text otherwise. */
const put = (target: ExcelJS.Cell, c: Cell): void => {
  switch (c.kind) {
    case 'empty':
      target.value = null;
      return;
    case 'text':
      target.value = c.text;
      target.alignment = { vertical: 'middle', wrapText: true };
      return;
    case 'integer':
      target.value = c.value;
      target.numFmt = FORMAT.integer;
      return;
    case 'decimal': {
      const n = exactNumber(c.units, c.scale);
      target.value = n ?? cellText(c);
      if (n === undefined) target.alignment = { horizontal: 'right' };
      else target.numFmt = c.decimals === 4 ? FORMAT.four : FORMAT.two;
      return;
    }
    case 'percent': {
      const n = exactNumber(c.basisPoints, 4);
      target.value = n ?? cellText(c);
      if (n !== undefined) target.numFmt = FORMAT.percent;
      return;
    }
    case 'date':
      target.value = utcDate(c.date);
      target.numFmt = FORMAT.date;
      target.alignment = { horizontal: 'center' };
      return;
    case 'light':
      target.value = lightNames[c.light];
      target.fill = solid(LIGHT_FILL[c.light]);
      target.font = { color: { argb: LIGHT_FONT[c.light] } };
      target.alignment = { horizontal: 'center', vertical: 'middle' };
      return;
    default: {
      const unknown: never = c;
      return unknown;
    }
  }
};

/** A legal, unique worksheet name: no `: \ / ? * [ ]`, at most 31 characters, unique ignoring case. */
export const sheetName = (wanted: string, taken: ReadonlySet<string>): string => {
  const base =
    wanted
      .replace(/[:\\/?*[\]]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || '未命名';
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  let name = base;
  for (let i = 2; lower.has(name.toLowerCase()); i += 1) {
    const suffix = `(${i})`;
    name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  return name;
};

const columnLetter = (index: number): string => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** Adds a worksheet holding one table; returns it for the caller's checks. */
export const addTableSheet = (wb: ExcelJS.Workbook, spec: TableSheet): ExcelJS.Worksheet => {
  const width = spec.headers.length;
  const frozen = spec.frozenColumns ?? 0;
  const ws = wb.addWorksheet(sheetName(spec.name, new Set(wb.worksheets.map((w) => w.name))), {
    views: [{ state: 'frozen', xSplit: frozen, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  const footerLeft = spec.footer === undefined ? '' : `&L${spec.footer.replace(/&/g, '&&')}`;
  ws.headerFooter.oddFooter = `${footerLeft}&R第 &P 页，共 &N 页`;

  // Title and subtitle, merged across the table.
  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = spec.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, width);
  const subtitle = ws.getCell(2, 1);
  subtitle.value = spec.subtitle;
  subtitle.alignment = { horizontal: 'left', vertical: 'middle' };
  subtitle.font = { size: 10 };

  // Header.
  const header = ws.getRow(HEADER_ROW);
  spec.headers.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = solid(HEADER_FILL);
    c.border = THIN;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  const widths = spec.headers.map((h) => {
    const w = displayWidth(h);
    return w <= 12 ? w : Math.ceil(w / 2) + 1; // a long header wraps onto two lines
  });
  header.height = spec.headers.some((h) => displayWidth(h) > 12) ? 32 : 20;

  const writeRow = (at: number, row: TableRow, style: 'data' | 'total'): void => {
    const r = ws.getRow(at);
    row.cells.forEach((cell, i) => {
      const target = r.getCell(i + 1);
      put(target, cell);
      target.border = THIN;
      if (style === 'total') {
        target.font = { ...target.font, bold: true };
        if (cell.kind !== 'light') target.fill = solid(TOTAL_FILL);
      } else if (row.muted === true && cell.kind !== 'light') {
        target.font = { italic: true, color: { argb: MUTED_FONT } };
      }
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(shown(cell)));
    });
  };

  let at = HEADER_ROW + 1;
  for (const row of spec.rows) writeRow(at++, row, 'data');
  const lastData = at - 1;
  if (spec.total !== undefined) writeRow(at++, spec.total, 'total');

  if (spec.rows.length > 0) {
    ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: lastData, column: width } };
    if (spec.behindSchedule !== undefined) {
      const v = columnLetter(spec.behindSchedule.value);
      const e = columnLetter(spec.behindSchedule.expected);
      const first = HEADER_ROW + 1;
      ws.addConditionalFormatting({
        ref: `${v}${first}:${v}${lastData}`,
        rules: [
          {
            type: 'expression',
            priority: 1,
            formulae: [`AND(ISNUMBER(${v}${first}),ISNUMBER(${e}${first}),${v}${first}<${e}${first})`],
            style: {
              fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: LIGHT_FILL.red } },
              font: { color: { argb: LIGHT_FONT.red } },
            },
          },
        ],
      });
    }
  }

  if (spec.notes !== undefined && spec.notes.length > 0) {
    at += 1;
    for (const note of spec.notes) {
      ws.mergeCells(at, 1, at, width);
      const c = ws.getCell(at, 1);
      c.value = note;
      c.font = { size: 9, color: { argb: 'FF595959' } };
      c.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
      ws.getRow(at).height = Math.max(
        15,
        13 *
          Math.ceil(
            displayWidth(note) /
              Math.max(
                60,
                widths.reduce((s, w) => s + w + 2, 0),
              ),
          ),
      );
      at += 1;
    }
  }

  widths.forEach((w, i) => {
    const width = Math.min(spec.maxWidths?.[i] ?? 30, Math.max(6, w + 2));
    // exceljs takes a width of exactly 9 for its default and leaves the column out of the file.
    ws.getColumn(i + 1).width = width === 9 ? 9.5 : width;
  });
  return ws;
};
