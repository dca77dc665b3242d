import * as t from 'io-ts';
import { factDate, type FactDates, monthFact, yearFact } from '../shared/business-date';
import { BusinessDate, Year, YearMonth } from '../shared/dates';
import { struct } from '../shared/event-codec';
import { Evidence } from '../shared/evidence';
import { assertNever } from '../shared/exhaustive';
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
import { AgreementTerms, Correction, DefinedBreach, Investor } from './project.events';
import {
  ApprovalLevel,
  CatalogueClass,
  Channel,
  CorrectableFact,
  ConstructionNature,
  Department,
  LeaderRole,
  LegalReviewer,
  NegativeListStatus,
  Opinion,
  ProcedureKind,
  RejectionGround,
  Signatory,
  TerminationBasis,
} from './project.vocabulary';
import { ProjectProfile } from './project.profile';

/** A command codec: its literal type, the project it addresses, required and optional fields. */
function command<T extends string, P extends t.Props>(
  type: T,
  required: P,
): t.ReadonlyC<t.TypeC<{ type: t.LiteralC<T>; projectId: typeof ProjectId } & P>>;
function command<T extends string, P extends t.Props, O extends t.Props>(
  type: T,
  required: P,
  optionalProps: O,
): t.ReadonlyC<
  t.IntersectionC<[t.TypeC<{ type: t.LiteralC<T>; projectId: typeof ProjectId } & P>, t.PartialC<O>]>
>;
function command(type: string, required: t.Props, optionalProps?: t.Props): t.Mixed {
  const props = { type: t.literal(type), projectId: ProjectId, ...required };
  return optionalProps === undefined ? struct(props, type) : struct(props, optionalProps, type);
}

export const CaptureLead = command(
  'CaptureLead',
  {
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
);
export const PlanProject = command('PlanProject', {
  unitId: UnitId,
  name: NonEmptyText,
  industryChain: NonEmptyText,
  content: NonEmptyText,
  intendedInvestment: Cny,
  plannedOn: BusinessDate,
});
export const QualifyLead = command(
  'QualifyLead',
  { on: BusinessDate, assessment: NonEmptyText },
  { investor: Investor },
);
export const DiscardLead = command('DiscardLead', { on: BusinessDate, reason: NonEmptyText });
export const OpenConsultation = command('OpenConsultation', {
  on: BusinessDate,
  departments: t.readonlyArray(Department),
});
export const RecordDepartmentOpinion = command(
  'RecordDepartmentOpinion',
  { department: Department, opinion: Opinion, summary: NonEmptyText, on: BusinessDate },
  { evidence: Evidence },
);
/**
 * The leading group admits a project (R2). It states the project's 建设性质 (a new project of the
 * catalogue's restricted class cannot be admitted), and, when a consulted department gave an
 * unfavourable opinion, why it admits the project nonetheless.
 */
export const ApproveAdmission = command(
  'ApproveAdmission',
  {
    on: BusinessDate,
    catalogueClass: CatalogueClass,
    negativeList: NegativeListStatus,
    constructionNature: ConstructionNature,
    minutesRef: NonEmptyText,
  },
  { conditions: NonEmptyText, overrulingReason: NonEmptyText },
);
export const RejectAdmission = command('RejectAdmission', {
  on: BusinessDate,
  ground: RejectionGround,
  reason: NonEmptyText,
});
export const CompleteDueDiligence = command(
  'CompleteDueDiligence',
  { on: BusinessDate, summary: NonEmptyText },
  { evidence: Evidence },
);
export const AssignLeader = command(
  'AssignLeader',
  { role: LeaderRole, leaderId: LeaderId, name: NonEmptyText, on: BusinessDate },
  { replaces: LeaderId },
);
/**
 * R18 (000 §五.2): the visit's date, who visited, and optionally the problems it found and solved
 * (absent: none; a caller of the first version of the route sends neither).
 */
export const RecordSiteVisit = command(
  'RecordSiteVisit',
  { leaderId: LeaderId, on: BusinessDate, summary: NonEmptyText },
  {
    evidence: Evidence,
    issuesFound: t.readonlyArray(NonEmptyText),
    issuesSolved: t.readonlyArray(NonEmptyText),
  },
);
export const HoldNegotiation = command('HoldNegotiation', { on: BusinessDate, summary: NonEmptyText });
export const RecordLegalReview = command('RecordLegalReview', {
  on: BusinessDate,
  reviewer: LegalReviewer,
  outcome: t.keyof({ passed: null, failed: null }),
  opinion: NonEmptyText,
});
export const SignAgreement = command('SignAgreement', {
  agreementId: AgreementId,
  on: BusinessDate,
  signatory: Signatory,
  leadingGroupMinutesRef: NonEmptyText,
  terms: AgreementTerms,
  evidence: Evidence,
});
/**
 * Amend the agreement by a supplementary agreement. Reviewed again like a first signing where it
 * crosses their lines: admission (R1), due diligence (R3), legal review with the leading group's
 * approval, whose minutes it then names (R4).
 */
export const AmendAgreement = command(
  'AmendAgreement',
  {
    agreementId: AgreementId,
    on: BusinessDate,
    terms: AgreementTerms,
    reason: NonEmptyText,
    evidence: Evidence,
  },
  { leadingGroupMinutesRef: NonEmptyText },
);
export const RequestProcedure = command(
  'RequestProcedure',
  {
    procedureId: ProcedureId,
    kind: ProcedureKind,
    department: Department,
    completeOn: BusinessDate,
    special: t.boolean,
  },
  {
    title: NonEmptyText,
    /** R7 (001 §(三)2): 'district' (属本区审批, the default) or 'higher-level' (上报审批, 跟踪办结). */
    approvalLevel: ApprovalLevel,
    /** Higher-level approvals: the authority the file is reported to. */
    authority: NonEmptyText,
  },
);
export const CompleteProcedure = command(
  'CompleteProcedure',
  { procedureId: ProcedureId, on: BusinessDate, receiptNo: NonEmptyText, handler: NonEmptyText },
  { approvalNo: NonEmptyText, evidence: Evidence },
);
export const StartConstruction = command('StartConstruction', { on: BusinessDate, evidence: Evidence });
export const ReportInvestmentProgress = command(
  'ReportInvestmentProgress',
  { period: YearMonth, completedInPeriod: Cny, on: BusinessDate, evidence: Evidence },
  { correction: Correction },
);
export const EnterStatistics = command('EnterStatistics', { on: BusinessDate, statisticsCode: NonEmptyText });
export const CompleteConstruction = command('CompleteConstruction', { on: BusinessDate, evidence: Evidence });
export const StartProduction = command('StartProduction', { on: BusinessDate, evidence: Evidence });
export const ReachCapacity = command('ReachCapacity', { on: BusinessDate, evidence: Evidence });
export const ReportPerformance = command(
  'ReportPerformance',
  {
    year: Year,
    output: Cny,
    tax: Cny,
    jobs: Count,
    investmentToDate: Cny,
    on: BusinessDate,
    evidence: Evidence,
  },
  { correction: Correction },
);
/**
 * R9/R10: evaluate a year's fulfilment. `definedBreach` states a breach the agreement itself
 * defines (its clause and what happened), which makes a serious breach (002 §七 按协议条款约定).
 */
export const EvaluateFulfilment = command(
  'EvaluateFulfilment',
  { on: BusinessDate, year: Year },
  { definedBreach: DefinedBreach },
);
export const DisburseIncentive = command('DisburseIncentive', {
  incentiveId: IncentiveId,
  amount: Cny,
  on: BusinessDate,
  evidence: Evidence,
});
export const StartSecondaryPromotion = command('StartSecondaryPromotion', {
  on: BusinessDate,
  plan: NonEmptyText,
});
export const OrderRectification = command('OrderRectification', {
  on: BusinessDate,
  dueBy: BusinessDate,
  items: t.readonlyArray(NonEmptyText),
});
export const CompleteRectification = command(
  'CompleteRectification',
  { on: BusinessDate, summary: NonEmptyText },
  { evidence: Evidence },
);
export const ClawBackSubsidy = command('ClawBackSubsidy', {
  incentiveId: IncentiveId,
  amount: Cny,
  on: BusinessDate,
  reason: NonEmptyText,
});
export const ReclaimLand = command('ReclaimLand', { on: BusinessDate, area: Mu, reason: NonEmptyText });
export const TerminateProject = command('TerminateProject', {
  on: BusinessDate,
  basis: TerminationBasis,
  reason: NonEmptyText,
});
export const AbandonProject = command('AbandonProject', { on: BusinessDate, reason: NonEmptyText });
/** Issued by the deadline watcher: records every deadline missed as of `today` (idempotent). */
export const RecordMissedMilestones = command('RecordMissedMilestones', { today: BusinessDate });
export const LinkDuplicate = command('LinkDuplicate', {
  canonicalProjectId: ProjectId,
  on: BusinessDate,
  similarity: t.number,
  reason: NonEmptyText,
});
/** Undoes a duplicate link with a reason (the link named must be the one in force). */
export const UnlinkDuplicate = command('UnlinkDuplicate', {
  canonicalProjectId: ProjectId,
  on: BusinessDate,
  reason: NonEmptyText,
});
/** Records foreign capital actually received (利用外资, R11: money received, not promised). */
export const RecordForeignCapitalReceipt = command(
  'RecordForeignCapitalReceipt',
  { receiptId: NonEmptyText, amount: Usd, on: BusinessDate, evidence: Evidence },
  { source: NonEmptyText, correction: Correction },
);
/** Records funds from outside the province actually received (利用省外资金, 003). */
export const RecordOutOfProvinceFundsReceipt = command(
  'RecordOutOfProvinceFundsReceipt',
  {
    receiptId: NonEmptyText,
    amount: Cny,
    sourceProvince: NonEmptyText,
    on: BusinessDate,
    evidence: Evidence,
  },
  { correction: Correction },
);

/**
 * Corrects a recorded fact of the construction timeline (DOMAIN.md §5): the new date `on`, and for
 * the statistics entry the new `statisticsCode`; `correctedOn` is the day the correction is made.
 */
export const CorrectFact = command(
  'CorrectFact',
  { fact: CorrectableFact, correctedOn: BusinessDate, reason: NonEmptyText },
  { on: BusinessDate, statisticsCode: NonEmptyText, evidence: Evidence },
);

// The project's profile (R22, DOMAIN.md §6 register columns)
/** Record the register fields that become known: only the fields named are set. */
export const RecordProjectProfile = command('RecordProjectProfile', {
  on: BusinessDate,
  profile: ProjectProfile,
});

/** Every command of the investment-project aggregate, by type. */
export const projectCommands = {
  CaptureLead,
  PlanProject,
  QualifyLead,
  DiscardLead,
  OpenConsultation,
  RecordDepartmentOpinion,
  ApproveAdmission,
  RejectAdmission,
  CompleteDueDiligence,
  AssignLeader,
  RecordSiteVisit,
  HoldNegotiation,
  RecordLegalReview,
  SignAgreement,
  AmendAgreement,
  RequestProcedure,
  CompleteProcedure,
  StartConstruction,
  ReportInvestmentProgress,
  EnterStatistics,
  CompleteConstruction,
  StartProduction,
  ReachCapacity,
  ReportPerformance,
  EvaluateFulfilment,
  DisburseIncentive,
  StartSecondaryPromotion,
  OrderRectification,
  CompleteRectification,
  ClawBackSubsidy,
  ReclaimLand,
  TerminateProject,
  AbandonProject,
  RecordMissedMilestones,
  LinkDuplicate,
  CorrectFact,
  UnlinkDuplicate,
  RecordForeignCapitalReceipt,
  RecordOutOfProvinceFundsReceipt,
  // The project's profile (R22)
  RecordProjectProfile,
} as const;

type Commands = typeof projectCommands;
export type ProjectCommand = { [K in keyof Commands]: t.TypeOf<Commands[K]> }[keyof Commands];
export type ProjectCommandType = ProjectCommand['type'];
export type ProjectCommandOf<T extends ProjectCommandType> = Extract<ProjectCommand, { type: T }>;

const commandList = Object.values(projectCommands) as unknown as [t.Mixed, t.Mixed, ...t.Mixed[]];
/** Decodes any project command (io-ts reports every failing path). */
export const ProjectCommandCodec: t.Type<ProjectCommand, unknown, unknown> = t.union(
  commandList,
  'ProjectCommand',
);

/**
 * The dates a project command states as facts, its business date first (DOMAIN.md §5): the day of
 * the fact, never a deadline it sets (an agreement's schedule, a rectification's `dueBy`). The
 * order check against the project's creation and the API's check against today both use it.
 */
export const projectCommandDates = (c: ProjectCommand): FactDates => {
  switch (c.type) {
    case 'CaptureLead':
      return [factDate('capturedOn', c.capturedOn)];
    case 'PlanProject':
      return [factDate('plannedOn', c.plannedOn)];
    case 'RequestProcedure':
      // The day the application became complete: R7's time limit counts from the next working day.
      return [factDate('completeOn', c.completeOn)];
    case 'RecordMissedMilestones':
      // Issued by the deadline watcher only, with the server's today.
      return [factDate('today', c.today)];
    case 'ReportInvestmentProgress':
      return [factDate('on', c.on), monthFact('period', c.period)];
    case 'ReportPerformance':
    case 'EvaluateFulfilment':
      return [factDate('on', c.on), yearFact('year', c.year)];
    case 'QualifyLead':
    case 'DiscardLead':
    case 'OpenConsultation':
    case 'RecordDepartmentOpinion':
    case 'ApproveAdmission':
    case 'RejectAdmission':
    case 'CompleteDueDiligence':
    case 'AssignLeader':
    case 'RecordSiteVisit':
    case 'HoldNegotiation':
    case 'RecordLegalReview':
    case 'SignAgreement':
    case 'AmendAgreement':
    case 'CompleteProcedure':
    case 'StartConstruction':
    case 'EnterStatistics':
    case 'CompleteConstruction':
    case 'StartProduction':
    case 'ReachCapacity':
    case 'DisburseIncentive':
    case 'StartSecondaryPromotion':
    case 'OrderRectification':
    case 'CompleteRectification':
    case 'ClawBackSubsidy':
    case 'ReclaimLand':
    case 'TerminateProject':
    case 'AbandonProject':
    case 'LinkDuplicate':
    case 'UnlinkDuplicate':
    case 'RecordForeignCapitalReceipt': // the day the money arrived
    case 'RecordOutOfProvinceFundsReceipt':
    case 'RecordProjectProfile':
      return [factDate('on', c.on)];
    case 'CorrectFact':
      // The day the correction is made comes first; the corrected fact's own date is a fact too.
      return c.on === undefined
        ? [factDate('correctedOn', c.correctedOn)]
        : [factDate('correctedOn', c.correctedOn), factDate('on', c.on)];
    default:
      return assertNever(c);
  }
};
