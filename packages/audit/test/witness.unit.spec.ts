import {
  consistencyProof,
  formatCheckpoint,
  formatVerifierKey,
  generateSignerKey,
  merkleRoot,
  SIGNATURE_TYPE,
  signCheckpoint,
  verifierKeyOf,
  verifyCosignature,
  witnessCheckpoint,
  type WitnessState,
} from '../src/transparency';
import { sampleLeaves } from './reference-tree';

const ORIGIN = 'zhaoshang.example/log';
const log = generateSignerKey(ORIGIN, SIGNATURE_TYPE.ed25519);
const witnessKey = generateSignerKey('shenji.example/witness', SIGNATURE_TYPE.cosignatureV1);
const leaves = sampleLeaves(20);
const checkpointOf = (ls: ReadonlyArray<Uint8Array>, key = log): string =>
  formatCheckpoint(
    signCheckpoint(key, { origin: ORIGIN, size: BigInt(ls.length), root: merkleRoot(ls), extensions: [] }),
  );

const fresh: WitnessState = { format: 1, origin: ORIGIN, logKey: formatVerifierKey(verifierKeyOf(log)) };
const decide = (
  state: WitnessState,
  offered: string,
  evidence?: Parameters<typeof witnessCheckpoint>[0]['evidence'],
) =>
  witnessCheckpoint({
    state,
    logKey: verifierKeyOf(log),
    witnessKey,
    offered,
    now: 1_717_545_600n,
    ...(evidence ? { evidence } : {}),
  });

describe('witness (C2SP tlog-cosignature; issue 15 · 4)', () => {
  const first = decide(fresh, checkpointOf(leaves.slice(0, 8)));
  if (first.verdict !== 'cosigned') throw new Error('the first checkpoint is trusted on first use');
  const at8 = first.state;

  it('given the witness co-signed size 8, when size 20 comes with a valid RFC 9162 consistency proof, then it co-signs and remembers 20', () => {
    const d = decide(at8, checkpointOf(leaves), { kind: 'proof', proof: consistencyProof(8, leaves) });
    expect(d.verdict).toBe('cosigned');
    if (d.verdict !== 'cosigned') return;
    expect(verifyCosignature(d.checkpoint, verifierKeyOf(witnessKey))).toBe(1_717_545_600n);
    expect(d.state.checkpoint).toContain('\n20\n');
  });

  it('given size 8 co-signed, when a rewritten size 20 comes with the proof of the rewritten tree, then it refuses NOT_CONSISTENT with both checkpoints', () => {
    const rewritten = [...leaves];
    rewritten[3] = sampleLeaves(4, 9)[3] as Uint8Array;
    const d = decide(at8, checkpointOf(rewritten), { kind: 'proof', proof: consistencyProof(8, rewritten) });
    expect(d).toMatchObject({
      verdict: 'refused',
      code: 'NOT_CONSISTENT',
      divergence: { reason: 'NOT_CONSISTENT', witnessed: at8.checkpoint },
    });
  });

  it('given size 8 co-signed, when another root for size 8 comes, then SAME_SIZE_OTHER_ROOT; a smaller tree, TREE_SHRANK; no evidence, NO_CONSISTENCY_EVIDENCE', () => {
    expect(decide(at8, checkpointOf(sampleLeaves(8, 5)))).toMatchObject({
      verdict: 'refused',
      code: 'SAME_SIZE_OTHER_ROOT',
    });
    expect(decide(at8, checkpointOf(leaves.slice(0, 7)))).toMatchObject({
      verdict: 'refused',
      code: 'TREE_SHRANK',
    });
    expect(decide(at8, checkpointOf(leaves))).toEqual({
      verdict: 'refused',
      code: 'NO_CONSISTENCY_EVIDENCE',
    });
    expect(decide(at8, checkpointOf(leaves.slice(0, 8))).verdict).toBe('cosigned');
  });

  it('a checkpoint not signed by the log’s key is refused LOG_SIGNATURE_INVALID, whatever it says', () => {
    const impostor = generateSignerKey(ORIGIN, SIGNATURE_TYPE.ed25519);
    expect(decide(fresh, checkpointOf(leaves, impostor))).toEqual({
      verdict: 'refused',
      code: 'LOG_SIGNATURE_INVALID',
    });
  });
});
