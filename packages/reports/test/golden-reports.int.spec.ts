import type ExcelJS from 'exceljs';
import {
  bulletinCsv,
  bulletinReportOf,
  bulletinXlsx,
  registerCsv,
  registerXlsx,
  type BulletinReport,
} from '../src';
import { GOLDEN_UNIT_NAMES, goldenInputs, type GoldenInputs } from '../examples/golden-inputs';
import { columnOf, parseCsv, readWorkbook, rowText, rowValues, sheet } from './support';

/** Every value of every sheet, for comparing two workbooks cell by cell. */
const dump = (wb: ExcelJS.Workbook) =>
  wb.worksheets.map((ws) => ({
    name: ws.name,
    rows: Array.from({ length: ws.rowCount }, (_, i) => rowValues(ws, i + 1)),
  }));

describe('reports of the projections’ golden year (the example’s inputs)', () => {
  const { jingkai, gaoxin, chengxi } = { jingkai: '经开区', gaoxin: '高新区', chengxi: '城西街道' };
  const registerNames = { jingkai, gaoxin, chengxi };
  let year: GoldenInputs;
  let september: GoldenInputs;
  beforeAll(async () => {
    year = await goldenInputs('2024-12-31', { kind: 'year', year: 2024 });
    september = await goldenInputs('2024-09-30', { kind: 'month', year: 2024, index: 9 });
  });

  it('register: each unit’s 合计 of investment completed is the golden figure (经开区 6.25亿 = 62500万元)', async () => {
    const wb = await readWorkbook(await registerXlsx(year.entries, { unitNames: registerNames }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', jingkai, gaoxin, chengxi]);
    const totalOf = (name: string) => {
      const ws = sheet(wb, name);
      return ws.getRow(ws.rowCount).getCell(columnOf(ws, '累计完成投资（万元）')).value;
    };
    expect(totalOf(jingkai)).toBe(62_500);
    expect(totalOf(gaoxin)).toBe(15_000);
    expect(totalOf(chengxi)).toBe(10_000);
    const summary = sheet(wb, '汇总');
    expect(summary.getRow(7).getCell(1).value).toBe('合计');
    expect(summary.getRow(7).getCell(columnOf(summary, '累计完成投资（亿元）')).value).toBe(8.75);
    // J07 is the zone's copy of 高新区's G01 (一炮数响): listed, not counted.
    expect(summary.getRow(4).getCell(columnOf(summary, '重复项目（不计入）')).value).toBe(1);
    const rows = await parseCsv(registerCsv(year.entries, { unitNames: registerNames }));
    expect(rows).toHaveLength(1 + year.entries.length);
  });

  it('bulletin: the ranking follows the review, and its figures are the review’s', async () => {
    const report = bulletinReportOf(september.review, september.progress, {
      computedAtPosition: september.position,
      unitNames: GOLDEN_UNIT_NAMES,
    });
    expect(report.title).toBe('2024年9月招商引资工作通报');
    const wb = await readWorkbook(await bulletinXlsx(report));
    const ws = sheet(wb, '赛马排名');
    const units = september.review.units;
    units.forEach((u, i) => {
      const row = ws.getRow(4 + i);
      expect(row.getCell(1).value).toBe(u.rank);
      expect(row.getCell(2).value).toBe(GOLDEN_UNIT_NAMES[u.unitId]);
      expect(row.getCell(columnOf(ws, '新签约项目（个）')).value).toBe(u.counts.newSignings);
      expect(row.getCell(columnOf(ws, '完成固定资产投资（万元）')).value).toBe(
        u.counts.investmentCompleted / 1_000_000,
      );
    });
    expect(ws.getRow(4 + units.length).getCell(1).value).toBe('合计');
    const metrics = september.progress.reduce((n, v) => n + v.metrics.length, 0);
    expect(
      sheet(wb, '目标进度')
        .getRow(3 + metrics)
        .getCell(1).value,
    ).toBe('全区');
    expect(rowText(ws, ws.rowCount - 1)).toContain(`事件库全局位置 ${september.position}`);
    expect((await parseCsv(bulletinCsv(report))).slice(1).map((r) => r[1])).toEqual(
      units.map((u) => GOLDEN_UNIT_NAMES[u.unitId]),
    );
  });

  it('bulletin: a report frozen as JSON renders the same workbook again', async () => {
    const report = bulletinReportOf(september.review, september.progress, {
      computedAtPosition: september.position,
      unitNames: GOLDEN_UNIT_NAMES,
      figuresDigest: '0123456789abcdef'.repeat(4),
      publishedOn: '2024-10-08',
    });
    const frozen = JSON.parse(JSON.stringify(report)) as BulletinReport;
    const [a, b] = await Promise.all([bulletinXlsx(report), bulletinXlsx(frozen)]);
    expect(dump(await readWorkbook(b))).toEqual(dump(await readWorkbook(a)));
    expect(bulletinCsv(frozen, 'progress')).toBe(bulletinCsv(report, 'progress'));
  });
});
