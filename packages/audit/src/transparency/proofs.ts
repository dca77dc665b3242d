import { emptyRoot, nodeHash, type Hash32, type TreeHash } from './merkle';

/**
 * RFC 9162 §2.1 proofs computed from the leaf hashes themselves, by the RFC's recursive
 * definitions (MTH, PATH, PROOF/SUBPROOF). O(n) per proof: what an exporter holding the leaves
 * of a bundle uses, and the reference the verifiers are tested against. The log's server keeps
 * its nodes and answers faster; the proofs are the same.
 */

/** The largest power of two smaller than n (n > 1). */
const split = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** MTH(D[n]). */
export const merkleRoot = (leaves: ReadonlyArray<Hash32>, hash: TreeHash = 'sha256'): Hash32 => {
  if (leaves.length === 0) return emptyRoot(hash);
  if (leaves.length === 1) return leaves[0] as Hash32;
  const k = split(leaves.length);
  return nodeHash(merkleRoot(leaves.slice(0, k), hash), merkleRoot(leaves.slice(k), hash), hash);
};

/** PATH(m, D[n]): the inclusion proof of leaf m. */
export const inclusionProof = (
  m: number,
  leaves: ReadonlyArray<Hash32>,
  hash: TreeHash = 'sha256',
): Hash32[] => {
  if (m < 0 || m >= leaves.length) throw new RangeError(`no leaf ${m} in a tree of ${leaves.length}`);
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return m < k
    ? [...inclusionProof(m, leaves.slice(0, k), hash), merkleRoot(leaves.slice(k), hash)]
    : [...inclusionProof(m - k, leaves.slice(k), hash), merkleRoot(leaves.slice(0, k), hash)];
};

const subproof = (m: number, leaves: ReadonlyArray<Hash32>, whole: boolean, hash: TreeHash): Hash32[] => {
  const n = leaves.length;
  if (m === n) return whole ? [] : [merkleRoot(leaves, hash)];
  const k = split(n);
  return m <= k
    ? [...subproof(m, leaves.slice(0, k), whole, hash), merkleRoot(leaves.slice(k), hash)]
    : [...subproof(m - k, leaves.slice(k), false, hash), merkleRoot(leaves.slice(0, k), hash)];
};

/** PROOF(m, D[n]): the consistency proof from the tree of the first m leaves (empty when m is 0 or n). */
export const consistencyProof = (
  m: number,
  leaves: ReadonlyArray<Hash32>,
  hash: TreeHash = 'sha256',
): Hash32[] => {
  if (m < 0 || m > leaves.length) throw new RangeError(`no tree of ${m} inside one of ${leaves.length}`);
  if (m === 0 || m === leaves.length) return [];
  return subproof(m, leaves, true, hash);
};
