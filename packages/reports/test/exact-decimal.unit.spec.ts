import { cny } from '@zhaoshang/domain';
import fc from 'fast-check';
import {
  exactDecimal,
  exactNumber,
  hundredthsOf,
  roundedDecimal,
  sumExact,
} from '../src/table/exact-decimal';

describe('exact decimals (money is never a float sum, DOMAIN.md §5)', () => {
  it('moves the decimal point in the digits: 分 → 万元 and 亿元, nothing rounded', () => {
    expect(exactDecimal(1_000_000_000, 6, 2)).toBe('1000.00'); // 1000万元
    expect(exactDecimal(123_456_789, 6, 2)).toBe('123.456789');
    expect(exactDecimal(1, 6, 2)).toBe('0.000001');
    expect(exactDecimal(0, 6, 2)).toBe('0.00');
    expect(exactDecimal(12_700_000_000, 10, 4)).toBe('1.2700'); // 1.27亿元
    expect(exactDecimal(-50, 2, 2)).toBe('-0.50');
    expect(exactDecimal(7_500n, 2, 0)).toBe('75');
  });

  it('sums as BigInt beyond the safe-integer range', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(sumExact([max, max, 2])).toBe(2n * BigInt(max) + 2n);
    expect(() => sumExact([0.5])).toThrow(RangeError);
  });

  it('rounds half up exactly like the domain’s cny.toWan / cny.toYi', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(roundedDecimal(fen, 6, 2)).toBe(cny.toWan(cny.fen(fen)));
        expect(roundedDecimal(fen, 10, 4)).toBe(cny.toYi(cny.fen(fen)));
      }),
    );
  });

  it('gives a cell the nearest double, which reads back as the same decimal, below 10^15 units', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }),
        fc.constantFrom(2, 4, 6, 10),
        (units, scale) => {
          const n = exactNumber(units, scale);
          expect(n).toBeDefined();
          const back = n!
            .toFixed(scale)
            .replace(/\.?0+$/, '')
            .replace(/^-0$/, '0');
          expect(back).toBe(exactDecimal(units, scale));
        },
      ),
    );
    expect(exactNumber(10n ** 15n, 6)).toBeUndefined(); // 10 万亿元 in 分: written as exact text
  });

  it('a figure rounded to two decimals is an exact integer of hundredths', () => {
    expect(hundredthsOf(24.86)).toBe(2486);
    expect(hundredthsOf(-8.47)).toBe(-847);
  });
});
