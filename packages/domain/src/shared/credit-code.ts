import * as t from 'io-ts';

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, Z, S, V); the last is a check character over the first 17 (weighted sum mod 31).
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a code, or undefined if one is not allowed. */
export const creditCodeCheckChar = (first17: string): string | undefined => {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
};

/** Whether a string is a well-formed code whose check character is right. */
export const isValidCreditCode = (s: string): boolean =>
  CREDIT_CODE_SHAPE.test(s) && creditCodeCheckChar(s.slice(0, 17)) === s[17];

export interface CreditCodeBrand {
  readonly CreditCode: unique symbol;
}
/** A validated 统一社会信用代码 (upper case, check character verified). */
export const CreditCode = t.brand(
  t.string,
  (s): s is t.Branded<string, CreditCodeBrand> => isValidCreditCode(s),
  'CreditCode',
);
export type CreditCode = t.TypeOf<typeof CreditCode>;
