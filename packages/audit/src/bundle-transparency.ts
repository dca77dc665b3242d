import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  contentHashOf,
  EVENTS_FILE,
  forEachLine,
  MANIFEST_FILE,
  parseLine,
  readManifest,
  type BundleLine,
  type BundleManifest,
} from './bundle';
import { MemoryNodeStorage, MerkleTree, treeHasher } from '@zhaoshang/eventstore';
import {
  eventLeafData,
  equalHashes,
  formatCheckpoint,
  isLogKey,
  leafHash,
  parseCheckpoint,
  SIGNATURE_TYPE,
  signCheckpoint,
  TreeBuilder,
  treeHashExtensions,
  verifyCheckpointSignature,
  verifyConsistency,
  verifyCosignature,
  verifyInclusion,
  type Hash32,
  type SignedCheckpoint,
  type SignerKey,
  type TreeHash,
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
  /**
   * A project bundle's proofs (its events are a few of `$all`, not all of it): for each line of
   * events.jsonl in order, the event's leaf index in `$all` and its RFC 9162 inclusion proof
   * (base64 hashes) in the tree of the last checkpoint. Absent in whole-store bundles, which hold
   * every leaf.
   */
  readonly inclusion?: ReadonlyArray<{ readonly index: number; readonly proof: ReadonlyArray<string> }>;
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
 * The leaf data of a run of events (each event's hash as 32 bytes), packed in one buffer: 32 MB
 * for a million events, where an array of a million small buffers would take several times that.
 */
export class LeafData {
  private bytes = Buffer.alloc(32 * 1024);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(data: Uint8Array): void {
    if (data.length !== 32) throw new TypeError('leaf data is 32 bytes');
    if ((this.count + 1) * 32 > this.bytes.length) {
      const grown = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(grown);
      this.bytes = grown;
    }
    this.bytes.set(data, this.count * 32);
    this.count += 1;
  }

  at(index: number): Uint8Array {
    if (index < 0 || index >= this.count) throw new RangeError(`no leaf ${index}`);
    return this.bytes.subarray(index * 32, index * 32 + 32);
  }

  toArray(): Uint8Array[] {
    return Array.from({ length: this.count }, (_, i) => this.at(i));
  }
}

/** The one tree hash all these checkpoints name; a string when they name two. */
const commonTreeHash = (
  checkpoints: ReadonlyArray<SignedCheckpoint>,
  fallback: TreeHash = 'sha256',
): TreeHash | string => {
  const named = new Set(checkpoints.map((c) => c.treeHash));
  if (named.size > 1) return `the checkpoints name different tree hashes: ${[...named].join(', ')}`;
  return [...named][0] ?? fallback;
};

/**
 * The transparency part for a bundle over the first `leafData.length` events of `$all`: the
 * earlier checkpoints given (signed notes, kept as they are, cosignatures included) and, when
 * `logKey` is given, a checkpoint at that size signed with it (Ed25519 or SM2, the key's type),
 * then the consistency proofs. The tree hash is the one the earlier checkpoints name, else
 * `treeHash` (default SHA-256); a checkpoint signed here names it when it is not SHA-256.
 * `include`: for a project bundle, the leaf indices of its events, each given an inclusion proof
 * in the tree of the last checkpoint. Proofs come from a tree with its nodes kept (O(log n) each).
 */
export const transparencyOf = (
  leafData: ReadonlyArray<Uint8Array> | LeafData,
  options: {
    readonly origin: string;
    readonly logKey?: SignerKey;
    readonly earlier?: ReadonlyArray<string>;
    readonly treeHash?: TreeHash;
    readonly include?: ReadonlyArray<number>;
  },
): BundleTransparency => {
  const parsed: SignedCheckpoint[] = [];
  for (const text of options.earlier ?? []) {
    const c = parseCheckpoint(text);
    if (typeof c === 'string') throw new TypeError(`not a checkpoint: ${c}`);
    parsed.push(c);
  }
  const hash = commonTreeHash(parsed, options.treeHash);
  if (hash !== 'sha256' && hash !== 'sm3') throw new TypeError(hash);
  if (options.treeHash !== undefined && options.treeHash !== hash)
    throw new TypeError(`the checkpoints name the tree hash ${hash}, not ${options.treeHash}`);
  const tree = new MerkleTree(treeHasher(hash), new MemoryNodeStorage());
  const count = leafData.length;
  const dataAt = (i: number): Uint8Array =>
    leafData instanceof LeafData ? leafData.at(i) : (leafData[i] as Uint8Array);
  for (let from = 0; from < count; from += 10_000)
    tree.appendLeafData(Array.from({ length: Math.min(10_000, count - from) }, (_, i) => dataAt(from + i)));
  if (options.logKey !== undefined)
    parsed.push(
      signCheckpoint(options.logKey, {
        origin: options.origin,
        size: BigInt(count),
        root: new Uint8Array(tree.root()),
        extensions: treeHashExtensions(hash),
      }),
    );
  parsed.sort((a, b) => (a.size < b.size ? -1 : a.size > b.size ? 1 : 0));
  const consistency = parsed.slice(1).map((c, i) => {
    const from = (parsed[i] as SignedCheckpoint).size;
    const fits = c.size <= BigInt(count) && from <= c.size;
    return {
      from: from.toString(10),
      to: c.size.toString(10),
      proof: fits ? tree.consistencyProof(Number(from), Number(c.size)).map(b64) : [],
    };
  });
  const last = parsed[parsed.length - 1];
  const inclusion =
    options.include === undefined || last === undefined
      ? undefined
      : options.include.map((index) => ({
          index,
          proof:
            BigInt(index) < last.size && last.size <= BigInt(count)
              ? tree.inclusionProof(index, Number(last.size)).map(b64)
              : [],
        }));
  return {
    origin: options.origin,
    checkpoints: parsed.map(formatCheckpoint),
    consistency,
    ...(inclusion === undefined ? {} : { inclusion }),
  };
};

/** The leaf data of a bundle's events and each event's position, in order. */
export interface BundleLeaves {
  readonly leafData: LeafData;
  readonly positions: ReadonlyArray<string>;
  readonly manifest: BundleManifest | undefined;
}

/**
 * Reads a bundle's leaf data and its manifest. Each leaf's data is the hash of the event's
 * content as recomputed here (equal to the stored `metadata.hash` unless the content was
 * changed), so a changed byte changes the leaf even when the stored hash was left as it was.
 * `onLine` sees each event as read (a project bundle's proofs are checked that way).
 */
export const readBundleLeaves = (
  path: string,
  onLine?: (line: BundleLine, data: Uint8Array, number: number) => string | undefined,
): BundleLeaves | string => {
  let singleFile: boolean;
  try {
    singleFile = !statSync(path).isDirectory();
  } catch (e) {
    return String(e);
  }
  const leafData = new LeafData();
  const positions: string[] = [];
  let problem: string | undefined;
  let held: Buffer | undefined;
  const take = (bytes: Buffer): boolean => {
    try {
      const line = parseLine(bytes.toString('utf8'));
      if (line === undefined) throw new TypeError('not a stored event');
      const data = eventLeafData(contentHashOf(line));
      problem = onLine?.(line, data, leafData.length + 1);
      if (problem !== undefined) return false;
      leafData.push(data);
      positions.push(line.globalPosition);
      return true;
    } catch (e) {
      problem = `line ${leafData.length + 1}: ${String(e)}`;
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
  return { leafData, positions, manifest: read };
};

/** What can be wrong with a bundle's checkpoints and proofs. */
export type TransparencyProblemCode =
  | 'BUNDLE_UNREADABLE'
  | 'NO_CHECKPOINT'
  | 'CHECKPOINT_UNREADABLE'
  | 'LOG_SIGNATURE_INVALID'
  | 'COSIGNATURE_MISSING'
  | 'CONSISTENCY_PROOF_INVALID'
  | 'INCLUSION_PROOF_INVALID'
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
      /** A project bundle: the number of its events whose inclusion proof was checked. */
      readonly proved?: number;
      /** A project bundle checked with no key: its checkpoint's signatures were not checked. */
      readonly signatures?: 'unchecked';
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
        /** INCLUSION_PROOF_INVALID: the event whose proof fails (1-based line of events.jsonl). */
        readonly event?: {
          readonly line: number;
          readonly position: string;
          readonly streamName: string;
          readonly revision: number;
        };
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

/** Roots of the tree over the leaves at each requested size (one pass, O(log n) memory). */
const rootsAt = (leafData: LeafData, sizes: ReadonlyArray<bigint>, hash: TreeHash): Map<bigint, Hash32> => {
  const wanted = new Set(sizes.filter((s) => s <= BigInt(leafData.length)));
  const roots = new Map<bigint, Hash32>();
  const tree = new TreeBuilder(hash);
  if (wanted.has(0n)) roots.set(0n, tree.root());
  for (let i = 0; i < leafData.length; i += 1) {
    tree.push(leafHash(leafData.at(i), hash));
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
  const logKeys = keys.filter(isLogKey);
  const witnessKeys = keys.filter((k) => k.type === SIGNATURE_TYPE.cosignatureV1);
  const manifest = readBundleManifest(path);
  if (typeof manifest === 'string') return fail('BUNDLE_UNREADABLE', manifest);
  const own = manifest?.transparency;
  if (own === undefined || own.checkpoints.length === 0)
    return fail(
      'NO_CHECKPOINT',
      'the bundle holds no signed checkpoint (exported without a log key, and none recorded)',
    );
  const ownCheckpoints = parseAll(own.checkpoints);
  if (typeof ownCheckpoints === 'string') return fail('CHECKPOINT_UNREADABLE', ownCheckpoints);
  if (own.inclusion !== undefined) {
    if (earlier.length > 0)
      return fail(
        'EARLIER_BUNDLE_INVALID',
        'a project bundle holds a few events of $all: check it against earlier checkpoints with a whole-store bundle',
      );
    return verifyProjectBundle(path, own, ownCheckpoints, logKeys, witnessKeys, fail);
  }
  const bundle = readBundleLeaves(path);
  if (typeof bundle === 'string') return fail('BUNDLE_UNREADABLE', bundle);

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
    const theirHash = commonTreeHash(theirs);
    if (theirHash !== 'sha256' && theirHash !== 'sm3')
      return fail('EARLIER_BUNDLE_INVALID', `${record.path}: ${theirHash}`);
    const roots = rootsAt(
      other.leafData,
      theirs.map((c) => c.size),
      theirHash,
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
    if (earlierLeaves === undefined || other.leafData.length > earlierLeaves.leafData.length)
      earlierLeaves = other;
  }

  const all = [...earlierCheckpoints, ...ownCheckpoints];
  // The tree hash is what the checkpoints signed (an SM3 log's name it), the same for all.
  const hash = commonTreeHash(all);
  if (hash !== 'sha256' && hash !== 'sm3') return fail('CHECKPOINT_UNREADABLE', hash);
  const cosigned = checkSignatures(all, logKeys, witnessKeys);
  if (!Array.isArray(cosigned)) return fail(cosigned.code, cosigned.detail);
  // The history itself: the bundle's events give every checkpoint's root, or the histories part.
  const n = bundle.leafData.length;
  const roots = rootsAt(
    bundle.leafData,
    all.map((c) => c.size),
    hash,
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
    if (earlierLeaves !== undefined && agreesWith(earlierLeaves, departed, hash)) {
      const old = earlierLeaves.leafData;
      let index = 0;
      while (index < n && index < old.length && equalHashes(bundle.leafData.at(index), old.at(index)))
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
    if (!verifyConsistency(from.size, to.size, from.root, to.root, proof, hash))
      return fail(
        'CONSISTENCY_PROOF_INVALID',
        `the checkpoint of size ${to.size} does not extend that of size ${from.size}`,
      );
  }

  return { ok: true, checkpoints: all.length, cosigned, extends: earlierCheckpoints.length };
};

const agreesWith = (bundle: BundleLeaves, c: SignedCheckpoint, hash: TreeHash): boolean => {
  const root = rootsAt(bundle.leafData, [c.size], hash).get(c.size);
  return root !== undefined && equalHashes(root, c.root);
};

/** Signatures and cosignatures of a bundle's checkpoints: the first problem, else the witnesses' largest sizes. */
const checkSignatures = (
  all: ReadonlyArray<SignedCheckpoint>,
  logKeys: ReadonlyArray<VerifierKey>,
  witnessKeys: ReadonlyArray<VerifierKey>,
):
  | { readonly code: TransparencyProblemCode; readonly detail: string }
  | Array<{ witness: string; size: string }> => {
  for (const c of all)
    if (!logKeys.some((k) => verifyCheckpointSignature(c, k)))
      return {
        code: 'LOG_SIGNATURE_INVALID',
        detail: `the checkpoint of size ${c.size} carries no valid signature by a log key given`,
      };
  const cosigned: Array<{ witness: string; size: string }> = [];
  for (const w of witnessKeys) {
    const sizes = all.filter((c) => verifyCosignature(c, w) !== undefined).map((c) => c.size);
    if (sizes.length === 0)
      return { code: 'COSIGNATURE_MISSING', detail: `no valid cosignature by witness ${w.name}` };
    cosigned.push({ witness: w.name, size: sizes.reduce((a, b) => (a > b ? a : b)).toString(10) });
  }
  return cosigned;
};

/** Whether a bundle is a project bundle carrying its events' inclusion proofs. */
export const hasInclusionProofs = (path: string): boolean => {
  const manifest = readBundleManifest(path);
  return typeof manifest === 'object' && manifest.transparency?.inclusion !== undefined;
};

/** A bundle's manifest alone (the last line of a single file, or manifest.json). */
const readBundleManifest = (path: string): BundleManifest | undefined | string => {
  try {
    if (statSync(path).isDirectory()) return readManifest(readFileSync(join(path, MANIFEST_FILE), 'utf8'));
  } catch (e) {
    return String(e);
  }
  let last: Buffer | undefined;
  const fd = openSync(path, 'r');
  try {
    forEachLine(fd, (bytes) => {
      last = bytes;
      return true;
    });
  } finally {
    closeSync(fd);
  }
  return last === undefined ? 'no manifest line' : readManifest(last.toString('utf8'), 'manifest');
};

/**
 * A project bundle: its events are a few of `$all`, each with its leaf index and inclusion proof
 * in the tree of the bundle's (last) checkpoint. Each event's leaf is recomputed from its content
 * and hashed with the checkpoint's tree hash; the proof must lead to the checkpoint's root, and
 * the leaf indices must increase as the lines do. The first event whose proof fails is named.
 * With no key given, the signatures are not checked (the proofs still are, against the root the
 * checkpoint states); with keys, as for a whole-store bundle.
 */
const verifyProjectBundle = (
  path: string,
  own: BundleTransparency,
  checkpoints: ReadonlyArray<SignedCheckpoint>,
  logKeys: ReadonlyArray<VerifierKey>,
  witnessKeys: ReadonlyArray<VerifierKey>,
  fail: (
    code: TransparencyProblemCode,
    detail: string,
    extra?: Omit<Extract<TransparencyReport, { ok: false }>['problem'], 'code' | 'detail'>,
  ) => TransparencyReport,
): TransparencyReport => {
  const signed = checkpoints[checkpoints.length - 1];
  if (signed === undefined) return fail('NO_CHECKPOINT', 'the bundle holds no checkpoint');
  const hash = commonTreeHash(checkpoints);
  if (hash !== 'sha256' && hash !== 'sm3') return fail('CHECKPOINT_UNREADABLE', hash);
  const cosigned = logKeys.length === 0 ? [] : checkSignatures(checkpoints, logKeys, witnessKeys);
  if (!Array.isArray(cosigned)) return fail(cosigned.code, cosigned.detail);
  const proofs = own.inclusion ?? [];
  let previous = -1;
  let failed: TransparencyReport | undefined;
  const read = readBundleLeaves(path, (line, data, number) => {
    const entry = proofs[number - 1];
    const event = {
      line: number,
      position: line.globalPosition,
      streamName: line.streamName,
      revision: line.revision,
    };
    const at = `line ${number}, position ${line.globalPosition} (${line.streamName}@${line.revision})`;
    if (entry === undefined || !Number.isSafeInteger(entry.index) || entry.index <= previous) {
      failed = fail('INCLUSION_PROOF_INVALID', `${at}: no inclusion proof in order`, { event });
      return 'stop';
    }
    previous = entry.index;
    const proof = entry.proof.map((p) => new Uint8Array(Buffer.from(p, 'base64')));
    if (!verifyInclusion(BigInt(entry.index), signed.size, leafHash(data, hash), proof, signed.root, hash)) {
      failed = fail(
        'INCLUSION_PROOF_INVALID',
        `${at}: the event is not leaf ${entry.index} of the checkpoint of size ${signed.size} (its content or its proof was changed)`,
        { event },
      );
      return 'stop';
    }
    return undefined;
  });
  if (failed !== undefined) return failed;
  if (typeof read === 'string') return fail('BUNDLE_UNREADABLE', read);
  if (read.leafData.length !== proofs.length)
    return fail(
      'INCLUSION_PROOF_INVALID',
      `${proofs.length} inclusion proofs for ${read.leafData.length} events`,
    );
  for (const [i, step] of own.consistency.entries()) {
    const from = checkpoints[i];
    const to = checkpoints[i + 1];
    const proof = step.proof.map((p) => new Uint8Array(Buffer.from(p, 'base64')));
    if (
      from === undefined ||
      to === undefined ||
      !verifyConsistency(from.size, to.size, from.root, to.root, proof, hash)
    )
      return fail(
        'CONSISTENCY_PROOF_INVALID',
        `proof ${i + 1} does not join checkpoints ${i + 1} and ${i + 2}`,
      );
  }
  return {
    ok: true,
    checkpoints: checkpoints.length,
    cosigned,
    extends: 0,
    proved: proofs.length,
    ...(logKeys.length === 0 ? { signatures: 'unchecked' as const } : {}),
  };
};
