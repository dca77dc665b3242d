import type { Role } from './roles';

/**
 * Who may issue which command over HTTP: the one table the guard, the OpenAPI document and the
 * route × role test matrix all read. Every domain command appears once, here or in
 * `serverCommands` (a missing one fails to compile in command-handling/aggregates.ts). Reads are
 * open to every authenticated role but those of `queryRoles`; auditors issue no command.
 */
export const commandRoles = {
  // project: lead and admission (R1, R2)
  CaptureLead: ['investment-officer'],
  PlanProject: ['investment-officer'],
  QualifyLead: ['investment-officer'],
  DiscardLead: ['investment-officer'],
  OpenConsultation: ['investment-officer'],
  RecordDepartmentOpinion: ['department-reviewer'],
  ApproveAdmission: ['leading-group-office'],
  RejectAdmission: ['leading-group-office'],
  CompleteDueDiligence: ['investment-officer'],
  // project: service and negotiation (R6)
  AssignLeader: ['leading-group-office', 'investment-officer'],
  RecordSiteVisit: ['investment-officer', 'responsible-leader'],
  HoldNegotiation: ['investment-officer', 'responsible-leader'],
  // project: legal review and signing (R3, R4, R5)
  RecordLegalReview: ['justice-bureau'],
  SignAgreement: ['leading-group-office'],
  AmendAgreement: ['leading-group-office'],
  // project: procedures and construction (R7, R8)
  RequestProcedure: ['investment-officer'],
  CompleteProcedure: ['department-reviewer', 'investment-officer'],
  StartConstruction: ['investment-officer'],
  ReportInvestmentProgress: ['investment-officer'],
  EnterStatistics: ['statistics-bureau', 'investment-officer'],
  CompleteConstruction: ['investment-officer'],
  StartProduction: ['investment-officer'],
  ReachCapacity: ['investment-officer'],
  // project: fulfilment (R9, R10)
  ReportPerformance: ['investment-officer', 'statistics-bureau'],
  EvaluateFulfilment: ['supervision-office'],
  DisburseIncentive: ['finance-bureau'],
  StartSecondaryPromotion: ['supervision-office', 'investment-officer'],
  OrderRectification: ['supervision-office'],
  CompleteRectification: ['investment-officer'],
  ClawBackSubsidy: ['finance-bureau'],
  ReclaimLand: ['leading-group-office'],
  TerminateProject: ['leading-group-office'],
  AbandonProject: ['investment-officer'],
  LinkDuplicate: ['leading-group-office', 'supervision-office'],
  // whoever records the timeline's facts corrects them, with a reason (DOMAIN.md §5)
  CorrectFact: ['investment-officer', 'statistics-bureau'],
  UnlinkDuplicate: ['leading-group-office', 'supervision-office'],
  // money actually received (R11: 利用外资, 利用省外资金): the officer files it, the finance bureau may too
  RecordForeignCapitalReceipt: ['investment-officer', 'finance-bureau'],
  RecordOutOfProvinceFundsReceipt: ['investment-officer', 'finance-bureau'],
  // the project's profile (R22): the officer keeps the register; the statistics bureau knows 项目代码 too
  RecordProjectProfile: ['investment-officer'],
  // target plans (R11, R12)
  SetAnnualTargets: ['supervision-office', 'leading-group-office'],
  ReviseAnnualTargets: ['supervision-office', 'leading-group-office'],
  // leader activity (R15)
  RecordOutboundTrip: ['investment-officer', 'responsible-leader'],
  CorrectOutboundTrip: ['investment-officer', 'responsible-leader'],
  // bulletins (R14): 领导小组办公室 and 督查考核办 publish the monthly bulletin and the quarterly review
  PublishBulletin: ['supervision-office', 'leading-group-office'],
  CorrectBulletin: ['supervision-office', 'leading-group-office'],
  // working-day calendar (R7): the office that runs the system adopts each year's official holiday
  // schedule (国务院办公厅关于部分节假日安排的通知) as data, and corrects it with a reason
  AdoptHolidaySchedule: ['leading-group-office'],
  CorrectHolidaySchedule: ['leading-group-office'],
  // enterprise requests (R17, 企业诉求闭环). 004 §(十二) names the 责任单位 区委督察考核办、区营商办、区直各部门:
  // the unit's officer (unit-scoped) or the leading-group office (区营商办's desk) receives 受理; the
  // leading-group office or the supervision office (督察考核办) hands it out 交办 and closes it 办结归档;
  // the department it went to answers 办结答复; the enterprise's verdict 评价 is recorded by whoever took
  // the request in (the officer, or the office for what reached its window).
  ReceiveRequest: ['investment-officer', 'leading-group-office'],
  AssignRequest: ['leading-group-office', 'supervision-office'],
  HandleRequest: ['department-reviewer'],
  EvaluateRequest: ['investment-officer', 'leading-group-office'],
  CloseRequest: ['leading-group-office', 'supervision-office'],
  // ---- land plots and the land-quota ledger (R19) ----
  // 自然资源/用地保障 (the natural-resources bureau, a department reviewer) keeps the land register;
  // the leading-group office decides allocation, revitalisation and reclaims with it; a unit's
  // investment officer registers its own unit's plots and records their supply (unit-scoped).
  RegisterPlot: ['department-reviewer', 'leading-group-office', 'investment-officer'],
  RecordPlotSupply: ['department-reviewer', 'leading-group-office', 'investment-officer'],
  AllocatePlot: ['department-reviewer', 'leading-group-office'],
  FlagPlot: ['department-reviewer', 'leading-group-office'],
  RevitalisePlot: ['department-reviewer', 'leading-group-office'],
  ReclaimPlot: ['department-reviewer', 'leading-group-office'],
  ReturnPlotToReserve: ['department-reviewer', 'leading-group-office'],
  GrantLandQuota: ['department-reviewer', 'leading-group-office'],
  UseLandQuota: ['department-reviewer', 'leading-group-office'],
  ReleaseLandQuotaReservation: ['department-reviewer', 'leading-group-office'],
  // Leading-group meetings and their 交办 items (R20): the leading-group office records meetings,
  // decisions and extensions; the owner reports done (首问负责制: the owner unit's investment officer,
  // scoped to that unit, or a department reviewer for a department's item); the supervision office
  // verifies (跟踪问效制)
  HoldMeeting: ['leading-group-office'],
  RecordDecision: ['leading-group-office'],
  ReportItemDone: ['investment-officer', 'department-reviewer'],
  ExtendItem: ['leading-group-office'],
  VerifyItem: ['supervision-office'],
  // advisors (招商顾问, R21 · 002 §八): the leading-group office appoints and dismisses; the officer
  // of the project's unit credits an introduction (牵线搭桥); the finance bureau records the one-time reward
  AppointAdvisor: ['leading-group-office'],
  EndAdvisorAppointment: ['leading-group-office'],
  CreditIntroduction: ['investment-officer'],
  RewardAdvisor: ['finance-bureau'],
} as const satisfies Record<string, ReadonlyArray<Role>>;

/**
 * Commands the server issues itself and no caller can: they have no route and no role.
 * `RecordMissedMilestones` carries "today", so only the deadline watcher, on the server's clock,
 * may issue it (DOMAIN.md §5: MilestoneMissed is raised by the clock, no caller says what today is).
 */
export const serverCommands = [
  'RecordMissedMilestones',
  // enterprise requests: a time limit waiting for a year's holiday schedule is counted by the watcher (R7, R17)
  'ComputeRequestDeadlines',
  // meetings: a 交办 deadline waiting for a year's holiday schedule is counted by the watcher (R7, R20)
  'ComputeMeetingItemDeadlines',
] as const;

/**
 * Commands of the domain that have no route yet, so no caller can issue them (none now: the
 * enterprise requests' commands, issue #16 item 1, have their routes in requests.routes.ts).
 */
export const commandsWithoutRoute = [] as const;

/** A command a caller may send over HTTP (with the roles of `commandRoles`). */
export type RoutedCommandType = keyof typeof commandRoles;
/** A command only the server issues. */
export type ServerCommandType = (typeof serverCommands)[number];
/** A command of the domain that no route issues yet. */
export type UnroutedCommandType = (typeof commandsWithoutRoute)[number];
/** Every domain command. */
export type CommandType = RoutedCommandType | ServerCommandType | UnroutedCommandType;

/**
 * The few reads not open to every authenticated role, by query route name. Re-deriving a bulletin
 * from the whole history is for auditors (纪工委, 审计) and the offices that publish it.
 *
 * The audit routes (/audit/…) read the event store itself. A project's past states, their
 * differences, one stream's chain and one project's bundle: auditors and the two offices that
 * supervise projects and answer for the bulletins (督查考核办, 领导小组办公室). The whole store —
 * its verification and its bundle, every unit's events and actors, and minutes of work on a big
 * store — auditors only. A project's history stays at /projects/{id}/history, open to every reader
 * as before (the dashboard's timeline reads it).
 */
export const queryRoles = {
  VerifyBulletin: ['auditor', 'supervision-office', 'leading-group-office'],
  AuditStateAsOf: ['auditor', 'supervision-office', 'leading-group-office'],
  AuditStateDiff: ['auditor', 'supervision-office', 'leading-group-office'],
  AuditStreamVerification: ['auditor', 'supervision-office', 'leading-group-office'],
  AuditProjectBundle: ['auditor', 'supervision-office', 'leading-group-office'],
  AuditStoreVerification: ['auditor'],
  AuditStoreBundle: ['auditor'],
} as const satisfies Record<string, ReadonlyArray<Role>>;

export type RestrictedQuery = keyof typeof queryRoles;

/**
 * Reads scoped to the caller's unit for the unit-scoped roles (`UNIT_SCOPED_ROLES`: the investment
 * officer, 招商专员). Their projects, histories and exports are their unit's: a list without
 * `unitId` is narrowed to the caller's unit, another unit's `unitId` or project is a 403
 * `OUTSIDE_UNIT`. Region-wide roles (the leading-group office, the supervision office, the
 * statistics and finance bureaus, auditors, leaders, departments, the justice bureau, systems)
 * read every unit. The other reads — target progress, performance review and ranking (赛马),
 * bulletins, leaders' trips, the working calendar — are the region's published figures, open to
 * every authenticated role (the matrix is in docs/api.md "Security").
 */
export const unitScopedReads = {
  GetProjectRegister: { unitParam: 'unitId' },
  GetProject: { projectParam: 'projectId' },
  GetProjectHistory: { projectParam: 'projectId' },
  GetFulfilment: { unitParam: 'unitId' },
  GetSupervisionList: { unitParam: 'unitId' },
  ExportRegister: { unitParam: 'unitId' },
  // land (R19): an officer's land lists and export are their unit's
  GetPlots: { unitParam: 'unitId' },
  GetLandClearance: { unitParam: 'unitId' },
  GetIdleLand: { unitParam: 'unitId' },
  GetRevitalisedLand: { unitParam: 'unitId' },
  ExportLand: { unitParam: 'unitId' },
  // Leading-group meetings (R20): an investment officer's 交办 items are their unit's
  GetMeetingItems: { unitParam: 'unitId' },
  // the investor directory (客商目录, 002 §一): an officer sees the investors of their unit's projects
  SearchInvestors: { unitParam: 'unitId' },
  GetInvestor: { unitParam: 'unitId' },
  ExportInvestors: { unitParam: 'unitId' },
} as const satisfies Record<string, { readonly unitParam: string } | { readonly projectParam: string }>;

export type UnitScopedRead = keyof typeof unitScopedReads;

/** Whether a route name is a read scoped to the unit of a unit-scoped role. */
export const isUnitScopedRead = (name: string): name is UnitScopedRead =>
  Object.hasOwn(unitScopedReads, name);

/** Whether a route name is one of the restricted reads. */
export const isRestrictedQuery = (name: string): name is RestrictedQuery => Object.hasOwn(queryRoles, name);

/** Whether a role may run a restricted read. */
export const mayRead = (role: Role, query: RestrictedQuery): boolean =>
  (queryRoles[query] as ReadonlyArray<Role>).includes(role);

/** Whether a role may issue a command. */
export const mayIssue = (role: Role, command: RoutedCommandType): boolean =>
  (commandRoles[command] as ReadonlyArray<Role>).includes(role);
