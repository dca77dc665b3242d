import { hash } from 'node:crypto';

/**
 * RFC 9162 §2.1.1 hashing, with the hash function as a parameter: SHA-256 (the default, as in
 * Certificate Transparency) or SM3 (GB/T 32905, for systems assessed under 商用密码应用安全性评估).
 * Both give 32-byte digests, so the tree, the proofs and the checkpoint format are the same.
 *
 *   MTH({})      = HASH()                         the empty tree
 *   leaf hash    = HASH(0x00 || leaf data)
 *   node hash    = HASH(0x01 || left || right)
 *
 * A leaf's data is the event's existing chain hash (`metadata.hash`) as 32 raw bytes (the 64 hex
 * characters decoded), so a leaf commits to the event's whole canonical content.
 */
export type TreeHashAlgorithm = 'sha256' | 'sm3';

export const TREE_HASH_ALGORITHMS: ReadonlyArray<TreeHashAlgorithm> = ['sha256', 'sm3'];

export const isTreeHashAlgorithm = (text: string): text is TreeHashAlgorithm =>
  text === 'sha256' || text === 'sm3';

/** Size in bytes of every hash of the tree (both algorithms give 32). */
export const TREE_HASH_SIZE = 32;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** The three hashes of RFC 9162 §2.1.1 for one hash function. Pure: same input, same bytes. */
export interface TreeHasher {
  readonly algorithm: TreeHashAlgorithm;
  /** MTH of the empty tree: HASH() of no bytes. */
  emptyRoot(): Buffer;
  /** HASH(0x00 || data). */
  leaf(data: Uint8Array): Buffer;
  /** HASH(0x01 || left || right). */
  node(left: Uint8Array, right: Uint8Array): Buffer;
}

export const treeHasher = (algorithm: TreeHashAlgorithm = 'sha256'): TreeHasher => ({
  algorithm,
  emptyRoot: () => hash(algorithm, Buffer.alloc(0), 'buffer'),
  leaf: (data) => hash(algorithm, Buffer.concat([LEAF_PREFIX, data]), 'buffer'),
  node: (left, right) => hash(algorithm, Buffer.concat([NODE_PREFIX, left, right]), 'buffer'),
});

/** The leaf data of an event: its chain hash (`metadata.hash`, 64 lowercase hex) as 32 bytes. */
export const leafDataOfEventHash = (eventHash: string): Buffer => {
  if (!/^[0-9a-f]{64}$/.test(eventHash))
    throw new RangeError(`not an event hash: ${JSON.stringify(eventHash)}`);
  return Buffer.from(eventHash, 'hex');
};

/** The largest power of two strictly less than n (n ≥ 2): RFC 9162's k. */
export const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};
