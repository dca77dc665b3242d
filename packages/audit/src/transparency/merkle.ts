import { createHash } from 'node:crypto';

/**
 * RFC 9162 §2.1 Merkle tree hashing, written from the RFC for the auditor (independent of the
 * server's tree): a leaf hashed as H(0x00 || leaf data), an interior node as H(0x01 || left ||
 * right), the empty tree as H(). H is SHA-256 (RFC 9162, the default) or SM3 (GB/T 32905, a log
 * configured for 国密): which one a log uses is said by its checkpoints (`treeHashOfCheckpoint`).
 * The log's leaf data is the event's hash (the 32 bytes whose hex is `metadata.hash`).
 */

/** A 32-byte tree hash (SHA-256 or SM3). */
export type Hash32 = Uint8Array;

/** The tree's hash function: both give 32 bytes, so proofs and checkpoints have the same shape. */
export type TreeHash = 'sha256' | 'sm3';

export const isTreeHash = (text: string): text is TreeHash => text === 'sha256' || text === 'sm3';

const digest = (hash: TreeHash, ...parts: ReadonlyArray<Uint8Array>): Hash32 => {
  const h = createHash(hash);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** MTH({}) = H() (RFC 9162 §2.1.1). */
export const emptyRoot = (hash: TreeHash = 'sha256'): Hash32 => digest(hash);

/** MTH({d}) = H(0x00 || d). */
export const leafHash = (leafData: Uint8Array, hash: TreeHash = 'sha256'): Hash32 =>
  digest(hash, LEAF_PREFIX, leafData);

/** An interior node: H(0x01 || left || right). */
export const nodeHash = (left: Hash32, right: Hash32, hash: TreeHash = 'sha256'): Hash32 =>
  digest(hash, NODE_PREFIX, left, right);

/** The leaf data of an event: its hex `metadata.hash` decoded to 32 bytes. */
export const eventLeafData = (eventHashHex: string): Uint8Array => {
  if (!/^[0-9a-f]{64}$/.test(eventHashHex)) throw new TypeError('an event hash is 64 lowercase hex digits');
  return new Uint8Array(Buffer.from(eventHashHex, 'hex'));
};

/** The leaf hash of an event: its hex `metadata.hash` decoded to 32 bytes, as leaf data. */
export const eventLeafHash = (eventHashHex: string, hash: TreeHash = 'sha256'): Hash32 =>
  leafHash(eventLeafData(eventHashHex), hash);

export const equalHashes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/**
 * Folds leaves in order into the roots of a tree's perfect subtrees (the "compact range" from
 * leaf 0): memory is O(log n), and the root of the tree so far is available at any size, which
 * is how a verifier checks every earlier checkpoint in one pass over a bundle.
 */
export class TreeBuilder {
  /** Perfect subtree roots, largest (leftmost) first; `sizes[i]` is a power of two. */
  private readonly roots: Hash32[] = [];
  private readonly sizes: bigint[] = [];
  private count = 0n;

  constructor(readonly hash: TreeHash = 'sha256') {}

  get size(): bigint {
    return this.count;
  }

  /** Appends one leaf hash (already H(0x00 || data)). */
  push(leaf: Hash32): void {
    let hash = leaf;
    let size = 1n;
    while (this.sizes.length > 0 && this.sizes[this.sizes.length - 1] === size) {
      this.sizes.pop();
      const left = this.roots.pop() as Hash32;
      hash = nodeHash(left, hash, this.hash);
      size *= 2n;
    }
    this.roots.push(hash);
    this.sizes.push(size);
    this.count += 1n;
  }

  /** MTH of the leaves pushed so far (RFC 9162 §2.1.1): the subtree roots folded from the right. */
  root(): Hash32 {
    if (this.roots.length === 0) return emptyRoot(this.hash);
    let hash = this.roots[this.roots.length - 1] as Hash32;
    for (let i = this.roots.length - 2; i >= 0; i -= 1)
      hash = nodeHash(this.roots[i] as Hash32, hash, this.hash);
    return hash;
  }
}

/** The root of a list of leaf hashes. */
export const rootOfLeaves = (leaves: ReadonlyArray<Hash32>, hash: TreeHash = 'sha256'): Hash32 => {
  const t = new TreeBuilder(hash);
  for (const l of leaves) t.push(l);
  return t.root();
};

/**
 * RFC 9162 §2.1.3.2: verifies that `leaf` is leaf number `index` (0-based) of the tree of
 * `treeSize` leaves whose root is `root`, given the inclusion path.
 */
export const verifyInclusion = (
  index: bigint,
  treeSize: bigint,
  leaf: Hash32,
  path: ReadonlyArray<Hash32>,
  root: Hash32,
  hash: TreeHash = 'sha256',
): boolean => {
  if (index < 0n || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1n;
  let r = leaf;
  for (const p of path) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r, hash);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(r, p, hash);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equalHashes(r, root);
};

const isPowerOfTwo = (n: bigint): boolean => n > 0n && (n & (n - 1n)) === 0n;

/**
 * RFC 9162 §2.1.4.2: verifies that the tree of `second` leaves with root `secondRoot` extends the
 * tree of `first` leaves with root `firstRoot`. Beyond the RFC's 0 < first < second: first = second
 * is consistent with an empty proof when the roots are equal, first = 0 with an empty proof always
 * (the empty tree is a prefix of every tree).
 */
export const verifyConsistency = (
  first: bigint,
  second: bigint,
  firstRoot: Hash32,
  secondRoot: Hash32,
  proof: ReadonlyArray<Hash32>,
  hash: TreeHash = 'sha256',
): boolean => {
  if (first < 0n || first > second) return false;
  if (first === second) return proof.length === 0 && equalHashes(firstRoot, secondRoot);
  if (first === 0n) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1n;
  let sn = second - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0] as Hash32;
  let sr = path[0] as Hash32;
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr, hash);
      sr = nodeHash(c, sr, hash);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c, hash);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equalHashes(fr, firstRoot) && equalHashes(sr, secondRoot);
};
