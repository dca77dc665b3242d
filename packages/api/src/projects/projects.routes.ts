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
  cmd('CaptureLead', '/projects', '录入招商线索 / capture a lead', {
    status: 201,
    generatesProjectId: true,
    description: {
      zh: '录入一条招商线索：项目名称、投资方、产业链、建设内容、招商渠道、意向投资额和录入日期。项目编号可省略，由 Idempotency-Key 派生。招商专员只能为本单位录入。',
      en: 'Captures a lead: the project’s name, investor, industry chain, what will be built, the channel, the intended investment and the day. The project id may be omitted: it is derived from the Idempotency-Key. An investment officer captures for their own unit only.',
    },
  }),
  cmd('PlanProject', '/projects/planned', '谋划项目 / plan a project', {
    status: 201,
    generatesProjectId: true,
    description: {
      zh: '登记一个谋划项目（尚无投资方的项目储备）。此后与线索一样研判和推进。',
      en: 'Records a planned project (a project in the pipeline with no investor yet). It is then qualified and followed as a lead is.',
    },
  }),
  cmd('QualifyLead', `${p}/qualification`, '研判为有效线索 / qualify the lead', {
    description: {
      zh: '将线索研判为有效线索，写明研判意见；可补充投资方信息。',
      en: 'Qualifies the lead with an assessment; the investor may be completed.',
    },
  }),
  cmd('DiscardLead', `${p}/discarding`, '放弃线索 / discard the lead'),
  cmd('OpenConsultation', `${p}/consultation`, '启动论证准入、征求部门意见 / open admission review (R2)', {
    description: {
      zh: '启动论证准入，列出须出具书面意见的职能部门（R2）。',
      en: 'Opens the admission review and names the departments that must give a written opinion (R2).',
    },
  }),
  cmd('RecordDepartmentOpinion', `${p}/opinions`, '登记部门书面意见 / record a department opinion (R2)', {
    description: {
      zh: '登记一个职能部门的书面意见（同意、有条件同意或不同意），可附佐证材料（R2）。',
      en: 'Records a department’s written opinion (favourable, conditional or unfavourable), with supporting documents (R2).',
    },
  }),
  cmd(
    'ApproveAdmission',
    `${p}/admission/approval`,
    '准入通过（须写明建设性质；否决部门意见须说明理由）/ approve admission (R1, R2)',
    {
      description: {
        zh: '准入通过：须写明建设性质和产业目录类别；否决任何部门的不同意意见须说明理由（R1、R2）。',
        en: 'Approves admission: the nature of construction and the catalogue class are required; overruling an unfavourable opinion needs a reason (R1, R2).',
      },
    },
  ),
  cmd('RejectAdmission', `${p}/admission/rejection`, '不予准入 / reject admission (R2)'),
  cmd('CompleteDueDiligence', `${p}/due-diligence`, '完成尽职调查 / complete due diligence (R3)', {
    description: {
      zh: '登记对投资方的尽职调查结论和材料；签约前必须完成（R3）。',
      en: 'Records the due diligence of the investor and its documents; required before signing (R3).',
    },
  }),
  cmd('AssignLeader', `${p}/leaders`, '明确包保领导、责任人 / assign a responsible leader (R6)'),
  cmd('RecordSiteVisit', `${p}/visits`, '登记走访 / record a site visit (R6)'),
  cmd('HoldNegotiation', `${p}/negotiations`, '登记洽谈 / record a negotiation'),
  cmd(
    'RecordLegalReview',
    `${p}/legal-reviews`,
    '合法性审查（签约前或补充协议）/ record the legal review of the draft agreement or supplement (R4)',
    {
      description: {
        zh: '登记司法局或法务对协议草案（或补充协议）的合法性审查结论；未通过审查不得签约（R4）。',
        en: 'Records the legal review of the draft agreement (or a supplement) by the justice bureau or legal affairs; an agreement is not signed without it (R4).',
      },
    },
  ),
  cmd('SignAgreement', `${p}/agreement`, '签约 / sign the agreement (R1, R3–R6)', {
    description: {
      zh: '签约：协议编号、签约主体、领导小组会议纪要、投资额、用地、约定进度、投产后承诺和扶持政策。须已准入、完成尽调和合法性审查、明确包保领导（R1、R3–R6）。',
      en: 'Signs the agreement: its id, the signatory, the leading-group minutes, the investment, the land, the agreed schedule, the yearly commitments and the incentives. Admission, due diligence, the legal review and a responsible leader are required first (R1, R3–R6).',
    },
  }),
  cmd(
    'AmendAgreement',
    `${p}/agreement/amendments`,
    '补充协议（跨线须重新准入、尽调、合法性审查）/ amend the agreement (R1, R3, R4, R5)',
  ),
  cmd('RequestProcedure', `${p}/procedures`, '申请办理手续 / request a procedure (R7)', {
    description: {
      zh: '申请办理一项手续（如环评、施工许可）；区级审批按工作日计算办理时限（R7）。',
      en: 'Requests a procedure (an environmental assessment, a construction permit…); a district approval’s time limit is counted in working days (R7).',
    },
  }),
  cmd(
    'CompleteProcedure',
    `${p}/procedures/:procedureId/completion`,
    '手续办结 / complete a procedure (R7)',
    {
      description: {
        zh: '手续办结：受理编号、经办人、批准文号和材料；超过时限的办结会被记录（R7）。',
        en: 'Completes a procedure: the filing’s receipt number, the handler, the approval number and documents; completion after the time limit is recorded as such (R7).',
      },
    },
  ),
  cmd('StartConstruction', `${p}/construction/start`, '开工 / start construction', {
    description: {
      zh: '登记开工日期及佐证材料（如施工许可、现场照片）。',
      en: 'Records the start of construction with its evidence (a construction permit, site photos).',
    },
  }),
  cmd('ReportInvestmentProgress', `${p}/investment-reports`, '报送投资进度 / report investment progress', {
    description: {
      zh: '报送某月完成的投资额和累计完成投资；可更正此前报送的数字。',
      en: 'Reports the investment completed in a month and the total to date; an earlier report may be corrected.',
    },
  }),
  cmd('EnterStatistics', `${p}/statistics`, '入库纳统 / enter the statistics', {
    description: {
      zh: '入库纳统：登记统计编码和日期（统计局）。',
      en: 'Enters the project into the statistics: its statistics code and the day (statistics bureau).',
    },
  }),
  cmd('CompleteConstruction', `${p}/construction/completion`, '竣工 / complete construction'),
  cmd('StartProduction', `${p}/production/start`, '投产 / start production', {
    description: {
      zh: '登记投产日期及佐证材料；此后按年报送产出、税收和就业。',
      en: 'Records the start of production with its evidence; output, tax and jobs are then reported yearly.',
    },
  }),
  cmd('ReachCapacity', `${p}/capacity`, '达产达效 / reach capacity'),
  cmd(
    'ReportPerformance',
    `${p}/performance-reports`,
    '报送年度产出、税收、就业 / report yearly performance',
  ),
  cmd('EvaluateFulfilment', `${p}/fulfilment-evaluations`, '履约评估 / evaluate fulfilment (R9, R10)', {
    description: {
      zh: '履约评估：按协议承诺核对实际的投资、产出、税收和就业，得出履约、未达标或严重违约的结论（R9、R10）。',
      en: 'Evaluates fulfilment: the actual investment, output, tax and jobs against the agreement’s commitments, with a verdict: compliant, underperforming or serious breach (R9, R10).',
    },
  }),
  cmd(
    'DisburseIncentive',
    `${p}/incentives/:incentiveId/disbursements`,
    '政策兑现 / disburse an incentive (R10)',
    {
      description: {
        zh: '兑现一项扶持政策；累计兑现不得超过协议约定的上限（R10）。',
        en: 'Disburses an incentive; the total disbursed never exceeds the agreement’s ceiling (R10).',
      },
    },
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
  cmd('TerminateProject', `${p}/termination`, '清退 / terminate the project (R8, R10)', {
    description: {
      zh: '清退项目：须有依据（退出规则、严重违约或协商一致），扶持资金按规定追回（R8、R10）。',
      en: 'Terminates the project, on a basis (the exit rule, a serious breach or mutual agreement); subsidies are clawed back as the rules say (R8, R10).',
    },
  }),
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
