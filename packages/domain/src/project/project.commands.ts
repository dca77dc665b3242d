import * as t from 'io-ts';
import { BusinessDate, Year, YearMonth } from '../shared/dates';
import { struct } from '../shared/event-codec';
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
import { AgreementTerms, Correction, DefinedBreach, Investor } from './project.events';
import {
  ApprovalLevel,
  CatalogueClass,
  Channel,
  CorrectableFact,
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
export const ApproveAdmission = command(
  'ApproveAdmission',
  {
    on: BusinessDate,
    catalogueClass: CatalogueClass,
    negativeList: NegativeListStatus,
    minutesRef: NonEmptyText,
  },
  { conditions: NonEmptyText },
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
export const RecordSiteVisit = command(
  'RecordSiteVisit',
  { leaderId: LeaderId, on: BusinessDate, summary: NonEmptyText },
  { evidence: Evidence },
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
export const AmendAgreement = command('AmendAgreement', {
  agreementId: AgreementId,
  on: BusinessDate,
  terms: AgreementTerms,
  reason: NonEmptyText,
  evidence: Evidence,
});
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

/**
 * Corrects a recorded fact of the construction timeline (DOMAIN.md §5): the new date `on`, and for
 * the statistics entry the new `statisticsCode`; `correctedOn` is the day the correction is made.
 */
export const CorrectFact = command(
  'CorrectFact',
  { fact: CorrectableFact, correctedOn: BusinessDate, reason: NonEmptyText },
  { on: BusinessDate, statisticsCode: NonEmptyText, evidence: Evidence },
);

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
