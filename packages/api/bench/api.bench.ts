/**
 * `npm run bench:api`, in one run on this machine (issue #6):
 *
 * 1. Closed loop (autocannon, BENCH_CONNECTIONS connections, BENCH_SECONDS per scenario, medians of
 *    BENCH_ROUNDS rounds): a bare NestJS route (the floor every route pays; the baseline), the
 *    register and target-progress queries over the demo region, capture-lead commands and a stage
 *    transition (QualifyLead, each on a lead captured in the same round). req/s, p50, p99, ratio to
 *    the bare route.
 * 2. Fixed rate (open loop, see open-loop.ts): CaptureLead at BENCH_RATE requests/s (default 1,000)
 *    for BENCH_RATE_SECONDS, BENCH_RATE_RUNS runs: achieved rate, p50, p99, and whether p99 ≤ 20 ms.
 * 3. The highest fixed command rate whose p99 ≤ 50 ms (and which is held, without failures): a few
 *    bisection steps (BENCH_SEARCH_STEPS), each the median of BENCH_SEARCH_RUNS runs of
 *    BENCH_SEARCH_SECONDS.
 * 4. One extra closed-loop CaptureLead line on a store with durability 'normal' (NOT durable against
 *    a power cut; for comparison only: it shows what fsync costs). BENCH_NORMAL=0 leaves it out.
 *
 * Every server runs in a child process of its own (bench-server.ts), as in production; the load is
 * generated here. Commands are durable: the store runs with durability 'full' (synchronous=FULL,
 * group commit), so every acknowledged command survived a power cut.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { captureBody, type ServerReady, type ServerStats } from './bench-protocol';
import { openLoop, type LoadRequest, type OpenLoopResult } from './open-loop';

const num = (name: string, fallback: number, min = 1): number => {
  const raw = process.env[name];
  const v = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(v) && v >= min ? v : fallback;
};
const seconds = num('BENCH_SECONDS', 4);
const connections = num('BENCH_CONNECTIONS', 10);
const rounds = num('BENCH_ROUNDS', 3);
const fixedRate = num('BENCH_RATE', 1000);
const rateSeconds = num('BENCH_RATE_SECONDS', 5);
/** 0: the closed-loop table only. */
const rateRuns = num('BENCH_RATE_RUNS', 3, 0);
const searchSteps = num('BENCH_SEARCH_STEPS', 4);
const searchSeconds = num('BENCH_SEARCH_SECONDS', 3);
const searchRuns = num('BENCH_SEARCH_RUNS', 3);
const P99_AT_RATE_MS = 20;
const P99_SEARCH_MS = 50;

interface Server {
  readonly ready: ServerReady;
  readonly stats: () => Promise<ServerStats>;
  readonly stop: () => Promise<void>;
}

const startServer = (kind: 'bare' | 'app', durability: 'full' | 'normal' = 'full'): Promise<Server> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = fork(path.join(__dirname, 'bench-server.ts'), [], {
      env: { ...process.env, BENCH_SERVER: kind, BENCH_DURABILITY: durability },
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const waiters: Array<(stats: ServerStats) => void> = [];
    child.on('message', (message: { ready?: ServerReady; stats?: ServerStats }) => {
      if (message.ready !== undefined) {
        const ready = message.ready;
        resolve({
          ready,
          stats: () =>
            new Promise((done) => {
              waiters.push(done);
              child.send('stats');
            }),
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.send('stop');
            }),
        });
      }
      if (message.stats !== undefined) waiters.shift()?.(message.stats);
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });

interface Measure {
  readonly rps: number;
  /** req/s over the bare route's req/s of the same round. */
  readonly ratio?: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
  /** Server CPU per request (µs) and appends per store transaction, when the server reports them. */
  readonly cpuPerRequest?: number;
  readonly appendsPerCommit?: number;
}

const closedLoop = async (server: Server, options: Parameters<typeof autocannon>[0]): Promise<Measure> => {
  await server.stats();
  const r = await autocannon({ connections, duration: seconds, ...options });
  const s = await server.stats();
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed: r.errors + r.non2xx,
    cpuPerRequest: r.requests.total > 0 ? s.cpuMicros / r.requests.total : Number.NaN,
    ...(s.transactions > 0 ? { appendsPerCommit: s.appends / s.transactions } : {}),
  };
};

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const medianOf = (runs: ReadonlyArray<Measure>, bare?: ReadonlyArray<Measure>): Measure => ({
  rps: median(runs.map((r) => r.rps)),
  ...(bare !== undefined ? { ratio: median(runs.map((r, i) => r.rps / (bare[i]?.rps ?? Number.NaN))) } : {}),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  failed: runs.reduce((n, r) => n + r.failed, 0),
  cpuPerRequest: median(runs.map((r) => r.cpuPerRequest ?? Number.NaN)),
  appendsPerCommit: median(runs.map((r) => r.appendsPerCommit ?? Number.NaN)),
});

const json = { 'content-type': 'application/json' };
/** Waits until the server's read models have caught up (a backlog would run during the next measurement). */
const settle = async (server: Server): Promise<void> => {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const res = await fetch(`${server.ready.url}/health/ready`);
    const body = (await res.json()) as { projections?: { lagEvents?: number } };
    if (body.projections?.lagEvents === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - [...s].length));
const fixed = (v: number | undefined, digits = 0): string =>
  v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits);

/** A closed-loop CaptureLead run, each lead with a new project id (`prefix-n`); `leads()` tells how many were sent. */
const captureRun = (server: Server, prefix: string): { run: () => Promise<Measure>; leads: () => number } => {
  let captured = 0;
  return {
    leads: () => captured,
    run: () =>
      closedLoop(server, {
        url: server.ready.url,
        requests: [
          {
            method: 'POST',
            path: '/projects',
            headers: { ...json, authorization: server.ready.officer },
            setupRequest: (req) => ({ ...req, body: captureBody(`${prefix}-${(captured += 1)}`) }),
          },
        ],
      }),
  };
};

const main = async (): Promise<void> => {
  const startedAt = Date.now();
  const withNormal = process.env.BENCH_NORMAL !== '0';
  const [bare, api, relaxed] = await Promise.all([
    startServer('bare'),
    startServer('app'),
    withNormal ? startServer('app', 'normal') : Promise.resolve(undefined),
  ]);
  const { url, officer, reader, seeded } = api.ready;
  // Before each measurement every app server's read models catch up: a projection backlog left by
  // one run would otherwise be worked off during the next one.
  const quiet = async (): Promise<void> => {
    await settle(api);
    if (relaxed !== undefined) await settle(relaxed);
  };

  // 1. Closed loop. Every round runs every scenario, so that each ratio compares runs made under
  // the same conditions (the machine is shared). Commands act in a unit of their own: the queries
  // read the demo region only.
  const runs: Record<'bare' | 'register' | 'target' | 'capture' | 'qualify' | 'normal', Measure[]> = {
    bare: [],
    register: [],
    target: [],
    capture: [],
    qualify: [],
    normal: [],
  };
  for (let round = 1; round <= rounds; round++) {
    await quiet();
    runs.bare.push(await closedLoop(bare, { url: `${bare.ready.url}/bare` }));
    await quiet();
    runs.register.push(
      await closedLoop(api, { url: `${url}/projects?unitId=jingkaiqu`, headers: { authorization: reader } }),
    );
    await quiet();
    runs.target.push(
      await closedLoop(api, {
        url: `${url}/targets/jingkaiqu/2024/progress?asOf=2024-12-31`,
        headers: { authorization: reader },
      }),
    );
    await quiet();
    const capture = captureRun(api, `BENCH-${round}`);
    runs.capture.push(await capture.run());
    // Each lead of this round qualified once: every request is a real transition that appends.
    await quiet();
    let qualified = 0;
    runs.qualify.push(
      await closedLoop(api, {
        url,
        amount: capture.leads(),
        requests: [
          {
            method: 'POST',
            headers: { ...json, authorization: officer },
            setupRequest: (req) => ({
              ...req,
              path: `/projects/BENCH-${round}-${(qualified += 1)}/qualification`,
              body: JSON.stringify({ on: '2024-03-08', assessment: '有效线索' }),
            }),
          },
        ],
      }),
    );
    if (relaxed !== undefined) {
      await quiet();
      runs.normal.push(await captureRun(relaxed, `NORMAL-${round}`).run());
    }
  }
  await relaxed?.stop();

  // 2 and 3. Fixed rate, CaptureLead: every request appends durably.
  let series = 0;
  // The callers' connections: kept alive across runs, at most 256 open at once.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const atRate = async (server: Server, rate: number, runSeconds: number): Promise<OpenLoopResult> => {
    await settle(server);
    const tag = `RATE-${(series += 1)}`;
    const request = (i: number): LoadRequest => ({
      method: 'POST',
      path: '/projects',
      headers: { ...json, authorization: server.ready.officer },
      body: captureBody(`${tag}-${i}`),
    });
    return openLoop({ url: server.ready.url, rate, seconds: runSeconds, request, agent });
  };
  const holds = (r: OpenLoopResult, p99: number): boolean =>
    r.failed === 0 && r.achieved >= 0.95 * r.rate && r.p99 <= p99;

  if (rateRuns > 0) await atRate(api, fixedRate, 3); // warm-up at the rate (connections, JIT, heap sizes), not reported
  const fixedRuns: OpenLoopResult[] = [];
  for (let i = 0; i < rateRuns; i++) fixedRuns.push(await atRate(api, fixedRate, rateSeconds));

  // A step holds when its median run (by p99) holds: p99 ≤ 50 ms, the rate achieved, no failure.
  const medianRun = (rs: ReadonlyArray<OpenLoopResult>): OpenLoopResult =>
    [...rs].sort((a, b) => a.p99 - b.p99)[Math.floor((rs.length - 1) / 2)]!;
  const search: Array<{ readonly rate: number; readonly runs: OpenLoopResult[]; readonly holds: boolean }> =
    [];
  const medianFixed = median(fixedRuns.map((r) => r.p99));
  let lo = 0;
  let hi: number | undefined;
  if (fixedRuns.length > 0 && holds(medianRun(fixedRuns), P99_SEARCH_MS)) lo = fixedRate;
  else hi = fixedRate;
  for (let step = 0; fixedRuns.length > 0 && step < searchSteps; step++) {
    const rate = hi === undefined ? lo * 2 : Math.round((lo + hi) / 2 / 25) * 25;
    if (rate <= lo || (hi !== undefined && rate >= hi)) break;
    const stepRuns: OpenLoopResult[] = [];
    for (let i = 0; i < searchRuns; i++) stepRuns.push(await atRate(api, rate, searchSeconds));
    const ok = holds(medianRun(stepRuns), P99_SEARCH_MS) && stepRuns.every((r) => r.failed === 0);
    search.push({ rate, runs: stepRuns, holds: ok });
    if (ok) lo = rate;
    else hi = rate;
  }

  agent.destroy();
  await Promise.all([bare.stop(), api.stop()]);

  // Report.
  const base = medianOf(runs.bare, runs.bare);
  const normal = relaxed !== undefined ? medianOf(runs.normal, runs.bare) : undefined;
  console.log(
    `\nAPI benchmark, Node ${process.version}: each server in its own process, load generated by this one on the same machine.` +
      `\nDemo region of ${seeded?.projects ?? '?'} projects (${seeded?.events ?? '?'} events); embedded store, durability 'full' (synchronous=FULL, group commit).` +
      `\nClosed loop: ${connections} connections, ${seconds} s per run, median of ${rounds} rounds (vs bare: median of each round's ratio).\n`,
  );
  console.log(
    `${pad('scenario', 46)}${pad('req/s', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('vs bare', 9)}${pad('CPU µs/req', 12)}${pad('appends/commit', 16)}failed`,
  );
  const rows: Array<[string, Measure]> = [
    ['bare NestJS GET (baseline)', base],
    ['GET /projects?unitId= (register)', medianOf(runs.register, runs.bare)],
    ['GET /targets/:unit/:year/progress', medianOf(runs.target, runs.bare)],
    ['POST /projects (CaptureLead)', medianOf(runs.capture, runs.bare)],
    ['POST /projects/:id/qualification (QualifyLead)', medianOf(runs.qualify, runs.bare)],
  ];
  const row = (m: Measure): string =>
    `${pad(fixed(m.rps), 8)}${pad(fixed(m.p50), 8)}${pad(fixed(m.p99), 8)}${pad(fixed(m.ratio, 2), 9)}${pad(fixed(m.cpuPerRequest), 12)}${pad(fixed(m.appendsPerCommit, 1), 16)}${m.failed}`;
  for (const [name, m] of rows) console.log(`${pad(name, 46)}${row(m)}`);
  if (normal !== undefined) {
    console.log(`${pad("  same, durability 'normal' *", 46)}${row(normal)}`);
    console.log(
      '* for comparison only, NOT durable: synchronous=NORMAL skips the fsync at each commit, so a power cut may lose the last acknowledged commands.',
    );
  }
  if (fixedRuns.length > 0) {
    const line = (r: OpenLoopResult): string =>
      `${pad(`${r.rate}/s × ${r.seconds} s`, 16)}achieved ${pad(fixed(r.achieved), 6)} p50 ${pad(fixed(r.p50, 1), 7)} p99 ${pad(fixed(r.p99, 1), 8)} max ${pad(fixed(r.max, 1), 8)} failed ${r.failed}${r.failed > 0 ? ` ${JSON.stringify(r.failures)}` : ''}`;
    console.log(`\nFixed rate (open loop), POST /projects (CaptureLead), durable:`);
    for (const r of fixedRuns) console.log(`  ${line(r)}`);
    const met =
      medianFixed <= P99_AT_RATE_MS && fixedRuns.every((r) => r.achieved >= 0.95 * r.rate && r.failed === 0);
    console.log(
      `  → ${fixedRate} commands/s: median p99 ${fixed(medianFixed, 1)} ms — ${met ? `met (≤ ${P99_AT_RATE_MS} ms)` : `NOT met (aim: held, p99 ≤ ${P99_AT_RATE_MS} ms)`}`,
    );
    console.log(
      `\nHighest fixed command rate held with p99 ≤ ${P99_SEARCH_MS} ms (bisection; per step the median of ${searchRuns} runs of ${searchSeconds} s):`,
    );
    for (const step of search) {
      const m = medianRun(step.runs);
      console.log(
        `  ${line(m)}  ${step.holds ? 'holds' : 'does not hold'}  (p99 of the runs: ${step.runs.map((r) => fixed(r.p99, 1)).join(', ')})`,
      );
    }
    console.log(
      `  → ${lo > 0 ? `${lo} commands/s` : `below ${hi ?? '?'} commands/s`}${hi !== undefined ? ` (${hi}/s does not hold)` : ''}`,
    );
  }
  console.log(`\n(${((Date.now() - startedAt) / 1000).toFixed(0)} s)`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
