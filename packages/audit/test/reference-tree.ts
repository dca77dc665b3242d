import { createHash } from 'node:crypto';

/**
 * A reference Merkle tree for tests, written a second way from RFC 9162 §2.1.1 (level by level,
 * an odd last node promoted unchanged to the level above, which is what the recursive split at
 * the largest power of two gives): the auditor's verifiers and prover are checked against it.
 */
const sha256 = (...parts: ReadonlyArray<Uint8Array>): Uint8Array => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

export const referenceLeafHash = (data: Uint8Array): Uint8Array => sha256(Uint8Array.of(0), data);

/** All levels of the tree over `leaves` (leaf hashes): levels[0] = leaves, last = [root]. */
export const referenceLevels = (leaves: ReadonlyArray<Uint8Array>): Uint8Array[][] => {
  const levels: Uint8Array[][] = [[...leaves]];
  for (let level = levels[0] as Uint8Array[]; level.length > 1;) {
    const up: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i] as Uint8Array;
      const right = level[i + 1];
      up.push(right === undefined ? left : sha256(Uint8Array.of(1), left, right));
    }
    levels.push(up);
    level = up;
  }
  return levels;
};

export const referenceRoot = (leaves: ReadonlyArray<Uint8Array>): Uint8Array =>
  leaves.length === 0 ? sha256() : (referenceLevels(leaves).at(-1)?.[0] as Uint8Array);

/** n leaves with distinct data: leaf i's data is the 4-byte big-endian i and a salt byte. */
export const sampleLeaves = (n: number, salt = 0): Uint8Array[] =>
  Array.from({ length: n }, (_, i) => {
    const data = Buffer.alloc(5);
    data.writeUInt32BE(i, 0);
    data[4] = salt;
    return referenceLeafHash(data);
  });

/** RFC 6962's test data (certificate-transparency merkle tests): 8 leaves and the roots of their prefixes. */
export const RFC6962_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
export const RFC6962_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
