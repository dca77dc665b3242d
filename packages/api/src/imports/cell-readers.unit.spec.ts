import * as E from 'fp-ts/Either';
import { readAmount, readDate, unitInHeader } from './cell-readers';

const fen = (r: ReturnType<typeof readAmount>) => (E.isRight(r) ? r.right : r.left.en);

describe('the import reads amounts and dates as offices write them (issue #17 item 5)', () => {
  it('converts 万元 and 亿元 to 分 exactly, on the digits', () => {
    expect(fen(readAmount('1.5亿元', undefined))).toBe(15_000_000_000);
    expect(fen(readAmount('3,000万', undefined))).toBe(3_000_000_000);
    expect(fen(readAmount(0.1, '亿元'))).toBe(1_000_000_000); // a float cell's shortest text, not 0.1 × 10^10
    expect(fen(readAmount('12345.678901', '万元'))).toBe(12_345_678_901);
    expect(fen(readAmount('1.23', '元'))).toBe(123);
    expect(fen(readAmount('1.234', '元'))).toContain('finer than one fen');
    expect(fen(readAmount('三亿', undefined))).toContain('digits');
    expect(fen(readAmount('99999999亿元', undefined))).toContain('exact range');
  });

  it('takes the unit from the header', () => {
    expect(unitInHeader('总投资（万元）')).toBe('万元');
    expect(unitInHeader('投资额(亿元)')).toBe('亿元');
    expect(unitInHeader('总投资')).toBeUndefined();
  });

  it('reads the usual date forms and refuses a day that does not exist', () => {
    const day = (v: Parameters<typeof readDate>[0]) => {
      const r = readDate(v);
      return E.isRight(r) ? r.right : r.left.en;
    };
    expect(day('2024-03-05')).toBe('2024-03-05');
    expect(day('2024/3/5')).toBe('2024-03-05');
    expect(day('2024.3.5')).toBe('2024-03-05');
    expect(day('2024年3月5日')).toBe('2024-03-05');
    expect(day(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(day('2023/2/29')).toContain('no such day');
    expect(day('2024-13-45')).toContain('no such day');
    expect(day('三月五日')).toContain('not a date');
  });
});

describe('the workbook guard (issue #17 item 5)', () => {
  it('sums what a zip declares unzipped, and refuses what is not a zip', async () => {
    const { sampleWorkbook } = await import('../../../../scripts/import-sample');
    const { declaredUnzippedBytes } = await import('./workbook');
    const bytes = await sampleWorkbook();
    expect(declaredUnzippedBytes(bytes)).toBeGreaterThan(bytes.length);
    expect(declaredUnzippedBytes(Buffer.from('not a zip at all, not even close to one'))).toBeUndefined();
  });
});
