/**
 * The transparency log's costs (issue #15 item 9), each beside a baseline measured in the same run:
 * - appends with the tree maintained (a follower catching up after every append, into its SQLite
 *   file) against the same appends without it, on the store's default durability ('full');
 * - building the tree of the 1,000,000-event store from scratch (the follower's catch-up);
 * - an inclusion proof at 1,000,000 events: generated from the stored nodes, and verified, against
 *   the floor of the verification (the same number of SHA-256 node hashes);
 * - a consistency proof between heads 1,000,000 events apart, generated and verified;
 * - signing a checkpoint (Ed25519 and SM2) and computing the root it signs.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkpointText,
  generateNoteKey,
  openSqliteEventStore,
  parseSignerKey,
  signNote,
  SqliteTransparencyStorage,
  TransparencyLog,
  treeHasher,
  verifyConsistency,
  verifyInclusion,
  type EventStore,
} from '@zhaoshang/eventstore';
import { makeTempDir } from '@zhaoshang/eventstore/testing';
import { exportBundle, transparency } from '../src';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};

const context = () => ({
  commandId: randomUUID(),
  actor: { userId: 'bench', role: 'project-manager', unitId: 'unit-1' },
  businessTime: '2025-01-01T00:00:00.000Z',
});

const event = (n: number) => ({
  type: 'ProgressReported',
  data: { n, note: '季度进度', amountFen: n * 1000 },
});

/** The API's follower passes every 500 ms (FOLLOW_EVERY_MS of packages/api/src/audit/transparency.service.ts). */
const API_FOLLOW_EVERY_MS = 500;

const row = (label: string, value: string, baseline: string, note = ''): void =>
  console.log(`  ${label.padEnd(52)} ${value.padStart(12)}   ${baseline.padStart(12)}   ${note}`);

/**
 * Appends with and without the tree maintained, interleaved block by block (100 appends on one
 * store, then 100 on the other) so that both see the same machine load; the median of the blocks.
 * Two ways to maintain it: the follower caught up after every single append (the worst case: one
 * read and one SQLite commit per event), and the follower running alongside as a component does,
 * every 5 ms catching up whatever was appended since its last pass (a commit covers many events).
 */
const appendBench = async (
  runs: number,
  appends: number,
  mode: 'every-append' | 'alongside',
  followEveryMs = 5,
): Promise<void> => {
  const dir = makeTempDir('transparency-bench');
  const plain = openSqliteEventStore({ file: join(dir, 'plain.sqlite') });
  const followed = openSqliteEventStore({ file: join(dir, 'followed.sqlite') });
  const log = new TransparencyLog(followed, new SqliteTransparencyStorage(join(dir, 'transparency.sqlite')));
  const block = 100;
  const without: number[] = [];
  const withTree: number[] = [];
  let n = 0;
  let following = true;
  const follower =
    mode === 'alongside'
      ? (async () => {
          while (following) {
            await log.catchUp();
            await new Promise((resolve) => setTimeout(resolve, followEveryMs));
          }
        })()
      : Promise.resolve();
  try {
    for (let b = 0; b < (runs * appends) / block; b += 1) {
      for (const maintained of [false, true]) {
        const store = maintained ? followed : plain;
        const t = performance.now();
        for (let i = 0; i < block; i += 1) {
          await store.append(`project-A${(n + i) % 50}`, [event(n + i)], {
            expectedRevision: 'any',
            context: context(),
          });
          if (maintained && mode === 'every-append') await log.catchUp();
        }
        if (maintained && mode === 'alongside') await log.catchUp(); // the block ends with the tree caught up
        (maintained ? withTree : without).push(performance.now() - t);
      }
      n += block;
    }
    following = false;
    await follower;
    if (log.size !== n) throw new Error('the follower missed events');
  } finally {
    following = false;
    log.close();
    await plain.close();
    await followed.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const a = median(without);
  const b = median(withTree);
  row(
    mode === 'every-append'
      ? `appends (${n}), tree caught up after every append`
      : `appends (${n}), follower alongside, a pass every ${followEveryMs} ms`,
    `${Math.round((block / b) * 1000)}/s`,
    `${Math.round((block / a) * 1000)}/s`,
    `with / without the tree = ${(a / b).toFixed(2)}× (aim ≥ 0.9×)`,
  );
};

/** The append rows alone (no 1,000,000-event store): `--appends-only`. */
export const transparencyAppendBench = async (runs: number): Promise<void> => {
  console.log(
    "transparency log, appends of 1 event, 'full' durability (median of blocks of 100; baseline interleaved):",
  );
  console.log(`  ${''.padEnd(52)} ${'median'.padStart(12)}   ${'baseline'.padStart(12)}`);
  await appendBench(runs, 1000, 'every-append');
  await appendBench(runs, 1000, 'alongside');
  await appendBench(runs, 1000, 'alongside', API_FOLLOW_EVERY_MS);
};

/** Proofs and checkpoints over the big store's tree; `store` holds at least 1,000,000 + `extra` events. */
export const transparencyBench = async (store: EventStore, dir: string, runs: number): Promise<void> => {
  console.log('transparency log (median; baseline in the same run):');
  console.log(`  ${''.padEnd(52)} ${'median'.padStart(12)}   ${'baseline'.padStart(12)}`);
  await appendBench(runs, 1000, 'every-append');
  await appendBench(runs, 1000, 'alongside');
  await appendBench(runs, 1000, 'alongside', API_FOLLOW_EVERY_MS);

  const builds: number[] = [];
  let log: TransparencyLog | undefined;
  for (let r = 0; r < Math.min(runs, 2); r += 1) {
    log?.close();
    rmSync(join(dir, `transparency-${r - 1}.sqlite`), { force: true });
    const t = performance.now();
    log = new TransparencyLog(store, new SqliteTransparencyStorage(join(dir, `transparency-${r}.sqlite`)));
    await log.catchUp();
    builds.push(performance.now() - t);
  }
  const size = log!.size;
  row(
    `tree built from $all into SQLite (${size} events)`,
    `${(median(builds) / 1000).toFixed(1)} s`,
    '',
    `${Math.round(size / (median(builds) / 1000))} events/s`,
  );

  const h = treeHasher();
  const N = 1_000_000;
  const samples = 200 * runs;
  const gen: number[] = [];
  const ver: number[] = [];
  const floor: number[] = [];
  const root = log!.root(N);
  for (let s = 0; s < samples; s += 1) {
    const index = Math.floor(Math.random() * N);
    let t = performance.now();
    const proof = log!.inclusionProof(index, N);
    const leaf = log!.tree.leafHash(index);
    gen.push(performance.now() - t);
    t = performance.now();
    const ok = verifyInclusion(h, index, N, leaf, proof, root);
    ver.push(performance.now() - t);
    if (!ok) throw new Error('inclusion proof does not verify');
    t = performance.now();
    let x = leaf;
    for (const p of proof) x = h.node(x, p);
    floor.push(performance.now() - t);
  }
  const us = (ms: number): string => `${(ms * 1000).toFixed(0)} µs`;
  row(`inclusion proof at ${N} events: generate (${samples} leaves)`, us(median(gen)), '', 'aim < 1 ms');
  row(
    `inclusion proof at ${N} events: verify`,
    us(median(ver)),
    us(median(floor)),
    'baseline: its 20 node hashes; aim < 1 ms',
  );

  const cGen: number[] = [];
  const cVer: number[] = [];
  const extra = size - N;
  for (let s = 0; s < samples; s += 1) {
    const first = 1 + Math.floor(Math.random() * extra);
    const second = first + N;
    let t = performance.now();
    const proof = log!.consistencyProof(first, second);
    const [r1, r2] = [log!.root(first), log!.root(second)];
    cGen.push(performance.now() - t);
    t = performance.now();
    const ok = verifyConsistency(h, first, second, r1, r2, proof);
    cVer.push(performance.now() - t);
    if (!ok) throw new Error('consistency proof does not verify');
  }
  row(`consistency proof, heads ${N} apart: generate (+ both roots)`, us(median(cGen)), '');
  row(`consistency proof, heads ${N} apart: verify`, us(median(cVer)), '');

  const ed = parseSignerKey(generateNoteKey('bench.example/log').signerKey);
  const sm2 = parseSignerKey(generateNoteKey('bench.example/log', 'sm2').signerKey);
  const rootMs: number[] = [];
  const edMs: number[] = [];
  const smMs: number[] = [];
  for (let s = 0; s < 20 * runs; s += 1) {
    let t = performance.now();
    const r = log!.root();
    rootMs.push(performance.now() - t);
    const text = checkpointText({ origin: 'bench.example/log', size, root: r });
    t = performance.now();
    signNote(text, ed, { timestamp: 1_800_000_000 });
    edMs.push(performance.now() - t);
    t = performance.now();
    signNote(text, sm2);
    smMs.push(performance.now() - t);
  }
  row(`checkpoint: root of the current tree (${size})`, us(median(rootMs)), '');
  row('checkpoint: sign, Ed25519 (+ timestamped line)', us(median(edMs)), '');
  row('checkpoint: sign, SM2 (GB/T 32918, bigint)', us(median(smMs)), '');
  log!.close();
  await bundleBench(store, dir);
};

/**
 * A whole-store audit bundle of the big store with a checkpoint at its head, exported, then its
 * checkpoints verified offline (every leaf recomputed from the events, the root rebuilt) in a fresh
 * node process running the built library, as an auditor would: time and that process's peak
 * resident memory.
 */
const bundleBench = async (store: EventStore, dir: string): Promise<void> => {
  const key = transparency.generateSignerKey('bench.example/log', transparency.SIGNATURE_TYPE.ed25519);
  const out = join(dir, 'bundle');
  const mb = (): string => `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`;
  const t = performance.now();
  const manifest = await exportBundle(store, {}, out, { origin: key.name, logKey: key });
  const exportMs = performance.now() - t;
  row(
    `bundle export with a checkpoint, ${manifest.count} events`,
    `${(exportMs / 1000).toFixed(1)} s`,
    '',
    `peak RSS so far ${mb()}`,
  );
  const vkey = transparency.formatVerifierKey(transparency.verifierKeyOf(key));
  const script = `
    const { verifyBundleTransparency, transparency } = require(${JSON.stringify(join(process.cwd(), 'packages/audit/dist/index.js'))});
    const t = performance.now();
    const report = verifyBundleTransparency(${JSON.stringify(out)}, [transparency.parseVerifierKey(${JSON.stringify(vkey)})]);
    console.log(JSON.stringify({ ok: report.ok, ms: performance.now() - t, maxRSS: process.resourceUsage().maxRSS }));`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const result = JSON.parse(child.stdout) as { ok: boolean; ms: number; maxRSS: number };
  if (!result.ok) throw new Error(`bundle does not verify: ${child.stdout}${child.stderr}`);
  row(
    `bundle checkpoints verified offline (${manifest.count} leaves)`,
    `${(result.ms / 1000).toFixed(1)} s`,
    '',
    `its process's peak RSS ${Math.round(result.maxRSS / 1024)} MB`,
  );
  rmSync(out, { recursive: true, force: true });
};
