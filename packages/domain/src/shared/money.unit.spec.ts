import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { Cny, cny, Mu, usd } from './money';

describe('money is exact integer 分, shown in 万元 / 亿元 (DOMAIN.md §5)', () => {
  it('converts 万元 and 亿元 to exact 分', () => {
    expect(cny.wan(1)).toBe(1_000_000);
    expect(cny.wan(1000)).toBe(1_000_000_000);
    expect(cny.wan(999.99)).toBe(999_990_000);
    expect(cny.wan(1234.56)).toBe(1_234_560_000);
    expect(cny.wan(0.000001)).toBe(1);
    expect(cny.yi(1)).toBe(10_000_000_000);
    expect(cny.yi(3.2)).toBe(32_000_000_000);
    expect(cny.yi(0.1)).toBe(cny.wan(1000));
    expect(cny.yuan(12.34)).toBe(1234);
    expect(cny.fen(7)).toBe(7);
  });

  it('formats 万元 with two decimals and 亿元 with four, rounding half up', () => {
    expect(cny.toWan(cny.wan(1500))).toBe('1500.00');
    expect(cny.toWan(cny.wan(999.99))).toBe('999.99');
    expect(cny.toWan(cny.fen(4_999))).toBe('0.00');
    expect(cny.toWan(cny.fen(5_000))).toBe('0.01');
    expect(cny.toYi(cny.yi(1.5))).toBe('1.5000');
    expect(cny.toYi(cny.wan(1234.56))).toBe('0.1235');
    expect(cny.toYi(cny.zero)).toBe('0.0000');
    expect(usd.toWan(usd.wan(9000))).toBe('9000.00');
  });

  it('refuses amounts it cannot keep exact', () => {
    expect(() => cny.fen(-1)).toThrow(RangeError);
    expect(() => cny.fen(1.5)).toThrow(RangeError);
    expect(() => cny.add(cny.fen(Number.MAX_SAFE_INTEGER), cny.fen(1))).toThrow(RangeError);
  });

  it('subtracting never goes below zero', () => {
    expect(cny.subtractFloor(cny.wan(1), cny.wan(2))).toBe(0);
    expect(cny.subtractFloor(cny.wan(3), cny.wan(2))).toBe(cny.wan(1));
  });

  it('summing many amounts has no float drift: 10,000 × 0.01万元 is exactly 100万元', () => {
    const amounts = Array.from({ length: 10_000 }, () => cny.wan(0.01));
    expect(cny.sum(amounts)).toBe(cny.wan(100));
    expect(cny.toWan(cny.sum(amounts))).toBe('100.00');
    // What a float sum of 万元 figures would give instead:
    expect(Array.from({ length: 10_000 }, () => 0.01).reduce((a, b) => a + b, 0)).not.toBe(100);
  });

  it('the sum equals adding one by one and does not depend on order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 12 }), { maxLength: 50 }), (xs) => {
        const amounts = xs.map((x) => x as Cny);
        const sum = cny.sum(amounts);
        expect(amounts.reduce(cny.add, cny.zero)).toBe(sum);
        expect(cny.sum([...amounts].reverse())).toBe(sum);
        expect(Number.isSafeInteger(sum)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('any 万元 figure with two decimals survives the round trip to 分 and back to text (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 10 }), (hundredths) => {
        const text = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
        expect(cny.toWan(cny.wan(Number(text)))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('the codecs accept only non-negative safe integers for money and four-decimal land areas', () => {
    expect(E.isRight(Cny.decode(100))).toBe(true);
    expect(E.isLeft(Cny.decode(1.5))).toBe(true);
    expect(E.isLeft(Cny.decode(-1))).toBe(true);
    expect(E.isRight(Mu.decode(120.25))).toBe(true);
    expect(E.isLeft(Mu.decode(0.00001))).toBe(true);
  });
});
