import type { ProjectCommandType } from '../project/project.commands';
import type { AnyCommandType } from '../registry/aggregates';
import type { Label, Labels } from '../shared/label';

/**
 * What a person reads on a form (the workbench, issue #18 item 1): one label per command of the
 * project. The forms' fields are labelled by the field glossary (`fieldGlossary`,
 * fields.vocabulary.ts), the one the API's OpenAPI document and 400 answers read.
 */
export const projectCommandLabels = {
  CaptureLead: { zh: '录入招商线索', en: 'Capture a lead' },
  PlanProject: { zh: '谋划项目', en: 'Plan a project' },
  QualifyLead: { zh: '研判为有效线索', en: 'Qualify the lead' },
  DiscardLead: { zh: '放弃线索', en: 'Discard the lead' },
  OpenConsultation: { zh: '启动论证准入', en: 'Open admission review' },
  RecordDepartmentOpinion: { zh: '登记部门意见', en: 'Record a department opinion' },
  ApproveAdmission: { zh: '准入通过', en: 'Approve admission' },
  RejectAdmission: { zh: '不予准入', en: 'Reject admission' },
  CompleteDueDiligence: { zh: '完成尽职调查', en: 'Complete due diligence' },
  AssignLeader: { zh: '明确包保领导', en: 'Assign a responsible leader' },
  RecordSiteVisit: { zh: '登记走访', en: 'Record a site visit' },
  HoldNegotiation: { zh: '登记洽谈', en: 'Record a negotiation' },
  RecordLegalReview: { zh: '合法性审查', en: 'Record the legal review' },
  SignAgreement: { zh: '签约', en: 'Sign the agreement' },
  AmendAgreement: { zh: '补充协议', en: 'Amend the agreement' },
  RequestProcedure: { zh: '申请办理手续', en: 'Request a procedure' },
  CompleteProcedure: { zh: '手续办结', en: 'Complete a procedure' },
  StartConstruction: { zh: '开工', en: 'Start construction' },
  ReportInvestmentProgress: { zh: '报送投资进度', en: 'Report investment progress' },
  EnterStatistics: { zh: '入库纳统', en: 'Enter the statistics' },
  CompleteConstruction: { zh: '竣工', en: 'Complete construction' },
  StartProduction: { zh: '投产', en: 'Start production' },
  ReachCapacity: { zh: '达产达效', en: 'Reach capacity' },
  ReportPerformance: { zh: '报送年度产出、税收、就业', en: 'Report yearly performance' },
  EvaluateFulfilment: { zh: '履约评估', en: 'Evaluate fulfilment' },
  DisburseIncentive: { zh: '政策兑现', en: 'Disburse an incentive' },
  StartSecondaryPromotion: { zh: '二次招商', en: 'Start secondary promotion' },
  OrderRectification: { zh: '限期整改', en: 'Order rectification' },
  CompleteRectification: { zh: '整改完成', en: 'Complete rectification' },
  ClawBackSubsidy: { zh: '追回扶持资金', en: 'Claw back a subsidy' },
  ReclaimLand: { zh: '收回土地', en: 'Reclaim land' },
  TerminateProject: { zh: '清退', en: 'Terminate the project' },
  AbandonProject: { zh: '终止洽谈', en: 'Abandon the project' },
  RecordMissedMilestones: { zh: '登记逾期节点', en: 'Record missed milestones' },
  LinkDuplicate: { zh: '标记重复项目', en: 'Link a duplicate' },
  CorrectFact: { zh: '更正已记录事实', en: 'Correct a recorded fact' },
  UnlinkDuplicate: { zh: '撤销重复项目认定', en: 'Undo a duplicate link' },
  RecordForeignCapitalReceipt: { zh: '登记外资实际到位', en: 'Record foreign capital received' },
  RecordOutOfProvinceFundsReceipt: {
    zh: '登记省外资金实际到位',
    en: 'Record out-of-province funds received',
  },
  // The project's profile (R22)
  RecordProjectProfile: { zh: '登记项目档案', en: 'Record the register profile' },
} as const satisfies Labels<ProjectCommandType>;

// ---- forms of the other aggregates' commands (issue #18 item 1: "forms for every command") ----

/**
 * The commands only the server issues, on its own clock (the deadline watcher): no person gives
 * them, so they have no form (the API's `serverCommands` lists the same; a test compares them).
 */
export const serverOnlyCommands = [
  'RecordMissedMilestones',
  'ComputeRequestDeadlines',
  'ComputeMeetingItemDeadlines',
] as const;
export type ServerOnlyCommandType = (typeof serverOnlyCommands)[number];

/** A command of an aggregate other than the project that a person issues. */
export type OtherCommandType = Exclude<AnyCommandType, ProjectCommandType | ServerOnlyCommandType>;

/** What a person reads for each command of the other aggregates (a missing one fails to compile). */
export const otherCommandLabels = {
  // target plans (R11, R12)
  SetAnnualTargets: { zh: '下达年度目标任务', en: 'Set the annual targets' },
  ReviseAnnualTargets: { zh: '调整年度目标任务', en: 'Revise the annual targets' },
  // leaders' outbound trips (R15)
  RecordOutboundTrip: { zh: '登记领导外出招商', en: 'Record an outbound promotion trip' },
  CorrectOutboundTrip: { zh: '更正外出招商记录', en: 'Correct an outbound trip' },
  // bulletins (R14)
  PublishBulletin: { zh: '发布通报', en: 'Publish a bulletin' },
  CorrectBulletin: { zh: '更正通报', en: 'Correct a bulletin' },
  // the working-day calendar (R7)
  AdoptHolidaySchedule: { zh: '采用年度节假日安排', en: 'Adopt a year’s holiday schedule' },
  CorrectHolidaySchedule: { zh: '更正节假日安排', en: 'Correct a holiday schedule' },
  // enterprise requests 企业诉求 (R17)
  ReceiveRequest: { zh: '受理企业诉求', en: 'Receive an enterprise request' },
  AssignRequest: { zh: '交办承办部门', en: 'Hand the request to a department' },
  HandleRequest: { zh: '承办部门办结答复', en: 'Record the department’s answer' },
  EvaluateRequest: { zh: '登记企业评价', en: 'Record the enterprise’s evaluation' },
  CloseRequest: { zh: '办结归档', en: 'Close the request' },
  // plots 地块 and the land quota 用地指标 (R19)
  RegisterPlot: { zh: '登记地块', en: 'Register a plot' },
  RecordPlotSupply: { zh: '登记供地进度', en: 'Record the plot’s supply' },
  AllocatePlot: { zh: '地块分配给项目', en: 'Allocate the plot to a project' },
  FlagPlot: { zh: '认定闲置或低效用地', en: 'Flag the plot idle or low-efficiency' },
  RevitalisePlot: { zh: '盘活地块', en: 'Revitalise the plot' },
  ReclaimPlot: { zh: '收回地块', en: 'Reclaim the plot' },
  ReturnPlotToReserve: { zh: '地块退回储备', en: 'Return the plot to the reserve' },
  GrantLandQuota: { zh: '下达用地指标', en: 'Record a land-quota grant' },
  UseLandQuota: { zh: '使用用地指标', en: 'Use land quota' },
  ReleaseLandQuotaReservation: { zh: '释放重点项目预留指标', en: 'Release reserved land quota' },
  // leading-group meetings and their 交办 items (R20)
  HoldMeeting: { zh: '登记领导小组会议', en: 'Record a leading-group meeting' },
  RecordDecision: { zh: '登记会议决定及交办事项', en: 'Record a decision and its items' },
  ReportItemDone: { zh: '报告交办事项办结', en: 'Report an item done' },
  ExtendItem: { zh: '交办事项延期', en: 'Extend an item’s deadline' },
  VerifyItem: { zh: '核验交办事项', en: 'Verify an item' },
  // advisors 招商顾问 (R21)
  AppointAdvisor: { zh: '聘任招商顾问', en: 'Appoint an advisor' },
  EndAdvisorAppointment: { zh: '解聘招商顾问', en: 'End an advisor’s appointment' },
  CreditIntroduction: { zh: '认定顾问引荐项目', en: 'Credit an introduction' },
  RewardAdvisor: { zh: '兑现顾问奖励', en: 'Reward the advisor' },
} as const satisfies Labels<OtherCommandType>;

/**
 * The alternatives of a field that is one of several shapes (a union discriminated by `kind`), by
 * the alternative's codec name: a form offers them as a choice (a test finds each one labelled).
 */
export const variantLabels: Readonly<Record<string, Label>> = {
  // a target's value (R11, R12)
  CountTarget: { zh: '个数', en: 'A count' },
  CnyTarget: { zh: '金额（人民币）', en: 'An amount in CNY' },
  UsdTarget: { zh: '金额（美元）', en: 'An amount in USD' },
  RateTarget: { zh: '比率', en: 'A rate' },
  // who owns a 交办 item (R20)
  UnitOwner: { zh: '责任单位', en: 'A unit' },
  DepartmentOwner: { zh: '责任部门', en: 'A department' },
  // an item's deadline (R20, R7)
  DeadlineOnDate: { zh: '指定日期', en: 'By a date' },
  DeadlineInWorkingDays: { zh: '工作日数（自会议起算）', en: 'In working days from the meeting' },
};
