/**
 * fast-check arbitraries of the investment-project aggregate (the `@zhaoshang/domain/testing`
 * subpath): valid data for every event type of the catalogue, and scripts of commands drawn from
 * a realistic pool that a property runs through the decider.
 */
import fc from 'fast-check';
import type { ProjectCommand } from '../project/project.commands';
import type {
  AgreementTerms,
  Commitments,
  FulfilmentFinding,
  FulfilmentRatios,
  Incentive,
  PerMuFigure,
  PerMuFigures,
  Investor,
  ProjectEventOf,
  ProjectEventType,
  Schedule,
  ProcedureApproval,
} from '../project/project.events';
import type { Project, ProjectState } from '../project/project.state';
import {
  CatalogueClass,
  ConstructionNature,
  Channel,
  CorrectableFact,
  Department,
  FulfilmentFindingCode,
  IncentiveKind,
  LandSupply,
  LeaderRole,
  LegalReviewer,
  MilestoneKind,
  NegativeListStatus,
  Opinion,
  ProcedureKind,
  RejectionGround,
  Signatory,
  TerminationBasis,
  Verdict,
  WithdrawalReason,
} from '../project/project.vocabulary';
import { addDays, BusinessDate, daysBetween, monthOf, Year, yearOf } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import { cny, count, mu, usd } from '../shared/money';
import { isoWeekOf, mondayOf } from '../project/project.visits';
import * as fx from './project.fixtures';
import { LandUse, SupplyStatus } from '../land/plot.events';
import { ProjectCategory } from '../project/project.profile';

const PROJECT_CATEGORIES = Object.keys(ProjectCategory.keys) as ReadonlyArray<ProjectCategory>;
const LAND_USES = Object.keys(LandUse.keys) as ReadonlyArray<LandUse>;
const SUPPLY_STATUSES = Object.keys(SupplyStatus.keys) as ReadonlyArray<SupplyStatus>;
import {
  arbAgreementId,
  arbBusinessDate,
  arbCny,
  arbCount,
  arbCreditCode,
  arbEvidence,
  arbIncentiveId,
  arbLeaderId,
  arbMu,
  arbProcedureId,
  arbProjectId,
  arbRatio,
  arbText,
  arbUnitId,
  arbUsd,
  arbYear,
  arbYearMonth,
} from './shared.arbitraries';

/** One of the values of an io-ts keyof codec. */
const arbKey = <K extends string>(codec: { readonly keys: Readonly<Record<K, unknown>> }): fc.Arbitrary<K> =>
  fc.constantFrom(...(Object.keys(codec.keys) as K[]));

/** Any approval of a procedure (R7): district with a due or pending deadline, or higher-level. */
export const arbProcedureApproval: fc.Arbitrary<ProcedureApproval> = fc.oneof(
  fc.record({
    level: fc.constant('district' as const),
    workingDays: arbCount,
    deadline: fc.oneof(
      fc.record({ kind: fc.constant('due' as const), dueOn: arbBusinessDate() }),
      fc.record({ kind: fc.constant('pending-calendar' as const), year: arbYear }),
    ),
  }),
  fc.record({ level: fc.constant('higher-level' as const), authority: arbText }, { requiredKeys: ['level'] }),
);

export const arbChannel = arbKey<Channel>(Channel);
export const arbDepartment = arbKey<Department>(Department);

export const arbInvestor: fc.Arbitrary<Investor> = fc.record(
  { name: arbText, creditCode: arbCreditCode, origin: arbText },
  { requiredKeys: ['name'] },
);

export const arbSchedule: fc.Arbitrary<Schedule> = fc.record({
  startBy: arbBusinessDate(),
  completeBy: arbBusinessDate(),
  produceBy: arbBusinessDate(),
});

export const arbCommitments: fc.Arbitrary<Commitments> = fc.record({
  annualOutput: arbCny,
  annualTax: arbCny,
  jobs: arbCount,
});

export const arbIncentive: fc.Arbitrary<Incentive> = fc.record({
  incentiveId: arbIncentiveId,
  kind: arbKey<IncentiveKind>(IncentiveKind),
  ceiling: arbCny,
  conditions: arbText,
});

/** Terms that decode (not necessarily terms the rules of R5 accept). */
export const arbAgreementTerms: fc.Arbitrary<AgreementTerms> = fc.record(
  {
    totalInvestment: arbCny,
    fixedAssetInvestment: arbCny,
    landSupply: arbKey<LandSupply>(LandSupply),
    landArea: arbMu,
    schedule: arbSchedule,
    commitments: arbCommitments,
    incentives: fc.array(arbIncentive, { maxLength: 3 }),
    clawbackClause: fc.boolean(),
    foreignCapital: arbUsd,
  },
  {
    requiredKeys: [
      'totalInvestment',
      'fixedAssetInvestment',
      'landSupply',
      'landArea',
      'schedule',
      'commitments',
      'incentives',
      'clawbackClause',
    ],
  },
);

/** A ratio, or null where it is not applicable. */
const arbRatioOrNa = fc.option(arbRatio, { nil: null });

export const arbFulfilmentRatios: fc.Arbitrary<FulfilmentRatios> = fc.record({
  fixedAssetInvestment: arbRatioOrNa,
  investmentPerMu: arbRatioOrNa,
  output: arbRatioOrNa,
  outputPerMu: arbRatioOrNa,
  tax: arbRatioOrNa,
  taxPerMu: arbRatioOrNa,
  jobs: arbRatioOrNa,
  constructionPeriod: arbRatioOrNa,
});

const arbPerMuFigure: fc.Arbitrary<PerMuFigure> = fc.record({
  committed: arbRatioOrNa,
  actual: arbRatioOrNa,
});
export const arbPerMuFigures: fc.Arbitrary<PerMuFigures> = fc.record({
  investment: arbPerMuFigure,
  tax: arbPerMuFigure,
  output: arbPerMuFigure,
});

export const arbFulfilmentFinding: fc.Arbitrary<FulfilmentFinding> = fc.record({
  code: arbKey<FulfilmentFindingCode>(FulfilmentFindingCode),
  params: fc.dictionary(
    fc.constantFrom('figure', 'ratio', 'deadline', 'clause', 'threshold'),
    fc.oneof(arbText, arbRatio, fc.constant(null)),
    { maxKeys: 3 },
  ),
});

const on = arbBusinessDate();
/** A milestone key as the clock writes it (`agreed-start:2024-08-01`, `exit-no-start`, …). */
const arbMilestoneKey = fc.string({ minLength: 1, maxLength: 40 });
const correction = fc.record({ reason: arbText });

type EventArbitraries = { readonly [K in ProjectEventType]: fc.Arbitrary<ProjectEventOf<K>> };

const event = <K extends ProjectEventType>(
  type: K,
  data: fc.Arbitrary<ProjectEventOf<K>['data']>,
): fc.Arbitrary<ProjectEventOf<K>> => data.map((d) => ({ type, data: d }) as ProjectEventOf<K>);

/**
 * Valid data for every event type of the catalogue, by type. Typed as a record over every event
 * type, so a new event type without an arbitrary fails to compile.
 */
export const projectEventArbitraries: EventArbitraries = {
  LeadCaptured: event(
    'LeadCaptured',
    fc.record(
      {
        projectId: arbProjectId,
        unitId: arbUnitId,
        name: arbText,
        investor: arbInvestor,
        industryChain: arbText,
        content: arbText,
        channel: arbChannel,
        intendedInvestment: arbCny,
        capturedOn: on,
        foreignCapital: arbUsd,
        landDemand: arbMu,
        advisor: arbText,
      },
      {
        requiredKeys: [
          'projectId',
          'unitId',
          'name',
          'investor',
          'industryChain',
          'content',
          'channel',
          'intendedInvestment',
          'capturedOn',
        ],
      },
    ),
  ),
  ProjectPlanned: event(
    'ProjectPlanned',
    fc.record({
      projectId: arbProjectId,
      unitId: arbUnitId,
      name: arbText,
      industryChain: arbText,
      content: arbText,
      intendedInvestment: arbCny,
      plannedOn: on,
    }),
  ),
  LeadQualified: event(
    'LeadQualified',
    fc.record(
      { projectId: arbProjectId, on, assessment: arbText, investor: arbInvestor },
      { requiredKeys: ['projectId', 'on', 'assessment'] },
    ),
  ),
  LeadDiscarded: event('LeadDiscarded', fc.record({ projectId: arbProjectId, on, reason: arbText })),
  ConsultationOpened: event(
    'ConsultationOpened',
    fc.record({ projectId: arbProjectId, on, departments: fc.uniqueArray(arbDepartment, { maxLength: 5 }) }),
  ),
  DepartmentOpinionRecorded: event(
    'DepartmentOpinionRecorded',
    fc.record(
      {
        projectId: arbProjectId,
        department: arbDepartment,
        opinion: arbKey<Opinion>(Opinion),
        summary: arbText,
        on,
        evidence: arbEvidence,
      },
      { requiredKeys: ['projectId', 'department', 'opinion', 'summary', 'on'] },
    ),
  ),
  AdmissionApproved: event(
    'AdmissionApproved',
    fc.record(
      {
        projectId: arbProjectId,
        on,
        catalogueClass: arbKey<CatalogueClass>(CatalogueClass),
        negativeList: arbKey<NegativeListStatus>(NegativeListStatus),
        minutesRef: arbText,
        conditions: arbText,
        constructionNature: arbKey<ConstructionNature>(ConstructionNature),
        overrulingReason: arbText,
      },
      { requiredKeys: ['projectId', 'on', 'catalogueClass', 'negativeList', 'minutesRef'] },
    ),
  ),
  AdmissionRejected: event(
    'AdmissionRejected',
    fc.record({
      projectId: arbProjectId,
      on,
      ground: arbKey<RejectionGround>(RejectionGround),
      reason: arbText,
    }),
  ),
  DueDiligenceCompleted: event(
    'DueDiligenceCompleted',
    fc.record(
      { projectId: arbProjectId, on, summary: arbText, evidence: arbEvidence },
      { requiredKeys: ['projectId', 'on', 'summary'] },
    ),
  ),
  LeaderAssigned: event(
    'LeaderAssigned',
    fc.record(
      {
        projectId: arbProjectId,
        role: arbKey<LeaderRole>(LeaderRole),
        leaderId: arbLeaderId,
        name: arbText,
        on,
        replaces: arbLeaderId,
      },
      { requiredKeys: ['projectId', 'role', 'leaderId', 'name', 'on'] },
    ),
  ),
  SiteVisitRecorded: event(
    'SiteVisitRecorded',
    fc.record(
      {
        projectId: arbProjectId,
        leaderId: arbLeaderId,
        on,
        summary: arbText,
        issuesFound: fc.array(arbText, { maxLength: 3 }),
        issuesSolved: fc.array(arbText, { maxLength: 3 }),
        evidence: arbEvidence,
      },
      { requiredKeys: ['projectId', 'leaderId', 'on', 'summary', 'issuesFound', 'issuesSolved'] },
    ),
  ),
  NegotiationHeld: event('NegotiationHeld', fc.record({ projectId: arbProjectId, on, summary: arbText })),
  LegalReviewPassed: event(
    'LegalReviewPassed',
    fc.record({
      projectId: arbProjectId,
      on,
      reviewer: arbKey<LegalReviewer>(LegalReviewer),
      opinion: arbText,
    }),
  ),
  LegalReviewFailed: event(
    'LegalReviewFailed',
    fc.record({
      projectId: arbProjectId,
      on,
      reviewer: arbKey<LegalReviewer>(LegalReviewer),
      reason: arbText,
    }),
  ),
  AgreementSigned: event(
    'AgreementSigned',
    fc.record({
      projectId: arbProjectId,
      agreementId: arbAgreementId,
      on,
      signatory: arbKey<Signatory>(Signatory),
      leadingGroupMinutesRef: arbText,
      terms: arbAgreementTerms,
      evidence: arbEvidence,
    }),
  ),
  AgreementAmended: event(
    'AgreementAmended',
    fc.record({
      projectId: arbProjectId,
      agreementId: arbAgreementId,
      on,
      terms: arbAgreementTerms,
      reason: arbText,
      evidence: arbEvidence,
    }),
  ),
  ProcedureRequested: event(
    'ProcedureRequested',
    fc.record(
      {
        projectId: arbProjectId,
        procedureId: arbProcedureId,
        kind: arbKey<ProcedureKind>(ProcedureKind),
        department: arbDepartment,
        completeOn: on,
        special: fc.boolean(),
        approval: arbProcedureApproval,
        title: arbText,
      },
      {
        requiredKeys: ['projectId', 'procedureId', 'kind', 'department', 'completeOn', 'special', 'approval'],
      },
    ),
  ),
  ProcedureDeadlineComputed: event(
    'ProcedureDeadlineComputed',
    fc.record(
      {
        projectId: arbProjectId,
        procedureId: arbProcedureId,
        dueOn: on,
        calendarYear: arbYear,
        computedOn: on,
        workingDaysTaken: arbCount,
        withinTimeLimit: fc.boolean(),
      },
      { requiredKeys: ['projectId', 'procedureId', 'dueOn', 'calendarYear', 'computedOn'] },
    ),
  ),
  ProcedureCompleted: event(
    'ProcedureCompleted',
    fc.record(
      {
        projectId: arbProjectId,
        procedureId: arbProcedureId,
        on,
        receiptNo: arbText,
        handler: arbText,
        workingDaysTaken: arbCount,
        withinTimeLimit: fc.boolean(),
        approvalNo: arbText,
        evidence: arbEvidence,
      },
      { requiredKeys: ['projectId', 'procedureId', 'on', 'receiptNo', 'handler'] },
    ),
  ),
  ConstructionStarted: event(
    'ConstructionStarted',
    fc.record({ projectId: arbProjectId, on, evidence: arbEvidence }),
  ),
  InvestmentProgressReported: event(
    'InvestmentProgressReported',
    fc.record(
      {
        projectId: arbProjectId,
        period: arbYearMonth,
        completedInPeriod: arbCny,
        cumulative: arbCny,
        on,
        evidence: arbEvidence,
        correction,
      },
      { requiredKeys: ['projectId', 'period', 'completedInPeriod', 'cumulative', 'on', 'evidence'] },
    ),
  ),
  EnteredStatistics: event(
    'EnteredStatistics',
    fc.record({ projectId: arbProjectId, on, statisticsCode: arbText }),
  ),
  ConstructionCompleted: event(
    'ConstructionCompleted',
    fc.record({ projectId: arbProjectId, on, evidence: arbEvidence }),
  ),
  ProductionStarted: event(
    'ProductionStarted',
    fc.record({ projectId: arbProjectId, on, evidence: arbEvidence }),
  ),
  CapacityReached: event(
    'CapacityReached',
    fc.record({ projectId: arbProjectId, on, evidence: arbEvidence }),
  ),
  PerformanceReported: event(
    'PerformanceReported',
    fc.record(
      {
        projectId: arbProjectId,
        year: arbYear,
        output: arbCny,
        tax: arbCny,
        jobs: arbCount,
        investmentToDate: arbCny,
        on,
        evidence: arbEvidence,
        correction,
      },
      { requiredKeys: ['projectId', 'year', 'output', 'tax', 'jobs', 'investmentToDate', 'on', 'evidence'] },
    ),
  ),
  FulfilmentEvaluated: event(
    'FulfilmentEvaluated',
    fc.record(
      {
        projectId: arbProjectId,
        on,
        year: arbYear,
        ratios: arbFulfilmentRatios,
        perMu: arbPerMuFigures,
        verdict: arbKey<Verdict>(Verdict),
        findings: fc.array(arbFulfilmentFinding, { maxLength: 3 }),
        asOf: on,
        definedBreach: fc.record({ clause: arbText, description: arbText }),
      },
      { requiredKeys: ['projectId', 'on', 'year', 'asOf', 'ratios', 'perMu', 'verdict', 'findings'] },
    ),
  ),
  IncentiveDisbursed: event(
    'IncentiveDisbursed',
    fc.record({
      projectId: arbProjectId,
      incentiveId: arbIncentiveId,
      amount: arbCny,
      on,
      evidence: arbEvidence,
    }),
  ),
  SecondaryPromotionStarted: event(
    'SecondaryPromotionStarted',
    fc.record({ projectId: arbProjectId, on, plan: arbText }),
  ),
  RectificationOrdered: event(
    'RectificationOrdered',
    fc.record({ projectId: arbProjectId, on, dueBy: on, items: fc.array(arbText, { maxLength: 3 }) }),
  ),
  RectificationCompleted: event(
    'RectificationCompleted',
    fc.record(
      { projectId: arbProjectId, on, summary: arbText, evidence: arbEvidence },
      { requiredKeys: ['projectId', 'on', 'summary'] },
    ),
  ),
  SubsidyClawedBack: event(
    'SubsidyClawedBack',
    fc.record({ projectId: arbProjectId, incentiveId: arbIncentiveId, amount: arbCny, on, reason: arbText }),
  ),
  LandReclaimed: event(
    'LandReclaimed',
    fc.record({ projectId: arbProjectId, on, area: arbMu, reason: arbText }),
  ),
  ProjectTerminated: event(
    'ProjectTerminated',
    fc.record({
      projectId: arbProjectId,
      on,
      basis: arbKey<TerminationBasis>(TerminationBasis),
      reason: arbText,
    }),
  ),
  ProjectAbandoned: event('ProjectAbandoned', fc.record({ projectId: arbProjectId, on, reason: arbText })),
  MilestoneMissed: event(
    'MilestoneMissed',
    fc.record(
      {
        projectId: arbProjectId,
        milestoneKey: arbMilestoneKey,
        kind: arbKey<MilestoneKind>(MilestoneKind),
        dueOn: on,
        detectedOn: on,
        procedureId: arbProcedureId,
        termMonths: arbCount,
      },
      { requiredKeys: ['projectId', 'milestoneKey', 'kind', 'dueOn', 'detectedOn'] },
    ),
  ),
  // Weekly 包保 visits (R18, 000 §五.2)
  VisitWeekMissed: event(
    'VisitWeekMissed',
    fc
      .record({
        projectId: arbProjectId,
        monday: on.map(mondayOf),
        responsiblePerson: fc.record({ leaderId: arbLeaderId, name: arbText }),
        detectedOn: on,
      })
      .map(({ monday, ...rest }) => ({
        ...rest,
        week: isoWeekOf(monday),
        weekStart: monday,
        weekEnd: addDays(monday, 6),
      })),
  ),
  DuplicateLinked: event(
    'DuplicateLinked',
    fc.record({
      projectId: arbProjectId,
      canonicalProjectId: arbProjectId,
      on,
      similarity: arbRatio,
      reason: arbText,
    }),
  ),
  FactCorrected: event(
    'FactCorrected',
    fc.record(
      {
        projectId: arbProjectId,
        fact: arbKey<CorrectableFact>(CorrectableFact),
        correctedOn: on,
        previous: fc.record({ on, statisticsCode: arbText }, { requiredKeys: ['on'] }),
        corrected: fc.record({ on, statisticsCode: arbText }, { requiredKeys: ['on'] }),
        reason: arbText,
        evidence: arbEvidence,
        reinstatedMilestones: fc.array(arbMilestoneKey, { maxLength: 2 }),
      },
      { requiredKeys: ['projectId', 'fact', 'correctedOn', 'previous', 'corrected', 'reason'] },
    ),
  ),
  MilestoneWithdrawn: event(
    'MilestoneWithdrawn',
    fc.record(
      {
        projectId: arbProjectId,
        milestoneKey: arbMilestoneKey,
        kind: arbKey<MilestoneKind>(MilestoneKind),
        dueOn: on,
        raisedOn: on,
        reason: arbKey<WithdrawalReason>(WithdrawalReason),
        factOn: on,
        procedureId: arbProcedureId,
        termMonths: arbCount,
      },
      { requiredKeys: ['projectId', 'milestoneKey', 'kind', 'dueOn', 'raisedOn', 'reason', 'factOn'] },
    ),
  ),
  DuplicateUnlinked: event(
    'DuplicateUnlinked',
    fc.record({ projectId: arbProjectId, canonicalProjectId: arbProjectId, on, reason: arbText }),
  ),
  ForeignCapitalReceived: event(
    'ForeignCapitalReceived',
    fc.record(
      {
        projectId: arbProjectId,
        receiptId: arbText,
        amount: arbUsd,
        on,
        evidence: arbEvidence,
        source: arbText,
      },
      { requiredKeys: ['projectId', 'receiptId', 'amount', 'on', 'evidence'] },
    ),
  ),
  OutOfProvinceFundsReceived: event(
    'OutOfProvinceFundsReceived',
    fc.record({
      projectId: arbProjectId,
      receiptId: arbText,
      amount: arbCny,
      sourceProvince: arbText,
      on,
      evidence: arbEvidence,
    }),
  ),
  // The project's profile (R22)
  ProjectProfileRecorded: event(
    'ProjectProfileRecorded',
    fc.record({
      projectId: arbProjectId,
      on,
      profile: fc.record(
        {
          category: fc.constantFrom(...PROJECT_CATEGORIES),
          parkId: arbUnitId,
          townId: arbUnitId,
          projectCode: fc
            .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 0, max: 999_999 }))
            .map(([y, n]) => unsafeId.text(`${y}-340603-04-03-${String(n).padStart(6, '0')}`)),
          filingNo: arbText,
          landUse: fc.constantFrom(...LAND_USES),
          landSupply: fc.constantFrom(...SUPPLY_STATUSES),
        },
        { requiredKeys: [] },
      ),
    }),
  ),
};

/** Any project event with valid data (not necessarily a history the rules allow). */
export const arbProjectEvent = fc.oneof(...Object.values(projectEventArbitraries));

// ---------------------------------------------------------------- command scripts

/** What a step of a command script asks for; the command itself is built from the state it meets. */
export const STEP_KINDS = [
  'progress',
  'capture',
  'plan',
  'qualify',
  'discard',
  'consult',
  'opinion',
  'approve',
  'reject',
  'dueDiligence',
  'leader',
  'replaceLeader',
  'visit',
  'negotiate',
  'legalReview',
  'sign',
  'amend',
  'requestProcedure',
  'completeProcedure',
  'start',
  'reportInvestment',
  'correctInvestment',
  'statistics',
  'complete',
  'produce',
  'capacity',
  'reportPerformance',
  'correctPerformance',
  'evaluate',
  'disburse',
  'secondary',
  'rectify',
  'completeRectification',
  'clawback',
  'reclaim',
  'terminate',
  'abandon',
  'missed',
  'linkDuplicate',
  'correctFact',
  'unlinkDuplicate',
  'foreignCapital',
  'outOfProvinceFunds',
  // The project's profile (R22)
  'profile',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Steps whose command, repeated at once with the same data, must emit nothing. */
export const IDEMPOTENT_STEPS: ReadonlySet<StepKind> = new Set<StepKind>([
  'capture',
  'plan',
  'qualify',
  'discard',
  'consult',
  'opinion',
  'approve',
  'reject',
  'dueDiligence',
  'leader',
  'replaceLeader',
  'sign',
  'amend',
  'requestProcedure',
  'completeProcedure',
  'start',
  'reportInvestment',
  'statistics',
  'complete',
  'produce',
  'capacity',
  'reportPerformance',
  'evaluate',
  'reclaim',
  'terminate',
  'abandon',
  'missed',
  'linkDuplicate',
  'correctFact',
  'unlinkDuplicate',
  'foreignCapital',
  'outOfProvinceFunds',
  'profile',
]);

export interface ScriptStep {
  readonly kind: StepKind;
  /** Days after the previous step (business dates never go back in a script). */
  readonly gap: number;
  /** Chooses among the options a step has (department, role, amount, variant …). */
  readonly pick: number;
}

/** Half the steps take the project to its next stage, so that scripts reach payments and clawbacks. */
export const arbScriptStep: fc.Arbitrary<ScriptStep> = fc.record({
  kind: fc.oneof(fc.constant('progress' as const), fc.constantFrom(...STEP_KINDS)),
  gap: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 10, max: 200 })),
  pick: fc.nat({ max: 1000 }),
});

/** Where a script starts: from nothing, or from the fixture project at one of its milestones. */
export const arbScriptStart: fc.Arbitrary<fx.FixtureMilestone | 'nothing'> = fc.constantFrom(
  'nothing',
  ...fx.FIXTURE_MILESTONES,
);

export const arbScript = fc.record({
  start: arbScriptStart,
  steps: fc.array(arbScriptStep, { minLength: 1, maxLength: 30 }),
});

const choose = <T>(xs: ReadonlyArray<T>, pick: number): T => xs[pick % xs.length]!;
const ROLES: ReadonlyArray<LeaderRole> = [
  'responsible-leader',
  'responsible-person',
  'project-manager',
  'project-secretary',
];
const INCENTIVES = [fx.fixtureIds.equipmentSubsidy, fx.fixtureIds.taxReward, unsafeId.incentive('JL-WEIZHI')];
const WAN = [50, 100, 300, 400, 500, 600, 800, 1200];

/** Terms for a signing or an amendment on `today`, in one of several realistic variants. */
const termsFor = (today: BusinessDate, pick: number): AgreementTerms => {
  const schedule = {
    startBy: addDays(today, 60),
    completeBy: addDays(today, 540),
    produceBy: addDays(today, 630),
  };
  switch (pick % 5) {
    case 0:
      return fx.signedAgreementTerms({ schedule });
    case 1: // below the admission threshold, in a standard plant
      return fx.signedAgreementTerms({
        schedule,
        totalInvestment: cny.wan(999.99),
        fixedAssetInvestment: cny.wan(800),
        landSupply: 'standard-plant',
        landArea: mu(10),
      });
    case 2: // lower incentive ceilings, as a supplementary agreement may set
      return fx.signedAgreementTerms({
        schedule,
        incentives: fx.fixtureIncentives.map((i) => ({ ...i, ceiling: cny.wan(300) })),
      });
    case 3: // an incentive dropped
      return fx.signedAgreementTerms({ schedule, incentives: fx.fixtureIncentives.slice(0, 1) });
    default: // the schedule of the fixture, which may already be in the past
      return fx.signedAgreementTerms();
  }
};

/** Figures of a year reported, as agreed, short, or far short. */
const performanceFor = (pick: number) =>
  choose(
    [
      { output: cny.yi(8.5), tax: cny.wan(2600), jobs: count(380), investmentToDate: cny.yi(3.3) },
      { output: cny.yi(6), tax: cny.wan(1800), jobs: count(280), investmentToDate: cny.yi(3.2) },
      { output: cny.yi(1), tax: cny.wan(100), jobs: count(20), investmentToDate: cny.yi(1.2) },
    ],
    pick,
  );

/** The command a step asks for, given the state it meets and the business date of the step. */
export const commandFor = (step: ScriptStep, state: ProjectState, today: BusinessDate): ProjectCommand => {
  const p: Project | undefined = state.status === 'none' ? undefined : state;
  const { pick } = step;
  const year = (yearOf(today) - (pick % 2)) as Year;
  switch (step.kind) {
    case 'progress':
      return progressCommand(p, today, pick);
    case 'capture':
      return fx.captureLead({ capturedOn: today });
    case 'plan':
      return fx.planProject({ plannedOn: today });
    case 'qualify':
      return fx.qualifyLead({ on: today, ...(pick % 2 === 0 ? { investor: fx.fixtureInvestor } : {}) });
    case 'discard':
      return fx.discardLead({ on: today });
    case 'consult':
      return fx.openConsultation({ on: today, departments: fx.fixtureDepartments.slice(0, 1 + (pick % 5)) });
    case 'opinion':
      return fx.recordOpinion(choose(p?.consultation?.departments ?? fx.fixtureDepartments, pick), {
        on: today,
        opinion: choose(['favourable', 'favourable', 'conditional', 'unfavourable'] as const, pick >> 3),
      });
    case 'approve':
      return fx.approveAdmission({
        on: today,
        ...(pick % 7 === 0 ? { negativeList: 'prohibited' as const } : {}),
      });
    case 'reject':
      return fx.rejectAdmission({ on: today });
    case 'dueDiligence':
      return fx.completeDueDiligence({ on: today });
    case 'leader':
      return fx.assignLeader(choose(ROLES, pick), { on: today });
    case 'replaceLeader': {
      const role = choose(ROLES, pick);
      const current = p?.leaders[role]?.leaderId;
      return fx.assignLeader(role, {
        on: today,
        leaderId: unsafeId.leader(`LD-new-${pick % 3}`),
        name: unsafeId.text('新任负责人'),
        ...(current !== undefined ? { replaces: current } : {}),
      });
    }
    case 'visit':
      // R18: some visits state what they found and solved, some do not (the first route's body).
      return fx.recordSiteVisit({
        on: today,
        ...(pick % 2 === 0
          ? {
              issuesFound: [unsafeId.text('供电线路迁改')],
              issuesSolved: pick % 4 === 0 ? [] : [unsafeId.text('供电线路迁改')],
            }
          : {}),
      });
    case 'negotiate':
      return fx.holdNegotiation({ on: today });
    case 'legalReview':
      return fx.recordLegalReview({
        on: today,
        reviewer: choose(['legal-affairs', 'legal-affairs', 'justice-bureau'] as const, pick),
        outcome: pick % 4 === 3 ? 'failed' : 'passed',
      });
    case 'sign':
      return fx.signAgreement({ on: today, terms: termsFor(today, pick) });
    case 'amend':
      // Half the supplements name the leading group's approval (R4); a review may or may not precede them.
      return fx.amendAgreement({
        on: today,
        terms: termsFor(p?.agreement?.signedOn ?? today, pick),
        ...(pick % 2 === 0 ? { leadingGroupMinutesRef: unsafeId.text('领导小组会议纪要（补充协议）') } : {}),
      });
    case 'requestProcedure':
      return fx.requestProcedure({
        procedureId: unsafeId.procedure(`SX-${pick % 3}`),
        completeOn: today,
        special: pick % 5 === 0,
        // R7 (001 §(三)2): some procedures go to higher levels (跟踪办结).
        ...(pick % 7 === 3 ? { approvalLevel: 'higher-level' as const } : {}),
      });
    case 'completeProcedure': {
      const open = Object.values(p?.procedures ?? {}).filter((x) => x.completedOn === undefined);
      return fx.completeProcedure({
        procedureId: open.length > 0 ? choose(open, pick).procedureId : unsafeId.procedure(`SX-${pick % 3}`),
        on: today,
      });
    }
    case 'start':
      // Sometimes entered late: dated up to ~4 months back, often before a deadline the clock raised.
      return fx.startConstruction({ on: backdated(today, pick) });
    case 'reportInvestment':
      return fx.reportInvestment(monthOf(today), cny.wan(choose(WAN, pick)), { on: today });
    case 'correctInvestment': {
      const months = Object.keys(p?.investmentByMonth ?? {});
      return fx.reportInvestment(
        months.length > 0 ? choose(months, pick) : monthOf(today),
        cny.wan(choose(WAN, pick >> 3)),
        {
          on: today,
          correction: { reason: unsafeId.text('统计核减') },
        },
      );
    }
    case 'statistics':
      return fx.enterStatistics({ on: today });
    case 'complete':
      return fx.completeConstruction({ on: today });
    case 'produce':
      return fx.startProduction({ on: backdated(today, pick) });
    case 'capacity':
      return fx.reachCapacity({ on: backdated(today, pick) });
    case 'reportPerformance':
      return fx.reportPerformance({ on: today, year, ...performanceFor(pick >> 1) });
    case 'correctPerformance':
      return fx.reportPerformance({
        on: today,
        year,
        ...performanceFor(pick >> 1),
        correction: { reason: unsafeId.text('数据核对后更正') },
      });
    case 'evaluate':
      return fx.evaluateFulfilment({ on: today, year });
    case 'disburse':
      return fx.disburseIncentive({
        on: today,
        incentiveId: choose(INCENTIVES, pick),
        amount: cny.wan(choose(WAN, pick >> 2)),
      });
    case 'secondary':
      return fx.startSecondaryPromotion({ on: today });
    case 'rectify':
      return fx.orderRectification({ on: today, dueBy: addDays(today, 30 + (pick % 90)) });
    case 'completeRectification':
      return fx.completeRectification({ on: today });
    case 'clawback':
      return fx.clawBackSubsidy({
        on: today,
        incentiveId: choose(INCENTIVES, pick),
        amount: cny.wan(choose(WAN, pick >> 2)),
      });
    case 'reclaim':
      return fx.reclaimLand({ on: today, area: mu(choose([10, 60, 120, 200], pick)) });
    case 'terminate':
      return fx.terminateProject({
        on: today,
        basis: choose(['exit-rule', 'serious-breach', 'mutual-agreement'] as const, pick),
      });
    case 'abandon':
      return fx.abandonProject({ on: today });
    case 'missed':
      return fx.recordMissedMilestones(today);
    case 'linkDuplicate':
      return fx.linkDuplicate({
        on: today,
        canonicalProjectId: choose([fx.fixtureIds.otherProject, unsafeId.project('XM-2023-0901')], pick),
      });
    case 'correctFact': {
      // A recorded fact moved to a date the timeline allows (often before a raised deadline), or a new code.
      const recorded = p === undefined ? [] : correctableFacts(p, today);
      if (recorded.length === 0) return fx.correctFact({ correctedOn: today, on: today });
      const { fact, from, to } = choose(recorded, pick);
      const span = daysBetween(from, to);
      return fx.correctFact({
        fact,
        correctedOn: today,
        on: addDays(from, (pick >> 2) % (span + 1)),
        ...(fact === 'statistics-entered' && pick % 2 === 0
          ? { statisticsCode: unsafeId.text(`350902-2024-${String(pick).padStart(6, '0')}`) }
          : {}),
      });
    }
    case 'unlinkDuplicate':
      return fx.unlinkDuplicate({
        on: today,
        canonicalProjectId: choose([fx.fixtureIds.otherProject, unsafeId.project('XM-2023-0901')], pick),
      });
    case 'foreignCapital':
      return fx.recordForeignCapitalReceipt({
        on: today,
        receiptId: unsafeId.text(`WH-${pick % 3}`),
        amount: usd.wan(choose(WAN, pick >> 2)),
      });
    case 'outOfProvinceFunds':
      return fx.recordOutOfProvinceFundsReceipt({
        on: today,
        receiptId: unsafeId.text(`ZJ-${pick % 3}`),
        amount: cny.wan(choose(WAN, pick >> 2)),
      });
    // The project's profile (R22): a category and a land use chosen by the pick, sometimes a code
    case 'profile':
      return fx.recordProjectProfile({
        on: today,
        profile: {
          category: PROJECT_CATEGORIES[pick % PROJECT_CATEGORIES.length],
          landUse: LAND_USES[(pick >> 2) % LAND_USES.length],
          ...(pick % 2 === 0
            ? {
                projectCode: unsafeId.text(
                  `${today.slice(0, 4)}-340603-04-03-${String(pick % 1_000_000).padStart(6, '0')}`,
                ),
              }
            : {}),
        },
      });
  }
};

/** Every third pick dates a fact up to ~4 months before `today` (a late entry). */
const backdated = (today: BusinessDate, pick: number): BusinessDate =>
  pick % 3 === 0 ? addDays(today, -((pick >> 2) % 120)) : today;

/** The recorded facts of a project and the dates a correction may move each to (its neighbours, and today). */
const correctableFacts = (
  p: Project,
  today: BusinessDate,
): ReadonlyArray<{
  readonly fact: CorrectableFact;
  readonly from: BusinessDate;
  readonly to: BusinessDate;
}> => {
  const min = (...ds: ReadonlyArray<BusinessDate | undefined>): BusinessDate =>
    ds.reduce<BusinessDate>((m, d) => (d !== undefined && d < m ? d : m), today);
  const out: Array<{ fact: CorrectableFact; from: BusinessDate; to: BusinessDate }> = [];
  const add = (
    fact: CorrectableFact,
    recorded: BusinessDate | undefined,
    from: BusinessDate | undefined,
    to: BusinessDate,
  ) => {
    if (recorded !== undefined && from !== undefined && from <= to) out.push({ fact, from, to });
  };
  add('construction-started', p.startedOn, p.agreement?.signedOn, min(p.completedOn, p.statistics?.on));
  add('construction-completed', p.completedOn, p.startedOn, min(p.productionOn));
  add('production-started', p.productionOn, p.completedOn, min(p.capacityOn));
  add('capacity-reached', p.capacityOn, p.productionOn, today);
  add('statistics-entered', p.statistics?.on, p.startedOn, today);
  return out;
};

/** The command that takes a project to its next stage along the lifecycle of DOMAIN.md §1. */
const progressCommand = (p: Project | undefined, today: BusinessDate, pick: number): ProjectCommand => {
  if (p === undefined) return fx.captureLead({ capturedOn: today });
  const missingRole = (roles: ReadonlyArray<LeaderRole>) => roles.find((r) => p.leaders[r] === undefined);
  switch (p.stage) {
    case 'lead':
    case 'planned':
      return fx.qualifyLead({ on: today, investor: fx.fixtureInvestor });
    case 'qualified':
      return fx.openConsultation({ on: today, departments: fx.fixtureDepartments.slice(0, 1 + (pick % 5)) });
    case 'under-review': {
      const c = p.consultation;
      const missing = c?.departments.find((d) => c.opinions[d] === undefined);
      return missing !== undefined
        ? fx.recordOpinion(missing, { on: today })
        : fx.approveAdmission({ on: today });
    }
    case 'admitted': {
      const role = missingRole(ROLES);
      if (p.dueDiligenceOn === undefined) return fx.completeDueDiligence({ on: today });
      if (role !== undefined) return fx.assignLeader(role, { on: today });
      if (p.legalReview?.passed !== true || p.legalReview.reviewer !== 'legal-affairs')
        return fx.recordLegalReview({ on: today });
      return fx.signAgreement({ on: today, terms: termsFor(today, pick % 4) });
    }
    case 'signed': {
      const role = missingRole(ROLES);
      return role !== undefined ? fx.assignLeader(role, { on: today }) : fx.startConstruction({ on: today });
    }
    case 'under-construction':
      return pick % 3 === 0
        ? fx.completeConstruction({ on: today })
        : fx.reportInvestment(monthOf(today), cny.wan(choose(WAN, pick)), { on: today });
    case 'completed':
      return fx.startProduction({ on: today });
    case 'in-production':
    case 'at-capacity': {
      const productionYear = yearOf(p.productionOn ?? today);
      const year = Math.max(productionYear, yearOf(today) - 1) as Year;
      if (p.performance[year] === undefined)
        return fx.reportPerformance({ on: today, year, ...performanceFor(pick) });
      const governing = p.governingEvaluation;
      if (governing?.year !== year) return fx.evaluateFulfilment({ on: today, year });
      const amount = cny.wan(choose(WAN, pick >> 2));
      const incentiveId = choose(INCENTIVES.slice(0, 2), pick);
      switch (governing.verdict) {
        case 'compliant':
          // Sometimes a supplementary agreement lowers or drops an incentive after payments began:
          // reviewed again by the signatory's reviewer, then concluded with the leading group's minutes (R4).
          if (pick % 4 !== 3) return fx.disburseIncentive({ on: today, incentiveId, amount });
          return p.agreement?.reviewSinceChange?.passed === true
            ? fx.amendAgreement({
                on: today,
                terms: termsFor(p.agreement.signedOn, 2 + ((pick >> 2) % 2)),
                leadingGroupMinutesRef: unsafeId.text('领导小组会议纪要（补充协议）'),
              })
            : fx.recordLegalReview({
                on: today,
                reviewer: fx.reviewerFor(p.agreement?.signatory ?? 'zone-committee'),
              });
        case 'underperforming':
          return pick % 2 === 0
            ? fx.clawBackSubsidy({ on: today, incentiveId, amount })
            : fx.startSecondaryPromotion({ on: today });
        case 'serious-breach':
          return fx.terminateProject({ on: today, basis: 'serious-breach' });
      }
      return fx.recordMissedMilestones(today);
    }
    case 'terminated':
      return pick % 2 === 0
        ? fx.clawBackSubsidy({
            on: today,
            incentiveId: choose(INCENTIVES.slice(0, 2), pick),
            amount: cny.wan(choose(WAN, pick >> 2)),
          })
        : fx.reclaimLand({ on: today, area: mu(choose([10, 60, 120], pick >> 1)) });
    default:
      return fx.recordMissedMilestones(today);
  }
};
