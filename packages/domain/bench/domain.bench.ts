/**
 * npm run bench:domain — throughput of the domain's hot paths on 1,000,000 events over 10,000
 * project streams (100 events each, a whole realistic lifecycle per project):
 *   floor   JSON.parse of each stored event (what any reader pays)
 *   decode  JSON.parse + io-ts decoding of the same events (ProjectEventCodec)
 *   evolve  folding the decoded events into the 10,000 project states with the fast fold
 *           (foldProject, project.fold.ts: what a stream load does); also shown: the plain
 *           evolveProject called once per event (a spread copy of the state each time)
 * Medians of several runs; the ratio of decode to the floor is printed in the same run. Each
 * measure consumes its output without keeping it (the floor keeps nothing either).
 */
import * as E from 'fp-ts/Either';
import {
  evolveProject,
  foldProject,
  initialProjectState,
  ProjectEvent,
  ProjectEventCodec,
  ProjectState,
} from '@zhaoshang/domain';
import { lifecycleCommands, runScript } from './lifecycle';

const STREAMS = Number(process.env.BENCH_STREAMS ?? 10_000);
const PER_STREAM = 100;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const time = (f: () => void): number => {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e9;
};

// One template history, re-identified per stream: every stream's events are distinct strings.
const template = JSON.stringify(
  runScript(lifecycleCommands('TEMPLATE', PER_STREAM)).map((e) => ProjectEventCodec.encode(e)),
);
const stored: string[][] = [];
for (let s = 0; s < STREAMS; s += 1) {
  const events = JSON.parse(template.replaceAll('TEMPLATE', `p-${String(s).padStart(5, '0')}`)) as unknown[];
  stored.push(events.map((e) => JSON.stringify(e)));
}
const total = STREAMS * PER_STREAM;
const bytes = stored.reduce((n, xs) => n + xs.reduce((m, x) => m + x.length, 0), 0);
console.log(
  `bench:domain — Node ${process.version}, ${total.toLocaleString('en-US')} events over ${STREAMS.toLocaleString('en-US')} streams, ${(bytes / total).toFixed(0)} bytes/event, ${RUNS} runs`,
);

let sink = 0;
const decodeEvent = (x: unknown): ProjectEvent => {
  const r = ProjectEventCodec.decode(x);
  if (E.isLeft(r)) throw new Error('decode failed');
  return r.right;
};
// Inputs of the decode-alone and evolve measures, prepared outside the timed regions.
const parsed: unknown[][] = stored.map((xs) => xs.map((x) => JSON.parse(x)));
const decoded: ProjectEvent[][] = parsed.map((xs) => xs.map(decodeEvent));
const floor: number[] = [];
const decode: number[] = [];
const decodeOnly: number[] = [];
const evolve: number[] = [];
const evolveEach: number[] = [];

for (let run = 0; run < RUNS; run += 1) {
  // Each measure consumes what it produces (nothing is kept), as a stream reader does.
  floor.push(
    time(() => {
      for (const xs of stored) for (const x of xs) sink += (JSON.parse(x) as { type: string }).type.length;
    }),
  );
  decode.push(
    time(() => {
      for (const xs of stored) for (const x of xs) sink += decodeEvent(JSON.parse(x)).type.length;
    }),
  );
  decodeOnly.push(
    time(() => {
      for (const xs of parsed) for (const x of xs) sink += decodeEvent(x).type.length;
    }),
  );
  evolve.push(
    time(() => {
      for (const events of decoded) {
        const s = foldProject(events);
        if (s.status !== 'none') sink += s.cumulativeInvestment > 0 ? 1 : 0;
      }
    }),
  );
  evolveEach.push(
    time(() => {
      for (const events of decoded) {
        let s: ProjectState = initialProjectState;
        for (const e of events) s = evolveProject(s, e);
        if (s.status !== 'none') sink += s.cumulativeInvestment > 0 ? 1 : 0;
      }
    }),
  );
}

const rate = (secs: number[]) => total / median(secs);
const rows = [
  ['floor: JSON.parse', rate(floor), 1],
  ['decode: JSON.parse + io-ts', rate(decode), rate(decode) / rate(floor)],
  ['  (io-ts decode alone)', rate(decodeOnly), rate(decodeOnly) / rate(floor)],
  ['evolve: fold streams (foldProject)', rate(evolve), rate(evolve) / rate(floor)],
  ['  (plain evolveProject per event)', rate(evolveEach), rate(evolveEach) / rate(floor)],
] as const;
console.log('');
console.log('measure                               events/s (median)   × floor');
for (const [name, r, ratio] of rows)
  console.log(`${name.padEnd(37)} ${fmt(r).padStart(17)}   ${ratio.toFixed(2)}`);
console.log('');
console.log(
  `aims: evolve ≥ 5,000,000 events/s → ${rate(evolve) >= 5e6 ? 'met' : 'NOT met'}; decode ≥ 0.25 × floor → ${rate(decode) / rate(floor) >= 0.25 ? 'met' : 'NOT met'}`,
);
if (sink === -1) console.log(sink);
