import * as t from 'io-ts';

/**
 * Land area, exact: a whole number of hundredths of a 亩 (0.01 亩 ≈ 6.67 m², finer than any land
 * register prints). JSON carries the integer (1002.50 亩 = 100250); sums stay integers, so the
 * "盘活 1002 亩" kind of figure a zone reports (003) is never a float sum.
 */
export interface LandAreaBrand {
  readonly LandArea: unique symbol;
}
export const LandArea = t.brand(
  t.number,
  (n): n is t.Branded<number, LandAreaBrand> => Number.isSafeInteger(n) && n >= 0,
  'LandArea',
);
export type LandArea = t.TypeOf<typeof LandArea>;

/** A land area of more than nothing (a plot, a use of quota, a revitalised area). */
export interface PositiveLandAreaBrand {
  readonly PositiveLandArea: unique symbol;
}
export const PositiveLandArea = t.brand(
  LandArea,
  (n): n is t.Branded<LandArea, PositiveLandAreaBrand> => n > 0,
  'PositiveLandArea',
);
export type PositiveLandArea = t.TypeOf<typeof PositiveLandArea>;

const HUNDREDTHS_PER_MU = 100;

/** Land areas: construction from 亩, exact sums and the 亩 a person reads. */
export const landArea = {
  zero: 0 as LandArea,
  /** From hundredths of a 亩 (a trusted integer). */
  hundredths: (n: number): LandArea => {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`land area out of range: ${n}`);
    return n as LandArea;
  },
  /** From 亩 with at most two decimals (demo data, tests). */
  mu: (mu: number): LandArea => landArea.hundredths(Math.round(mu * HUNDREDTHS_PER_MU)),
  /** The sum of areas (integers: exact). */
  sum: (areas: ReadonlyArray<number>): LandArea => landArea.hundredths(areas.reduce((s, a) => s + a, 0)),
  /** a − b, floored at zero. */
  less: (a: LandArea, b: LandArea): LandArea => (a > b ? a - b : 0) as LandArea,
  /** 亩 as a number, for the per-mu figures (`wanPerMu`) that divide by it. */
  toMu: (a: number): number => a / HUNDREDTHS_PER_MU,
  /** 亩 to two decimals for a person to read, e.g. "1002.50". */
  text: (a: number): string =>
    `${Math.floor(a / HUNDREDTHS_PER_MU)}.${String(a % HUNDREDTHS_PER_MU).padStart(2, '0')}`,
};
