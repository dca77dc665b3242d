import {
  addDays,
  date,
  defaultProjectPolicy,
  defaultTargetsR11,
  districtTargets2024R12,
} from '@zhaoshang/domain';
import type { Role } from '../auth/roles';
import { demoLeaderName } from '../leaders/leader-registry';

/** A command as a caller sends it (plain JSON) and who sends it. */
export interface ScriptStep {
  readonly role: Role;
  readonly unitId: string;
  readonly command: { readonly type: string } & Record<string, unknown>;
  /** The project's stage once this step is done (for picking how far a demo project goes). */
  readonly stage?: LifeStage;
}

/** How far a demo project gets. */
export const LIFE_STAGES = [
  'lead',
  'qualified',
  'under-review',
  'admitted',
  'ready-to-sign',
  'signed',
  'under-construction',
  'in-statistics',
  'completed',
  'in-production',
  'evaluated',
  'incentive-disbursed',
  'clawed-back',
] as const;
export type LifeStage = (typeof LIFE_STAGES)[number];

export interface ProjectSpec {
  readonly projectId: string;
  readonly unitId: string;
  readonly name: string;
  readonly investor: string;
  readonly industryChain: string;
  readonly content: string;
  /** 亿元 */
  readonly totalYi: number;
  readonly capturedOn: string;
  readonly channel?: string;
}

const sha = (s: string): string => {
  // A stable 64-hex digest of a document's name, standing in for the real file's SHA-256.
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; round < 8; round += 1) {
    for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ (s.charCodeAt(i) + round), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
};
const evidence = (name: string, kind: string) => [{ sha256: sha(name), name, kind }];
const FEN_PER_YI = 10_000_000_000;
const FEN_PER_WAN = 1_000_000;
const day = (from: string, n: number): string => addDays(date(from), n);
const DEPARTMENTS = [
  'development-reform',
  'ecology-environment',
  'natural-resources-planning',
  'host-carrier',
];

/**
 * The whole life of one project as HTTP-shaped commands, lead to clawback, each with the role that
 * issues it: the same script seeds the demo region and drives the end-to-end test. Dates follow
 * the seeds' deadlines (R7 three working days are met, the schedule of R8 is kept).
 */
export const projectLife = (s: ProjectSpec): ReadonlyArray<ScriptStep> => {
  const u = s.unitId;
  const pid = { projectId: s.projectId };
  const officer = (command: ScriptStep['command'], stage?: LifeStage): ScriptStep => ({
    role: 'investment-officer',
    unitId: u,
    command,
    ...(stage ? { stage } : {}),
  });
  const as = (role: Role, command: ScriptStep['command'], stage?: LifeStage): ScriptStep => ({
    role,
    unitId: 'region',
    command,
    ...(stage ? { stage } : {}),
  });
  const d0 = s.capturedOn;
  const total = Math.round(s.totalYi * FEN_PER_YI);
  const fixed = Math.round(total * 0.8);
  const signedOn = day(d0, 55);
  const startBy = day(signedOn, 60);
  const completeBy = day(signedOn, 365);
  const produceBy = day(signedOn, 420);
  const startedOn = day(signedOn, 50);
  const completedOn = day(signedOn, 340);
  const productionOn = day(signedOn, 380);
  const year1 = Number(productionOn.slice(0, 4));
  const incentiveId = `${s.projectId}-SBBT`;
  const ceiling = Math.max(FEN_PER_WAN, Math.round(total * 0.03));
  // A key project (the domain's policy: fixed assets of 1亿元 or more) has a manager and a secretary too (R6).
  const big = fixed >= defaultProjectPolicy.keyProjectThreshold;
  const roles = big
    ? ['responsible-leader', 'responsible-person', 'project-manager', 'project-secretary']
    : ['responsible-leader', 'responsible-person'];
  const commitments = {
    annualOutput: total * 2,
    annualTax: Math.round(total * 0.06),
    jobs: Math.max(20, Math.round(s.totalYi * 80)),
  };
  const procedures = ['registration', 'project-filing', 'environmental-assessment', 'construction-permit'];
  return [
    officer(
      {
        type: 'CaptureLead',
        ...pid,
        unitId: u,
        name: s.name,
        investor: { name: s.investor },
        industryChain: s.industryChain,
        content: s.content,
        channel: s.channel ?? 'industrial-chain',
        intendedInvestment: total,
        capturedOn: d0,
      },
      'lead',
    ),
    officer(
      { type: 'QualifyLead', ...pid, on: day(d0, 7), assessment: '投资方实力较强，项目符合园区产业定位' },
      'qualified',
    ),
    officer({ type: 'OpenConsultation', ...pid, on: day(d0, 10), departments: DEPARTMENTS }, 'under-review'),
    ...DEPARTMENTS.map((department, i) =>
      as('department-reviewer', {
        type: 'RecordDepartmentOpinion',
        ...pid,
        department,
        opinion: 'favourable',
        summary: '原则同意',
        on: day(d0, 12 + i),
      }),
    ),
    as(
      'leading-group-office',
      {
        type: 'ApproveAdmission',
        ...pid,
        on: day(d0, 25),
        catalogueClass: 'encouraged',
        negativeList: 'not-listed',
        constructionNature: 'new-build',
        minutesRef: `领导小组会议纪要〔${d0.slice(0, 4)}〕${s.projectId}`,
      },
      'admitted',
    ),
    officer({
      type: 'CompleteDueDiligence',
      ...pid,
      on: day(d0, 30),
      summary: '尽职调查完成：企业信用良好，资金来源清楚',
    }),
    ...roles.map((role, i) =>
      as('leading-group-office', {
        type: 'AssignLeader',
        ...pid,
        role,
        leaderId: `LD-${u}-${i + 1}`,
        // The leaders registry's name (a person's name, never an id or a role on paper)
        name: demoLeaderName(`LD-${u}-${i + 1}`),
        on: day(d0, 31),
      }),
    ),
    officer({
      type: 'RecordSiteVisit',
      ...pid,
      leaderId: `LD-${u}-2`,
      on: day(d0, 33),
      summary: '现场踏勘地块，协调供电线路',
    }),
    officer({ type: 'HoldNegotiation', ...pid, on: day(d0, 35), summary: '就土地价格、设备补助比例洽谈' }),
    as(
      'justice-bureau',
      {
        type: 'RecordLegalReview',
        ...pid,
        on: day(d0, 45),
        reviewer: 'justice-bureau',
        outcome: 'passed',
        opinion: '协议条款合法合规，追回条款明确',
      },
      'ready-to-sign',
    ),
    as(
      'leading-group-office',
      {
        type: 'SignAgreement',
        ...pid,
        agreementId: `XY-${s.projectId}`,
        on: signedOn,
        signatory: 'district-government',
        leadingGroupMinutesRef: `领导小组会议纪要〔${signedOn.slice(0, 4)}〕签-${s.projectId}`,
        terms: {
          totalInvestment: total,
          fixedAssetInvestment: fixed,
          landSupply: 'standalone',
          landArea: Math.max(10, Math.round(s.totalYi * 20)),
          schedule: { startBy, completeBy, produceBy },
          commitments,
          incentives: [
            {
              incentiveId,
              kind: 'equipment-subsidy',
              ceiling,
              conditions: '按设备投资额 8% 补助，投产后兑现',
            },
          ],
          clawbackClause: true,
        },
        evidence: evidence(`投资协议-${s.projectId}.pdf`, 'contract'),
      },
      'signed',
    ),
    ...procedures.flatMap((kind, i) => [
      officer({
        type: 'RequestProcedure',
        ...pid,
        procedureId: `${s.projectId}-SX${i + 1}`,
        kind,
        department: 'administrative-approval',
        completeOn: day(signedOn, 3 + i * 7),
        special: false,
      }),
      as('department-reviewer', {
        type: 'CompleteProcedure',
        ...pid,
        procedureId: `${s.projectId}-SX${i + 1}`,
        on: day(signedOn, 5 + i * 7),
        receiptNo: `HZ-${s.projectId}-${i + 1}`,
        handler: '区行政审批局',
      }),
    ]),
    officer(
      {
        type: 'StartConstruction',
        ...pid,
        on: startedOn,
        evidence: evidence(`开工照片-${s.projectId}.jpg`, 'site-photo'),
      },
      'under-construction',
    ),
    ...[0, 1, 2].map((m) => {
      const period = day(startedOn, 30 * m + 20).slice(0, 7);
      return officer({
        type: 'ReportInvestmentProgress',
        ...pid,
        period,
        completedInPeriod: Math.round(fixed / 8),
        on: day(startedOn, 30 * m + 25),
        evidence: evidence(`月报-${s.projectId}-${period}.xlsx`, 'report'),
      });
    }),
    as(
      'statistics-bureau',
      { type: 'EnterStatistics', ...pid, on: day(startedOn, 100), statisticsCode: `340603-${s.projectId}` },
      'in-statistics',
    ),
    officer(
      {
        type: 'CompleteConstruction',
        ...pid,
        on: completedOn,
        evidence: evidence(`竣工验收-${s.projectId}.pdf`, 'licence'),
      },
      'completed',
    ),
    officer(
      {
        type: 'StartProduction',
        ...pid,
        on: productionOn,
        evidence: evidence(`投产-${s.projectId}.jpg`, 'site-photo'),
      },
      'in-production',
    ),
    officer({
      type: 'ReportPerformance',
      ...pid,
      year: year1,
      output: commitments.annualOutput,
      tax: commitments.annualTax,
      jobs: commitments.jobs,
      investmentToDate: fixed,
      on: `${year1 + 1}-01-20`,
      evidence: evidence(`年报-${s.projectId}-${year1}.pdf`, 'report'),
    }),
    as(
      'supervision-office',
      { type: 'EvaluateFulfilment', ...pid, on: `${year1 + 1}-02-15`, year: year1 },
      'evaluated',
    ),
    as(
      'finance-bureau',
      {
        type: 'DisburseIncentive',
        ...pid,
        incentiveId,
        amount: Math.round(ceiling / 2),
        on: `${year1 + 1}-03-10`,
        evidence: evidence(`拨付凭证-${s.projectId}.pdf`, 'invoice'),
      },
      'incentive-disbursed',
    ),
    officer({
      type: 'ReportPerformance',
      ...pid,
      year: year1 + 1,
      output: Math.round(commitments.annualOutput / 10),
      tax: Math.round(commitments.annualTax / 10),
      jobs: Math.round(commitments.jobs / 5),
      investmentToDate: fixed,
      on: `${year1 + 2}-01-20`,
      evidence: evidence(`年报-${s.projectId}-${year1 + 1}.pdf`, 'report'),
    }),
    as('supervision-office', {
      type: 'EvaluateFulfilment',
      ...pid,
      on: `${year1 + 2}-02-15`,
      year: year1 + 1,
    }),
    as(
      'finance-bureau',
      {
        type: 'ClawBackSubsidy',
        ...pid,
        incentiveId,
        amount: Math.round(ceiling / 4),
        on: `${year1 + 2}-03-10`,
        reason: '产出、税收远低于协议承诺，依约追回设备补助',
      },
      'clawed-back',
    ),
  ];
};

/** The life of a project up to (and including) a stage. */
export const lifeUntil = (s: ProjectSpec, stage: LifeStage): ReadonlyArray<ScriptStep> => {
  const life = projectLife(s);
  const end = life.findIndex((step) => step.stage === stage);
  return life.slice(0, end + 1);
};

/** Targets of a unit (R11) and of the region (R12) as SetAnnualTargets bodies, set on a day (default mid-January / early February). */
export const unitTargets = (unitId: string, year: number, setOn = `${year}-01-15`): ScriptStep => ({
  role: 'supervision-office',
  unitId: 'region',
  command: {
    type: 'SetAnnualTargets',
    unitId,
    year,
    scope: 'unit',
    targets: defaultTargetsR11,
    setOn,
    setBy: '区招商引资工作领导小组办公室',
    basis: '濉溪经开区年度招商引资目标（R11）',
  },
});

export const regionTargets = (unitId: string, year: number, setOn = `${year}-02-07`): ScriptStep => ({
  role: 'supervision-office',
  unitId: 'region',
  command: {
    type: 'SetAnnualTargets',
    unitId,
    year,
    scope: 'region',
    targets: districtTargets2024R12,
    setOn,
    setBy: '区委、区政府',
    basis: `相山区 ${year} 年招商引资目标（R12）`,
  },
});
