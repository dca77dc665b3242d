export {
  Channel,
  Department,
  Opinion,
  CatalogueClass,
  NegativeListStatus,
  RejectionGround,
  LeaderRole,
  Signatory,
  LegalReviewer,
  LandSupply,
  ProcedureKind,
  IncentiveKind,
  Verdict,
  TerminationBasis,
  MilestoneKind,
  CorrectableFact,
  WithdrawalReason,
  correctableFactLabels,
  withdrawalReasonLabels,
  STAGES,
  leaderRoleZh,
  signatoryZh,
  legalReviewerZh,
} from './project.vocabulary';
export type { Stage } from './project.vocabulary';
export {
  Investor,
  Schedule,
  Commitments,
  Incentive,
  AgreementTerms,
  FulfilmentRatios,
  FactValue,
  projectEvents,
  ProjectEventCodec,
} from './project.events';
export type { ProjectEvent, ProjectEventType, ProjectEventOf } from './project.events';
export { projectCommands, ProjectCommandCodec } from './project.commands';
export type { ProjectCommand, ProjectCommandType, ProjectCommandOf } from './project.commands';
export { projectErrors } from './project.errors';
export type { ProjectErrorCode } from './project.errors';
export type { ProjectError } from './project.rules';
export { requiredReviewer, requiredRoles, exitRuleApplies } from './project.rules';
export {
  initialProjectState,
  isProject,
  projectStream,
  reportedMonths,
  CLOSED_STAGES,
} from './project.state';
export type {
  ProjectState,
  Project,
  NoProject,
  Consultation,
  AssignedLeader,
  SignedAgreement,
  ProcedureState,
  YearlyPerformance,
  IncentiveAccount,
  Rectification,
  WithdrawnMilestone,
} from './project.state';
export { evolveProject, foldProject } from './project.evolve';
export { makeProjectDecider, projectDecider } from './project.decide';
export type { ProjectDeciderDeps } from './project.decide';
export { defaultProjectPolicy } from './project.policy';
export type { ProjectPolicy, FulfilmentPolicy } from './project.policy';
export {
  detectMissedMilestones,
  deadlinesOf,
  withdrawnMisses,
  reinstatedMisses,
  hasResults,
  resultsOn,
} from './project.milestones';
export type { MissedMilestone, Deadline, MilestoneWithdrawal } from './project.milestones';
export { assessFulfilment } from './project.fulfilment';
export type { FulfilmentAssessment, FulfilmentFacts } from './project.fulfilment';
export { findDuplicates, textSimilarity, defaultDuplicatePolicy } from './project.duplicates';
export type { ProjectFingerprint, DuplicateMatch, DuplicatePolicy } from './project.duplicates';
export { projectUpcasters, leadCapturedV1toV2, readProjectEvent } from './project.upcasters';
