export {
  Channel,
  Department,
  Opinion,
  CatalogueClass,
  ConstructionNature,
  constructionNatureLabels,
  admissionBarLabels,
  reviewedTermLabels,
  NegativeListStatus,
  RejectionGround,
  LeaderRole,
  Signatory,
  LegalReviewer,
  LandSupply,
  ProcedureKind,
  ApprovalLevel,
  approvalLevelLabels,
  deadlineStatusLabels,
  IncentiveKind,
  Verdict,
  FulfilmentFigure,
  fulfilmentFigureLabels,
  FulfilmentFindingCode,
  fulfilmentFindings,
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
export type { Stage, DeadlineStatus, FindingWeight, AdmissionBar, ReviewedTerm } from './project.vocabulary';
export {
  Investor,
  Schedule,
  Commitments,
  Incentive,
  AgreementTerms,
  FulfilmentRatios,
  FactValue,
  ProcedureApproval,
  ProcedureDeadline,
  Ratio,
  PerMuFigure,
  PerMuFigures,
  FulfilmentFinding,
  DefinedBreach,
  projectEvents,
  ProjectEventCodec,
} from './project.events';
export type { ProjectEvent, ProjectEventType, ProjectEventOf } from './project.events';
export { projectCommands, ProjectCommandCodec, projectCommandDates } from './project.commands';
export type { ProjectCommand, ProjectCommandType, ProjectCommandOf } from './project.commands';
export { projectErrors } from './project.errors';
export type { ProjectErrorCode } from './project.errors';
export type { ProjectError } from './project.rules';
export {
  requiredReviewer,
  requiredRoles,
  exitRuleApplies,
  requireCommitments,
  admissionBar,
  reviewedTermsChanged,
} from './project.rules';
export {
  initialProjectState,
  isProject,
  reportedMonths,
  governingVerdict,
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
  CapitalReceipt,
  YearEvaluation,
} from './project.state';
export { evolveProject } from './project.evolve';
export { foldProject } from './project.fold';
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
  procedureDueOn,
} from './project.milestones';
export type { MissedMilestone, Deadline, MilestoneWithdrawal } from './project.milestones';
export {
  assessFulfilment,
  evaluationAsOf,
  evaluationGoverns,
  evaluationShowsResults,
  describeFinding,
  findingWeight,
} from './project.fulfilment';
export type { FulfilmentAssessment, FulfilmentFacts } from './project.fulfilment';
export {
  findDuplicates,
  textSimilarity,
  defaultDuplicatePolicy,
  countedMembers,
  requireLinkableCanonical,
} from './project.duplicates';
export type {
  ProjectFingerprint,
  DuplicateMatch,
  DuplicatePolicy,
  CountingMember,
} from './project.duplicates';
export {
  projectUpcasters,
  leadCapturedV1toV2,
  procedureRequestedV1toV2,
  fulfilmentEvaluatedV1toV2,
  readProjectEvent,
} from './project.upcasters';
// Weekly 包保 visits (R18, 000 §五.2)
export { IsoWeek, VisitWeekMissed } from './project.events';
export { siteVisitRecordedV1toV2 } from './project.upcasters';
export { visitKey } from './project.state';
export type { ResponsiblePerson, SiteVisit } from './project.state';
export { isoWeekOf, mondayOf, missedVisitWeeks, visitPeriodOf, weekHasWorkingDay } from './project.visits';
export type { MissedVisitWeek, VisitPeriod } from './project.visits';
// The project's profile: the register's columns no other fact gives (R22, DOMAIN.md §6)
export {
  ProjectCategory,
  projectCategoryLabels,
  UnitKind,
  unitKindLabels,
  ProjectProfile,
  PROFILE_FIELDS,
  PROJECT_CODE,
  isProjectCode,
  changedProfile,
  mergeProfile,
} from './project.profile';
export { ProjectProfileRecorded } from './project.events';
export {
  decideRecordProjectProfile,
  requireProfileContent,
  requireProjectCode,
} from './project.profile.decide';
// The workbench (issue #18 item 1): the actions a project's stage allows
export { projectActions, projectActionsAt, projectCommandStages } from './project.actions';
