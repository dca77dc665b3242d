/**
 * The 通报's prose (R14, 004 §(十八): 按序时进度进行通报; 000: 每月督查、通报招商引资目标计划完成情况)
 * from one small case whose figures are worked out by hand below.
 */
import JSZip from 'jszip';
import { bulletinDocx, bulletinReportOf, bulletinText, type BulletinReport } from '../src';
import { leadsFarBehind, metric, progressView, review, unitReview } from './support';

const NAMES = { jingkai: '经开区', gaoxin: '高新区', chengxi: '城西街道', district: '全区' };

/*
 * As of 2024-06-30 (day 182 of 366): 序时进度 = 182 / 366 = 49.7268 % → 49.73 %.
 * Region: 6 of 20 signings of ≥ 1亿 = 30.00 %, 19.73 points behind (yellow under the default
 * policy: 10 ≤ lag ≤ 30); 12.5亿 of 50亿 agreement funds = 25.00 %, 24.73 behind (yellow).
 */
const region = progressView(
  'district',
  [
    metric({
      metric: 'signedProjects',
      kind: 'count',
      minInvestment: 10_000_000_000,
      target: 20,
      actual: 6,
      percent: 30,
      expected: 9.95,
      gap: -3.95,
      lagPoints: 19.73,
      light: 'yellow',
    }),
    metric({
      metric: 'signedAgreementFunds',
      kind: 'cny',
      minInvestment: 10_000_000_000,
      target: 500_000_000_000,
      actual: 125_000_000_000,
      percent: 25,
      expected: 248_633_879_781,
      gap: -123_633_879_781,
      lagPoints: 24.73,
      light: 'yellow',
    }),
  ],
  { scope: 'region', light: 'yellow' },
);
/** 经开区: 8 of 50 leads = 16 %, 33.73 points behind: red (lag > 30). */
const jingkai = progressView('jingkai', [leadsFarBehind], { light: 'red' });
/** 高新区: 3 of 5 leads = 60 %, ahead of 序时: blue. */
const gaoxin = progressView(
  'gaoxin',
  [
    metric({
      metric: 'leads',
      kind: 'count',
      target: 5,
      actual: 3,
      percent: 60,
      expected: 2.49,
      gap: 0.51,
      lagPoints: -10.27,
      light: 'blue',
    }),
  ],
  { light: 'blue' },
);

// Each unit: 2 signings, 1 start, 1 statistics entry, 123,456,789 分 invested (123.46万元), 1 in
// production, 4 leads, 1 missed deadline (support's unitReview). 高新区 and 城西街道 tie at 50.
const reviewed = review([
  unitReview('jingkai', { rank: 1, score: 87.5, missedVisitWeeks: 2 }),
  unitReview('gaoxin', { rank: 2, score: 50, overdueProcedures: 1 }),
  unitReview('chengxi', { rank: 2, score: 50, missedMilestones: 0 }),
]);

const preview = bulletinReportOf(reviewed, [jingkai, gaoxin, region], {
  computedAtPosition: '4217',
  unitNames: NAMES,
});
const published: BulletinReport = bulletinReportOf(reviewed, [jingkai, gaoxin, region], {
  computedAtPosition: '4217',
  unitNames: NAMES,
  figuresDigest: 'b'.repeat(64),
  bulletinId: 'TB-2024-Q2',
  publishedOn: '2024-07-05',
  publishedBy: '区督查考核办',
});

describe('the 通报 as prose', () => {
  const text = bulletinText(preview);
  const lines = text.split('\n');

  it('opens as a 通报: title (a preview marked so), 主送, the period', () => {
    expect(lines.slice(0, 4)).toEqual([
      '2024年第二季度招商引资工作考评通报（预览稿，未发布）',
      '',
      '各单位：',
      '\u3000\u3000现将2024年第二季度全区招商引资工作推进情况通报如下：',
    ]);
    expect(lines.filter((l) => /^\u3000\u3000[一二三四五]、/.test(l))).toEqual([
      '\u3000\u3000一、总体情况',
      '\u3000\u3000二、赛马排名情况',
      '\u3000\u3000三、红黄蓝亮灯情况',
      '\u3000\u3000四、督查督办事项',
      '\u3000\u3000五、下步工作要求',
    ]);
  });

  it('says where the region stands against its targets and 序时进度, with the lights the policy gave', () => {
    expect(text).toContain(
      '截至2024年6月30日（序时进度49.73%），全区新签约亿元以上项目6个，完成年度目标（20个）的30.00%，' +
        '落后序时进度19.73个百分点，亮黄灯；亿元以上项目协议资金12.50亿元，完成年度目标（50.00亿元）的25.00%，' +
        '落后序时进度24.73个百分点，亮黄灯。',
    );
    // The period's counts: the exact sums of the three units (3 × 2 signings … 3 × 123,456,789 分 = 370.37万元).
    expect(text).toContain(
      '2024年第二季度，全区新签约项目6个，新开工项目3个，入库纳统项目3个，完成固定资产投资370.37万元，' +
        '新竣工项目0个，竣工投产项目3个，有效线索12条。',
    );
    // Behind 序时进度 = lit red or yellow by the policy: only 经开区 (高新区 is blue, 城西街道 has no plan).
    expect(text).toContain(
      '1个单位落后序时进度（目标进度亮红灯或黄灯）：经开区。1个单位未下达年度目标：城西街道。',
    );
  });

  it('ranks the units (ties share a rank) and gives each its figures', () => {
    expect(text).toContain(
      '本期各单位综合得分排名如下：第1名经开区（87.50分），并列第2名城西街道、高新区（50.00分）。',
    );
    expect(text).toContain(
      '（一）经开区：综合得分87.50分，排名第1。本期新签约项目2个，新开工项目1个，入库纳统项目1个，' +
        '完成固定资产投资123.46万元，新竣工项目0个，竣工投产项目1个，有效线索4条；签约项目开工率66.67%（2/3），' +
        '开工项目纳统率50.00%（1/2）。年度目标进度亮红灯：有效线索8条，完成年度目标（50条）的16.00%，' +
        '落后序时进度33.73个百分点，亮红灯。',
    );
    expect(text).toContain('（二）城西街道：综合得分50.00分，排名第2。');
    expect(text).toContain('（三）高新区：综合得分50.00分，排名第2。');
    expect(text).toContain('未下达年度目标。'); // 城西街道's remark
  });

  it('lists the lights as the policy gave them, and the items to supervise', () => {
    expect(text).toContain('红灯单位1个（经开区）；黄灯单位0个；蓝灯单位1个（高新区）；绿灯单位0个。');
    // 4 metrics: 经开区's red leads, 高新区's blue leads, the region's two yellow.
    expect(text).toContain('全区及各单位目标指标共4项，其中亮红灯1项、亮黄灯2项、亮蓝灯1项、亮绿灯0项。');
    expect(text).toContain(
      '本期节点逾期2个（经开区1个、高新区1个）；手续限时办结超时1个（高新区1个）；包保责任人缺访2周（经开区2周）。',
    );
  });

  it('ends with the issuer, the date and where the figures come from', () => {
    expect(lines.slice(-6)).toEqual([
      '区招商引资工作领导小组办公室',
      '2024年6月30日',
      '',
      expect.stringMatching(
        /^附注：数据来源：事件库全局位置 4217 及以前的全部事件；考核办法：区招商引资考核默认办法（/,
      ),
      expect.stringContaining('未发布（预览）'),
      '',
    ]);
    expect(text).not.toContain('default-R12-R15');
    const issued = bulletinText(published);
    expect(issued.split('\n')[0]).toBe('2024年第二季度招商引资工作考评通报');
    expect(issued).toContain('\n区督查考核办\n2024年7月5日\n');
    expect(issued).toContain(`数据摘要（SHA-256）：${'b'.repeat(64)}`);
  });

  it('is the same text as a Word document: A4, 仿宋 body, the title and every paragraph', async () => {
    const zip = await JSZip.loadAsync(await bulletinDocx(published));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // 210 × 297 mm
    expect(xml).toContain('仿宋_GB2312');
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
      .map((p) => p.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
      .filter((p) => p !== '');
    const expected = bulletinText(published)
      .split('\n')
      .map((l) => l.replace(/^\u3000\u3000/, ''))
      .filter((l) => l !== '');
    expect(paragraphs).toEqual(expected);
  });
});
