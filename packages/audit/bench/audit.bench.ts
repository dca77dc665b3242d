/**
 * What auditing costs against a floor, on the embedded store:
 * - project replay (read one 1,000-event stream, decode every event through the upcasters, fold);
 * - state as of a mid-history date (the same work plus a filter);
 * - whole-store verifyAll over 1,000,000 events (10,000 streams of 100);
 * beside each the floor: chained SHA-256 (node:crypto) over the same stored bytes (the rows'
 * `data` and `metadata` text read straight from SQLite through an already open connection), the
 * least any verifier must do.
 *
 *   node --max-old-space-size=8192 --import tsx packages/audit/bench/audit.bench.ts [--events 1000000] [--runs 5]
 *
 * Every figure is a median, and each is measured alternating run by run with its floor so that
 * both see the same machine load (the shared development host has spells ~1.7× slower that last
 * a few hundred milliseconds). verifyAll: `--runs` runs (at least 3). The project: 20 × `--runs`
 * rounds of replay, state-as-of and floor, after 10 untimed rounds (the JIT's warm-up: a replay
 * takes milliseconds), spread over a few seconds. The ratio printed for verifyAll is the floor's
 * time over verifyAll's: the share of the floor's throughput verification reaches (1.0 = as fast
 * as the floor).
 *
 * The 1,000,000-event store is generated with `durability: 'normal'` (no fsync per commit) and
 * 1,000 concurrent 100-event appends per round (group commit): it is throwaway test data, and
 * durability changes how fast it is written, not what is read back.
 */
import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ProjectEventCodec, projectEvents, unsafeId } from '@zhaoshang/domain';
import { openSqliteEventStore, type EventStore } from '@zhaoshang/eventstore';
import { makeTempDir } from '@zhaoshang/eventstore/testing';
import { lifecycleCommands, runScript } from '../../domain/bench/lifecycle';
import { projectHistory, stateAsOf, stateOfHistory } from '../src';
import { transparencyAppendBench, transparencyBench } from './transparency.bench';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const totalEvents = arg('events', 1_000_000);
const runs = Math.max(3, arg('runs', 5));
const skipTransparency = process.argv.includes('--no-transparency');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};
const WARM_UP_RUNS = 10;
const PROJECT_ROUNDS = 20 * runs;
/** Medians of each function's time, the functions run in turn round after round, after a warm-up. */
const alternating = async (fs: ReadonlyArray<() => Promise<unknown>>): Promise<number[]> => {
  for (let r = 0; r < WARM_UP_RUNS; r += 1) for (const f of fs) await f();
  const times = fs.map((): number[] => []);
  for (let r = 0; r < PROJECT_ROUNDS; r += 1)
    for (const [i, f] of fs.entries()) {
      const t = performance.now();
      await f();
      times[i]?.push(performance.now() - t);
    }
  return times.map(median);
};

/** Chained SHA-256 over every stored row's bytes (optionally of one stream), in position order. */
const floor = (db: Database.Database, stream?: string): number => {
  const rows = db
    .prepare<unknown[], { data: string; metadata: string }>(
      stream === undefined
        ? 'SELECT data, metadata FROM events ORDER BY position'
        : 'SELECT data, metadata FROM events WHERE stream = ? ORDER BY revision',
    )
    .iterate(...(stream === undefined ? [] : [stream]));
  let prev = '0'.repeat(64);
  for (const row of rows)
    prev = createHash('sha256').update(prev).update(row.data).update(row.metadata).digest('hex');
  return prev.length;
};

const context = (commandId: string) => ({
  commandId,
  actor: { userId: 'bench', role: 'project-manager', unitId: 'unit-1' },
  businessTime: '2025-01-01T00:00:00.000Z',
});

const projectBench = async (store: EventStore, file: string): Promise<void> => {
  const projectId = unsafeId.project('XM-BENCH-0001');
  const events = runScript(lifecycleCommands(projectId, 1000));
  const stream = `project-${projectId}`;
  for (let i = 0; i < events.length; i += 100) {
    await store.append(
      stream,
      events.slice(i, i + 100).map((e) => ({
        type: e.type,
        data: (ProjectEventCodec.encode(e) as { readonly data: unknown }).data,
        schemaVersion: projectEvents[e.type].version,
      })),
      {
        expectedRevision: i === 0 ? 'no-stream' : i - 1,
        context: {
          ...context(randomUUID()),
          businessTime: new Date(Date.UTC(2024, 0, 1 + i / 100)).toISOString(),
        },
      },
    );
  }
  const db = new Database(file, { readonly: true });
  const [replay = NaN, asOf = NaN, floorMs = NaN] = await alternating([
    async () => stateOfHistory(await projectHistory(store, projectId)),
    () => stateAsOf(store, projectId, { date: '2024-01-05' }),
    () => Promise.resolve(floor(db, stream)),
  ]);
  db.close();
  console.log(
    `project of ${events.length} events (median of ${PROJECT_ROUNDS} alternating rounds, after ${WARM_UP_RUNS} warm-up rounds):`,
  );
  console.log(
    `  replay (read+decode+fold)  ${replay.toFixed(1)} ms  = ${(replay / floorMs).toFixed(1)}× floor`,
  );
  console.log(`  state as of a date         ${asOf.toFixed(1)} ms  = ${(asOf / floorMs).toFixed(1)}× floor`);
  console.log(`  floor (chained SHA-256)    ${floorMs.toFixed(2)} ms`);
};

const storeBench = async (): Promise<void> => {
  const dir = makeTempDir('audit-bench');
  const file = join(dir, 'big.sqlite');
  const store = openSqliteEventStore({ file, durability: 'normal', maxBatchSize: 1000 });
  try {
    const streams = Math.ceil(totalEvents / 100);
    const generated = performance.now();
    for (let first = 0; first < streams; first += 1000) {
      const round = Array.from({ length: Math.min(1000, streams - first) }, (_, k) => first + k);
      await Promise.all(
        round.map((s) =>
          store.append(
            `project-S${s}`,
            Array.from({ length: 100 }, (_, n) => ({
              type: 'ProgressReported',
              data: { stream: s, n, note: '季度进度', amountFen: n * 1000 },
            })),
            { expectedRevision: 'no-stream', context: context(randomUUID()) },
          ),
        ),
      );
    }
    console.log(
      `generated ${streams * 100} events in ${((performance.now() - generated) / 1000).toFixed(1)} s (durability 'normal')`,
    );
    const verifyRuns: number[] = [];
    const floorRuns: number[] = [];
    let checked = 0;
    const db = new Database(file, { readonly: true });
    for (let r = 0; r < runs; r += 1) {
      let t = performance.now();
      floor(db);
      floorRuns.push(performance.now() - t);
      t = performance.now();
      const result = await store.verifyAll();
      verifyRuns.push(performance.now() - t);
      if (!result.ok) throw new Error('bench store does not verify');
      checked = result.checked;
    }
    db.close();
    const verifyMs = median(verifyRuns);
    const floorMs = median(floorRuns);
    console.log(`whole store of ${checked} events (median of ${runs}, verifyAll and floor alternating):`);
    console.log(
      `  verifyAll                  ${(verifyMs / 1000).toFixed(2)} s  = ${(floorMs / verifyMs).toFixed(2)}× the floor's throughput  (${Math.round(checked / (verifyMs / 1000))} events/s)`,
    );
    console.log(
      `  floor (chained SHA-256)    ${(floorMs / 1000).toFixed(2)} s  (${Math.round(checked / (floorMs / 1000))} events/s)`,
    );
    // 10,000 more events, so that two heads 1,000,000 events apart exist for the consistency proof.
    await Promise.all(
      Array.from({ length: 100 }, (_, k) =>
        store.append(
          `project-X${k}`,
          Array.from({ length: 100 }, (_, n) => ({ type: 'ProgressReported', data: { stream: k, n } })),
          { expectedRevision: 'no-stream', context: context(randomUUID()) },
        ),
      ),
    );
    if (!skipTransparency) await transparencyBench(store, dir, runs);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

const main = async (): Promise<void> => {
  if (process.argv.includes('--appends-only')) {
    await transparencyAppendBench(runs);
    return;
  }
  const dir = makeTempDir('audit-bench');
  const file = join(dir, 'project.sqlite');
  const store = openSqliteEventStore({ file });
  try {
    await projectBench(store, file);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  await storeBench();
};

void main();
