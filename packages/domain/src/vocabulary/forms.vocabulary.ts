import type { ProjectCommandType } from '../project/project.commands';
import type { Labels } from '../shared/label';

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
