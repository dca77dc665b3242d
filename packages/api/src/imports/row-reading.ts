import type { BusinessDate, Channel, Cny, CreditCode, NonEmptyText } from '@zhaoshang/domain';
import * as E from 'fp-ts/Either';
import {
  isBlank,
  readAmount,
  readCreditCode,
  readDate,
  readText,
  unitInHeader,
  type CellValue,
  type Read,
  type Reason,
} from './cell-readers';
import type { ImportField, ImportProfile } from './import-profile';
import type { SheetCell, SheetRow } from './workbook';

/** A cell that cannot be read: where (row, column letter and header), what it holds, and why. */
export interface CellProblem {
  readonly row: number;
  readonly column: string;
  readonly header: string;
  readonly value: string | number | null;
  readonly reason: Reason;
}

/** What one row says, each field read (absent: the column is missing or the cell is empty). */
export interface RowFields {
  readonly projectCode?: NonEmptyText;
  readonly name?: NonEmptyText;
  readonly investor?: NonEmptyText;
  readonly creditCode?: CreditCode;
  readonly investorOrigin?: NonEmptyText;
  readonly investment?: Cny;
  readonly industryChain?: NonEmptyText;
  readonly content?: NonEmptyText;
  readonly unit?: NonEmptyText;
  readonly capturedOn?: BusinessDate;
  readonly signedOn?: BusinessDate;
  readonly startedOn?: BusinessDate;
  readonly completedOn?: BusinessDate;
  readonly productionOn?: BusinessDate;
  readonly statisticsCode?: NonEmptyText;
  readonly statisticsOn?: BusinessDate;
}

/** One row read: its fields, the cells that could not be read, and where each field came from. */
export interface RowReading {
  readonly row: number;
  readonly fields: RowFields;
  readonly problems: ReadonlyArray<CellProblem>;
  /** The cell each field was read from (to report a later problem, e.g. a missing lead field, at its place). */
  readonly cellOf: Partial<Record<ImportField, SheetCell>>;
}

const shown = (v: CellValue): string | number | null =>
  v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : v;

/** Reads a row with the profile: every mapped, non-empty cell by its field's reader. */
export const readRow = (sheetRow: SheetRow, profile: ImportProfile): RowReading => {
  const fields: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  const cellOf: Partial<Record<ImportField, SheetCell>> = {};
  for (const [header, field] of Object.entries(profile.columns)) {
    const cell = sheetRow.cells.get(header.trim());
    if (cell === undefined || isBlank(cell.value)) continue;
    cellOf[field] = cell;
    const read = readField(field, cell, profile);
    if (E.isRight(read)) fields[field] = read.right;
    else
      problems.push({
        row: sheetRow.row,
        column: cell.column,
        header: cell.header,
        value: shown(cell.value),
        reason: read.left,
      });
  }
  return { row: sheetRow.row, fields: fields as RowFields, problems, cellOf };
};

const readField = (field: ImportField, cell: SheetCell, profile: ImportProfile): Read<unknown> => {
  switch (field) {
    case 'investment':
      return readAmount(cell.value, unitInHeader(cell.header) ?? profile.amountUnit);
    case 'creditCode':
      return readCreditCode(cell.value);
    case 'capturedOn':
    case 'signedOn':
    case 'startedOn':
    case 'completedOn':
    case 'productionOn':
    case 'statisticsOn':
      return readDate(cell.value);
    case 'projectCode':
    case 'name':
    case 'investor':
    case 'investorOrigin':
    case 'industryChain':
    case 'content':
    case 'unit':
    case 'statisticsCode':
      return readText(cell.value);
  }
};

/** The headers a profile maps that the sheet does not have (reported before any row). */
export const missingHeaders = (
  profile: ImportProfile,
  headers: ReadonlyArray<{ readonly header: string }>,
): string[] => {
  const present = new Set(headers.map((h) => h.header));
  return Object.keys(profile.columns).filter((h) => !present.has(h.trim()));
};

/** The lead's fields a new project needs that neither the row nor the profile's defaults give. */
export const leadDefaults = (
  fields: RowFields,
  profile: ImportProfile,
): { readonly channel?: Channel; readonly industryChain?: string; readonly content?: string } => ({
  ...(profile.defaults?.channel !== undefined ? { channel: profile.defaults.channel } : {}),
  ...(fields.industryChain === undefined && profile.defaults?.industryChain !== undefined
    ? { industryChain: profile.defaults.industryChain }
    : {}),
  ...(fields.content === undefined && profile.defaults?.content !== undefined
    ? { content: profile.defaults.content }
    : {}),
});
