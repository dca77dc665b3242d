import fc from 'fast-check';
import { basisPoints, ratioOf } from './ratio';

describe('basisPoints: a rate rounded half up to 0.01 %', () => {
  it('rounds half up, exactly: 1/8 = 1250, 2/3 = 6667, 1/3 = 3333, 1/20 000 = 1 (0.5 bp up)', () => {
    expect(basisPoints(1, 8)).toBe(1250);
    expect(basisPoints(2, 3)).toBe(6667);
    expect(basisPoints(1, 3)).toBe(3333);
    expect(basisPoints(1, 20_000)).toBe(1);
    expect(basisPoints(1, 20_001)).toBe(0);
    expect(basisPoints(3, 2)).toBe(15_000);
  });

  it('is no rate over nothing', () => {
    expect(basisPoints(0, 0)).toBeUndefined();
    expect(basisPoints(5, 0)).toBeUndefined();
    expect(ratioOf(5, 0)).toBeNull();
  });

  it('stays exact for amounts in 分 beyond 2^53 ÷ 20 000 (a 100 亿元 project against 45 亿元 committed)', () => {
    const tenBillionYuanInFen = 1_000_000_000_000;
    expect(basisPoints(tenBillionYuanInFen, 450_000_000_000)).toBe(22_222);
    expect(basisPoints(450_000_000_001, 900_000_000_000)).toBe(5_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 52 }), fc.integer({ min: 1, max: 2 ** 52 }), (n, d) => {
        const exact = (BigInt(n) * 20_000n + BigInt(d)) / (2n * BigInt(d));
        expect(basisPoints(n, d)).toBe(Number(exact));
      }),
    );
  });

  it('is the four-decimal ratio the fulfilment evaluation stores (0.75 for 75 %)', () => {
    expect(ratioOf(3, 4)).toBe(0.75);
    expect(ratioOf(2, 3)).toBe(0.6667);
  });

  it('refuses what is no count: a bug, not a rate', () => {
    expect(() => basisPoints(1.5, 3)).toThrow(RangeError);
    expect(() => basisPoints(-1, 3)).toThrow(RangeError);
  });
});
