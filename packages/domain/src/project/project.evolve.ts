import type { BusinessDate } from '../shared/dates';
import { assertNever } from '../shared/exhaustive';
import { cny } from '../shared/money';
import type { ProjectEvent, ProjectEventOf, ProjectEventType } from './project.events';
import { mergeProfile } from './project.profile';
import { CLOSED_STAGES, visitKey } from './project.state';
import type { IncentiveAccount, Project, ProjectState } from './project.state';
import type { Stage } from './project.vocabulary';

type Data<T extends ProjectEventType> = ProjectEventOf<T>['data'];

/** What one event changes in a project: the fields it sets, each a new value (nothing is written to). */
type Changes = Partial<Project>;

/** The latest business date of any fact: a fact entered late does not move it back. */
const touch = (p: Project, on: BusinessDate): Changes =>
  on > p.lastActivityOn ? { lastActivityOn: on } : {};

const moveTo = (p: Project, on: BusinessDate, stage: Stage): Changes => ({
  stage,
  status: CLOSED_STAGES.has(stage) ? 'closed' : 'open',
  ...touch(p, on),
});

/** What a new project starts with besides the creation event's facts. */
const emptyRecords = {
  status: 'open',
  leaders: {},
  procedures: {},
  investmentByMonth: {},
  cumulativeInvestment: cny.zero,
  performance: {},
  evaluations: {},
  incentives: {},
  rectifications: [],
  missedMilestones: {},
  withdrawnMilestones: {},
  receipts: {},
  responsiblePersons: {},
  visits: {},
  missedVisitWeeks: {},
} as const satisfies Partial<Project>;

// The shared part is spread last: V8 builds a literal that starts with a spread on a slow path
// (~50× slower), one that ends with it on its fast one.
const leadCaptured = (d: Data<'LeadCaptured'>): Project => ({
  projectId: d.projectId,
  unitId: d.unitId,
  name: d.name,
  origin: 'lead',
  stage: 'lead',
  investor: d.investor,
  industryChain: d.industryChain,
  content: d.content,
  channel: d.channel,
  intendedInvestment: d.intendedInvestment,
  foreignCapital: d.foreignCapital,
  capturedOn: d.capturedOn,
  lastActivityOn: d.capturedOn,
  ...emptyRecords,
});

const projectPlanned = (d: Data<'ProjectPlanned'>): Project => ({
  projectId: d.projectId,
  unitId: d.unitId,
  name: d.name,
  origin: 'planned',
  stage: 'planned',
  industryChain: d.industryChain,
  content: d.content,
  intendedInvestment: d.intendedInvestment,
  capturedOn: d.plannedOn,
  lastActivityOn: d.plannedOn,
  ...emptyRecords,
});

/** The project an event creates, or undefined for an event that does not create one. */
const create = (event: ProjectEvent): Project | undefined => {
  switch (event.type) {
    case 'LeadCaptured':
      return leadCaptured(event.data);
    case 'ProjectPlanned':
      return projectPlanned(event.data);
    default:
      return undefined;
  }
};

const leadQualified = (p: Project, d: Data<'LeadQualified'>): Changes => ({
  qualifiedOn: d.on,
  ...(d.investor !== undefined ? { investor: d.investor } : {}),
  ...moveTo(p, d.on, 'qualified'),
});

const consultationOpened = (p: Project, d: Data<'ConsultationOpened'>): Changes => ({
  consultation: { openedOn: d.on, departments: d.departments, opinions: {} },
  // After signing, the review is of a supplementary agreement (R1): the project stays where it is.
  ...(p.agreement !== undefined ? touch(p, d.on) : moveTo(p, d.on, 'under-review')),
});

const departmentOpinionRecorded = (p: Project, d: Data<'DepartmentOpinionRecorded'>): Changes => {
  const c = p.consultation;
  return {
    ...(c !== undefined
      ? { consultation: { ...c, opinions: { ...c.opinions, [d.department]: d.opinion } } }
      : {}),
    ...touch(p, d.on),
  };
};

const admissionApproved = (p: Project, d: Data<'AdmissionApproved'>): Changes => ({
  admission: { decision: 'approved', on: d.on },
  ...(p.agreement !== undefined ? touch(p, d.on) : moveTo(p, d.on, 'admitted')),
});

const leaderAssigned = (p: Project, d: Data<'LeaderAssigned'>): Changes => ({
  leaders: { ...p.leaders, [d.role]: { leaderId: d.leaderId, name: d.name, since: d.on } },
  ...(d.role === 'responsible-person'
    ? {
        responsiblePersons: {
          ...p.responsiblePersons,
          [d.on]: { leaderId: d.leaderId, name: d.name, since: d.on },
        },
      }
    : {}),
  ...touch(p, d.on),
});

const siteVisitRecorded = (p: Project, d: Data<'SiteVisitRecorded'>): Changes => {
  const visit = { leaderId: d.leaderId, on: d.on };
  return {
    ...(p.lastVisitOn === undefined || d.on > p.lastVisitOn ? { lastVisitOn: d.on } : {}),
    visits: { ...p.visits, [visitKey(visit)]: visit },
    ...touch(p, d.on),
  };
};

/** Raised by the clock (R18): not an activity of the project, so lastActivityOn stays. */
const visitWeekMissed = (p: Project, d: Data<'VisitWeekMissed'>): Changes => ({
  missedVisitWeeks: { ...p.missedVisitWeeks, [d.week]: d.detectedOn },
});

const legalReviewed = (
  p: Project,
  passed: boolean,
  d: Data<'LegalReviewPassed' | 'LegalReviewFailed'>,
): Changes => {
  const review = { reviewer: d.reviewer, passed, on: d.on };
  return {
    legalReview: review,
    // After signing, a review is of a draft supplementary agreement (R4 · 002 §六).
    ...(p.agreement !== undefined ? { agreement: { ...p.agreement, reviewSinceChange: review } } : {}),
    ...touch(p, d.on),
  };
};

const agreementSigned = (p: Project, d: Data<'AgreementSigned'>): Changes => ({
  agreement: {
    agreementId: d.agreementId,
    signedOn: d.on,
    signatory: d.signatory,
    terms: d.terms,
    termsAtSigning: d.terms,
    amendments: 0,
    changedOn: d.on,
  },
  incentives: Object.fromEntries(
    d.terms.incentives.map((i): [string, IncentiveAccount] => [
      i.incentiveId,
      { ceiling: i.ceiling, disbursed: cny.zero, clawedBack: cny.zero },
    ]),
  ),
  ...moveTo(p, d.on, 'signed'),
});

const agreementAmended = (p: Project, d: Data<'AgreementAmended'>): Changes => {
  const a = p.agreement;
  if (a === undefined) return touch(p, d.on);
  const kept = Object.fromEntries(
    d.terms.incentives.map((i): [string, IncentiveAccount] => [
      i.incentiveId,
      {
        ceiling: i.ceiling,
        disbursed: p.incentives[i.incentiveId]?.disbursed ?? cny.zero,
        clawedBack: p.incentives[i.incentiveId]?.clawedBack ?? cny.zero,
      },
    ]),
  );
  // An incentive dropped by the amendment keeps its account, capped at what was paid: history stays.
  const dropped = Object.fromEntries(
    Object.entries(p.incentives)
      .filter(([id]) => kept[id] === undefined)
      .map(([id, account]): [string, IncentiveAccount] => [id, { ...account, ceiling: account.disbursed }]),
  );
  return {
    agreement: {
      ...a,
      terms: d.terms,
      amendments: a.amendments + 1,
      changedOn: d.on,
      reviewSinceChange: undefined,
    },
    incentives: { ...kept, ...dropped },
    ...touch(p, d.on),
  };
};

const procedureRequested = (p: Project, d: Data<'ProcedureRequested'>): Changes => ({
  procedures: {
    ...p.procedures,
    [d.procedureId]: {
      procedureId: d.procedureId,
      kind: d.kind,
      department: d.department,
      completeOn: d.completeOn,
      special: d.special,
      approval: d.approval,
    },
  },
  ...touch(p, d.completeOn),
});

/** A computation is not a fact about the project's progress: lastActivityOn stays. */
const procedureDeadlineComputed = (p: Project, d: Data<'ProcedureDeadlineComputed'>): Changes => {
  const proc = p.procedures[d.procedureId];
  if (proc === undefined || proc.approval.level !== 'district') return {};
  return {
    procedures: {
      ...p.procedures,
      [d.procedureId]: {
        ...proc,
        approval: { ...proc.approval, deadline: { kind: 'due', dueOn: d.dueOn } },
        workingDaysTaken: d.workingDaysTaken ?? proc.workingDaysTaken,
        withinTimeLimit: d.withinTimeLimit ?? proc.withinTimeLimit,
      },
    },
  };
};

const procedureCompleted = (p: Project, d: Data<'ProcedureCompleted'>): Changes => {
  const proc = p.procedures[d.procedureId];
  const completed = {
    ...proc,
    completedOn: d.on,
    workingDaysTaken: d.workingDaysTaken,
    withinTimeLimit: d.withinTimeLimit,
  };
  return {
    ...(proc !== undefined
      ? { procedures: { ...p.procedures, [d.procedureId]: { ...proc, ...completed } } }
      : {}),
    ...touch(p, d.on),
  };
};

const investmentProgressReported = (p: Project, d: Data<'InvestmentProgressReported'>): Changes => ({
  investmentByMonth: { ...p.investmentByMonth, [d.period]: d.completedInPeriod },
  cumulativeInvestment: d.cumulative,
  ...touch(p, d.on),
});

const performanceReported = (p: Project, d: Data<'PerformanceReported'>): Changes => ({
  performance: {
    ...p.performance,
    [d.year]: {
      output: d.output,
      tax: d.tax,
      jobs: d.jobs,
      investmentToDate: d.investmentToDate,
      reportedOn: d.on,
    },
  },
  ...touch(p, d.on),
});

const fulfilmentEvaluated = (p: Project, d: Data<'FulfilmentEvaluated'>): Changes => {
  const evaluation = { year: d.year, on: d.on, verdict: d.verdict, definedBreach: d.definedBreach };
  return {
    evaluations: { ...p.evaluations, [d.year]: evaluation },
    // R10: the latest evaluated year governs; an earlier year evaluated later does not overturn it.
    ...(p.governingEvaluation === undefined || d.year >= p.governingEvaluation.year
      ? { governingEvaluation: evaluation }
      : {}),
    ...touch(p, d.on),
  };
};

/** Changes one incentive account (an incentive the agreement does not grant changes nothing). */
const changeAccount = (
  p: Project,
  id: string,
  change: (a: IncentiveAccount) => IncentiveAccount,
): Changes => {
  const account = p.incentives[id];
  return account === undefined ? {} : { incentives: { ...p.incentives, [id]: change(account) } };
};

// cny.add cannot throw on a decided history: decide keeps disbursed ≤ ceiling and clawedBack ≤ disbursed.
const incentiveDisbursed = (p: Project, d: Data<'IncentiveDisbursed'>): Changes => ({
  ...changeAccount(p, d.incentiveId, (a) => ({ ...a, disbursed: cny.add(a.disbursed, d.amount) })),
  ...touch(p, d.on),
});

const subsidyClawedBack = (p: Project, d: Data<'SubsidyClawedBack'>): Changes => ({
  ...changeAccount(p, d.incentiveId, (a) => ({ ...a, clawedBack: cny.add(a.clawedBack, d.amount) })),
  ...touch(p, d.on),
});

const rectificationOrdered = (p: Project, d: Data<'RectificationOrdered'>): Changes => ({
  rectifications: [...p.rectifications, { orderedOn: d.on, dueBy: d.dueBy, completedOn: undefined }],
  ...touch(p, d.on),
});

/** Completes the earliest open rectification. */
const rectificationCompleted = (p: Project, d: Data<'RectificationCompleted'>): Changes => {
  const i = p.rectifications.findIndex((r) => r.completedOn === undefined);
  return {
    ...(i >= 0
      ? { rectifications: p.rectifications.map((r, j) => (j === i ? { ...r, completedOn: d.on } : r)) }
      : {}),
    ...touch(p, d.on),
  };
};

/** Raised by the clock: not an activity of the project, so lastActivityOn stays. */
const milestoneMissed = (p: Project, d: Data<'MilestoneMissed'>): Changes => ({
  missedMilestones: { ...p.missedMilestones, [d.milestoneKey]: { dueOn: d.dueOn, raisedOn: d.detectedOn } },
});

/** Not an activity of the project either: the fact that withdraws it was recorded with it. */
const milestoneWithdrawn = (p: Project, d: Data<'MilestoneWithdrawn'>): Changes => {
  const { [d.milestoneKey]: _withdrawn, ...missed } = p.missedMilestones;
  const { kind, dueOn, raisedOn, reason, factOn } = d;
  return {
    missedMilestones: missed,
    withdrawnMilestones: {
      ...p.withdrawnMilestones,
      [d.milestoneKey]: { kind, dueOn, raisedOn, reason, factOn },
    },
  };
};

/** The corrected fact's field. */
const correctedFact = (p: Project, d: Data<'FactCorrected'>): Changes => {
  switch (d.fact) {
    case 'construction-started':
      return { startedOn: d.corrected.on };
    case 'construction-completed':
      return { completedOn: d.corrected.on };
    case 'production-started':
      return { productionOn: d.corrected.on };
    case 'capacity-reached':
      return { capacityOn: d.corrected.on };
    case 'statistics-entered': {
      const code = d.corrected.statisticsCode ?? p.statistics?.code ?? d.previous.statisticsCode;
      return code !== undefined ? { statistics: { on: d.corrected.on, code } } : {};
    }
    default:
      return assertNever(d.fact);
  }
};

/** A correction sets the fact and moves the misses it reinstates back from withdrawn to missed. */
const factCorrected = (p: Project, d: Data<'FactCorrected'>): Changes => {
  const reinstated = (d.reinstatedMilestones ?? []).filter((key) => p.withdrawnMilestones[key] !== undefined);
  return {
    ...correctedFact(p, d),
    missedMilestones: {
      ...p.missedMilestones,
      ...Object.fromEntries(
        reinstated.flatMap((key) => {
          const w = p.withdrawnMilestones[key];
          return w === undefined ? [] : [[key, { dueOn: w.dueOn, raisedOn: w.raisedOn }]];
        }),
      ),
    },
    withdrawnMilestones: Object.fromEntries(
      Object.entries(p.withdrawnMilestones).filter(([key]) => !reinstated.includes(key)),
    ),
    ...touch(p, d.correctedOn),
  };
};

const foreignCapitalReceived = (p: Project, d: Data<'ForeignCapitalReceived'>): Changes => ({
  receipts: {
    ...p.receipts,
    [d.receiptId]: {
      kind: 'foreign-capital',
      amount: d.amount,
      on: d.on,
      ...(d.source !== undefined ? { source: d.source } : {}),
    },
  },
  ...touch(p, d.on),
});

const outOfProvinceFundsReceived = (p: Project, d: Data<'OutOfProvinceFundsReceived'>): Changes => ({
  receipts: {
    ...p.receipts,
    [d.receiptId]: { kind: 'out-of-province-funds', amount: d.amount, on: d.on, source: d.sourceProvince },
  },
  ...touch(p, d.on),
});

/** What an event changes in an existing project (a creation event changes nothing: it already exists). */
const changesOf = (p: Project, event: ProjectEvent): Changes => {
  switch (event.type) {
    case 'LeadCaptured':
    case 'ProjectPlanned':
      return {};
    case 'LeadQualified':
      return leadQualified(p, event.data);
    case 'LeadDiscarded':
      return moveTo(p, event.data.on, 'discarded');
    case 'ConsultationOpened':
      return consultationOpened(p, event.data);
    case 'DepartmentOpinionRecorded':
      return departmentOpinionRecorded(p, event.data);
    case 'AdmissionApproved':
      return admissionApproved(p, event.data);
    case 'AdmissionRejected':
      return {
        admission: { decision: 'rejected', on: event.data.on },
        ...moveTo(p, event.data.on, 'rejected'),
      };
    case 'DueDiligenceCompleted':
      return { dueDiligenceOn: event.data.on, ...touch(p, event.data.on) };
    case 'LeaderAssigned':
      return leaderAssigned(p, event.data);
    case 'SiteVisitRecorded':
      return siteVisitRecorded(p, event.data);
    case 'NegotiationHeld':
      return touch(p, event.data.on);
    case 'LegalReviewPassed':
      return legalReviewed(p, true, event.data);
    case 'LegalReviewFailed':
      return legalReviewed(p, false, event.data);
    case 'AgreementSigned':
      return agreementSigned(p, event.data);
    case 'AgreementAmended':
      return agreementAmended(p, event.data);
    case 'ProcedureRequested':
      return procedureRequested(p, event.data);
    case 'ProcedureDeadlineComputed':
      return procedureDeadlineComputed(p, event.data);
    case 'ProcedureCompleted':
      return procedureCompleted(p, event.data);
    case 'ConstructionStarted':
      return { startedOn: event.data.on, ...moveTo(p, event.data.on, 'under-construction') };
    case 'InvestmentProgressReported':
      return investmentProgressReported(p, event.data);
    case 'EnteredStatistics':
      return {
        statistics: { on: event.data.on, code: event.data.statisticsCode },
        ...touch(p, event.data.on),
      };
    case 'ConstructionCompleted':
      return { completedOn: event.data.on, ...moveTo(p, event.data.on, 'completed') };
    case 'ProductionStarted':
      return { productionOn: event.data.on, ...moveTo(p, event.data.on, 'in-production') };
    case 'CapacityReached':
      return { capacityOn: event.data.on, ...moveTo(p, event.data.on, 'at-capacity') };
    case 'PerformanceReported':
      return performanceReported(p, event.data);
    case 'FulfilmentEvaluated':
      return fulfilmentEvaluated(p, event.data);
    case 'IncentiveDisbursed':
      return incentiveDisbursed(p, event.data);
    case 'SecondaryPromotionStarted':
      return { secondaryPromotionOn: event.data.on, ...touch(p, event.data.on) };
    case 'RectificationOrdered':
      return rectificationOrdered(p, event.data);
    case 'RectificationCompleted':
      return rectificationCompleted(p, event.data);
    case 'SubsidyClawedBack':
      return subsidyClawedBack(p, event.data);
    case 'LandReclaimed':
      return { landReclaimedOn: event.data.on, ...touch(p, event.data.on) };
    case 'ProjectTerminated':
      return {
        termination: { on: event.data.on, basis: event.data.basis },
        ...moveTo(p, event.data.on, 'terminated'),
      };
    case 'ProjectAbandoned':
      return { abandonedOn: event.data.on, ...moveTo(p, event.data.on, 'abandoned') };
    case 'MilestoneMissed':
      return milestoneMissed(p, event.data);
    case 'MilestoneWithdrawn':
      return milestoneWithdrawn(p, event.data);
    case 'FactCorrected':
      return factCorrected(p, event.data);
    case 'DuplicateLinked':
      return { duplicateOf: event.data.canonicalProjectId, ...touch(p, event.data.on) };
    case 'DuplicateUnlinked':
      return {
        duplicateOf: undefined,
        unlinkedFrom: event.data.canonicalProjectId,
        ...touch(p, event.data.on),
      };
    case 'ForeignCapitalReceived':
      return foreignCapitalReceived(p, event.data);
    case 'OutOfProvinceFundsReceived':
      return outOfProvinceFundsReceived(p, event.data);
    case 'VisitWeekMissed':
      return visitWeekMissed(p, event.data);
    case 'ProjectProfileRecorded':
      // Bookkeeping, not progress: the lead's months without progress (R16) do not restart.
      return { profile: mergeProfile(p.profile, event.data.profile) };
    default:
      return assertNever(event);
  }
};

/**
 * Folds one event into the state. Total and trivial: it records facts and never validates
 * (validation is `decide`'s), so any stored history can be replayed. A history that does not
 * start with a creation event is not a project: its events leave the state as it was. Loading a
 * stream uses `foldProject` (project.fold.ts), which gives the same state faster.
 */
export const evolveProject = (state: ProjectState, event: ProjectEvent): ProjectState =>
  state.status === 'none' ? (create(event) ?? state) : { ...state, ...changesOf(state, event) };
