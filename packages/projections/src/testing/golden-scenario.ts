import {
  addDays,
  cny,
  count,
  date,
  defaultTargetsR11,
  districtTargets2024R12,
  mu,
  unsafeId,
  usd,
  type AgreementTerms,
  type Cny,
  type ProjectCommand,
  type Targets,
  type Usd,
  type Year,
} from '@zhaoshang/domain';
import { projectFixtures as fx } from '@zhaoshang/domain/testing';
import { leaderStreamOf, projectStreamOf, targetPlanStreamOf, type ScenarioStream } from './scenario';

const text = unsafeId.text;

/** A project's life in a few dates; everything else is filled in the way a zone would. */
export interface ProjectSpec {
  readonly id: string;
  readonly unit: string;
  readonly capturedOn: string;
  /** A project the zone designed itself (谋划) instead of a lead. */
  readonly planned?: boolean;
  readonly qualifiedOn?: string;
  readonly discardedOn?: string;
  readonly signedOn?: string;
  /** Total investment of the agreement, in 亿元. */
  readonly investmentYi?: number;
  /** Foreign capital of the agreement, in 万美元: a commitment, never counted as used. */
  readonly foreignCapitalWanUsd?: number;
  /** Foreign capital actually received (利用外资): [date, 万美元]. */
  readonly foreignCapitalReceived?: ReadonlyArray<readonly [string, number]>;
  readonly amended?: { readonly on: string; readonly investmentYi: number };
  readonly procedures?: ReadonlyArray<{
    readonly id: string;
    readonly completeOn: string;
    readonly completedOn?: string;
  }>;
  readonly startedOn?: string;
  readonly statisticsOn?: string;
  /** Investment completed per month, in 万元. */
  readonly investments?: ReadonlyArray<readonly [string, number]>;
  readonly completedOn?: string;
  readonly productionOn?: string;
  /** Dates on which the deadline watcher ran for the project. */
  readonly watcherRuns?: ReadonlyArray<string>;
  readonly terminatedOn?: string;
  readonly duplicateOf?: { readonly canonical: string; readonly on: string };
}

const termsOf = (spec: ProjectSpec, investmentYi: number): AgreementTerms => {
  const signed = date(spec.signedOn!);
  return fx.signedAgreementTerms({
    totalInvestment: cny.yi(investmentYi),
    fixedAssetInvestment: cny.yi(investmentYi * 0.8),
    landSupply: 'standard-plant',
    landArea: mu(50),
    schedule: {
      startBy: addDays(signed, 60),
      completeBy: addDays(signed, 400),
      produceBy: addDays(signed, 460),
    },
    commitments: {
      annualOutput: cny.yi(investmentYi * 2),
      annualTax: cny.wan(investmentYi * 500),
      jobs: count(100),
    },
    incentives: [],
    clawbackClause: false,
    ...(spec.foreignCapitalWanUsd !== undefined
      ? { foreignCapital: usd.wan(spec.foreignCapitalWanUsd) as Usd }
      : {}),
  });
};

/** The commands of a project's life, for the decider to turn into events. */
export const projectCommands = (spec: ProjectSpec): ReadonlyArray<ProjectCommand> => {
  const projectId = unsafeId.project(spec.id);
  const p = { projectId };
  const captured = date(spec.capturedOn);
  const out: ProjectCommand[] = [
    spec.planned === true
      ? fx.planProject({
          ...p,
          unitId: unsafeId.unit(spec.unit),
          name: text(`谋划项目 ${spec.id}`),
          plannedOn: captured,
        })
      : fx.captureLead({
          ...p,
          unitId: unsafeId.unit(spec.unit),
          name: text(`项目 ${spec.id}`),
          capturedOn: captured,
          intendedInvestment: cny.yi(spec.investmentYi ?? 1) as Cny,
        }),
  ];
  if (spec.discardedOn !== undefined) out.push(fx.discardLead({ ...p, on: date(spec.discardedOn) }));
  if (spec.qualifiedOn !== undefined) out.push(fx.qualifyLead({ ...p, on: date(spec.qualifiedOn) }));
  if (spec.signedOn !== undefined) {
    const q = date(spec.qualifiedOn ?? spec.capturedOn);
    out.push(fx.openConsultation({ ...p, on: addDays(q, 1) }));
    for (const d of fx.fixtureDepartments) out.push(fx.recordOpinion(d, { ...p, on: addDays(q, 2) }));
    out.push(fx.approveAdmission({ ...p, on: addDays(q, 3) }));
    for (const role of [
      'responsible-leader',
      'responsible-person',
      'project-manager',
      'project-secretary',
    ] as const) {
      out.push(
        fx.assignLeader(role, { ...p, on: addDays(q, 3), leaderId: unsafeId.leader(`${spec.unit}-${role}`) }),
      );
    }
    out.push(fx.recordLegalReview({ ...p, on: addDays(q, 4), reviewer: 'legal-affairs' }));
    out.push(
      fx.signAgreement({
        ...p,
        agreementId: unsafeId.agreement(`XY-${spec.id}`),
        on: date(spec.signedOn),
        signatory: 'zone-committee',
        terms: termsOf(spec, spec.investmentYi ?? 1),
      }),
    );
  }
  const dated: Array<readonly [string, ProjectCommand]> = [];
  if (spec.amended !== undefined) {
    // The supplementary agreement changes the commitments its legal review covered: reviewed again,
    // approved by the leading group (R4 · 002 §六).
    dated.push([spec.amended.on, fx.recordLegalReview({ ...p, on: date(spec.amended.on) })]);
    dated.push([
      spec.amended.on,
      fx.amendAgreement({
        ...p,
        agreementId: unsafeId.agreement(`XY-${spec.id}`),
        on: date(spec.amended.on),
        terms: termsOf(spec, spec.amended.investmentYi),
        leadingGroupMinutesRef: text(`领导小组会议纪要 补-${spec.id}`),
      }),
    ]);
  }
  for (const proc of spec.procedures ?? []) {
    const procedureId = unsafeId.procedure(proc.id);
    dated.push([
      proc.completeOn,
      fx.requestProcedure({ ...p, procedureId, completeOn: date(proc.completeOn) }),
    ]);
    if (proc.completedOn !== undefined)
      dated.push([proc.completedOn, fx.completeProcedure({ ...p, procedureId, on: date(proc.completedOn) })]);
  }
  if (spec.startedOn !== undefined)
    dated.push([spec.startedOn, fx.startConstruction({ ...p, on: date(spec.startedOn) })]);
  if (spec.statisticsOn !== undefined)
    dated.push([
      spec.statisticsOn,
      fx.enterStatistics({ ...p, on: date(spec.statisticsOn), statisticsCode: text(`TJ-${spec.id}`) }),
    ]);
  for (const [period, wan] of spec.investments ?? []) {
    dated.push([`${period}-28`, fx.reportInvestment(period, cny.wan(wan), { ...p })]);
  }
  for (const [i, [on, wanUsd]] of (spec.foreignCapitalReceived ?? []).entries()) {
    dated.push([
      on,
      fx.recordForeignCapitalReceipt({
        ...p,
        receiptId: text(`WH-${spec.id}-${i + 1}`),
        amount: usd.wan(wanUsd) as Usd,
        on: date(on),
      }),
    ]);
  }
  if (spec.completedOn !== undefined)
    dated.push([spec.completedOn, fx.completeConstruction({ ...p, on: date(spec.completedOn) })]);
  if (spec.productionOn !== undefined)
    dated.push([spec.productionOn, fx.startProduction({ ...p, on: date(spec.productionOn) })]);
  for (const today of spec.watcherRuns ?? []) dated.push([today, fx.recordMissedMilestones(today)]);
  if (spec.terminatedOn !== undefined)
    dated.push([
      spec.terminatedOn,
      fx.terminateProject({ ...p, on: date(spec.terminatedOn), basis: 'mutual-agreement' }),
    ]);
  if (spec.duplicateOf !== undefined) {
    dated.push([
      spec.duplicateOf.on,
      fx.linkDuplicate({
        ...p,
        canonicalProjectId: unsafeId.project(spec.duplicateOf.canonical),
        on: date(spec.duplicateOf.on),
      }),
    ]);
  }
  // Later facts after earlier ones; a stable sort keeps the order of one day's commands.
  dated.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return [...out, ...dated.map(([, c]) => ({ ...c, projectId }) as ProjectCommand)];
};

/** Units of the golden scenario. */
export const GOLDEN = {
  zone: 'jingkai', // 经开区: the zone whose year is checked by hand
  other: 'gaoxin', // 高新区: holds the canonical of the zone's duplicate
  third: 'chengxi', // 城西: a third unit for the ranking
  region: 'district', // 区: the region-wide plan of R12
  year: 2024 as Year,
} as const;

/**
 * The projects of the golden year (2024). The expected figures in the golden test are worked out
 * by hand from this table; see golden.int.spec.ts.
 */
export const goldenProjects: ReadonlyArray<ProjectSpec> = [
  // Signed in 2023, produces in 2024: counts for production and investment, not for signing.
  {
    id: 'J00',
    unit: GOLDEN.zone,
    capturedOn: '2023-03-01',
    qualifiedOn: '2023-03-10',
    signedOn: '2023-05-10',
    investmentYi: 2,
    startedOn: '2023-07-01',
    statisticsOn: '2023-08-01',
    completedOn: '2024-03-30',
    productionOn: '2024-05-15',
    investments: [
      ['2024-01', 1000],
      ['2024-02', 1000],
      ['2024-03', 500],
    ],
  },
  {
    id: 'J01',
    unit: GOLDEN.zone,
    capturedOn: '2024-01-05',
    qualifiedOn: '2024-01-10',
    signedOn: '2024-02-20',
    investmentYi: 5,
    foreignCapitalWanUsd: 3000,
    foreignCapitalReceived: [
      ['2024-06-15', 1800],
      ['2024-12-20', 700],
    ],
    procedures: [{ id: 'J01-HP', completeOn: '2024-03-01', completedOn: '2024-03-12' }],
    startedOn: '2024-04-15',
    statisticsOn: '2024-05-20',
    investments: [
      ['2024-04', 3000],
      ['2024-05', 5000],
      ['2024-06', 8000],
      ['2024-07', 6000],
      ['2024-08', 4000],
      ['2024-09', 4000],
      ['2024-10', 4000],
      ['2024-11', 4000],
      ['2024-12', 4000],
    ],
  },
  {
    id: 'J02',
    unit: GOLDEN.zone,
    capturedOn: '2024-01-08',
    qualifiedOn: '2024-01-15',
    signedOn: '2024-03-10',
    investmentYi: 2,
    procedures: [{ id: 'J02-HP', completeOn: '2024-06-20' }],
    startedOn: '2024-05-10',
    statisticsOn: '2024-07-25',
    investments: [
      ['2024-05', 2000],
      ['2024-06', 3000],
      ['2024-07', 2000],
      ['2024-08', 2000],
      ['2024-09', 2000],
    ],
  },
  {
    id: 'J03',
    unit: GOLDEN.zone,
    capturedOn: '2024-02-01',
    qualifiedOn: '2024-02-10',
    signedOn: '2024-05-18',
    investmentYi: 0.8,
    amended: { on: '2024-08-01', investmentYi: 1.5 },
    startedOn: '2024-07-01',
    statisticsOn: '2024-08-15',
    investments: [
      ['2024-07', 1000],
      ['2024-08', 1500],
    ],
  },
  {
    id: 'J04',
    unit: GOLDEN.zone,
    capturedOn: '2024-03-01',
    qualifiedOn: '2024-03-05',
    signedOn: '2024-06-28',
    investmentYi: 1.2,
    watcherRuns: ['2024-09-01'],
    startedOn: '2024-09-20',
    investments: [
      ['2024-09', 500],
      ['2024-10', 1000],
    ],
  },
  {
    id: 'J05',
    unit: GOLDEN.zone,
    capturedOn: '2024-03-10',
    qualifiedOn: '2024-03-20',
    signedOn: '2024-07-15',
    investmentYi: 3,
    foreignCapitalWanUsd: 2000,
    foreignCapitalReceived: [['2024-09-01', 500]],
    watcherRuns: ['2024-10-20'],
    terminatedOn: '2024-11-10',
  },
  {
    id: 'J06',
    unit: GOLDEN.zone,
    capturedOn: '2024-04-01',
    qualifiedOn: '2024-04-12',
    signedOn: '2024-09-05',
    investmentYi: 0.6,
    startedOn: '2024-10-20',
    statisticsOn: '2024-11-25',
    investments: [
      ['2024-10', 800],
      ['2024-11', 1200],
      ['2024-12', 1000],
    ],
  },
  // The same 10亿 project signed by the zone and by 高新区 (一炮数响): counted once, under 高新区.
  {
    id: 'J07',
    unit: GOLDEN.zone,
    capturedOn: '2024-04-20',
    qualifiedOn: '2024-04-25',
    signedOn: '2024-08-08',
    investmentYi: 10,
    duplicateOf: { canonical: 'G01', on: '2024-09-01' },
  },
  ...(
    [
      ['J08', '2024-05-01', '2024-05-05'],
      ['J09', '2024-06-01', '2024-06-10'],
      ['J10', '2024-07-01', '2024-07-07'],
      ['J11', '2024-08-01', '2024-08-08'],
      ['J12', '2024-10-01', '2024-10-10'],
      ['J13', '2024-11-01', '2024-11-11'],
    ] as const
  ).map(([id, capturedOn, qualifiedOn]): ProjectSpec => ({ id, unit: GOLDEN.zone, capturedOn, qualifiedOn })),
  { id: 'J14', unit: GOLDEN.zone, capturedOn: '2024-06-01', discardedOn: '2024-07-01' },
  { id: 'P01', unit: GOLDEN.zone, capturedOn: '2024-02-15', planned: true },
  { id: 'P02', unit: GOLDEN.zone, capturedOn: '2024-05-20', planned: true },
  { id: 'P03', unit: GOLDEN.zone, capturedOn: '2024-09-10', planned: true },
  {
    id: 'G01',
    unit: GOLDEN.other,
    capturedOn: '2024-04-10',
    qualifiedOn: '2024-04-18',
    signedOn: '2024-08-08',
    investmentYi: 10,
    startedOn: '2024-10-01',
    statisticsOn: '2024-12-01',
    investments: [
      ['2024-10', 5000],
      ['2024-11', 5000],
      ['2024-12', 5000],
    ],
  },
  {
    id: 'C01',
    unit: GOLDEN.third,
    capturedOn: '2024-02-01',
    qualifiedOn: '2024-02-05',
    signedOn: '2024-03-01',
    investmentYi: 1.5,
    startedOn: '2024-05-01',
    statisticsOn: '2024-05-20',
    investments: [
      ['2024-05', 5000],
      ['2024-06', 5000],
    ],
  },
  { id: 'C02', unit: GOLDEN.third, capturedOn: '2024-03-01', qualifiedOn: '2024-03-03' },
];

/** The smaller plan of 高新区 and 城西 (leads 5, two ≥ 1亿 signings with 10亿, two starts, 2亿 invested, one in production). */
export const smallUnitTargets = [
  { metric: 'leads', target: { kind: 'count', value: count(5) } },
  { metric: 'signedProjects', target: { kind: 'count', value: count(2) }, minInvestment: cny.yi(1) },
  { metric: 'signedAgreementFunds', target: { kind: 'cny', value: cny.yi(10) }, minInvestment: cny.yi(1) },
  { metric: 'startedProjects', target: { kind: 'count', value: count(2) }, minInvestment: cny.wan(5000) },
  { metric: 'fixedAssetInvestment', target: { kind: 'cny', value: cny.yi(2) } },
  { metric: 'projectsInProduction', target: { kind: 'count', value: count(1) } },
] as const satisfies Targets;

const unitPlan = (unit: string, targets: Targets): ScenarioStream =>
  targetPlanStreamOf([
    {
      type: 'SetAnnualTargets',
      unitId: unsafeId.unit(unit),
      year: GOLDEN.year,
      scope: 'unit',
      targets,
      setOn: date('2024-01-02'),
      setBy: text('区招商引资工作领导小组'),
    },
  ]);

/** Every stream of the golden year: plans, projects and leaders' trips. */
export const goldenStreams = (): ReadonlyArray<ScenarioStream> => [
  unitPlan(GOLDEN.zone, defaultTargetsR11),
  unitPlan(GOLDEN.other, smallUnitTargets),
  unitPlan(GOLDEN.third, smallUnitTargets),
  targetPlanStreamOf([
    {
      type: 'SetAnnualTargets',
      unitId: unsafeId.unit(GOLDEN.region),
      year: GOLDEN.year,
      scope: 'region',
      targets: districtTargets2024R12,
      setOn: date('2024-02-07'),
      setBy: text('区人民政府'),
    },
  ]),
  ...goldenProjects.map((spec) => projectStreamOf(projectCommands(spec))),
  leaderStreamOf(
    (
      [
        ['T1', '2024-01-08', '2024-01-12'],
        ['T2', '2024-02-26', '2024-03-02'],
        ['T3', '2024-06-03', '2024-06-09'],
      ] as const
    ).map(([id, from, to]) => ({
      type: 'RecordOutboundTrip' as const,
      tripId: unsafeId.trip(`jk-${id}`),
      leaderId: unsafeId.leader('jingkai-principal'),
      unitId: unsafeId.unit(GOLDEN.zone),
      delegation: text('经开区招商小分队'),
      members: [text('经开区主要负责同志')],
      destination: text('深圳'),
      from: date(from),
      to: date(to),
      companiesMet: [text('某新能源企业')],
      leadsProduced: [],
    })),
  ),
];

/** The Cny amount of a number of 万元, for expectations. */
export const wan = (n: number): number => cny.wan(n);
/** The Cny amount of a number of 亿元, for expectations. */
export const yi = (n: number): number => cny.yi(n);
