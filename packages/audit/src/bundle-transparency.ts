import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  contentHashOf,
  EVENTS_FILE,
  forEachLine,
  MANIFEST_FILE,
  parseLine,
  readManifest,
  type BundleManifest,
} from './bundle';
import {
  consistencyProof,
  equalHashes,
  eventLeafHash,
  formatCheckpoint,
  merkleRoot,
  parseCheckpoint,
  SIGNATURE_TYPE,
  signCheckpoint,
  TreeBuilder,
  verifyCheckpointSignature,
  verifyConsistency,
  verifyCosignature,
  type Hash32,
  type SignedCheckpoint,
  type SignerKey,
  type VerifierKey,
} from './transparency';

/**
 * The transparency part of an audit bundle: the log's signed checkpoints over `$all` (C2SP
 * tlog-checkpoint notes, with any witness cosignatures), oldest first, the last one at the bundle's
 * head, and an RFC 9162 consistency proof between each checkpoint and the next. A whole-store
 * bundle holds every leaf, so the verifier recomputes each root itself; the proofs let a verifier
 * who holds only the checkpoints check that each extends the one before.
 */
export interface BundleTransparency {
  readonly origin: string;
  /** Signed notes, ascending tree size. */
  readonly checkpoints: ReadonlyArray<string>;
  /** From the size of checkpoint i to that of checkpoint i + 1: base64 hashes. */
  readonly consistency: ReadonlyArray<{
    readonly from: string;
    readonly to: string;
    readonly proof: ReadonlyArray<string>;
  }>;
}

const b64 = (h: Hash32): string => Buffer.from(h).toString('base64');

/** The stream where the API records the checkpoints it signs and the witnesses' cosignatures. */
export const CHECKPOINT_STREAM = 'transparency-checkpoints';

/**
 * Collects, from the events of `$all` as an export streams them, the checkpoints the log recorded
 * (`CheckpointSigned`, data `{ note, … }`) and the cosignature lines stored for them
 * (`CheckpointCosigned`, data `{ treeSize, rootHash, line }`): each checkpoint's note with its
 * cosignature lines added, as `GET /transparency/checkpoints/{treeSize}` serves it.
 */
export class RecordedCheckpoints {
  private readonly notes = new Map<string, string>();
  private readonly lines = new Map<string, Set<string>>();

  observe(streamName: string, type: string, data: unknown): void {
    if (streamName !== CHECKPOINT_STREAM || data === null || typeof data !== 'object') return;
    const d = data as { note?: unknown; treeSize?: unknown; rootHash?: unknown; line?: unknown };
    const key = `${String(d.treeSize)} ${String(d.rootHash)}`;
    if (type === 'CheckpointSigned' && typeof d.note === 'string') this.notes.set(key, d.note);
    if (type === 'CheckpointCosigned' && typeof d.line === 'string') {
      const set = this.lines.get(key) ?? new Set<string>();
      set.add(d.line.endsWith('\n') ? d.line : `${d.line}\n`);
      this.lines.set(key, set);
    }
  }

  /** The recorded checkpoints, cosignature lines added (those already in the note skipped). */
  checkpoints(): string[] {
    return [...this.notes.entries()].map(
      ([key, note]) => note + [...(this.lines.get(key) ?? [])].filter((l) => !note.includes(l)).join(''),
    );
  }
}

/**
 * The transparency part for a bundle of `leaves` (leaf i is the i-th event of `$all`): the earlier
 * checkpoints given (signed notes, kept as they are, cosignatures included) and, when `logKey` is
 * given, a checkpoint at the bundle's head signed with it, then the consistency proofs.
 */
export const transparencyOf = (
  leaves: ReadonlyArray<Hash32>,
  options: { readonly origin: string; readonly logKey?: SignerKey; readonly earlier?: ReadonlyArray<string> },
): BundleTransparency => {
  const parsed: SignedCheckpoint[] = [];
  for (const text of options.earlier ?? []) {
    const c = parseCheckpoint(text);
    if (typeof c === 'string') throw new TypeError(`not a checkpoint: ${c}`);
    parsed.push(c);
  }
  if (options.logKey !== undefined)
    parsed.push(
      signCheckpoint(options.logKey, {
        origin: options.origin,
        size: BigInt(leaves.length),
        root: merkleRoot(leaves),
        extensions: [],
      }),
    );
  parsed.sort((a, b) => (a.size < b.size ? -1 : a.size > b.size ? 1 : 0));
  const consistency = parsed.slice(1).map((c, i) => {
    const from = (parsed[i] as SignedCheckpoint).size;
    const fits = c.size <= BigInt(leaves.length) && from <= c.size;
    return {
      from: from.toString(10),
      to: c.size.toString(10),
      proof: fits ? consistencyProof(Number(from), leaves.slice(0, Number(c.size))).map(b64) : [],
    };
  });
  return { origin: options.origin, checkpoints: parsed.map(formatCheckpoint), consistency };
};

/** The leaves of a bundle and each event's position, in order. */
export interface BundleLeaves {
  readonly leaves: ReadonlyArray<Hash32>;
  readonly positions: ReadonlyArray<string>;
  readonly manifest: BundleManifest | undefined;
}

/**
 * Reads a bundle's leaf hashes and its manifest. Each leaf is the hash of the event's content as
 * recomputed here (equal to the stored `metadata.hash` unless the content was changed), so a
 * changed byte changes the leaf even when the stored hash was left as it was.
 */
export const readBundleLeaves = (path: string): BundleLeaves | string => {
  let singleFile: boolean;
  try {
    singleFile = !statSync(path).isDirectory();
  } catch (e) {
    return String(e);
  }
  const leaves: Hash32[] = [];
  const positions: string[] = [];
  let problem: string | undefined;
  let held: Buffer | undefined;
  const take = (bytes: Buffer): boolean => {
    try {
      const line = parseLine(bytes.toString('utf8'));
      if (line === undefined) throw new TypeError('not a stored event');
      leaves.push(eventLeafHash(contentHashOf(line)));
      positions.push(line.globalPosition);
      return true;
    } catch (e) {
      problem = `line ${leaves.length + 1}: ${String(e)}`;
      return false;
    }
  };
  let fd: number;
  try {
    fd = openSync(singleFile ? path : join(path, EVENTS_FILE), 'r');
  } catch (e) {
    return String(e);
  }
  try {
    forEachLine(fd, (bytes) => {
      if (!singleFile) return take(bytes);
      const previous = held;
      held = Buffer.from(bytes);
      return previous === undefined || take(previous);
    });
  } finally {
    closeSync(fd);
  }
  if (problem !== undefined) return problem;
  const read = singleFile
    ? held === undefined
      ? 'no manifest line'
      : readManifest(held.toString('utf8'), 'manifest')
    : (() => {
        try {
          return readManifest(readFileSync(join(path, MANIFEST_FILE), 'utf8'));
        } catch (e) {
          return String(e);
        }
      })();
  if (typeof read === 'string') return read;
  return { leaves, positions, manifest: read };
};

/** What can be wrong with a bundle's checkpoints and proofs. */
export type TransparencyProblemCode =
  | 'BUNDLE_UNREADABLE'
  | 'NO_CHECKPOINT'
  | 'CHECKPOINT_UNREADABLE'
  | 'LOG_SIGNATURE_INVALID'
  | 'COSIGNATURE_MISSING'
  | 'CONSISTENCY_PROOF_INVALID'
  | 'EARLIER_BUNDLE_INVALID'
  | 'HISTORY_DIVERGES';

/** Where two histories part: the first leaf (0-based index into `$all`) that differs or is missing. */
export interface FirstDifference {
  readonly index: number;
  /** The position of that event in the bundle checked, null when the bundle ends before it. */
  readonly position: string | null;
  /** The position of that event in the earlier bundle, null when that one ends before it. */
  readonly earlierPosition: string | null;
}

export type TransparencyReport =
  | {
      readonly ok: true;
      readonly checkpoints: number;
      /** Each witness key given and the largest tree size it co-signed. */
      readonly cosigned: ReadonlyArray<{ readonly witness: string; readonly size: string }>;
      /** Earlier checkpoints (given with --against) this history extends. */
      readonly extends: number;
    }
  | {
      readonly ok: false;
      readonly problem: {
        readonly code: TransparencyProblemCode;
        readonly detail: string;
        /** The checkpoint the history departs from (its tree size), for HISTORY_DIVERGES. */
        readonly checkpointSize?: string;
        /** Known exactly when an earlier bundle holds the earlier leaves. */
        readonly firstDifference?: FirstDifference;
        /** Otherwise the leaves between which the histories part: [agreed, upTo) as 0-based indices. */
        readonly partsWithin?: { readonly from: number; readonly upTo: number };
      };
    };

/** What the history is checked against: checkpoints alone, or an earlier bundle (checkpoints and leaves). */
export type EarlierRecord =
  { readonly kind: 'checkpoint'; readonly text: string } | { readonly kind: 'bundle'; readonly path: string };

const parseAll = (texts: ReadonlyArray<string>): SignedCheckpoint[] | string => {
  const out: SignedCheckpoint[] = [];
  for (const t of texts) {
    const c = parseCheckpoint(t);
    if (typeof c === 'string') return c;
    out.push(c);
  }
  return out;
};

/** Roots of the tree over `leaves` at each requested size (one pass). */
const rootsAt = (leaves: ReadonlyArray<Hash32>, sizes: ReadonlyArray<bigint>): Map<bigint, Hash32> => {
  const wanted = new Set(sizes.filter((s) => s <= BigInt(leaves.length)));
  const roots = new Map<bigint, Hash32>();
  const tree = new TreeBuilder();
  if (wanted.has(0n)) roots.set(0n, tree.root());
  for (const leaf of leaves) {
    tree.push(leaf);
    if (wanted.has(tree.size)) roots.set(tree.size, tree.root());
  }
  return roots;
};

/**
 * Checks a bundle's checkpoints offline against the public keys given: every checkpoint (the
 * bundle's and the earlier ones) signed by a log key (type 0x01 vkey), every witness key (type
 * 0x04) with a valid cosignature on one of them, the consistency proofs, and — the point — that
 * the bundle's events are the history each checkpoint signed: the root of the first `size` leaves
 * recomputed from the events equals the checkpoint's root. A rewritten, cut, reordered or edited
 * history fails against any earlier checkpoint; with an earlier bundle the first differing event
 * is named, else the narrowest range the checkpoints allow.
 */
export const verifyBundleTransparency = (
  path: string,
  keys: ReadonlyArray<VerifierKey>,
  earlier: ReadonlyArray<EarlierRecord> = [],
): TransparencyReport => {
  const fail = (
    code: TransparencyProblemCode,
    detail: string,
    extra: Omit<Extract<TransparencyReport, { ok: false }>['problem'], 'code' | 'detail'> = {},
  ): TransparencyReport => ({ ok: false, problem: { code, detail, ...extra } });
  const logKeys = keys.filter((k) => k.type === SIGNATURE_TYPE.ed25519);
  const witnessKeys = keys.filter((k) => k.type === SIGNATURE_TYPE.cosignatureV1);
  const bundle = readBundleLeaves(path);
  if (typeof bundle === 'string') return fail('BUNDLE_UNREADABLE', bundle);
  const own = bundle.manifest?.transparency;
  if (own === undefined || own.checkpoints.length === 0)
    return fail(
      'NO_CHECKPOINT',
      'the bundle holds no signed checkpoint (a project bundle, or exported without a log key)',
    );
  const ownCheckpoints = parseAll(own.checkpoints);
  if (typeof ownCheckpoints === 'string') return fail('CHECKPOINT_UNREADABLE', ownCheckpoints);

  // Earlier records: their checkpoints, and the leaves of earlier bundles (checked against their own checkpoints).
  const earlierCheckpoints: SignedCheckpoint[] = [];
  let earlierLeaves: BundleLeaves | undefined;
  for (const record of earlier) {
    if (record.kind === 'checkpoint') {
      const c = parseCheckpoint(record.text);
      if (typeof c === 'string') return fail('CHECKPOINT_UNREADABLE', `--against: ${c}`);
      earlierCheckpoints.push(c);
      continue;
    }
    const other = readBundleLeaves(record.path);
    if (typeof other === 'string') return fail('EARLIER_BUNDLE_INVALID', `${record.path}: ${other}`);
    const theirs = parseAll(other.manifest?.transparency?.checkpoints ?? []);
    if (typeof theirs === 'string' || theirs.length === 0)
      return fail('EARLIER_BUNDLE_INVALID', `${record.path}: no readable checkpoint`);
    const roots = rootsAt(
      other.leaves,
      theirs.map((c) => c.size),
    );
    for (const c of theirs) {
      const root = roots.get(c.size);
      if (root === undefined || !equalHashes(root, c.root))
        return fail(
          'EARLIER_BUNDLE_INVALID',
          `${record.path}: its events do not give its checkpoint of size ${c.size}`,
        );
    }
    earlierCheckpoints.push(...theirs);
    if (earlierLeaves === undefined || other.leaves.length > earlierLeaves.leaves.length)
      earlierLeaves = other;
  }

  const all = [...earlierCheckpoints, ...ownCheckpoints];
  for (const c of all) {
    if (!logKeys.some((k) => verifyCheckpointSignature(c, k)))
      return fail(
        'LOG_SIGNATURE_INVALID',
        `the checkpoint of size ${c.size} carries no valid signature by a log key given`,
      );
  }
  const cosigned: Array<{ witness: string; size: string }> = [];
  for (const w of witnessKeys) {
    const sizes = all.filter((c) => verifyCosignature(c, w) !== undefined).map((c) => c.size);
    if (sizes.length === 0) return fail('COSIGNATURE_MISSING', `no valid cosignature by witness ${w.name}`);
    cosigned.push({ witness: w.name, size: sizes.reduce((a, b) => (a > b ? a : b)).toString(10) });
  }
  // The history itself: the bundle's events give every checkpoint's root, or the histories part.
  const n = bundle.leaves.length;
  const roots = rootsAt(
    bundle.leaves,
    all.map((c) => c.size),
  );
  const agrees = (c: SignedCheckpoint): boolean => {
    const root = roots.get(c.size);
    return root !== undefined && equalHashes(root, c.root);
  };
  const departed = all
    .filter((c) => !agrees(c))
    .sort((a, b) => (a.size < b.size ? -1 : a.size > b.size ? 1 : 0))[0];
  if (departed !== undefined) {
    const detail =
      departed.size > BigInt(n)
        ? `the checkpoint of size ${departed.size} was signed over more events than the bundle holds (${n}): events were removed`
        : `the first ${departed.size} events of the bundle do not give the root of the checkpoint of size ${departed.size}: history was changed`;
    const at = { checkpointSize: departed.size.toString(10) };
    if (earlierLeaves !== undefined && agreesWith(earlierLeaves, departed)) {
      const old = earlierLeaves.leaves;
      let index = 0;
      while (
        index < n &&
        index < old.length &&
        equalHashes(bundle.leaves[index] as Hash32, old[index] as Hash32)
      )
        index += 1;
      return fail('HISTORY_DIVERGES', detail, {
        ...at,
        firstDifference: {
          index,
          position: bundle.positions[index] ?? null,
          earlierPosition: earlierLeaves.positions[index] ?? null,
        },
      });
    }
    // A smaller checkpoint the bundle agrees with bounds the range only when a witness given here
    // co-signed both it and the departed one (it checked that one extends the other); a checkpoint
    // the log signed over the altered events proves nothing about the earlier history.
    const vouched = (c: SignedCheckpoint): boolean =>
      witnessKeys.some(
        (w) => verifyCosignature(c, w) !== undefined && verifyCosignature(departed, w) !== undefined,
      );
    const agreed = all
      .filter((c) => c.size < departed.size && agrees(c) && vouched(c))
      .reduce((a, c) => (c.size > a ? c.size : a), 0n);
    return fail('HISTORY_DIVERGES', detail, {
      ...at,
      partsWithin: { from: Number(agreed), upTo: Math.min(Number(departed.size), n + 1) },
    });
  }
  // The proofs last: a verifier holding only the checkpoints would rely on them.
  for (const [i, step] of own.consistency.entries()) {
    const from = ownCheckpoints[i];
    const to = ownCheckpoints[i + 1];
    if (
      from === undefined ||
      to === undefined ||
      step.from !== from.size.toString(10) ||
      step.to !== to.size.toString(10)
    )
      return fail(
        'CONSISTENCY_PROOF_INVALID',
        `proof ${i + 1} does not join checkpoints ${i + 1} and ${i + 2}`,
      );
    const proof = step.proof.map((p) => new Uint8Array(Buffer.from(p, 'base64')));
    if (!verifyConsistency(from.size, to.size, from.root, to.root, proof))
      return fail(
        'CONSISTENCY_PROOF_INVALID',
        `the checkpoint of size ${to.size} does not extend that of size ${from.size}`,
      );
  }

  return { ok: true, checkpoints: all.length, cosigned, extends: earlierCheckpoints.length };
};

const agreesWith = (bundle: BundleLeaves, c: SignedCheckpoint): boolean =>
  c.size <= BigInt(bundle.leaves.length) &&
  equalHashes(merkleRoot(bundle.leaves.slice(0, Number(c.size))), c.root);
