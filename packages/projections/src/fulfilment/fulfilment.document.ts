import type { BusinessDate, FulfilmentRatios, Verdict } from '@zhaoshang/domain';
import { collection } from '../read-model';
import type { Light } from '../traffic-light/traffic-light';

/** What the agreement commits the investor to (R5), in 分 / 亩 / people. */
export interface Committed {
  readonly totalInvestment: number;
  readonly fixedAssetInvestment: number;
  readonly landArea: number;
  readonly annualOutput: number;
  readonly annualTax: number;
  readonly jobs: number;
  readonly startBy: BusinessDate;
  readonly completeBy: BusinessDate;
  readonly produceBy: BusinessDate;
}

/** Actual figures of a year as reported (R9). */
export interface YearActual {
  readonly output: number;
  readonly tax: number;
  readonly jobs: number;
  readonly investmentToDate: number;
}

/** One incentive's account: what may be paid, what was paid, what was clawed back. */
export interface IncentiveLine {
  readonly kind: string;
  readonly ceiling: number;
  readonly disbursed: number;
  readonly clawedBack: number;
}

/** Fulfilment monitoring (履约监管) of one project (R5, R9, R10). */
export interface FulfilmentDoc {
  readonly projectId: string;
  readonly unitId: string;
  readonly name: string;
  readonly signed: boolean;
  readonly signedOn?: BusinessDate;
  readonly committed?: Committed;
  readonly amendments: number;
  readonly cumulativeInvestment: number;
  readonly startedOn?: BusinessDate;
  readonly completedOn?: BusinessDate;
  readonly productionOn?: BusinessDate;
  readonly actualByYear: Readonly<Record<string, YearActual>>;
  /** Committed vs actual for the latest reported year (1 = as agreed); per mu figures use the agreed land area. */
  readonly latest?: {
    readonly year: number;
    readonly fixedAssetInvestment: number;
    readonly investmentPerMu: number;
    readonly output: number;
    readonly taxPerMu: number;
    readonly outputPerMu: number;
    readonly jobs: number;
  };
  readonly evaluation?: { readonly year: number; readonly on: BusinessDate; readonly verdict: Verdict; readonly ratios: FulfilmentRatios; readonly findings: ReadonlyArray<string> };
  /** The latest verdict, for filtering. */
  readonly verdict?: Verdict;
  readonly incentives: Readonly<Record<string, IncentiveLine>>;
  readonly disbursed: number;
  readonly clawedBack: number;
  readonly rectifications: ReadonlyArray<{ readonly orderedOn: BusinessDate; readonly dueBy: BusinessDate; readonly completedOn?: BusinessDate }>;
  readonly secondaryPromotionOn?: BusinessDate;
  readonly terminatedOn?: BusinessDate;
  readonly landReclaimedOn?: BusinessDate;
  readonly duplicateOf?: string;
}

export const fulfilmentCollection = collection<FulfilmentDoc>('fulfilment', [
  { name: 'unit_signed', fields: ['unitId', 'signed'] },
  { name: 'verdict', fields: ['verdict'] },
]);

/** A fulfilment row with its light as of a date. */
export interface FulfilmentEntry extends FulfilmentDoc {
  readonly asOf: BusinessDate;
  /** red: serious breach, terminated or a rectification overdue; yellow: underperforming or rectifying; green: compliant; blue: not yet evaluated. */
  readonly light: Light;
  readonly openRectifications: number;
}
