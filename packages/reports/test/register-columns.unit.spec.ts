/**
 * The register's columns as offices keep them (R22 · DOMAIN.md §6 "Registers as offices keep them":
 * 项目类别, 园区, 镇街; 项目代码, 批准部门, 备案证号, 用地类型, 供地进度, 环评, 安评, 能评, 施工图审查,
 * 施工许可, 开工日期, 是否列统, 统计编码, 竣工日期), every cell a name (never an id), and the district
 * as the total of its units, never a unit of zeros.
 */
import { date, vocabulary } from '@zhaoshang/domain';
import type { RegisterEntry } from '@zhaoshang/projections';
import { bulletinReportOf, bulletinXlsx, registerColumns, registerCsv, registerXlsx } from '../src';
import { policyTitle } from '../src/vocabulary/labels';
import {
  columnOf,
  parseCsv,
  readWorkbook,
  registerEntry,
  review,
  rowValues,
  sheet,
  unitReview,
} from './support';

const UNITS = { jingkaiqu: '经开区投资促进局', 'fenghuang-town': '凤凰镇招商办' };
const PLACES = { ...UNITS, 'xiangshan-district': '相山区（全区）', jingkaiqu: '相山经济开发区' };
const LEADERS = { 'LD-jingkaiqu-2': '李明' };

const entries: ReadonlyArray<RegisterEntry> = [
  registerEntry({
    projectId: 'XM-2024-0001',
    unitId: 'jingkaiqu',
    stage: 'under-construction',
    category: 'industrial',
    parkId: 'jingkaiqu',
    projectCode: '2024-340603-38-03-000001',
    filingNo: '相经开备〔2024〕1号',
    landUse: 'industrial',
    landSupply: 'listed',
    land: { source: 'plot', plotId: 'DK-07', landUse: 'warehousing', supply: 'transferred' },
    procedures: {
      'project-filing': {
        procedureId: 'P2',
        department: 'development-reform',
        requestedOn: date('2024-03-04'),
        completedOn: date('2024-03-06'),
      },
      'environmental-assessment': {
        procedureId: 'P3',
        department: 'ecology-environment',
        requestedOn: date('2024-03-11'),
        completedOn: date('2024-03-13'),
      },
      'construction-permit': { procedureId: 'P4', department: 'housing', requestedOn: date('2024-03-18') },
    },
    startedOn: date('2024-04-15'),
    statisticsOn: date('2024-05-20'),
    statisticsCode: '340603-2024-0001',
    lastVisit: { on: date('2024-06-20'), leaderId: 'LD-jingkaiqu-2' },
  }),
  registerEntry({
    projectId: 'XM-2024-0201',
    unitId: 'fenghuang-town',
    stage: 'under-construction',
    category: 'service',
    townId: 'fenghuang-town',
    landUse: 'commercial',
    startedOn: date('2024-05-02'),
  }),
];

describe('the register’s columns as offices keep them (R22 · DOMAIN.md §6)', () => {
  let wb: Awaited<ReturnType<typeof readWorkbook>>;
  beforeAll(async () => {
    wb = await readWorkbook(
      await registerXlsx(entries, {
        unitNames: UNITS,
        placeNames: PLACES,
        leaderNames: LEADERS,
        districtName: '相山区',
      }),
    );
  });

  it('R22 · §6: each column has a stable key, once, and the procedures sheet’s columns are there', () => {
    const keys = registerColumns.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    const headers = rowValues(sheet(wb, '经开区投资促进局'), 3);
    for (const h of [
      '项目类别',
      '园区',
      '镇街',
      '项目代码',
      '批准部门',
      '备案证号',
      '统一社会信用代码',
      '用地类型',
      '供地进度',
      '环评',
      '安评',
      '能评',
      '施工图审查',
      '施工许可',
      '开工日期',
      '是否列统',
      '统计编码',
      '竣工日期',
    ])
      expect(headers).toContain(h);
  });

  it('R22 · §6: a row prints the profile, the procedures’ state and date, and 是否列统 in words; 用地 from the allocated plot (R19)', () => {
    const ws = sheet(wb, '经开区投资促进局');
    const cell = (h: string) => ws.getRow(4).getCell(columnOf(ws, h)).value;
    expect(cell('项目类别')).toBe(vocabulary.projectCategories.industrial.zh);
    expect(cell('园区')).toBe('相山经济开发区');
    expect(cell('镇街')).toBeNull();
    expect(cell('项目代码')).toBe('2024-340603-38-03-000001');
    expect(cell('批准部门')).toBe(vocabulary.departments['development-reform'].zh);
    expect(cell('备案证号')).toBe('相经开备〔2024〕1号');
    // The plot allocated to the project says 用地类型 and 供地进度, not the profile's record.
    expect(cell('用地类型')).toBe(vocabulary.landUses.warehousing.zh);
    expect(cell('供地进度')).toBe(vocabulary.supplyStatuses.transferred.zh);
    expect(cell('环评')).toBe('办结（2024-03-13）');
    expect(cell('施工许可')).toBe('在办（2024-03-18 申报）');
    expect(cell('安评')).toBeNull();
    expect(cell('是否列统')).toBe('是');
    expect(cell('统计编码')).toBe('340603-2024-0001');
    const town = sheet(wb, '凤凰镇招商办');
    const townCell = (h: string) => town.getRow(4).getCell(columnOf(town, h)).value;
    expect(townCell('镇街')).toBe('凤凰镇招商办');
    expect(townCell('是否列统')).toBe('否'); // started, not yet in the statistics
    expect(townCell('用地类型')).toBeNull(); // the profile's land use shows only through `land`
  });

  it('prints people by name, never by id: the visit’s officer from the leaders registry', () => {
    const ws = sheet(wb, '经开区投资促进局');
    expect(ws.getRow(4).getCell(columnOf(ws, '最近走访人')).value).toBe('李明');
    const cells = wb.worksheets.flatMap((w) =>
      w.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    );
    expect(cells.filter((v) => /LD-|（jingkaiqu）|default-R12-R15/.test(v))).toEqual([]);
  });

  it('the district is the total of its units, never a unit of its own: no sheet or row of zeros for it (DOMAIN.md §6)', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '经开区投资促进局', '凤凰镇招商办']);
    const summary = sheet(wb, '汇总');
    const units = [4, 5, 6].map((r) => summary.getRow(r).getCell(2).value);
    expect(units).toEqual(['经开区投资促进局', '凤凰镇招商办', '相山区（2 个单位）']);
    expect(summary.getRow(6).getCell(1).value).toBe('合计');
    expect(summary.getRow(6).getCell(3).value).toBe(2);
  });

  it('R22 · §6: the CSV has the same columns after 单位', async () => {
    const rows = await parseCsv(registerCsv(entries, { unitNames: UNITS, placeNames: PLACES }));
    expect(rows[0]).toEqual(['单位', ...registerColumns.map((c) => c.header)]);
    expect(rows[1]![rows[0]!.indexOf('项目代码')]).toBe('2024-340603-38-03-000001');
  });
});

describe('a bulletin names its scoring policy, never its id (issue #18: "default-R12-R15" printed)', () => {
  it('prints the default policy by what it is', async () => {
    const report = bulletinReportOf(review([unitReview('jingkaiqu')]), [], {
      computedAtPosition: '17',
      unitNames: UNITS,
    });
    const wb = await readWorkbook(await bulletinXlsx(report));
    const cells = wb.worksheets.flatMap((w) =>
      w.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    );
    expect(cells.some((v) => v.includes('区招商引资考核默认办法（六个更加突出 90 分'))).toBe(true);
    expect(cells.filter((v) => v.includes('default-R12-R15'))).toEqual([]);
    expect(policyTitle('相山区2025年考核办法')).toBe('相山区2025年考核办法'); // a region's own policy, by its name
  });
});
