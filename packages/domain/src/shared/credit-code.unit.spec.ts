import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { arbCreditCode } from '../testing/shared.arbitraries';
import { CREDIT_CODE_ALPHABET, CreditCode, creditCodeCheckChar, isValidCreditCode } from './credit-code';

describe('统一社会信用代码 with its GB 32100 check character', () => {
  it('computes the check character by hand for one code', () => {
    // 91350100M000100Y4 → weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 over alphabet values
    // 9,1,3,5,0,1,0,0,21(M),0,0,0,1,0,0,30(Y),4: sum = 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640;
    // 1640 mod 31 = 28, 31 − 28 = 3 → '3'.
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('accepts published codes', () => {
    for (const code of ['91350100M000100Y43', '91110000600037341L', '91440300708461136T']) {
      expect(isValidCreditCode(code)).toBe(true);
      expect(E.isRight(CreditCode.decode(code))).toBe(true);
    }
  });

  it('a check result of 0 gives the character 0', () => {
    // Find a body whose weighted sum is a multiple of 31 by trying last characters.
    const body16 = '9135010000000000';
    const last = [...CREDIT_CODE_ALPHABET].find((c) => creditCodeCheckChar(`${body16}${c}`) === '0')!;
    expect(isValidCreditCode(`${body16}${last}0`)).toBe(true);
  });

  it('a single changed character is rejected', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false); // check character
    expect(isValidCreditCode('91350100M000100Y33')).toBe(false); // body character
    expect(isValidCreditCode('91350101M000100Y43')).toBe(false); // region code
  });

  it('malformed codes are rejected', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false); // 17 characters
    expect(isValidCreditCode('91350100m000100y43')).toBe(false); // lower case
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false); // I is not in the alphabet
    expect(isValidCreditCode('9135A100M000100Y43')).toBe(false); // region code must be digits
    expect(creditCodeCheckChar('91350100O000100Y4')).toBeUndefined();
  });

  it('every generated valid code passes (property)', () => {
    fc.assert(
      fc.property(arbCreditCode, (code) => {
        expect(isValidCreditCode(code)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('every other check character fails (property)', () => {
    fc.assert(
      fc.property(arbCreditCode, fc.constantFrom(...CREDIT_CODE_ALPHABET), (code, c) => {
        fc.pre(c !== code[17]);
        expect(isValidCreditCode(`${code.slice(0, 17)}${c}`)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('changing any one body character to another valid one is detected (property)', () => {
    fc.assert(
      fc.property(
        arbCreditCode,
        fc.integer({ min: 0, max: 16 }),
        fc.constantFrom(...CREDIT_CODE_ALPHABET),
        (code, i, c) => {
          fc.pre(c !== code[i]);
          const mutated = `${code.slice(0, i)}${c}${code.slice(i + 1)}`;
          expect(isValidCreditCode(mutated)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
