import { date } from '@zhaoshang/domain';
import {
  fulfilmentQueries,
  performanceReviewQueries,
  registerQueries,
  supervisionQueries,
  targetProgressQueries,
} from '../src';
import { rates } from '../src/counting/project-facts';
import { targetProgressFacts } from '../src/target-progress/target-progress.document';
import { yearToDate } from '../src/target-progress/target-progress.compute';
import { GOLDEN, goldenStreams, wan, yi } from '../src/testing';
import { projectScenario, type ProjectedScenario } from './support/projected-scenario';

describe('golden year 2024 of one development zone (R11 targets, R12 rates)', () => {
  let ctx: ProjectedScenario;

  beforeAll(async () => {
    ctx = await projectScenario('golden', goldenStreams());
  });
  afterAll(() => ctx.close());

  const metric = (view: { metrics: ReadonlyArray<{ metric: string }> } | undefined, key: string) => {
    const m = view?.metrics.find((x) => x.metric === key);
    if (m === undefined) throw new Error(`no metric ${key}`);
    return m as unknown as {
      actual: number;
      target: number;
      expected: number;
      percent: number;
      light: string;
      numerator?: number;
      denominator?: number;
      series: Array<{ month: string; inMonth: number; cumulative: number }>;
    };
  };

  it('at year end: every R11 metric of the zone, each project counted once', async () => {
    const view = await targetProgressQueries(ctx.store).unit(GOLDEN.zone, GOLDEN.year, date('2024-12-31'));
    expect(view?.elapsedFraction).toBe(1);
    // R11 · 000 §二「搜集招商信息 50 条」counts every lead captured in 2024, whatever became of it:
    // J01–J14 = 14, less J07 (a duplicate of 高新区's G01, counted there) = 13; J14 (discarded) counts.
    expect(metric(view, 'capturedLeads')).toMatchObject({
      target: 50,
      actual: 13,
      expected: 50,
      percent: 26,
      light: 'red',
    });
    expect(view?.metrics.some((m) => m.metric === 'leads')).toBe(false); // the zone's plan does not count qualified leads
    expect(metric(view, 'plannedProjects')).toMatchObject({ target: 10, actual: 3, percent: 30 });
    // ≥ 1亿: J01 5亿, J02 2亿, J03 1.5亿 after its amendment, J04 1.2亿, J05 3亿 (terminated, still signed).
    expect(metric(view, 'signedProjects')).toMatchObject({ target: 6, actual: 5 });
    expect(metric(view, 'signedAgreementFunds')).toMatchObject({ target: yi(50), actual: yi(12.7) });
    // ≥ 5000万: J01, J02, J03, J04, J06 (0.6亿).
    expect(metric(view, 'startedProjects')).toMatchObject({ target: 10, actual: 5, percent: 50 });
    expect(metric(view, 'projectsInProduction')).toMatchObject({ actual: 1 });
    // 2500 (J00) + 42000 (J01) + 11000 (J02) + 2500 (J03) + 1500 (J04) + 3000 (J06) 万元 = 6.25亿
    expect(metric(view, 'fixedAssetInvestment')).toMatchObject({ target: yi(12), actual: wan(62_500) });
    // R11 · 000 §二「利用外资」is money received: J01 1800 + 700 and J05 500 万美元 arrived in 2024 = 3000万美元
    // (in cents); the agreements' 3000 + 2000 万美元 are commitments and are not counted.
    expect(metric(view, 'foreignCapital')).toMatchObject({
      target: 9_000 * 1_000_000,
      actual: 3_000 * 1_000_000,
      percent: 33.33,
    });
    // R11 · DOMAIN.md §5: each month's point is the figure as it stood at that month's end. J03 (0.8亿, May)
    // enters the ≥ 1亿 band by its amendment on 1 August: it shows in August, May stays 0.
    expect(metric(view, 'signedProjects').series.map((p) => p.inMonth)).toEqual([
      0, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0,
    ]);
    expect(metric(view, 'signedAgreementFunds').series.map((p) => p.inMonth)).toEqual([
      0,
      yi(5),
      yi(2),
      0,
      0,
      yi(1.2),
      yi(3),
      yi(1.5),
      0,
      0,
      0,
      0,
    ]);
    expect(metric(view, 'signedAgreementFunds').series[11]?.cumulative).toBe(yi(12.7));
    expect(view?.duplicatesExcluded).toBe(1);
  });

  it('at mid-year: 序时进度 for 30 June, with the figures as they stood then', async () => {
    const view = await targetProgressQueries(ctx.store).unit(GOLDEN.zone, GOLDEN.year, date('2024-06-30'));
    expect(view?.elapsedDays).toBe(182);
    expect(view?.daysInYear).toBe(366);
    // 50 × 182/366 = 24.86. Captured by 30 June: J01–J09 and J14 = 10 — J07 too, as its duplicate link
    // was made only on 1 September (R13 · 004 §(十六): duplicates resolved as they stood on the date):
    // 20 % against 49.73 % elapsed, 29.73 points behind: yellow (10–30).
    expect(metric(view, 'capturedLeads')).toMatchObject({
      actual: 10,
      expected: 24.86,
      percent: 20,
      light: 'yellow',
    });
    // R11 · 000 §二: by 30 June only J01's first 1800万美元 had arrived.
    expect(metric(view, 'foreignCapital')).toMatchObject({ actual: 1_800 * 1_000_000 });
    // J03 was 0.8亿 until its amendment in August: not yet ≥ 1亿 on 30 June.
    expect(metric(view, 'signedProjects')).toMatchObject({
      actual: 3,
      expected: 2.98,
      percent: 50,
      light: 'blue',
    });
    expect(metric(view, 'signedAgreementFunds')).toMatchObject({
      actual: yi(8.2),
      expected: Math.round((yi(50) * 182) / 366),
    });
    expect(metric(view, 'fixedAssetInvestment')).toMatchObject({ actual: wan(23_500) });
    const series = metric(view, 'fixedAssetInvestment').series;
    expect(series.map((p) => p.inMonth)).toEqual([
      wan(1000),
      wan(1000),
      wan(500),
      wan(3000),
      wan(7000),
      wan(11_000),
    ]);
    expect(series[5]?.cumulative).toBe(wan(23_500));
    expect(metric(view, 'plannedProjects')).toMatchObject({ actual: 2 });
  });

  it('the two rates of R12 for the zone and the region, at mid-year and year end', async () => {
    const q = targetProgressQueries(ctx.store);
    const district = await q.region(GOLDEN.year, date('2024-12-31'));
    // The zone alone: signed J01–J06, started by year end all but J05 → 5/6 = 83.33 %;
    // started J01–J04, J06, in the statistics all but J04 → 4/5 = 80 %.
    const facts = await ctx.store.findAll(targetProgressFacts, { filter: { unitId: GOLDEN.zone } });
    const zone = rates(facts, yearToDate(GOLDEN.year, date('2024-12-31')));
    expect(zone.signedToStarted).toEqual({ numerator: 5, denominator: 6, basisPoints: 8333 });
    expect(zone.startedToStatistics).toEqual({ numerator: 4, denominator: 5, basisPoints: 8000 });
    // Region: signed 8 (J01–J06, G01, C01), started by year end 7 → 87.5 %; started 7, in statistics 6 → 85.71 %.
    expect(metric(district, 'signedToStartedRate')).toMatchObject({
      numerator: 7,
      denominator: 8,
      actual: 8750,
      target: 7500,
      light: 'green',
    });
    expect(metric(district, 'startedToStatisticsRate')).toMatchObject({
      numerator: 6,
      denominator: 7,
      actual: 8571,
      light: 'green',
    });
    // Region ≥ 1亿: signed J01–J05, G01, C01 (J07 counted once, as G01); started J01–J04, G01, C01.
    expect(metric(district, 'signedProjects')).toMatchObject({ actual: 7, target: 117 });
    expect(metric(district, 'startedProjects')).toMatchObject({ actual: 6, target: 79 });
    const mid = await q.region(GOLDEN.year, date('2024-06-30'));
    // Signed by 30 June: J01–J04, C01; started J01, J02, C01 → 60 %, 15 points short of 75 %: yellow.
    // Started by 30 June J01, J02, C01; in the statistics J01, C01 → 66.67 %.
    expect(metric(mid, 'signedToStartedRate')).toMatchObject({
      numerator: 3,
      denominator: 5,
      actual: 6000,
      light: 'yellow',
    });
    expect(metric(mid, 'startedToStatisticsRate')).toMatchObject({
      numerator: 2,
      denominator: 3,
      actual: 6667,
    });
  });

  it('the register marks the duplicate and lights late nodes', async () => {
    const reg = registerQueries(ctx.store);
    const dup = await reg.get('J07', date('2024-12-31'));
    expect(dup).toMatchObject({ duplicateOf: 'G01', counted: false, stage: 'signed' });
    const j02 = await reg.get('J02', date('2024-06-30'));
    // Its procedure was due 3 working days after 20 June and is still open on 30 June.
    expect(j02?.nodeLights.find((n) => n.key === 'procedure:J02-HP')?.light).toBe('red');
    expect(j02?.statisticsLight).toBe('yellow'); // started 10 May, not in the statistics 1 month later
    const page = await reg.list({
      asOf: date('2024-12-31'),
      filter: { unitId: GOLDEN.zone, signed: true },
      sort: [{ field: 'investment', direction: 'desc' }],
      page: { limit: 3 },
    });
    expect(page.total).toBe(8);
    expect(page.items.map((i) => i.projectId)).toEqual(['J07', 'J01', 'J05']);
  });

  it('performance review of three units for 2024 under the default policy: scores and ranking', async () => {
    const review = await performanceReviewQueries(ctx.store).review({ period: { kind: 'year', year: 2024 } });
    const byUnit = Object.fromEntries(review.units.map((u) => [u.unitId, u]));
    // 高新区: 2 + 15 + 10 + 5 + 15 + 0 + 5 + 5 = 57 (see the spec's table).
    expect(byUnit['gaoxin']).toMatchObject({ score: 57, rank: 1 });
    // 城西: 4 + 6.5 + 10 + 5 + 10 + 0 + 5 + 5 − 5 (six missed monthly reports, capped at 5) = 40.5.
    expect(byUnit['chengxi']).toMatchObject({ score: 40.5, rank: 2, missedInvestmentReports: 6 });
    // 经开区: its plan counts 搜集招商信息 (000 §二), so its leads score 13/50 × 10 = 2.6 (R11; the
    // 有效线索 rule does not apply to it): 2.6 + 10.8733 + 10 + 4 + 10.4167 + 1 + 5 + 5 − 3 − 0.5 − 5 − 5 = 35.39.
    const zone = byUnit['jingkai'];
    expect(zone).toMatchObject({
      score: 35.39,
      rank: 3,
      missedMilestones: 3,
      overdueProcedures: 1,
      terminations: 1,
      duplicates: 1,
      missedInvestmentReports: 9,
    });
    // Open at year end: J04's missed start was met on 20 September, J05's two misses left with its termination.
    expect(zone?.openMissedMilestones).toBe(0);
    expect(zone?.counts).toEqual({
      effectiveLeads: 12,
      newSignings: 6,
      newStarts: 5,
      newStatisticsEntries: 4,
      investmentCompleted: wan(62_500),
      newCompletions: 1,
      newProduction: 1,
    });
    expect(zone?.rates.signedToStarted.basisPoints).toBe(8333);
    expect(zone?.tripDays).toBe(18);
    expect(review.units.map((u) => u.unitId)).toEqual(['gaoxin', 'chengxi', 'jingkai']);
  });

  it('R15: trip days of a quarter and the months a principal fell short of the minimum', async () => {
    const review = await performanceReviewQueries(ctx.store).review({
      period: { kind: 'quarter', year: 2024, index: 1 },
      policy: {
        name: 'trips only',
        rules: [
          { id: 'r15', label: '外出招商', form: 'per-item', measure: { kind: 'tripShortfalls' }, points: -2 },
        ],
        principals: { jingkai: { leaderId: 'jingkai-principal', minimum: { trips: 1, days: 5 } } },
      },
      unitIds: ['jingkai'],
    });
    // 8–12 Jan: 5 days; 26 Feb – 2 Mar: 4 days in February and 2 in March → February and March short.
    expect(review.units[0]).toMatchObject({ tripDays: 11, tripShortfalls: 2, score: -4 });
  });

  it('the supervision list on 25 October: who answers for what, and for how long', async () => {
    const list = await supervisionQueries(ctx.store).list({
      asOf: date('2024-10-25'),
      filter: { unitId: GOLDEN.zone },
      page: { limit: 1000 },
    });
    // The golden year records no visits: its weeks without one (R18) are tested apart (visits tests).
    const deadlines = (items: typeof list.items) => items.filter((i) => i.kind !== 'visit-week');
    const rows = deadlines(list.items).map((i) => [i.projectId, i.milestoneKind ?? i.kind, i.daysOverdue]);
    // J02's procedure (due 25 June) is open; J05 missed its agreed start (13 Sep) and the three-month rule (15 Oct);
    // J04's missed start was met on 20 September and left the list.
    expect(rows).toEqual([
      ['J02', 'procedure', 122],
      ['J05', 'agreed-start', 42],
      ['J05', 'exit-no-start', 10],
    ]);
    expect(deadlines(list.items)[1]?.owner?.leaderId).toBe('jingkai-responsible-leader');
    const after = await supervisionQueries(ctx.store).list({
      asOf: date('2024-11-30'),
      filter: { unitId: GOLDEN.zone },
      page: { limit: 1000 },
    });
    expect(deadlines(after.items).map((i) => i.projectId)).toEqual(['J02']); // J05 terminated on 10 November
  });

  it('fulfilment monitoring shows the terminated project in red', async () => {
    const f = fulfilmentQueries(ctx.store);
    expect(await f.get('J05', date('2024-12-31'))).toMatchObject({
      light: 'red',
      terminatedOn: '2024-11-10',
      committed: { totalInvestment: yi(3) },
    });
    expect(await f.get('J08', date('2024-12-31'))).toBeUndefined(); // never signed
    const page = await f.list({
      asOf: date('2024-12-31'),
      filter: { unitId: GOLDEN.zone },
      page: { limit: 100 },
    });
    expect(page.total).toBe(8);
  });
});
