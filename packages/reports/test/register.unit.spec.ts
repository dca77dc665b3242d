import { date } from '@zhaoshang/domain';
import type { RegisterEntry } from '@zhaoshang/projections';
import fc from 'fast-check';
import { registerCsv, registerXlsx } from '../src';
import { stageNames } from '../src/vocabulary/labels';
import { exactDecimal } from '../src/table/exact-decimal';
import { AS_OF, columnOf, parseCsv, readWorkbook, registerEntry, rowText, rowValues, sheet } from './support';

const UNITS = { jingkai: '经开区', gaoxin: '高新区' };

const entries: ReadonlyArray<RegisterEntry> = [
  registerEntry({
    projectId: 'J01',
    unitId: 'jingkai',
    name: '年产5万吨锂电池正极材料项目',
    investorName: '福建宁川新能源材料有限公司',
    investorCreditCode: '91350902MA31KQ8P55',
    channel: 'by-investors',
    investment: 50_000_000_000, // 5亿
    fixedAssetInvestment: 40_000_000_000,
    cumulativeInvestment: 42_000_000_100, // 42000.0001万元: 分 that two decimals cannot show
    landArea: 120.5,
    stage: 'under-construction',
    startedOn: date('2024-04-15'),
    leaders: {
      'responsible-leader': { leaderId: 'LD-1', name: '王建国' },
      'responsible-person': { leaderId: 'LD-2', name: '李晓燕' },
    },
    nodes: [
      { key: 'procedure:HP', kind: 'procedure', label: '环评', dueOn: date('2024-03-01') },
      { key: 'agreed-completion', kind: 'schedule', label: '协议约定竣工', dueOn: date('2025-03-26') },
    ],
    nextDeadline: date('2024-03-01'),
    missedMilestones: ['procedure:HP', 'agreed-start:2024-04-01'],
    light: 'red',
  }),
  registerEntry({
    projectId: 'J02',
    unitId: 'jingkai',
    investment: 12_345_678_901,
    cumulativeInvestment: 99,
  }),
  // The same project signed by two units (一炮数响): listed under the zone, counted once under 高新区.
  registerEntry({
    projectId: 'J03',
    unitId: 'jingkai',
    investment: 100_000_000_000,
    duplicateOf: 'G01',
    counted: false,
  }),
  registerEntry({
    projectId: 'G01',
    unitId: 'gaoxin',
    investment: 100_000_000_000,
    stage: 'under-construction',
  }),
  registerEntry({
    projectId: 'C01',
    unitId: 'chengxi',
    stage: 'lead',
    signedOn: undefined,
    light: 'yellow',
    idleMonths: 2,
  }),
];

describe('register workbook (招商引资工作台账)', () => {
  let wb: Awaited<ReturnType<typeof readWorkbook>>;
  beforeAll(async () => {
    wb = await readWorkbook(await registerXlsx(entries, { unitNames: UNITS }));
  });

  it('has a summary, then one sheet per unit: named units in their order, the others by id', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '经开区', '高新区', 'chengxi']);
  });

  it('titles each sheet with its unit and the as-of date, and freezes the header', () => {
    const ws = sheet(wb, '经开区');
    expect(rowText(ws, 1)).toBe('经开区招商引资工作台账');
    expect(rowText(ws, 2)).toContain('截至 2024-06-30');
    expect(rowText(ws, 2)).toContain('金额单位：万元');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 3 });
    expect(rowValues(ws, 3).slice(0, 4)).toEqual(['序号', '项目编号', '项目名称', '投资方']);
    for (const h of [
      '计划/协议总投资（万元）',
      '固定资产投资（万元）',
      '累计完成投资（万元）',
      '所处阶段',
      '包保领导',
      '签约日期',
      '开工日期',
      '投产日期',
      '下一节点',
      '逾期节点',
      '状态灯',
    ])
      expect(rowValues(ws, 3)).toContain(h);
    expect(ws.getColumn(columnOf(ws, '项目名称')).width).toBeGreaterThanOrEqual(20);
  });

  it('writes a project row in the register’s words, amounts exact in 万元 with two decimals shown', () => {
    const ws = sheet(wb, '经开区');
    const cell = (h: string) => ws.getRow(4).getCell(columnOf(ws, h));
    expect(cell('项目名称').value).toBe('年产5万吨锂电池正极材料项目');
    expect(cell('招商方式').value).toBe('以商招商');
    expect(cell('计划/协议总投资（万元）').value).toBe(50_000);
    expect(cell('计划/协议总投资（万元）').numFmt).toBe('#,##0.00');
    expect(cell('累计完成投资（万元）').value).toBe(42_000.0001);
    expect(cell('用地面积（亩）').value).toBe(120.5);
    expect(cell('所处阶段').value).toBe(stageNames['under-construction']);
    expect(cell('包保领导').value).toBe('王建国');
    expect(cell('包保责任人').value).toBe('李晓燕');
    expect(cell('开工日期').value).toEqual(new Date('2024-04-15T00:00:00.000Z'));
    expect(cell('开工日期').numFmt).toBe('yyyy-mm-dd');
    expect(cell('签约日期').value).toEqual(new Date('2024-03-01T00:00:00.000Z'));
    expect(cell('投产日期').value).toBeNull();
    expect(cell('下一节点').value).toBe('环评（2024-03-01）');
    expect(cell('逾期节点').value).toBe('环评超时；协议约定开工逾期（2024-04-01）');
    expect(cell('状态灯').value).toBe('红灯');
    expect(cell('状态灯').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFFC7CE' },
    });
  });

  it('lists a duplicate greyed and leaves it out of the 合计, which is the exact sum of the others', () => {
    const ws = sheet(wb, '经开区');
    const dup = ws.getRow(6);
    expect(dup.getCell(columnOf(ws, '项目编号')).value).toBe('J03');
    expect(String(dup.getCell(columnOf(ws, '备注')).value)).toContain('重复项目（与 G01 为同一项目）');
    expect(dup.getCell(columnOf(ws, '项目名称')).font?.color?.argb).toBe('FF808080');
    const total = ws.getRow(7);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(columnOf(ws, '项目名称')).value).toBe('共 2 个项目');
    // 50000 + 12345.678901 万元; the duplicate's 10亿 is not added.
    expect(total.getCell(columnOf(ws, '计划/协议总投资（万元）')).value).toBe(62_345.678_901);
    expect(total.getCell(columnOf(ws, '累计完成投资（万元）')).value).toBe(42_000.000_199);
    expect(total.getCell(columnOf(ws, '备注')).value).toBe('不含重复项目 1 个');
  });

  it('summarises every unit by stage with its amounts in 亿元, and a 合计 row', () => {
    const ws = sheet(wb, '汇总');
    expect(rowText(ws, 1)).toBe('招商引资工作台账汇总');
    const header = rowValues(ws, 3);
    expect(header.slice(0, 3)).toEqual(['序号', '单位', '项目总数']);
    expect(header).toContain('在建');
    expect(header).toContain('计划/协议总投资（亿元）');
    const at = (h: string) => columnOf(ws, h);
    expect(ws.getRow(4).getCell(2).value).toBe('经开区');
    expect(ws.getRow(4).getCell(at('项目总数')).value).toBe(2);
    expect(ws.getRow(4).getCell(at('在建')).value).toBe(1);
    expect(ws.getRow(4).getCell(at('已签约')).value).toBe(1);
    expect(ws.getRow(4).getCell(at('红灯项目')).value).toBe(1);
    expect(ws.getRow(4).getCell(at('逾期节点')).value).toBe(2);
    expect(ws.getRow(4).getCell(at('重复项目（不计入）')).value).toBe(1);
    expect(ws.getRow(4).getCell(at('计划/协议总投资（亿元）')).value).toBe(6.2345678901);
    expect(ws.getRow(4).getCell(at('计划/协议总投资（亿元）')).numFmt).toBe('#,##0.0000');
    const total = ws.getRow(7);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(at('项目总数')).value).toBe(4);
    expect(total.getCell(at('线索')).value).toBe(1);
    // 5亿 + 1.2345678901亿 + 10亿 (高新区) + 1亿 (城西); the duplicate is not added.
    expect(total.getCell(at('计划/协议总投资（亿元）')).value).toBe(17.2345678901);
  });

  it('shows no next node for a closed project, and says when it closed', async () => {
    const closed = registerEntry({
      projectId: 'T1',
      unitId: 'jingkai',
      stage: 'terminated',
      closed: true,
      closedOn: date('2024-05-10'),
      nodes: [{ key: 'agreed-start', kind: 'schedule', label: '协议约定开工', dueOn: date('2024-05-01') }],
      nextDeadline: date('2024-05-01'),
      light: 'green',
    });
    const ws = sheet(await readWorkbook(await registerXlsx([closed])), 'jingkai');
    expect(ws.getRow(4).getCell(columnOf(ws, '下一节点')).value).toBeNull();
    expect(ws.getRow(4).getCell(columnOf(ws, '所处阶段')).value).toBe('已清退');
    expect(ws.getRow(4).getCell(columnOf(ws, '备注')).value).toBe('2024-05-10 已清退');
  });

  it('says that a procedure deadline waits for the next year’s holiday schedule, with no guessed date (R7 · 001 §(三)2, DOMAIN.md §3 "Working-day calendar")', async () => {
    const pending = registerEntry({
      projectId: 'P1',
      unitId: 'jingkai',
      stage: 'signed',
      nodes: [
        {
          key: 'procedure:SX',
          kind: 'procedure',
          label: '施工许可',
          approvalLevel: 'district',
          deadlineStatus: 'pending-calendar',
          pendingCalendarYear: 2027,
        },
      ],
      light: 'blue',
    });
    const ws = sheet(await readWorkbook(await registerXlsx([pending])), 'jingkai');
    expect(ws.getRow(4).getCell(columnOf(ws, '下一节点')).value).toBeNull();
    expect(ws.getRow(4).getCell(columnOf(ws, '备注')).value).toBe(
      '施工许可办结时限待定（2027 年节假日安排尚未采用）',
    );
  });

  it('writes a total beyond what a cell holds exactly (10 万亿元) as its exact text', async () => {
    const huge = [0, 1].map((i) =>
      registerEntry({ projectId: `H${i}`, unitId: 'jingkai', investment: 5 * 10 ** 14 + 1 }),
    );
    const ws = sheet(await readWorkbook(await registerXlsx(huge)), 'jingkai');
    expect(ws.getRow(4).getCell(columnOf(ws, '计划/协议总投资（万元）')).value).toBe(500_000_000.000_001);
    expect(ws.getRow(6).getCell(columnOf(ws, '计划/协议总投资（万元）')).value).toBe('1000000000.000002');
  });

  it('refuses entries computed for another date than the one it is asked for', async () => {
    await expect(registerXlsx(entries, { asOf: '2024-07-01' })).rejects.toThrow(RangeError);
    expect(() => registerCsv([], {})).toThrow(/needs options.asOf/);
  });

  it('gives a named unit without projects its sheet and a zero 合计', async () => {
    const empty = await readWorkbook(
      await registerXlsx([], { asOf: '2024-06-30', unitNames: { xicheng: '西城' } }),
    );
    const ws = sheet(empty, '西城');
    expect(ws.getRow(4).getCell(1).value).toBe('合计');
    expect(ws.getRow(4).getCell(columnOf(ws, '计划/协议总投资（万元）')).value).toBe(0);
  });

  it('makes sheet names legal and unique', async () => {
    const names = { 'a/b': '开发区[一]', c: '开发区[一]', d: '汇总' };
    const rows = Object.keys(names).map((unitId, i) => registerEntry({ projectId: `P${i}`, unitId }));
    const book = await readWorkbook(await registerXlsx(rows, { unitNames: names }));
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '开发区_一_', '开发区_一_(2)', '汇总(2)']);
  });
});

describe('register CSV', () => {
  it('has 单位 then the unit sheet’s columns, exact 万元, and survives quotes, commas and line breaks in names', async () => {
    const awkward = registerEntry({
      projectId: 'X1',
      unitId: 'jingkai',
      name: '年产"5万吨",锂电池\r\n二期项目',
      investorName: '=危险公司',
      investment: 123_456_789,
    });
    const csv = registerCsv([...entries, awkward], { unitNames: UNITS });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = await parseCsv(csv);
    const wb = await readWorkbook(await registerXlsx(entries, { unitNames: UNITS }));
    expect(rows[0]).toEqual(['单位', ...rowValues(sheet(wb, '经开区'), 3)]);
    const x1 = rows.find((r) => r[2] === 'X1')!;
    expect(x1[0]).toBe('经开区');
    expect(x1[3]).toBe('年产"5万吨",锂电池\r\n二期项目');
    expect(x1[4]).toBe("'=危险公司");
    expect(x1[rows[0]!.indexOf('计划/协议总投资（万元）')]).toBe('123.456789');
    const j01 = rows.find((r) => r[2] === 'J01')!;
    expect(j01[rows[0]!.indexOf('累计完成投资（万元）')]).toBe('42000.0001');
    expect(j01[rows[0]!.indexOf('开工日期')]).toBe('2024-04-15');
    expect(j01[rows[0]!.indexOf('状态灯')]).toBe('红灯');
    expect(rows.map((r) => r[2])).toEqual(['项目编号', 'J01', 'J02', 'J03', 'X1', 'G01', 'C01']);
  });
});

describe('register totals are exact for any amounts (property)', () => {
  it('every 合计 equals the exact sum of the rows’ 分, in the workbook and in the summary', async () => {
    const amount = fc.integer({ min: 0, max: 10 ** 13 }); // up to 1000亿元 each
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(amount, amount, fc.constantFrom('jingkai', 'gaoxin')), {
          minLength: 1,
          maxLength: 12,
        }),
        async (rows) => {
          const list = rows.map(([investment, cumulative, unitId], i) =>
            registerEntry({ projectId: `P${i}`, unitId, investment, cumulativeInvestment: cumulative }),
          );
          const book = await readWorkbook(await registerXlsx(list, { asOf: AS_OF, unitNames: UNITS }));
          for (const [unitId, name] of Object.entries(UNITS)) {
            const mine = list.filter((e) => e.unitId === unitId);
            const ws = sheet(book, name);
            const total = ws.getRow(4 + mine.length);
            expect(total.getCell(1).value).toBe('合计');
            const sum = mine.reduce((s, e) => s + BigInt(e.investment), 0n);
            expect(total.getCell(columnOf(ws, '计划/协议总投资（万元）')).value).toBe(
              Number(exactDecimal(sum, 6)),
            );
          }
          const all = list.reduce((s, e) => s + BigInt(e.cumulativeInvestment), 0n);
          const summary = sheet(book, '汇总');
          expect(summary.getRow(6).getCell(columnOf(summary, '累计完成投资（亿元）')).value).toBe(
            Number(exactDecimal(all, 10)),
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('names an exit-rule miss with the term it was raised under, never a figure from a kind name (R8 · 001 §(四) 三个月不开工、两年不投产)', async () => {
    const missed = (terms: Readonly<Record<string, number>> | undefined) =>
      registerEntry({
        projectId: 'J09',
        unitId: 'jingkai',
        missedMilestones: ['exit-no-start', 'exit-no-production', 'rectification:1:2024-05-01'],
        ...(terms !== undefined ? { exitRuleTerms: terms } : {}),
      });
    const cellOf = async (entry: RegisterEntry) => {
      const book = await readWorkbook(await registerXlsx([entry], { unitNames: { jingkai: '经开区' } }));
      const ws = sheet(book, '经开区');
      return ws.getRow(4).getCell(columnOf(ws, '逾期节点')).value;
    };
    expect(await cellOf(missed({ 'exit-no-start': 3, 'exit-no-production': 24 }))).toBe(
      '三个月不开工；两年不投产；限期整改逾期',
    );
    // Another region's policy (6 months, 18 months): its own figures.
    expect(await cellOf(missed({ 'exit-no-start': 6, 'exit-no-production': 18 }))).toBe(
      '六个月不开工；十八个月不投产；限期整改逾期',
    );
    // A miss whose term is unknown reads without a figure rather than with a guessed one.
    expect(await cellOf(missed(undefined))).toBe('签约后逾期不开工；签约后逾期不投产；限期整改逾期');
  });
});
