import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { leafDataOfEventHash, splitPoint, treeHasher, type TreeHasher } from './hashing';
import { MemoryNodeStorage, MerkleTree } from './tree';
import { verifyConsistency, verifyInclusion } from './verify';

/**
 * RFC 9162 §2.1 by the letter, as a reference: MTH, PATH and PROOF recomputed from all leaves on
 * every call (no stored nodes), to check the tree that keeps its nodes against.
 */
const naive = (h: TreeHasher) => {
  const mth = (leaves: ReadonlyArray<Buffer>): Buffer => {
    if (leaves.length === 0) return h.emptyRoot();
    if (leaves.length === 1) return h.leaf(leaves[0]!);
    const k = splitPoint(leaves.length);
    return h.node(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
  };
  const path = (m: number, leaves: ReadonlyArray<Buffer>): Buffer[] => {
    if (leaves.length <= 1) return [];
    const k = splitPoint(leaves.length);
    return m < k
      ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))]
      : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
  };
  const subproof = (m: number, leaves: ReadonlyArray<Buffer>, b: boolean): Buffer[] => {
    const n = leaves.length;
    if (m === n) return b ? [] : [mth(leaves)];
    const k = splitPoint(n);
    return m <= k
      ? [...subproof(m, leaves.slice(0, k), b), mth(leaves.slice(k))]
      : [...subproof(m - k, leaves.slice(k), false), mth(leaves.slice(0, k))];
  };
  const proof = (m: number, leaves: ReadonlyArray<Buffer>): Buffer[] =>
    m === 0 || m === leaves.length ? [] : subproof(m, leaves, true);
  return { mth, path, proof };
};

const hex = (b: Buffer): string => b.toString('hex');

const treeOf = (
  h: TreeHasher,
  leaves: ReadonlyArray<Buffer>,
  batches: ReadonlyArray<number> = [],
): MerkleTree => {
  const tree = new MerkleTree(h, new MemoryNodeStorage());
  let at = 0;
  for (const batch of batches) {
    if (at >= leaves.length) break;
    tree.appendLeafData(leaves.slice(at, at + batch));
    at += batch;
  }
  if (at < leaves.length) tree.appendLeafData(leaves.slice(at));
  return tree;
};

const leavesArb = fc.array(
  fc.uint8Array({ minLength: 0, maxLength: 40 }).map((a) => Buffer.from(a)),
  {
    minLength: 0,
    maxLength: 70,
  },
);

describe.each(['sha256', 'sm3'] as const)('Merkle tree over %s (RFC 9162 §2.1)', (algorithm) => {
  const h = treeHasher(algorithm);
  const ref = naive(h);

  it('RFC 9162 §2.1.1: the root at every size equals MTH recomputed from the leaves, whatever the batches', () => {
    fc.assert(
      fc.property(
        leavesArb,
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 12 }),
        (leaves, batches) => {
          const tree = treeOf(h, leaves, batches);
          expect(tree.size).toBe(leaves.length);
          for (let size = 0; size <= leaves.length; size += 1)
            expect(hex(tree.root(size))).toBe(hex(ref.mth(leaves.slice(0, size))));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('RFC 9162 §2.1.3: inclusion proofs equal PATH(m, D[n]) and verify; a wrong leaf, index or root does not', () => {
    fc.assert(
      fc.property(
        leavesArb.filter((l) => l.length > 0),
        fc.nat(),
        fc.nat(),
        (leaves, a, b) => {
          const tree = treeOf(h, leaves);
          const size = 1 + (a % leaves.length);
          const index = b % size;
          const proof = tree.inclusionProof(index, size);
          expect(proof.map(hex)).toEqual(ref.path(index, leaves.slice(0, size)).map(hex));
          const root = tree.root(size);
          const leafHash = h.leaf(leaves[index]!);
          expect(verifyInclusion(h, index, size, leafHash, proof, root)).toBe(true);
          expect(
            verifyInclusion(
              h,
              index,
              size,
              h.leaf(Buffer.concat([leaves[index]!, Buffer.from([1])])),
              proof,
              root,
            ),
          ).toBe(false);
          const other = (index + 1) % size;
          if (size > 1 && !leafHash.equals(tree.leafHash(other)))
            expect(verifyInclusion(h, other, size, leafHash, proof, root)).toBe(false);
          expect(verifyInclusion(h, index, size, leafHash, proof, h.leaf(Buffer.from('other root')))).toBe(
            false,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('RFC 9162 §2.1.4: consistency proofs equal PROOF(m, D[n]) and verify; a changed earlier leaf does not', () => {
    fc.assert(
      fc.property(
        leavesArb.filter((l) => l.length > 0),
        fc.nat(),
        fc.nat(),
        (leaves, a, b) => {
          const tree = treeOf(h, leaves);
          const second = 1 + (a % leaves.length);
          const first = b % (second + 1);
          const proof = tree.consistencyProof(first, second);
          expect(proof.map(hex)).toEqual(ref.proof(first, leaves.slice(0, second)).map(hex));
          expect(verifyConsistency(h, first, second, tree.root(first), tree.root(second), proof)).toBe(true);
          if (first > 0 && first < second) {
            // a history rewritten inside the first tree: its root is no longer a prefix of the second
            const rewritten = treeOf(h, [Buffer.from('rewritten'), ...leaves.slice(1)]);
            expect(verifyConsistency(h, first, second, rewritten.root(first), tree.root(second), proof)).toBe(
              false,
            );
            expect(
              verifyConsistency(
                h,
                first,
                second,
                tree.root(first),
                rewritten.root(second),
                rewritten.consistencyProof(first, second),
              ),
            ).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('RFC 9162 hashing, known values', () => {
  const h = treeHasher('sha256');
  // The eight leaves of the Certificate Transparency reference tests and their roots at sizes 1..8.
  const leaves = [
    '',
    '00',
    '10',
    '2021',
    '3031',
    '40414243',
    '5051525354555657',
    '606162636465666768696a6b6c6d6e6f',
  ].map((x) => Buffer.from(x, 'hex'));
  const roots = [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
    '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
    'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
    '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  ];

  it('the empty tree is SHA-256 of nothing; the CT reference roots at sizes 1..8', () => {
    const tree = treeOf(h, leaves);
    expect(hex(tree.root(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    roots.forEach((root, i) => expect(hex(tree.root(i + 1))).toBe(root));
  });

  it('a leaf is HASH(0x00 || the event hash as 32 bytes); a node is HASH(0x01 || left || right)', () => {
    const eventHash = 'ab'.repeat(32);
    expect(hex(h.leaf(leafDataOfEventHash(eventHash)))).toBe(
      hex(
        createHash('sha256')
          .update(Buffer.from('00' + eventHash, 'hex'))
          .digest(),
      ),
    );
    expect(() => leafDataOfEventHash('AB'.repeat(32))).toThrow(RangeError);
  });

  it('refuses sizes beyond the tree and indices outside it', () => {
    const tree = treeOf(h, leaves.slice(0, 3));
    expect(() => tree.root(4)).toThrow(RangeError);
    expect(() => tree.inclusionProof(3, 3)).toThrow(RangeError);
    expect(() => tree.consistencyProof(4, 3)).toThrow(RangeError);
  });
});
