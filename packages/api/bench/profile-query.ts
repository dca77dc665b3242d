/**
 * Where a route's CPU goes: `node --import tsx packages/api/bench/profile-query.ts [register|target|bare]`
 * (after `npm run build`). Starts the bench's server (bench-server.ts, the demo region) under
 * `node --cpu-prof`, warms the route up for 2 s, loads it for PROFILE_SECONDS (default 6) with
 * autocannon (10 connections), stops the server and prints the server's CPU per request and the
 * frames with the most self time during the load (not the start-up). The profile stays in
 * PROFILE_DIR (default a temporary directory) for Chrome DevTools or speedscope.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { captureBody, type ServerReady, type ServerStats } from './bench-protocol';

const which = process.argv[2] ?? 'register';
const seconds = Number(process.env.PROFILE_SECONDS ?? 6);
const dir = process.env.PROFILE_DIR ?? mkdtempSync(path.join(tmpdir(), 'zhaoshang-profile-'));

/** The parts of a V8 CPU profile (`.cpuprofile`) this summary reads. */
interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }>;
  readonly samples: ReadonlyArray<number>;
  readonly timeDeltas: ReadonlyArray<number>;
  readonly endTime: number;
  readonly startTime: number;
}

/** Self time by frame over the last `window` seconds of the profile, most first. */
const topFrames = (profile: CpuProfile, window: number, count: number): string[] => {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const from = profile.endTime - window * 1e6;
  const self = new Map<string, number>();
  let at = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from) return;
    const f = frames.get(id);
    const where = (f?.url ?? '').replace(/.*node_modules\//, '').replace(/.*\/packages\//, 'packages/');
    const key = `${f?.functionName || '(anonymous)'} ${where}${where === '' ? '' : `:${(f?.lineNumber ?? 0) + 1}`}`;
    self.set(key, (self.get(key) ?? 0) + 1);
    total += 1;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, n]) => `${((100 * n) / total).toFixed(1).padStart(5)}%  ${key}`);
};

const child = fork(path.join(__dirname, 'bench-server.ts'), [], {
  env: { ...process.env, BENCH_SERVER: which === 'bare' ? 'bare' : 'app' },
  // PROFILE=0: the same load without the profiler (the CPU per request as the bench sees it).
  execArgv: [
    '--import',
    'tsx',
    ...(process.env.PROFILE === '0' ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`]),
  ],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const stats = (): Promise<ServerStats> =>
  new Promise((resolve) => {
    const on = (m: { stats?: ServerStats }): void => {
      if (m.stats === undefined) return;
      child.off('message', on);
      resolve(m.stats);
    };
    child.on('message', on);
    child.send('stats');
  });

child.on('message', (m: { ready?: ServerReady }) => {
  if (m.ready === undefined) return;
  const { url, reader, officer } = m.ready;
  const target =
    which === 'bare'
      ? `${url}/bare`
      : which === 'target'
        ? `${url}/targets/jingkaiqu/2024/progress?asOf=2024-12-31`
        : `${url}/projects?unitId=jingkaiqu`;
  const load = (duration: number) =>
    autocannon({ url: target, connections: 10, duration, headers: { authorization: reader } });
  let lead = 0;
  const capture = (duration: number) =>
    autocannon({
      url: `${url}/projects`,
      connections: 10,
      duration,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: officer },
          setupRequest: (req) => ({
            ...req,
            body: captureBody(`PROFILE-${(lead += 1)}`),
          }),
        },
      ],
    });
  void (async () => {
    // PROFILE_COMMANDS_FIRST=s: s seconds of CaptureLead before (the bench's later rounds run after commands).
    const first = Number(process.env.PROFILE_COMMANDS_FIRST ?? 0);
    if (first > 0 && which !== 'bare') {
      await capture(first);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
    await load(2);
    await stats();
    const r = await load(seconds);
    const s = await stats();
    child.once('exit', () => {
      // The main thread's profile is the largest (workers, e.g. tsx's, write their own).
      const file = readdirSync(dir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => path.join(dir, f))
        .sort((a, b) => statSync(a).size - statSync(b).size)
        .at(-1);
      console.log(
        `${which}: ${r.requests.average.toFixed(0)} req/s, ${(s.cpuMicros / r.requests.total).toFixed(0)} µs CPU per request${process.env.PROFILE === '0' ? '' : ' (under the profiler)'}, ${r.non2xx} non-2xx`,
      );
      if (file === undefined) return;
      const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
      console.log(`Self time during the load (${file}):`);
      for (const line of topFrames(profile, seconds, Number(process.env.PROFILE_TOP ?? 25)))
        console.log(line);
    });
    child.send('stop');
  })();
});
