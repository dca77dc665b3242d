/**
 * How long moving a store takes: `copyStore` from an embedded store of N realistic project events
 * (the domain's bench lifecycle, 100 events a project, appended ten per command) into a fresh
 * embedded store with the default durability (synchronous=FULL, one fsync per batch), split into
 * its phases: copying, the target's verifyAll, the comparison of stream heads.
 *
 *   npx tsx packages/eventstore/bench/copy.bench.ts [--events 100000] [--batch 500]
 *
 * EventStoreDB as the target is not measured here: no server runs on the development VM.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ProjectEventCodec, projectEvents } from '@zhaoshang/domain';
import { lifecycleCommands, runScript } from '../../domain/bench/lifecycle';
import { copyStore, type CopyProgress } from '../src/copy';
import { openSqliteEventStore } from '../src/sqlite';
import { makeTempDir } from '../src/testing/sqlite-harness';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const total = arg('events', 100_000);
const batchSize = arg('batch', 500);

const generate = async (file: string): Promise<number> => {
  const store = openSqliteEventStore({ file, durability: 'normal' });
  let written = 0;
  const pending: Array<Promise<unknown>> = [];
  for (let i = 0; written < total; i += 1) {
    const id = `XM-B${String(i).padStart(6, '0')}`;
    const events = runScript(lifecycleCommands(id, Math.min(100, total - written)));
    written += events.length;
    for (let k = 0; k < events.length; k += 10)
      pending.push(
        store.append(
          `project-${id}`,
          events.slice(k, k + 10).map((e) => ({
            type: e.type,
            data: (ProjectEventCodec.encode(e) as { readonly data: unknown }).data,
            schemaVersion: projectEvents[e.type].version,
          })),
          {
            expectedRevision: k === 0 ? 'no-stream' : k - 1,
            context: {
              commandId: `${id}:${k}`,
              actor: { userId: `officer-${i % 7}`, role: 'project-manager', unitId: `zone-${i % 20}` },
              businessTime: '2024-03-01T09:30:00+08:00',
            },
          },
        ),
      );
    if (pending.length >= 64) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  await store.close();
  return written;
};

const main = async (): Promise<void> => {
  const dir = makeTempDir('copy-bench');
  try {
    const sourceFile = join(dir, 'events.sqlite');
    const events = await generate(sourceFile);
    const source = openSqliteEventStore({ file: sourceFile });
    const target = openSqliteEventStore({ file: join(dir, 'copy.sqlite') });
    const marks = new Map<CopyProgress['phase'], number>();
    const started = performance.now();
    const report = await copyStore(source, target, {
      batchSize,
      onProgress: (p) => {
        if (!marks.has(p.phase)) marks.set(p.phase, performance.now());
      },
    });
    const ended = performance.now();
    await source.close();
    await target.close();
    const at = (phase: CopyProgress['phase']): number => marks.get(phase) ?? ended;
    const copying = (at('verifying') - started) / 1000;
    process.stdout.write(
      `${JSON.stringify({
        events,
        batchSize,
        ok: report.ok,
        streams: report.streams,
        copySeconds: Number(copying.toFixed(2)),
        eventsPerSecond: Math.round(events / copying),
        verifySeconds: Number(((at('comparing') - at('verifying')) / 1000).toFixed(2)),
        compareSeconds: Number(((ended - at('comparing')) / 1000).toFixed(2)),
        totalSeconds: Number(((ended - started) / 1000).toFixed(2)),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

void main();
