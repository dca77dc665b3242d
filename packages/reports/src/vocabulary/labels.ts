import {
  metricCatalogue,
  milestoneLabel,
  vocabulary,
  zhOf,
  type Channel,
  type MetricKey,
  type MilestoneKind,
  type Stage,
} from '@zhaoshang/domain';
import { defaultScoringPolicy, type ReviewPeriod } from '@zhaoshang/projections';
import { exactDecimal } from '../table/exact-decimal';

/** Chinese names of the stages of a project (DOMAIN.md §1), as a register shows them: the domain's vocabulary. */
export const stageNames: { readonly [S in Stage]: string } = zhOf(vocabulary.stages);

/** Promotion channels (R16), by the domain's `Channel` key. */
export const channelNames: { readonly [C in Channel]: string } = zhOf(vocabulary.channels);

/** A register's channel (stored as text) in words; a key the vocabulary does not know, as it is. */
export const channelName = (channel: string): string =>
  Object.prototype.hasOwnProperty.call(channelNames, channel) ? channelNames[channel as Channel] : channel;

/**
 * Metrics of a target plan (R11–R13) and the unit a count of them is given in: the domain's metric
 * catalogue, which also says what each counts (搜集招商信息 = every lead captured; 有效项目信息 =
 * qualified leads; 利用外资 / 利用省外资金 = money received).
 */
export const metricNames: { readonly [M in MetricKey]: { readonly name: string; readonly unit: string } } =
  Object.fromEntries(
    Object.entries(metricCatalogue).map(([m, d]) => [
      m,
      { name: vocabulary.metrics[m as MetricKey].zh, unit: d.unitZh },
    ]),
  ) as { [M in MetricKey]: { readonly name: string; readonly unit: string } };

/** A metric's name with the unit a count of it is given in, as a column heading: 有效线索（条）. */
export const metricHeading = (metric: MetricKey, unit = metricNames[metric].unit): string =>
  `${metricNames[metric].name}（${unit}）`;

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

const MILESTONE_KEYS: { readonly [prefix: string]: MilestoneKind } = {
  'agreed-start': 'agreed-start',
  'agreed-completion': 'agreed-completion',
  'agreed-production': 'agreed-production',
  'exit-no-start': 'exit-no-start',
  'exit-no-production': 'exit-no-production',
  'exit-no-results': 'exit-no-results',
  procedure: 'procedure-time-limit',
  rectification: 'rectification-deadline',
};

/**
 * Missed deadlines by the watcher's milestone key (`agreed-start:2024-05-01`, `exit-no-start`,
 * `procedure:<id>`, `rectification:<n>:<date>`), in the vocabulary's words: a schedule date in
 * brackets, an exit-rule miss with the term it was raised under (`terms`, by key: 三个月不开工), a
 * procedure by the label of its node (环评超时).
 */
export const missedMilestoneName = (
  key: string,
  procedureLabel?: (key: string) => string | undefined,
  terms: Readonly<Record<string, number>> = {},
): string => {
  const colon = key.indexOf(':');
  const prefix = colon < 0 ? key : key.slice(0, colon);
  const rest = colon < 0 ? '' : key.slice(colon + 1);
  const kind = MILESTONE_KEYS[prefix];
  if (kind === undefined) return key;
  switch (kind) {
    case 'agreed-start':
    case 'agreed-completion':
    case 'agreed-production':
      return `${vocabulary.milestoneKinds[kind].zh}（${rest}）`;
    case 'procedure-time-limit': {
      const label = procedureLabel?.(key);
      return label === undefined ? vocabulary.milestoneKinds[kind].zh : `${label}超时`;
    }
    default:
      return milestoneLabel(kind, terms[key]).zh;
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

// A scoring policy by its name, never an id (issue #18: "default-R12-R15" printed on a bulletin)
/** What the default scoring policy is called where a short name fits (a chart's subtitle). */
export const DEFAULT_POLICY_NAME = { zh: '区招商引资考核默认办法', en: 'default scoring policy' } as const;

/**
 * The scoring policy a bulletin names (考核办法): the default policy by what it is, a region's own
 * policy by the name its file gives it.
 */
export const policyTitle = (name: string): string =>
  name === defaultScoringPolicy.name
    ? `${DEFAULT_POLICY_NAME.zh}（${defaultScoringPolicy.description ?? ''}）`
    : name;
