import { metricCatalogue, type MetricKey, type Stage } from '@zhaoshang/domain';
import type { ReviewPeriod } from '@zhaoshang/projections';
import { exactDecimal } from '../table/exact-decimal';

/** Chinese names of the stages of a project (DOMAIN.md §1), as a register shows them. */
export const stageNames: { readonly [S in Stage]: string } = {
  lead: '线索',
  planned: '谋划',
  qualified: '在谈',
  'under-review': '论证准入',
  admitted: '已准入',
  rejected: '未准入',
  signed: '已签约',
  'under-construction': '在建',
  completed: '已竣工',
  'in-production': '已投产',
  'at-capacity': '已达产',
  discarded: '线索无效',
  abandoned: '终止洽谈',
  terminated: '已清退',
};

/** Promotion channels (R16), by the domain's `Channel` key. */
export const channelNames: Readonly<Record<string, string>> = {
  'industrial-chain': '产业链招商',
  'by-investors': '以商招商',
  commissioned: '委托招商',
  fund: '基金招商',
  'resident-office': '驻点招商',
  association: '商协会招商',
  online: '网络招商',
  advisor: '招商顾问',
  'leader-trip': '领导外出招商',
  other: '其他',
};

/**
 * Metrics of a target plan (R11–R13) and the unit a count of them is given in: the domain's metric
 * catalogue, which also says what each counts (搜集招商信息 = every lead captured; 有效项目信息 =
 * qualified leads; 利用外资 / 利用省外资金 = money received).
 */
const named = (m: MetricKey): { readonly name: string; readonly unit: string } => ({
  name: metricCatalogue[m].zh,
  unit: metricCatalogue[m].unitZh,
});
export const metricNames: { readonly [M in MetricKey]: { readonly name: string; readonly unit: string } } = {
  capturedLeads: named('capturedLeads'),
  leads: named('leads'),
  plannedProjects: named('plannedProjects'),
  signedProjects: named('signedProjects'),
  signedAgreementFunds: named('signedAgreementFunds'),
  startedProjects: named('startedProjects'),
  statisticsEntries: named('statisticsEntries'),
  completedProjects: named('completedProjects'),
  projectsInProduction: named('projectsInProduction'),
  fixedAssetInvestment: named('fixedAssetInvestment'),
  foreignCapital: named('foreignCapital'),
  outOfProvinceFunds: named('outOfProvinceFunds'),
  signedToStartedRate: named('signedToStartedRate'),
  startedToStatisticsRate: named('startedToStatisticsRate'),
};

const FEN_PER_YI = 10_000_000_000;

/** A size threshold as a plan says it: 1亿元以上, 5000万元以上. */
export const thresholdName = (minInvestment: number): string =>
  minInvestment % FEN_PER_YI === 0
    ? `${minInvestment / FEN_PER_YI}亿元以上`
    : `${exactDecimal(minInvestment, 6)}万元以上`;

/** A metric with its threshold: 新签约项目（1亿元以上）. */
export const metricName = (metric: MetricKey, minInvestment?: number): string => {
  const name = metricNames[metric]?.name ?? metric;
  return minInvestment === undefined ? name : `${name}（${thresholdName(minInvestment)}）`;
};

/**
 * Missed deadlines by the watcher's milestone key (`agreed-start:2024-05-01`, `exit-no-start`,
 * `procedure:<id>`, `rectification:<n>:<date>`), in a register's words; a procedure takes the
 * label of its node (环评超时).
 */
export const missedMilestoneName = (
  key: string,
  procedureLabel?: (key: string) => string | undefined,
): string => {
  const colon = key.indexOf(':');
  const kind = colon < 0 ? key : key.slice(0, colon);
  const rest = colon < 0 ? '' : key.slice(colon + 1);
  switch (kind) {
    case 'agreed-start':
      return `协议约定开工逾期（${rest}）`;
    case 'agreed-completion':
      return `协议约定竣工逾期（${rest}）`;
    case 'agreed-production':
      return `协议约定投产逾期（${rest}）`;
    case 'exit-no-start':
      return '三个月不开工';
    case 'exit-no-production':
      return '两年不投产';
    case 'exit-no-results':
      return '三年不见效';
    case 'procedure':
      return `${procedureLabel?.(key) ?? '手续'}超时`;
    case 'rectification':
      return '限期整改逾期';
    default:
      return key;
  }
};

const QUARTERS = ['', '一', '二', '三', '四'];

/** 2024年9月, 2024年第三季度, 2024年度. */
export const periodName = (p: ReviewPeriod): string =>
  p.kind === 'month'
    ? `${p.year}年${p.index}月`
    : p.kind === 'quarter'
      ? `${p.year}年第${QUARTERS[p.index] ?? p.index}季度`
      : `${p.year}年度`;

/** '2024-09', '2024-Q3', '2024' (the domain's `periodLabel`). */
export const periodKey = (p: ReviewPeriod): string =>
  p.kind === 'month'
    ? `${p.year}-${String(p.index).padStart(2, '0')}`
    : p.kind === 'quarter'
      ? `${p.year}-Q${p.index}`
      : String(p.year);

/** The default title of a bulletin (R14: 每月通报、季度考评、年终考核). */
export const bulletinTitle = (p: ReviewPeriod): string =>
  `${periodName(p)}招商引资工作${p.kind === 'month' ? '通报' : p.kind === 'quarter' ? '考评通报' : '考核通报'}`;

/** Two ideographic spaces: what separates the parts of a sheet's subtitle line. */
export const GAP = '\u3000\u3000';
