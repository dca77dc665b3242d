import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, temporarySqliteStore } from '@zhaoshang/eventstore/testing';
import {
  exportBundle,
  MANIFEST_FILE,
  transparency,
  verifyBundle,
  verifyBundleTransparency,
  type BundleManifest,
} from '../src';
import type { TreeHash } from '../src/transparency';
import { main } from '../src/cli/main';
import { appendFixtureProject, projectId } from './audit-fixture';
import { forge, readLines } from './forge';

const { SIGNATURE_TYPE, generateSignerKey, verifierKeyOf, formatVerifierKey } = transparency;

const ORIGIN = 'zhaoshang.example/log';

const run = async (argv: ReadonlyArray<string>) => {
  let stdout = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) });
  return { code, stdout };
};

const noise = (n: number) => ({
  expectedRevision: 'any' as const,
  context: {
    commandId: `noise-${n}`,
    actor: { userId: 'u', role: 'r', unitId: 'x' },
    businessTime: '2024-04-01T00:00:00Z',
  },
});

const manifestOf = (dir: string): BundleManifest =>
  JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BundleManifest;

/**
 * Issue #15 item 5 for a project's bundle: its events are a few of `$all`, so the bundle carries,
 * for each, its leaf index and inclusion proof in the tree of the bundle's checkpoint, and
 * verify-bundle checks them offline; a changed byte fails that event's proof, named by position.
 * Run with both tree hashes: SHA-256 with an Ed25519 log key, SM3 with an SM2 one.
 */
describe.each<[TreeHash, (typeof SIGNATURE_TYPE)[keyof typeof SIGNATURE_TYPE]]>([
  ['sha256', SIGNATURE_TYPE.ed25519],
  ['sm3', SIGNATURE_TYPE.sm2],
])('a project bundle carries its events’ inclusion proofs (%s tree)', (treeHash, keyType) => {
  const log = generateSignerKey(ORIGIN, keyType);
  const keys = [verifierKeyOf(log)];
  let root: string;
  let bundle: string;
  let manifest: BundleManifest;

  beforeAll(async () => {
    root = makeTempDir('audit-project-proofs');
    bundle = join(root, 'project');
    const t = await temporarySqliteStore();
    try {
      for (let n = 0; n < 3; n += 1)
        await t.store.append('ledger-other', [{ type: 'Noise', data: { n } }], noise(n));
      await appendFixtureProject(t.store);
      for (let n = 3; n < 8; n += 1)
        await t.store.append('ledger-other', [{ type: 'Noise', data: { n } }], noise(n));
      manifest = await exportBundle(t.store, { projectId }, bundle, {
        origin: ORIGIN,
        logKey: log,
        treeHash,
      });
    } finally {
      await t.dispose();
    }
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('each event has its leaf index in $all and a proof against the checkpoint signed at the bundle’s end; it verifies offline, with and without the key', async () => {
    const tlog = manifest.transparency;
    expect(tlog?.checkpoints).toHaveLength(1);
    const checkpoint = transparency.parseCheckpoint(tlog?.checkpoints[0] ?? '');
    if (typeof checkpoint === 'string') throw new Error(checkpoint);
    expect(checkpoint.size).toBe(3n + BigInt(manifest.count) + 5n);
    expect(checkpoint.treeHash).toBe(treeHash);
    expect(tlog?.inclusion?.map((p) => p.index)).toEqual(
      Array.from({ length: manifest.count }, (_, i) => 3 + i),
    );
    expect(verifyBundle(bundle).ok).toBe(true);
    expect(verifyBundleTransparency(bundle, keys)).toEqual({
      ok: true,
      checkpoints: 1,
      cosigned: [],
      extends: 0,
      proved: manifest.count,
    });
    expect(verifyBundleTransparency(bundle, [])).toMatchObject({ ok: true, signatures: 'unchecked' });
    const cli = await run(['verify-bundle', bundle, '--key', formatVerifierKey(keys[0]!)]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('检查点校验通过 checkpoints OK');
    // Another key of the same name did not sign it.
    const stranger = verifierKeyOf(generateSignerKey(ORIGIN, keyType));
    expect(verifyBundleTransparency(bundle, [stranger])).toMatchObject({
      ok: false,
      problem: { code: 'LOG_SIGNATURE_INVALID' },
    });
  });

  it('a changed byte in one event, its stream’s chain recomputed (the hash chain passes): that event’s proof fails, named by line and position', async () => {
    const dir = join(root, 'forged');
    const k = 4;
    forge(bundle, dir, { origin: ORIGIN }, (lines) =>
      lines.map((l, i) =>
        i === k ? { ...l, metadata: { ...l.metadata, businessTime: '2024-03-05T03:00:00.000Z' } } : l,
      ),
    );
    // The forger keeps the bundle's checkpoint and proofs: only the events changed.
    writeFileSync(
      join(dir, MANIFEST_FILE),
      JSON.stringify({ ...manifestOf(dir), transparency: manifest.transparency }, null, 2),
    );
    expect(verifyBundle(dir).ok).toBe(true);
    const position = readLines(bundle)[k]?.globalPosition ?? '';
    expect(verifyBundleTransparency(dir, keys)).toMatchObject({
      ok: false,
      problem: {
        code: 'INCLUSION_PROOF_INVALID',
        event: { line: k + 1, position, streamName: `project-${projectId}`, revision: k },
      },
    });
    const cli = await run(['verify-bundle', dir]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('INCLUSION_PROOF_INVALID');
    expect(cli.stdout).toContain(`行 line ${k + 1}, 位置 position ${position}`);
  });
});
