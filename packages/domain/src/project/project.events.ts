import * as t from 'io-ts';
import { CreditCode } from '../shared/credit-code';
import { BusinessDate, YearMonth, Year } from '../shared/dates';
import { catalogueCodec, defineEvent, EventOf, struct } from '../shared/event-codec';
import { Evidence } from '../shared/evidence';
import {
  AgreementId,
  IncentiveId,
  LeaderId,
  NonEmptyText,
  ProcedureId,
  ProjectId,
  UnitId,
} from '../shared/ids';
import { Cny, Count, Mu, Usd } from '../shared/money';
import {
  CatalogueClass,
  Channel,
  CorrectableFact,
  ConstructionNature,
  Department,
  FulfilmentFindingCode,
  IncentiveKind,
  LandSupply,
  LeaderRole,
  LegalReviewer,
  MilestoneKind,
  NegativeListStatus,
  Opinion,
  ProcedureKind,
  RejectionGround,
  Signatory,
  TerminationBasis,
  Verdict,
  WithdrawalReason,
} from './project.vocabulary';
import { ProjectProfile } from './project.profile';

/** The investor (投资方): its name and, once known, its 统一社会信用代码. */
export const Investor = struct(
  { name: NonEmptyText },
  { creditCode: CreditCode, origin: NonEmptyText /* 来源地: province or country */ },
  'Investor',
);
export type Investor = t.TypeOf<typeof Investor>;

/** Schedule fixed by an agreement (R5, R8). */
export const Schedule = struct(
  { startBy: BusinessDate, completeBy: BusinessDate, produceBy: BusinessDate },
  'Schedule',
);
export type Schedule = t.TypeOf<typeof Schedule>;

/** Social contribution committed yearly once in production (R5: 亩均税收, 产值, 就业). */
export const Commitments = struct({ annualOutput: Cny, annualTax: Cny, jobs: Count }, 'Commitments');
export type Commitments = t.TypeOf<typeof Commitments>;

/** One incentive granted by the agreement, with the ceiling that can ever be disbursed. */
export const Incentive = struct(
  { incentiveId: IncentiveId, kind: IncentiveKind, ceiling: Cny, conditions: NonEmptyText },
  'Incentive',
);
export type Incentive = t.TypeOf<typeof Incentive>;

/** The terms of an investment agreement (R5: 000 §三.2/§三.4, 001 §(四)). */
export const AgreementTerms = struct(
  {
    totalInvestment: Cny,
    fixedAssetInvestment: Cny,
    landSupply: LandSupply,
    landArea: Mu,
    schedule: Schedule,
    commitments: Commitments,
    incentives: t.readonlyArray(Incentive),
    /** Clauses that let incentives be withheld or clawed back (约束条款). */
    clawbackClause: t.boolean,
  },
  { foreignCapital: Usd },
  'AgreementTerms',
);
export type AgreementTerms = t.TypeOf<typeof AgreementTerms>;

/** A correction says what it corrects and why: history is never rewritten (DOMAIN.md §5). */
export const Correction = struct({ reason: NonEmptyText }, 'Correction');

const project = { projectId: ProjectId };

export const LeadCaptured = defineEvent(
  'LeadCaptured',
  struct(
    {
      ...project,
      unitId: UnitId,
      name: NonEmptyText,
      investor: Investor,
      industryChain: NonEmptyText,
      content: NonEmptyText,
      channel: Channel,
      intendedInvestment: Cny,
      capturedOn: BusinessDate,
    },
    { foreignCapital: Usd, landDemand: Mu, advisor: NonEmptyText },
  ),
  { version: 2, zh: '获取招商线索', en: 'An investment lead was captured', rules: ['R16'] },
);

export const ProjectPlanned = defineEvent(
  'ProjectPlanned',
  struct({
    ...project,
    unitId: UnitId,
    name: NonEmptyText,
    industryChain: NonEmptyText,
    content: NonEmptyText,
    intendedInvestment: Cny,
    plannedOn: BusinessDate,
  }),
  {
    zh: '谋划项目（尚无投资方）',
    en: 'The zone planned a project of its own (no investor yet)',
    rules: ['R11'],
  },
);

export const LeadQualified = defineEvent(
  'LeadQualified',
  struct({ ...project, on: BusinessDate, assessment: NonEmptyText }, { investor: Investor }),
  { zh: '线索研判为有效', en: 'The lead was judged genuine', rules: ['R13'] },
);

export const LeadDiscarded = defineEvent(
  'LeadDiscarded',
  struct({ ...project, on: BusinessDate, reason: NonEmptyText }),
  { zh: '线索放弃', en: 'The lead was discarded' },
);

export const ConsultationOpened = defineEvent(
  'ConsultationOpened',
  struct({ ...project, on: BusinessDate, departments: t.readonlyArray(Department) }),
  {
    zh: '启动论证准入、征求部门意见',
    en: 'Admission review opened, departments consulted',
    rules: ['R1', 'R2'],
  },
);

export const DepartmentOpinionRecorded = defineEvent(
  'DepartmentOpinionRecorded',
  struct(
    { ...project, department: Department, opinion: Opinion, summary: NonEmptyText, on: BusinessDate },
    { evidence: Evidence },
  ),
  { zh: '部门书面意见', en: 'A department gave its written opinion', rules: ['R2'] },
);

export const AdmissionApproved = defineEvent(
  'AdmissionApproved',
  struct(
    {
      ...project,
      on: BusinessDate,
      catalogueClass: CatalogueClass,
      negativeList: NegativeListStatus,
      minutesRef: NonEmptyText,
    },
    {
      conditions: NonEmptyText,
      /** 建设性质 (absent in events recorded before it was asked). */
      constructionNature: ConstructionNature,
      /** The leading group's stated reason for admitting over unfavourable department opinions. */
      overrulingReason: NonEmptyText,
    },
  ),
  { zh: '领导小组准入通过', en: 'The leading group approved admission', rules: ['R1', 'R2'] },
);

export const AdmissionRejected = defineEvent(
  'AdmissionRejected',
  struct({ ...project, on: BusinessDate, ground: RejectionGround, reason: NonEmptyText }),
  { zh: '准入未通过', en: 'Admission was refused', rules: ['R2'] },
);

export const DueDiligenceCompleted = defineEvent(
  'DueDiligenceCompleted',
  struct({ ...project, on: BusinessDate, summary: NonEmptyText }, { evidence: Evidence }),
  { zh: '完成尽职调查', en: 'Due diligence on the investor was completed', rules: ['R3'] },
);

export const LeaderAssigned = defineEvent(
  'LeaderAssigned',
  struct(
    { ...project, role: LeaderRole, leaderId: LeaderId, name: NonEmptyText, on: BusinessDate },
    { replaces: LeaderId },
  ),
  { zh: '明确包保领导/责任人', en: 'A responsible leader or officer was assigned', rules: ['R6'] },
);

/**
 * Version 2 (R18, 000 §五.2 「包保责任人每周不少于一次对包保单位进行走访调研，对需要处理的问题及时协调解决」)
 * records what the visit found and what it solved (each possibly none); version 1 (date, who,
 * summary) is read with both lists empty (project.upcasters.ts): it recorded neither.
 */
export const SiteVisitRecorded = defineEvent(
  'SiteVisitRecorded',
  struct(
    {
      ...project,
      /** Who visited: the 包保责任人 for the weekly visit, or another officer. */
      leaderId: LeaderId,
      on: BusinessDate,
      summary: NonEmptyText,
      /** Problems the visit found (需要处理的问题). */
      issuesFound: t.readonlyArray(NonEmptyText),
      /** Problems the visit solved on the spot or saw solved (及时协调解决). */
      issuesSolved: t.readonlyArray(NonEmptyText),
    },
    { evidence: Evidence },
  ),
  { version: 2, zh: '走访服务记录', en: 'A visit to the project was recorded', rules: ['R6', 'R18'] },
);

export const NegotiationHeld = defineEvent(
  'NegotiationHeld',
  struct({ ...project, on: BusinessDate, summary: NonEmptyText }),
  { zh: '洽谈记录', en: 'A negotiation round was held' },
);

export const LegalReviewPassed = defineEvent(
  'LegalReviewPassed',
  struct({ ...project, on: BusinessDate, reviewer: LegalReviewer, opinion: NonEmptyText }),
  { zh: '合法性审查通过', en: 'The draft agreement passed legal review', rules: ['R4'] },
);

export const LegalReviewFailed = defineEvent(
  'LegalReviewFailed',
  struct({ ...project, on: BusinessDate, reviewer: LegalReviewer, reason: NonEmptyText }),
  { zh: '合法性审查未通过', en: 'The draft agreement failed legal review', rules: ['R4'] },
);

export const AgreementSigned = defineEvent(
  'AgreementSigned',
  struct({
    ...project,
    agreementId: AgreementId,
    on: BusinessDate,
    signatory: Signatory,
    /** The leading group's approval of the reviewed agreement (R4: 002 §六). */
    leadingGroupMinutesRef: NonEmptyText,
    terms: AgreementTerms,
    evidence: Evidence,
  }),
  { zh: '签订投资协议', en: 'The investment agreement was signed', rules: ['R1', 'R3', 'R4', 'R5', 'R6'] },
);

export const AgreementAmended = defineEvent(
  'AgreementAmended',
  struct(
    {
      ...project,
      agreementId: AgreementId,
      on: BusinessDate,
      terms: AgreementTerms,
      reason: NonEmptyText,
      evidence: Evidence,
    },
    {
      /** The leading group's approval of a supplementary agreement that legal review had to see (R4: 002 §六). */
      leadingGroupMinutesRef: NonEmptyText,
    },
  ),
  {
    zh: '协议变更（补充协议）',
    en: 'The agreement was amended (supplementary agreement)',
    rules: ['R1', 'R3', 'R4', 'R5'],
  },
);

/**
 * When a district procedure's time limit ends: a due date, or the year whose official holiday
 * schedule the count is waiting for (R7: a year not yet published is never guessed).
 */
export const ProcedureDeadline = t.union(
  [
    struct({ kind: t.literal('due'), dueOn: BusinessDate }, 'DeadlineDue'),
    struct({ kind: t.literal('pending-calendar'), year: Year }, 'DeadlinePendingCalendar'),
  ],
  'ProcedureDeadline',
);
export type ProcedureDeadline = t.TypeOf<typeof ProcedureDeadline>;

/**
 * Who approves a procedure and, for the district's own approvals, its time limit (R7: 001 §(三)2).
 * 属本区审批的事项: 3 working days after a complete file, 10 in special cases. 需上报有关部门审批的:
 * reported up and followed to completion (跟踪办结), with no working-day limit.
 */
export const ProcedureApproval = t.union(
  [
    struct(
      {
        level: t.literal('district'),
        /** Working-day time limit: 3, or 10 in special cases. */
        workingDays: Count,
        deadline: ProcedureDeadline,
      },
      'DistrictApproval',
    ),
    struct(
      { level: t.literal('higher-level') },
      { /** The authority it is reported to (e.g. 市自然资源和规划局). */ authority: NonEmptyText },
      'HigherLevelApproval',
    ),
  ],
  'ProcedureApproval',
);
export type ProcedureApproval = t.TypeOf<typeof ProcedureApproval>;

/**
 * Version 2 records the approval level and, for district approvals, a deadline that may be pending
 * on a year's calendar; version 1 (a flat `timeLimitDays` and `dueOn`) is read as a district
 * approval due on its `dueOn` (project.upcasters.ts).
 */
export const ProcedureRequested = defineEvent(
  'ProcedureRequested',
  struct(
    {
      ...project,
      procedureId: ProcedureId,
      kind: ProcedureKind,
      department: Department,
      /** The day the application became complete: the time limit counts from the next working day. */
      completeOn: BusinessDate,
      special: t.boolean,
      approval: ProcedureApproval,
    },
    { title: NonEmptyText },
  ),
  {
    version: 2,
    zh: '手续申报（材料齐全）',
    en: 'A procedure was applied for with a complete file',
    rules: ['R7'],
  },
);

/**
 * A district procedure's deadline that waited for a year's official holiday schedule, computed once
 * the schedule was adopted (by the server's deadline watcher, never by a caller).
 */
export const ProcedureDeadlineComputed = defineEvent(
  'ProcedureDeadlineComputed',
  struct(
    {
      ...project,
      procedureId: ProcedureId,
      dueOn: BusinessDate,
      /** The year whose adopted schedule made the count possible. */
      calendarYear: Year,
      computedOn: BusinessDate,
    },
    /** For a procedure already completed: the count its completion could not make then. */
    { workingDaysTaken: Count, withinTimeLimit: t.boolean },
  ),
  {
    zh: '手续办结时限确定（节假日安排公布后）',
    en: "A procedure's deadline was computed once its year's holiday schedule was adopted",
    rules: ['R7'],
  },
);

export const ProcedureCompleted = defineEvent(
  'ProcedureCompleted',
  struct(
    {
      ...project,
      procedureId: ProcedureId,
      on: BusinessDate,
      /** Receipt (回执单) number recording the department's handling (R7: 001 §(三)4). */
      receiptNo: NonEmptyText,
      handler: NonEmptyText,
    },
    {
      approvalNo: NonEmptyText,
      evidence: Evidence,
      /** Absent while the count reaches into a year whose official schedule is not adopted yet. */
      workingDaysTaken: Count,
      /** District approvals only; absent while their deadline is pending on the calendar. */
      withinTimeLimit: t.boolean,
    },
  ),
  { zh: '手续办结', en: 'A procedure was completed', rules: ['R7'] },
);

export const ConstructionStarted = defineEvent(
  'ConstructionStarted',
  struct({ ...project, on: BusinessDate, evidence: Evidence }),
  { zh: '项目开工', en: 'Construction started', rules: ['R8', 'R12', 'R13'] },
);

export const InvestmentProgressReported = defineEvent(
  'InvestmentProgressReported',
  struct(
    {
      ...project,
      period: YearMonth,
      completedInPeriod: Cny,
      cumulative: Cny,
      on: BusinessDate,
      evidence: Evidence,
    },
    { correction: Correction },
  ),
  { zh: '报送投资进度（完成投资）', en: 'Investment completed in a month was reported', rules: ['R13'] },
);

export const EnteredStatistics = defineEvent(
  'EnteredStatistics',
  struct({ ...project, on: BusinessDate, statisticsCode: NonEmptyText }),
  { zh: '入库纳统', en: 'The project entered the statistics (入库纳统)', rules: ['R12', 'R13'] },
);

export const ConstructionCompleted = defineEvent(
  'ConstructionCompleted',
  struct({ ...project, on: BusinessDate, evidence: Evidence }),
  { zh: '项目竣工', en: 'Construction was completed', rules: ['R9', 'R13'] },
);

export const ProductionStarted = defineEvent(
  'ProductionStarted',
  struct({ ...project, on: BusinessDate, evidence: Evidence }),
  { zh: '项目投产', en: 'Production started', rules: ['R8', 'R13'] },
);

export const CapacityReached = defineEvent(
  'CapacityReached',
  struct({ ...project, on: BusinessDate, evidence: Evidence }),
  { zh: '达产达效', en: 'Designed capacity was reached', rules: ['R8'] },
);

export const PerformanceReported = defineEvent(
  'PerformanceReported',
  struct(
    {
      ...project,
      year: Year,
      output: Cny,
      tax: Cny,
      jobs: Count,
      investmentToDate: Cny,
      on: BusinessDate,
      evidence: Evidence,
    },
    { correction: Correction },
  ),
  { zh: '报送年度产出（产值、税收、就业）', en: 'Yearly output, tax and jobs were reported', rules: ['R9'] },
);

/**
 * Actual ÷ committed, kept to four decimals (1 = as agreed), or null when the ratio is not
 * applicable: a figure over nothing (no land, nothing committed) or one the project cannot have
 * yet (output before its production deadline). Never 1 for "nothing over nothing".
 */
export const Ratio = t.union([t.number, t.null], 'Ratio');
export type Ratio = t.TypeOf<typeof Ratio>;

/** Committed vs actual figures of a fulfilment evaluation, as ratios (R9: 000 §三.4). */
export const FulfilmentRatios = struct(
  {
    fixedAssetInvestment: Ratio,
    investmentPerMu: Ratio,
    output: Ratio,
    outputPerMu: Ratio,
    tax: Ratio,
    taxPerMu: Ratio,
    jobs: Ratio,
    /** Agreed construction days ÷ actual construction days (≥ 1 when on time). */
    constructionPeriod: Ratio,
  },
  'FulfilmentRatios',
);
export type FulfilmentRatios = t.TypeOf<typeof FulfilmentRatios>;

/** A per-mu figure in 万元/亩 (two decimals), as committed and as achieved; null where not applicable. */
export const PerMuFigure = struct({ committed: Ratio, actual: Ratio }, 'PerMuFigure');
export type PerMuFigure = t.TypeOf<typeof PerMuFigure>;

/** R5/R9 (000 §三.2/§三.4): 亩均投资, 亩均税收, 亩均产值 (亩均效益), in 万元/亩. */
export const PerMuFigures = struct(
  { investment: PerMuFigure, tax: PerMuFigure, output: PerMuFigure },
  'PerMuFigures',
);
export type PerMuFigures = t.TypeOf<typeof PerMuFigures>;

/** One reason for a verdict: a code of the findings catalogue and the figures its message needs. */
export const FulfilmentFinding = struct(
  {
    code: FulfilmentFindingCode,
    params: t.readonly(t.record(t.string, t.union([t.string, t.number, t.null]))),
  },
  'FulfilmentFinding',
);
export type FulfilmentFinding = t.TypeOf<typeof FulfilmentFinding>;

/** A breach the agreement itself defines (R10: 002 §七 按协议条款约定), stated by the evaluator. */
export const DefinedBreach = struct({ clause: NonEmptyText, description: NonEmptyText }, 'DefinedBreach');
export type DefinedBreach = t.TypeOf<typeof DefinedBreach>;

/**
 * Version 2 (issue #11): ratios may be "not applicable" (null), per-mu figures in 万元/亩,
 * findings as codes with params (bilingual through the findings catalogue), the date the year
 * was judged as of (`asOf`: the year's last day, or the evaluation day if earlier), and a breach
 * the agreement defines. Version 1 is read through `fulfilmentEvaluatedV1toV2`.
 */
export const FulfilmentEvaluated = defineEvent(
  'FulfilmentEvaluated',
  struct(
    {
      ...project,
      on: BusinessDate,
      year: Year,
      asOf: BusinessDate,
      ratios: FulfilmentRatios,
      perMu: PerMuFigures,
      verdict: Verdict,
      findings: t.readonlyArray(FulfilmentFinding),
    },
    { definedBreach: DefinedBreach },
  ),
  { version: 2, zh: '履约评估', en: 'Fulfilment of the agreement was evaluated', rules: ['R9', 'R10'] },
);

export const IncentiveDisbursed = defineEvent(
  'IncentiveDisbursed',
  struct({ ...project, incentiveId: IncentiveId, amount: Cny, on: BusinessDate, evidence: Evidence }),
  { zh: '政策兑现（拨付扶持资金）', en: 'An incentive was paid out', rules: ['R10'] },
);

export const SecondaryPromotionStarted = defineEvent(
  'SecondaryPromotionStarted',
  struct({ ...project, on: BusinessDate, plan: NonEmptyText }),
  { zh: '启动二次招商', en: 'Secondary promotion started for an underperforming project', rules: ['R10'] },
);

export const RectificationOrdered = defineEvent(
  'RectificationOrdered',
  struct({ ...project, on: BusinessDate, dueBy: BusinessDate, items: t.readonlyArray(NonEmptyText) }),
  { zh: '责令限期整改', en: 'Rectification was ordered with a deadline', rules: ['R9', 'R10'] },
);

export const RectificationCompleted = defineEvent(
  'RectificationCompleted',
  struct({ ...project, on: BusinessDate, summary: NonEmptyText }, { evidence: Evidence }),
  { zh: '整改完成', en: 'Rectification was completed', rules: ['R9'] },
);

export const SubsidyClawedBack = defineEvent(
  'SubsidyClawedBack',
  struct({ ...project, incentiveId: IncentiveId, amount: Cny, on: BusinessDate, reason: NonEmptyText }),
  { zh: '追回扶持资金', en: 'A subsidy was clawed back', rules: ['R9', 'R10'] },
);

export const LandReclaimed = defineEvent(
  'LandReclaimed',
  struct({ ...project, on: BusinessDate, area: Mu, reason: NonEmptyText }),
  { zh: '收回土地', en: 'The land was reclaimed', rules: ['R8', 'R10'] },
);

export const ProjectTerminated = defineEvent(
  'ProjectTerminated',
  struct({ ...project, on: BusinessDate, basis: TerminationBasis, reason: NonEmptyText }),
  {
    zh: '项目清退（终止协议）',
    en: 'The project was cleared out and its agreement terminated',
    rules: ['R8', 'R10'],
  },
);

export const ProjectAbandoned = defineEvent(
  'ProjectAbandoned',
  struct({ ...project, on: BusinessDate, reason: NonEmptyText }),
  { zh: '项目终止洽谈（签约前）', en: 'The project was abandoned before signing' },
);

/**
 * The exit rule's term (R8: 001 §(四)) in months, as the policy had it when the deadline was
 * counted: what a person reads as 三个月不开工 comes from here, never from a kind name.
 */
const exitRuleTerm = { termMonths: Count };

/**
 * Version 2 names the exit rule's kinds without their term (`exit-no-start`, …) and records the
 * term in `termMonths`; version 1's `exit-no-start-3-months`, `exit-no-production-2-years` and
 * `exit-no-results-3-years` are read as those kinds with 3, 24 and 36 months (project.upcasters.ts).
 */
export const MilestoneMissed = defineEvent(
  'MilestoneMissed',
  struct(
    {
      ...project,
      /** Unique per deadline: the same missed deadline is never raised twice. */
      milestoneKey: t.string,
      kind: MilestoneKind,
      dueOn: BusinessDate,
      detectedOn: BusinessDate,
    },
    { procedureId: ProcedureId, ...exitRuleTerm },
  ),
  {
    version: 2,
    zh: '节点逾期（由时钟发现）',
    en: 'A deadline passed unmet (raised by the clock)',
    rules: ['R7', 'R8'],
  },
);

export interface IsoWeekBrand {
  readonly IsoWeek: unique symbol;
}
/** An official week (Monday to Sunday) by its ISO 8601 week number, e.g. `2024-W23`. */
export const IsoWeek = t.brand(
  t.string,
  (s): s is t.Branded<string, IsoWeekBrand> => /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(s),
  'IsoWeek',
);
export type IsoWeek = t.TypeOf<typeof IsoWeek>;

/**
 * R18 (000 §五.2 「包保责任人每周不少于一次对包保单位进行走访调研」): an official week of the project's
 * 包保 period ended without a visit by its responsible person (包保责任人). Raised once per week by
 * the deadline watcher's pass, never typed by a person (project.visits.ts says which weeks count).
 */
export const VisitWeekMissed = defineEvent(
  'VisitWeekMissed',
  struct({
    ...project,
    week: IsoWeek,
    weekStart: BusinessDate,
    weekEnd: BusinessDate,
    /** The 包保责任人 on the week's last day: who owed the visit. */
    responsiblePerson: struct({ leaderId: LeaderId, name: NonEmptyText }, 'ResponsiblePerson'),
    detectedOn: BusinessDate,
  }),
  {
    zh: '包保责任人当周未走访（由时钟发现）',
    en: 'A week passed without the responsible officer visiting (raised by the clock)',
    rules: ['R18'],
  },
);

export const DuplicateLinked = defineEvent(
  'DuplicateLinked',
  struct({
    ...project,
    canonicalProjectId: ProjectId,
    on: BusinessDate,
    similarity: t.number,
    reason: NonEmptyText,
  }),
  {
    zh: '认定为重复项目（一炮数响），只计一次',
    en: 'Linked as a duplicate of another project so it is counted once',
  },
);

/** The value of a correctable fact: its date, and for the statistics entry its 统计编码. */
export const FactValue = struct({ on: BusinessDate }, { statisticsCode: NonEmptyText }, 'FactValue');
export type FactValue = t.TypeOf<typeof FactValue>;

export const FactCorrected = defineEvent(
  'FactCorrected',
  struct(
    {
      ...project,
      /** Which recorded fact this corrects (开工, 竣工, 投产, 达产, 入库纳统). */
      fact: CorrectableFact,
      /** The day the correction was made (the fact's own date is in `corrected.on`). */
      correctedOn: BusinessDate,
      previous: FactValue,
      corrected: FactValue,
      reason: NonEmptyText,
    },
    {
      evidence: Evidence,
      /**
       * Misses withdrawn earlier for this fact that the corrected date no longer meets in time:
       * they count as missed again (the clock had raised them; the correction says so).
       */
      reinstatedMilestones: t.readonlyArray(t.string),
    },
  ),
  {
    zh: '更正已记录的事实（开工、竣工、投产、达产日期或统计编码）',
    en: 'A recorded fact was corrected (date or statistics code), saying what, from what, to what and why',
    rules: ['R8', 'R12', 'R13'],
  },
);

/** Version 2 as MilestoneMissed's: exit-rule kinds without their term, which is `termMonths`. */
export const MilestoneWithdrawn = defineEvent(
  'MilestoneWithdrawn',
  struct(
    {
      ...project,
      /** The key of the MilestoneMissed this withdraws. */
      milestoneKey: t.string,
      kind: MilestoneKind,
      dueOn: BusinessDate,
      /** When the clock raised the miss (its `detectedOn`). */
      raisedOn: BusinessDate,
      reason: WithdrawalReason,
      /** The date of the fact that met the deadline in time. */
      factOn: BusinessDate,
    },
    { procedureId: ProcedureId, ...exitRuleTerm },
  ),
  {
    version: 2,
    zh: '撤销节点逾期（事实早于期限，系补录或更正）',
    en: 'A raised miss was withdrawn: the fact met the deadline and was entered late or corrected',
    rules: ['R7', 'R8'],
  },
);

export const DuplicateUnlinked = defineEvent(
  'DuplicateUnlinked',
  struct({ ...project, canonicalProjectId: ProjectId, on: BusinessDate, reason: NonEmptyText }),
  {
    zh: '撤销重复项目认定（附理由），恢复单独计数',
    en: 'A duplicate link was undone, with a reason: the project counts on its own again',
  },
);

/**
 * Foreign capital actually received (利用外资, 000 §二; R11: money received, not promised). The
 * agreement's `foreignCapital` stays a commitment; target progress counts these receipts by the
 * date the money arrived. `receiptId` names the receipt (e.g. the 外汇登记 / bank reference) so
 * that a repeat is harmless and a conflicting one is refused; a receipt recorded wrongly is
 * corrected by the same receipt id with a `correction` (its reason), which replaces its figures.
 */
export const ForeignCapitalReceived = defineEvent(
  'ForeignCapitalReceived',
  struct(
    { ...project, receiptId: NonEmptyText, amount: Usd, on: BusinessDate, evidence: Evidence },
    { source: NonEmptyText /* 来源国家或地区 */, correction: Correction },
  ),
  { zh: '外资实际到位（利用外资）', en: 'Foreign capital was actually received', rules: ['R11'] },
);

/**
 * Funds from outside the province actually in place (利用省外资金, 003), counted like foreign
 * capital: by the date the money arrived, never from what an agreement promised.
 */
export const OutOfProvinceFundsReceived = defineEvent(
  'OutOfProvinceFundsReceived',
  struct(
    {
      ...project,
      receiptId: NonEmptyText,
      amount: Cny,
      sourceProvince: NonEmptyText,
      on: BusinessDate,
      evidence: Evidence,
    },
    { correction: Correction },
  ),
  {
    zh: '省外资金实际到位（利用省外资金）',
    en: 'Funds from outside the province were actually received',
    rules: ['R11'],
  },
);

// The project's profile: the register's columns no other fact gives (R22, DOMAIN.md §6)
/**
 * 项目档案: 项目类别, 园区, 镇街, 项目代码, 备案证号, 用地类型, 供地进度 as recorded on a day; `profile`
 * holds only the fields this record set or changed (project.profile.ts).
 */
export const ProjectProfileRecorded = defineEvent(
  'ProjectProfileRecorded',
  struct({ ...project, on: BusinessDate, profile: ProjectProfile }),
  {
    zh: '登记项目档案（项目类别、园区、镇街、项目代码、备案证号、用地类型、供地进度）',
    en: "The project's register profile was recorded (category, park, town, project code, filing number, land use, land supply)",
    rules: ['R22'],
  },
);

/** Every event of the investment-project aggregate (stream `project-<id>`). */
export const projectEvents = {
  LeadCaptured,
  ProjectPlanned,
  LeadQualified,
  LeadDiscarded,
  ConsultationOpened,
  DepartmentOpinionRecorded,
  AdmissionApproved,
  AdmissionRejected,
  DueDiligenceCompleted,
  LeaderAssigned,
  SiteVisitRecorded,
  NegotiationHeld,
  LegalReviewPassed,
  LegalReviewFailed,
  AgreementSigned,
  AgreementAmended,
  ProcedureRequested,
  ProcedureDeadlineComputed,
  ProcedureCompleted,
  ConstructionStarted,
  InvestmentProgressReported,
  EnteredStatistics,
  ConstructionCompleted,
  ProductionStarted,
  CapacityReached,
  PerformanceReported,
  FulfilmentEvaluated,
  IncentiveDisbursed,
  SecondaryPromotionStarted,
  RectificationOrdered,
  RectificationCompleted,
  SubsidyClawedBack,
  LandReclaimed,
  ProjectTerminated,
  ProjectAbandoned,
  MilestoneMissed,
  DuplicateLinked,
  FactCorrected,
  MilestoneWithdrawn,
  DuplicateUnlinked,
  ForeignCapitalReceived,
  OutOfProvinceFundsReceived,
  // Weekly 包保 visits (R18, 000 §五.2)
  VisitWeekMissed,
  // The project's profile (R22)
  ProjectProfileRecorded,
} as const;

export type ProjectEvent = EventOf<typeof projectEvents>;
export type ProjectEventType = ProjectEvent['type'];
/** Narrows the project event union to one type. */
export type ProjectEventOf<T extends ProjectEventType> = Extract<ProjectEvent, { type: T }>;

/** Decodes any project event, dispatching on its type. */
export const ProjectEventCodec = catalogueCodec('ProjectEvent', projectEvents);
