import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkpointText,
  MemoryTransparencyStorage,
  parseSignerKey as parseServerSignerKey,
  signNote,
  TransparencyLog,
} from '@zhaoshang/eventstore';
import { makeTempDir, temporarySqliteStore } from '@zhaoshang/eventstore/testing';
import {
  exportBundle,
  readBundleLeaves,
  transparency,
  verifyBundleTransparency,
  type BundleLine,
} from '../src';
import { main } from '../src/cli/main';
import { appendFixtureProject } from './audit-fixture';
import { forge, readLines } from './forge';

const {
  SIGNATURE_TYPE,
  formatSignerKey,
  formatVerifierKey,
  formatCheckpoint,
  generateSignerKey,
  parseCheckpoint,
  parseVerifierKey,
  verifierKeyOf,
  verifyCheckpointSignature,
  witnessCheckpoint,
} = transparency;

const ORIGIN = 'zhaoshang.example/log';
const log = generateSignerKey(ORIGIN, SIGNATURE_TYPE.sm2);
const witness = generateSignerKey('shenji.example/witness', SIGNATURE_TYPE.cosignatureV1);
const keys = [verifierKeyOf(log), verifierKeyOf(witness)];
const state = { format: 1 as const, origin: ORIGIN, logKey: formatVerifierKey(verifierKeyOf(log)) };

const context = (n: number) => ({
  commandId: `other-${n}`,
  actor: { userId: 'u', role: 'r', unitId: 'x' },
  businessTime: '2024-04-01T00:00:00Z',
});

const b = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/**
 * 国密 end to end for the auditor (issue #15 item 6): a log whose tree is SM3 (GB/T 32905) and
 * whose checkpoints are signed with SM2 (GB/T 32918) is checked with the same proofs and CLI as a
 * SHA-256/Ed25519 one. The tree hash comes from the checkpoint (its signed `tree-hash sm3` line),
 * the signature algorithm from the key (its type); the server's signing and the auditor's
 * verification agree.
 */
describe('an SM3 tree with SM2 checkpoints, verified by the auditor offline', () => {
  let root: string;
  let first: string;
  let second: string;
  let cosigned: string;
  let witnessedSize: number;
  let server: TransparencyLog;

  beforeAll(async () => {
    root = makeTempDir('audit-guomi');
    first = join(root, 'first');
    second = join(root, 'second');
    const t = await temporarySqliteStore();
    try {
      await appendFixtureProject(t.store);
      const m1 = await exportBundle(t.store, {}, first, { origin: ORIGIN, logKey: log, treeHash: 'sm3' });
      witnessedSize = m1.count;
      const decision = witnessCheckpoint({
        state,
        logKey: verifierKeyOf(log),
        witnessKey: witness,
        offered: m1.transparency?.checkpoints[0] ?? '',
        now: 1_717_545_600n,
      });
      if (decision.verdict !== 'cosigned') throw new Error(decision.code);
      cosigned = formatCheckpoint(decision.checkpoint);
      await t.store.append('ledger-other', [{ type: 'Noise', data: { n: 1 } }], {
        expectedRevision: 'any',
        context: context(1),
      });
      await exportBundle(t.store, {}, second, { origin: ORIGIN, logKey: log, earlier: [cosigned] });
      // The server's tree over the same store, hashed with SM3.
      server = new TransparencyLog(t.store, new MemoryTransparencyStorage('sm3'));
      await server.catchUp();
    } finally {
      await t.dispose();
    }
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the checkpoint names its tree hash in a signed line; the server’s SM3 root and SM2 signature are what the auditor computes and accepts', () => {
    expect(cosigned).toContain(`\n${witnessedSize}\n`);
    expect(cosigned).toContain('\ntree-hash sm3\n\n');
    const checkpoint = parseCheckpoint(cosigned);
    if (typeof checkpoint === 'string') throw new Error(checkpoint);
    expect(checkpoint.treeHash).toBe('sm3');
    expect(Buffer.from(checkpoint.root).equals(server.root(witnessedSize))).toBe(true);
    // The server signs with the same SM2 key (its signer-key text is the auditor's): the auditor verifies.
    const signer = parseServerSignerKey(formatSignerKey(log));
    expect(signer.algorithm).toBe('sm2');
    const note = signNote(
      checkpointText({ origin: ORIGIN, size: server.size, root: server.root(), treeHash: 'sm3' }),
      signer,
    );
    const served = parseCheckpoint(note);
    if (typeof served === 'string') throw new Error(served);
    const vkey = parseVerifierKey(signer.verifierKey);
    if (typeof vkey === 'string') throw new Error(vkey);
    expect(vkey.type).toBe(SIGNATURE_TYPE.sm2);
    expect(verifyCheckpointSignature(served, vkey)).toBe(true);
    const ed = verifierKeyOf(generateSignerKey(ORIGIN, SIGNATURE_TYPE.ed25519));
    expect(verifyCheckpointSignature(served, ed)).toBe(false);
  });

  it('an honest later bundle verifies offline: SM2 signatures, the witness’s cosignature, the SM3 consistency proof, every SM3 root recomputed', async () => {
    expect(verifyBundleTransparency(second, keys, [{ kind: 'bundle', path: first }])).toEqual({
      ok: true,
      checkpoints: 3,
      cosigned: [{ witness: 'shenji.example/witness', size: String(witnessedSize) }],
      extends: 1,
    });
    let out = '';
    const code = await main(
      ['verify-bundle', second, '--key', formatVerifierKey(keys[0]!), '--key', formatVerifierKey(keys[1]!)],
      { stdout: (t) => (out += t), stderr: (t) => (out += t) },
    );
    expect(out).toContain('检查点校验通过 checkpoints OK');
    expect(code).toBe(0);
  });

  it('a tampered bundle (one event’s business time changed, chains recomputed, the log signing the forged SM3 root with SM2) fails with the first differing position', () => {
    const lines = readLines(second);
    const index = 2;
    const dir = join(root, 'forged');
    forge(second, dir, { origin: ORIGIN, logKey: log, earlier: [cosigned] }, (ls: BundleLine[]) =>
      ls.map((l, i) =>
        i === index ? { ...l, metadata: { ...l.metadata, businessTime: '2024-03-03T03:00:00Z' } } : l,
      ),
    );
    expect(verifyBundleTransparency(dir, keys, [{ kind: 'bundle', path: first }])).toMatchObject({
      ok: false,
      problem: {
        code: 'HISTORY_DIVERGES',
        checkpointSize: String(witnessedSize),
        firstDifference: { index, position: lines[index]?.globalPosition },
      },
    });
  });

  it('the witness co-signs an SM2-signed checkpoint that the SM3 consistency proof shows extends the witnessed one, and refuses an inconsistent one', () => {
    const witnessed = { ...state, checkpoint: cosigned };
    const honest = parseCheckpoint(
      signNote(
        checkpointText({ origin: ORIGIN, size: server.size, root: server.root(), treeHash: 'sm3' }),
        parseServerSignerKey(formatSignerKey(log)),
      ),
    );
    if (typeof honest === 'string') throw new Error(honest);
    const proof = server.consistencyProof(witnessedSize).map((h) => new Uint8Array(h));
    const accepted = witnessCheckpoint({
      state: witnessed,
      logKey: verifierKeyOf(log),
      witnessKey: witness,
      offered: formatCheckpoint(honest),
      evidence: { kind: 'proof', proof },
      now: 1_717_600_000n,
    });
    expect(accepted.verdict).toBe('cosigned');
    // The forged history (the previous test's bundle): the log signed another root of the same size.
    const forgedDir = join(root, 'forged');
    const forged = readBundleLeaves(forgedDir);
    if (typeof forged === 'string') throw new Error(forged);
    const forgedHead = forged.manifest?.transparency?.checkpoints.at(-1) ?? '';
    const refusedByProof = witnessCheckpoint({
      state: witnessed,
      logKey: verifierKeyOf(log),
      witnessKey: witness,
      offered: forgedHead,
      evidence: { kind: 'proof', proof },
      now: 1_717_600_000n,
    });
    expect(refusedByProof).toMatchObject({ verdict: 'refused', code: 'NOT_CONSISTENT' });
    const refusedByLeaves = witnessCheckpoint({
      state: witnessed,
      logKey: verifierKeyOf(log),
      witnessKey: witness,
      offered: forgedHead,
      evidence: { kind: 'leaves', leafData: forged.leafData.toArray() },
      now: 1_717_600_000n,
    });
    expect(refusedByLeaves).toMatchObject({
      verdict: 'refused',
      code: 'NOT_CONSISTENT',
      divergence: { reason: 'NOT_CONSISTENT' },
    });
    if (refusedByLeaves.verdict !== 'refused') throw new Error('cosigned');
    // The evidence checks out with SM3: the prefix proof leads to the offered (forged) root.
    const d = refusedByLeaves.divergence!;
    const offered = parseCheckpoint(forgedHead);
    if (typeof offered === 'string') throw new Error(offered);
    expect(
      transparency.verifyConsistency(
        BigInt(witnessedSize),
        offered.size,
        b(d.offeredPrefixRoot!),
        offered.root,
        (d.prefixConsistencyProof ?? []).map(b),
        'sm3',
      ),
    ).toBe(true);
  });
});
