import { cny, Cny } from '../shared/money';

/**
 * The figures the rules use, as data. The defaults are the seeds'; a region with other figures
 * builds its own policy and decider (`makeProjectDecider({ policy })`).
 */
export interface ProjectPolicy {
  /** R1 (000 §三.1): fixed-asset investment from which admission review is required (1000万元). */
  readonly admissionThreshold: Cny;
  /** R6 (001 §(三)1): from this fixed-asset investment a project is a key project that needs a project manager and a project secretary. */
  readonly keyProjectThreshold: Cny;
  /** R7 (001 §(三)2): working days to complete a procedure, normally and in special cases. */
  readonly procedureTimeLimit: { readonly normal: number; readonly special: number };
  /** R8 (001 §(四)): months after signing for 三个月不开工、两年不投产、三年不见效. */
  readonly exitRule: {
    readonly startMonths: number;
    readonly productionMonths: number;
    readonly resultsMonths: number;
  };
  /** R9/R10: how committed and actual figures become a verdict. */
  readonly fulfilment: FulfilmentPolicy;
}

/**
 * R9 (000 §三.4) and R10 (002 §七): strictly compliant projects are honoured; projects that invested
 * but miss economic targets get secondary promotion — economics alone never makes a serious
 * breach, so the policy has no economic threshold; serious breaches are what the seeds name
 * (圈而不建、签而不建、建而不产 by the exit rule's months or the agreed dates, investment far below the
 * agreement, a breach the agreement defines) and are cleared.
 */
export interface FulfilmentPolicy {
  /** Every applicable ratio at or above this is compliance (1 = exactly as agreed). */
  readonly compliantAt: number;
  /** Fixed-asset investment below this share of the agreement is "far below": a serious breach. */
  readonly seriousBreachInvestmentBelow: number;
}

export const defaultProjectPolicy: ProjectPolicy = {
  admissionThreshold: cny.wan(1000),
  keyProjectThreshold: cny.yi(1),
  procedureTimeLimit: { normal: 3, special: 10 },
  exitRule: { startMonths: 3, productionMonths: 24, resultsMonths: 36 },
  fulfilment: { compliantAt: 1, seriousBreachInvestmentBelow: 0.5 },
};
