import type {
  ApprovalLevel,
  BusinessDate,
  DeadlineStatus,
  Department,
  LandUse,
  LeaderRole,
  ProcedureKind,
  ProjectCategory,
  Stage,
  SupplyStatus,
  WithdrawalReason,
} from '@zhaoshang/domain';
import { collection } from '../read-model';
import type { Light } from '../traffic-light/traffic-light';

/** A node of a project's progress bar: a deadline and when it was met. */
export interface RegisterNode {
  readonly key: string;
  readonly kind: 'stage' | 'schedule' | 'procedure' | 'rectification';
  /** What the node is, in the register's words (e.g. 协议约定开工, 环评). */
  readonly label: string;
  readonly dueOn?: BusinessDate;
  readonly doneOn?: BusinessDate;
  /** Procedures: who approves it (R7: the 3/10-day limit binds the district's own approvals only). */
  readonly approvalLevel?: ApprovalLevel;
  /** Procedures: which kind (环评, 施工许可 …), for the procedures sheet's columns (R22). */
  readonly procedureKind?: ProcedureKind;
  /**
   * Procedures: 'due' with `dueOn`; 'pending-calendar' while the count waits for a year's official
   * holiday schedule (`pendingCalendarYear`; no date is guessed, never overdue); 'tracked' for
   * higher-level approvals followed up without a limit (跟踪办结).
   */
  readonly deadlineStatus?: DeadlineStatus;
  readonly pendingCalendarYear?: number;
}

// The register's columns offices keep (R22, DOMAIN.md §6 procedures sheet)
/**
 * A procedure of the register's procedures sheet (环评, 安评, 能评, 施工图审查, 施工许可 …): the
 * latest application of its kind, its department, and when it was completed.
 */
export interface RegisterProcedure {
  readonly procedureId: string;
  readonly department: Department;
  /** Higher-level approvals: the authority it is reported to, when recorded (批准部门). */
  readonly authority?: string;
  /** The day the application became complete (申报). */
  readonly requestedOn: BusinessDate;
  readonly completedOn?: BusinessDate;
  /** 批复文号 / 证号, when recorded. */
  readonly approvalNo?: string;
}

/** One row of the 招商引资工作台账 (DOMAIN.md §4.1, §6 register columns). Amounts in 分. */
export interface RegisterDoc {
  readonly projectId: string;
  readonly unitId: string;
  readonly name: string;
  readonly origin: 'lead' | 'planned';
  readonly stage: Stage;
  readonly closed: boolean;
  readonly investorName?: string;
  readonly investorCreditCode?: string;
  readonly investorOrigin?: string;
  readonly industryChain: string;
  readonly content: string;
  readonly channel?: string;
  readonly intendedInvestment: number;
  /** The agreement's total investment in force, or the intended one before signing: the size a list shows. */
  readonly investment: number;
  readonly fixedAssetInvestment?: number;
  readonly landArea?: number;
  readonly agreementAmendments?: number;
  readonly capturedOn: BusinessDate;
  readonly lastActivityOn: BusinessDate;
  readonly signedOn?: BusinessDate;
  readonly startedOn?: BusinessDate;
  readonly statisticsOn?: BusinessDate;
  readonly statisticsCode?: string;
  readonly completedOn?: BusinessDate;
  readonly productionOn?: BusinessDate;
  readonly closedOn?: BusinessDate;
  readonly leaders: Readonly<
    Partial<Record<LeaderRole, { readonly leaderId: string; readonly name: string }>>
  >;
  /** The responsible leader's name (包保领导), for sorting and filtering. */
  readonly responsibleLeader?: string;
  readonly cumulativeInvestment: number;
  readonly nodes: ReadonlyArray<RegisterNode>;
  /** The earliest deadline of a node not yet met (the next thing to watch). */
  readonly nextDeadline?: BusinessDate;
  /** Missed deadlines raised by the watcher (overdue flags), by milestone key. */
  readonly missedMilestones: ReadonlyArray<string>;
  /**
   * The exit rule's term (months) of each exit-rule miss raised, by milestone key: the policy's
   * figure a register prints (三个月不开工), never one read from a kind name.
   */
  readonly exitRuleTerms?: Readonly<Record<string, number>>;
  /**
   * Misses withdrawn because the fact met the deadline: entered late (补录) or corrected (DOMAIN.md §5).
   * They are no longer overdue flags.
   */
  readonly withdrawnMilestones?: ReadonlyArray<{ readonly key: string; readonly reason: WithdrawalReason }>;
  /** Corrections of recorded facts (dates, 统计编码), each a FactCorrected event with its reason. */
  readonly corrections?: number;
  /** Set while the project is linked as a duplicate of another (一炮数响): listed, and counted only if its group has no better member. */
  readonly duplicateOf?: string;
  /**
   * Stored: false while linked. In a query's answer: whether the project is the one counted member
   * of its group of duplicates (`countedMembers`, R13 · 004 §(十六)); true for a project in no group.
   */
  readonly counted: boolean;
  // Weekly 包保 visits (R18, 000 §五.2)
  /**
   * The latest visit by its date (最近走访): the day, who, and their name when they hold a role of
   * the project (包保领导 / 包保责任人 …) at the time the visit was recorded.
   */
  readonly lastVisit?: { readonly on: BusinessDate; readonly leaderId: string; readonly name?: string };
  /** Official weeks raised by the clock without a visit of the responsible person (缺访周数, R18). */
  readonly visitWeeksMissed?: number;
  // The project's profile (R22, DOMAIN.md §6): absent until recorded
  /** 项目类别. */
  readonly category?: ProjectCategory;
  /** 园区: a unit of kind park of the deployment's registry. */
  readonly parkId?: string;
  /** 镇街: a unit of kind town. */
  readonly townId?: string;
  /** 项目代码 (投资项目在线审批监管平台). */
  readonly projectCode?: string;
  /** 备案证号. */
  readonly filingNo?: string;
  /** 用地类型, as recorded in the profile (a plot allocated to the project says it first: `RegisterEntry.land`). */
  readonly landUse?: LandUse;
  /** 供地进度, as recorded in the profile (the allocated plot's supply status comes first). */
  readonly landSupply?: SupplyStatus;
  /** The latest application of each kind of procedure (the procedures sheet's columns). */
  readonly procedures?: Readonly<Partial<Record<ProcedureKind, RegisterProcedure>>>;
}

/** Project register: one document per project. */
export const registerCollection = collection<RegisterDoc>('register', [
  { name: 'unit_stage', fields: ['unitId', 'stage'] },
  { name: 'captured', fields: ['capturedOn'] },
  { name: 'next_deadline', fields: ['nextDeadline'] },
  { name: 'credit_code', fields: ['investorCreditCode'] },
  { name: 'duplicate', fields: ['duplicateOf'] },
]);

/** A register row as a query returns it: the document and its traffic lights as of a date. */
export interface RegisterEntry extends RegisterDoc {
  readonly asOf: BusinessDate;
  readonly light: Light;
  readonly nodeLights: ReadonlyArray<{ readonly key: string; readonly light: Light }>;
  /** Leads only: months without progress and whether the lead is dropped from the active list. */
  readonly idleMonths?: number;
  readonly dropped?: boolean;
  /** Started projects: the 入库纳统 light (1 month yellow, 2 months red by default). */
  readonly statisticsLight?: Light;
  // The register's land columns (R22 · DOMAIN.md §6 用地类型, 供地进度; R19 plots)
  /**
   * 用地类型 and 供地进度 as the register prints them: from the plot allocated to the project when
   * there is one (`source: 'plot'`, the land register's figures), else as recorded in the profile.
   */
  readonly land?: {
    readonly source: 'plot' | 'profile';
    readonly plotId?: string;
    readonly landUse?: LandUse;
    readonly supply?: SupplyStatus;
  };
}
