import {
  assertNever,
  describeFinding,
  evaluationGoverns,
  ratioOf,
  wanPerMu,
  type PerMuFigures,
  type ProjectEvent,
} from '@zhaoshang/domain';
import { put, type DocChange, type DocReader, type Projection } from '../read-model';
import { fulfilmentCollection, type EvaluationLine, type FulfilmentDoc } from './fulfilment.document';

type Draft = { -readonly [K in keyof FulfilmentDoc]: FulfilmentDoc[K] };

const latestOf = (d: Draft): FulfilmentDoc['latest'] => {
  const years = Object.keys(d.actualByYear)
    .map(Number)
    .sort((a, b) => b - a);
  const year = years[0];
  const c = d.committed;
  if (year === undefined || c === undefined) return undefined;
  const a = d.actualByYear[String(year)]!;
  const land = c.landArea > 0;
  const figures: PerMuFigures = {
    investment: {
      committed: wanPerMu(c.fixedAssetInvestment, c.landArea),
      actual: wanPerMu(a.investmentToDate, c.landArea),
    },
    tax: { committed: wanPerMu(c.annualTax, c.landArea), actual: wanPerMu(a.tax, c.landArea) },
    output: { committed: wanPerMu(c.annualOutput, c.landArea), actual: wanPerMu(a.output, c.landArea) },
  };
  // Per-mu ratios divide both sides by the same agreed land area, so they equal the plain ratio.
  return {
    year,
    fixedAssetInvestment: ratioOf(a.investmentToDate, c.fixedAssetInvestment),
    investmentPerMu: land ? ratioOf(a.investmentToDate, c.fixedAssetInvestment) : null,
    output: ratioOf(a.output, c.annualOutput),
    outputPerMu: land ? ratioOf(a.output, c.annualOutput) : null,
    tax: ratioOf(a.tax, c.annualTax),
    taxPerMu: land ? ratioOf(a.tax, c.annualTax) : null,
    jobs: ratioOf(a.jobs, c.jobs),
    perMu: figures,
  };
};

/** The governing evaluation among lines: the highest year, the last recorded for it (R10: 002 §七). */
export const governingOf = (lines: ReadonlyArray<EvaluationLine>): EvaluationLine | undefined =>
  lines.reduce<EvaluationLine | undefined>((g, e) => (evaluationGoverns(e.year, g?.year) ? e : g), undefined);

const apply = (d: Draft, event: ProjectEvent): boolean => {
  switch (event.type) {
    case 'LeadCaptured':
    case 'ProjectPlanned':
    case 'LeadQualified':
    case 'LeadDiscarded':
    case 'ConsultationOpened':
    case 'DepartmentOpinionRecorded':
    case 'AdmissionApproved':
    case 'AdmissionRejected':
    case 'DueDiligenceCompleted':
    case 'LeaderAssigned':
    case 'SiteVisitRecorded':
    case 'NegotiationHeld':
    case 'LegalReviewPassed':
    case 'LegalReviewFailed':
    case 'ProcedureRequested':
    case 'ProcedureDeadlineComputed':
    case 'ProcedureCompleted':
    case 'EnteredStatistics':
    case 'CapacityReached':
    case 'ProjectAbandoned':
    case 'MilestoneMissed':
    case 'MilestoneWithdrawn':
      return false;
    case 'FactCorrected': {
      // The corrected dates are the dates (DOMAIN.md §5): the construction period compares with them.
      const on = event.data.corrected.on;
      switch (event.data.fact) {
        case 'construction-started':
          d.startedOn = on;
          return true;
        case 'construction-completed':
          d.completedOn = on;
          return true;
        case 'production-started':
          d.productionOn = on;
          return true;
        case 'capacity-reached':
        case 'statistics-entered':
          return false;
        default:
          return assertNever(event.data.fact);
      }
    }
    case 'AgreementSigned':
    case 'AgreementAmended': {
      const t = event.data.terms;
      d.committed = {
        totalInvestment: t.totalInvestment,
        fixedAssetInvestment: t.fixedAssetInvestment,
        landArea: t.landArea,
        annualOutput: t.commitments.annualOutput,
        annualTax: t.commitments.annualTax,
        jobs: t.commitments.jobs,
        startBy: t.schedule.startBy,
        completeBy: t.schedule.completeBy,
        produceBy: t.schedule.produceBy,
      };
      const incentives = { ...d.incentives };
      for (const i of t.incentives) {
        const old = incentives[i.incentiveId];
        incentives[i.incentiveId] = {
          kind: i.kind,
          ceiling: i.ceiling,
          disbursed: old?.disbursed ?? 0,
          clawedBack: old?.clawedBack ?? 0,
        };
      }
      d.incentives = incentives;
      if (event.type === 'AgreementSigned') {
        d.signed = true;
        d.signedOn = event.data.on;
      } else d.amendments += 1;
      d.latest = latestOf(d);
      return true;
    }
    case 'ConstructionStarted':
      d.startedOn = event.data.on;
      return true;
    case 'InvestmentProgressReported':
      d.cumulativeInvestment = event.data.cumulative;
      return true;
    case 'ConstructionCompleted':
      d.completedOn = event.data.on;
      return true;
    case 'ProductionStarted':
      d.productionOn = event.data.on;
      return true;
    case 'PerformanceReported': {
      const e = event.data;
      d.actualByYear = {
        ...d.actualByYear,
        [String(e.year)]: {
          output: e.output,
          tax: e.tax,
          jobs: e.jobs,
          investmentToDate: e.investmentToDate,
        },
      };
      d.latest = latestOf(d);
      return true;
    }
    case 'FulfilmentEvaluated': {
      const e = event.data;
      const line: EvaluationLine = {
        year: e.year,
        on: e.on,
        asOf: e.asOf,
        verdict: e.verdict,
        ratios: e.ratios,
        perMu: e.perMu,
        findings: e.findings.map((f) => ({
          code: f.code,
          params: f.params,
          zh: describeFinding(f, 'zh'),
          en: describeFinding(f, 'en'),
        })),
        ...(e.definedBreach !== undefined ? { definedBreach: e.definedBreach } : {}),
      };
      d.evaluations = [...d.evaluations, line];
      const governing = governingOf(d.evaluations)!;
      d.evaluation = governing;
      d.verdict = governing.verdict;
      return true;
    }
    case 'IncentiveDisbursed':
    case 'SubsidyClawedBack': {
      const e = event.data;
      const line = d.incentives[e.incentiveId] ?? { kind: 'other', ceiling: 0, disbursed: 0, clawedBack: 0 };
      const disbursing = event.type === 'IncentiveDisbursed';
      d.incentives = {
        ...d.incentives,
        [e.incentiveId]: disbursing
          ? { ...line, disbursed: line.disbursed + e.amount }
          : { ...line, clawedBack: line.clawedBack + e.amount },
      };
      if (disbursing) d.disbursed += e.amount;
      else d.clawedBack += e.amount;
      return true;
    }
    case 'SecondaryPromotionStarted':
      d.secondaryPromotionOn = event.data.on;
      return true;
    case 'RectificationOrdered':
      d.rectifications = [...d.rectifications, { orderedOn: event.data.on, dueBy: event.data.dueBy }];
      return true;
    case 'RectificationCompleted': {
      const i = d.rectifications.findIndex((r) => r.completedOn === undefined);
      if (i < 0) return false;
      d.rectifications = d.rectifications.map((r, j) => (j === i ? { ...r, completedOn: event.data.on } : r));
      return true;
    }
    case 'LandReclaimed':
      d.landReclaimedOn = event.data.on;
      return true;
    case 'ProjectTerminated':
      d.terminatedOn = event.data.on;
      return true;
    case 'DuplicateLinked':
      d.duplicateOf = event.data.canonicalProjectId;
      return true;
    case 'DuplicateUnlinked':
      if (d.duplicateOf === undefined) return false;
      delete d.duplicateOf;
      return true;
    case 'ForeignCapitalReceived':
    case 'OutOfProvinceFundsReceived':
      return false;
    // Weekly 包保 visits (R18): no fulfilment figure.
    case 'VisitWeekMissed':
      return false;
    // The project's profile (R22): no fulfilment figure.
    case 'ProjectProfileRecorded':
      return false;
    default:
      return assertNever(event);
  }
};

/** Fulfilment monitoring (履约监管): committed vs actual, verdicts, incentives paid and clawed back. */
export const fulfilmentProjection: Projection = {
  name: 'fulfilment',
  version: 2,
  categories: ['project'],
  collections: [fulfilmentCollection],
  apply: (docs: DocReader, decoded): ReadonlyArray<DocChange> => {
    if (decoded.category !== 'project') return [];
    const event = decoded.event;
    const id = event.data.projectId;
    const doc = docs.get(fulfilmentCollection, id);
    if (doc === undefined) {
      if (event.type !== 'LeadCaptured' && event.type !== 'ProjectPlanned') return [];
      const e = event.data;
      return [
        put(fulfilmentCollection, id, {
          projectId: e.projectId,
          unitId: e.unitId,
          name: e.name,
          signed: false,
          amendments: 0,
          cumulativeInvestment: 0,
          actualByYear: {},
          evaluations: [],
          incentives: {},
          disbursed: 0,
          clawedBack: 0,
          rectifications: [],
        }),
      ];
    }
    const d: Draft = { ...doc };
    if (!apply(d, event)) return [];
    if (d.latest === undefined) delete d.latest;
    return [put(fulfilmentCollection, id, d)];
  },
};
