import type { TreeHasher } from './hashing';

/**
 * Verification of RFC 9162 proofs (§2.1.3.2 inclusion, §2.1.4.2 consistency), written from the
 * RFC's algorithms and needing nothing but the hasher: what a client holding a checkpoint runs.
 */

/** Recomputes the root from a leaf hash and its audit path; undefined when the path has the wrong shape. */
export const rootFromInclusionProof = (
  hasher: TreeHasher,
  index: number,
  size: number,
  leafHash: Uint8Array,
  path: ReadonlyArray<Uint8Array>,
): Buffer | undefined => {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size)
    return undefined;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of path) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = hasher.node(p, r);
      if (fn % 2 === 0)
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
    } else r = hasher.node(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : undefined;
};

/** True when `path` proves leaf `index` with hash `leafHash` is in the tree of `size` leaves with `root`. */
export const verifyInclusion = (
  hasher: TreeHasher,
  index: number,
  size: number,
  leafHash: Uint8Array,
  path: ReadonlyArray<Uint8Array>,
  root: Uint8Array,
): boolean => {
  const computed = rootFromInclusionProof(hasher, index, size, leafHash, path);
  return computed !== undefined && computed.equals(root);
};

/** True when `proof` shows the tree of `first` leaves with `firstRoot` is a prefix of the tree of `second` with `secondRoot`. */
export const verifyConsistency = (
  hasher: TreeHasher,
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: ReadonlyArray<Uint8Array>,
): boolean => {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second)
    return false;
  if (first === second) return proof.length === 0 && Buffer.from(firstRoot).equals(secondRoot);
  if (first === 0) return proof.length === 0 && Buffer.from(firstRoot).equals(hasher.emptyRoot());
  if (proof.length === 0) return false;
  // When the first tree is a complete subtree, its root is the proof's implicit first node.
  const nodes = isPow2(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = Buffer.from(nodes[0]!);
  let sr: Buffer = Buffer.from(nodes[0]!);
  for (const c of nodes.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hasher.node(c, fr);
      sr = hasher.node(c, sr);
      if (fn % 2 === 0)
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
    } else sr = hasher.node(sr, c);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
};

const isPow2 = (n: number): boolean => {
  let rest = n;
  while (rest > 1 && rest % 2 === 0) rest /= 2;
  return rest === 1;
};
