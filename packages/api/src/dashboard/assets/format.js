// @ts-check
/**
 * Display formatting. Money arrives as integers of 分 (CNY) or cents (USD); it is summed as BigInt
 * and scaled to 万元 / 亿元 only to print it, so no figure is ever a float sum of money.
 */

/** @typedef {import('./i18n.js').Lang} Lang */

/** @param {string} digits */
const grouped = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * An integer amount divided by `unit`, rounded half away from zero to `decimals` places, exactly.
 * @param {number | bigint} amount an integer
 * @param {bigint} unit
 * @param {number} [decimals]
 * @returns {string}
 */
export const scaled = (amount, unit, decimals = 2) => {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) return String(amount);
  const factor = 10n ** BigInt(decimals);
  const n = BigInt(amount) * factor;
  const negative = n < 0n;
  const q = ((negative ? -n : n) + unit / 2n) / unit;
  const whole = grouped((q / factor).toString());
  const fraction = decimals > 0 ? `.${(q % factor).toString().padStart(decimals, '0')}` : '';
  return `${negative && q !== 0n ? '-' : ''}${whole}${fraction}`;
};

const FEN_PER_YI = 10_000_000_000n;
const FEN_PER_WAN = 1_000_000n;
const FEN_PER_MILLION = 100_000_000n;
const FEN_PER_BILLION = 100_000_000_000n;

/** @param {number | bigint} n */
const abs = (n) => (typeof n === 'bigint' ? (n < 0n ? -n : n) : BigInt(Math.abs(n)));

/**
 * 分 → '11.70 亿元' from 1 亿元 up, else '800.00 万元'; in English CNY millions or billions.
 * @param {number | bigint} fen
 * @param {Lang} lang
 */
export const money = (fen, lang) => {
  if (lang === 'zh')
    return abs(fen) >= FEN_PER_YI ? `${scaled(fen, FEN_PER_YI)} 亿元` : `${scaled(fen, FEN_PER_WAN)} 万元`;
  return abs(fen) >= FEN_PER_BILLION
    ? `CNY ${scaled(fen, FEN_PER_BILLION)} bn`
    : `CNY ${scaled(fen, FEN_PER_MILLION)} m`;
};

/**
 * A scale threshold such as a plan's "亿元以上": whole 亿元 or 万元 without decimals where exact.
 * @param {number} fen
 * @param {Lang} lang
 */
export const threshold = (fen, lang) => {
  const n = BigInt(fen);
  if (lang === 'zh')
    return n % FEN_PER_YI === 0n ? `${n / FEN_PER_YI} 亿元` : `${scaled(n, FEN_PER_WAN, 0)} 万元`;
  return n % FEN_PER_MILLION === 0n ? `CNY ${scaled(n, FEN_PER_MILLION, 0)} m` : money(n, lang);
};

/**
 * USD cents → 万美元 / USD millions.
 * @param {number | bigint} cents
 * @param {Lang} lang
 */
export const usd = (cents, lang) =>
  lang === 'zh' ? `${scaled(cents, 1_000_000n)} 万美元` : `USD ${scaled(cents, 100_000_000n)} m`;

/**
 * Basis points → '75.00%'.
 * @param {number} bp
 */
export const basisPoints = (bp) => `${scaled(bp, 100n)}%`;

/**
 * The exact sum of integer amounts.
 * @param {Iterable<number>} amounts
 * @returns {bigint}
 */
export const sumExact = (amounts) => {
  let total = 0n;
  for (const a of amounts) total += BigInt(a);
  return total;
};

/**
 * A figure of a metric in its own unit: a count, 分, USD cents or basis points.
 * @param {import('@zhaoshang/domain').TargetKind} kind
 * @param {number} value
 * @param {Lang} lang
 */
export const figure = (kind, value, lang) => {
  switch (kind) {
    case 'cny':
      return money(value, lang);
    case 'usd':
      return usd(value, lang);
    case 'rate':
      return basisPoints(value);
    default:
      return lang === 'zh' ? `${value} 个` : String(value);
  }
};

/**
 * A percentage with two decimals (the API's own rounding), e.g. 83.33.
 * @param {number} fraction 0–1
 */
export const percentOf = (fraction) => Math.round(fraction * 10_000) / 100;

/**
 * Whole days from one ISO date to another.
 * @param {string} from
 * @param {string} to
 */
export const daysBetween = (from, to) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
