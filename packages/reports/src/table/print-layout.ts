/*
 * How a table sheet prints (docs/reports.md, "Print layout"): which paper, which columns on which
 * page, the print scale, and how tall a row must be for its wrapped text to stay in it. Pure
 * arithmetic on column widths and cell texts, so it can be tested without a spreadsheet program;
 * the PDF layout test (test/print-layout.pdf.spec.ts) checks the result through LibreOffice.
 *
 * Units: column widths are Excel's (characters of the default font); a CJK character counts two.
 * Lengths on paper are points (1/72 inch).
 */

/** Smallest type size on paper, in points (font size × print scale). */
export const MIN_PRINTED_PT = 9;
/** Size of the body text (cells, headers, notes, headers and footers), in points. */
export const BODY_PT = 10;
/** Size of a sheet's title, in points. */
export const TITLE_PT = 16;
/**
 * Smallest print scale in percent: BODY_PT × scale ≥ MIN_PRINTED_PT, with two points of percent to
 * spare (10 pt × 92 % = 9.2 pt on paper).
 */
export const MIN_SCALE = Math.ceil((100 * MIN_PRINTED_PT) / BODY_PT) + 2;

/**
 * Points one unit of column width takes on paper at 100 %, at its widest: Excel draws a unit as the
 * default font's digit (Calibri 11: 7 px = 5.25 pt, plus 3.75 pt per column), LibreOffice without
 * Carlito substitutes DejaVu Sans (7 pt). Pages are planned with the wider measure, so a group
 * fits in both; wrapped lines are counted with the narrower one (`wrappedLines`), so a row is tall
 * enough in both.
 */
export const PT_PER_WIDTH_UNIT = 7;

/** Page margins in inches (exceljs's unit). */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** The papers a sheet prints on, landscape: Excel's paper code and the size in points. */
export const PAPERS = {
  A4: { paperSize: 9, width: 841.89, height: 595.28 },
  A3: { paperSize: 8, width: 1190.55, height: 841.89 },
} as const;
export type Paper = keyof typeof PAPERS;

/** Printable width of a landscape paper in points. */
export const printableWidth = (paper: Paper): number =>
  PAPERS[paper].width - 72 * (MARGINS.left + MARGINS.right);

/** Display width of text: a CJK (full-width) character takes two columns. */
export const displayWidth = (s: string): number => {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
};

/** Width units a wrapped line gives up to the cell's padding and to line-breaking rules (避头尾). */
const WRAP_SLACK = 2;

/**
 * How many lines `text` takes wrapped in a column `width` units wide: CJK characters break
 * anywhere, a run of Latin letters or digits only at a space (or anywhere when longer than a line),
 * `\n` always. Errs on the side of one line more.
 */
export const wrappedLines = (text: string, width: number): number => {
  const room = Math.max(2, width - WRAP_SLACK);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const token of paragraph.match(/[\u2e80-\u{10ffff}]|[^\s\u2e80-\u{10ffff}]+|\s/gu) ?? []) {
      let w = displayWidth(token);
      if (used + w <= room) {
        used += w;
        continue;
      }
      if (/^\s$/.test(token)) continue; // a space at a line break is not printed
      if (used > 0) lines += 1;
      while (w > room) {
        lines += 1;
        w -= room;
      }
      used = w;
    }
  }
  return lines;
};

/** Height in points of a row showing `lines` lines of `fontPt` text (Noto CJK's line is ~1.45 em). */
export const rowHeight = (lines: number, fontPt: number = BODY_PT): number =>
  Math.ceil(lines * fontPt * 1.5 + 5);

/** One printed page's columns, `[from, to)` (0-based), the repeated key columns not counted. */
export interface PageColumns {
  readonly from: number;
  readonly to: number;
}

/** How a sheet prints. */
export interface PrintPlan {
  readonly paper: Paper;
  /** Print scale in percent (MIN_SCALE … 100). */
  readonly scale: number;
  /** The pages across, left to right; each prints the key columns first. */
  readonly pages: ReadonlyArray<PageColumns>;
  /** 0-based column indexes where a page starts (`colBreaks`): every page's `from` but the first. */
  readonly breaks: ReadonlyArray<number>;
}

const plan = (
  paper: Paper,
  widths: ReadonlyArray<number>,
  keyColumns: number,
  groupStarts: ReadonlySet<number>,
): PrintPlan => {
  const pt = (from: number, to: number) =>
    widths.slice(from, to).reduce((s, w) => s + w * PT_PER_WIDTH_UNIT, 0);
  const room = (printableWidth(paper) * 100) / MIN_SCALE - pt(0, keyColumns);
  // Groups: runs of columns that start a page together when they do not fit beside the previous ones.
  const groups: PageColumns[] = [];
  for (let i = keyColumns; i < widths.length; i += 1) {
    const last = groups[groups.length - 1];
    if (last === undefined || groupStarts.has(i)) groups.push({ from: i, to: i + 1 });
    else groups[groups.length - 1] = { from: last.from, to: i + 1 };
  }
  const pages: PageColumns[] = [];
  for (const g of groups) {
    const current = pages[pages.length - 1];
    if (current !== undefined && pt(current.from, g.to) <= room) {
      pages[pages.length - 1] = { from: current.from, to: g.to };
      continue;
    }
    // A group wider than a page is split at the column that no longer fits.
    let from = g.from;
    for (let i = g.from; i < g.to; i += 1)
      if (i > from && pt(from, i + 1) > room) {
        pages.push({ from, to: i });
        from = i;
      }
    pages.push({ from, to: g.to });
  }
  if (pages.length === 0) pages.push({ from: keyColumns, to: keyColumns });
  const widest = Math.max(...pages.map((p) => pt(0, keyColumns) + pt(p.from, p.to)));
  const scale = Math.max(
    MIN_SCALE,
    Math.min(100, Math.floor((printableWidth(paper) * 100) / Math.max(1, widest))),
  );
  return { paper, scale, pages, breaks: pages.slice(1).map((p) => p.from) };
};

/**
 * The print plan of a sheet: its columns in pages across (key columns repeated on each; a group
 * starts a page unless it fits beside the previous one; a group wider than a page is split),
 * printed at the largest scale ≤ 100 % that fits and never below MIN_SCALE. A4 landscape, or A3
 * landscape when that needs fewer pages across (a wide office sheet).
 */
export const printPlan = (
  widths: ReadonlyArray<number>,
  keyColumns: number,
  groupStarts: ReadonlyArray<number> = [],
): PrintPlan => {
  const starts = new Set(groupStarts);
  const a4 = plan('A4', widths, keyColumns, starts);
  const a3 = plan('A3', widths, keyColumns, starts);
  return a3.pages.length < a4.pages.length ? a3 : a4;
};
