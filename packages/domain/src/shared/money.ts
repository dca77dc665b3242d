import * as t from 'io-ts';

/**
 * Money is exact: an integer number of minor units (分 for CNY, cents for USD), never a float sum.
 * JSON carries the integer as it is (e.g. 1000万元 = 1_000_000_000 分). Safe integers reach about
 * 90 万亿元, far above any regional total; arithmetic refuses to leave that range.
 */
export interface CnyBrand {
  readonly Cny: unique symbol;
}
export interface UsdBrand {
  readonly Usd: unique symbol;
}

const isMinorUnits = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** An amount in CNY, integer 分 (fen), never negative. */
export const Cny = t.brand(t.number, (n): n is t.Branded<number, CnyBrand> => isMinorUnits(n), 'Cny');
export type Cny = t.TypeOf<typeof Cny>;
/** An amount in USD, integer cents, never negative (foreign capital, 实际使用外资). */
export const Usd = t.brand(t.number, (n): n is t.Branded<number, UsdBrand> => isMinorUnits(n), 'Usd');
export type Usd = t.TypeOf<typeof Usd>;

const FEN_PER_YUAN = 100;
const FEN_PER_WAN = 1_000_000; // 1 万元 = 10,000 元 = 1,000,000 分
const FEN_PER_YI = 10_000_000_000; // 1 亿元 = 10^8 元 = 10^10 分

const checked = (n: number): number => {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`amount out of exact range: ${n}`);
  return n;
};

/** The amount when it is exact (a safe, non-negative integer), else undefined. */
const exact = (n: number): number | undefined => (isMinorUnits(n) ? n : undefined);

export const cny = {
  zero: 0 as Cny,
  /** From 分 (trusted integer). */
  fen: (fen: number) => checked(fen) as Cny,
  /** From whole 元. */
  yuan: (yuan: number) => checked(Math.round(yuan * FEN_PER_YUAN)) as Cny,
  /** From 万元 (accepts up to 6 decimals, which is exact to the 分). */
  wan: (wan: number) => checked(Math.round(wan * FEN_PER_WAN)) as Cny,
  /** From 亿元 (accepts up to 10 decimals, exact to the 分). */
  yi: (yi: number) => checked(Math.round(yi * FEN_PER_YI)) as Cny,
  add: (a: Cny, b: Cny) => checked(a + b) as Cny,
  /**
   * a + b, or undefined when the sum leaves the exact range. Deciders use this (never `add`) on
   * amounts a caller sent, and answer `AMOUNT_OUT_OF_RANGE`: a rule a caller can break is a
   * value, not a thrown RangeError (issue #11 item 14).
   */
  addExact: (a: Cny, b: Cny): Cny | undefined => exact(a + b) as Cny | undefined,
  /** The sum of amounts, or undefined when it leaves the exact range (see `addExact`). */
  sumExact: (xs: ReadonlyArray<Cny>): Cny | undefined =>
    exact(xs.reduce<number>((s, x) => s + x, 0)) as Cny | undefined,
  /** a − b, floored at zero (an outstanding balance never goes negative). */
  subtractFloor: (a: Cny, b: Cny) => (a > b ? a - b : 0) as Cny,
  sum: (xs: ReadonlyArray<Cny>) => checked(xs.reduce<number>((s, x) => s + x, 0)) as Cny,
  /** Decimal 万元 for display, two decimals, e.g. "1500.00". */
  toWan: (a: Cny): string => formatDecimal(a, FEN_PER_WAN, 2),
  /** Decimal 亿元 for display, four decimals, e.g. "1.5000". */
  toYi: (a: Cny): string => formatDecimal(a, FEN_PER_YI, 4),
  /** Ratio of two amounts as a float, for reports (never stored as money). */
  ratio: (a: Cny, b: Cny): number => (b === 0 ? (a === 0 ? 1 : Number.POSITIVE_INFINITY) : a / b),
  gte: (a: Cny, b: Cny) => a >= b,
};

export const usd = {
  zero: 0 as Usd,
  cents: (cents: number) => checked(cents) as Usd,
  dollars: (d: number) => checked(Math.round(d * 100)) as Usd,
  /** From 万美元. */
  wan: (w: number) => checked(Math.round(w * 1_000_000)) as Usd,
  add: (a: Usd, b: Usd) => checked(a + b) as Usd,
  /** a + b, or undefined when the sum leaves the exact range (see `cny.addExact`). */
  addExact: (a: Usd, b: Usd): Usd | undefined => exact(a + b) as Usd | undefined,
  toWan: (a: Usd): string => formatDecimal(a, 1_000_000, 2),
};

/** Exact decimal rendering of an integer amount divided by a power of ten, rounded half up. */
function formatDecimal(minor: number, divisor: number, decimals: number): string {
  const scale = 10 ** decimals;
  // minor / divisor * scale, rounded half up, in integers (divisor is a power of ten ≥ scale).
  const step = divisor / scale;
  const scaled = Math.floor((minor + step / 2) / step);
  const whole = Math.floor(scaled / scale);
  const frac = String(scaled % scale).padStart(decimals, '0');
  return decimals > 0 ? `${whole}.${frac}` : String(whole);
}

/** Land area in 亩 (mu, ≈ 666.7 m²), up to four decimals. */
export interface MuBrand {
  readonly Mu: unique symbol;
}
export const Mu = t.brand(
  t.number,
  (n): n is t.Branded<number, MuBrand> =>
    Number.isFinite(n) && n >= 0 && Math.abs(Math.round(n * 10_000) - n * 10_000) < 1e-6,
  'Mu',
);
export type Mu = t.TypeOf<typeof Mu>;
export const mu = (n: number) => n as Mu;

/** A non-negative integer count (jobs, companies met, days). */
export interface CountBrand {
  readonly Count: unique symbol;
}
export const Count = t.brand(
  t.number,
  (n): n is t.Branded<number, CountBrand> => Number.isSafeInteger(n) && n >= 0,
  'Count',
);
export type Count = t.TypeOf<typeof Count>;
export const count = (n: number) => n as Count;
