import type {
  BusinessDate,
  DefinedBreach,
  FulfilmentFindingCode,
  FulfilmentRatios,
  PerMuFigures,
  Ratio,
  Verdict,
} from '@zhaoshang/domain';
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

/** A finding of an evaluation with its words in both languages. */
export interface FindingLine {
  readonly code: FulfilmentFindingCode;
  readonly params: Readonly<Record<string, string | number | null>>;
  readonly zh: string;
  readonly en: string;
}

/** One year's fulfilment evaluation as recorded (FulfilmentEvaluated). */
export interface EvaluationLine {
  readonly year: number;
  readonly on: BusinessDate;
  /** The day the year was judged as of. */
  readonly asOf: BusinessDate;
  readonly verdict: Verdict;
  readonly ratios: FulfilmentRatios;
  /** 亩均投资, 亩均税收, 亩均产值 (亩均效益) in 万元/亩, committed and actual; null where not applicable. */
  readonly perMu: PerMuFigures;
  readonly findings: ReadonlyArray<FindingLine>;
  readonly definedBreach?: DefinedBreach;
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
  /**
   * Committed vs actual for the latest reported year: ratios (1 = as agreed; null = not applicable:
   * nothing committed, or per mu without land) and per-mu figures in 万元/亩 on the agreed land area.
   */
  readonly latest?: {
    readonly year: number;
    readonly fixedAssetInvestment: Ratio;
    readonly investmentPerMu: Ratio;
    readonly output: Ratio;
    readonly outputPerMu: Ratio;
    readonly tax: Ratio;
    readonly taxPerMu: Ratio;
    readonly jobs: Ratio;
    readonly perMu: PerMuFigures;
  };
  /** Every evaluation recorded, in the order recorded (a year evaluated again appears again). */
  readonly evaluations: ReadonlyArray<EvaluationLine>;
  /** The governing evaluation: the latest evaluated year's (R10: 002 §七), the last recorded for that year. */
  readonly evaluation?: EvaluationLine;
  /** The governing verdict, for filtering. */
  readonly verdict?: Verdict;
  readonly incentives: Readonly<Record<string, IncentiveLine>>;
  readonly disbursed: number;
  readonly clawedBack: number;
  readonly rectifications: ReadonlyArray<{
    readonly orderedOn: BusinessDate;
    readonly dueBy: BusinessDate;
    readonly completedOn?: BusinessDate;
  }>;
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
  /** The evaluation that governed on `asOf`: the highest year evaluated by then (R10). */
  readonly governing?: EvaluationLine;
  /** Each year's evaluation as it stood on `asOf` (the last recorded by then), by year. */
  readonly byYear: Readonly<Record<string, EvaluationLine>>;
}
