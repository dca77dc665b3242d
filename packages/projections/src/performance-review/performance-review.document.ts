import type { BusinessDate } from '@zhaoshang/domain';
import type { ProjectFacts, Rate } from '../counting/project-facts';
import { collection } from '../read-model';
// enterprise requests (R17): the review's request figures
import type { DepartmentRequestReview, RequestFigures } from '../requests/requests.review';
import type { PlanDoc } from '../target-progress/target-progress.document';
// Leading-group meetings' 交办 items (R20)
import type { MeetingItemFigures } from '../meetings/meetings.queries';

/** An outbound promotion trip as the review counts it (R15), after its corrections. */
export interface TripDoc {
  readonly tripId: string;
  readonly leaderId: string;
  readonly unitId: string;
  readonly from: BusinessDate;
  readonly to: BusinessDate;
  /** Years the trip touches (the index a year's review uses). */
  readonly years: ReadonlyArray<number>;
}

export const reviewFacts = collection<ProjectFacts>('review_facts', [
  { name: 'unit', fields: ['unitId'] },
  { name: 'years', fields: ['years'] },
]);
export const reviewPlans = collection<PlanDoc>('review_plans', [
  { name: 'year_scope', fields: ['year', 'scope'] },
]);
export const reviewTrips = collection<TripDoc>('review_trips', [{ name: 'unit', fields: ['unitId'] }]);

/** A review period (R14: 每月通报、季度考评、年终考核). */
export type ReviewPeriod =
  | { readonly kind: 'month'; readonly year: number; readonly index: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly index: number }
  | { readonly kind: 'year'; readonly year: number };

/** The six counts of R13 (completions and production shown apart). Amounts in 分. */
export interface SixCounts {
  readonly effectiveLeads: number;
  readonly newSignings: number;
  readonly newStarts: number;
  readonly newStatisticsEntries: number;
  readonly investmentCompleted: number;
  readonly newCompletions: number;
  readonly newProduction: number;
}

export interface LeaderTrips {
  readonly leaderId: string;
  readonly trips: number;
  readonly days: number;
}

/** One unit's review for a period. */
export interface UnitReview {
  readonly unitId: string;
  readonly counts: SixCounts;
  /** The two rates of R12, year to date at the end of the period. */
  readonly rates: { readonly signedToStarted: Rate; readonly startedToStatistics: Rate };
  /** Missed deadlines raised in the period that still stand (a withdrawn miss is not one). */
  readonly missedMilestones: number;
  /**
   * Missed deadlines still open at the end of the period, whenever raised (a project that filed
   * nothing this year still answers for them); a terminated project's leave from its termination.
   */
  readonly openMissedMilestones: number;
  /**
   * Data quality (DOMAIN.md §5): misses raised in the period that a fact dated on or before the
   * deadline, entered afterwards, withdrew (补录), and corrections of recorded facts made in it.
   */
  readonly lateEntries: number;
  readonly factCorrections: number;
  /** Procedures past their R7 limit and not completed at the end of the period (terminated projects' excepted). */
  readonly overdueProcedures: number;
  /** Terminations (清退) in the period: shown apart, never subtracted from what was signed. */
  readonly terminations: number;
  /** Projects linked as duplicates of another unit's (一炮数响). */
  readonly duplicates: number;
  readonly missedInvestmentReports: number;
  /** R15: trip days of the unit's leaders in the period, and months a principal fell short of the minimum. */
  readonly tripDays: number;
  readonly trips: ReadonlyArray<LeaderTrips>;
  readonly tripShortfalls: number;
  // Weekly 包保 visits (R18, 000 §五.2)
  /** 缺访周数: official weeks that ended in the period without the responsible person's visit, over the unit's projects. */
  readonly missedVisitWeeks?: number;
  readonly score: number;
  readonly breakdown: ReadonlyArray<{
    readonly rule: string;
    readonly label: string;
    readonly points: number;
  }>;
  readonly vetoed: boolean;
  /** 1 = best; units with equal scores share a rank. */
  readonly rank: number;

  // ---- enterprise requests (R17, 004 §(十二)): received, closed on time, overdue, satisfaction; not scored
  readonly requests?: RequestFigures;
  // Leading-group meetings' 交办 items (R20; 003 限时办结制、跟踪问效制)
  /**
   * Items handed to the unit by the leading group's meetings and due in the period: done on time,
   * overdue. Filled by the review query (`performanceReviewQueries`); not scored (no seed weighs it).
   */
  readonly meetingItems?: MeetingItemFigures;
}

/** A performance review (绩效考核) of every unit for a period. */
export interface PerformanceReview {
  readonly period: ReviewPeriod;
  readonly from: BusinessDate;
  readonly to: BusinessDate;
  readonly policy: string;
  readonly units: ReadonlyArray<UnitReview>;

  // ---- enterprise requests (R17): the same figures per department handed requests (交办)
  readonly requestDepartments?: ReadonlyArray<DepartmentRequestReview>;
}
