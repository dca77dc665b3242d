import { BusinessDate, daysBetween } from '../shared/dates';
import type { AgreementTerms, FulfilmentRatios } from './project.events';
import type { FulfilmentPolicy } from './project.policy';
import type { YearlyPerformance } from './project.state';
import type { Verdict } from './project.vocabulary';

/** What a fulfilment evaluation finds: ratios of actual to agreed, the verdict and why. */
export interface FulfilmentAssessment {
  readonly ratios: FulfilmentRatios;
  readonly verdict: Verdict;
  readonly findings: ReadonlyArray<string>;
}

/** The facts an evaluation compares with the agreement. */
export interface FulfilmentFacts {
  readonly performance: YearlyPerformance;
  readonly signedOn: BusinessDate;
  readonly startedOn?: BusinessDate;
  readonly completedOn?: BusinessDate;
  readonly evaluatedOn: BusinessDate;
}

/** Ratios are kept to four decimals so that stored figures read the same everywhere. */
const ratio = (actual: number, committed: number): number =>
  committed <= 0 ? 1 : Math.round((actual / committed) * 10_000) / 10_000;

/**
 * R9 (000 §三.4): after the construction period, agreed output, investment per mu, tax per mu,
 * benefit per mu and construction period are compared with actuals. R10 (002 §七) turns the
 * comparison into a verdict. Pure: the same terms and facts always give the same assessment.
 */
export const assessFulfilment = (
  terms: AgreementTerms,
  facts: FulfilmentFacts,
  policy: FulfilmentPolicy,
): FulfilmentAssessment => {
  const { performance } = facts;
  const area = terms.landArea > 0 ? terms.landArea : 1;
  const agreedDays = Math.max(1, daysBetween(facts.signedOn, terms.schedule.completeBy));
  const actualDays = Math.max(1, daysBetween(facts.signedOn, facts.completedOn ?? facts.evaluatedOn));
  const ratios: FulfilmentRatios = {
    fixedAssetInvestment: ratio(performance.investmentToDate, terms.fixedAssetInvestment),
    investmentPerMu: ratio(performance.investmentToDate / area, terms.fixedAssetInvestment / area),
    output: ratio(performance.output, terms.commitments.annualOutput),
    taxPerMu: ratio(performance.tax / area, terms.commitments.annualTax / area),
    outputPerMu: ratio(performance.output / area, terms.commitments.annualOutput / area),
    jobs: ratio(performance.jobs, terms.commitments.jobs),
    constructionPeriod: ratio(agreedDays, actualDays),
  };
  const findings = (Object.keys(ratios) as Array<keyof FulfilmentRatios>)
    .filter((k) => ratios[k] < policy.compliantAt)
    .map((k) => `${k} ${ratios[k]}`);
  const investment = Math.min(ratios.fixedAssetInvestment, ratios.investmentPerMu);
  const economic = Math.min(ratios.output, ratios.taxPerMu, ratios.jobs);
  const verdict: Verdict =
    investment < policy.seriousBreachInvestmentBelow || economic < policy.seriousBreachEconomicBelow
      ? 'serious-breach'
      : findings.length === 0
        ? 'compliant'
        : 'underperforming';
  return { ratios, verdict, findings };
};
