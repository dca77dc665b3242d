import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { CellValue } from './cell-readers';

/** One cell of a data row: where it is (column letter and header) and what it holds. */
export interface SheetCell {
  readonly column: string;
  readonly header: string;
  readonly value: CellValue;
}

/** One data row of the sheet (its 1-based row number as Excel shows it), by header. */
export interface SheetRow {
  readonly row: number;
  readonly cells: ReadonlyMap<string, SheetCell>;
}

/** The sheet as read: its name, its headers and its non-empty data rows. */
export interface ReadSheet {
  readonly sha256: string;
  readonly sheet: string;
  readonly headers: ReadonlyArray<{ readonly column: string; readonly header: string }>;
  readonly rows: ReadonlyArray<SheetRow>;
}

/** At most this many data rows per import (a county's register is ~500 projects). */
export const MAX_IMPORT_ROWS = 5_000;

/** At most this many bytes once unzipped (the parts an .xlsx declares): no zip bomb reaches exceljs. */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/** Why a workbook cannot be read at all (answered 400 with this code). */
export class UnreadableWorkbook extends Error {
  constructor(
    readonly code: 'NOT_A_WORKBOOK' | 'NO_SUCH_SHEET' | 'TOO_MANY_ROWS' | 'TOO_LARGE_UNZIPPED',
    readonly params: Readonly<Record<string, string>>,
  ) {
    super(code);
  }
}

/** A cell's value as text, number or date (formulas by their result, rich text by its text). */
const plain = (v: ExcelJS.CellValue): CellValue => {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined || typeof result === 'object'
      ? result instanceof Date
        ? result
        : undefined
      : plain(result);
  }
  if ('text' in v && typeof v.text === 'string') return v.text;
  return undefined;
};

/** Reads the profile's sheet (or the first) of an .xlsx: headers on `headerRow`, data rows below. */
export const readSheet = async (
  bytes: Buffer,
  sheetName: string | undefined,
  headerRow: number,
): Promise<ReadSheet> => {
  const unzipped = declaredUnzippedBytes(bytes);
  if (unzipped === undefined) throw new UnreadableWorkbook('NOT_A_WORKBOOK', {});
  if (unzipped > MAX_UNZIPPED_BYTES)
    throw new UnreadableWorkbook('TOO_LARGE_UNZIPPED', { maxBytes: String(MAX_UNZIPPED_BYTES) });
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer (it accepts a Node Buffer too): a copy of the bytes is one.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new UnreadableWorkbook('NOT_A_WORKBOOK', {});
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (sheet === undefined) throw new UnreadableWorkbook('NO_SUCH_SHEET', { sheet: sheetName ?? '(first)' });
  const headers: Array<{ column: string; header: string; index: number }> = [];
  sheet.getRow(headerRow).eachCell((cell, index) => {
    const text = plain(cell.value);
    if (typeof text === 'string' && text.trim() !== '')
      headers.push({ column: sheet.getColumn(index).letter, header: text.trim(), index });
  });
  if (sheet.rowCount - headerRow > MAX_IMPORT_ROWS)
    throw new UnreadableWorkbook('TOO_MANY_ROWS', { maxRows: String(MAX_IMPORT_ROWS) });
  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells = new Map<string, SheetCell>();
    for (const h of headers) {
      const value = plain(row.getCell(h.index).value);
      cells.set(h.header, { column: h.column, header: h.header, value });
    }
    if (
      [...cells.values()].some(
        (c) => c.value !== undefined && !(typeof c.value === 'string' && c.value.trim() === ''),
      )
    )
      rows.push({ row: r, cells });
  }
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sheet: sheet.name,
    headers: headers.map(({ column, header }) => ({ column, header })),
    rows,
  };
};

/**
 * The sum of the uncompressed sizes a zip's central directory declares, or undefined when it is not
 * a plain zip (no end record, a ZIP64 or inconsistent directory). JSZip, under exceljs, checks each
 * part against its declared size, so the sum bounds what reading the workbook unpacks.
 */
export const declaredUnzippedBytes = (zip: Buffer): number | undefined => {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1)
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) return undefined;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return undefined;
    const size = zip.readUInt32LE(at + 24);
    if (size === 0xffffffff) return undefined;
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
};
