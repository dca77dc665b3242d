import {
  addDays,
  addMonths,
  basisPoints,
  countedMembers,
  evaluationGoverns,
  evaluationShowsResults,
  type CorrectableFact,
  type BusinessDate,
  type CountingMember,
  type MetricKey,
  type MilestoneKind,
  type ProjectEvent,
  type WithdrawalReason,
} from '@zhaoshang/domain';

/**
 * Which facts meet which missed milestones (the deadline is then no longer open). One home for
 * the supervision list and the counting.
 */
export const MET_BY: Partial<Record<ProjectEvent['type'], ReadonlyArray<MilestoneKind>>> = {
  ConstructionStarted: ['agreed-start', 'exit-no-start'],
  ConstructionCompleted: ['agreed-completion'],
  ProductionStarted: ['agreed-production', 'exit-no-production'],
  CapacityReached: ['exit-no-results'],
};

/** Which missed milestones each correctable fact meets (as MET_BY, by the fact a correction names). */
export const MET_BY_FACT: { readonly [K in CorrectableFact]: ReadonlyArray<MilestoneKind> } = {
  'construction-started': MET_BY.ConstructionStarted ?? [],
  'construction-completed': MET_BY.ConstructionCompleted ?? [],
  'production-started': MET_BY.ProductionStarted ?? [],
  'capacity-reached': MET_BY.CapacityReached ?? [],
  'statistics-entered': [],
};

/** A missed deadline as the counting keeps it. */
export interface MissedFact {
  readonly kind: MilestoneKind;
  readonly dueOn: BusinessDate;
  readonly detectedOn: BusinessDate;
  readonly procedureId?: string;
  /** The day the fact it waited for happened (the deadline is then met, late). */
  readonly metOn?: BusinessDate;
  /**
   * Set when the miss was withdrawn because the fact met the deadline in time and was entered late
   * (补录) or corrected (DOMAIN.md §5): it is no missed milestone, open or not.
   */
  readonly withdrawn?: { readonly reason: WithdrawalReason; readonly factOn: BusinessDate };
}

/** An amount received on a day (USD cents or 分). */
export interface Receipt {
  readonly on: BusinessDate;
  readonly amount: number;
}

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
  /**
   * Foreign capital committed by the agreement (USD cents): a commitment, shown, never counted as
   * used (R11: 利用外资 counts money received, `foreignCapitalReceived`).
   */
  readonly foreignCapital?: number;
  /** Foreign capital actually received (USD cents), by receipt id (a correction replaces it) (利用外资, 000 §二). */
  readonly foreignCapitalReceived?: Readonly<Record<string, Receipt>>;
  /** Funds from outside the province actually received (分), by receipt id (利用省外资金, 003). */
  readonly outOfProvinceFundsReceived?: Readonly<Record<string, Receipt>>;
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
  readonly procedures: Readonly<
    Record<string, { readonly dueOn?: BusinessDate; readonly completedOn?: BusinessDate }>
  >;
  /**
   * As stored: the project this one is linked to as a duplicate now. After `resolveDuplicates`:
   * the member of its group it counts under (absent when it is the one that counts).
   */
  readonly duplicateOf?: string;
  /** Duplicate links with the day each took effect; `canonical: null` is an undo (DuplicateUnlinked). */
  readonly links?: ReadonlyArray<{ readonly on: BusinessDate; readonly canonical: string | null }>;
  /** Set once the project was ever linked: the loaders fetch every such project to resolve groups. */
  readonly linked?: true;
  /**
   * The first year of a deadline still open (a procedure not completed, a missed milestone not met)
   * of a project not closed: the project is open in that year and every later one (item 8).
   */
  readonly openSince?: number;
  /** The year whose fulfilment evaluation governs (R10 · 002 §七: the latest evaluated year). */
  readonly governingYear?: number;
  /** Every year one of the dates above falls in, ascending: the index a year's query uses. */
  readonly years: ReadonlyArray<number>;
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
  for (const r of Object.values(changes.foreignCapitalReceived ?? {})) add(r.on);
  for (const r of Object.values(changes.outOfProvinceFundsReceived ?? {})) add(r.on);
  for (const l of changes.links ?? []) add(l.on);
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
const withYears = (
  base: Omit<ProjectFacts, 'years'>,
  changes: Partial<Omit<ProjectFacts, 'years'>>,
  previous: ProjectFacts | undefined,
): ProjectFacts => {
  const found = new Set<number>();
  yearsOfChange(changes, found);
  const merged = { ...base, ...changes };
  const touchesOpenItems =
    changes.procedures !== undefined ||
    changes.missed !== undefined ||
    changes.terminatedOn !== undefined ||
    changes.droppedOn !== undefined ||
    changes.startedOn !== undefined ||
    changes.completedOn !== undefined;
  let openSince = previous?.openSince;
  if (touchesOpenItems) openSince = openItemSpans(merged, found);
  const before = previous?.years ?? [];
  let years = before;
  for (const y of found) {
    if (!years.includes(y)) years = [...years, y].sort((a, b) => a - b);
  }
  const { openSince: _o, ...rest } = merged;
  return openSince === undefined ? { ...rest, years } : { ...rest, openSince, years };
};

const yearOfDate = (d: string): number => Number(d.slice(0, 4));

/**
 * Item 8 (a project counts in every year it is open in): adds to `into` every year a closed
 * deadline was open in (construction: from its start to its completion, the months it owes an
 * investment report; procedure: from its due date to its completion; missed milestone: from its
 * detection to the day it was met; all end when the project closes), and returns the first year
 * of a deadline still open (undefined when none is, or the project is closed).
 */
const openItemSpans = (f: Omit<ProjectFacts, 'years'>, into: Set<number>): number | undefined => {
  const closedOn = f.terminatedOn ?? f.droppedOn;
  let openSince: number | undefined;
  const span = (from: BusinessDate, end: BusinessDate | undefined): void => {
    if (end === undefined) {
      const y = yearOfDate(from);
      openSince = openSince === undefined || y < openSince ? y : openSince;
      return;
    }
    for (let y = yearOfDate(from); y <= yearOfDate(end); y += 1) into.add(y);
  };
  const earliest = (a: BusinessDate | undefined, b: BusinessDate | undefined): BusinessDate | undefined =>
    a === undefined ? b : b === undefined ? a : a < b ? a : b;
  // Under construction, a project owes a monthly investment report (missedInvestmentReports) until it is completed.
  if (f.startedOn !== undefined) span(f.startedOn, earliest(f.completedOn, closedOn));
  // A procedure is a deadline once its R7 limit is known (higher-level approvals and those pending on the calendar are not).
  for (const p of Object.values(f.procedures))
    if (p.dueOn !== undefined) span(p.dueOn, earliest(p.completedOn, closedOn));
  for (const m of Object.values(f.missed))
    if (m.withdrawn === undefined) span(m.detectedOn, earliest(m.metOn, closedOn));
  return openSince;
};

/** Marks as met the open missed milestones of the given kinds (or of one procedure). */
const meet = (
  f: ProjectFacts,
  on: BusinessDate,
  matches: (m: MissedFact) => boolean,
): Readonly<Record<string, MissedFact>> | undefined => {
  let changed: Record<string, MissedFact> | undefined;
  for (const [key, m] of Object.entries(f.missed)) {
    if (m.metOn !== undefined || !matches(m)) continue;
    changed = changed ?? { ...f.missed };
    changed[key] = { ...m, metOn: on };
  }
  return changed;
};

/**
 * Folds one project event into the facts; returns the same object when the event changes no
 * fact (visits, negotiations …), so a projection can tell that nothing needs writing.
 */
export const evolveFacts = (
  facts: ProjectFacts | undefined,
  event: ProjectEvent,
): ProjectFacts | undefined => {
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
      const base =
        e.data.terms.foreignCapital !== undefined
          ? { ...rest, foreignCapital: e.data.terms.foreignCapital }
          : rest;
      return withYears(
        base,
        { investments: [...(f.investments ?? []), { on: e.data.on, amount: e.data.terms.totalInvestment }] },
        facts,
      );
    }
    case 'ProcedureRequested': {
      const a = e.data.approval;
      const dueOn = a.level === 'district' && a.deadline.kind === 'due' ? { dueOn: a.deadline.dueOn } : {};
      return next({ procedures: { ...f.procedures, [e.data.procedureId]: dueOn } });
    }
    case 'ProcedureDeadlineComputed': {
      const proc = f.procedures[e.data.procedureId];
      if (proc === undefined) return facts;
      return next({
        procedures: { ...f.procedures, [e.data.procedureId]: { ...proc, dueOn: e.data.dueOn } },
      });
    }
    case 'ProcedureCompleted': {
      const proc = f.procedures[e.data.procedureId];
      if (proc === undefined) return facts;
      const missed = meet(
        f,
        e.data.on,
        (m) => m.kind === 'procedure-time-limit' && m.procedureId === e.data.procedureId,
      );
      return next({
        procedures: { ...f.procedures, [e.data.procedureId]: { ...proc, completedOn: e.data.on } },
        ...(missed !== undefined ? { missed } : {}),
      });
    }
    case 'ConstructionStarted': {
      const missed = meet(f, e.data.on, (m) => MET_BY.ConstructionStarted!.includes(m.kind));
      return next({ startedOn: e.data.on, ...(missed !== undefined ? { missed } : {}) });
    }
    case 'InvestmentProgressReported':
      if (f.investmentByMonth[e.data.period] === e.data.completedInPeriod) return facts;
      return next({
        investmentByMonth: { ...f.investmentByMonth, [e.data.period]: e.data.completedInPeriod },
      });
    case 'EnteredStatistics':
      return next({ statisticsOn: e.data.on });
    case 'ConstructionCompleted': {
      const missed = meet(f, e.data.on, (m) => MET_BY.ConstructionCompleted!.includes(m.kind));
      return next({ completedOn: e.data.on, ...(missed !== undefined ? { missed } : {}) });
    }
    case 'ProductionStarted': {
      const missed = meet(f, e.data.on, (m) => MET_BY.ProductionStarted!.includes(m.kind));
      return next({ productionOn: e.data.on, ...(missed !== undefined ? { missed } : {}) });
    }
    case 'CapacityReached': {
      const missed = meet(f, e.data.on, (m) => MET_BY.CapacityReached!.includes(m.kind));
      return missed === undefined ? facts : next({ missed });
    }
    case 'FulfilmentEvaluated': {
      // 见效 (R8's 三年不见效) by evaluation: a compliant verdict of the year that governs (R10).
      if (!evaluationGoverns(e.data.year, f.governingYear)) return facts;
      const missed = evaluationShowsResults(e.data, f.governingYear)
        ? meet(f, e.data.on, (m) => m.kind === 'exit-no-results')
        : undefined;
      return next({ governingYear: e.data.year, ...(missed !== undefined ? { missed } : {}) });
    }
    case 'RectificationCompleted': {
      // The earliest open rectification deadline is the one completed (as the supervision list does).
      const open = Object.entries(f.missed)
        .filter(([, m]) => m.kind === 'rectification-deadline' && m.metOn === undefined)
        .sort(([, a], [, b]) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))[0];
      if (open === undefined) return facts;
      return next({ missed: { ...f.missed, [open[0]]: { ...open[1], metOn: e.data.on } } });
    }
    case 'ProjectTerminated':
      return next({ terminatedOn: e.data.on });
    case 'MilestoneMissed':
      if (f.missed[e.data.milestoneKey] !== undefined) return facts;
      return next({
        missed: {
          ...f.missed,
          [e.data.milestoneKey]: {
            kind: e.data.kind,
            dueOn: e.data.dueOn,
            detectedOn: e.data.detectedOn,
            ...(e.data.procedureId !== undefined ? { procedureId: e.data.procedureId } : {}),
          },
        },
      });
    case 'DuplicateLinked':
      return next({
        duplicateOf: e.data.canonicalProjectId,
        linked: true,
        links: [...(f.links ?? []), { on: e.data.on, canonical: e.data.canonicalProjectId }],
      });
    case 'MilestoneWithdrawn': {
      const m = f.missed[e.data.milestoneKey];
      if (m === undefined) return facts;
      return next({
        missed: {
          ...f.missed,
          [e.data.milestoneKey]: { ...m, withdrawn: { reason: e.data.reason, factOn: e.data.factOn } },
        },
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
      // Misses the fact met are met on the corrected date; a reinstated one stands again, met late on it.
      const kinds = MET_BY_FACT[e.data.fact];
      const reinstated = e.data.reinstatedMilestones ?? [];
      let missed = f.missed;
      for (const [key, m] of Object.entries(f.missed)) {
        if (reinstated.includes(key) && m.withdrawn !== undefined) {
          const { withdrawn: _w, ...standing } = m;
          missed = { ...missed, [key]: { ...standing, metOn: on } };
        } else if (m.withdrawn === undefined && m.metOn !== undefined && kinds.includes(m.kind)) {
          missed = { ...missed, [key]: { ...m, metOn: on } };
        }
      }
      return next({ ...dates, missed, corrections: [...(f.corrections ?? []), e.data.correctedOn] });
    }
    case 'DuplicateUnlinked': {
      const { duplicateOf: _d, years: _y, ...rest } = f;
      return withYears(rest, { links: [...(f.links ?? []), { on: e.data.on, canonical: null }] }, facts);
    }
    case 'ForeignCapitalReceived':
      return next({
        foreignCapitalReceived: {
          ...f.foreignCapitalReceived,
          [e.data.receiptId]: { on: e.data.on, amount: e.data.amount },
        },
      });
    case 'OutOfProvinceFundsReceived':
      return next({
        outOfProvinceFundsReceived: {
          ...f.outOfProvinceFundsReceived,
          [e.data.receiptId]: { on: e.data.on, amount: e.data.amount },
        },
      });
    case 'ConsultationOpened':
    case 'DepartmentOpinionRecorded':
    case 'AdmissionApproved':
    case 'DueDiligenceCompleted':
    case 'LeaderAssigned':
    case 'SiteVisitRecorded':
    case 'NegotiationHeld':
    case 'LegalReviewPassed':
    case 'LegalReviewFailed':
    case 'PerformanceReported':
    case 'IncentiveDisbursed':
    case 'SecondaryPromotionStarted':
    case 'RectificationOrdered':
    case 'SubsidyClawedBack':
    case 'LandReclaimed':
      return facts;
    // Weekly 包保 visits (R18): counted by the performance review's own collection, not here.
    case 'VisitWeekMissed':
      return facts;
    // The project's profile (R22): register columns, counted nowhere.
    case 'ProjectProfileRecorded':
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

const within = (d: BusinessDate | undefined, w: Window): boolean =>
  d !== undefined && d >= w.from && d <= w.to;

/** The agreement's total investment in force on a date (0 before signing). */
export const investmentOn = (f: ProjectFacts, on: BusinessDate): number => {
  let amount = 0;
  for (const i of f.investments ?? []) if (i.on <= on) amount = i.amount;
  return amount;
};

const inBand = (f: ProjectFacts, band: SizeBand, on: BusinessDate): boolean => {
  if (band.minInvestment === undefined && band.maxInvestment === undefined) return true;
  const amount = investmentOn(f, on);
  return (
    (band.minInvestment === undefined || amount >= band.minInvestment) &&
    (band.maxInvestment === undefined || amount < band.maxInvestment)
  );
};

/** Counted once: a project linked as a duplicate of another counts under its canonical project only. */
export const countsOnce = (f: ProjectFacts): boolean => f.duplicateOf === undefined;

/** The duplicate link in force on a date (undefined: not linked then). */
export const linkOn = (f: ProjectFacts, on: BusinessDate): string | undefined => {
  if (f.links === undefined) return f.duplicateOf; // facts written before links were kept
  let canonical: string | null = null;
  for (const l of f.links) if (l.on <= on) canonical = l.canonical;
  return canonical ?? undefined;
};

/**
 * 「一炮数响」(R13 · 004 §(十六) 避免包装项目): every group of duplicates counts exactly once, whatever
 * links were made (A→B and B→A, chains, a link to a lead abandoned later). Decides, with the
 * domain's `countedMembers`, the counted member of each group from the links in force and the
 * projects dropped on `asOf`, and returns the facts with `duplicateOf` set to the member each one
 * counts under (absent for the one that counts). Give it every member of the groups (the loaders
 * fetch every project ever linked and the projects they link to); projects not yet created on
 * `asOf` are no members.
 */
export const resolveDuplicates = (
  facts: ReadonlyArray<ProjectFacts>,
  asOf: BusinessDate,
): ReadonlyArray<ProjectFacts> => {
  const members: CountingMember[] = [];
  for (const f of facts) {
    if (f.capturedOn > asOf) continue;
    const link = linkOn(f, asOf);
    members.push({
      projectId: f.projectId,
      ...(link !== undefined ? { duplicateOf: link } : {}),
      dropped: f.droppedOn !== undefined && f.droppedOn <= asOf,
      capturedOn: f.capturedOn,
    });
  }
  const counted = countedMembers(members);
  return facts.map((f) => {
    const under = counted.get(f.projectId);
    // The links made stay as they were (the padded claims a unit answers for); `duplicateOf` now
    // names the member this project counts under.
    const links =
      f.links ?? (f.duplicateOf !== undefined ? [{ on: f.capturedOn, canonical: f.duplicateOf }] : []);
    const { duplicateOf: _d, ...rest } = f;
    return under === undefined || under === f.projectId
      ? { ...rest, links }
      : { ...rest, links, duplicateOf: under };
  });
};

/** The day a project closed (terminated, or dropped before signing), if it did. */
const closedOn = (f: ProjectFacts): BusinessDate | undefined => f.terminatedOn ?? f.droppedOn;

/** The last day of a month 'YYYY-MM'. */
export const monthEnd = (month: string): BusinessDate =>
  addDays(addMonths(`${month}-01` as BusinessDate, 1), -1);

/** Months 'YYYY-MM' whose reports fall in the window: from the month of `from` to the month of `to`. */
const monthInWindow = (month: string, w: Window): boolean =>
  month >= w.from.slice(0, 7) && month <= w.to.slice(0, 7);

/** What the counts of R11–R13 count (every metric of a plan that is not a rate). */
export type CountedMetric = Exclude<MetricKey, 'signedToStartedRate' | 'startedToStatisticsRate'>;

const received = (receipts: Readonly<Record<string, Receipt>> | undefined, w: Window): number => {
  let total = 0;
  for (const r of Object.values(receipts ?? {})) if (within(r.on, w)) total += r.amount;
  return total;
};

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
      case 'leads': // 有效项目信息 (004 §(十六)): leads judged genuine, when qualified
        if (f.origin === 'lead' && within(f.qualifiedOn, w)) total += 1;
        break;
      case 'capturedLeads': // 搜集招商信息 (000 §二): every lead captured, whatever became of it
        if (f.origin === 'lead' && within(f.capturedOn, w)) total += 1;
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
        if (inBand(f, band, asOf))
          for (const [m, v] of Object.entries(f.investmentByMonth)) if (monthInWindow(m, w)) total += v;
        break;
      case 'foreignCapital': // 利用外资 (000 §二, R11): money received in the window, never the agreement's promise
        if (inBand(f, band, asOf)) total += received(f.foreignCapitalReceived, w);
        break;
      case 'outOfProvinceFunds': // 利用省外资金 (003): funds from outside the province received in the window
        if (inBand(f, band, asOf)) total += received(f.outOfProvinceFundsReceived, w);
        break;
      default: {
        const unknown: never = metric;
        return unknown;
      }
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

const rate = (numerator: number, denominator: number): Rate => {
  const bp = basisPoints(numerator, denominator);
  return bp === undefined ? { numerator, denominator } : { numerator, denominator, basisPoints: bp };
};

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
  return {
    signedToStarted: rate(signedStarted, signed),
    startedToStatistics: rate(startedInStatistics, started),
  };
};

/**
 * Milestones detected as missed in the window, by kind (all kinds when none is given). A withdrawn
 * miss is not one: the fact met the deadline (DOMAIN.md §5).
 */
export const missedMilestones = (
  facts: Iterable<ProjectFacts>,
  w: Window,
  kinds?: ReadonlyArray<MilestoneKind>,
): number => {
  let n = 0;
  for (const f of facts) {
    if (!countsOnce(f)) continue;
    for (const m of Object.values(f.missed)) {
      if (
        m.withdrawn === undefined &&
        within(m.detectedOn, w) &&
        (kinds === undefined || kinds.includes(m.kind))
      )
        n += 1;
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
    for (const m of Object.values(f.missed))
      if (m.withdrawn?.reason === 'late-entry' && within(m.detectedOn, w)) n += 1;
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

/**
 * Procedures past their R7 time limit and still not completed at the end of the window, whether
 * or not the project filed anything in the window; a terminated (or dropped) project's procedures
 * leave the count from the day it closed.
 */
export const overdueProcedures = (facts: Iterable<ProjectFacts>, w: Window): number => {
  let n = 0;
  for (const f of facts) {
    if (!countsOnce(f)) continue;
    const closed = closedOn(f);
    if (closed !== undefined && closed <= w.to) continue;
    // R7 binds the district's own approvals with a known deadline: pending and higher-level ones are never overdue.
    for (const p of Object.values(f.procedures)) {
      if (p.dueOn !== undefined && p.dueOn < w.to && (p.completedOn === undefined || p.completedOn > w.to))
        n += 1;
    }
  }
  return n;
};

/**
 * Missed milestones still open at the end of the window: raised on or before it, not met by then,
 * of a project not closed by then — however long ago they were raised (a 督办 item carries over
 * from year to year until it is met or the project is cleared).
 */
export const openMissedMilestones = (facts: Iterable<ProjectFacts>, w: Window): number => {
  let n = 0;
  for (const f of facts) {
    if (!countsOnce(f)) continue;
    const closed = closedOn(f);
    if (closed !== undefined && closed <= w.to) continue;
    for (const m of Object.values(f.missed)) {
      if (m.withdrawn === undefined && m.detectedOn <= w.to && (m.metOn === undefined || m.metOn > w.to))
        n += 1;
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

/**
 * Projects of the unit linked as duplicates of another (padded figures, 一炮数响) at the end of the
 * window, by the link in force then — a link undone with a reason no longer counts against the unit.
 */
export const duplicates = (facts: Iterable<ProjectFacts>, w: Window): number => {
  let n = 0;
  for (const f of facts) if (linkOn(f, w.to) !== undefined && within(f.signedOn ?? f.capturedOn, w)) n += 1;
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
