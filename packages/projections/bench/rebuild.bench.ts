/**
 * Rebuild every read model from 1,000,000 generated events, beside a floor that only reads and
 * decodes the same events. Each phase runs in its own process so that peak RSS is its own.
 *
 *   node --max-old-space-size=4096 --import tsx packages/projections/bench/rebuild.bench.ts
 *
 * Options (environment): BENCH_EVENTS=<n> (default 1,000,000), BENCH_PROJECT_SIZE=<events per
 * project> (default 100), BENCH_UNITS (default 20), BENCH_DIR=<dir> (reuse a generated store),
 * BENCH_BATCH (default 2000).
 */
import { openSqliteEventStore } from '@zhaoshang/eventstore';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lifecycleCommands, runScript } from '../../domain/bench/lifecycle';
// The compiled package (npm run build first), as production runs it.
import { allProjections, openSqliteReadModelStore, ProjectionRunner } from '../dist';
import { decodeStoredEvent } from '../dist/events/decode';
import { readAfter } from '../dist/runner/event-source';
import { toNewEvent } from '../dist/testing/scenario';

const total = Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
const size = Number(process.env['BENCH_PROJECT_SIZE'] ?? 100);
const units = Number(process.env['BENCH_UNITS'] ?? 20);
const batch = Number(process.env['BENCH_BATCH'] ?? 2000);
const dir = process.env['BENCH_DIR'] ?? join(tmpdir(), `projections-bench-${total}`);
const eventsFile = join(dir, 'events.sqlite');

const rssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const report = (o: object): void => {
  process.stdout.write(`RESULT ${JSON.stringify(o)}\n`);
};

const generate = async (): Promise<void> => {
  mkdirSync(dir, { recursive: true });
  const store = openSqliteEventStore({ file: eventsFile, durability: 'normal' });
  const projects = Math.ceil(total / size);
  const started = Date.now();
  let written = 0;
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < projects; i += 1) {
    const id = `P${String(i).padStart(6, '0')}`;
    const unit = `zone-${i % units}`;
    const events = runScript(lifecycleCommands(id, Math.min(size, total - written))).map((e) =>
      e.type === 'LeadCaptured' ? { ...e, data: { ...e.data, unitId: unit } } : e,
    );
    written += events.length;
    pending.push(
      store.append(`project-${id}`, events.map(toNewEvent), {
        expectedRevision: 'no-stream',
        context: {
          commandId: `bench-${id}`,
          actor: { userId: 'bench', role: 'officer', unitId: unit },
          businessTime: '2024-01-01T00:00:00.000Z',
        },
      }),
    );
    if (pending.length >= 64) await Promise.all(pending.splice(0));
    if (i % 1000 === 0) process.stderr.write(`generated ${written} events\r`);
  }
  await Promise.all(pending);
  await store.close();
  report({ phase: 'generate', events: written, seconds: (Date.now() - started) / 1000, peakRssMb: rssMb() });
};

const floor = async (): Promise<void> => {
  const store = openSqliteEventStore({ file: eventsFile });
  const started = process.hrtime.bigint();
  let n = 0;
  let decoded = 0;
  for (let after: bigint | undefined; ;) {
    const page = await readAfter(store, after, batch);
    for (const e of page) {
      const d = decodeStoredEvent(e);
      if (d !== undefined && d._tag === 'Right') decoded += 1;
    }
    n += page.length;
    if (page.length === 0) break;
    after = page[page.length - 1]!.globalPosition;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  report({
    phase: 'floor',
    events: n,
    decoded,
    seconds,
    eventsPerSecond: Math.round(n / seconds),
    peakRssMb: rssMb(),
  });
};

const rebuild = async (): Promise<void> => {
  const events = openSqliteEventStore({ file: eventsFile });
  const file = join(dir, 'read-models.sqlite');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const store = openSqliteReadModelStore({ file });
  const runner = new ProjectionRunner({
    eventStore: events,
    store,
    projections: allProjections,
    batchSize: batch,
    ...(process.env['BENCH_CACHE'] !== undefined ? { cacheLimit: Number(process.env['BENCH_CACHE']) } : {}),
  });
  const started = process.hrtime.bigint();
  let processed = 0;
  await runner.rebuild(undefined, (p) => {
    processed = p.processed;
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const status = await runner.status();
  const docs: Record<string, number> = {};
  for (const p of allProjections)
    for (const c of p.collections) docs[c.name] = (await store.dump(c.name)).length;
  await events.close();
  await store.close();
  report({
    phase: 'rebuild',
    events: processed,
    seconds,
    eventsPerSecond: Math.round(processed / seconds),
    peakRssMb: rssMb(),
    states: status.map((s) => `${s.name}:${s.state}:lag=${s.lagEvents}`),
    documents: docs,
  });
};

const child = (phase: string): Record<string, unknown> => {
  const r = spawnSync(process.execPath, [...process.execArgv, __filename], {
    env: { ...process.env, BENCH_PHASE: phase, BENCH_DIR: dir },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (r.status !== 0 || line === undefined) throw new Error(`${phase} failed (${r.status}): ${r.stdout}`);
  return JSON.parse(line.slice(7)) as Record<string, unknown>;
};

const main = async (): Promise<void> => {
  const phase = process.env['BENCH_PHASE'];
  if (phase === 'generate') return generate();
  if (phase === 'floor') return floor();
  if (phase === 'rebuild') return rebuild();
  if (!existsSync(eventsFile)) {
    const g = child('generate');
    console.log(
      `generated ${String(g['events'])} events in ${Number(g['seconds']).toFixed(1)} s into ${eventsFile}`,
    );
  } else console.log(`reusing ${eventsFile}`);
  const f = child('floor');
  const r = child('rebuild');
  const ratio = Number(r['eventsPerSecond']) / Number(f['eventsPerSecond']);
  console.log(
    `floor (read + decode): ${String(f['events'])} events in ${Number(f['seconds']).toFixed(1)} s = ${String(f['eventsPerSecond'])} events/s, peak RSS ${String(f['peakRssMb'])} MB`,
  );
  console.log(
    `rebuild (5 read models): ${String(r['events'])} events in ${Number(r['seconds']).toFixed(1)} s = ${String(r['eventsPerSecond'])} events/s, peak RSS ${String(r['peakRssMb'])} MB`,
  );
  console.log(`ratio to the floor: ${ratio.toFixed(2)} (aim ≥ 0.5); peak RSS aim < 500 MB`);
  console.log(`documents: ${JSON.stringify(r['documents'])}`);
  console.log(`states: ${(r['states'] as string[]).join(', ')}`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
