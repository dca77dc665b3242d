/**
 * npm start (until the API lands): a short walk through the domain library on one project —
 * what it records, what it refuses and why, what the clock finds, and how fulfilment is judged.
 */
import * as E from 'fp-ts/Either';
import {
  cny,
  count,
  creditCodeCheckChar,
  date,
  describeError,
  describeFinding,
  findDuplicates,
  fold,
  mu,
  projectDecider,
  ProjectCommand,
  ProjectEvent,
  ProjectState,
  readProjectEvent,
  Sha256,
  unsafeId,
  Year,
} from '../packages/domain/src/index';

const t = unsafeId.text;
const projectId = unsafeId.project('demo-0001');
const code17 = '91320505MA1Q2W3E4';
const creditCode = `${code17}${creditCodeCheckChar(code17)}`;
const history: ProjectEvent[] = [];
let state: ProjectState = projectDecider.initialState;

const run = (label: string, command: ProjectCommand): void => {
  const result = projectDecider.decide(command, state);
  if (E.isLeft(result)) {
    console.log(`  ✗ ${label}: ${result.left.code}`);
    console.log(`      ${describeError(result.left, 'zh')}`);
    console.log(`      ${describeError(result.left, 'en')}`);
    return;
  }
  history.push(...result.right);
  state = fold(projectDecider, result.right, state);
  const what =
    result.right.length === 0 ? '(already done: nothing new)' : result.right.map((e) => e.type).join(', ');
  console.log(`  ✓ ${label}: ${what}`);
};

console.log('招商引资项目领域库演示 / domain library demo — project demo-0001\n');
const signedOn = date('2024-03-15');
const terms = {
  totalInvestment: cny.yi(3),
  fixedAssetInvestment: cny.yi(2.5),
  landSupply: 'standalone' as const,
  landArea: mu(120),
  schedule: { startBy: date('2024-05-31'), completeBy: date('2025-06-30'), produceBy: date('2025-09-30') },
  commitments: { annualOutput: cny.yi(6), annualTax: cny.wan(3600), jobs: count(400) },
  incentives: [
    {
      incentiveId: unsafeId.incentive('subsidy-1'),
      kind: 'construction-subsidy' as const,
      ceiling: cny.wan(1500),
      conditions: t('按期投产'),
    },
  ],
  clawbackClause: true,
};
const contract = [
  {
    sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' as Sha256,
    name: t('投资协议.pdf'),
    kind: 'contract' as const,
  },
];

/** The signing command, sent too early, then for real, then again as a retry. */
const signing: ProjectCommand = {
  type: 'SignAgreement',
  projectId,
  agreementId: unsafeId.agreement('AGR-2024-001'),
  on: signedOn,
  signatory: 'district-government',
  leadingGroupMinutesRef: t('领导小组纪要〔2024〕2号'),
  terms,
  evidence: contract,
};

run('capture a lead 获取线索', {
  type: 'CaptureLead',
  projectId,
  unitId: unsafeId.unit('zone-east'),
  name: t('年产 5 万吨高性能复合材料项目'),
  investor: { name: t('江苏某新材料有限公司'), creditCode: creditCode as never },
  industryChain: t('新材料'),
  content: t('建设高性能碳纤维复合材料生产线'),
  channel: 'industrial-chain',
  intendedInvestment: cny.yi(3),
  capturedOn: date('2024-01-08'),
});
run('qualify 研判', { type: 'QualifyLead', projectId, on: date('2024-01-15'), assessment: t('意向明确') });
run('sign too early 提前签约', signing);
run('open admission review 论证准入', {
  type: 'OpenConsultation',
  projectId,
  on: date('2024-01-20'),
  departments: ['development-reform', 'ecology-environment'],
});
run('opinion 发改', {
  type: 'RecordDepartmentOpinion',
  projectId,
  department: 'development-reform',
  opinion: 'favourable',
  summary: t('符合产业政策'),
  on: date('2024-01-25'),
});
run('opinion 生态环境', {
  type: 'RecordDepartmentOpinion',
  projectId,
  department: 'ecology-environment',
  opinion: 'conditional',
  summary: t('须落实环评'),
  on: date('2024-01-26'),
});
run('approve 准入', {
  type: 'ApproveAdmission',
  projectId,
  on: date('2024-02-02'),
  catalogueClass: 'encouraged',
  negativeList: 'not-listed',
  constructionNature: 'new-build',
  minutesRef: t('领导小组纪要〔2024〕1号'),
});
run('due diligence 尽职调查', {
  type: 'CompleteDueDiligence',
  projectId,
  on: date('2024-02-20'),
  summary: t('资信良好'),
});
run('legal review 合法性审查', {
  type: 'RecordLegalReview',
  projectId,
  on: date('2024-03-01'),
  reviewer: 'justice-bureau',
  outcome: 'passed',
  opinion: t('合法合规'),
});
run('sign 签约', signing);
run('sign again (a retry) 重复提交', signing);
run('procedure 施工许可 (2024-09-27, over National Day)', {
  type: 'RequestProcedure',
  projectId,
  procedureId: unsafeId.procedure('permit-1'),
  kind: 'construction-permit',
  department: 'administrative-approval',
  completeOn: date('2024-09-27'),
  special: false,
});
const requested = history.find((e) => e.type === 'ProcedureRequested');
if (requested?.type === 'ProcedureRequested' && requested.data.approval.level === 'district') {
  const deadline = requested.data.approval.deadline;
  console.log(
    deadline.kind === 'due'
      ? `      due ${deadline.dueOn}: 3 working days, the 国庆 holiday skipped, the 调休 Sunday 2024-09-29 counted`
      : `      pending: the ${deadline.year} holiday schedule is not adopted yet`,
  );
}

console.log('\nThe clock (deadline watcher) on 2024-07-01 / 时钟巡检:');
run('record missed milestones 逾期节点', {
  type: 'RecordMissedMilestones',
  projectId,
  today: date('2024-07-01'),
});
run('the same check again 再次巡检', {
  type: 'RecordMissedMilestones',
  projectId,
  today: date('2024-07-01'),
});
run('start construction 开工', {
  type: 'StartConstruction',
  projectId,
  on: date('2024-07-10'),
  evidence: contract,
});
for (const [role, id] of [
  ['responsible-leader', 'l-1'],
  ['responsible-person', 'l-2'],
  ['project-manager', 'l-3'],
  ['project-secretary', 'l-4'],
] as const) {
  run(`assign ${role}`, {
    type: 'AssignLeader',
    projectId,
    role,
    leaderId: unsafeId.leader(id),
    name: t(`干部 ${id}`),
    on: date('2024-07-05'),
  });
}
run('start construction 开工', {
  type: 'StartConstruction',
  projectId,
  on: date('2024-07-10'),
  evidence: contract,
});
run('complete 竣工', { type: 'CompleteConstruction', projectId, on: date('2025-08-20'), evidence: contract });
run('produce 投产', { type: 'StartProduction', projectId, on: date('2025-10-08'), evidence: contract });
run('report 2026 output 报送产出', {
  type: 'ReportPerformance',
  projectId,
  year: 2026 as Year,
  output: cny.yi(3.9),
  tax: cny.wan(2100),
  jobs: count(310),
  investmentToDate: cny.yi(2.6),
  on: date('2027-01-20'),
  evidence: contract,
});
run('evaluate 履约评估', {
  type: 'EvaluateFulfilment',
  projectId,
  on: date('2027-02-01'),
  year: 2026 as Year,
});
const verdict = [...history].reverse().find((e) => e.type === 'FulfilmentEvaluated');
if (verdict?.type === 'FulfilmentEvaluated') {
  console.log(`      verdict ${verdict.data.verdict}; ratios ${JSON.stringify(verdict.data.ratios)}`);
  console.log(`      per mu (万元/亩) ${JSON.stringify(verdict.data.perMu)}`);
  for (const f of verdict.data.findings)
    console.log(`      · ${describeFinding(f, 'zh')} / ${describeFinding(f, 'en')}`);
}
run('pay the subsidy 政策兑现', {
  type: 'DisburseIncentive',
  projectId,
  incentiveId: unsafeId.incentive('subsidy-1'),
  amount: cny.wan(500),
  on: date('2027-02-10'),
  evidence: contract,
});
run('secondary promotion 二次招商', {
  type: 'StartSecondaryPromotion',
  projectId,
  on: date('2027-02-15'),
  plan: t('引入下游配套企业'),
});

console.log('\n「一炮数响」: another unit reports the same project / 另一单位重复申报:');
const matches = findDuplicates(
  {
    projectId: unsafeId.project('demo-0002'),
    unitId: unsafeId.unit('town-west'),
    investorName: '江苏某新材料有限公司',
    creditCode: creditCode as never,
    name: '高性能复合材料生产项目',
    content: '建设高性能碳纤维复合材料生产线',
  },
  [
    {
      projectId,
      unitId: unsafeId.unit('zone-east'),
      investorName: '江苏某新材料有限公司',
      creditCode: creditCode as never,
      name: '年产 5 万吨高性能复合材料项目',
      content: '建设高性能碳纤维复合材料生产线',
    },
  ],
);
console.log(`  ${JSON.stringify(matches)}`);

console.log('\nAn event of schema version 1 (万元 as a float) read today / 旧版本事件升级读取:');
const v1 = readProjectEvent({
  type: 'LeadCaptured',
  version: 1,
  data: {
    projectId: 'old-1',
    unitId: 'zone-east',
    name: '老项目',
    investor: { name: '某公司' },
    industryChain: '装备制造',
    content: '老数据',
    intendedInvestmentWan: 1234.56,
    capturedOn: '2021-06-01',
  },
});
console.log(
  `  ${E.isRight(v1) && v1.right.type === 'LeadCaptured' ? `intendedInvestment = ${v1.right.data.intendedInvestment} 分 (${cny.toWan(v1.right.data.intendedInvestment)} 万元), channel = ${v1.right.data.channel}` : JSON.stringify(v1)}`,
);
console.log(
  `\n${history.length} events recorded; stage ${state.status === 'none' ? 'none' : state.stage}. Next: npm test, docs/domain.md, packages/domain/README.md.`,
);
