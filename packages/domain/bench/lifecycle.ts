/**
 * A realistic project history of exactly `size` events, produced by running the decider on a
 * command script (so every event is one the domain would really emit): lead → admission →
 * signing → procedures → construction with monthly investment reports and weekly visits →
 * production → performance → fulfilment → incentives.
 */
import * as E from 'fp-ts/Either';
import {
  addDays,
  addMonths,
  cny,
  count,
  creditCodeCheckChar,
  date,
  projectDecider,
  ProjectCommand,
  ProjectEvent,
  ProjectState,
  unsafeId,
  Year,
  YearMonth,
  BusinessDate,
  Sha256,
  EvidenceRef,
  mu,
  Department,
} from '@zhaoshang/domain';

const evidence = (name: string): EvidenceRef => ({
  sha256: 'a'.repeat(64) as Sha256,
  name: unsafeId.text(name),
  kind: 'report',
});

const code17 = '91320500MA1X2Y3Z4'.replace(/Z/g, '0');
export const benchCreditCode = code17 + creditCodeCheckChar(code17);

export const lifecycleCommands = (projectId: string, size: number): ProjectCommand[] => {
  const pid = unsafeId.project(projectId);
  const t = unsafeId.text;
  const d0 = date('2023-01-09');
  const departments: Department[] = [
    'development-reform',
    'ecology-environment',
    'natural-resources-planning',
  ];
  const signedOn = addDays(d0, 60);
  const startBy = addMonths(signedOn, 2);
  const head: ProjectCommand[] = [
    {
      type: 'CaptureLead',
      projectId: pid,
      unitId: unsafeId.unit('zone-east'),
      name: t('年产 10 万套新能源汽车零部件项目'),
      investor: { name: t('苏州某新能源科技有限公司'), creditCode: benchCreditCode as never },
      industryChain: t('新能源汽车'),
      content: t('建设新能源汽车电驱动系统零部件生产线，购置数控加工设备 200 台套'),
      channel: 'industrial-chain',
      intendedInvestment: cny.yi(5),
      capturedOn: d0,
    },
    { type: 'QualifyLead', projectId: pid, on: addDays(d0, 7), assessment: t('投资方实力雄厚，意向明确') },
    { type: 'OpenConsultation', projectId: pid, on: addDays(d0, 10), departments },
    ...departments.map((department, i): ProjectCommand => ({
      type: 'RecordDepartmentOpinion',
      projectId: pid,
      department,
      opinion: 'favourable',
      summary: t('同意'),
      on: addDays(d0, 12 + i),
    })),
    {
      type: 'ApproveAdmission',
      projectId: pid,
      on: addDays(d0, 20),
      catalogueClass: 'encouraged',
      negativeList: 'not-listed',
      constructionNature: 'new-build',
      minutesRef: t('领导小组〔2023〕3号'),
    },
    { type: 'CompleteDueDiligence', projectId: pid, on: addDays(d0, 30), summary: t('尽调完成') },
    ...(['responsible-leader', 'responsible-person', 'project-manager', 'project-secretary'] as const).map(
      (role, i): ProjectCommand => ({
        type: 'AssignLeader',
        projectId: pid,
        role,
        leaderId: unsafeId.leader(`leader-${i}`),
        name: t(`干部${i}`),
        on: addDays(d0, 31),
      }),
    ),
    {
      type: 'RecordLegalReview',
      projectId: pid,
      on: addDays(d0, 45),
      reviewer: 'justice-bureau',
      outcome: 'passed',
      opinion: t('合法'),
    },
    {
      type: 'SignAgreement',
      projectId: pid,
      agreementId: unsafeId.agreement(`agr-${projectId}`),
      on: signedOn,
      signatory: 'district-government',
      leadingGroupMinutesRef: t('领导小组〔2023〕5号'),
      terms: {
        totalInvestment: cny.yi(5),
        fixedAssetInvestment: cny.yi(4),
        landSupply: 'standalone',
        landArea: mu(150),
        schedule: { startBy, completeBy: addMonths(signedOn, 14), produceBy: addMonths(signedOn, 16) },
        commitments: { annualOutput: cny.yi(8), annualTax: cny.wan(4500), jobs: count(600) },
        incentives: [
          {
            incentiveId: unsafeId.incentive('inc-1'),
            kind: 'construction-subsidy',
            ceiling: cny.wan(2000),
            conditions: t('按期竣工投产'),
          },
        ],
        clawbackClause: true,
      },
      evidence: [evidence('投资协议.pdf')],
    },
    ...(
      [
        'registration',
        'project-filing',
        'environmental-assessment',
        'planning',
        'land',
        'construction-permit',
      ] as const
    ).flatMap((kind, i): ProjectCommand[] => [
      {
        type: 'RequestProcedure',
        projectId: pid,
        procedureId: unsafeId.procedure(`proc-${i}`),
        kind,
        department: 'administrative-approval',
        completeOn: addDays(signedOn, 3 + i * 4),
        special: false,
      },
      {
        type: 'CompleteProcedure',
        projectId: pid,
        procedureId: unsafeId.procedure(`proc-${i}`),
        on: addDays(signedOn, 5 + i * 4),
        receiptNo: t(`回执-${i}`),
        handler: t('审批科'),
      },
    ]),
    { type: 'StartConstruction', projectId: pid, on: startBy, evidence: [evidence('开工照片.jpg')] },
    {
      type: 'EnterStatistics',
      projectId: pid,
      on: addDays(startBy, 20),
      statisticsCode: t('320500-2023-0001'),
    },
  ];
  const months: ProjectCommand[] = [];
  for (let m = 0; m < 12; m += 1) {
    months.push({
      type: 'ReportInvestmentProgress',
      projectId: pid,
      period: addMonths(startBy, m).slice(0, 7) as YearMonth,
      completedInPeriod: cny.wan(3000),
      on: addDays(addMonths(startBy, m), 25),
      evidence: [evidence('月报.xlsx')],
    });
  }
  const completedOn = addMonths(startBy, 12);
  const tail: ProjectCommand[] = [
    { type: 'CompleteConstruction', projectId: pid, on: completedOn, evidence: [evidence('竣工验收.pdf')] },
    {
      type: 'StartProduction',
      projectId: pid,
      on: addDays(completedOn, 30),
      evidence: [evidence('投产.jpg')],
    },
    {
      type: 'ReachCapacity',
      projectId: pid,
      on: addMonths(completedOn, 8),
      evidence: [evidence('达产.pdf')],
    },
    {
      type: 'ReportPerformance',
      projectId: pid,
      year: 2025 as Year,
      output: cny.yi(9),
      tax: cny.wan(5000),
      jobs: count(650),
      investmentToDate: cny.yi(4.2),
      on: date('2026-01-20'),
      evidence: [evidence('年报.xlsx')],
    },
    { type: 'EvaluateFulfilment', projectId: pid, on: date('2026-02-10'), year: 2025 as Year },
    {
      type: 'DisburseIncentive',
      projectId: pid,
      incentiveId: unsafeId.incentive('inc-1'),
      amount: cny.wan(1000),
      on: date('2026-03-01'),
      evidence: [evidence('拨付凭证.pdf')],
    },
  ];
  // Weekly visits by the responsible person fill the history up to the requested size (R6).
  const fixed = head.length + months.length + tail.length;
  const visits: ProjectCommand[] = [];
  for (let i = 0; visits.length < size - fixed; i += 1) {
    visits.push({
      type: 'RecordSiteVisit',
      projectId: pid,
      leaderId: unsafeId.leader('leader-1'),
      on: addDays(startBy, 7 * (i % 52)) as BusinessDate,
      summary: t('走访企业，协调解决施工用电'),
    });
  }
  return [...head, ...months, ...visits, ...tail];
};

/** Runs a command script through the decider and returns the events it emitted. */
export const runScript = (commands: ReadonlyArray<ProjectCommand>): ProjectEvent[] => {
  let state: ProjectState = projectDecider.initialState;
  const events: ProjectEvent[] = [];
  for (const c of commands) {
    const r = projectDecider.decide(c, state);
    if (E.isLeft(r)) throw new Error(`${c.type} refused: ${r.left.code} ${JSON.stringify(r.left.params)}`);
    for (const e of r.right) {
      state = projectDecider.evolve(state, e);
      events.push(e);
    }
  }
  return events;
};
