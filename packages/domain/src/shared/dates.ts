import * as t from 'io-ts';

/**
 * A business date: the calendar date in China (Asia/Shanghai) on which something happened in the
 * world, 'YYYY-MM-DD'. Distinct from the instant the system recorded it (RecordedAt).
 * All arithmetic is on day numbers (days since 1970-01-01), so no time zone or clock is involved.
 */
export interface BusinessDateBrand {
  readonly BusinessDate: unique symbol;
}
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!);

const isValidDate = (s: string): boolean => {
  const m = DATE_PATTERN.exec(s);
  if (m === null) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1900 && y <= 2199 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
};

export const BusinessDate = t.brand(
  t.string,
  (s): s is t.Branded<string, BusinessDateBrand> => isValidDate(s),
  'BusinessDate',
);
export type BusinessDate = t.TypeOf<typeof BusinessDate>;

/** An instant the system recorded, ISO-8601 with an explicit offset ('2024-03-01T08:30:00.000Z'). */
export interface RecordedAtBrand {
  readonly RecordedAt: unique symbol;
}
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
export const RecordedAt = t.brand(
  t.string,
  (s): s is t.Branded<string, RecordedAtBrand> => INSTANT_PATTERN.test(s) && !Number.isNaN(Date.parse(s)),
  'RecordedAt',
);
export type RecordedAt = t.TypeOf<typeof RecordedAt>;

/** A year as an integer (2000–2199). */
export interface YearBrand {
  readonly Year: unique symbol;
}
export const Year = t.brand(
  t.number,
  (n): n is t.Branded<number, YearBrand> => Number.isInteger(n) && n >= 2000 && n <= 2199,
  'Year',
);
export type Year = t.TypeOf<typeof Year>;

/** A calendar month 'YYYY-MM' (reporting periods). */
export interface YearMonthBrand {
  readonly YearMonth: unique symbol;
}
export const YearMonth = t.brand(
  t.string,
  (s): s is t.Branded<string, YearMonthBrand> => /^\d{4}-(0[1-9]|1[0-2])$/.test(s),
  'YearMonth',
);
export type YearMonth = t.TypeOf<typeof YearMonth>;

/** Days since 1970-01-01 of a valid business date (pure arithmetic, no Date object). */
export const toDayNumber = (d: BusinessDate): number => {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  const day = Number(d.slice(8, 10));
  // Howard Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

/** The business date of a day number (inverse of toDayNumber). */
export const fromDayNumber = (n: number): BusinessDate => {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as BusinessDate;
};

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (d: BusinessDate): number => (((toDayNumber(d) + 4) % 7) + 7) % 7;

export const addDays = (d: BusinessDate, days: number): BusinessDate => fromDayNumber(toDayNumber(d) + days);

/** Calendar months later; the day is clamped to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export const addMonths = (d: BusinessDate, months: number): BusinessDate => {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  const day = Number(d.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(day, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}` as BusinessDate;
};

export const addYears = (d: BusinessDate, years: number): BusinessDate => addMonths(d, years * 12);

/** Whole days from a to b (positive when b is later). */
export const daysBetween = (a: BusinessDate, b: BusinessDate): number => toDayNumber(b) - toDayNumber(a);

/** Business dates are ISO strings, so string order is date order. */
export const isBefore = (a: BusinessDate, b: BusinessDate): boolean => a < b;
export const isAfter = (a: BusinessDate, b: BusinessDate): boolean => a > b;
export const maxDate = (a: BusinessDate, b: BusinessDate): BusinessDate => (a >= b ? a : b);

export const yearOf = (d: BusinessDate): Year => Number(d.slice(0, 4)) as Year;
export const monthOf = (d: BusinessDate): YearMonth => d.slice(0, 7) as YearMonth;

/** China has kept UTC+8 all year since 1991, so the Shanghai date of an instant is plain arithmetic. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** The Asia/Shanghai business date on which a recorded instant falls. */
export const businessDateOf = (at: RecordedAt): BusinessDate =>
  fromDayNumber(Math.floor((Date.parse(at) + SHANGHAI_OFFSET_MS) / 86_400_000));

/** Trusted literal (tests, demo data). */
export const date = (s: string): BusinessDate => {
  if (!isValidDate(s)) throw new RangeError(`not a business date: ${s}`);
  return s as BusinessDate;
};
