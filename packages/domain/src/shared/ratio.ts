/**
 * Rates and ratios, rounded one way everywhere (the register, the bulletin, the fulfilment
 * evaluation and the workbooks must print the same figure for the same facts).
 */

const BASIS_POINTS = 10_000;

const requireCount = (n: number, what: string): void => {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0: ${n}`);
};

/**
 * `numerator / denominator` in basis points (1 = 0.01 %, 7500 = 75 %), rounded half up, exactly
 * (integer arithmetic, also for amounts in 分 beyond 2^53 / 20 000); `undefined` over nothing.
 * Both figures are whole numbers ≥ 0 (counts, 分, days): anything else is a bug and throws.
 */
export const basisPoints = (numerator: number, denominator: number): number | undefined => {
  requireCount(numerator, 'numerator');
  requireCount(denominator, 'denominator');
  if (denominator === 0) return undefined;
  // Half up: floor((2·n·10 000 + d) / 2d).
  const twice = numerator * 2 * BASIS_POINTS + denominator;
  // Exact while every figure is a safe integer: the remainder is exact, and so is the division of a multiple.
  if (Number.isSafeInteger(twice)) return (twice - (twice % (2 * denominator))) / (2 * denominator);
  return Number(
    (BigInt(numerator) * BigInt(2 * BASIS_POINTS) + BigInt(denominator)) / BigInt(2 * denominator),
  );
};

/**
 * `actual / committed` as a ratio kept to four decimals (its basis points ÷ 10 000, 0.75 = 75 %),
 * so that stored figures read the same everywhere; `null` over nothing (never 100 %).
 */
export const ratioOf = (actual: number, committed: number): number | null => {
  const bp = basisPoints(actual, committed);
  return bp === undefined ? null : bp / BASIS_POINTS;
};

const FEN_PER_WAN = 1_000_000;

/** An amount in 分 per mu of land, in 万元/亩 to two decimals (R9's per-mu figures); `null` without land. */
export const wanPerMu = (fen: number, area: number): number | null =>
  area > 0 ? Math.round((fen / FEN_PER_WAN / area) * 100) / 100 : null;
