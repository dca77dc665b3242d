import * as t from 'io-ts';

/** Promotion channel that brought a lead (R16: 000 §四.2, 002 §二/§八, 004 §(八)–(十一)). */
export const Channel = t.keyof(
  {
    'industrial-chain': null, // 产业链招商
    'by-investors': null, // 以商招商
    commissioned: null, // 委托招商
    fund: null, // 基金招商
    'resident-office': null, // 驻点招商
    association: null, // 商协会招商
    online: null, // 网络招商
    advisor: null, // 招商顾问
    'leader-trip': null, // 领导外出招商
    other: null,
  },
  'Channel',
);
export type Channel = t.TypeOf<typeof Channel>;

/** Departments whose written opinion admission review gathers (R2: 000 §三.1). */
export const Department = t.keyof(
  {
    'development-reform': null, // 发改
    'ecology-environment': null, // 生态环境
    'emergency-management': null, // 应急管理
    'natural-resources-planning': null, // 自然资源和规划
    'host-carrier': null, // 落户载体（园区/镇街）
    'industry-information': null, // 工信
    commerce: null, // 商务
    finance: null, // 财政
    'market-regulation': null, // 市场监管
    housing: null, // 住建
    taxation: null, // 税务
    statistics: null, // 统计
    justice: null, // 司法
    'administrative-approval': null, // 行政审批
  },
  'Department',
);
export type Department = t.TypeOf<typeof Department>;

/** A department's opinion in admission review. */
export const Opinion = t.keyof({ favourable: null, conditional: null, unfavourable: null }, 'Opinion');
export type Opinion = t.TypeOf<typeof Opinion>;

/** Class of the project in the industrial-structure catalogue (产业结构调整指导目录). */
export const CatalogueClass = t.keyof(
  { encouraged: null, permitted: null, restricted: null, eliminated: null },
  'CatalogueClass',
);
export type CatalogueClass = t.TypeOf<typeof CatalogueClass>;

/**
 * 建设性质 as the industrial-structure catalogue distinguishes it: a new project (新建项目, new
 * capacity, an expansion included) or the upgrading of existing production capacity (现有生产能力
 * 改造升级). 《产业结构调整指导目录（2024年本）》说明: 对属于限制类的新建项目，禁止投资; 对属于限制类的
 * 现有生产能力，允许企业在一定期限内改造升级.
 */
export const ConstructionNature = t.keyof(
  { 'new-build': null, 'upgrade-existing': null },
  'ConstructionNature',
);
export type ConstructionNature = t.TypeOf<typeof ConstructionNature>;

/** Labels of 建设性质 for people (zh, en). */
export const constructionNatureLabels = {
  'new-build': { zh: '新建项目（含新增产能）', en: 'new project (new capacity)' },
  'upgrade-existing': { zh: '现有生产能力改造升级', en: 'upgrade of existing capacity' },
} as const satisfies Record<ConstructionNature, { readonly zh: string; readonly en: string }>;

/** Position in the market-access negative list (市场准入负面清单). */
export const NegativeListStatus = t.keyof(
  { 'not-listed': null, 'licence-required': null, prohibited: null },
  'NegativeListStatus',
);
export type NegativeListStatus = t.TypeOf<typeof NegativeListStatus>;

/** Why admission was refused. */
export const RejectionGround = t.keyof(
  {
    'negative-list': null,
    'eliminated-category': null,
    'restricted-category': null, // 限制类新建项目
    feasibility: null,
    'land-use-plan': null,
    environment: null,
    'industrial-policy': null,
    other: null,
  },
  'RejectionGround',
);
export type RejectionGround = t.TypeOf<typeof RejectionGround>;

/**
 * Why the catalogue bars a project from admission (R2 · 000 §三.1, 002 §一/§四): the negative list's
 * prohibited items, the catalogue's eliminated class, or a new project of its restricted class.
 */
export type AdmissionBar = 'negative-list' | 'eliminated-category' | 'restricted-category';

/** Labels of the bars for people (zh, en). */
export const admissionBarLabels = {
  'negative-list': {
    zh: '市场准入负面清单禁止准入事项',
    en: 'a prohibited item of the market-access negative list',
  },
  'eliminated-category': {
    zh: '产业结构调整指导目录淘汰类',
    en: 'the eliminated class of the industrial-structure catalogue',
  },
  'restricted-category': {
    zh: '产业结构调整指导目录限制类新建项目',
    en: 'a new project in the restricted class of the industrial-structure catalogue',
  },
} as const satisfies Record<AdmissionBar, { readonly zh: string; readonly en: string }>;

/**
 * Terms of an agreement that its legal review covered (R4 · 002 §六: 加强投资协议合法性、优惠政策、
 * 投资方权利义务审查): the incentives (优惠政策), the binding clauses that withhold or claw them back
 * (约束条款), the land the investor obtains (用地: supply and area) and the yearly contribution it owes
 * in return (社会贡献承诺: output, tax, jobs — what 000 §三.2 binds the incentives to). The schedule and
 * the investment figures are not clauses of that review: changing them is watched by the milestones
 * (R8) and, across the 1000万元 line, by admission review (R1).
 */
export type ReviewedTerm = 'incentives' | 'clawback-clause' | 'land' | 'commitments';

/** Labels of the reviewed terms for people (zh, en). */
export const reviewedTermLabels = {
  incentives: { zh: '优惠政策', en: 'incentives' },
  'clawback-clause': { zh: '约束条款', en: 'binding clauses' },
  land: { zh: '用地（供地方式、面积）', en: 'land (supply, area)' },
  commitments: { zh: '社会贡献承诺（产值、税收、就业）', en: 'commitments (output, tax, jobs)' },
} as const satisfies Record<ReviewedTerm, { readonly zh: string; readonly en: string }>;

/** Roles of R6 (一个项目、一个包保领导、一个包保责任人; 项目经理、项目秘书 for key projects). */
export const LeaderRole = t.keyof(
  {
    'responsible-leader': null, // 包保领导
    'responsible-person': null, // 包保责任人
    'project-manager': null, // 项目经理（县级）
    'project-secretary': null, // 项目秘书（科级）
  },
  'LeaderRole',
);
export type LeaderRole = t.TypeOf<typeof LeaderRole>;

/** Who signs the agreement, which decides who must review it (R4: 002 §六). */
export const Signatory = t.keyof({ 'district-government': null, 'zone-committee': null }, 'Signatory');
export type Signatory = t.TypeOf<typeof Signatory>;

/** Who performed a legal review: the justice bureau (司法局) or the zone's legal office (法务). */
export const LegalReviewer = t.keyof({ 'justice-bureau': null, 'legal-affairs': null }, 'LegalReviewer');
export type LegalReviewer = t.TypeOf<typeof LegalReviewer>;

/** How the project gets land (R3: stand-alone land supply needs due diligence). */
export const LandSupply = t.keyof(
  { standalone: null /* 单独供地 */, 'standard-plant': null /* 标准厂房 */, 'no-land': null },
  'LandSupply',
);
export type LandSupply = t.TypeOf<typeof LandSupply>;

/** Administrative procedures (注册、立项备案、环评、规划、土地、施工许可 …; DOMAIN.md §6 register columns). */
export const ProcedureKind = t.keyof(
  {
    registration: null, // 企业注册
    'project-filing': null, // 立项备案/核准
    'environmental-assessment': null, // 环评
    'safety-assessment': null, // 安评
    'energy-assessment': null, // 能评
    planning: null, // 规划许可
    land: null, // 土地供应
    'drawing-review': null, // 施工图审查
    'construction-permit': null, // 施工许可
    other: null,
  },
  'ProcedureKind',
);
export type ProcedureKind = t.TypeOf<typeof ProcedureKind>;

/**
 * Who approves a procedure (R7: 001 §(三)2). 属本区审批的事项 (district) carry the 3/10-working-day
 * limit; 需上报有关部门审批的 (higher-level) are reported up and followed to completion (跟踪办结)
 * with their dates, without that limit.
 */
export const ApprovalLevel = t.keyof({ district: null, 'higher-level': null }, 'ApprovalLevel');
export type ApprovalLevel = t.TypeOf<typeof ApprovalLevel>;

/** The words people read for each approval level. */
export const approvalLevelLabels = {
  district: { zh: '本区审批（限时办结）', en: 'Approved by the district (time limit)' },
  'higher-level': { zh: '上报审批（跟踪办结）', en: 'Approved at a higher level (followed up)' },
} as const satisfies Record<ApprovalLevel, { readonly zh: string; readonly en: string }>;

/** The state of a procedure's R7 deadline, as registers and lists show it. */
export type DeadlineStatus = 'due' | 'pending-calendar' | 'tracked';

/** The words people read for each deadline state. */
export const deadlineStatusLabels = {
  due: { zh: '限时办结', en: 'Due by its time limit' },
  'pending-calendar': {
    zh: '待定：该年度节假日安排尚未公布',
    en: 'Pending: that year’s official holiday schedule is not adopted yet',
  },
  tracked: { zh: '跟踪办结（不计时限）', en: 'Followed up (no time limit)' },
} as const satisfies Record<DeadlineStatus, { readonly zh: string; readonly en: string }>;

/** Kind of incentive an agreement grants (政策兑现). */
export const IncentiveKind = t.keyof(
  {
    'land-price': null,
    'construction-subsidy': null,
    'equipment-subsidy': null,
    'tax-reward': null,
    'rent-subsidy': null,
    talent: null,
    other: null,
  },
  'IncentiveKind',
);
export type IncentiveKind = t.TypeOf<typeof IncentiveKind>;

/** Outcome of a fulfilment evaluation (R9/R10: 000 §三.4, 002 §七). */
export const Verdict = t.keyof({ compliant: null, underperforming: null, 'serious-breach': null }, 'Verdict');
export type Verdict = t.TypeOf<typeof Verdict>;

/**
 * The figures a fulfilment evaluation compares (R9: 000 §三.4 产值、亩均投资、亩均税收、亩均效益、建设周期;
 * R5: 纳税、就业). 亩均效益 is reported as 亩均产值 (output per mu).
 */
export const FulfilmentFigure = t.keyof(
  {
    fixedAssetInvestment: null,
    investmentPerMu: null,
    output: null,
    outputPerMu: null,
    tax: null,
    taxPerMu: null,
    jobs: null,
    constructionPeriod: null,
  },
  'FulfilmentFigure',
);
export type FulfilmentFigure = t.TypeOf<typeof FulfilmentFigure>;

/** How a person reads each figure of a fulfilment evaluation. */
export const fulfilmentFigureLabels = {
  fixedAssetInvestment: { zh: '固定资产投资', en: 'fixed-asset investment' },
  investmentPerMu: { zh: '亩均投资', en: 'investment per mu' },
  output: { zh: '年产值', en: 'annual output' },
  outputPerMu: { zh: '亩均产值（亩均效益）', en: 'output per mu (benefit per mu)' },
  tax: { zh: '年税收', en: 'annual tax' },
  taxPerMu: { zh: '亩均税收', en: 'tax per mu' },
  jobs: { zh: '就业人数', en: 'jobs' },
  constructionPeriod: { zh: '建设周期', en: 'construction period' },
} as const satisfies Record<FulfilmentFigure, { zh: string; en: string }>;

/**
 * Why an evaluation reached its verdict. `breach` findings make a serious breach (R10: 002 §七
 * 严重违约; 001 §(四) 圈而不建、签而不建、建而不产), `shortfall` findings make a project
 * underperforming, `note` findings say what was not applicable and why.
 */
export const FulfilmentFindingCode = t.keyof(
  {
    LAND_IDLE: null,
    SIGNED_NOT_BUILT: null,
    BUILT_NOT_PRODUCING: null,
    INVESTMENT_FAR_BELOW: null,
    DEFINED_BREACH: null,
    SHORTFALL: null,
    NOT_YET_PRODUCING: null,
    NO_LAND: null,
    RECORDED_BY_V1: null,
  },
  'FulfilmentFindingCode',
);
export type FulfilmentFindingCode = t.TypeOf<typeof FulfilmentFindingCode>;

/** What a finding weighs in the verdict. */
export type FindingWeight = 'breach' | 'shortfall' | 'note';

/** Each finding's weight and its message in both languages (`{name}` is filled from its params). */
export const fulfilmentFindings = {
  LAND_IDLE: {
    weight: 'breach',
    zh: '圈而不建：{landSuppliedOn} 已供地，至 {deadline} 仍未开工（001 §(四)：坚决收回土地）',
    en: 'Land held but not built on (圈而不建): land supplied on {landSuppliedOn}, construction not started by {deadline}',
  },
  SIGNED_NOT_BUILT: {
    weight: 'breach',
    zh: '签而不建：至 {deadline}（约定开工日或签约后三个月，以先到者为准）仍未开工（001 §(四)：依法清退）',
    en: 'Signed but not built (签而不建): construction not started by {deadline} (the agreed start date or three months after signing, whichever came first)',
  },
  BUILT_NOT_PRODUCING: {
    weight: 'breach',
    zh: '建而不产：至 {deadline}（约定投产日或签约后两年，以先到者为准）仍未投产（001 §(四)：依法清退）',
    en: 'Built but not producing (建而不产): production not started by {deadline} (the agreed production date or two years after signing, whichever came first)',
  },
  INVESTMENT_FAR_BELOW: {
    weight: 'breach',
    zh: '实际固定资产投资仅为协议约定的 {percent}%，低于 {thresholdPercent}%（严重违约）',
    en: 'Fixed-asset investment is only {percent}% of the agreement, below {thresholdPercent}% (serious breach)',
  },
  DEFINED_BREACH: {
    weight: 'breach',
    zh: '协议约定的违约情形（{clause}）：{description}',
    en: 'A breach the agreement defines ({clause}): {description}',
  },
  SHORTFALL: {
    weight: 'shortfall',
    zh: '{figureZh}完成协议约定的 {percent}%（未达约定，002 §七：二次招商、限期整改）',
    en: '{figureEn} at {percent}% of the agreement (short of it; 002 §七: secondary promotion, rectification)',
  },
  NOT_YET_PRODUCING: {
    weight: 'note',
    zh: '尚未投产且未到投产期限 {deadline}：产值、税收、就业不予评估',
    en: 'Not producing yet and the production deadline {deadline} has not passed: output, tax and jobs are not applicable',
  },
  NO_LAND: {
    weight: 'note',
    zh: '协议不涉及用地：亩均指标不适用',
    en: 'The agreement involves no land: per-mu figures are not applicable',
  },
  RECORDED_BY_V1: {
    weight: 'note',
    zh: '旧版评估记录：{text}',
    en: 'Recorded by the first version of the evaluation: {text}',
  },
} as const satisfies Record<
  FulfilmentFindingCode,
  { readonly weight: FindingWeight; readonly zh: string; readonly en: string }
>;

/** Grounds of a termination (清退). */
export const TerminationBasis = t.keyof(
  { 'exit-rule': null, 'serious-breach': null, 'mutual-agreement': null },
  'TerminationBasis',
);
export type TerminationBasis = t.TypeOf<typeof TerminationBasis>;

/**
 * Milestones whose deadline the clock watches (R7, R8 and the agreement's schedule).
 * Each missed deadline is raised once, keyed by `milestoneKey`.
 */
export const MilestoneKind = t.keyof(
  {
    'agreed-start': null, // 协议约定开工
    'agreed-completion': null, // 协议约定竣工
    'agreed-production': null, // 协议约定投产
    'exit-no-start-3-months': null, // 三个月不开工
    'exit-no-production-2-years': null, // 两年不投产
    'exit-no-results-3-years': null, // 三年不见效
    'procedure-time-limit': null, // 限时办结
    'rectification-deadline': null, // 限期整改
  },
  'MilestoneKind',
);
export type MilestoneKind = t.TypeOf<typeof MilestoneKind>;

/** Stages of the life of a project, in order. */
export const STAGES = [
  'lead',
  'planned',
  'qualified',
  'under-review',
  'admitted',
  'rejected',
  'signed',
  'under-construction',
  'completed',
  'in-production',
  'at-capacity',
  'discarded',
  'abandoned',
  'terminated',
] as const;
export type Stage = (typeof STAGES)[number];

/** Chinese names of the roles, signatories and reviewers, for messages people read. */
export const leaderRoleZh: { readonly [K in LeaderRole]: string } = {
  'responsible-leader': '包保领导',
  'responsible-person': '包保责任人',
  'project-manager': '项目经理',
  'project-secretary': '项目秘书',
};
export const signatoryZh: { readonly [K in Signatory]: string } = {
  'district-government': '区政府',
  'zone-committee': '管委会',
};
export const legalReviewerZh: { readonly [K in LegalReviewer]: string } = {
  'justice-bureau': '司法局',
  'legal-affairs': '法务部门',
};
