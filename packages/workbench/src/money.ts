/**
 * Amounts as officers type them, converted exactly (issue #18 item 1): a decimal in 万元 or 亿元
 * (or 万美元) becomes integer minor units through BigInt — never a float — and is refused when it
 * would need rounding or leaves the range JSON carries exactly (the domain's safe integers).
 */

/** The units a money field offers, with the minor units (分 or cents) in one of each. */
export const MONEY_UNITS = {
  wan: { minor: 1_000_000n, zh: '万元', en: '10k CNY' },
  yi: { minor: 10_000_000_000n, zh: '亿元', en: '100m CNY' },
  wanUsd: { minor: 1_000_000n, zh: '万美元', en: '10k USD' },
} as const;
export type MoneyUnit = keyof typeof MONEY_UNITS;

/** Why a typed amount cannot be taken, as data (the form shows it at the field, in both languages). */
export type AmountError =
  | { readonly code: 'NOT_A_NUMBER' }
  | { readonly code: 'TOO_PRECISE'; readonly decimals: number }
  | { readonly code: 'TOO_LARGE' };

export type AmountResult =
  { readonly ok: true; readonly minor: bigint } | { readonly ok: false; readonly error: AmountError };

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** The decimals a unit takes exactly: log10 of its minor units. */
export const decimalsOf = (unit: MoneyUnit): number => MONEY_UNITS[unit].minor.toString().length - 1;

/**
 * Parses a non-negative decimal typed in `unit` (ASCII digits, one optional point; spaces and the
 * thousands separators "," and "，" are ignored) into minor units, exactly.
 */
export const parseAmount = (text: string, unit: MoneyUnit): AmountResult => {
  const cleaned = text.replace(/[\s,，]/g, '').replace(/^\+/, '');
  const m = DECIMAL.exec(cleaned);
  if (m === null) return { ok: false, error: { code: 'NOT_A_NUMBER' } };
  const whole = m[1]!;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  const decimals = decimalsOf(unit);
  if (fraction.length > decimals) return { ok: false, error: { code: 'TOO_PRECISE', decimals } };
  const minor = BigInt(whole) * MONEY_UNITS[unit].minor + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (minor > MAX_EXACT) return { ok: false, error: { code: 'TOO_LARGE' } };
  return { ok: true, minor };
};

/** Minor units as JSON carries them (a safe integer: parseAmount never gives more). */
export const minorToJson = (minor: bigint): number => Number(minor);

/** An amount in minor units written in `unit`, exactly, without trailing zeros (1500000000 分 → "1500" 万元). */
export const formatAmount = (minor: bigint | number, unit: MoneyUnit): string => {
  const n = typeof minor === 'bigint' ? minor : BigInt(minor);
  const per = MONEY_UNITS[unit].minor;
  const whole = n / per;
  const fraction = (n % per).toString().padStart(decimalsOf(unit), '0').replace(/0+$/, '');
  return fraction.length === 0 ? whole.toString() : `${whole}.${fraction}`;
};

/** The message of an amount error, in both languages. */
export const amountErrorText = (e: AmountError): { readonly zh: string; readonly en: string } => {
  switch (e.code) {
    case 'NOT_A_NUMBER':
      return { zh: '请输入数字（如 3 或 1.25）', en: 'Type a number (e.g. 3 or 1.25)' };
    case 'TOO_PRECISE':
      return {
        zh: `小数位过多：此单位最多 ${e.decimals} 位小数（精确到分）`,
        en: `Too many decimals: at most ${e.decimals} in this unit (exact to the fen/cent)`,
      };
    case 'TOO_LARGE':
      return { zh: '金额超出可精确记录的范围', en: 'The amount is beyond the exact range' };
  }
};
