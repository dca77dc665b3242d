import { addMonths, BusinessDate, daysBetween, Year } from '../shared/dates';
import { ErrorParams, Language, renderMessage } from '../shared/errors';
import type { Cny } from '../shared/money';
import { ratioOf, wanPerMu } from '../shared/ratio';
import type {
  AgreementTerms,
  DefinedBreach,
  FulfilmentFinding,
  FulfilmentRatios,
  PerMuFigures,
} from './project.events';
import type { ProjectPolicy } from './project.policy';
import {
  FulfilmentFigure,
  fulfilmentFigureLabels,
  FulfilmentFindingCode,
  fulfilmentFindings,
  Verdict,
} from './project.vocabulary';

/** What a fulfilment evaluation finds: ratios and per-mu figures, the verdict and why. */
export interface FulfilmentAssessment {
  readonly ratios: FulfilmentRatios;
  readonly perMu: PerMuFigures;
  readonly verdict: Verdict;
  readonly findings: ReadonlyArray<FulfilmentFinding>;
}

/** The facts of one year that an evaluation compares with the agreement. */
export interface FulfilmentFacts {
  readonly year: Year;
  /** The day the year is judged as of (`evaluationAsOf`): facts after it do not count for the year. */
  readonly asOf: BusinessDate;
  readonly signedOn: BusinessDate;
  readonly startedOn?: BusinessDate;
  readonly completedOn?: BusinessDate;
  readonly productionOn?: BusinessDate;
  /** When the land was supplied (a completed 土地供应 procedure), if it was. */
  readonly landSuppliedOn?: BusinessDate;
  /** Fixed-asset investment completed by `asOf`. */
  readonly investmentToDate: Cny;
  /** The year's reported output, tax and jobs; absent when nothing was reported. */
  readonly performance?: { readonly output: Cny; readonly tax: Cny; readonly jobs: number };
  /** A breach the agreement defines, as the evaluator stated it. */
  readonly definedBreach?: DefinedBreach;
}

/**
 * R10 (002 §七): the verdict of the latest evaluated year governs; an earlier year evaluated later
 * does not overturn it. Whether an evaluation of `year` governs, given the year governing before it.
 */
export const evaluationGoverns = (year: number, governingYear: number | undefined): boolean =>
  governingYear === undefined || year >= governingYear;

/**
 * "见效" (results) by evaluation (R8 · 001 §(四) 三年不见效, with R10): a compliant verdict of the
 * year that governs. The other way to show results is reaching designed capacity (`resultsOn`).
 */
export const evaluationShowsResults = (
  evaluation: { readonly year: number; readonly verdict: Verdict },
  governingYear: number | undefined,
): boolean => evaluation.verdict === 'compliant' && evaluationGoverns(evaluation.year, governingYear);

/** A year is judged as of its last day, or as of the evaluation day when that is earlier. */
export const evaluationAsOf = (year: Year, on: BusinessDate): BusinessDate => {
  const yearEnd = `${year}-12-31` as BusinessDate;
  return on < yearEnd ? on : yearEnd;
};

const earlier = (a: BusinessDate, b: BusinessDate): BusinessDate => (a <= b ? a : b);

const finding = (
  code: FulfilmentFindingCode,
  params: FulfilmentFinding['params'] = {},
): FulfilmentFinding => ({
  code,
  params,
});

/** The figures in the order findings list them. */
const FIGURES: ReadonlyArray<FulfilmentFigure> = [
  'fixedAssetInvestment',
  'investmentPerMu',
  'output',
  'outputPerMu',
  'tax',
  'taxPerMu',
  'jobs',
  'constructionPeriod',
];

/**
 * R9 (000 §三.4): after the construction period, agreed output, investment per mu, tax per mu,
 * benefit per mu and construction period are compared with actuals. R10 (002 §七, 001 §(四))
 * turns the comparison into a verdict:
 * - **serious breach** only for what the seeds name: 圈而不建 (land supplied, construction not
 *   started by the start deadline), 签而不建 (not started by the start deadline), 建而不产 (built,
 *   not producing by the production deadline), investment far below the agreement (policy
 *   threshold), or a breach the agreement defines. A deadline is the agreed date or the exit
 *   rule's months after signing (R8: 三个月不开工、两年不投产), whichever comes first;
 * - **underperforming** when any applicable ratio is short of the agreement — missed economic
 *   targets alone never make a serious breach (002 §七: 事实上已完成投资但未能达到协议约定经济指标的
 *   … 二次招商);
 * - **compliant** otherwise.
 * Output, tax and jobs are not applicable before production when the production deadline has not
 * passed; per-mu figures are not applicable without land; a ratio over nothing is not applicable.
 * Pure: the same terms and facts always give the same assessment.
 */
export const assessFulfilment = (
  terms: AgreementTerms,
  facts: FulfilmentFacts,
  policy: Pick<ProjectPolicy, 'exitRule' | 'fulfilment'>,
): FulfilmentAssessment => {
  const { asOf, signedOn } = facts;
  const area = terms.landArea;
  const land = area > 0;
  const started = facts.startedOn !== undefined && facts.startedOn <= asOf;
  const producing = facts.productionOn !== undefined && facts.productionOn <= asOf;
  const startDeadline = earlier(terms.schedule.startBy, addMonths(signedOn, policy.exitRule.startMonths));
  const productionDeadline = earlier(
    terms.schedule.produceBy,
    addMonths(signedOn, policy.exitRule.productionMonths),
  );
  const economics = producing || asOf > productionDeadline;
  const performed = facts.performance ?? { output: 0, tax: 0, jobs: 0 };
  const c = terms.commitments;
  const invested = facts.investmentToDate;

  const completed = facts.completedOn !== undefined && facts.completedOn <= asOf ? facts.completedOn : asOf;
  const agreedDays = daysBetween(signedOn, terms.schedule.completeBy);
  const actualDays = Math.max(1, daysBetween(signedOn, completed));

  // Per-mu ratios divide both sides by the same agreed land area, so they equal the plain ratio.
  const ratios: FulfilmentRatios = {
    fixedAssetInvestment: ratioOf(invested, terms.fixedAssetInvestment),
    investmentPerMu: land ? ratioOf(invested, terms.fixedAssetInvestment) : null,
    output: economics ? ratioOf(performed.output, c.annualOutput) : null,
    outputPerMu: economics && land ? ratioOf(performed.output, c.annualOutput) : null,
    tax: economics ? ratioOf(performed.tax, c.annualTax) : null,
    taxPerMu: economics && land ? ratioOf(performed.tax, c.annualTax) : null,
    jobs: economics ? ratioOf(performed.jobs, c.jobs) : null,
    constructionPeriod: agreedDays > 0 ? ratioOf(agreedDays, actualDays) : null,
  };
  const perMuFigures: PerMuFigures = {
    investment: { committed: wanPerMu(terms.fixedAssetInvestment, area), actual: wanPerMu(invested, area) },
    tax: { committed: wanPerMu(c.annualTax, area), actual: economics ? wanPerMu(performed.tax, area) : null },
    output: {
      committed: wanPerMu(c.annualOutput, area),
      actual: economics ? wanPerMu(performed.output, area) : null,
    },
  };

  const breaches: FulfilmentFinding[] = [];
  const landSupplied = facts.landSuppliedOn !== undefined && facts.landSuppliedOn <= asOf;
  if (!started && asOf > startDeadline) {
    breaches.push(
      landSupplied
        ? finding('LAND_IDLE', { landSuppliedOn: facts.landSuppliedOn ?? null, deadline: startDeadline })
        : finding('SIGNED_NOT_BUILT', { deadline: startDeadline }),
    );
  } else if (started && !producing && asOf > productionDeadline) {
    breaches.push(finding('BUILT_NOT_PRODUCING', { deadline: productionDeadline }));
  }
  const threshold = policy.fulfilment.seriousBreachInvestmentBelow;
  if (ratios.fixedAssetInvestment !== null && ratios.fixedAssetInvestment < threshold) {
    breaches.push(finding('INVESTMENT_FAR_BELOW', { ratio: ratios.fixedAssetInvestment, threshold }));
  }
  if (facts.definedBreach !== undefined) {
    breaches.push(
      finding('DEFINED_BREACH', {
        clause: facts.definedBreach.clause,
        description: facts.definedBreach.description,
      }),
    );
  }
  const shortfalls = FIGURES.flatMap((figure) => {
    const r = ratios[figure];
    return r !== null && r < policy.fulfilment.compliantAt
      ? [finding('SHORTFALL', { figure, ratio: r })]
      : [];
  });
  const notes = [
    ...(economics ? [] : [finding('NOT_YET_PRODUCING', { deadline: productionDeadline })]),
    ...(land ? [] : [finding('NO_LAND')]),
  ];
  const verdict: Verdict =
    breaches.length > 0 ? 'serious-breach' : shortfalls.length > 0 ? 'underperforming' : 'compliant';
  return { ratios, perMu: perMuFigures, verdict, findings: [...breaches, ...shortfalls, ...notes] };
};

const percent = (x: unknown): string | null =>
  typeof x === 'number' ? String(Math.round(x * 10_000) / 100) : null;

/** A finding as a person reads it, in Chinese or English (e.g. "年产值完成协议约定的 75%…"). */
export const describeFinding = (f: FulfilmentFinding, language: Language): string => {
  const figure = FulfilmentFigure.is(f.params['figure']) ? f.params['figure'] : undefined;
  const params: ErrorParams = {
    ...f.params,
    percent: percent(f.params['ratio']),
    thresholdPercent: percent(f.params['threshold']),
    figureZh: figure !== undefined ? fulfilmentFigureLabels[figure].zh : null,
    figureEn: figure !== undefined ? fulfilmentFigureLabels[figure].en : null,
  };
  const message = fulfilmentFindings[f.code];
  return renderMessage({ zh: message.zh, en: message.en }, params, language);
};

/** What a finding weighs in the verdict: breach, shortfall or note. */
export const findingWeight = (f: FulfilmentFinding) => fulfilmentFindings[f.code].weight;
