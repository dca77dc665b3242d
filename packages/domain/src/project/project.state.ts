import type { BusinessDate, Year, YearMonth } from '../shared/dates';
import type {
  AgreementId,
  IncentiveId,
  LeaderId,
  NonEmptyText,
  ProcedureId,
  ProjectId,
  UnitId,
} from '../shared/ids';
import type { Cny, Usd } from '../shared/money';
import type { AgreementTerms, DefinedBreach, Investor, ProcedureApproval } from './project.events';
import type { ProjectProfile } from './project.profile';
import type {
  Channel,
  Department,
  LeaderRole,
  LegalReviewer,
  Opinion,
  ProcedureKind,
  Signatory,
  Stage,
  MilestoneKind,
  TerminationBasis,
  Verdict,
  WithdrawalReason,
} from './project.vocabulary';

/** No event yet: the stream does not exist. */
export interface NoProject {
  readonly status: 'none';
}

export interface Consultation {
  readonly openedOn: BusinessDate;
  readonly departments: ReadonlyArray<Department>;
  readonly opinions: Readonly<Partial<Record<Department, Opinion>>>;
}

export interface AssignedLeader {
  readonly leaderId: LeaderId;
  readonly name: NonEmptyText;
  readonly since: BusinessDate;
}

export interface SignedAgreement {
  readonly agreementId: AgreementId;
  readonly signedOn: BusinessDate;
  readonly signatory: Signatory;
  /** Terms in force (after the latest amendment). */
  readonly terms: AgreementTerms;
  /** Terms as signed: counting "signed ≥ 1亿" uses these unless amended (DOMAIN.md §5). */
  readonly termsAtSigning: AgreementTerms;
  readonly amendments: number;
  /** The day of the signing or of the latest amendment. */
  readonly changedOn: BusinessDate;
  /** The latest legal review since the signing or the latest amendment (of a draft supplementary agreement). */
  readonly reviewSinceChange?: {
    readonly reviewer: LegalReviewer;
    readonly passed: boolean;
    readonly on: BusinessDate;
  };
}

export interface ProcedureState {
  readonly procedureId: ProcedureId;
  readonly kind: ProcedureKind;
  readonly department: Department;
  readonly completeOn: BusinessDate;
  readonly special: boolean;
  /** Approval level and, for the district's own approvals, the R7 deadline (due or pending calendar). */
  readonly approval: ProcedureApproval;
  readonly completedOn?: BusinessDate;
  /** Working days from the complete file to completion, once countable. */
  readonly workingDaysTaken?: number;
  /** District approvals: whether completed by the deadline, once the deadline is known. */
  readonly withinTimeLimit?: boolean;
}

export interface YearlyPerformance {
  readonly output: Cny;
  readonly tax: Cny;
  readonly jobs: number;
  readonly investmentToDate: Cny;
  readonly reportedOn: BusinessDate;
}

/** One year's fulfilment evaluation as the rules need it. */
export interface YearEvaluation {
  readonly year: Year;
  readonly on: BusinessDate;
  readonly verdict: Verdict;
  readonly definedBreach?: DefinedBreach;
}

export interface IncentiveAccount {
  readonly ceiling: Cny;
  readonly disbursed: Cny;
  readonly clawedBack: Cny;
}

export interface Rectification {
  readonly orderedOn: BusinessDate;
  readonly dueBy: BusinessDate;
  readonly completedOn?: BusinessDate;
}

/** A raised miss that was withdrawn: the fact met the deadline and was entered late, or corrected. */
export interface WithdrawnMilestone {
  readonly kind: MilestoneKind;
  readonly dueOn: BusinessDate;
  readonly raisedOn: BusinessDate;
  readonly reason: WithdrawalReason;
  readonly factOn: BusinessDate;
}

/** Money actually received for the project (利用外资 in USD cents, 利用省外资金 in 分), by receipt. */
export interface CapitalReceipt {
  readonly kind: 'foreign-capital' | 'out-of-province-funds';
  readonly amount: number;
  readonly on: BusinessDate;
  /** The source country/region or province, as recorded. */
  readonly source?: string;
}

/** A project that exists: everything the rules need, folded from its events. */
export interface Project {
  readonly status: 'open' | 'closed';
  readonly projectId: ProjectId;
  readonly unitId: UnitId;
  readonly name: NonEmptyText;
  readonly origin: 'lead' | 'planned';
  readonly stage: Stage;
  readonly investor?: Investor;
  readonly industryChain: NonEmptyText;
  readonly content: NonEmptyText;
  readonly channel?: Channel;
  readonly intendedInvestment: Cny;
  readonly foreignCapital?: Usd;
  readonly capturedOn: BusinessDate;
  /** The latest business date of any fact about the project. */
  readonly lastActivityOn: BusinessDate;
  readonly qualifiedOn?: BusinessDate;
  readonly consultation?: Consultation;
  readonly admission?: { readonly decision: 'approved' | 'rejected'; readonly on: BusinessDate };
  readonly dueDiligenceOn?: BusinessDate;
  readonly leaders: Readonly<Partial<Record<LeaderRole, AssignedLeader>>>;
  readonly lastVisitOn?: BusinessDate;
  readonly legalReview?: {
    readonly reviewer: LegalReviewer;
    readonly passed: boolean;
    readonly on: BusinessDate;
  };
  readonly agreement?: SignedAgreement;
  readonly procedures: Readonly<Record<string, ProcedureState>>;
  readonly startedOn?: BusinessDate;
  readonly statistics?: { readonly on: BusinessDate; readonly code: NonEmptyText };
  readonly completedOn?: BusinessDate;
  readonly productionOn?: BusinessDate;
  readonly capacityOn?: BusinessDate;
  /** Investment completed per month (a correction replaces the month's figure). */
  readonly investmentByMonth: Readonly<Record<string, Cny>>;
  readonly cumulativeInvestment: Cny;
  readonly performance: Readonly<Record<number, YearlyPerformance>>;
  /** Each evaluated year's latest evaluation (R9: 000 §三.4 近年项目 … 完成比率). */
  readonly evaluations: Readonly<Record<number, YearEvaluation>>;
  /**
   * R10 (002 §七, DOMAIN.md): the latest evaluated year governs. This is the evaluation of the
   * highest year evaluated; evaluating an earlier year afterwards is recorded in `evaluations`
   * but does not replace it. Rules that depend on the verdict read this one.
   */
  readonly governingEvaluation?: YearEvaluation;
  readonly incentives: Readonly<Record<string, IncentiveAccount>>;
  readonly secondaryPromotionOn?: BusinessDate;
  readonly rectifications: ReadonlyArray<Rectification>;
  /**
   * Deadlines raised as MilestoneMissed and still standing, by key, with their due date and the
   * day they were raised (each is raised once; a withdrawal moves it to `withdrawnMilestones`).
   */
  readonly missedMilestones: Readonly<
    Record<string, { readonly dueOn: BusinessDate; readonly raisedOn: BusinessDate }>
  >;
  /** Misses withdrawn because the fact met the deadline (late entry or correction), by key. */
  readonly withdrawnMilestones: Readonly<Record<string, WithdrawnMilestone>>;
  readonly landReclaimedOn?: BusinessDate;
  readonly termination?: { readonly on: BusinessDate; readonly basis: TerminationBasis };
  readonly abandonedOn?: BusinessDate;
  readonly duplicateOf?: ProjectId;
  /** The canonical project of the link most recently undone (a repeated undo is then harmless). */
  readonly unlinkedFrom?: ProjectId;
  /** Capital actually received, by receipt id (R11: money received, not promised). */
  readonly receipts: Readonly<Record<string, CapitalReceipt>>;
  // Weekly 包保 visits (R18, 000 §五.2)
  /** The 包保责任人 by the day of their assignment (a later assignment on the same day replaces it). */
  readonly responsiblePersons: Readonly<Record<string, ResponsiblePerson>>;
  /** Every visit recorded, by `visitKey` (a day and who: a repeat of the same visit is one visit). */
  readonly visits: Readonly<Record<string, SiteVisit>>;
  /** Official weeks raised as VisitWeekMissed, by ISO week, with the day the clock raised each. */
  readonly missedVisitWeeks: Readonly<Record<string, BusinessDate>>;
  // The project's profile (R22)
  /** 项目类别, 园区, 镇街, 项目代码, 备案证号, 用地类型, 供地进度 as recorded so far (absent: none yet). */
  readonly profile?: ProjectProfile;
}

/** Who was assigned as 包保责任人, and from which day (R6, R18). */
export interface ResponsiblePerson {
  readonly leaderId: LeaderId;
  readonly name: NonEmptyText;
  readonly since: BusinessDate;
}

/** A visit to the project: the day and who (R18). */
export interface SiteVisit {
  readonly leaderId: LeaderId;
  readonly on: BusinessDate;
}

/** The key of a visit in `Project.visits`. */
export const visitKey = (v: SiteVisit): string => `${v.on} ${v.leaderId}`;

/** The state of a project stream. */
export type ProjectState = NoProject | Project;

export const initialProjectState: ProjectState = { status: 'none' };

/** Stages after which nothing more happens to the project. */
export const CLOSED_STAGES: ReadonlySet<Stage> = new Set<Stage>([
  'discarded',
  'abandoned',
  'terminated',
  'rejected',
]);

export const isProject = (s: ProjectState): s is Project => s.status !== 'none';

/** The incentive account, or undefined if the agreement grants no such incentive. */
export const incentiveAccount = (p: Project, id: IncentiveId): IncentiveAccount | undefined =>
  p.incentives[id];

/** The verdict that governs the project (R10: the latest evaluated year's), if any. */
export const governingVerdict = (p: Project): Verdict | undefined => p.governingEvaluation?.verdict;

/** Months of investment reported, in order (for reports). */
export const reportedMonths = (p: Project): ReadonlyArray<YearMonth> =>
  Object.keys(p.investmentByMonth).sort() as YearMonth[];
