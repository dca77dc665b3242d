/**
 * Exact decimals for reports. Amounts arrive as integers of minor units (分, US cents), basis
 * points or hundredths; they are summed as BigInt and scaled by moving the decimal point in their
 * digits, so no figure in a report is ever a float sum or a float division (DOMAIN.md §5).
 */

/** An integer of minor units (a JSON number that is a safe integer, or a BigInt sum). */
export type Integer = number | bigint;

const toBigInt = (n: Integer): bigint => {
  if (typeof n === 'bigint') return n;
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an exact integer: ${n}`);
  return BigInt(n);
};

/** The exact sum of integers (BigInt: never leaves the exact range, however many rows). */
export const sumExact = (xs: Iterable<Integer>): bigint => {
  let s = 0n;
  for (const x of xs) s += toBigInt(x);
  return s;
};

/**
 * `units / 10^scale` as an exact decimal string: trailing zeros trimmed, but at least
 * `minDecimals` decimals (`exactDecimal(123_456_700, 6, 2)` = "123.4567" 万元 from 分,
 * `exactDecimal(-50, 2, 2)` = "-0.50"). Nothing is rounded.
 */
export const exactDecimal = (units: Integer, scale: number, minDecimals = 0): string => {
  const n = toBigInt(units);
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  if (fraction.length < minDecimals) fraction = fraction.padEnd(minDecimals, '0');
  return `${negative ? '-' : ''}${whole}${fraction.length > 0 ? `.${fraction}` : ''}`;
};

/**
 * `units / 10^scale` rounded half away from zero to `decimals` places (for display only, e.g. the
 * domain's two-decimal 万元 of `cny.toWan`).
 */
export const roundedDecimal = (units: Integer, scale: number, decimals: number): string => {
  const n = toBigInt(units);
  if (decimals >= scale) return exactDecimal(n, scale, decimals);
  const step = 10n ** BigInt(scale - decimals);
  const negative = n < 0n;
  const magnitude = ((negative ? -n : n) + step / 2n) / step;
  return exactDecimal(negative ? -magnitude : magnitude, decimals, decimals);
};

/** Excel (like a JavaScript number) holds 15 significant digits exactly. */
const EXACT_DIGITS = 15n;
const EXACT_LIMIT = 10n ** EXACT_DIGITS;

/**
 * The number a spreadsheet cell can hold for `units / 10^scale` without changing its decimal
 * value: every integer below 10^15 scaled by a power of ten is the nearest double to a decimal of
 * at most 15 significant digits, which reads back as the same decimal. `undefined` beyond that
 * (more than 10 万亿元 in 分): write the exact text instead.
 */
export const exactNumber = (units: Integer, scale: number): number | undefined => {
  const n = toBigInt(units);
  if ((n < 0n ? -n : n) >= EXACT_LIMIT) return undefined;
  return Number(exactDecimal(n, scale));
};

/**
 * A figure the projections round to two decimals (a percentage, a score, 序时 of a count) as an
 * exact integer of hundredths: `24.86` → 2486 (the float's nearest hundredth).
 */
export const hundredthsOf = (x: number): number => {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite figure: ${x}`);
  return Math.round(x * 100);
};
