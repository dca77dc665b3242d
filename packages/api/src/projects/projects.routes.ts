import { CountText, DateText, IdText, queryInput, StageText } from '../http/query-inputs';
import type { CommandRoute, QueryRoute } from '../http/routes';

const p = '/projects/:projectId';

const cmd = (
  command: CommandRoute['command'],
  path: string,
  summary: string,
  extra: Partial<CommandRoute> = {},
): CommandRoute => ({
  kind: 'command',
  command,
  path,
  tag: 'projects',
  summary,
  ...extra,
});

/**
 * The whole life of a project, one resource-oriented route per command (DOMAIN.md §1) — but for
 * RecordMissedMilestones: MilestoneMissed is raised by the server's clock alone (the deadline
 * watcher), so no route lets a caller say what "today" is (DOMAIN.md §5).
 */
export const projectCommandRoutes: ReadonlyArray<CommandRoute> = [
  cmd('CaptureLead', '/projects', '录入招商线索 / capture a lead', { status: 201, generatesProjectId: true }),
  cmd('PlanProject', '/projects/planned', '谋划项目 / plan a project', {
    status: 201,
    generatesProjectId: true,
  }),
  cmd('QualifyLead', `${p}/qualification`, '研判为有效线索 / qualify the lead'),
  cmd('DiscardLead', `${p}/discarding`, '放弃线索 / discard the lead'),
  cmd('OpenConsultation', `${p}/consultation`, '启动论证准入、征求部门意见 / open admission review (R2)'),
  cmd('RecordDepartmentOpinion', `${p}/opinions`, '登记部门书面意见 / record a department opinion (R2)'),
  cmd(
    'ApproveAdmission',
    `${p}/admission/approval`,
    '准入通过（须写明建设性质；否决部门意见须说明理由）/ approve admission (R1, R2)',
  ),
  cmd('RejectAdmission', `${p}/admission/rejection`, '不予准入 / reject admission (R2)'),
  cmd('CompleteDueDiligence', `${p}/due-diligence`, '完成尽职调查 / complete due diligence (R3)'),
  cmd('AssignLeader', `${p}/leaders`, '明确包保领导、责任人 / assign a responsible leader (R6)'),
  cmd('RecordSiteVisit', `${p}/visits`, '登记走访 / record a site visit (R6)'),
  cmd('HoldNegotiation', `${p}/negotiations`, '登记洽谈 / record a negotiation'),
  cmd(
    'RecordLegalReview',
    `${p}/legal-reviews`,
    '合法性审查（签约前或补充协议）/ record the legal review of the draft agreement or supplement (R4)',
  ),
  cmd('SignAgreement', `${p}/agreement`, '签约 / sign the agreement (R1, R3–R6)'),
  cmd(
    'AmendAgreement',
    `${p}/agreement/amendments`,
    '补充协议（跨线须重新准入、尽调、合法性审查）/ amend the agreement (R1, R3, R4, R5)',
  ),
  cmd('RequestProcedure', `${p}/procedures`, '申请办理手续 / request a procedure (R7)'),
  cmd('CompleteProcedure', `${p}/procedures/:procedureId/completion`, '手续办结 / complete a procedure (R7)'),
  cmd('StartConstruction', `${p}/construction/start`, '开工 / start construction'),
  cmd('ReportInvestmentProgress', `${p}/investment-reports`, '报送投资进度 / report investment progress'),
  cmd('EnterStatistics', `${p}/statistics`, '入库纳统 / enter the statistics'),
  cmd('CompleteConstruction', `${p}/construction/completion`, '竣工 / complete construction'),
  cmd('StartProduction', `${p}/production/start`, '投产 / start production'),
  cmd('ReachCapacity', `${p}/capacity`, '达产达效 / reach capacity'),
  cmd(
    'ReportPerformance',
    `${p}/performance-reports`,
    '报送年度产出、税收、就业 / report yearly performance',
  ),
  cmd('EvaluateFulfilment', `${p}/fulfilment-evaluations`, '履约评估 / evaluate fulfilment (R9, R10)'),
  cmd(
    'DisburseIncentive',
    `${p}/incentives/:incentiveId/disbursements`,
    '政策兑现 / disburse an incentive (R10)',
  ),
  cmd('StartSecondaryPromotion', `${p}/secondary-promotion`, '二次招商 / start secondary promotion (R10)'),
  cmd('OrderRectification', `${p}/rectifications`, '限期整改 / order rectification (R9)'),
  cmd('CompleteRectification', `${p}/rectifications/completion`, '整改完成 / complete rectification'),
  cmd(
    'ClawBackSubsidy',
    `${p}/incentives/:incentiveId/clawbacks`,
    '追回扶持资金 / claw back a subsidy (R9, R10)',
  ),
  cmd('ReclaimLand', `${p}/land-reclamation`, '收回土地 / reclaim land (R8)'),
  cmd('TerminateProject', `${p}/termination`, '清退 / terminate the project (R8, R10)'),
  cmd('AbandonProject', `${p}/abandonment`, '终止洽谈 / abandon the project'),
  cmd('LinkDuplicate', `${p}/duplicate-link`, '标记重复项目（一炮数响）/ link a duplicate'),
  cmd(
    'CorrectFact',
    `${p}/fact-corrections`,
    '更正已记录的开工、竣工、投产、达产日期或统计编码（须说明原因）/ correct a recorded fact with a reason',
  ),
  cmd(
    'UnlinkDuplicate',
    `${p}/duplicate-link/undo`,
    '撤销重复项目认定（附理由）/ undo a duplicate link, with a reason',
  ),
  cmd(
    'RecordForeignCapitalReceipt',
    `${p}/foreign-capital-receipts`,
    '登记外资实际到位（利用外资）/ record foreign capital actually received (R11)',
  ),
  cmd(
    'RecordOutOfProvinceFundsReceipt',
    `${p}/out-of-province-funds-receipts`,
    '登记省外资金实际到位（利用省外资金）/ record funds from outside the province actually received (R11)',
  ),
  // The project's profile: the register's columns no other fact gives (R22)
  cmd(
    'RecordProjectProfile',
    `${p}/profile`,
    '登记项目档案（项目类别、园区、镇街、项目代码、备案证号、用地类型、供地进度）/ record the register profile (R22)',
  ),
];

/** `GET /projects`: a page of the register, of one unit or one stage, lights as of a date. */
export const RegisterInput = queryInput(
  {},
  { unitId: IdText, stage: StageText, limit: CountText, offset: CountText, asOf: DateText },
);
/** `GET /projects/{projectId}`. */
export const ProjectInput = queryInput({ projectId: IdText }, { asOf: DateText });
/** `GET /projects/{projectId}/history`. */
export const ProjectHistoryInput = queryInput({ projectId: IdText }, {});

export const projectQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'GetProjectRegister',
    path: '/projects',
    tag: 'projects',
    summary: '招商引资工作台账 / project register',
    input: RegisterInput,
    returns:
      'Page<RegisterEntry> { items, total, offset, limit } (sorted by projectId; `limit` default 100, max 500; lights as of `asOf`, default today)',
  },
  {
    kind: 'query',
    name: 'GetProject',
    path: p,
    tag: 'projects',
    summary: '项目台账条目 / one project',
    input: ProjectInput,
    returns:
      'RegisterEntry (reflects every event of the project: waits for the read models to apply its last one)',
  },
  {
    kind: 'query',
    name: 'GetProjectHistory',
    path: `${p}/history`,
    tag: 'projects',
    summary: '项目全部事件及哈希链校验（审计）/ full history with hash-chain check (audit)',
    input: ProjectHistoryInput,
    returns:
      '{ streamName, chain: { ok, checked, reason? }, events: [{ revision, position, type, businessTime, recordedAt, actor, reason?, data, metadata }] } (reason: data.reason, a correction’s reason, or the event’s summary; data as stored)',
  },
];
