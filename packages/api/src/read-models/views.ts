import {
  cny,
  daysBetween,
  metricKinds,
  type BusinessDate,
  type Cny,
  type MetricTarget,
  type Project,
  type TargetsInForce,
} from '@zhaoshang/domain';
import type {
  FulfilmentEntry,
  MetricProgress,
  RegisterEntry,
  SupervisionItem,
  UnitPerformance,
} from './read-model.port';

/** A project as the projection keeps it: the folded state and what the register needs besides. */
export interface ProjectRecord {
  readonly state: Project;
  readonly revision: number;
  readonly position: bigint;
  readonly missed: ReadonlyArray<{
    readonly milestoneKey: string;
    readonly kind: string;
    readonly dueOn: string;
  }>;
}

/** A period of a review: '2024', '2024-Q2' or '2024-03', as an inclusive date range. */
export const parsePeriod = (period: string): { readonly from: string; readonly to: string } | undefined => {
  const year = /^(\d{4})$/.exec(period);
  if (year) return { from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const q = Number(quarter[2]);
    const first = String(3 * q - 2).padStart(2, '0');
    const last = String(3 * q).padStart(2, '0');
    return { from: `${quarter[1]}-${first}-01`, to: `${quarter[1]}-${last}-31` };
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) return { from: `${month[1]}-${month[2]}-01`, to: `${month[1]}-${month[2]}-31` };
  return undefined;
};

// Dates are ISO strings: string order is date order, and 'YYYY-MM-31' bounds any month.
const within = (d: string | undefined, from: string, to: string): boolean =>
  d !== undefined && d >= from && d <= to;

/** The figure that decides a size threshold: the agreement's total at signing, else the intended investment. */
const sizeOf = (p: Project): Cny => p.agreement?.termsAtSigning.totalInvestment ?? p.intendedInvestment;

const investmentIn = (p: Project, from: string, to: string): number =>
  Object.entries(p.investmentByMonth).reduce(
    (s, [month, amount]) => (within(`${month}-15`, from, to) ? s + amount : s),
    0,
  );

/** Register entry of a project (招商引资工作台账). */
export const registerEntry = (r: ProjectRecord): RegisterEntry => {
  const p = r.state;
  const pending: Array<{ kind: string; dueOn: string }> = [];
  const schedule = p.agreement?.terms.schedule;
  if (schedule !== undefined && p.status === 'open') {
    if (p.startedOn === undefined) pending.push({ kind: 'agreed-start', dueOn: schedule.startBy });
    if (p.completedOn === undefined) pending.push({ kind: 'agreed-completion', dueOn: schedule.completeBy });
    if (p.productionOn === undefined) pending.push({ kind: 'agreed-production', dueOn: schedule.produceBy });
    for (const proc of Object.values(p.procedures)) {
      if (proc.completedOn === undefined) pending.push({ kind: `procedure:${proc.kind}`, dueOn: proc.dueOn });
    }
  }
  pending.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const leader = p.leaders['responsible-leader'];
  const person = p.leaders['responsible-person'];
  return {
    projectId: p.projectId,
    unitId: p.unitId,
    name: p.name,
    origin: p.origin,
    stage: p.stage,
    ...(p.investor !== undefined
      ? {
          investor: {
            name: p.investor.name,
            ...(p.investor.creditCode !== undefined ? { creditCode: p.investor.creditCode } : {}),
          },
        }
      : {}),
    industryChain: p.industryChain,
    ...(p.channel !== undefined ? { channel: p.channel } : {}),
    intendedInvestment: p.intendedInvestment,
    intendedInvestmentWan: cny.toWan(p.intendedInvestment),
    ...(p.agreement !== undefined
      ? {
          agreedInvestment: p.agreement.terms.totalInvestment,
          fixedAssetInvestment: p.agreement.terms.fixedAssetInvestment,
          signedOn: p.agreement.signedOn,
        }
      : {}),
    cumulativeInvestment: p.cumulativeInvestment,
    ...(leader !== undefined ? { responsibleLeader: { leaderId: leader.leaderId, name: leader.name } } : {}),
    ...(person !== undefined ? { responsiblePerson: { leaderId: person.leaderId, name: person.name } } : {}),
    capturedOn: p.capturedOn,
    ...(p.startedOn !== undefined ? { startedOn: p.startedOn } : {}),
    ...(p.productionOn !== undefined ? { productionOn: p.productionOn } : {}),
    ...(pending[0] !== undefined ? { nextDeadline: pending[0] } : {}),
    overdue: r.missed.filter((m) => !milestoneMet(p, m.kind)),
    lastActivityOn: p.lastActivityOn,
    revision: r.revision,
    position: r.position.toString(),
  };
};

/** Whether a missed milestone has since been met (a late start closes the 'agreed-start' item). */
const milestoneMet = (p: Project, kind: string): boolean => {
  switch (kind) {
    case 'agreed-start':
    case 'exit-no-start-3-months':
      return p.startedOn !== undefined;
    case 'agreed-completion':
      return p.completedOn !== undefined;
    case 'agreed-production':
    case 'exit-no-production-2-years':
      return p.productionOn !== undefined;
    default:
      return p.status === 'closed';
  }
};

/** The actual of one metric over [from, to] for the given projects (R11, R12). */
export const metricActual = (
  entry: MetricTarget,
  projects: ReadonlyArray<Project>,
  from: string,
  to: string,
): number => {
  const min = entry.minInvestment ?? 0;
  const big = (p: Project) => sizeOf(p) >= min;
  const count = (pred: (p: Project) => boolean) => projects.filter(pred).length;
  const signed = (p: Project) => within(p.agreement?.signedOn, from, to) && big(p);
  switch (entry.metric) {
    case 'leads':
      return count((p) => p.origin === 'lead' && within(p.capturedOn, from, to));
    case 'plannedProjects':
      return count((p) => p.origin === 'planned' && within(p.capturedOn, from, to));
    case 'signedProjects':
      return count(signed);
    case 'signedAgreementFunds':
      return projects
        .filter(signed)
        .reduce((s, p) => s + (p.agreement?.termsAtSigning.totalInvestment ?? 0), 0);
    case 'startedProjects':
      return count((p) => within(p.startedOn, from, to) && big(p));
    case 'projectsInProduction':
      return count((p) => within(p.productionOn, from, to) && big(p));
    case 'fixedAssetInvestment':
      return projects.reduce((s, p) => s + investmentIn(p, from, to), 0);
    case 'foreignCapital':
      return projects.filter(signed).reduce((s, p) => s + (p.foreignCapital ?? 0), 0);
    case 'statisticsEntries':
      return count((p) => within(p.statistics?.on, from, to) && big(p));
    case 'signedToStartedRate': {
      const s = projects.filter(signed);
      return rateBp(s.filter((p) => p.startedOn !== undefined && p.startedOn <= to).length, s.length);
    }
    case 'startedToStatisticsRate': {
      const s = projects.filter((p) => within(p.startedOn, from, to) && big(p));
      return rateBp(s.filter((p) => p.statistics !== undefined && p.statistics.on <= to).length, s.length);
    }
  }
};

const rateBp = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.floor((part * 10_000) / whole);

const monthEnd = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}-31`;

/** Target progress of a plan as of a date: target, actual, %, 序时进度 and gap, monthly series (R14). */
export const progressOf = (
  plan: TargetsInForce,
  projects: ReadonlyArray<Project>,
  asOf: BusinessDate,
): ReadonlyArray<MetricProgress> => {
  const from = `${plan.year}-01-01`;
  const to = `${plan.year}-12-31`;
  const upTo = asOf < to ? asOf : to;
  const elapsed =
    asOf < from
      ? 0
      : Math.min(
          1,
          (daysBetween(from as BusinessDate, upTo as BusinessDate) + 1) /
            (daysBetween(from as BusinessDate, to as BusinessDate) + 1),
        );
  const expectedBp = Math.round(elapsed * 10_000);
  return plan.targets.map((entry) => {
    const target = entry.target.kind === 'rate' ? entry.target.basisPoints : entry.target.value;
    const actual = metricActual(entry, projects, from, upTo);
    const percentBp = target === 0 ? 10_000 : Math.floor((actual * 10_000) / target);
    const isRate = metricKinds[entry.metric] === 'rate';
    return {
      metric: entry.metric,
      ...(entry.minInvestment !== undefined ? { minInvestment: entry.minInvestment } : {}),
      kind: entry.target.kind,
      target,
      actual,
      percentBp,
      expectedBp: isRate ? 10_000 : expectedBp,
      gapBp: percentBp - (isRate ? 10_000 : expectedBp),
      monthly: Array.from({ length: 12 }, (_, i) =>
        metricActual(entry, projects, from, monthEnd(plan.year, i + 1)),
      ),
    };
  });
};

/**
 * Performance review of every unit in a period (R13, R12, R15): a plain default scoring policy —
 * 10 points per signing, 10 per start, 5 per statistics entry, 5 per production, 1 per 1000万元
 * invested, 2 per effective lead, minus 5 per missed milestone — then ranked (赛马).
 */
export const performanceOf = (
  period: string,
  range: { from: string; to: string },
  projects: ReadonlyArray<ProjectRecord>,
  tripDaysByUnit: ReadonlyMap<string, number>,
): ReadonlyArray<UnitPerformance> => {
  const units = new Set([...projects.map((r) => r.state.unitId as string), ...tripDaysByUnit.keys()]);
  const { from, to } = range;
  const rows = [...units].sort().map((unitId) => {
    const mine = projects.filter((r) => r.state.unitId === unitId);
    const ps = mine.map((r) => r.state);
    const signed = ps.filter((p) => within(p.agreement?.signedOn, from, to));
    const started = ps.filter((p) => within(p.startedOn, from, to));
    const row = {
      unitId,
      period,
      effectiveLeads: ps.filter((p) => within(p.qualifiedOn, from, to)).length,
      newSignings: signed.length,
      newStarts: started.length,
      newStatisticsEntries: ps.filter((p) => within(p.statistics?.on, from, to)).length,
      investmentCompleted: ps.reduce((s, p) => s + investmentIn(p, from, to), 0),
      newProduction: ps.filter((p) => within(p.productionOn, from, to)).length,
      signedToStartedBp: rateBp(signed.filter((p) => p.startedOn !== undefined).length, signed.length),
      startedToStatisticsBp: rateBp(started.filter((p) => p.statistics !== undefined).length, started.length),
      missedMilestones: mine.reduce(
        (s, r) => s + r.missed.filter((m) => within(m.dueOn, from, to)).length,
        0,
      ),
      overdueProcedures: ps.reduce(
        (s, p) =>
          s +
          Object.values(p.procedures).filter(
            (x) => within(x.dueOn, from, to) && (x.completedOn === undefined || x.completedOn > x.dueOn),
          ).length,
        0,
      ),
      tripDays: tripDaysByUnit.get(unitId) ?? 0,
    };
    const score =
      10 * row.newSignings +
      10 * row.newStarts +
      5 * row.newStatisticsEntries +
      5 * row.newProduction +
      Math.floor(row.investmentCompleted / cny.wan(1000)) +
      2 * row.effectiveLeads -
      5 * row.missedMilestones;
    return { ...row, score };
  });
  const ranked = [...rows].sort((a, b) => b.score - a.score);
  return rows.map((r) => ({ ...r, rank: ranked.findIndex((x) => x.unitId === r.unitId) + 1 }));
};

/** Fulfilment monitoring of a signed project (R5, R9, R10). */
export const fulfilmentOf = (p: Project): FulfilmentEntry | undefined => {
  const a = p.agreement;
  if (a === undefined) return undefined;
  const years = Object.keys(p.performance).map(Number).sort();
  const lastYear = years[years.length - 1];
  const latest = lastYear !== undefined ? p.performance[lastYear] : undefined;
  return {
    projectId: p.projectId,
    unitId: p.unitId,
    name: p.name,
    signedOn: a.signedOn,
    committed: {
      annualOutput: a.terms.commitments.annualOutput,
      annualTax: a.terms.commitments.annualTax,
      jobs: a.terms.commitments.jobs,
      fixedAssetInvestment: a.terms.fixedAssetInvestment,
    },
    ...(latest !== undefined && lastYear !== undefined
      ? {
          latest: {
            year: lastYear,
            output: latest.output,
            tax: latest.tax,
            jobs: latest.jobs,
            investmentToDate: latest.investmentToDate,
          },
        }
      : {}),
    ...(p.lastEvaluation !== undefined ? { verdict: p.lastEvaluation.verdict } : {}),
    incentives: Object.entries(p.incentives).map(([incentiveId, acc]) => ({
      incentiveId,
      ceiling: acc.ceiling,
      disbursed: acc.disbursed,
      clawedBack: acc.clawedBack,
    })),
  };
};

/** Supervision list items of a project as of a date (督办清单). */
export const supervisionOf = (r: ProjectRecord, asOf: BusinessDate): ReadonlyArray<SupervisionItem> => {
  const p = r.state;
  if (p.status !== 'open') return [];
  const owner = p.leaders['responsible-person']?.name ?? p.leaders['responsible-leader']?.name;
  const base = {
    projectId: p.projectId,
    unitId: p.unitId,
    projectName: p.name,
    ...(owner !== undefined ? { owner } : {}),
  };
  const overdue = (dueOn: string) => Math.max(0, daysBetween(dueOn as BusinessDate, asOf));
  const items: SupervisionItem[] = [];
  for (const m of r.missed) {
    if (!milestoneMet(p, m.kind))
      items.push({
        ...base,
        kind: 'missed-milestone',
        subject: m.kind,
        dueOn: m.dueOn,
        daysOverdue: overdue(m.dueOn),
      });
  }
  for (const proc of Object.values(p.procedures)) {
    if (proc.completedOn === undefined && proc.dueOn < asOf) {
      items.push({
        ...base,
        kind: 'overdue-procedure',
        subject: `${proc.kind} (${proc.department})`,
        dueOn: proc.dueOn,
        daysOverdue: overdue(proc.dueOn),
      });
    }
  }
  for (const rect of p.rectifications) {
    if (rect.completedOn === undefined) {
      items.push({
        ...base,
        kind: 'rectification',
        subject: `rectification ordered ${rect.orderedOn}`,
        dueOn: rect.dueBy,
        daysOverdue: overdue(rect.dueBy),
      });
    }
  }
  return items;
};
