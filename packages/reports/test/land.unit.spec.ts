/**
 * The 土地台账 workbook and CSV (R19): areas in 亩 exact to the hundredth (003 "盘活土地 1002 亩"
 * kind of figure is never a float sum), 亩均 in 万元/亩, the clearance list of a half-year
 * (001 §(四) 每半年土地清理) and the quota (001 §(二) 用地指标).
 */
import { landArea, type BusinessDate, type HalfYear } from '@zhaoshang/domain';
import { plotEntry, type LandProjectDoc, type PlotDoc } from '@zhaoshang/projections';
import { columnOf, parseCsv, readWorkbook, rowValues, sheet } from './support';
import { landCsv, landXlsx, type LandReport } from '../src/land/land-report';

const plot = (o: Pick<PlotDoc, 'plotId' | 'area' | 'status'> & Partial<PlotDoc>): PlotDoc => ({
  unitId: 'jingkaiqu',
  location: `${o.plotId} 坐落`,
  landUse: 'industrial',
  supply: 'transferred',
  registeredOn: '2020-01-06' as BusinessDate,
  revitalisations: [],
  ...o,
});
const occupant: LandProjectDoc = {
  projectId: 'XM-1',
  unitId: 'jingkaiqu',
  name: '某新材料项目',
  investmentToDate: 30_000_000_000, // 3 亿元
  plotIds: ['DK-1'],
};
const plots = [
  plotEntry(
    plot({ plotId: 'DK-1', area: landArea.mu(1002.5), status: 'idle', occupantId: 'XM-1' }),
    occupant,
  ),
  plotEntry(plot({ plotId: 'DK-2', area: landArea.mu(784.25), status: 'reserve' }), undefined),
];
const report: LandReport = {
  asOf: '2024-10-31',
  plots,
  clearance: {
    period: '2024-H2' as HalfYear,
    asOf: '2024-10-31' as BusinessDate,
    noConstruction: [{ ...plots[0]!, finding: 'no-construction', recorded: true }],
    lowEfficiency: [],
    totals: {
      noConstructionArea: landArea.mu(1002.5),
      lowEfficiencyArea: landArea.zero,
      plots: 1,
      area: landArea.mu(1002.5),
    },
  },
  quota: [],
  unitNames: { jingkaiqu: '经开区' },
};

describe('the land register as Excel and CSV (R19)', () => {
  it('R19 (003 亩均论英雄) lists each plot with its area in 亩 and its 亩均 investment in 万元/亩', async () => {
    const rows = await parseCsv(landCsv(report, 'plots'));
    expect(rows[0]).toContain('亩均投资（万元/亩）');
    const at = (h: string) => rows[0]!.indexOf(h);
    expect([
      rows[1]![at('地块编号')],
      rows[1]![at('面积（亩）')],
      rows[1]![at('状态')],
      rows[1]![at('用地项目')],
    ]).toEqual(['DK-1', '1002.50', '闲置', '某新材料项目']);
    // 3 亿元 = 30000 万元 over 1002.5 亩 = 29.925 → 29.93 万元/亩
    expect(rows[1]![at('亩均投资（万元/亩）')]).toBe('29.93');
    expect(rows[2]![at('所属单位')]).toBe('经开区');
  });

  it('R19 (001 §(四) 每半年土地清理) the workbook holds the plots with an exact area total, the clearance and the quota', async () => {
    const wb = await readWorkbook(await landXlsx(report));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['地块台账', '土地清理', '用地指标']);
    const ws = sheet(wb, '地块台账');
    const total = rowValues(ws, ws.rowCount);
    expect(total[0]).toBe('合计');
    expect(total[columnOf(ws, '面积（亩）') - 1]).toBe(1786.75);
    const clearance = await parseCsv(landCsv(report, 'clearance'));
    expect(clearance[1]).toEqual(expect.arrayContaining(['DK-1', '圈而不建', '是']));
  });
});
