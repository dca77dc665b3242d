import type { ProjectCommandType } from './project.commands';
import type { ProjectState } from './project.state';
import type { Stage } from './project.vocabulary';

/** The stages before the agreement: a lead or planned project on its way to signing. */
const beforeSigning: ReadonlyArray<Stage> = ['lead', 'planned', 'qualified', 'under-review', 'admitted'];
/** The stages of a signed agreement that is still being delivered. */
const signed: ReadonlyArray<Stage> = [
  'signed',
  'under-construction',
  'completed',
  'in-production',
  'at-capacity',
];
/** Construction has started (investment, statistics, corrections of the timeline). */
const started: ReadonlyArray<Stage> = ['under-construction', 'completed', 'in-production', 'at-capacity'];
const open: ReadonlyArray<Stage> = [...beforeSigning, ...signed];

/**
 * The stages at which a person may issue each command of the project (issue #18 item 1: a project
 * page offers the actions its stage allows). It mirrors the deciders' stage checks (requireStage,
 * requireSigned, requireUnsigned, requireStarted, the commands a closed project still answers);
 * the decider keeps every other rule (a 422 names it). Creation commands and the deadline
 * watcher's RecordMissedMilestones are at no stage: no person issues them on a project.
 */
export const projectCommandStages: { readonly [C in ProjectCommandType]: ReadonlyArray<Stage> } = {
  CaptureLead: [],
  PlanProject: [],
  QualifyLead: ['lead', 'planned'],
  DiscardLead: ['lead', 'planned', 'qualified'],
  // R1/R2: a qualified lead, or a signed project whose supplementary agreement needs admission.
  OpenConsultation: ['qualified', ...signed],
  RecordDepartmentOpinion: ['under-review', ...signed],
  ApproveAdmission: ['under-review', ...signed],
  RejectAdmission: ['under-review'],
  CompleteDueDiligence: ['qualified', 'under-review', 'admitted', ...signed],
  AssignLeader: open,
  RecordSiteVisit: open,
  HoldNegotiation: beforeSigning,
  RecordLegalReview: ['qualified', 'under-review', 'admitted', ...signed],
  SignAgreement: ['qualified', 'admitted'],
  AmendAgreement: signed,
  RequestProcedure: signed,
  CompleteProcedure: signed,
  StartConstruction: ['signed'],
  ReportInvestmentProgress: started,
  EnterStatistics: started,
  CompleteConstruction: ['under-construction'],
  StartProduction: ['completed'],
  ReachCapacity: ['in-production'],
  ReportPerformance: ['in-production', 'at-capacity'],
  EvaluateFulfilment: signed,
  DisburseIncentive: signed,
  StartSecondaryPromotion: signed,
  OrderRectification: signed,
  CompleteRectification: signed,
  ClawBackSubsidy: [...signed, 'terminated'],
  ReclaimLand: [...signed, 'terminated'],
  TerminateProject: signed,
  AbandonProject: beforeSigning,
  RecordMissedMilestones: [],
  LinkDuplicate: [...open, 'rejected', 'discarded', 'abandoned', 'terminated'],
  CorrectFact: [...started, 'terminated'],
  UnlinkDuplicate: [...open, 'rejected', 'discarded', 'abandoned', 'terminated'],
  RecordForeignCapitalReceipt: signed,
  RecordOutOfProvinceFundsReceipt: signed,
  // The project's profile (R22): recorded whenever a field becomes known, while the project is open
  RecordProjectProfile: open,
};

/** The commands a project at this stage accepts as far as its stage goes, in lifecycle order. */
export const projectActionsAt = (stage: Stage): ReadonlyArray<ProjectCommandType> =>
  (Object.keys(projectCommandStages) as ProjectCommandType[]).filter((c) =>
    projectCommandStages[c].includes(stage),
  );

/** The commands a project's state accepts by its stage; before the first event, only its creation. */
export const projectActions = (s: ProjectState): ReadonlyArray<ProjectCommandType> =>
  s.status === 'none' ? ['CaptureLead', 'PlanProject'] : projectActionsAt(s.stage);
