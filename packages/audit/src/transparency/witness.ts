import {
  cosign,
  formatCheckpoint,
  parseCheckpoint,
  verifyCheckpointSignature,
  withSignature,
  type SignedCheckpoint,
} from './checkpoint';
import { consistencyProof, merkleRoot } from './proofs';
import { equalHashes, leafHash, verifyConsistency, type Hash32 } from './merkle';
import type { SignerKey, VerifierKey } from './note';
import type { WitnessRefusalCode } from './witness.errors';

/**
 * The witness's decision (c2sp.org/tlog-cosignature semantics): co-sign a checkpoint only when its
 * log signature verifies and it extends the last checkpoint this witness co-signed. Pure: the
 * caller reads and writes the key, the state and the evidence.
 */

/** What a witness remembers between runs: the log it watches and the last checkpoint it co-signed. */
export interface WitnessState {
  readonly format: 1;
  readonly origin: string;
  /** The log's verifier key (vkey text). */
  readonly logKey: string;
  /** The last co-signed checkpoint (signed note text), absent before the first. */
  readonly checkpoint?: string;
}

/** How the offered checkpoint is shown to extend the witnessed one. */
export type ConsistencyEvidence =
  /** RFC 9162 consistency proof from the witnessed size to the offered size (the server's answer). */
  | { readonly kind: 'proof'; readonly proof: ReadonlyArray<Hash32> }
  /**
   * The leaf data of the offered tree (each event's hash as 32 bytes, from a whole-store audit
   * bundle): the witness hashes them with the checkpoint's tree hash and recomputes.
   */
  | { readonly kind: 'leaves'; readonly leafData: ReadonlyArray<Uint8Array> };

/** The proof a refusing witness hands over: both log-signed checkpoints and why they cannot both be true. */
export interface Divergence {
  readonly format: 1;
  readonly kind: 'tlog-divergence';
  readonly reason: WitnessRefusalCode;
  /** The checkpoint the witness co-signed earlier (log signature and cosignature included). */
  readonly witnessed: string;
  /** The checkpoint offered now (log-signed). */
  readonly offered: string;
  /**
   * When the offered history was given as leaves: the root of its first `witnessedSize` leaves
   * (base64), and an RFC 9162 consistency proof from that root to the offered root. Both verify
   * against the offered checkpoint, and the root differs from the witnessed one: the log signed
   * two histories that disagree on the first `witnessedSize` events.
   */
  readonly offeredPrefixRoot?: string;
  readonly prefixConsistencyProof?: ReadonlyArray<string>;
  /** The consistency proof that was offered (base64), when one was. */
  readonly offeredProof?: ReadonlyArray<string>;
}

export type WitnessDecision =
  | { readonly verdict: 'cosigned'; readonly checkpoint: SignedCheckpoint; readonly state: WitnessState }
  | { readonly verdict: 'refused'; readonly code: WitnessRefusalCode; readonly divergence?: Divergence };

const b64 = (h: Hash32): string => Buffer.from(h).toString('base64');

export const witnessCheckpoint = (input: {
  readonly state: WitnessState;
  readonly logKey: VerifierKey;
  readonly witnessKey: SignerKey;
  readonly offered: string;
  readonly evidence?: ConsistencyEvidence;
  /** POSIX seconds, the cosignature's timestamp. */
  readonly now: bigint;
}): WitnessDecision => {
  const { state, logKey, witnessKey, evidence } = input;
  const refuse = (code: WitnessRefusalCode, divergence?: Divergence): WitnessDecision =>
    divergence === undefined ? { verdict: 'refused', code } : { verdict: 'refused', code, divergence };
  const offered = parseCheckpoint(input.offered);
  if (typeof offered === 'string') return refuse('CHECKPOINT_UNREADABLE');
  if (!verifyCheckpointSignature(offered, logKey)) return refuse('LOG_SIGNATURE_INVALID');
  if (offered.origin !== state.origin) return refuse('ORIGIN_MISMATCH');
  const hash = offered.treeHash;
  const leaves =
    evidence?.kind === 'leaves' ? evidence.leafData.map((data) => leafHash(data, hash)) : undefined;
  // The leaves must be those of the offered tree, else they prove nothing about it.
  if (
    leaves !== undefined &&
    (BigInt(leaves.length) !== offered.size || !equalHashes(merkleRoot(leaves, hash), offered.root))
  )
    return refuse('NO_CONSISTENCY_EVIDENCE');
  const accept = (): WitnessDecision => {
    const cosigned = withSignature(offered, cosign(witnessKey, offered, input.now));
    return {
      verdict: 'cosigned',
      checkpoint: cosigned,
      state: { ...state, checkpoint: formatCheckpoint(cosigned) },
    };
  };
  if (state.checkpoint === undefined) return accept(); // the first checkpoint a witness sees is trusted on first use
  const witnessed = parseCheckpoint(state.checkpoint);
  if (typeof witnessed === 'string') throw new Error(`the witness state holds no checkpoint: ${witnessed}`);
  const divergence = (reason: WitnessRefusalCode, extra: Partial<Divergence> = {}): Divergence => ({
    format: 1,
    kind: 'tlog-divergence',
    reason,
    witnessed: state.checkpoint ?? '',
    offered: formatCheckpoint(offered),
    ...extra,
  });
  if (offered.treeHash !== witnessed.treeHash)
    return refuse('TREE_HASH_CHANGED', divergence('TREE_HASH_CHANGED'));
  if (offered.size < witnessed.size) return refuse('TREE_SHRANK', divergence('TREE_SHRANK'));
  if (offered.size === witnessed.size)
    return equalHashes(offered.root, witnessed.root)
      ? accept()
      : refuse('SAME_SIZE_OTHER_ROOT', divergence('SAME_SIZE_OTHER_ROOT'));
  if (evidence === undefined) return refuse('NO_CONSISTENCY_EVIDENCE');
  if (evidence.kind === 'proof' || leaves === undefined) {
    const proof = evidence.kind === 'proof' ? evidence.proof : [];
    return verifyConsistency(witnessed.size, offered.size, witnessed.root, offered.root, proof, hash)
      ? accept()
      : refuse('NOT_CONSISTENT', divergence('NOT_CONSISTENT', { offeredProof: proof.map(b64) }));
  }
  const m = Number(witnessed.size);
  const prefixRoot = merkleRoot(leaves.slice(0, m), hash);
  if (equalHashes(prefixRoot, witnessed.root)) return accept();
  return refuse(
    'NOT_CONSISTENT',
    divergence('NOT_CONSISTENT', {
      offeredPrefixRoot: b64(prefixRoot),
      prefixConsistencyProof: consistencyProof(m, leaves, hash).map(b64),
    }),
  );
};
