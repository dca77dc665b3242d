import {
  addDays,
  addMonths,
  type BusinessDate,
  type MetricKey,
  type MilestoneKind,
  type ProjectEvent,
  type WithdrawalReason,
} from '@zhaoshang/domain';

/**
 * The dated facts of one project that the figures are counted from (target progress and
 * performance review). Stored per project; every figure is computed from them for a window of
 * business dates at query time, so any "as of" date gives its own answer and nothing is
 * counted twice: a duplicate (一炮数响) is kept with `duplicateOf` and skipped by every count.
 * Amounts are integers: 分 for CNY, cents for USD.
 */
export interface ProjectFacts {
  readonly projectId: string;
  readonly unitId: string;
  readonly name: string;
  readonly origin: 'lead' | 'planned';
  readonly capturedOn: BusinessDate;
  readonly qualifiedOn?: BusinessDate;
  /** Discarded, abandoned or rejected before signing. */
  readonly droppedOn?: BusinessDate;
  readonly signedOn?: BusinessDate;
  /**
   * The agreement's total investment (分) as signed, then after each amendment, with the date it
   * took effect: "signed ≥ 1亿" counts the figure in force on the query's date (DOMAIN.md §5).
   */
  readonly investments?: ReadonlyArray<{ readonly on: BusinessDate; readonly amount: number }>;
  /** Foreign capital committed by the agreement (USD cents). */
  readonly foreignCapital?: number;
  readonly startedOn?: BusinessDate;
  readonly statisticsOn?: BusinessDate;
  readonly completedOn?: BusinessDate;
  readonly productionOn?: BusinessDate;
  /** A terminated project still counts for the period it was signed in; reviews show it separately. */
  readonly terminatedOn?: BusinessDate;
  /** Investment completed per month 'YYYY-MM' (a correction replaces the month's figure). */
  readonly investmentByMonth: Readonly<Record<string, number>>;
  /**
   * Missed deadlines by milestone key (raised once each by the deadline watcher). A miss withdrawn
   * because the fact met the deadline and was entered late, or corrected, keeps `withdrawn`: it is
   * no missed milestone, and a late entry is counted as a data-quality figure of its own.
   */
  readonly missed: Readonly<Record<string, MissedFact>>;
  /** Days on which a recorded fact (start, completion, production, capacity, statistics) was corrected. */
  readonly corrections?: ReadonlyArray<BusinessDate>;
  /**
   * Procedures by id: `dueOn` for the district's own approvals once their R7 deadline is known
   * (absent while pending on an unadopted year's calendar, and for higher-level approvals, 跟踪办结).
   */
  readonly procedures: Readonly<Record<string, { readonly dueOn?: BusinessDate; readonly completedOn?: BusinessDate }>>;
  readonly duplicateOf?: string;
  /** Every year one of the dates above falls in, ascending: the index a year's query uses. */
  readonly years: ReadonlyArray<number>;
}

/** A raised miss as the counts see it. */
export interface MissedFact {
  readonly kind: MilestoneKind;
  readonly dueOn: BusinessDate;
  readonly detectedOn: BusinessDate;
  readonly withdrawn?: { readonly reason: WithdrawalReason; readonly factOn: BusinessDate };
}

/** Every year a value of `changes` that is a date (or a map keyed by months / holding dates) falls in. */
const yearsOfChange = (changes: Partial<Omit<ProjectFacts, 'years'>>, into: Set<number>): void => {
  const add = (d: string | undefined) => {
    if (d !== undefined) into.add(Number(d.slice(0, 4)));
  };
  add(changes.capturedOn);
  add(changes.qualifiedOn);
  add(changes.droppedOn);
  add(changes.signedOn);
  add(changes.startedOn);
  add(changes.statisticsOn);
  add(changes.completedOn);
  add(changes.productionOn);
  add(changes.terminatedOn);
  if (changes.investmentByMonth !== undefined) for (const m of Object.keys(changes.investmentByMonth)) add(m);
  if (changes.missed !== undefined) for (const m of Object.values(changes.missed)) add(m.detectedOn);
  if (changes.corrections !== undefined) for (const d of changes.corrections) add(d);
  if (changes.procedures !== undefined) {
    for (const p of Object.values(changes.procedures)) {
      add(p.dueOn);
      add(p.completedOn);
    }
  }
};

/**
 * The facts with `changes` applied and the years they touch added. The years of the changes are
 * added to the previous years (kept as they were when none is new); a correction that moves a date
 * leaves the old year in the index, where a query finds the project and counts nothing from it.
 */
const withYears = (base: Omit<ProjectFacts, 'years'>, changes: Partial<Omit<ProjectFacts, 'years'>>, previous: ProjectFacts | undefined): ProjectFacts => {
  const found = new Set<number>();
  yearsOfChange(changes, found);
  const before = previous?.years ?? [];
  let years = before;
  for (const y of found) {
    if (!years.includes(y)) years = [...years, y].sort((a, b) => a - b);
  }
  return { ...base, ...changes, years };
};

/**
 * Folds one project event into the facts; returns the same object when the event changes no
 * fact (visits, negotiations …), so a projection can tell that nothing needs writing.
 */
export const evolveFacts = (facts: ProjectFacts | undefined, event: ProjectEvent): ProjectFacts | undefined => {
  if (facts === undefined) {
    switch (event.type) {
      case 'LeadCaptured':
        return withYears(
          {
            projectId: event.data.projectId,
            unitId: event.data.unitId,
            name: event.data.name,
            origin: 'lead',
            capturedOn: event.data.capturedOn,
            investmentByMonth: {},
            missed: {},
            procedures: {},
          },
          { capturedOn: event.data.capturedOn },
          undefined,
        );
      case 'ProjectPlanned':
        return withYears(
          {
            projectId: event.data.projectId,
            unitId: event.data.unitId,
            name: event.data.name,
            origin: 'planned',
            capturedOn: event.data.plannedOn,
            investmentByMonth: {},
            missed: {},
            procedures: {},
          },
          { capturedOn: event.data.plannedOn },
          undefined,
        );
      default:
        return undefined; // a stream that does not start with a creation event is not a project
    }
  }
  const f = facts;
  const next = (changes: Partial<Omit<ProjectFacts, 'years'>>): ProjectFacts => withYears(f, changes, facts);
  const e = event;
  switch (e.type) {
    case 'LeadCaptured':
    case 'ProjectPlanned':
      return facts;
    case 'LeadQualified':
      return next({ qualifiedOn: e.data.on });
    case 'LeadDiscarded':
    case 'ProjectAbandoned':
    case 'AdmissionRejected':
      return next({ droppedOn: e.data.on });
    case 'AgreementSigned':
      return next({
        signedOn: e.data.on,
        investments: [{ on: e.data.on, amount: e.data.terms.totalInvestment }],
        ...(e.data.terms.foreignCapital !== undefined ? { foreignCapital: e.data.terms.foreignCapital } : {}),
      });
    case 'AgreementAmended': {
      const { foreignCapital: _fc, years: _y, ...rest } = f;
      const base = e.data.terms.foreignCapital !== undefined ? { ...rest, foreignCapital: e.data.terms.foreignCapital } : rest;
      return withYears(base, { investments: [...(f.investments ?? []), { on: e.data.on, amount: e.data.terms.totalInvestment }] }, facts);
    }
    case 'ProcedureRequested': {
      const a = e.data.approval;
      const dueOn = a.level === 'district' && a.deadline.kind === 'due' ? { dueOn: a.deadline.dueOn } : {};
      return next({ procedures: { ...f.procedures, [e.data.procedureId]: dueOn } });
    }
    case 'ProcedureDeadlineComputed': {
      const proc = f.procedures[e.data.procedureId];
      if (proc === undefined) return facts;
      return next({ procedures: { ...f.procedures, [e.data.procedureId]: { ...proc, dueOn: e.data.dueOn } } });
    }
    case 'ProcedureCompleted': {
      const proc = f.procedures[e.data.procedureId];
      if (proc === undefined) return facts;
      return next({ procedures: { ...f.procedures, [e.data.procedureId]: { ...proc, completedOn: e.data.on } } });
    }
    case 'ConstructionStarted':
      return next({ startedOn: e.data.on });
    case 'InvestmentProgressReported':
      if (f.investmentByMonth[e.data.period] === e.data.completedInPeriod) return facts;
      return next({ investmentByMonth: { ...f.investmentByMonth, [e.data.period]: e.data.completedInPeriod } });
    case 'EnteredStatistics':
      return next({ statisticsOn: e.data.on });
    case 'ConstructionCompleted':
      return next({ completedOn: e.data.on });
    case 'ProductionStarted':
      return next({ productionOn: e.data.on });
    case 'ProjectTerminated':
      return next({ terminatedOn: e.data.on });
    case 'MilestoneMissed':
      if (f.missed[e.data.milestoneKey] !== undefined) return facts;
      return next({
        missed: { ...f.missed, [e.data.milestoneKey]: { kind: e.data.kind, dueOn: e.data.dueOn, detectedOn: e.data.detectedOn } },
      });
    case 'DuplicateLinked':
      return next({ duplicateOf: e.data.canonicalProjectId });
    case 'MilestoneWithdrawn': {
      const m = f.missed[e.data.milestoneKey];
      if (m === undefined) return facts;
      return next({
        missed: { ...f.missed, [e.data.milestoneKey]: { ...m, withdrawn: { reason: e.data.reason, factOn: e.data.factOn } } },
      });
    }
    case 'FactCorrected': {
      // The counts use the corrected date from now on (DOMAIN.md §5); the correction itself is counted on its own day.
      const on = e.data.corrected.on;
      const dates: Partial<Omit<ProjectFacts, 'years'>> =
        e.data.fact === 'construction-started'
          ? { startedOn: on }
          : e.data.fact === 'construction-completed'
            ? { completedOn: on }
            : e.data.fact === 'production-started'
              ? { productionOn: on }
              : e.data.fact === 'statistics-entered'
                ? { statisticsOn: on }
                : {};
      let missed = f.missed;
      for (const key of e.data.reinstatedMilestones ?? []) {
        const m = missed[key];
        if (m?.withdrawn === undefined) continue;
        const { withdrawn: _w, ...standing } = m;
        missed = { ...missed, [key]: standing };
      }
      return next({ ...dates, missed, corrections: [...(f.corrections ?? []), e.data.correctedOn] });
    }
    case 'ConsultationOpened':
    case 'DepartmentOpinionRecorded':
    case 'AdmissionApproved':
    case 'DueDiligenceCompleted':
    case 'LeaderAssigned':
    case 'SiteVisitRecorded':
    case 'NegotiationHeld':
    case 'LegalReviewPassed':
    case 'LegalReviewFailed':
    case 'CapacityReached':
    case 'PerformanceReported':
    case 'FulfilmentEvaluated':
    case 'IncentiveDisbursed':
    case 'SecondaryPromotionStarted':
    case 'RectificationOrdered':
    case 'RectificationCompleted':
    case 'SubsidyClawedBack':
    case 'LandReclaimed':
      return facts;
    default: {
      const unknown: never = e;
      return unknown;
    }
  }
};

// ---------------------------------------------------------------- counting

/** An inclusive window of business dates. */
export interface Window {
  readonly from: BusinessDate;
  readonly to: BusinessDate;
}

/** Projects of a size band, by the agreement's total investment (分): `min` inclusive, `max` exclusive. */
export interface SizeBand {
  readonly minInvestment?: number;
  readonly maxInvestment?: number;
}

const within = (d: BusinessDate | undefined, w: Window): boolean => d !== undefined && d >= w.from && d <= w.to;

/** The agreement's total investment in force on a date (0 before signing). */
export const investmentOn = (f: ProjectFacts, on: BusinessDate): number => {
  let amount = 0;
  for (const i of f.investments ?? []) if (i.on <= on) amount = i.amount;
  return amount;
};

const inBand = (f: ProjectFacts, band: SizeBand, on: BusinessDate): boolean => {
  if (band.minInvestment === undefined && band.maxInvestment === undefined) return true;
  const amount = investmentOn(f, on);
  return (band.minInvestment === undefined || amount >= band.minInvestment) && (band.maxInvestment === undefined || amount < band.maxInvestment);
};

/** Counted once: a project linked as a duplicate of another counts under its canonical project only. */
export const countsOnce = (f: ProjectFacts): boolean => f.duplicateOf === undefined;

/** The last day of a month 'YYYY-MM'. */
export const monthEnd = (month: string): BusinessDate => addDays(addMonths(`${month}-01` as BusinessDate, 1), -1);

/** Months 'YYYY-MM' whose reports fall in the window: from the month of `from` to the month of `to`. */
const monthInWindow = (month: string, w: Window): boolean => month >= w.from.slice(0, 7) && month <= w.to.slice(0, 7);

/** What the counts of R11–R13 count; the review adds completions (新竣工) to the metrics of a plan. */
export type CountedMetric = Exclude<MetricKey, 'signedToStartedRate' | 'startedToStatisticsRate'> | 'completedProjects';

/**
 * One figure over a window: a count of projects, or an amount (分, or USD cents for foreign
 * capital). Counts and amounts tied to an agreement use the size band of its total investment.
 */
export const measure = (
  facts: Iterable<ProjectFacts>,
  metric: CountedMetric,
  w: Window,
  band: SizeBand = {},
  /** The date whose agreement figures decide the size band (default: the end of the window). */
  asOf: BusinessDate = w.to,
): number => {
  let total = 0;
  for (const f of facts) {
    if (!countsOnce(f)) continue;
    switch (metric) {
      case 'leads':
        if (f.origin === 'lead' && within(f.qualifiedOn, w)) total += 1;
        break;
      case 'plannedProjects':
        if (f.origin === 'planned' && within(f.capturedOn, w)) total += 1;
        break;
      case 'signedProjects':
        if (within(f.signedOn, w) && inBand(f, band, asOf)) total += 1;
        break;
      case 'signedAgreementFunds':
        if (within(f.signedOn, w) && inBand(f, band, asOf)) total += investmentOn(f, asOf);
        break;
      case 'startedProjects':
        if (within(f.startedOn, w) && inBand(f, band, asOf)) total += 1;
        break;
      case 'statisticsEntries':
        if (within(f.statisticsOn, w) && inBand(f, band, asOf)) total += 1;
        break;
      case 'completedProjects':
        if (within(f.completedOn, w) && inBand(f, band, asOf)) total += 1;
        break;
      case 'projectsInProduction':
        if (within(f.productionOn, w) && inBand(f, band, asOf)) total += 1;
        break;
      case 'fixedAssetInvestment':
        if (inBand(f, band, asOf)) for (const [m, v] of Object.entries(f.investmentByMonth)) if (monthInWindow(m, w)) total += v;
        break;
      case 'foreignCapital':
        if (within(f.signedOn, w) && inBand(f, band, asOf)) total += f.foreignCapital ?? 0;
        break;
    }
  }
  return total;
};

/** A rate as numerator, denominator and basis points (rounded half up); no rate without a denominator. */
export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  readonly basisPoints?: number;
}

const rate = (numerator: number, denominator: number): Rate =>
  denominator === 0 ? { numerator, denominator } : { numerator, denominator, basisPoints: Math.floor((numerator * 10_000 * 2 + denominator) / (2 * denominator)) };

/**
 * The two rates of R12 over a window: of the projects signed in it, how many had started by its
 * end (签约项目开工率); of those started in it, how many had entered the statistics by its end
 * (开工项目纳统率).
 */
export const rates = (
  facts: Iterable<ProjectFacts>,
  w: Window,
  band: SizeBand = {},
  asOf: BusinessDate = w.to,
): { readonly signedToStarted: Rate; readonly startedToStatistics: Rate } => {
  let signed = 0;
  let signedStarted = 0;
  let started = 0;
  let startedInStatistics = 0;
  for (const f of facts) {
    if (!countsOnce(f) || !inBand(f, band, asOf)) continue;
    if (within(f.signedOn, w)) {
      signed += 1;
      if (f.startedOn !== undefined && f.startedOn <= w.to) signedStarted += 1;
    }
    if (within(f.startedOn, w)) {
      started += 1;
      if (f.statisticsOn !== undefined && f.statisticsOn <= w.to) startedInStatistics += 1;
    }
  }
  return { signedToStarted: rate(signedStarted, signed), startedToStatistics: rate(startedInStatistics, started) };
};

/**
 * Milestones detected as missed in the window, by kind (all kinds when none is given). A withdrawn
 * miss is not one: the fact met the deadline (DOMAIN.md §5).
 */
export const missedMilestones = (facts: Iterable<ProjectFacts>, w: Window, kinds?: ReadonlyArray<MilestoneKind>): number => {
  let n = 0;
  for (const f of facts) {
    if (!countsOnce(f)) continue;
    for (const m of Object.values(f.missed)) {
      if (m.withdrawn === undefined && within(m.detectedOn, w) && (kinds === undefined || kinds.includes(m.kind))) n += 1;
    }
  }
  return n;
};

/**
 * Late entries (补录) in the window, a data-quality figure of their own (DOMAIN.md §5): misses the
 * clock raised in the window and that a fact dated on or before the deadline, entered afterwards,
 * withdrew. Counted in the period the miss was raised, where it would otherwise have counted as missed.
 */
export const lateEntries = (facts: Iterable<ProjectFacts>, w: Window): number => {
  let n = 0;
  for (const f of facts) {
    if (!countsOnce(f)) continue;
    for (const m of Object.values(f.missed)) if (m.withdrawn?.reason === 'late-entry' && within(m.detectedOn, w)) n += 1;
  }
  return n;
};

/** Corrections of recorded facts (dates, 统计编码) made in the window: a data-quality figure (DOMAIN.md §5). */
export const factCorrections = (facts: Iterable<ProjectFacts>, w: Window): number => {
  let n = 0;
  for (const f of facts) {
    if (!countsOnce(f)) continue;
    for (const d of f.corrections ?? []) if (within(d, w)) n += 1;
  }
  return n;
};

/** Procedures past their R7 time limit and still not completed at the end of the window. */
export const overdueProcedures = (facts: Iterable<ProjectFacts>, w: Window): number => {
  let n = 0;
  for (const f of facts) {
    if (!countsOnce(f)) continue;
    // R7 binds the district's own approvals with a known deadline: pending and higher-level ones are never overdue.
    for (const p of Object.values(f.procedures)) {
      if (p.dueOn !== undefined && p.dueOn < w.to && (p.completedOn === undefined || p.completedOn > w.to)) n += 1;
    }
  }
  return n;
};

/** Projects terminated (清退) in the window: shown separately, never subtracted from what was signed. */
export const terminations = (facts: Iterable<ProjectFacts>, w: Window): number => {
  let n = 0;
  for (const f of facts) if (countsOnce(f) && within(f.terminatedOn, w)) n += 1;
  return n;
};

/** Projects of the unit linked as duplicates of another (padded figures, 一炮数响) in the window. */
export const duplicates = (facts: Iterable<ProjectFacts>, w: Window): number => {
  let n = 0;
  for (const f of facts) if (!countsOnce(f) && within(f.signedOn ?? f.capturedOn, w)) n += 1;
  return n;
};

/**
 * Monthly investment reports missing in the window: for every month a project was under
 * construction (from its start month to the month before completion) whose last day falls in
 * the window, a month without a report is one missed report.
 */
export const missedInvestmentReports = (facts: Iterable<ProjectFacts>, w: Window): number => {
  let n = 0;
  for (const f of facts) {
    if (!countsOnce(f) || f.startedOn === undefined) continue;
    const last = f.completedOn ?? f.terminatedOn;
    for (let m = f.startedOn.slice(0, 7); ; m = addMonths(`${m}-01` as BusinessDate, 1).slice(0, 7)) {
      const end = monthEnd(m);
      if (end > w.to) break;
      if (last !== undefined && m >= last.slice(0, 7)) break;
      if (end >= w.from && f.investmentByMonth[m] === undefined) n += 1;
    }
  }
  return n;
};
