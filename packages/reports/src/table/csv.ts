import { cellText, type Cell } from './cell';

/** Byte-order mark: Excel opens a UTF-8 CSV as UTF-8 (Chinese intact) only when the file starts with it. */
export const BOM = '\uFEFF';

/**
 * A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return
 * first) gets a leading apostrophe, which Excel shows as text (OWASP "CSV injection"). Only text
 * cells are guarded: numbers, dates and percentages are written as they are.
 */
const guarded = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/**
 * RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled; so is
 * one with leading or trailing spaces, which some readers (fast-csv among them) trim when unquoted.
 */
export const csvField = (s: string): string =>
  /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;

const fieldOf = (c: Cell): string => csvField(c.kind === 'text' ? guarded(c.text) : cellText(c));

/**
 * A CSV document: BOM, the header, then one record per row, CRLF after every record (RFC 4180).
 * Decimals are exact (万元 to the 分), percentages `75.00%`, dates `YYYY-MM-DD`.
 */
export const csvDocument = (
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
): string => {
  const lines = [headers.map((h) => csvField(h)).join(',')];
  for (const row of rows) lines.push(row.map(fieldOf).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
};
