import * as t from 'io-ts';
import { termLabel, zhOf, type Label, type Labels } from '../shared/label';

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

/** The channels' names (R16: 000 §四.2, 002 §二/§八, 004 §(八)–(十一)). */
export const channelLabels = {
  'industrial-chain': { zh: '产业链招商', en: 'Industrial-chain promotion' },
  'by-investors': { zh: '以商招商', en: 'Promotion through investors' },
  commissioned: { zh: '委托招商', en: 'Commissioned promotion' },
  fund: { zh: '基金招商', en: 'Fund-led promotion' },
  'resident-office': { zh: '驻点招商', en: 'Resident promotion office' },
  association: { zh: '商协会招商', en: 'Chambers and associations' },
  online: { zh: '网络招商', en: 'Online promotion' },
  advisor: { zh: '招商顾问', en: 'Promotion advisor' },
  'leader-trip': { zh: '领导外出招商', en: "Leaders' promotion trips" },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Labels<Channel>;

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

/** The departments' names (R2: 000 §三.1). */
export const departmentLabels = {
  'development-reform': { zh: '发展改革部门', en: 'Development and reform' },
  'ecology-environment': { zh: '生态环境部门', en: 'Ecology and environment' },
  'emergency-management': { zh: '应急管理部门', en: 'Emergency management' },
  'natural-resources-planning': { zh: '自然资源和规划部门', en: 'Natural resources and planning' },
  'host-carrier': { zh: '落户载体（园区/镇街）', en: 'Host zone or town' },
  'industry-information': { zh: '工业和信息化部门', en: 'Industry and information technology' },
  commerce: { zh: '商务部门', en: 'Commerce' },
  finance: { zh: '财政部门', en: 'Finance' },
  'market-regulation': { zh: '市场监管部门', en: 'Market regulation' },
  housing: { zh: '住房和城乡建设部门', en: 'Housing and construction' },
  taxation: { zh: '税务部门', en: 'Taxation' },
  statistics: { zh: '统计部门', en: 'Statistics' },
  justice: { zh: '司法行政部门', en: 'Justice' },
  'administrative-approval': { zh: '行政审批部门', en: 'Administrative approval' },
} as const satisfies Labels<Department>;

/** A department's opinion in admission review. */
export const Opinion = t.keyof({ favourable: null, conditional: null, unfavourable: null }, 'Opinion');
export type Opinion = t.TypeOf<typeof Opinion>;

/** The words of a department's opinion. */
export const opinionLabels = {
  favourable: { zh: '同意', en: 'Favourable' },
  conditional: { zh: '有条件同意', en: 'Favourable with conditions' },
  unfavourable: { zh: '不同意', en: 'Unfavourable' },
} as const satisfies Labels<Opinion>;

/** Class of the project in the industrial-structure catalogue (产业结构调整指导目录). */
export const CatalogueClass = t.keyof(
  { encouraged: null, permitted: null, restricted: null, eliminated: null },
  'CatalogueClass',
);
export type CatalogueClass = t.TypeOf<typeof CatalogueClass>;

/** The classes of the industrial-structure catalogue (产业结构调整指导目录). */
export const catalogueClassLabels = {
  encouraged: { zh: '鼓励类', en: 'Encouraged' },
  permitted: { zh: '允许类', en: 'Permitted' },
  restricted: { zh: '限制类', en: 'Restricted' },
  eliminated: { zh: '淘汰类', en: 'Eliminated' },
} as const satisfies Labels<CatalogueClass>;

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
} as const satisfies Labels<ConstructionNature>;

/** Position in the market-access negative list (市场准入负面清单). */
export const NegativeListStatus = t.keyof(
  { 'not-listed': null, 'licence-required': null, prohibited: null },
  'NegativeListStatus',
);
export type NegativeListStatus = t.TypeOf<typeof NegativeListStatus>;

/** A project's position in the market-access negative list (市场准入负面清单). */
export const negativeListStatusLabels = {
  'not-listed': { zh: '不属负面清单事项', en: 'Not on the negative list' },
  'licence-required': { zh: '许可准入事项', en: 'Access by licence' },
  prohibited: { zh: '禁止准入事项', en: 'Prohibited' },
} as const satisfies Labels<NegativeListStatus>;

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

/** Why admission was refused, in words. */
export const rejectionGroundLabels = {
  'negative-list': { zh: '属市场准入负面清单禁止准入事项', en: 'Prohibited by the negative list' },
  'eliminated-category': { zh: '属产业结构调整指导目录淘汰类', en: 'Eliminated class of the catalogue' },
  'restricted-category': { zh: '属限制类新建项目', en: 'New project of the restricted class' },
  feasibility: { zh: '可行性不足', en: 'Not feasible' },
  'land-use-plan': { zh: '不符合土地利用规划', en: 'Against the land-use plan' },
  environment: { zh: '环境影响不可接受', en: 'Environmental impact' },
  'industrial-policy': { zh: '不符合产业政策', en: 'Against industrial policy' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Labels<RejectionGround>;

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
} as const satisfies Labels<AdmissionBar>;

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
} as const satisfies Labels<ReviewedTerm>;

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

/** The roles of R6 (001 §(三)1). */
export const leaderRoleLabels = {
  'responsible-leader': { zh: '包保领导', en: 'Responsible leader' },
  'responsible-person': { zh: '包保责任人', en: 'Responsible officer' },
  'project-manager': { zh: '项目经理', en: 'Project manager' },
  'project-secretary': { zh: '项目秘书', en: 'Project secretary' },
} as const satisfies Labels<LeaderRole>;

/** Who signs the agreement, which decides who must review it (R4: 002 §六). */
export const Signatory = t.keyof({ 'district-government': null, 'zone-committee': null }, 'Signatory');
export type Signatory = t.TypeOf<typeof Signatory>;

/** Who signs an agreement (R4: 002 §六). */
export const signatoryLabels = {
  'district-government': { zh: '区政府', en: 'District government' },
  'zone-committee': { zh: '管委会', en: 'Zone management committee' },
} as const satisfies Labels<Signatory>;

/** Who performed a legal review: the justice bureau (司法局) or the zone's legal office (法务). */
export const LegalReviewer = t.keyof({ 'justice-bureau': null, 'legal-affairs': null }, 'LegalReviewer');
export type LegalReviewer = t.TypeOf<typeof LegalReviewer>;

/** Who performs a legal review (R4: 002 §六). */
export const legalReviewerLabels = {
  'justice-bureau': { zh: '司法局', en: 'Justice bureau' },
  'legal-affairs': { zh: '法务部门', en: 'Legal affairs office' },
} as const satisfies Labels<LegalReviewer>;

/** How the project gets land (R3: stand-alone land supply needs due diligence). */
export const LandSupply = t.keyof(
  { standalone: null /* 单独供地 */, 'standard-plant': null /* 标准厂房 */, 'no-land': null },
  'LandSupply',
);
export type LandSupply = t.TypeOf<typeof LandSupply>;

/** How a project gets land (R3). */
export const landSupplyLabels = {
  standalone: { zh: '单独供地', en: 'Stand-alone land supply' },
  'standard-plant': { zh: '标准厂房', en: 'Standard factory building' },
  'no-land': { zh: '不涉及用地', en: 'No land' },
} as const satisfies Labels<LandSupply>;

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

/** The procedures' names, as the register's columns give them (DOMAIN.md §6). */
export const procedureKindLabels = {
  registration: { zh: '企业注册', en: 'Company registration' },
  'project-filing': { zh: '立项备案', en: 'Project filing' },
  'environmental-assessment': { zh: '环评', en: 'Environmental assessment' },
  'safety-assessment': { zh: '安评', en: 'Safety assessment' },
  'energy-assessment': { zh: '能评', en: 'Energy assessment' },
  planning: { zh: '规划许可', en: 'Planning permit' },
  land: { zh: '土地供应', en: 'Land supply' },
  'drawing-review': { zh: '施工图审查', en: 'Construction drawing review' },
  'construction-permit': { zh: '施工许可', en: 'Construction permit' },
  other: { zh: '其他手续', en: 'Other procedure' },
} as const satisfies Labels<ProcedureKind>;

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
} as const satisfies Labels<ApprovalLevel>;

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
} as const satisfies Labels<DeadlineStatus>;

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

/** The kinds of incentive an agreement grants (政策兑现). */
export const incentiveKindLabels = {
  'land-price': { zh: '土地价格优惠', en: 'Land price' },
  'construction-subsidy': { zh: '建设补助', en: 'Construction subsidy' },
  'equipment-subsidy': { zh: '设备补助', en: 'Equipment subsidy' },
  'tax-reward': { zh: '税收奖励', en: 'Tax reward' },
  'rent-subsidy': { zh: '租金补贴', en: 'Rent subsidy' },
  talent: { zh: '人才扶持', en: 'Talent support' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Labels<IncentiveKind>;

/** Outcome of a fulfilment evaluation (R9/R10: 000 §三.4, 002 §七). */
export const Verdict = t.keyof({ compliant: null, underperforming: null, 'serious-breach': null }, 'Verdict');
export type Verdict = t.TypeOf<typeof Verdict>;

/** The verdicts of a fulfilment evaluation (R10: 002 §七 严格履约、未达经济指标、严重违约). */
export const verdictLabels = {
  compliant: { zh: '严格履约', en: 'Compliant' },
  underperforming: { zh: '未达约定经济指标', en: 'Underperforming' },
  'serious-breach': { zh: '严重违约', en: 'Serious breach' },
} as const satisfies Labels<Verdict>;

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
} as const satisfies Labels<FulfilmentFigure>;

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
    zh: '签而不建：至 {deadline}（约定开工日与退出机制的开工期限中先到者）仍未开工（001 §(四)：依法清退）',
    en: 'Signed but not built (签而不建): construction not started by {deadline} (the agreed start date or the exit-rule start term after signing, whichever came first)',
  },
  BUILT_NOT_PRODUCING: {
    weight: 'breach',
    zh: '建而不产：至 {deadline}（约定投产日与退出机制的投产期限中先到者）仍未投产（001 §(四)：依法清退）',
    en: 'Built but not producing (建而不产): production not started by {deadline} (the agreed production date or the exit-rule production term after signing, whichever came first)',
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

/** The grounds of a termination. */
export const terminationBasisLabels = {
  'exit-rule': { zh: '退出机制', en: 'Exit rule' },
  'serious-breach': { zh: '严重违约', en: 'Serious breach' },
  'mutual-agreement': { zh: '协商解除', en: 'Mutual agreement' },
} as const satisfies Labels<TerminationBasis>;

/**
 * Milestones whose deadline the clock watches (R7, R8 and the agreement's schedule).
 * Each missed deadline is raised once, keyed by `milestoneKey`. The exit rule's kinds name what is
 * watched, not its term: the months come from the policy (`ProjectPolicy.exitRule`) and travel
 * with the event (`termMonths`). Version 1 of MilestoneMissed/MilestoneWithdrawn named them
 * `exit-no-start-3-months`, `exit-no-production-2-years`, `exit-no-results-3-years`
 * (project.upcasters.ts).
 */
export const MilestoneKind = t.keyof(
  {
    'agreed-start': null, // 协议约定开工
    'agreed-completion': null, // 协议约定竣工
    'agreed-production': null, // 协议约定投产
    'exit-no-start': null, // 退出机制：签约后不开工（三个月）
    'exit-no-production': null, // 退出机制：签约后不投产（两年）
    'exit-no-results': null, // 退出机制：签约后不见效（三年）
    'procedure-time-limit': null, // 限时办结
    'rectification-deadline': null, // 限期整改
  },
  'MilestoneKind',
);
export type MilestoneKind = t.TypeOf<typeof MilestoneKind>;

/** The milestone kinds of the exit rule (R8: 001 §(四)), whose term is the policy's. */
export type ExitRuleKind = Extract<MilestoneKind, `exit-${string}`>;

/**
 * A missed milestone in words, as the supervision list and the register show it. Wording of the
 * seeds: 001 §(三)2 「实行“限时办结制”」 (手续限时办结超时) and 001 §(四) 「对履约差的项目限期整改」
 * (限期整改逾期). The exit rule's kinds carry no figure here: `milestoneLabel` adds the term.
 */
export const milestoneKindLabels = {
  'agreed-start': { zh: '协议约定开工逾期', en: 'Agreed start missed' },
  'agreed-completion': { zh: '协议约定竣工逾期', en: 'Agreed completion missed' },
  'agreed-production': { zh: '协议约定投产逾期', en: 'Agreed production missed' },
  'exit-no-start': { zh: '签约后逾期不开工', en: 'Not started within the exit-rule term' },
  'exit-no-production': { zh: '签约后逾期不投产', en: 'Not in production within the exit-rule term' },
  'exit-no-results': { zh: '签约后逾期不见效', en: 'No results within the exit-rule term' },
  'procedure-time-limit': { zh: '手续限时办结超时', en: 'Procedure past its time limit' },
  'rectification-deadline': { zh: '限期整改逾期', en: 'Rectification deadline missed' },
} as const satisfies Labels<MilestoneKind>;

/** The exit rule's words around its term (001 §(四): 三个月不开工、两年不投产、三年不见效). */
export const exitRuleLabels = {
  'exit-no-start': { zh: '不开工', en: 'Not started within' },
  'exit-no-production': { zh: '不投产', en: 'Not in production within' },
  'exit-no-results': { zh: '不见效', en: 'No results within' },
} as const satisfies Labels<ExitRuleKind>;

const isExitRuleKind = (kind: MilestoneKind): kind is ExitRuleKind => kind in exitRuleLabels;

/**
 * A missed milestone in words. An exit-rule miss with the term it was raised under reads as the
 * seed says it (三个月不开工 / Not started within 3 months) with the figure of that term, never
 * one taken from a kind name; without a term it reads as the kind's label.
 */
export const milestoneLabel = (kind: MilestoneKind, termMonths?: number): Label => {
  if (termMonths === undefined || !isExitRuleKind(kind)) return milestoneKindLabels[kind];
  const term = termLabel(termMonths);
  const words = exitRuleLabels[kind];
  return { zh: `${term.zh}${words.zh}`, en: `${words.en} ${term.en}` };
};

/**
 * The exit rule's three deadlines in words with the policy's terms, as the params of a message
 * that names them (EXIT_RULE_NOT_MET): 三个月不开工、两年不投产、三年不见效 under the default policy.
 */
export const exitRuleParams = (exitRule: {
  readonly startMonths: number;
  readonly productionMonths: number;
  readonly resultsMonths: number;
}): Readonly<Record<`${'noStart' | 'noProduction' | 'noResults'}${'Zh' | 'En'}`, string>> => {
  const start = milestoneLabel('exit-no-start', exitRule.startMonths);
  const production = milestoneLabel('exit-no-production', exitRule.productionMonths);
  const results = milestoneLabel('exit-no-results', exitRule.resultsMonths);
  return {
    noStartZh: start.zh,
    noStartEn: start.en,
    noProductionZh: production.zh,
    noProductionEn: production.en,
    noResultsZh: results.zh,
    noResultsEn: results.en,
  };
};

/**
 * Facts of the construction timeline that can be corrected after they were recorded
 * (DOMAIN.md §5: a repeated fact with a different date is a correction, with its own event and a reason).
 */
export const CorrectableFact = t.keyof(
  {
    'construction-started': null, // 开工
    'construction-completed': null, // 竣工
    'production-started': null, // 投产
    'capacity-reached': null, // 达产达效
    'statistics-entered': null, // 入库纳统
  },
  'CorrectableFact',
);
export type CorrectableFact = t.TypeOf<typeof CorrectableFact>;

/**
 * Why a raised MilestoneMissed was withdrawn: the fact that meets the deadline was dated on or
 * before it but entered after the clock raised the miss (补录), or a correction moved the
 * recorded fact's date on or before the deadline (更正).
 */
export const WithdrawalReason = t.keyof({ 'late-entry': null, correction: null }, 'WithdrawalReason');
export type WithdrawalReason = t.TypeOf<typeof WithdrawalReason>;

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

/** The stages' names (DOMAIN.md §1), as a register shows them. */
export const stageLabels = {
  lead: { zh: '线索', en: 'Lead' },
  planned: { zh: '谋划', en: 'Planned' },
  qualified: { zh: '在谈', en: 'In negotiation' },
  'under-review': { zh: '论证准入', en: 'Under admission review' },
  admitted: { zh: '已准入', en: 'Admitted' },
  rejected: { zh: '未准入', en: 'Admission refused' },
  signed: { zh: '已签约', en: 'Signed' },
  'under-construction': { zh: '在建', en: 'Under construction' },
  completed: { zh: '已竣工', en: 'Completed' },
  'in-production': { zh: '已投产', en: 'In production' },
  'at-capacity': { zh: '已达产', en: 'At capacity' },
  discarded: { zh: '线索无效', en: 'Discarded' },
  abandoned: { zh: '终止洽谈', en: 'Abandoned' },
  terminated: { zh: '已清退', en: 'Terminated' },
} as const satisfies Labels<Stage>;

/** Chinese names of the roles, signatories and reviewers, for messages whose params are Chinese. */
export const leaderRoleZh = zhOf(leaderRoleLabels);
export const signatoryZh = zhOf(signatoryLabels);
export const legalReviewerZh = zhOf(legalReviewerLabels);

/** The recorded facts a correction names. */
export const correctableFactLabels = {
  'construction-started': { zh: '开工日期', en: 'construction start' },
  'construction-completed': { zh: '竣工日期', en: 'construction completion' },
  'production-started': { zh: '投产日期', en: 'start of production' },
  'capacity-reached': { zh: '达产日期', en: 'capacity reached' },
  'statistics-entered': { zh: '入库纳统', en: 'statistics entry' },
} as const satisfies Labels<CorrectableFact>;

/** Why a raised miss was withdrawn. */
export const withdrawalReasonLabels = {
  'late-entry': { zh: '事实早于期限、逾期后补录', en: 'late entry of a fact dated before the deadline' },
  correction: { zh: '更正后的日期未超期限', en: 'a correction dated the fact on or before the deadline' },
} as const satisfies Labels<WithdrawalReason>;
