import { BusinessDate, Cny, CreditCode, NonEmptyText } from '@zhaoshang/domain';
import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';

/** Why a cell cannot be read, in both languages (the dry run's and the commit's report). */
export interface Reason {
  readonly zh: string;
  readonly en: string;
}

/** A cell's value as the workbook holds it: text, a number, a date cell, or nothing. */
export type CellValue = string | number | Date | undefined;

/** A cell read: the value, or why not. */
export type Read<A> = E.Either<Reason, A>;

const reason = (zh: string, en: string): Reason => ({ zh, en });

/** The unit an amount is written in: 元, 万元 or 亿元, and how many 分 one of it is (a power of ten). */
export type AmountUnit = '元' | '万元' | '亿元';
const FEN_EXPONENT: Readonly<Record<AmountUnit, number>> = { 元: 2, 万元: 6, 亿元: 10 };

/** The unit a column header names, e.g. 总投资（万元）, 投资额(亿元); undefined when it names none. */
export const unitInHeader = (header: string): AmountUnit | undefined => {
  const m = /[（(]\s*(亿元|万元|元)\s*[)）]/.exec(header);
  return m === null ? undefined : (m[1] as AmountUnit);
};

/** An Excel number cell as the decimal text it displays (shortest round-trip form, never exponent). */
const numberText = (n: number): string | undefined => {
  if (!Number.isFinite(n)) return undefined;
  const s = String(n);
  return /e/i.test(s) ? undefined : s;
};

/**
 * `digits` (a non-negative decimal text, e.g. "1.25") times 10^exponent as an integer of 分, computed
 * on the digits (BigInt): exact, or undefined when it has more decimals than 分 can hold.
 */
export const decimalToFen = (digits: string, exponent: number): bigint | undefined => {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(digits);
  if (m === null) return undefined;
  const whole = m[1]!;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return undefined;
  return BigInt(whole + fraction.padEnd(exponent, '0'));
};

/**
 * An amount in 分, exactly (DOMAIN.md §5: money is never a float): "1.5亿元", "3000万元", "3,000",
 * or a number cell; the unit is the cell's own (亿元/万元/元 after the figure), else the column's
 * (its header's （万元）, or the profile's), else 万元, the unit registers keep most.
 */
export const readAmount = (value: CellValue, columnUnit: AmountUnit | undefined): Read<Cny> => {
  const fallback: AmountUnit = columnUnit ?? '万元';
  let text: string | undefined;
  if (typeof value === 'number') text = numberText(value);
  else if (typeof value === 'string') text = value.trim().replace(/[,，\s]/g, '');
  if (text === undefined || text === '') return E.left(reason('金额不是数字', 'the amount is not a number'));
  const m = /^(\d+(?:\.\d+)?)(亿元|万元|元|亿|万)?$/.exec(text);
  if (m === null)
    return E.left(
      reason(
        '金额应写作阿拉伯数字，可带单位（如 1.5亿元、3000万元）',
        'the amount must be written in digits, optionally with a unit (e.g. 1.5亿元, 3000万元)',
      ),
    );
  const written = m[2];
  const unit: AmountUnit =
    written === undefined
      ? fallback
      : written === '亿'
        ? '亿元'
        : written === '万'
          ? '万元'
          : (written as AmountUnit);
  const fen = decimalToFen(m[1]!, FEN_EXPONENT[unit]);
  if (fen === undefined)
    return E.left(reason(`金额精确不到分（${unit}）`, `the amount is finer than one fen (in ${unit})`));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER))
    return E.left(reason('金额超出可精确记录的范围', 'the amount is beyond the exact range'));
  return decoded(Cny, Number(fen), reason('金额无效', 'not a valid amount'));
};

/** yyyy, m, d as the business date the API takes (validated by its codec: 2024-13-45 is refused). */
const ymd = (y: string, m: string, d: string): string => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/**
 * A date in the forms offices write: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, or an Excel date
 * cell (its calendar day as written: exceljs reads it as midnight UTC). Validated as every date of
 * the API is (BusinessDate): a day that does not exist is refused.
 */
export const readDate = (value: CellValue): Read<BusinessDate> => {
  const notADate = reason(
    '日期无法识别（应如 2024-03-05、2024/3/5 或 2024年3月5日）',
    'not a date (write it as 2024-03-05, 2024/3/5 or 2024年3月5日)',
  );
  let text: string | undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return E.left(notADate);
    text = value.toISOString().slice(0, 10);
  } else if (typeof value === 'string') {
    const s = value.trim();
    const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(s);
    if (m === null) return E.left(notADate);
    text = ymd(m[1]!, m[2]!, m[3]!);
  }
  if (text === undefined) return E.left(notADate);
  return decoded(BusinessDate, text, reason(`日期不存在：${text}`, `no such day: ${text}`));
};

/** A non-empty text (names, contents), trimmed. */
export const readText = (value: CellValue): Read<NonEmptyText> => {
  const text =
    typeof value === 'string'
      ? value.trim()
      : typeof value === 'number'
        ? numberText(value)
        : value instanceof Date
          ? value.toISOString().slice(0, 10)
          : undefined;
  return decoded(
    NonEmptyText,
    text,
    reason('内容为空或过长（至多 4000 字）', 'empty or too long (at most 4000 characters)'),
  );
};

/** A 统一社会信用代码 (18 characters, check character verified). */
export const readCreditCode = (value: CellValue): Read<CreditCode> =>
  decoded(
    CreditCode,
    typeof value === 'string' ? value.trim().toUpperCase() : undefined,
    reason(
      '统一社会信用代码无效（18 位，校验位不符）',
      'not a valid unified social credit code (18 characters, check character)',
    ),
  );

/** Whether a cell is empty (nothing, or only blanks). */
export const isBlank = (value: CellValue): boolean =>
  value === undefined || (typeof value === 'string' && value.trim() === '');

const decoded = <A>(codec: t.Decoder<unknown, A>, value: unknown, why: Reason): Read<A> => {
  const result = codec.decode(value);
  return E.isRight(result) ? E.right(result.right) : E.left(why);
};
