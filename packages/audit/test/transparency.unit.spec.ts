import fc from 'fast-check';
import {
  consistencyProof,
  cosign,
  emptyRoot,
  formatCheckpoint,
  formatNote,
  formatSignerKey,
  formatVerifierKey,
  generateSignerKey,
  inclusionProof,
  keyIdOf,
  leafHash,
  merkleRoot,
  parseCheckpoint,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  SIGNATURE_TYPE,
  signCheckpoint,
  TreeBuilder,
  verifierKeyOf,
  verifyCheckpointSignature,
  verifyConsistency,
  verifyCosignature,
  verifyInclusion,
  verifyNoteSignature,
  withSignature,
} from '../src/transparency';
import { referenceRoot, RFC6962_LEAVES, RFC6962_ROOTS, sampleLeaves } from './reference-tree';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** A copy of `bytes` with one bit flipped. */
const flip = (bytes: Uint8Array, at: number, bit: number): Uint8Array => {
  const copy = new Uint8Array(bytes);
  copy[at % copy.length] = (copy[at % copy.length] as number) ^ (1 << (bit % 8));
  return copy;
};

describe('transparency · RFC 9162 §2.1 Merkle hashing', () => {
  it('RFC 9162 §2.1.1: the roots of RFC 6962’s test leaves, every prefix, and of the empty tree', () => {
    const leaves = RFC6962_LEAVES.map((h) => leafHash(Buffer.from(h, 'hex')));
    const tree = new TreeBuilder();
    leaves.forEach((leaf, i) => {
      tree.push(leaf);
      expect(hex(tree.root())).toBe(RFC6962_ROOTS[i]);
      expect(hex(merkleRoot(leaves.slice(0, i + 1)))).toBe(RFC6962_ROOTS[i]);
    });
    expect(hex(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('RFC 9162 §2.1.1: the incremental builder and the prover agree with the reference tree at every size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70 }), (n) => {
        const leaves = sampleLeaves(n);
        const tree = new TreeBuilder();
        for (const l of leaves) tree.push(l);
        const expected = hex(referenceRoot(leaves));
        return hex(tree.root()) === expected && hex(merkleRoot(leaves)) === expected;
      }),
    );
  });
});

const treeAndIndex = fc
  .integer({ min: 1, max: 64 })
  .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 })));

describe('transparency · RFC 9162 §2.1.3 inclusion proofs', () => {
  it('RFC 9162 §2.1.3.2: every valid inclusion proof verifies', () => {
    fc.assert(
      fc.property(treeAndIndex, ([n, m]) => {
        const leaves = sampleLeaves(n);
        return verifyInclusion(
          BigInt(m),
          BigInt(n),
          leaves[m] as Uint8Array,
          inclusionProof(m, leaves),
          referenceRoot(leaves),
        );
      }),
    );
  });

  it('RFC 9162 §2.1.3.2: an altered byte of the leaf, the path or the root, another index, a longer path fails (the size is bound by the signed checkpoint)', () => {
    fc.assert(
      fc.property(treeAndIndex, fc.nat(), fc.nat(7), fc.nat(), ([n, m], at, bit, pick) => {
        const leaves = sampleLeaves(n);
        const leaf = leaves[m] as Uint8Array;
        const path = inclusionProof(m, leaves);
        const root = referenceRoot(leaves);
        const N = BigInt(n);
        const M = BigInt(m);
        const alteredPath =
          path.length === 0 ? [] : path.map((p, i) => (i === pick % path.length ? flip(p, at, bit) : p));
        return (
          !verifyInclusion(M, N, flip(leaf, at, bit), path, root) &&
          !verifyInclusion(M, N, leaf, path, flip(root, at, bit)) &&
          (path.length === 0 || !verifyInclusion(M, N, leaf, alteredPath, root)) &&
          !verifyInclusion(M, N, leaf, [...path, root], root) &&
          !verifyInclusion((M + 1n) % N === M ? M + 1n : (M + 1n) % N, N, leaf, path, root) &&
          !verifyInclusion(N, N, leaf, path, root)
        );
      }),
    );
  });
});

const twoSizes = fc
  .integer({ min: 1, max: 64 })
  .chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n)));

describe('transparency · RFC 9162 §2.1.4 consistency proofs', () => {
  it('RFC 9162 §2.1.4.2: every valid consistency proof verifies (and from the empty tree)', () => {
    fc.assert(
      fc.property(twoSizes, ([m, n]) => {
        const leaves = sampleLeaves(n);
        const old = referenceRoot(leaves.slice(0, m));
        return (
          verifyConsistency(BigInt(m), BigInt(n), old, referenceRoot(leaves), consistencyProof(m, leaves)) &&
          verifyConsistency(0n, BigInt(n), emptyRoot(), referenceRoot(leaves), [])
        );
      }),
    );
  });

  it('RFC 9162 §2.1.4.2: an altered byte of either root or the proof, a longer proof fails (sizes are bound by the signed checkpoints)', () => {
    fc.assert(
      fc.property(twoSizes, fc.nat(), fc.nat(7), fc.nat(), ([m, n], at, bit, pick) => {
        const leaves = sampleLeaves(n);
        const old = referenceRoot(leaves.slice(0, m));
        const root = referenceRoot(leaves);
        const proof = consistencyProof(m, leaves);
        const M = BigInt(m);
        const N = BigInt(n);
        const alteredProof = proof.map((p, i) => (i === pick % proof.length ? flip(p, at, bit) : p));
        return (
          !verifyConsistency(M, N, flip(old, at, bit), root, proof) &&
          !verifyConsistency(M, N, old, flip(root, at, bit), proof) &&
          (proof.length === 0 || !verifyConsistency(M, N, old, root, alteredProof)) &&
          !verifyConsistency(M, N, old, root, [...proof, root])
        );
      }),
    );
  });

  it('RFC 9162 §2.1.4: a history that differs at any leaf is not consistent with the earlier tree', () => {
    fc.assert(
      fc.property(twoSizes, fc.nat(), ([m, n], changed) => {
        const leaves = sampleLeaves(n);
        const old = referenceRoot(leaves.slice(0, m));
        const rewritten = [...leaves];
        rewritten[changed % m] = sampleLeaves(m, 1)[changed % m] as Uint8Array;
        return !verifyConsistency(
          BigInt(m),
          BigInt(n),
          old,
          referenceRoot(rewritten),
          consistencyProof(m, rewritten),
        );
      }),
    );
  });
});

describe('transparency · C2SP signed-note, tlog-checkpoint, tlog-cosignature', () => {
  it('C2SP signed-note: the spec’s example vkey parses, its key ID being SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[:4]', () => {
    const key = parseVerifierKey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k');
    if (typeof key === 'string') throw new Error(key);
    expect(key.keyId).toBe(0x530d903a);
    const note = parseNote(
      'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n',
    );
    if (typeof note === 'string') throw new Error(note);
    expect(verifyNoteSignature(note, key)).toBe(true);
    expect(verifyNoteSignature({ ...note, text: 'This is an example message!\n' }, key)).toBe(false);
  });

  it('C2SP signed-note: keys round-trip through their text forms; a wrong key id is refused', () => {
    const signer = generateSignerKey('zhaoshang.example/log', SIGNATURE_TYPE.ed25519);
    expect(parseSignerKey(formatSignerKey(signer))).toEqual(signer);
    expect(parseVerifierKey(formatVerifierKey(verifierKeyOf(signer)))).toEqual(verifierKeyOf(signer));
    const vkey = formatVerifierKey({ ...verifierKeyOf(signer), keyId: signer.keyId ^ 1 });
    expect(typeof parseVerifierKey(vkey)).toBe('string');
    expect(keyIdOf(signer.name, SIGNATURE_TYPE.cosignatureV1, signer.publicKey)).not.toBe(signer.keyId);
  });

  const log = generateSignerKey('zhaoshang.example/log', SIGNATURE_TYPE.ed25519);
  const witness = generateSignerKey('audit.example/witness-1', SIGNATURE_TYPE.cosignatureV1);
  const leaves = sampleLeaves(13);
  const body = { origin: 'zhaoshang.example/log', size: 13n, root: merkleRoot(leaves), extensions: [] };

  it('C2SP tlog-checkpoint: a signed checkpoint parses back, and its signature verifies only for its text', () => {
    const text = formatCheckpoint(signCheckpoint(log, body));
    expect(text.split('\n').slice(0, 4)).toEqual([
      'zhaoshang.example/log',
      '13',
      Buffer.from(body.root).toString('base64'),
      '',
    ]);
    const parsed = parseCheckpoint(text);
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(parsed.size).toBe(13n);
    expect(verifyCheckpointSignature(parsed, verifierKeyOf(log))).toBe(true);
    const edited = parseCheckpoint(text.replace('\n13\n', '\n12\n'));
    if (typeof edited === 'string') throw new Error(edited);
    expect(verifyCheckpointSignature(edited, verifierKeyOf(log))).toBe(false);
    expect(typeof parseCheckpoint(text.replace('\n13\n', '\n013\n'))).toBe('string');
    expect(typeof parseCheckpoint(text.replace('\n\n', '\n'))).toBe('string');
  });

  it('C2SP tlog-cosignature: a cosignature (0x04, timestamp ‖ Ed25519) verifies with its time, not on another checkpoint', () => {
    const signed = signCheckpoint(log, body);
    const cosigned = withSignature(signed, cosign(witness, signed, 1_700_000_000n));
    const reparsed = parseCheckpoint(formatCheckpoint(cosigned));
    if (typeof reparsed === 'string') throw new Error(reparsed);
    expect(verifyCosignature(reparsed, verifierKeyOf(witness))).toBe(1_700_000_000n);
    expect(verifyCheckpointSignature(reparsed, verifierKeyOf(log))).toBe(true);
    const other = signCheckpoint(log, { ...body, size: 12n, root: merkleRoot(leaves.slice(0, 12)) });
    const moved = withSignature(other, reparsed.note.signatures[1] ?? signed.note.signatures[0]!);
    expect(verifyCosignature(moved, verifierKeyOf(witness))).toBeUndefined();
    expect(
      formatNote(reparsed.note)
        .split('\n')
        .filter((l) => l.startsWith('— ')),
    ).toHaveLength(2);
  });
});
