/**
 * Durable append throughput of the embedded store: single-event appends from N concurrent callers,
 * group commit against one transaction per append, in the same run on the same disk.
 *
 *   npx tsx packages/eventstore/bench/append.bench.ts [--callers 64] [--seconds 2] [--runs 3]
 *
 * Both sides use synchronous=FULL (every acknowledged append survives a power cut), so the baseline
 * pays one fsync per append and group commit one fsync per batch.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteEventStore } from '../src/sqlite';
import { makeTempDir } from '../src/testing/sqlite-harness';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const callers = arg('callers', 64);
const seconds = arg('seconds', 2);
const runs = Math.max(3, arg('runs', 3));

interface Run {
  readonly eventsPerSecond: number;
  readonly appendsPerTransaction: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const once = async (groupCommit: boolean): Promise<Run> => {
  const dir = makeTempDir('es-bench');
  const store = openSqliteEventStore({ file: join(dir, 'bench.sqlite'), groupCommit, durability: 'full' });
  const latencies: number[] = [];
  let appended = 0;
  const until = performance.now() + seconds * 1000;
  const context = {
    actor: { userId: 'bench', role: 'officer', unitId: 'unit-1' },
    businessTime: '2025-01-01T00:00:00.000Z',
  };
  const caller = async (c: number): Promise<void> => {
    let expected: number | 'no-stream' = 'no-stream';
    while (performance.now() < until) {
      const t = performance.now();
      const r = await store.append(
        `project-${c}`,
        [{ type: 'ProgressReported', data: { caller: c, n: appended, note: '季度进度' } }],
        {
          expectedRevision: expected,
          context: { ...context, commandId: randomUUID() },
        },
      );
      latencies.push(performance.now() - t);
      expected = r.nextExpectedRevision;
      appended += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: callers }, (_, c) => caller(c)));
  const elapsed = (performance.now() - started) / 1000;
  const stats = store.commitStats();
  const verified = await store.verifyAll();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  if (!verified.ok || verified.checked !== appended)
    throw new Error(
      `verification failed: ${JSON.stringify(verified, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`,
    );
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    eventsPerSecond: appended / elapsed,
    appendsPerTransaction: stats.appends / Math.max(1, stats.transactions),
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
  };
};

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};
const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const main = async (): Promise<void> => {
  console.log(
    `durable single-event appends, ${callers} concurrent callers, ${seconds}s per run, ${runs} runs each (synchronous=FULL, WAL)`,
  );
  const baseline: Run[] = [];
  const grouped: Run[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved so that both sides see the same disk conditions.
    baseline.push(await once(false));
    grouped.push(await once(true));
    const b = baseline[i];
    const g = grouped[i];
    if (b && g) {
      console.log(
        `run ${i + 1}: one transaction per append ${fmt(b.eventsPerSecond)} events/s | group commit ${fmt(g.eventsPerSecond)} events/s ` +
          `(${fmt(g.appendsPerTransaction, 1)} appends/transaction) | ratio ${fmt(g.eventsPerSecond / b.eventsPerSecond, 1)}x`,
      );
    }
  }
  const mb = median(baseline.map((r) => r.eventsPerSecond));
  const mg = median(grouped.map((r) => r.eventsPerSecond));
  console.log('');
  console.log(
    `median one transaction per append: ${fmt(mb)} events/s (p50 ${fmt(median(baseline.map((r) => r.p50Ms)), 2)} ms, p99 ${fmt(median(baseline.map((r) => r.p99Ms)), 2)} ms)`,
  );
  console.log(
    `median group commit:               ${fmt(mg)} events/s (p50 ${fmt(median(grouped.map((r) => r.p50Ms)), 2)} ms, p99 ${fmt(median(grouped.map((r) => r.p99Ms)), 2)} ms, ${fmt(median(grouped.map((r) => r.appendsPerTransaction)), 1)} appends/transaction)`,
  );
  console.log(`median ratio:                      ${fmt(mg / mb, 1)}x`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
