/**
 * The land clearance's findings (R19): 001 §(四) "每半年对园区土地进行一次清理 … 圈而不建 … 坚决收回
 * 土地"; 003 "亩均论英雄" (output per 亩 against the policy's standard).
 */
import { date } from '../shared/dates';
import { cny } from '../shared/money';
import { clearanceFinding, halfYearBounds, halfYearOf, landArea, type HalfYear } from './index';

const tenMu = landArea.mu(10);

describe('the land clearance (R19, 001 §(四) 每半年土地清理)', () => {
  it('R19j (001 §(四) 圈而不建) a plot whose agreed construction start has passed without construction is listed', () => {
    expect(clearanceFinding({ agreedStartBy: date('2024-03-01') }, tenMu, date('2024-06-30'))).toBe(
      'no-construction',
    );
  });

  it('R19j (001 §(四)) a plot whose occupant started building, or whose start is not yet due, is not 圈而不建', () => {
    const facts = { agreedStartBy: date('2024-03-01'), constructionStartedOn: date('2024-04-01') };
    expect(clearanceFinding(facts, tenMu, date('2024-06-30'))).toBeUndefined();
    expect(
      clearanceFinding({ agreedStartBy: date('2024-09-01') }, tenMu, date('2024-06-30')),
    ).toBeUndefined();
    // started after the clearance's day: still held without building as of that day
    expect(
      clearanceFinding({ ...facts, constructionStartedOn: date('2024-08-01') }, tenMu, date('2024-06-30')),
    ).toBe('no-construction');
  });

  it('R19k (003 亩均论英雄) a plot in production below 200 万元 of output per 亩 is low-efficiency', () => {
    // 10 亩 × 200 万元 = 2000 万元 is the bar: 1999.99 万元 is below it, 2000 万元 is not.
    const producing = { constructionStartedOn: date('2020-01-01'), productionStartedOn: date('2021-01-01') };
    const below = { ...producing, latestOutput: { year: 2023, output: cny.wan(1999.99) } };
    const at = { ...producing, latestOutput: { year: 2023, output: cny.wan(2000) } };
    expect(clearanceFinding(below, tenMu, date('2024-06-30'))).toBe('low-output');
    expect(clearanceFinding(at, tenMu, date('2024-06-30'))).toBeUndefined();
    expect(
      clearanceFinding(below, tenMu, date('2024-06-30'), { lowOutputPerMu: cny.wan(150) }),
    ).toBeUndefined();
  });

  it('a half-year runs from its first to its last day', () => {
    expect(halfYearBounds('2024-H2' as HalfYear)).toEqual({ from: '2024-07-01', to: '2024-12-31' });
    expect(halfYearOf(date('2024-06-30'))).toBe('2024-H1');
    expect(landArea.text(landArea.mu(1002.5))).toBe('1002.50');
  });
});
