import type ExcelJS from 'exceljs';
import type { TargetProgressView } from '@zhaoshang/projections';
import { bulletinCsv, bulletinReportOf, bulletinXlsx, type BulletinReport } from '../src';
import {
  leadsFarBehind,
  metric,
  parseCsv,
  progressView,
  readWorkbook,
  review,
  rowText,
  rowValues,
  sheet,
  unitReview,
  columnOf,
} from './support';

const NAMES = { jingkai: '经开区', gaoxin: '高新区', chengxi: '城西', district: '全区' };
const DIGEST = 'a'.repeat(64);

const reviewed = review([
  unitReview('jingkai', { rank: 1, score: 87.5 }),
  unitReview('gaoxin', {
    rank: 2,
    score: 61.25,
    counts: {
      effectiveLeads: 1,
      newSignings: 0,
      newStarts: 2,
      newStatisticsEntries: 0,
      investmentCompleted: 1,
      newCompletions: 1,
      newProduction: 0,
    },
    rates: {
      signedToStarted: { numerator: 1, denominator: 5, basisPoints: 2000 },
      startedToStatistics: { numerator: 0, denominator: 0 },
    },
    tripShortfalls: 2,
  }),
  unitReview('chengxi', { rank: 2, score: 61.25, vetoed: false }),
]);

const jingkai: TargetProgressView = progressView('jingkai', [
  leadsFarBehind,
  metric({
    metric: 'signedAgreementFunds',
    kind: 'cny',
    minInvestment: 10_000_000_000,
    target: 500_000_000_000,
    actual: 82_000_000_000,
    percent: 16.4,
    expected: 248_633_879_781,
    gap: -166_633_879_781,
    lagPoints: 33.33,
    light: 'red',
  }),
  metric({
    metric: 'foreignCapital',
    kind: 'usd',
    target: 9_000_000_000,
    actual: 3_000_000_000,
    percent: 33.33,
    expected: 4_475_409_836,
    gap: -1_475_409_836,
    lagPoints: 16.4,
    light: 'yellow',
  }),
  metric({
    metric: 'signedToStartedRate',
    kind: 'rate',
    target: 7500,
    actual: 8000,
    percent: 106.67,
    expected: 7500,
    gap: 500,
    lagPoints: -5,
    light: 'green',
    numerator: 4,
    denominator: 5,
  }),
]);
const gaoxin = progressView(
  'gaoxin',
  [
    metric({
      metric: 'startedProjects',
      kind: 'count',
      minInvestment: 5_000_000_000,
      target: 2,
      actual: 2,
      percent: 100,
      expected: 0.99,
      gap: 1.01,
      lagPoints: -50.27,
      light: 'green',
    }),
  ],
  { light: 'green' },
);
const region = progressView(
  'district',
  [
    metric({
      metric: 'signedProjects',
      kind: 'count',
      minInvestment: 10_000_000_000,
      target: 117,
      actual: 40,
      percent: 34.19,
      expected: 58.18,
      gap: -18.18,
      lagPoints: 15.54,
      light: 'yellow',
    }),
  ],
  { scope: 'region', light: 'yellow' },
);

const report = bulletinReportOf(reviewed, [jingkai, gaoxin, region], {
  computedAtPosition: 4217n,
  unitNames: NAMES,
  figuresDigest: DIGEST,
  bulletinId: 'TB-2024-Q2',
  publishedOn: '2024-07-05',
  publishedBy: '督查考核办',
});

describe('bulletinReportOf: the projections’ answers as one plain JSON report', () => {
  it('keeps the review’s order, names, counts, rates and each unit’s progress; the region apart', () => {
    expect(report.title).toBe('2024年第二季度招商引资工作考评通报');
    expect(report.period).toEqual({
      kind: 'quarter',
      year: 2024,
      index: 2,
      label: '2024-Q2',
      from: '2024-04-01',
      to: '2024-06-30',
    });
    expect(report.asOf).toBe('2024-06-30');
    expect(report.computedAtPosition).toBe('4217');
    expect(report.units.map((u) => [u.unitName, u.rank, u.score])).toEqual([
      ['经开区', 1, 87.5],
      ['高新区', 2, 61.25],
      ['城西', 2, 61.25],
    ]);
    expect(report.units[0]!.counts.investmentCompleted).toBe(123_456_789);
    expect(report.units[1]!.rates.startedToStatistics).toEqual({ numerator: 0, denominator: 0 });
    expect(report.units[0]!.progress?.metrics.map((m) => m.metric)).toEqual([
      'leads',
      'signedAgreementFunds',
      'foreignCapital',
      'signedToStartedRate',
    ]);
    expect(report.units[2]!.progress).toBeUndefined();
    expect(report.region).toMatchObject({ unitId: 'district', unitName: '全区', scope: 'region' });
  });

  it('is plain JSON: serialised and parsed back it is the same report', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(JSON.stringify(report)).not.toContain('series');
  });

  it('refuses pieces that do not belong together', () => {
    const meta = { computedAtPosition: '1' };
    expect(() => bulletinReportOf(reviewed, [progressView('xicheng', [])], meta)).toThrow(/does not rank/);
    expect(() => bulletinReportOf(reviewed, [jingkai, jingkai], meta)).toThrow(/two target-progress views/);
    expect(() => bulletinReportOf(reviewed, [progressView('jingkai', [], { year: 2023 })], meta)).toThrow(
      /2023/,
    );
    expect(() =>
      bulletinReportOf(
        reviewed,
        [jingkai, progressView('gaoxin', [], { asOf: '2024-07-01' as never })],
        meta,
      ),
    ).toThrow(/several dates/);
    expect(() => bulletinReportOf(reviewed, [], { computedAtPosition: '-1' })).toThrow(/position/);
    expect(() => bulletinReportOf(reviewed, [], { ...meta, figuresDigest: 'ABC' })).toThrow(/SHA-256/);
  });

  it('takes the period’s last day as the date of 序时进度 when there is no plan at all', () => {
    const r = bulletinReportOf(reviewed, [], { computedAtPosition: '0' });
    expect(r.asOf).toBe('2024-06-30');
    expect(r.figuresDigest).toBeUndefined();
    expect(r.units.every((u) => u.progress === undefined)).toBe(true);
  });
});

describe('bulletin workbook (每月通报)', () => {
  let wb: Awaited<ReturnType<typeof readWorkbook>>;
  beforeAll(async () => {
    // Units shuffled, as a report rebuilt by hand might hold them: the sheet still ranks them.
    const shuffled: BulletinReport = {
      ...report,
      units: [report.units[2]!, report.units[0]!, report.units[1]!],
    };
    wb = await readWorkbook(await bulletinXlsx(JSON.parse(JSON.stringify(shuffled)) as BulletinReport));
  });

  it('has the ranking, the target progress and the score’s parts', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['赛马排名', '目标进度', '得分明细']);
    expect(wb.title).toBe('2024年第二季度招商引资工作考评通报');
  });

  it('ranks units by rank (ties by unit id), with the six counts, the two rates and 序时进度', () => {
    const ws = sheet(wb, '赛马排名');
    expect(rowText(ws, 1)).toBe('2024年第二季度招商引资工作考评通报');
    expect(rowText(ws, 2)).toContain('考核期间：2024-04-01 至 2024-06-30');
    expect(rowValues(ws, 3).slice(0, 3)).toEqual(['排名', '单位', '综合得分']);
    for (const h of [
      '有效线索（条）',
      '新签约项目（个）',
      '新开工项目（个）',
      '入库纳统项目（个）',
      '完成固定资产投资（万元）',
      '竣工投产项目（个）',
      '签约项目开工率',
      '开工项目纳统率',
      '序时进度',
    ])
      expect(rowValues(ws, 3)).toContain(h);
    expect([4, 5, 6].map((r) => [ws.getRow(r).getCell(1).value, ws.getRow(r).getCell(2).value])).toEqual([
      [1, '经开区'],
      [2, '城西'],
      [2, '高新区'],
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 2 });
    const jk = ws.getRow(4);
    expect(jk.getCell(3).value).toBe(87.5);
    expect(jk.getCell(3).numFmt).toBe('#,##0.00');
    expect(jk.getCell(columnOf(ws, '完成固定资产投资（万元）')).value).toBe(123.456789);
    expect(jk.getCell(columnOf(ws, '签约项目开工率')).value).toBe(0.6667);
    expect(jk.getCell(columnOf(ws, '签约项目开工率')).numFmt).toBe('0.00%');
    expect(jk.getCell(columnOf(ws, '序时进度')).value).toBe(0.4973); // 182 / 366, half up
    expect(jk.getCell(columnOf(ws, '落后序时的指标')).value).toBe(
      '有效线索 落后 33.73 个百分点；协议资金（1亿元以上） 落后 33.33 个百分点；利用外资 落后 16.40 个百分点',
    );
    expect(jk.getCell(columnOf(ws, '目标进度')).value).toBe('蓝灯');
    const gx = ws.getRow(6);
    expect(gx.getCell(columnOf(ws, '开工项目纳统率')).value).toBeNull(); // no project started: no rate
    expect(gx.getCell(columnOf(ws, '备注')).value).toBe('主要负责同志外出招商未达要求 2 个月');
    expect(ws.getRow(5).getCell(columnOf(ws, '备注')).value).toBe('未下达年度目标');
  });

  it('notes late entries and corrections as data quality in 备注, never as 节点逾期 (DOMAIN.md §5)', async () => {
    const withLateEntries: BulletinReport = {
      ...report,
      units: report.units.map((u) =>
        u.unitId === 'jingkai' ? { ...u, lateEntries: 2, factCorrections: 1 } : u,
      ),
    };
    const ws = sheet(await readWorkbook(await bulletinXlsx(withLateEntries)), '赛马排名');
    const jk = ws.getRow(4);
    expect(jk.getCell(columnOf(ws, '节点逾期（个）')).value).toBe(1);
    expect(jk.getCell(columnOf(ws, '备注')).value).toBe(
      '逾期后补录 2 个节点（已撤销逾期）；更正已录入事实 1 次',
    );
  });

  it('adds a 合计 row: exact sums, and the rates of the summed numerators and denominators', () => {
    const ws = sheet(wb, '赛马排名');
    const total = ws.getRow(7);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(columnOf(ws, '有效线索（条）')).value).toBe(9);
    expect(total.getCell(columnOf(ws, '完成固定资产投资（万元）')).value).toBe(246.913579); // 2 × 123456789 + 1 分
    expect(total.getCell(columnOf(ws, '签约项目开工率')).value).toBe(0.4545); // 5 / 11
    expect(total.getCell(columnOf(ws, '开工项目纳统率')).value).toBe(0.5); // 2 / 4
    expect(total.getCell(columnOf(ws, '目标进度')).value).toBe('黄灯'); // the region's plan
  });

  it('ends every sheet with the position and the digest, and prints them in the footer', () => {
    for (const name of ['赛马排名', '目标进度', '得分明细']) {
      const ws = sheet(wb, name);
      const notes = [ws.rowCount - 1, ws.rowCount].map((r) => rowText(ws, r));
      expect(notes[0]).toContain('事件库全局位置 4217');
      expect(notes[1]).toContain(`数据摘要（SHA-256）：${DIGEST}`);
      expect(notes[1]).toContain('TB-2024-Q2，2024-07-05 督查考核办');
      expect(notes[1]).toContain('zhaoshang-audit verify-bulletin 2024-Q2');
      expect(ws.headerFooter.oddFooter).toContain(`位置 4217 · 摘要 ${DIGEST}`);
    }
  });

  it('shows each unit’s targets against 序时进度 in their own units, the region last', () => {
    const ws = sheet(wb, '目标进度');
    expect(rowValues(ws, 3)).toEqual([
      '单位',
      '指标',
      '计量单位',
      '年度目标',
      '完成',
      '完成率',
      '序时应完成',
      '序时进度',
      '差距（完成−序时）',
      '落后序时（百分点）',
      '状态灯',
    ]);
    const row = (r: number) => rowValues(ws, r);
    expect(row(4).slice(0, 10)).toEqual([
      '经开区',
      '有效线索',
      '条',
      50,
      8,
      0.16,
      24.86,
      0.4973,
      -16.86,
      33.73,
    ]);
    expect(row(5).slice(0, 9)).toEqual([
      '经开区',
      '协议资金（1亿元以上）',
      '万元',
      500_000,
      82_000,
      0.164,
      248_633.879781,
      0.4973,
      -166_633.879781,
    ]);
    expect(row(6).slice(0, 5)).toEqual(['经开区', '利用外资', '万美元', 9_000, 3_000]);
    expect(row(7).slice(0, 9)).toEqual(['经开区', '签约项目开工率', '%', 0.75, 0.8, 1.0667, 0.75, 1, 0.05]);
    expect(row(8).slice(0, 2)).toEqual(['高新区', '新开工项目（5000万元以上）']);
    expect(row(9).slice(0, 2)).toEqual(['全区', '新签约项目（1亿元以上）']);
    expect(ws.getRow(5).getCell(4).numFmt).toBe('#,##0.00');
    expect(ws.getRow(4).getCell(4).numFmt).toBe('0');
    expect(ws.getRow(7).getCell(4).numFmt).toBe('0.00%');
    expect(ws.getRow(4).getCell(11).value).toBe('红灯');
  });

  it('colours 完成率 by the traffic-light policy’s light of the metric (its 状态灯), not by a threshold of its own', async () => {
    const fillOf = (c: ExcelJS.Cell) => (c.fill?.type === 'pattern' ? c.fill.fgColor?.argb : undefined);
    const ws = sheet(wb, '目标进度');
    const rate = columnOf(ws, '完成率');
    const light = columnOf(ws, '状态灯');
    for (let r = 4; r <= 9; r += 1)
      expect(fillOf(ws.getRow(r).getCell(rate))).toBe(fillOf(ws.getRow(r).getCell(light)));
    expect(ws.getRow(4).getCell(light).value).toBe('红灯');
    expect(fillOf(ws.getRow(4).getCell(rate))).toBe('FFFFC7CE');
    // No conditional format of the sheet's own (it made 完成率 < 序时 red whatever the policy said).
    const { conditionalFormattings } = ws as unknown as { conditionalFormattings?: ReadonlyArray<unknown> };
    expect(conditionalFormattings ?? []).toHaveLength(0);

    // DOMAIN.md §6 (defaults: yellow from 10 points behind 序时进度, red beyond 30): 45 % done at a
    // 序时 of 49.73 % lags 4.73 points, so its light is blue — and so is its 完成率, not red.
    const slightlyBehind = progressView('chengxi', [
      metric({
        metric: 'leads',
        kind: 'count',
        target: 100,
        actual: 45,
        percent: 45,
        expected: 49.73,
        gap: -4.73,
        lagPoints: 4.73,
        light: 'blue',
      }),
    ]);
    const small = await readWorkbook(
      await bulletinXlsx(
        bulletinReportOf(review([unitReview('chengxi')]), [slightlyBehind], {
          computedAtPosition: '7',
          unitNames: NAMES,
        }),
      ),
    );
    const progress = sheet(small, '目标进度');
    const cell = progress.getRow(4).getCell(columnOf(progress, '完成率'));
    expect(cell.value).toBe(0.45);
    expect(fillOf(cell)).toBe('FFDDEBF7'); // the blue light's tint
    expect(progress.getRow(4).getCell(columnOf(progress, '状态灯')).value).toBe('蓝灯');
  });

  it('lists the score’s parts per rule', () => {
    const ws = sheet(wb, '得分明细');
    expect(rowValues(ws, 3)).toEqual(['排名', '单位', '有效线索', '综合得分', '备注']);
    expect(rowValues(ws, 4).slice(0, 4)).toEqual([1, '经开区', 8, 87.5]);
  });

  it('says so when the bulletin is a preview, not a published edition', async () => {
    const preview = await readWorkbook(
      await bulletinXlsx(bulletinReportOf(reviewed, [jingkai], { computedAtPosition: '12' })),
    );
    const ws = sheet(preview, '赛马排名');
    expect(rowText(ws, ws.rowCount)).toContain('未发布（预览）');
    expect(ws.headerFooter.oddFooter).toContain('位置 12 · 未发布（预览）');
  });
});

describe('bulletin CSV', () => {
  it('has the ranking sheet’s columns, units in rank order, exact amounts and percentages', async () => {
    const wb = await readWorkbook(await bulletinXlsx(report));
    const rows = await parseCsv(bulletinCsv(report));
    expect(rows[0]).toEqual(rowValues(sheet(wb, '赛马排名'), 3));
    expect(rows.slice(1).map((r) => r[1])).toEqual(['经开区', '城西', '高新区']);
    const jk = rows[1]!;
    const at = (h: string) => rows[0]!.indexOf(h);
    expect(jk[at('综合得分')]).toBe('87.50');
    expect(jk[at('完成固定资产投资（万元）')]).toBe('123.456789');
    expect(jk[at('签约项目开工率')]).toBe('66.67%');
    expect(jk[at('序时进度')]).toBe('49.73%');
    expect(rows[3]![at('开工项目纳统率')]).toBe('');
    expect(rows).toHaveLength(4); // no 合计 row: a program reads it
  });

  it('has the target-progress and score tables too', async () => {
    const progress = await parseCsv(bulletinCsv(report, 'progress'));
    expect(progress[0]![0]).toBe('单位');
    expect(progress[2]).toEqual([
      '经开区',
      '协议资金（1亿元以上）',
      '万元',
      '500000.00',
      '82000.00',
      '16.40%',
      '248633.879781',
      '49.73%',
      '-166633.879781',
      '33.33',
      '红灯',
    ]);
    const scores = await parseCsv(bulletinCsv(report, 'scores'));
    expect(scores[1]).toEqual(['1', '经开区', '8.00', '87.50', '']);
  });
});
