import type { MetricKey, TargetKind } from './target-plan.events';
import { metricKinds } from './target-plan.events';

/** What one metric of a target plan counts, in the officer's words and in English, and where a seed names it. */
export interface MetricDefinition {
  readonly kind: TargetKind;
  /** The name a plan or bulletin gives it. */
  readonly zh: string;
  readonly en: string;
  /** The unit a figure of it is shown in. */
  readonly unitZh: string;
  /** What is counted, and on which date (R11: each metric says what it counts). */
  readonly countsZh: string;
  readonly countsEn: string;
  /** The seed passages that name it. */
  readonly seeds: ReadonlyArray<string>;
}

/**
 * The metric catalogue (R11–R13): every metric a region's target plan can choose, with what it
 * counts. Regions count different things under similar words — 000's 搜集招商信息 counts every lead
 * captured, 004's 有效项目信息 only the leads judged genuine — so each is its own metric and a plan
 * names the one it means. Money metrics count money actually received, by the day it arrived.
 */
export const metricCatalogue = {
  capturedLeads: {
    kind: metricKinds.capturedLeads,
    zh: '搜集招商信息',
    en: 'Leads captured',
    unitZh: '条',
    countsZh: '录入的招商线索（无论其后是否研判为有效），按录入日期计',
    countsEn: 'Leads captured, whatever became of them, on the day captured',
    seeds: ['000 §二「全年搜集招商信息 50 条以上」'],
  },
  leads: {
    kind: metricKinds.leads,
    zh: '有效线索',
    en: 'Qualified leads',
    unitZh: '条',
    countsZh: '研判为有效的线索（004 所称“有效项目信息”），按研判日期计',
    countsEn: 'Leads judged genuine (qualified), on the day qualified',
    seeds: ['004 §(十六)「突出有效项目信息」'],
  },
  plannedProjects: {
    kind: metricKinds.plannedProjects,
    zh: '谋划项目',
    en: 'Planned projects',
    unitZh: '个',
    countsZh: '本地自行谋划的项目，按谋划日期计',
    countsEn: 'Projects the zone planned itself, on the day planned',
    seeds: ['000 §二「谋划项目 10 个以上」'],
  },
  signedProjects: {
    kind: metricKinds.signedProjects,
    zh: '新签约项目',
    en: 'New signings',
    unitZh: '个',
    countsZh: '签订投资协议的项目，按签约日期计；规模门槛按期末有效的协议总投资',
    countsEn:
      'Projects that signed an agreement, on the signing day; a size threshold uses the agreement figure in force at the end of the period',
    seeds: ['000 §二「签约亿元以上项目 6 个以上」', '004 §(四)「签约亿元以上项目117个」'],
  },
  signedAgreementFunds: {
    kind: metricKinds.signedAgreementFunds,
    zh: '协议资金',
    en: 'Agreement funds',
    unitZh: '万元',
    countsZh: '期内签约项目的协议总投资（期末有效的协议金额）',
    countsEn: 'Total investment of the agreements signed in the period (the figure in force at its end)',
    seeds: ['000 §二「协议资金 50 亿元以上」'],
  },
  startedProjects: {
    kind: metricKinds.startedProjects,
    zh: '新开工项目',
    en: 'New starts',
    unitZh: '个',
    countsZh: '开工的项目，按开工日期计',
    countsEn: 'Projects whose construction started, on the day it started',
    seeds: [
      '000 §二「开工 5000 万元以上项目 10 家以上」',
      '004 §(四)「新开工亿元以上项目79个」',
      '003「新開工工業項目42個」',
    ],
  },
  statisticsEntries: {
    kind: metricKinds.statisticsEntries,
    zh: '入库纳统项目',
    en: 'New statistics entries',
    unitZh: '个',
    countsZh: '入库纳统的项目，按纳统日期计',
    countsEn: 'Projects entered in the statistics (入库纳统), on the day entered',
    seeds: ['004 §(十六)「新纳统项目」'],
  },
  completedProjects: {
    kind: metricKinds.completedProjects,
    zh: '新竣工项目',
    en: 'New completions',
    unitZh: '个',
    countsZh: '竣工的项目，按竣工日期计',
    countsEn: 'Projects whose construction was completed, on the day completed',
    seeds: ['004 §(十六)「新竣工投产项目」'],
  },
  projectsInProduction: {
    kind: metricKinds.projectsInProduction,
    zh: '竣工投产项目',
    en: 'Projects in production',
    unitZh: '个',
    countsZh: '竣工后投产的项目，按投产日期计（投产须在竣工之后）',
    countsEn: 'Projects that started production after completion, on the day production started',
    seeds: ['000 §二「投产项目 10 家以上」', '003「竣工投產工業項目38個」', '004 §(十六)「新竣工投产项目」'],
  },
  fixedAssetInvestment: {
    kind: metricKinds.fixedAssetInvestment,
    zh: '完成固定资产投资',
    en: 'Fixed-asset investment completed',
    unitZh: '万元',
    countsZh: '月度报送的实际完成投资，按所属月份计',
    countsEn: 'Investment actually completed, as reported per month',
    seeds: ['000 §二「完成固投 12 亿元以上」', '004 §(十六)「实际完成投资量」'],
  },
  foreignCapital: {
    kind: metricKinds.foreignCapital,
    zh: '利用外资',
    en: 'Foreign capital actually used',
    unitZh: '万美元',
    countsZh: '实际到位的外资（非协议承诺额），按到位日期计',
    countsEn:
      'Foreign capital actually received (never the amount an agreement promises), on the day received',
    seeds: ['000 §二「利用外资 9000 万美元以上」'],
  },
  outOfProvinceFunds: {
    kind: metricKinds.outOfProvinceFunds,
    zh: '利用省外资金',
    en: 'Funds from outside the province',
    unitZh: '万元',
    countsZh: '实际到位的省外资金（注明来源省份），按到位日期计',
    countsEn:
      'Funds from outside the province actually received (with the source province), on the day received',
    seeds: ['003「利用省外資金50.23億元」「利用省外資金110億元」'],
  },
  signedToStartedRate: {
    kind: metricKinds.signedToStartedRate,
    zh: '签约项目开工率',
    en: 'Signed-to-started rate',
    unitZh: '%',
    countsZh: '期内签约项目中至期末已开工的比例',
    countsEn: 'Of the projects signed in the period, the share started by its end',
    seeds: ['004 §(十六)「签约项目开工率…达到75%」'],
  },
  startedToStatisticsRate: {
    kind: metricKinds.startedToStatisticsRate,
    zh: '开工项目纳统率',
    en: 'Started-to-statistics rate',
    unitZh: '%',
    countsZh: '期内开工项目中至期末已入库纳统的比例',
    countsEn: 'Of the projects started in the period, the share in the statistics by its end',
    seeds: ['004 §(十六)「开工项目纳统率…达到80%以上」'],
  },
} as const satisfies { readonly [K in MetricKey]: MetricDefinition };
