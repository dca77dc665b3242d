/**
 * The command handler with and without its cache of folded states, on streams that already hold
 * 1, 20 and 100 events: commands per second and CPU per command, in the same run on the same disk.
 *
 *   node --import tsx packages/eventstore/bench/command-handler.bench.ts [--commands 6000] [--streams 64] [--runs 3]
 *
 * Durable appends (synchronous=FULL, group commit) from `streams` concurrent callers, one per
 * stream; without the cache every command reads and folds its whole stream (which grows as the run
 * appends), with it a command is decided on the cached state and the append confirms it.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { commandHandler, type Decider } from '../src/command-handler';
import { openSqliteEventStore } from '../src/sqlite';
import { makeTempDir } from '../src/testing/sqlite-harness';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const commands = arg('commands', 6000);
const streams = arg('streams', 64);
const runs = arg('runs', 3);

// Invented miniature: a progress report adds to a running total (a fold over every event).
type Reported = {
  readonly type: 'ProgressReported';
  readonly data: { readonly amount: number; readonly note: string };
};
const progress: Decider<{ readonly amount: number }, Reported, number, never> = {
  initialState: 0,
  evolve: (total, e) => total + e.data.amount,
  decide: (c) =>
    E.right([{ type: 'ProgressReported', data: { amount: c.amount, note: '季度进度：土建完成 60%' } }]),
  isTerminal: () => false,
};
const context = () => ({
  commandId: randomUUID(),
  actor: { userId: 'bench', role: 'officer', unitId: 'unit-1' },
  businessTime: '2025-01-01T00:00:00.000Z',
});

interface Run {
  readonly perSecond: number;
  readonly cpuMicros: number;
}

const once = async (history: number, cachedStreams: number): Promise<Run> => {
  const dir = makeTempDir('handler-bench');
  const store = openSqliteEventStore({ file: join(dir, 'bench.sqlite'), durability: 'full' });
  const handle = commandHandler(store, progress, { cachedStreams });
  for (let s = 0; s < streams; s++) {
    const events = Array.from({ length: history }, () => ({
      type: 'ProgressReported',
      data: { amount: 1, note: '季度进度：土建完成 60%' },
    }));
    await store.append(`project-${s}`, events, { expectedRevision: 'no-stream', context: context() });
  }
  let started = 0;
  const cpu = process.cpuUsage();
  const t = performance.now();
  await Promise.all(
    Array.from({ length: streams }, async (_, s) => {
      while (started < commands) {
        started += 1;
        const outcome = await handle(`project-${s}`, { amount: 1 }, context());
        if (E.isLeft(outcome)) throw new Error(JSON.stringify(outcome.left));
      }
    }),
  );
  const elapsed = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { perSecond: started / elapsed, cpuMicros: (used.user + used.system) / started };
};

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};
const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

const main = async (): Promise<void> => {
  console.log(
    `command handler: ${fmt(commands)} commands from ${streams} concurrent callers (one stream each), durable appends, median of ${runs} runs`,
  );
  for (const history of [1, 20, 100]) {
    const reading: Run[] = [];
    const cached: Run[] = [];
    for (let i = 0; i < runs; i++) {
      // Interleaved so that both sides see the same machine.
      reading.push(await once(history, 0));
      cached.push(await once(history, 10_000));
    }
    const r = {
      perSecond: median(reading.map((x) => x.perSecond)),
      cpu: median(reading.map((x) => x.cpuMicros)),
    };
    const c = {
      perSecond: median(cached.map((x) => x.perSecond)),
      cpu: median(cached.map((x) => x.cpuMicros)),
    };
    console.log(
      `streams of ${String(history).padStart(3)} events (+${fmt(commands / streams)} during the run): ` +
        `reading each stream ${fmt(r.perSecond)} commands/s, ${fmt(r.cpu)} µs CPU each | ` +
        `cached states ${fmt(c.perSecond)} commands/s, ${fmt(c.cpu)} µs CPU each`,
    );
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
