/**
 * How long the exports take, on the compiled package (npm run build first): a register of
 * BENCH_PROJECTS generated projects over BENCH_UNITS units (default 500 over 15, a county of
 * DOMAIN.md §6, then ten times that), and a bulletin of BENCH_UNITS units with eleven metrics
 * each. Building a workbook is synchronous CPU work on the caller's thread: an HTTP handler waits
 * this long and so does every other request on its event loop.
 *
 *   npm run bench:reports
 */
import { performance } from 'node:perf_hooks';
import type { MetricKey } from '@zhaoshang/domain';
import type { PerformanceReview, RegisterEntry, TargetProgressView } from '@zhaoshang/projections';
// The compiled package, as production runs it.
import { bulletinCsv, bulletinReportOf, bulletinXlsx, registerCsv, registerXlsx } from '../dist';

const units = Number(process.env['BENCH_UNITS'] ?? 15);
const sizes = (process.env['BENCH_PROJECTS'] ?? '500,5000').split(',').map(Number);
const RUNS = 5;

/** A deterministic sequence (no Math.random: the same run every time). */
const lcg = (seed: number) => () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);

const AS_OF = '2024-09-30' as RegisterEntry['asOf'];
const STAGES = ['lead', 'qualified', 'signed', 'under-construction', 'in-production', 'terminated'] as const;
const LIGHTS = ['green', 'blue', 'yellow', 'red'] as const;

const registerOf = (n: number): RegisterEntry[] => {
  const next = lcg(n);
  return Array.from({ length: n }, (_, i) => {
    const stage = STAGES[next() % STAGES.length]!;
    const investment = (next() % 500_000) * 1_000_000 + (next() % 1_000_000); // up to 50亿, to the 分
    return {
      projectId: `P${String(i).padStart(6, '0')}`,
      unitId: `unit-${i % units}`,
      name: `年产${i}万套新能源汽车零部件及配套项目`,
      origin: 'lead',
      stage,
      closed: stage === 'terminated',
      investorName: `某某新材料科技有限公司${i}`,
      investorCreditCode: '91350902MA31KQ8P55',
      industryChain: '新能源汽车',
      content: '',
      channel: 'by-investors',
      intendedInvestment: investment,
      investment,
      fixedAssetInvestment: Math.floor(investment * 0.8),
      landArea: 50,
      capturedOn: '2024-01-05' as RegisterEntry['capturedOn'],
      lastActivityOn: '2024-06-01' as RegisterEntry['capturedOn'],
      signedOn: '2024-03-01' as RegisterEntry['capturedOn'],
      leaders: { 'responsible-leader': { leaderId: 'LD-1', name: '王建国' } },
      cumulativeInvestment: next() % 10_000_000_000,
      nodes: [
        {
          key: 'procedure:HP',
          kind: 'procedure',
          label: '环评',
          dueOn: '2024-10-08' as RegisterEntry['capturedOn'],
        },
      ],
      nextDeadline: '2024-10-08' as RegisterEntry['capturedOn'],
      missedMilestones: i % 7 === 0 ? ['exit-no-start'] : [],
      counted: i % 50 !== 0,
      asOf: AS_OF,
      light: LIGHTS[next() % LIGHTS.length]!,
      nodeLights: [],
    };
  });
};

const METRICS: ReadonlyArray<readonly [MetricKey, 'count' | 'cny' | 'usd' | 'rate']> = [
  ['leads', 'count'],
  ['plannedProjects', 'count'],
  ['signedProjects', 'count'],
  ['signedAgreementFunds', 'cny'],
  ['startedProjects', 'count'],
  ['projectsInProduction', 'count'],
  ['fixedAssetInvestment', 'cny'],
  ['foreignCapital', 'usd'],
  ['statisticsEntries', 'count'],
  ['signedToStartedRate', 'rate'],
  ['startedToStatisticsRate', 'rate'],
];

/** A metric as the projections give it: amounts in integer 分 / cents, rates in basis points, counts with two-decimal 序时. */
const figuresOf = (
  metric: MetricKey,
  kind: 'count' | 'cny' | 'usd' | 'rate',
): TargetProgressView['metrics'][number] => {
  const base = { metric, kind, light: 'red' as const, series: [] };
  switch (kind) {
    case 'count':
      return { ...base, target: 50, actual: 20, percent: 40, expected: 37.43, gap: -17.43, lagPoints: 34.86 };
    case 'rate':
      return { ...base, target: 7500, actual: 6000, percent: 80, expected: 7500, gap: -1500, lagPoints: 15 };
    default:
      return {
        ...base,
        target: 500_000_000_000,
        actual: 123_456_789_01,
        percent: 2.47,
        expected: 374_316_939_891,
        gap: -362_971_261_0,
        lagPoints: 72.39,
      };
  }
};

const bulletinInputs = (): { review: PerformanceReview; progress: TargetProgressView[] } => {
  const ids = Array.from({ length: units }, (_, i) => `unit-${i}`);
  const review: PerformanceReview = {
    period: { kind: 'month', year: 2024, index: 9 },
    from: '2024-09-01' as RegisterEntry['asOf'],
    to: AS_OF,
    policy: 'default-R12-R15',
    units: ids.map((unitId, i) => ({
      unitId,
      counts: {
        effectiveLeads: i,
        newSignings: 2,
        newStarts: 1,
        newStatisticsEntries: 1,
        investmentCompleted: 123_456_789 * i,
        newCompletions: 0,
        newProduction: 1,
      },
      rates: {
        signedToStarted: { numerator: 2, denominator: 3, basisPoints: 6667 },
        startedToStatistics: { numerator: 1, denominator: 2, basisPoints: 5000 },
      },
      missedMilestones: 1,
      openMissedMilestones: 1,
      overdueProcedures: 0,
      terminations: 0,
      duplicates: 0,
      missedInvestmentReports: 0,
      tripDays: 5,
      trips: [],
      tripShortfalls: 0,
      score: 90 - i,
      breakdown: [{ rule: 'leads', label: '有效线索', points: 8 }],
      vetoed: false,
      rank: i + 1,
    })),
  };
  const progress = ids.map((unitId): TargetProgressView => ({
    unitId,
    year: 2024,
    scope: 'unit',
    asOf: AS_OF,
    elapsedDays: 274,
    daysInYear: 366,
    elapsedFraction: 274 / 366,
    light: 'yellow',
    projectsCounted: 30,
    duplicatesExcluded: 1,
    metrics: METRICS.map(([metric, kind]) => figuresOf(metric, kind)),
  }));
  return { review, progress };
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const time = async (label: string, f: () => Promise<Buffer | string> | Buffer | string): Promise<void> => {
  await f(); // warm up
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    const out = await f();
    ms.push(performance.now() - t0);
    bytes = Buffer.byteLength(out);
  }
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    `RESULT ${JSON.stringify({ label, medianMs: Math.round(median(ms)), bytes, runs: RUNS, maxRssMb: rssMb })}\n`,
  );
};

const main = async (): Promise<void> => {
  for (const n of sizes) {
    const entries = registerOf(n);
    await time(`register.xlsx ${n} projects / ${units} units`, () => registerXlsx(entries));
    await time(`register.csv ${n} projects`, () => registerCsv(entries));
  }
  const { review, progress } = bulletinInputs();
  const report = bulletinReportOf(review, progress, { computedAtPosition: '123456' });
  await time(`bulletin.xlsx ${units} units × ${METRICS.length} metrics`, () => bulletinXlsx(report));
  await time(`bulletin.csv ranking`, () => bulletinCsv(report));
};

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
