import { splitPoint, type TreeHasher } from './hashing';

/**
 * Roots and proofs of RFC 9162 §2.1 over a tree whose complete subtrees are stored: `node(level,
 * index)` is the hash of the perfect subtree of 2^level leaves starting at leaf index·2^level
 * (level 0: the leaf hashes). Every range the RFC's recursions ask for is either such a subtree
 * or splits at the largest power of two below its size into one and a smaller range, so a root,
 * an inclusion proof or a consistency proof costs O(log n) stored nodes and O(log n) hashes.
 */
export interface StoredNodes {
  /** Number of leaves. */
  readonly size: number;
  /** The stored hash of a complete subtree (never asked for one that is not complete). */
  node(level: number, index: number): Buffer;
}

/** log2(n) when n is a power of two, else undefined (exact for every safe integer). */
const exactLog2 = (n: number): number | undefined => {
  if (n <= 0) return undefined;
  let level = 0;
  let rest = n;
  while (rest % 2 === 0) {
    rest /= 2;
    level += 1;
  }
  return rest === 1 ? level : undefined;
};

/** MTH(D[lo:hi]) for 0 ≤ lo < hi ≤ size. */
export const subtreeHash = (tree: StoredNodes, hasher: TreeHasher, lo: number, hi: number): Buffer => {
  const n = hi - lo;
  const level = exactLog2(n);
  if (level !== undefined && lo % n === 0) return tree.node(level, lo / n);
  const k = splitPoint(n);
  return hasher.node(subtreeHash(tree, hasher, lo, lo + k), subtreeHash(tree, hasher, lo + k, hi));
};

/** MTH(D[0:size]): the root of the tree's first `size` leaves (size ≤ tree.size). */
export const rootAt = (tree: StoredNodes, hasher: TreeHasher, size: number = tree.size): Buffer => {
  checkSize(tree, size);
  return size === 0 ? hasher.emptyRoot() : subtreeHash(tree, hasher, 0, size);
};

/**
 * PATH(m, D[0:size]) of RFC 9162 §2.1.3.1: the audit path of leaf `index` in the tree of the first
 * `size` leaves, from the leaf's sibling upwards.
 */
export const inclusionProof = (
  tree: StoredNodes,
  hasher: TreeHasher,
  index: number,
  size: number = tree.size,
): Buffer[] => {
  checkSize(tree, size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size)
    throw new RangeError(`leaf index ${index} is not in a tree of ${size}`);
  const path: Buffer[] = [];
  let lo = 0;
  let hi = size;
  let m = index;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (m < k) {
      path.push(subtreeHash(tree, hasher, lo + k, hi));
      hi = lo + k;
    } else {
      path.push(subtreeHash(tree, hasher, lo, lo + k));
      lo += k;
      m -= k;
    }
  }
  return path.reverse();
};

/**
 * PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1: the consistency proof from the tree of the first
 * `first` leaves to the tree of the first `second`. Empty when first is 0 or equals second.
 */
export const consistencyProof = (
  tree: StoredNodes,
  hasher: TreeHasher,
  first: number,
  second: number = tree.size,
): Buffer[] => {
  checkSize(tree, second);
  if (!Number.isSafeInteger(first) || first < 0 || first > second)
    throw new RangeError(`no consistency proof from ${first} to ${second}`);
  if (first === 0 || first === second) return [];
  // SUBPROOF(m, D[lo:hi], b), unrolled: each step adds one node, collected top-down.
  const proof: Buffer[] = [];
  let lo = 0;
  let hi = second;
  let m = first;
  let complete = true; // b
  while (m !== hi - lo) {
    const n = hi - lo;
    const k = splitPoint(n);
    if (m <= k) {
      proof.push(subtreeHash(tree, hasher, lo + k, hi));
      hi = lo + k;
    } else {
      proof.push(subtreeHash(tree, hasher, lo, lo + k));
      lo += k;
      m -= k;
      complete = false;
    }
  }
  if (!complete) proof.push(subtreeHash(tree, hasher, lo, hi));
  return proof.reverse();
};

const checkSize = (tree: StoredNodes, size: number): void => {
  if (!Number.isSafeInteger(size) || size < 0 || size > tree.size)
    throw new RangeError(`tree size ${size} is not in 0..${tree.size}`);
};
