/**
 * Fixtures of the investment-project aggregate (the `@zhaoshang/domain/testing` subpath): a
 * realistic project of a development zone, as typed command builders, and histories produced by
 * running the decider on a command script — so a fixture history is always one the rules allow.
 */
import * as E from 'fp-ts/Either';
import type { ProjectCommand, ProjectCommandOf } from '../project/project.commands';
import { projectDecider } from '../project/project.decide';
import type {
  AgreementTerms,
  Incentive,
  Investor,
  ProjectEvent,
  ProjectEventOf,
} from '../project/project.events';
import { foldProject } from '../project/project.fold';
import type { Project, ProjectState } from '../project/project.state';
import { initialProjectState } from '../project/project.state';
import type { Department, LeaderRole, LegalReviewer, Signatory } from '../project/project.vocabulary';
import { CreditCode, creditCodeCheckChar } from '../shared/credit-code';
import { addDays, date, Year, YearMonth } from '../shared/dates';
import type { Decider } from '../shared/decider';
import type { DomainError } from '../shared/errors';
import type { Evidence, EvidenceKind, Sha256 } from '../shared/evidence';
import { unsafeId } from '../shared/ids';
import { cny, count, mu, usd } from '../shared/money';

type Fields<T extends ProjectCommand['type']> = Omit<ProjectCommandOf<T>, 'type'>;
type Overrides<T extends ProjectCommand['type']> = Partial<Fields<T>>;

const text = unsafeId.text;

/** A valid 统一社会信用代码 from its first 17 characters (the check character is computed, GB 32100). */
export const creditCode = (first17: string): CreditCode => {
  const check = creditCodeCheckChar(first17);
  if (check === undefined) throw new RangeError(`not the body of a credit code: ${first17}`);
  return `${first17}${check}` as CreditCode;
};

/** A deterministic 64-hex digest for a document name (fixtures only: not a real SHA-256). */
const digest = (name: string): Sha256 => {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round += 1) {
    for (const ch of `${round}:${name}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64) as Sha256;
};

/** Evidence with one document (the event keeps its hash, DOMAIN.md §6). */
export const evidence = (name: string, kind: EvidenceKind = 'other'): Evidence => [
  { sha256: digest(name), name: text(name), kind },
];

export const fixtureIds = {
  project: unsafeId.project('XM-2024-0317'),
  otherProject: unsafeId.project('XM-2024-0522'),
  unit: unsafeId.unit('jingkaiqu-touzicujinju'),
  otherUnit: unsafeId.unit('gaoxinqu-zhaoshangju'),
  agreement: unsafeId.agreement('XY-2024-021'),
  equipmentSubsidy: unsafeId.incentive('JL-SBBT'),
  taxReward: unsafeId.incentive('JL-SSJL'),
  procedure: unsafeId.procedure('SX-HP-01'),
} as const;

/** The investor: a new-energy materials company from Fujian, with a valid credit code. */
export const fixtureInvestor: Investor = {
  name: text('福建宁川新能源材料有限公司'),
  creditCode: creditCode('91350902MA31KQ8P5'),
  origin: text('福建省宁德市'),
};

/** The officers of R6, by role. */
export const fixtureLeaders: Readonly<
  Record<LeaderRole, { readonly leaderId: string; readonly name: string }>
> = {
  'responsible-leader': { leaderId: 'LD-wangjianguo', name: '王建国（区委常委、经开区党工委书记）' },
  'responsible-person': { leaderId: 'LD-lixiaoyan', name: '李晓燕（投资促进局项目服务科）' },
  'project-manager': { leaderId: 'LD-zhaozhigang', name: '赵志刚（副区长）' },
  'project-secretary': { leaderId: 'LD-chensiyuan', name: '陈思远（经开区经发局副局长）' },
};

/** The departments a ≥1000万元 project is referred to (R2: 000 §三.1). */
export const fixtureDepartments: ReadonlyArray<Department> = [
  'development-reform',
  'ecology-environment',
  'emergency-management',
  'natural-resources-planning',
  'host-carrier',
];

export const fixtureIncentives: ReadonlyArray<Incentive> = [
  {
    incentiveId: fixtureIds.equipmentSubsidy,
    kind: 'equipment-subsidy',
    ceiling: cny.wan(1200),
    conditions: text('按设备投资额 8% 补助，竣工投产后分两年兑现'),
  },
  {
    incentiveId: fixtureIds.taxReward,
    kind: 'tax-reward',
    ceiling: cny.wan(600),
    conditions: text('投产后三年内地方留成税收按 50% 奖励'),
  },
];

/**
 * The agreed terms of a key project (≥ 1亿元, so R6 needs all four officers): 5亿元 total,
 * 3.2亿元 fixed assets, 120 亩 of stand-alone land; start by 2024-08-01, complete by 2025-12-31,
 * produce by 2026-03-31; 8亿元 output, 2400万元 tax and 350 jobs a year.
 */
export const signedAgreementTerms = (overrides: Partial<AgreementTerms> = {}): AgreementTerms => ({
  totalInvestment: cny.yi(5),
  fixedAssetInvestment: cny.yi(3.2),
  landSupply: 'standalone',
  landArea: mu(120),
  schedule: { startBy: date('2024-08-01'), completeBy: date('2025-12-31'), produceBy: date('2026-03-31') },
  commitments: { annualOutput: cny.yi(8), annualTax: cny.wan(2400), jobs: count(350) },
  incentives: fixtureIncentives,
  clawbackClause: true,
  ...overrides,
});

// ---------------------------------------------------------------- command builders

const pid = { projectId: fixtureIds.project };

export const captureLead = (o: Overrides<'CaptureLead'> = {}): ProjectCommandOf<'CaptureLead'> => ({
  type: 'CaptureLead',
  ...pid,
  unitId: fixtureIds.unit,
  name: text('年产 5 万吨锂电池正极材料项目'),
  investor: fixtureInvestor,
  industryChain: text('新能源电池'),
  content: text('建设磷酸铁锂正极材料生产线 4 条及研发中心，配套仓储与环保设施'),
  channel: 'industrial-chain',
  intendedInvestment: cny.yi(5),
  capturedOn: date('2024-03-01'),
  landDemand: mu(120),
  ...o,
});

export const planProject = (o: Overrides<'PlanProject'> = {}): ProjectCommandOf<'PlanProject'> => ({
  type: 'PlanProject',
  ...pid,
  unitId: fixtureIds.unit,
  name: text('智能网联汽车零部件产业园'),
  industryChain: text('汽车零部件'),
  content: text('谋划建设标准厂房 10 万平方米，招引线控底盘、车载传感器企业入驻'),
  intendedInvestment: cny.yi(12),
  plannedOn: date('2024-03-01'),
  ...o,
});

export const qualifyLead = (o: Overrides<'QualifyLead'> = {}): ProjectCommandOf<'QualifyLead'> => ({
  type: 'QualifyLead',
  ...pid,
  on: date('2024-03-08'),
  assessment: text('投资方实力较强，已与宁德时代形成配套，项目真实有效'),
  ...o,
});

export const discardLead = (o: Overrides<'DiscardLead'> = {}): ProjectCommandOf<'DiscardLead'> => ({
  type: 'DiscardLead',
  ...pid,
  on: date('2024-03-08'),
  reason: text('投资方资金来源不明，经研判不再跟进'),
  ...o,
});

export const openConsultation = (
  o: Overrides<'OpenConsultation'> = {},
): ProjectCommandOf<'OpenConsultation'> => ({
  type: 'OpenConsultation',
  ...pid,
  on: date('2024-03-15'),
  departments: fixtureDepartments,
  ...o,
});

export const recordOpinion = (
  department: Department,
  o: Overrides<'RecordDepartmentOpinion'> = {},
): ProjectCommandOf<'RecordDepartmentOpinion'> => ({
  type: 'RecordDepartmentOpinion',
  ...pid,
  department,
  opinion: 'favourable',
  summary: text('经审查，符合产业政策及相关规划，同意准入'),
  on: date('2024-03-22'),
  ...o,
});

export const approveAdmission = (
  o: Overrides<'ApproveAdmission'> = {},
): ProjectCommandOf<'ApproveAdmission'> => ({
  type: 'ApproveAdmission',
  ...pid,
  on: date('2024-03-28'),
  catalogueClass: 'encouraged',
  negativeList: 'not-listed',
  constructionNature: 'new-build',
  minutesRef: text('经开区招商引资工作领导小组 2024 年第 3 次会议纪要'),
  ...o,
});

export const rejectAdmission = (
  o: Overrides<'RejectAdmission'> = {},
): ProjectCommandOf<'RejectAdmission'> => ({
  type: 'RejectAdmission',
  ...pid,
  on: date('2024-03-28'),
  ground: 'environment',
  reason: text('项目选址位于饮用水水源二级保护区，环境准入不符'),
  ...o,
});

export const completeDueDiligence = (
  o: Overrides<'CompleteDueDiligence'> = {},
): ProjectCommandOf<'CompleteDueDiligence'> => ({
  type: 'CompleteDueDiligence',
  ...pid,
  on: date('2024-04-10'),
  summary: text('委托第三方完成尽职调查：股权清晰，无重大诉讼，近三年营收稳定增长'),
  evidence: evidence('尽职调查报告.pdf', 'report'),
  ...o,
});

export const assignLeader = (
  role: LeaderRole,
  o: Overrides<'AssignLeader'> = {},
): ProjectCommandOf<'AssignLeader'> => ({
  type: 'AssignLeader',
  ...pid,
  role,
  leaderId: unsafeId.leader(fixtureLeaders[role].leaderId),
  name: text(fixtureLeaders[role].name),
  on: date('2024-04-12'),
  ...o,
});

export const recordSiteVisit = (
  o: Overrides<'RecordSiteVisit'> = {},
): ProjectCommandOf<'RecordSiteVisit'> => ({
  type: 'RecordSiteVisit',
  ...pid,
  leaderId: unsafeId.leader(fixtureLeaders['responsible-person'].leaderId),
  on: date('2024-04-15'),
  summary: text('现场踏勘地块，协调供电线路迁改'),
  ...o,
});

export const holdNegotiation = (
  o: Overrides<'HoldNegotiation'> = {},
): ProjectCommandOf<'HoldNegotiation'> => ({
  type: 'HoldNegotiation',
  ...pid,
  on: date('2024-04-16'),
  summary: text('就土地价格、设备补助比例进行第二轮洽谈'),
  ...o,
});

/** The reviewer R4 requires for a signatory (002 §六). */
export const reviewerFor = (signatory: Signatory): LegalReviewer =>
  signatory === 'district-government' ? 'justice-bureau' : 'legal-affairs';

export const recordLegalReview = (
  o: Overrides<'RecordLegalReview'> = {},
): ProjectCommandOf<'RecordLegalReview'> => ({
  type: 'RecordLegalReview',
  ...pid,
  on: date('2024-04-25'),
  reviewer: 'legal-affairs',
  outcome: 'passed',
  opinion: text('协议条款合法合规，违约责任及扶持资金追回条款明确'),
  ...o,
});

export const signAgreement = (o: Overrides<'SignAgreement'> = {}): ProjectCommandOf<'SignAgreement'> => ({
  type: 'SignAgreement',
  ...pid,
  agreementId: fixtureIds.agreement,
  on: date('2024-05-10'),
  signatory: 'zone-committee',
  leadingGroupMinutesRef: text('经开区招商引资工作领导小组 2024 年第 5 次会议纪要'),
  terms: signedAgreementTerms(),
  evidence: evidence('投资协议书（签字盖章版）.pdf', 'contract'),
  ...o,
});

export const amendAgreement = (o: Overrides<'AmendAgreement'> = {}): ProjectCommandOf<'AmendAgreement'> => ({
  type: 'AmendAgreement',
  ...pid,
  agreementId: fixtureIds.agreement,
  on: date('2024-06-20'),
  terms: signedAgreementTerms({ totalInvestment: cny.yi(6) }),
  reason: text('投资方追加一条产线，签订补充协议'),
  evidence: evidence('补充协议.pdf', 'contract'),
  ...o,
});

export const requestProcedure = (
  o: Overrides<'RequestProcedure'> = {},
): ProjectCommandOf<'RequestProcedure'> => ({
  type: 'RequestProcedure',
  ...pid,
  procedureId: fixtureIds.procedure,
  kind: 'environmental-assessment',
  department: 'ecology-environment',
  completeOn: date('2024-05-20'),
  special: false,
  title: text('环境影响报告书审批'),
  ...o,
});

export const completeProcedure = (
  o: Overrides<'CompleteProcedure'> = {},
): ProjectCommandOf<'CompleteProcedure'> => ({
  type: 'CompleteProcedure',
  ...pid,
  procedureId: fixtureIds.procedure,
  on: date('2024-05-23'),
  receiptNo: text('HZ-2024-0588'),
  handler: text('市生态环境局经开区分局 张伟'),
  approvalNo: text('经环审〔2024〕31 号'),
  ...o,
});

export const startConstruction = (
  o: Overrides<'StartConstruction'> = {},
): ProjectCommandOf<'StartConstruction'> => ({
  type: 'StartConstruction',
  ...pid,
  on: date('2024-07-15'),
  evidence: evidence('开工现场照片.jpg', 'site-photo'),
  ...o,
});

export const reportInvestment = (
  period: string,
  completedInPeriod: number,
  o: Overrides<'ReportInvestmentProgress'> = {},
): ProjectCommandOf<'ReportInvestmentProgress'> => ({
  type: 'ReportInvestmentProgress',
  ...pid,
  period: period as YearMonth,
  completedInPeriod: cny.fen(completedInPeriod),
  on: date(`${period}-28`),
  evidence: evidence(`${period} 投资进度月报.xlsx`, 'report'),
  ...o,
});

export const enterStatistics = (
  o: Overrides<'EnterStatistics'> = {},
): ProjectCommandOf<'EnterStatistics'> => ({
  type: 'EnterStatistics',
  ...pid,
  on: date('2024-08-20'),
  statisticsCode: text('350902-2024-000317'),
  ...o,
});

export const completeConstruction = (
  o: Overrides<'CompleteConstruction'> = {},
): ProjectCommandOf<'CompleteConstruction'> => ({
  type: 'CompleteConstruction',
  ...pid,
  on: date('2025-11-20'),
  evidence: evidence('竣工验收备案表.pdf', 'licence'),
  ...o,
});

export const startProduction = (
  o: Overrides<'StartProduction'> = {},
): ProjectCommandOf<'StartProduction'> => ({
  type: 'StartProduction',
  ...pid,
  on: date('2026-01-10'),
  evidence: evidence('投产仪式照片.jpg', 'site-photo'),
  ...o,
});

export const reachCapacity = (o: Overrides<'ReachCapacity'> = {}): ProjectCommandOf<'ReachCapacity'> => ({
  type: 'ReachCapacity',
  ...pid,
  on: date('2026-10-10'),
  evidence: evidence('达产情况说明.pdf', 'report'),
  ...o,
});

/** Year 2026 as agreed or better: 8.5亿元 output, 2600万元 tax, 380 jobs, 3.3亿元 invested. */
export const reportPerformance = (
  o: Overrides<'ReportPerformance'> = {},
): ProjectCommandOf<'ReportPerformance'> => ({
  type: 'ReportPerformance',
  ...pid,
  year: 2026 as Year,
  output: cny.yi(8.5),
  tax: cny.wan(2600),
  jobs: count(380),
  investmentToDate: cny.yi(3.3),
  on: date('2027-01-20'),
  evidence: evidence('2026 年度经营数据及纳税证明.pdf', 'report'),
  ...o,
});

export const evaluateFulfilment = (
  o: Overrides<'EvaluateFulfilment'> = {},
): ProjectCommandOf<'EvaluateFulfilment'> => ({
  type: 'EvaluateFulfilment',
  ...pid,
  on: date('2027-02-15'),
  year: 2026 as Year,
  ...o,
});

export const disburseIncentive = (
  o: Overrides<'DisburseIncentive'> = {},
): ProjectCommandOf<'DisburseIncentive'> => ({
  type: 'DisburseIncentive',
  ...pid,
  incentiveId: fixtureIds.equipmentSubsidy,
  amount: cny.wan(800),
  on: date('2027-03-10'),
  evidence: evidence('设备补助拨付凭证.pdf', 'invoice'),
  ...o,
});

export const startSecondaryPromotion = (
  o: Overrides<'StartSecondaryPromotion'> = {},
): ProjectCommandOf<'StartSecondaryPromotion'> => ({
  type: 'StartSecondaryPromotion',
  ...pid,
  on: date('2027-03-01'),
  plan: text('引入下游电芯企业共享厂房，提升产能利用率'),
  ...o,
});

export const orderRectification = (
  o: Overrides<'OrderRectification'> = {},
): ProjectCommandOf<'OrderRectification'> => ({
  type: 'OrderRectification',
  ...pid,
  on: date('2027-03-01'),
  dueBy: date('2027-06-30'),
  items: [text('补足固定资产投资'), text('按约定规模招用本地员工')],
  ...o,
});

export const completeRectification = (
  o: Overrides<'CompleteRectification'> = {},
): ProjectCommandOf<'CompleteRectification'> => ({
  type: 'CompleteRectification',
  ...pid,
  on: date('2027-06-15'),
  summary: text('已新增设备投资 3000 万元，新招本地员工 60 人'),
  ...o,
});

export const clawBackSubsidy = (
  o: Overrides<'ClawBackSubsidy'> = {},
): ProjectCommandOf<'ClawBackSubsidy'> => ({
  type: 'ClawBackSubsidy',
  ...pid,
  incentiveId: fixtureIds.equipmentSubsidy,
  amount: cny.wan(500),
  on: date('2028-03-15'),
  reason: text('未达协议约定产出，按约束条款追回设备补助'),
  ...o,
});

export const reclaimLand = (o: Overrides<'ReclaimLand'> = {}): ProjectCommandOf<'ReclaimLand'> => ({
  type: 'ReclaimLand',
  ...pid,
  on: date('2028-04-01'),
  area: mu(120),
  reason: text('项目清退，依协议收回国有建设用地使用权'),
  ...o,
});

export const terminateProject = (
  o: Overrides<'TerminateProject'> = {},
): ProjectCommandOf<'TerminateProject'> => ({
  type: 'TerminateProject',
  ...pid,
  on: date('2028-03-01'),
  basis: 'serious-breach',
  reason: text('严重违约，经领导小组研究决定清退'),
  ...o,
});

export const abandonProject = (o: Overrides<'AbandonProject'> = {}): ProjectCommandOf<'AbandonProject'> => ({
  type: 'AbandonProject',
  ...pid,
  on: date('2024-04-30'),
  reason: text('投资方战略调整，终止洽谈'),
  ...o,
});

export const recordMissedMilestones = (today: string): ProjectCommandOf<'RecordMissedMilestones'> => ({
  type: 'RecordMissedMilestones',
  ...pid,
  today: date(today),
});

export const linkDuplicate = (o: Overrides<'LinkDuplicate'> = {}): ProjectCommandOf<'LinkDuplicate'> => ({
  type: 'LinkDuplicate',
  ...pid,
  canonicalProjectId: fixtureIds.otherProject,
  on: date('2024-04-01'),
  similarity: 0.86,
  reason: text('与高新区已录入项目为同一投资方同一项目（一炮数响）'),
  ...o,
});

/** Corrects the recorded start (开工) to 2024-07-08: the site log shows work began a week earlier. */
export const correctFact = (o: Overrides<'CorrectFact'> = {}): ProjectCommandOf<'CorrectFact'> => ({
  type: 'CorrectFact',
  ...pid,
  fact: 'construction-started',
  correctedOn: date('2024-09-02'),
  on: date('2024-07-08'),
  reason: text('施工日志及监理记录显示 7 月 8 日已开工，原录入日期有误'),
  evidence: evidence('施工日志（开工页）.pdf', 'report'),
  ...o,
});

export const unlinkDuplicate = (
  o: Overrides<'UnlinkDuplicate'> = {},
): ProjectCommandOf<'UnlinkDuplicate'> => ({
  type: 'UnlinkDuplicate',
  ...pid,
  canonicalProjectId: fixtureIds.otherProject,
  on: date('2024-06-03'),
  reason: text('经核实为同一投资方的另一期项目，非重复'),
  ...o,
});

/** 外资到位: 1200万美元 received on 2024-07-15 (a bank's 外汇登记 reference as the receipt id). */
export const recordForeignCapitalReceipt = (
  o: Overrides<'RecordForeignCapitalReceipt'> = {},
): ProjectCommandOf<'RecordForeignCapitalReceipt'> => ({
  type: 'RecordForeignCapitalReceipt',
  ...pid,
  receiptId: text('WH-2024-0715-001'),
  amount: usd.wan(1200),
  on: date('2024-07-15'),
  evidence: evidence('外汇登记业务凭证.pdf', 'other'),
  source: text('中国香港'),
  ...o,
});

/** 省外资金到位: 2亿元 from 福建省 received on 2024-06-20. */
export const recordOutOfProvinceFundsReceipt = (
  o: Overrides<'RecordOutOfProvinceFundsReceipt'> = {},
): ProjectCommandOf<'RecordOutOfProvinceFundsReceipt'> => ({
  type: 'RecordOutOfProvinceFundsReceipt',
  ...pid,
  receiptId: text('ZJ-2024-0620-001'),
  amount: cny.yi(2),
  sourceProvince: text('福建省'),
  on: date('2024-06-20'),
  evidence: evidence('银行进账单.pdf', 'other'),
  ...o,
});

// The project's profile (R22)
/** 项目档案: an industrial project in the 经开区 park, its platform code and land use recorded on 2024-06-01. */
export const recordProjectProfile = (
  o: Overrides<'RecordProjectProfile'> = {},
): ProjectCommandOf<'RecordProjectProfile'> => ({
  type: 'RecordProjectProfile',
  ...pid,
  on: date('2024-06-01'),
  profile: {
    category: 'industrial',
    parkId: unsafeId.unit('jingkaiqu'),
    projectCode: text('2024-340603-04-03-512345'),
    filingNo: text('淮经开备〔2024〕88号'),
    landUse: 'industrial',
  },
  ...o,
});

// ---------------------------------------------------------------- events

/** A LeadCaptured event of the fixture project (the same data the decider records). */
export const leadCaptured = (o: Overrides<'CaptureLead'> = {}): ProjectEventOf<'LeadCaptured'> => {
  const { type: _type, ...data } = captureLead(o);
  return { type: 'LeadCaptured', data };
};

// ---------------------------------------------------------------- running scripts

/** Why a fixture script failed: a command the decider refused. */
export class FixtureScriptError extends Error {
  constructor(
    readonly command: ProjectCommand,
    readonly error: DomainError,
  ) {
    super(`fixture script: ${command.type} refused with ${error.code} ${JSON.stringify(error.params)}`);
  }
}

/**
 * Runs commands through a decider, in order, after `given` events; returns only the new events.
 * Throws if any command is refused: a fixture must be a history the rules allow.
 */
export const runScript = (
  commands: ReadonlyArray<ProjectCommand>,
  given: ReadonlyArray<ProjectEvent> = [],
  decider: Decider<ProjectCommand, ProjectEvent, ProjectState, DomainError> = projectDecider,
): ReadonlyArray<ProjectEvent> => {
  let state = given.reduce(decider.evolve, decider.initialState);
  const out: ProjectEvent[] = [];
  for (const command of commands) {
    const result = decider.decide(command, state);
    if (E.isLeft(result)) throw new FixtureScriptError(command, result.left);
    for (const e of result.right) {
      out.push(e);
      state = decider.evolve(state, e);
    }
  }
  return out;
};

/** The state after a history. */
export const stateOf = (events: ReadonlyArray<ProjectEvent>): ProjectState =>
  foldProject(events, initialProjectState);

/** The project a history leaves (throws if the history created none). */
export const projectOf = (events: ReadonlyArray<ProjectEvent>): Project => {
  const s = stateOf(events);
  if (s.status === 'none') throw new Error('no project');
  return s;
};

/** A history and then what the commands emit after it (a given-step: the rules must allow each). */
export const andThen = (
  history: ReadonlyArray<ProjectEvent>,
  ...commands: ReadonlyArray<ProjectCommand>
): ReadonlyArray<ProjectEvent> => [...history, ...runScript(commands, history)];

/** What one command emits after a history (throws if it is refused). */
export const emitted = (
  history: ReadonlyArray<ProjectEvent>,
  command: ProjectCommand,
): ReadonlyArray<ProjectEvent> => runScript([command], history);

// Weekly 包保 visits (R18): the watcher's pass also raises unvisited weeks; deadline tests look past them.
/** What one command emits after a history, without the weeks the responsible person did not visit (R18). */
export const emittedDeadlines = (
  history: ReadonlyArray<ProjectEvent>,
  command: ProjectCommand,
  decider?: Decider<ProjectCommand, ProjectEvent, ProjectState, DomainError>,
): ReadonlyArray<ProjectEvent> =>
  runScript([command], history, decider).filter((e) => e.type !== 'VisitWeekMissed');

/** A breach the fixture agreement defines, as an evaluator states it (R10: 002 §七 按协议条款约定). */
export const fixtureDefinedBreach = {
  clause: text('协议第十二条（土地用途）'),
  description: text('擅自将 30 亩工业用地转作仓储出租'),
};

/** Points of the fixture project's life that `historyUntil` can stop at, in order. */
export const FIXTURE_MILESTONES = [
  'lead',
  'qualified',
  'under-review',
  'admitted',
  'ready-to-sign',
  'signed',
  'under-construction',
  'completed',
  'in-production',
  'performance-reported',
  'evaluated',
] as const;
export type FixtureMilestone = (typeof FIXTURE_MILESTONES)[number];

export interface FixtureOptions {
  readonly terms?: AgreementTerms;
  readonly signatory?: Signatory;
  /** Roles assigned before signing (default: all four of a key project). */
  readonly leaders?: ReadonlyArray<LeaderRole>;
  /** The 2026 figures reported before evaluation. */
  readonly performance?: Overrides<'ReportPerformance'>;
}

/** The fixture project's command script, step by step. */
export const fixtureScript = (
  options: FixtureOptions = {},
): ReadonlyArray<readonly [FixtureMilestone, ReadonlyArray<ProjectCommand>]> => {
  const signatory = options.signatory ?? 'zone-committee';
  const terms = options.terms ?? signedAgreementTerms();
  const roles =
    options.leaders ??
    (['responsible-leader', 'responsible-person', 'project-manager', 'project-secretary'] as const);
  return [
    ['lead', [captureLead()]],
    ['qualified', [qualifyLead()]],
    ['under-review', [openConsultation()]],
    ['admitted', [...fixtureDepartments.map((d) => recordOpinion(d)), approveAdmission()]],
    [
      'ready-to-sign',
      [
        completeDueDiligence(),
        ...roles.map((r) => assignLeader(r)),
        recordLegalReview({ reviewer: reviewerFor(signatory) }),
      ],
    ],
    ['signed', [signAgreement({ signatory, terms })]],
    ['under-construction', [startConstruction()]],
    ['completed', [completeConstruction()]],
    ['in-production', [startProduction()]],
    ['performance-reported', [reportPerformance(options.performance ?? {})]],
    ['evaluated', [evaluateFulfilment()]],
  ];
};

/** The fixture project's history up to and including a milestone, produced by the decider. */
export const historyUntil = (
  milestone: FixtureMilestone,
  options: FixtureOptions = {},
): ReadonlyArray<ProjectEvent> => {
  const script = fixtureScript(options);
  const end = script.findIndex(([m]) => m === milestone);
  return runScript(script.slice(0, end + 1).flatMap(([, commands]) => commands));
};

/**
 * A small project (below the 1000万元 admission threshold, standard plant: no admission review,
 * no due diligence) signed on a given date, with its responsible leader and person assigned.
 */
export const smallProjectSigned = (
  signedOn: string,
  capturedOn = '2023-11-01',
): ReadonlyArray<ProjectEvent> => {
  const captured = date(capturedOn);
  const signed = date(signedOn);
  const terms = signedAgreementTerms({
    totalInvestment: cny.wan(900),
    fixedAssetInvestment: cny.wan(600),
    landSupply: 'standard-plant',
    landArea: mu(8.5),
    schedule: {
      startBy: addDays(signed, 30),
      completeBy: addDays(signed, 180),
      produceBy: addDays(signed, 240),
    },
    commitments: { annualOutput: cny.wan(3000), annualTax: cny.wan(90), jobs: count(40) },
    incentives: [],
    clawbackClause: false,
  });
  return runScript([
    captureLead({
      name: text('精密模具加工项目'),
      content: text('租赁标准厂房 5000 平方米，建设精密注塑模具生产线'),
      intendedInvestment: cny.wan(900),
      capturedOn: captured,
      channel: 'by-investors',
    }),
    qualifyLead({ on: captured }),
    assignLeader('responsible-leader', { on: captured }),
    assignLeader('responsible-person', { on: captured }),
    recordLegalReview({ on: captured }),
    signAgreement({ on: signed, terms }),
  ]);
};
