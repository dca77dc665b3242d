import { cny, count, usd } from '../shared/money';
import type { BasisPoints, MetricTarget, Targets } from './target-plan.events';

const atLeast = {
  count: (value: number) => ({ kind: 'count', value: count(value) }) as const,
  cny: (value: ReturnType<typeof cny.yi>) => ({ kind: 'cny', value }) as const,
  usd: (value: ReturnType<typeof usd.wan>) => ({ kind: 'usd', value }) as const,
  rate: (basisPoints: number) => ({ kind: 'rate', basisPoints: basisPoints as BasisPoints }) as const,
};

/**
 * The yearly targets of a zone in seed 000 §二 (濉溪经济开发区, 2021), R11:
 * 「全年搜集招商信息 50 条以上；谋划项目 10 个以上；签约亿元以上项目 6 个以上，协议资金 50 亿元以上；
 * 开工 5000 万元以上项目 10 家以上；投产项目 10 家以上，完成固投 12 亿元以上，利用外资 9000 万美元以上。」
 * The agreement funds are read as those of the signed 亿元以上 projects (one clause of the sentence),
 * hence the same threshold. 搜集招商信息 counts every lead captured, whatever became of it
 * (metric `capturedLeads`; 004's 有效项目信息 is `leads`, qualified leads). 利用外资 counts foreign
 * capital actually received. A region sets its own list; this is an example and a test fixture.
 */
export const defaultTargetsR11: Targets = [
  { metric: 'capturedLeads', target: atLeast.count(50) },
  { metric: 'plannedProjects', target: atLeast.count(10) },
  { metric: 'signedProjects', target: atLeast.count(6), minInvestment: cny.yi(1) },
  { metric: 'signedAgreementFunds', target: atLeast.cny(cny.yi(50)), minInvestment: cny.yi(1) },
  { metric: 'startedProjects', target: atLeast.count(10), minInvestment: cny.wan(5000) },
  { metric: 'projectsInProduction', target: atLeast.count(10) },
  { metric: 'fixedAssetInvestment', target: atLeast.cny(cny.yi(12)) },
  { metric: 'foreignCapital', target: atLeast.usd(usd.wan(9000)) },
] satisfies ReadonlyArray<MetricTarget>;

/**
 * The district's 2024 targets in seed 004 (相山区, 2024-02-07), R12:
 * §(四)「2024年签约亿元以上项目117个，新开工亿元以上项目79个」;
 * §(十六)「力争签约项目开工率、开工项目纳统率指标分别达到75%和80%以上」.
 * Set it as a region-wide plan (scope 'region', the district's unit id).
 */
export const districtTargets2024R12: Targets = [
  { metric: 'signedProjects', target: atLeast.count(117), minInvestment: cny.yi(1) },
  { metric: 'startedProjects', target: atLeast.count(79), minInvestment: cny.yi(1) },
  { metric: 'signedToStartedRate', target: atLeast.rate(7500) },
  { metric: 'startedToStatisticsRate', target: atLeast.rate(8000) },
] satisfies ReadonlyArray<MetricTarget>;

/**
 * The zone's targets for the new year in seed 003 (濉溪经济开发区, 2022), R11:
 * 「力争引进億元以上項目37個、10億元以上大項目5個，50億元以上大項目1個，新開工工業項目42個、
 * 竣工投產工業項目38個，利用省外資金110億元」. 引进 is read as signed; the 10亿 and 50亿 bands are
 * size bands of the same metric. 工业 (industrial) is not a category the register keeps: the
 * counts take every project.
 */
export const zoneTargets003: Targets = [
  { metric: 'signedProjects', target: atLeast.count(37), minInvestment: cny.yi(1) },
  { metric: 'signedProjects', target: atLeast.count(5), minInvestment: cny.yi(10) },
  { metric: 'signedProjects', target: atLeast.count(1), minInvestment: cny.yi(50) },
  { metric: 'startedProjects', target: atLeast.count(42) },
  { metric: 'projectsInProduction', target: atLeast.count(38) },
  { metric: 'outOfProvinceFunds', target: atLeast.cny(cny.yi(110)) },
] satisfies ReadonlyArray<MetricTarget>;
