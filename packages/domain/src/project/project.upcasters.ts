import type { Upcaster } from '../shared/upcasting';
import { makeEventReader } from '../shared/upcasting';
import { projectEvents, ProjectEvent } from './project.events';

/**
 * LeadCaptured v1 → v2. Version 1 (the first pilot) recorded the intended investment as a
 * floating-point number of 万元 (`intendedInvestmentWan`) and had no promotion channel.
 * Version 2 records exact integer 分 (DOMAIN.md §5: money is never a float) and the channel of
 * R16; v1 leads are read with channel 'other' (the pilot did not record it).
 * 1 万元 = 1,000,000 分; rounding to the 分 is exact for any figure the pilot could have entered.
 */
export const leadCapturedV1toV2: Upcaster = {
  type: 'LeadCaptured',
  fromVersion: 1,
  upcast: (data) => {
    if (typeof data !== 'object' || data === null) return data;
    const { intendedInvestmentWan, ...rest } = data as { intendedInvestmentWan?: unknown } & Record<
      string,
      unknown
    >;
    return {
      ...rest,
      intendedInvestment:
        typeof intendedInvestmentWan === 'number'
          ? Math.round(intendedInvestmentWan * 1_000_000)
          : intendedInvestmentWan,
      channel: rest['channel'] ?? 'other',
    };
  },
};

/**
 * ProcedureRequested v1 → v2. Version 1 knew one kind of procedure, the district's own approval
 * with a 3/10-working-day limit, and recorded it flat (`timeLimitDays`, `dueOn`). Version 2 records
 * the approval level (R7: 001 §(三)2 limits 属本区审批的事项 only) and a deadline that may wait for a
 * year's calendar: a v1 event is read as a district approval due on its `dueOn`.
 */
export const procedureRequestedV1toV2: Upcaster = {
  type: 'ProcedureRequested',
  fromVersion: 1,
  upcast: (data) => {
    if (typeof data !== 'object' || data === null) return data;
    const { timeLimitDays, dueOn, ...rest } = data as { timeLimitDays?: unknown; dueOn?: unknown } & Record<
      string,
      unknown
    >;
    return {
      ...rest,
      approval: { level: 'district', workingDays: timeLimitDays, deadline: { kind: 'due', dueOn } },
    };
  },
};

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const V1_FIGURES = new Set([
  'fixedAssetInvestment',
  'investmentPerMu',
  'output',
  'taxPerMu',
  'outputPerMu',
  'jobs',
  'constructionPeriod',
]);
const notRecorded = { committed: null, actual: null };

/**
 * FulfilmentEvaluated v1 → v2 (issue #11). Version 1 stored every ratio as a number (1 for a
 * figure over nothing), findings as English strings "figure ratio", no per-mu figures in 万元/亩
 * and no as-of date. Version 2 reads them as follows, without re-judging (history is history: a
 * v1 verdict stays the verdict it was; re-evaluating the year records a v2 evaluation):
 * - `ratios.tax` is v1's `taxPerMu` (v1 divided both sides by the same area, so they are equal);
 * - `perMu` is not recorded (null): v1 kept no land area or amounts with the evaluation;
 * - each finding "figure 0.75" becomes `SHORTFALL { figure, ratio }`, anything else `RECORDED_BY_V1 { text }`;
 * - `asOf` is the evaluation day or the year's last day, whichever is earlier (what v2 judges by).
 */
export const fulfilmentEvaluatedV1toV2: Upcaster = {
  type: 'FulfilmentEvaluated',
  fromVersion: 1,
  upcast: (data) => {
    if (!isRecord(data)) return data;
    const ratios = isRecord(data['ratios']) ? data['ratios'] : {};
    const findings = Array.isArray(data['findings']) ? (data['findings'] as unknown[]) : [];
    const on = data['on'];
    const yearEnd = typeof data['year'] === 'number' ? `${data['year']}-12-31` : undefined;
    return {
      ...data,
      asOf: typeof on === 'string' && yearEnd !== undefined && yearEnd < on ? yearEnd : on,
      ratios: { ...ratios, tax: ratios['taxPerMu'] ?? null },
      perMu: { investment: notRecorded, tax: notRecorded, output: notRecorded },
      findings: findings.map((f) => {
        const text = String(f);
        const [figure, value, ...rest] = text.split(' ');
        const ratio = Number(value);
        return figure !== undefined && V1_FIGURES.has(figure) && rest.length === 0 && Number.isFinite(ratio)
          ? { code: 'SHORTFALL', params: { figure, ratio } }
          : { code: 'RECORDED_BY_V1', params: { text } };
      }),
    };
  },
};

/**
 * The exit rule's kinds as version 1 named them, with the term their name carried (R8, 001 §(四)
 * 「三个月不开工、两年不投产、三年不见效」: the pilot's policy, 3/24/36 months).
 */
const V1_EXIT_RULE_KINDS: Readonly<Record<string, { readonly kind: string; readonly termMonths: number }>> = {
  'exit-no-start-3-months': { kind: 'exit-no-start', termMonths: 3 },
  'exit-no-production-2-years': { kind: 'exit-no-production', termMonths: 24 },
  'exit-no-results-3-years': { kind: 'exit-no-results', termMonths: 36 },
};

/**
 * Version 1 → 2 of an event that names a milestone kind. Version 1 baked the exit rule's term into
 * the kind's name; version 2 names the kind and records the term in `termMonths`. The figure read
 * is exactly the one the stored name said: nothing is reinterpreted. Other kinds are unchanged.
 */
const milestoneKindV1toV2 = (type: string): Upcaster => ({
  type,
  fromVersion: 1,
  upcast: (data) => {
    if (!isRecord(data)) return data;
    const renamed = typeof data['kind'] === 'string' ? V1_EXIT_RULE_KINDS[data['kind']] : undefined;
    return renamed === undefined ? data : { ...data, ...renamed };
  },
});

/** MilestoneMissed v1 → v2: `exit-no-start-3-months` is `exit-no-start` with a 3-month term, and so on. */
export const milestoneMissedV1toV2: Upcaster = milestoneKindV1toV2('MilestoneMissed');
/** MilestoneWithdrawn v1 → v2, as MilestoneMissed's. */
export const milestoneWithdrawnV1toV2: Upcaster = milestoneKindV1toV2('MilestoneWithdrawn');

/**
 * SiteVisitRecorded v1 → v2 (R18, 000 §五.2). Version 1 recorded the date, who and a summary;
 * version 2 adds the problems the visit found and solved. A v1 visit is read with both lists
 * empty: it recorded none, and nothing is made up for it (its summary still says what it said).
 */
export const siteVisitRecordedV1toV2: Upcaster = {
  type: 'SiteVisitRecorded',
  fromVersion: 1,
  upcast: (data) => (isRecord(data) ? { issuesFound: [], issuesSolved: [], ...data } : data),
};

export const projectUpcasters: ReadonlyArray<Upcaster> = [
  leadCapturedV1toV2,
  procedureRequestedV1toV2,
  fulfilmentEvaluatedV1toV2,
  milestoneMissedV1toV2,
  milestoneWithdrawnV1toV2,
  siteVisitRecordedV1toV2,
];

/** Reads a stored project event of any schema version into the current one. */
export const readProjectEvent = makeEventReader<ProjectEvent>(projectEvents, projectUpcasters);
