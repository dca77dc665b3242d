import fc from 'fast-check';
import { decimalsOf, formatAmount, MONEY_UNITS, parseAmount, type MoneyUnit } from './money';

const units = Object.keys(MONEY_UNITS) as MoneyUnit[];

describe('amounts typed in 万元 / 亿元 become 分 exactly (issue #18 item 1)', () => {
  it('converts the usual figures', () => {
    expect(parseAmount('1', 'wan')).toEqual({ ok: true, minor: 1_000_000n });
    expect(parseAmount('3', 'yi')).toEqual({ ok: true, minor: 30_000_000_000n });
    expect(parseAmount('1.25', 'yi')).toEqual({ ok: true, minor: 12_500_000_000n });
    expect(parseAmount('0.000001', 'wan')).toEqual({ ok: true, minor: 1n });
    expect(parseAmount('1,500.50', 'wan')).toEqual({ ok: true, minor: 1_500_500_000n });
    // 0.1 + 0.2 in floats is 0.30000000000000004: here 0.3 亿元 is 3,000,000,000 分 exactly
    expect(parseAmount('0.3', 'yi')).toEqual({ ok: true, minor: 3_000_000_000n });
  });

  it('refuses what would need rounding, what is not a number and what leaves the exact range', () => {
    expect(parseAmount('0.0000001', 'wan')).toEqual({
      ok: false,
      error: { code: 'TOO_PRECISE', decimals: 6 },
    });
    expect(parseAmount('1.12345678901', 'yi')).toEqual({
      ok: false,
      error: { code: 'TOO_PRECISE', decimals: 10 },
    });
    for (const bad of ['', 'abc', '-1', '1e3', '1.2.3', '１'])
      expect(parseAmount(bad, 'wan')).toEqual({ ok: false, error: { code: 'NOT_A_NUMBER' } });
    expect(parseAmount('1000000', 'yi')).toEqual({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(parseAmount('900719.9254740991', 'yi')).toEqual({ ok: true, minor: 9_007_199_254_740_991n });
  });

  it('property: any exact amount written in any unit reads back to the same minor units', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) }),
        fc.constantFrom(...units),
        (minor, unit) => {
          expect(parseAmount(formatAmount(minor, unit), unit)).toEqual({ ok: true, minor });
        },
      ),
    );
  });

  it('property: whole and fractional parts add exactly (no float on the way)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 90_000n }),
        fc.integer({ min: 0, max: 9_999_999_999 }),
        (whole, fraction) => {
          const text = `${whole}.${String(fraction).padStart(decimalsOf('yi'), '0')}`;
          expect(parseAmount(text, 'yi')).toEqual({
            ok: true,
            minor: whole * 10_000_000_000n + BigInt(fraction),
          });
        },
      ),
    );
  });
});
