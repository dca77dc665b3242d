import type ExcelJS from 'exceljs';
import { cellText, lightNames, type Cell, type Column, type TableRow } from './cell';
import { exactNumber } from './exact-decimal';
import {
  BODY_PT,
  displayWidth,
  MARGINS,
  PAPERS,
  printPlan,
  rowHeight,
  TITLE_PT,
  wrappedLines,
} from './print-layout';
import { setPrintExtras } from './workbook';

/*
 * One table per worksheet, laid out the way an office prints its 台账 and 通报: a title, a line
 * saying what and as of when (and the money unit), a frozen header, the rows, a 合计 row, notes.
 * Printed (print-layout.ts): A4 or A3 landscape, the columns in pages across by print group with
 * the key columns (序号, 项目名称 …) and the header row repeated on every page, never below 9 pt on
 * paper, every row as tall as its wrapped text, the title in every page's header, the sheet's
 * footer and page x/y in every page's footer.
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
  /** Columns frozen at the left with the header (序号, 名称 …), repeated on every printed page. */
  readonly frozenColumns?: number;
  /** Widest a column grows, by column index (0-based); longer text wraps. Default 30. */
  readonly maxWidths?: Readonly<Record<number, number>>;
  /** 0-based columns that start a print group (a page across, unless it fits beside the previous group). */
  readonly groupStarts?: ReadonlyArray<number>;
  /** Printed at the bottom left of every page (plain text; no `&` codes). */
  readonly footer?: string;
}

/** A sheet's headers, widest widths and print groups, from its column definitions. */
export const columnLayout = <R>(
  columns: ReadonlyArray<Column<R>>,
  offset = 0,
): Pick<TableSheet, 'headers' | 'maxWidths' | 'groupStarts'> => ({
  headers: columns.map((c) => c.header),
  maxWidths: Object.fromEntries(
    columns.flatMap((c, i) => (c.maxWidth === undefined ? [] : [[i + offset, c.maxWidth]])),
  ),
  groupStarts: columns.flatMap((c, i) => (c.group === undefined ? [] : [i + offset])),
});

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

/** Body text, top-aligned so a row's lines start together; wrapped where it is text. */
const BODY_FONT: Partial<ExcelJS.Font> = { size: BODY_PT };
const TOP: Partial<ExcelJS.Alignment> = { vertical: 'top' };

/** Writes one cell: exact numbers where a cell can hold them, the exact text otherwise. */
const put = (target: ExcelJS.Cell, c: Cell): void => {
  target.font = BODY_FONT;
  target.alignment = TOP;
  switch (c.kind) {
    case 'empty':
      target.value = null;
      return;
    case 'text':
      target.value = c.text;
      target.alignment = { ...TOP, wrapText: true };
      return;
    case 'integer':
      target.value = c.value;
      target.numFmt = FORMAT.integer;
      return;
    case 'decimal': {
      const n = exactNumber(c.units, c.scale);
      target.value = n ?? cellText(c);
      if (n === undefined) target.alignment = { ...TOP, horizontal: 'right' };
      else target.numFmt = c.decimals === 4 ? FORMAT.four : FORMAT.two;
      return;
    }
    case 'percent': {
      const n = exactNumber(c.basisPoints, 4);
      target.value = n ?? cellText(c);
      if (n !== undefined) target.numFmt = FORMAT.percent;
      // Coloured by the light the policy gave the figure (bulletin 完成率), never by a threshold of its own.
      if (c.light !== undefined) {
        target.fill = solid(LIGHT_FILL[c.light]);
        target.font = { ...BODY_FONT, color: { argb: LIGHT_FONT[c.light] } };
      }
      return;
    }
    case 'date':
      target.value = utcDate(c.date);
      target.numFmt = FORMAT.date;
      target.alignment = { ...TOP, horizontal: 'center' };
      return;
    case 'light':
      target.value = lightNames[c.light];
      target.fill = solid(LIGHT_FILL[c.light]);
      target.font = { ...BODY_FONT, color: { argb: LIGHT_FONT[c.light] } };
      target.alignment = { ...TOP, horizontal: 'center' };
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

/**
 * Header and footer text in the body size: `&` doubled (a code otherwise); a space after the size
 * code when the text starts with a digit (`&10` `2024年…` would read as size 102024).
 */
const hf = (text: string): string => `&${BODY_PT}${/^\d/.test(text) ? ' ' : ''}${text.replace(/&/g, '&&')}`;

/** Lines a cell takes in a column `width` wide (numbers and dates keep one line: the width fits them). */
const linesOf = (c: Cell, width: number): number => (c.kind === 'text' ? wrappedLines(c.text, width) : 1);

/** Adds a worksheet holding one table; returns it for the caller's checks. */
export const addTableSheet = (wb: ExcelJS.Workbook, spec: TableSheet): ExcelJS.Worksheet => {
  const width = spec.headers.length;
  const frozen = spec.frozenColumns ?? 0;

  // Column widths from the header (a long one wraps onto two lines) and the cells shown, capped.
  const wanted = spec.headers.map((h) => {
    const w = displayWidth(h);
    return w <= 12 ? w : Math.ceil(w / 2) + 1;
  });
  for (const row of [...spec.rows, ...(spec.total === undefined ? [] : [spec.total])])
    row.cells.forEach((cell, i) => {
      wanted[i] = Math.max(wanted[i] ?? 0, displayWidth(shown(cell)));
    });
  // exceljs takes a width of exactly 9 for its default and leaves the column out of the file.
  const widths = wanted.map((w, i) => {
    const fitted = Math.min(spec.maxWidths?.[i] ?? 30, Math.max(6, w + 2));
    return fitted === 9 ? 9.5 : fitted;
  });
  const plan = printPlan(widths, frozen, spec.groupStarts);
  // Title, subtitle and notes span the first printed page's columns; when the sheet prints on
  // several pages across, not the key columns (repeated on every page, they would show a cut piece).
  const firstPage = Math.max(1, plan.pages[0]?.to ?? width);
  const spanFrom = plan.pages.length > 1 ? Math.min(frozen, firstPage - 1) : 0;
  const spanWidth = widths.slice(spanFrom, firstPage).reduce((s, w) => s + w, 0);

  const ws = wb.addWorksheet(sheetName(spec.name, new Set(wb.worksheets.map((w) => w.name))), {
    views: [{ state: 'frozen', xSplit: frozen, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: PAPERS.A4.paperSize, // A3 is written by setPrintExtras (exceljs knows no A3)
      orientation: 'landscape',
      fitToPage: false,
      scale: plan.scale,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      ...(frozen > 0 ? { printTitlesColumn: `A:${columnLetter(frozen - 1)}` } : {}),
      pageOrder: 'downThenOver',
      horizontalCentered: true,
      margins: MARGINS,
    },
  });
  setPrintExtras(ws, PAPERS[plan.paper].paperSize, plan.breaks);
  ws.headerFooter.oddHeader = `&C${hf(spec.title)}`;
  const footerLeft = spec.footer === undefined ? '' : `&L${hf(spec.footer)}`;
  ws.headerFooter.oddFooter = `${footerLeft}&R&${BODY_PT}第 &P 页，共 &N 页`;
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });

  /** Merges row `at` across the span; returns its first cell. */
  const spanned = (at: number): ExcelJS.Cell => {
    if (firstPage - spanFrom > 1) ws.mergeCells(at, spanFrom + 1, at, firstPage);
    return ws.getCell(at, spanFrom + 1);
  };

  // Title and subtitle, merged across the first page's columns, as tall as their wrapped text.
  const banner = (at: number, value: string, font: Partial<ExcelJS.Font>, pt: number): void => {
    const c = spanned(at);
    c.value = value;
    c.font = font;
    c.alignment = { horizontal: at === 1 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    ws.getRow(at).height = rowHeight(wrappedLines(value, (spanWidth * BODY_PT) / pt), pt);
  };
  banner(1, spec.title, { bold: true, size: TITLE_PT }, TITLE_PT);
  banner(2, spec.subtitle, BODY_FONT, BODY_PT);

  // Header.
  const header = ws.getRow(HEADER_ROW);
  spec.headers.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { ...BODY_FONT, bold: true };
    c.fill = solid(HEADER_FILL);
    c.border = THIN;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = rowHeight(Math.max(1, ...spec.headers.map((h, i) => wrappedLines(h, widths[i] ?? 6))));

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
        target.font = { ...BODY_FONT, italic: true, color: { argb: MUTED_FONT } };
      }
    });
    // exceljs does not size rows: as tall as the cell with the most wrapped lines.
    r.height = rowHeight(Math.max(1, ...row.cells.map((cell, i) => linesOf(cell, widths[i] ?? 6))));
  };

  let at = HEADER_ROW + 1;
  for (const row of spec.rows) writeRow(at++, row, 'data');
  const lastData = at - 1;
  if (spec.total !== undefined) writeRow(at++, spec.total, 'total');

  if (spec.rows.length > 0)
    ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: lastData, column: width } };

  if (spec.notes !== undefined && spec.notes.length > 0) {
    at += 1;
    for (const note of spec.notes) {
      const c = spanned(at);
      c.value = note;
      c.font = { size: BODY_PT, color: { argb: 'FF595959' } };
      c.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
      ws.getRow(at).height = rowHeight(wrappedLines(note, spanWidth));
      at += 1;
    }
  }
  return ws;
};
