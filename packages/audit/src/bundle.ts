import { createHash, hash as oneShotHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { projectStream, type ProjectId } from '@zhaoshang/domain';
import {
  CHECKPOINT_STREAM,
  LeafData,
  RecordedCheckpoints,
  transparencyOf,
  type BundleTransparency,
} from './bundle-transparency';
import { eventLeafData, parseCheckpoint, type SignerKey, type TreeHash } from './transparency';
import {
  eventHash,
  GENESIS_HASH,
  isEventStoreError,
  parsePosition,
  positionToString,
  type HashedContent,
  type EventMetadata,
  type EventStore,
  type GlobalPosition,
  type StoredEvent,
} from '@zhaoshang/eventstore';

/** File names inside a bundle directory. */
export const EVENTS_FILE = 'events.jsonl';
export const MANIFEST_FILE = 'manifest.json';

/** The manifest of an audit bundle. */
export interface BundleManifest {
  readonly format: 1;
  readonly count: number;
  /** Global positions of the first and last event (strings), null when the bundle is empty. */
  readonly fromPosition: string | null;
  readonly toPosition: string | null;
  /** Last revision and hash of every stream in the bundle, keys sorted. */
  readonly streams: Readonly<Record<string, { readonly revision: number; readonly hash: string }>>;
  /** SHA-256 (hex) of events.jsonl's bytes. */
  readonly eventsSha256: string;
  /**
   * Signed checkpoints of the log over `$all` and consistency proofs between them, and in a
   * project bundle each event's inclusion proof: see bundle-transparency.ts and docs/auditing.md.
   * Absent in older bundles.
   */
  readonly transparency?: BundleTransparency;
}

/** One line of events.jsonl: a stored event with its position as a decimal string. */
export interface BundleLine {
  readonly streamName: string;
  readonly revision: number;
  readonly globalPosition: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** Events read from the store per page while exporting (what an export holds in memory). */
export const BUNDLE_PAGE_SIZE = 1000;

/** A stored event as a line of events.jsonl holds it (the position as text, for JSON). */
export const bundleLineOf = (e: StoredEvent): BundleLine => ({
  streamName: e.streamName,
  revision: e.revision,
  globalPosition: positionToString(e.globalPosition),
  type: e.type,
  data: e.data,
  metadata: e.metadata,
});

const toLine = (e: StoredEvent): string => JSON.stringify(bundleLineOf(e));

const byKey = ([a]: [string, unknown], [b]: [string, unknown]): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds a bundle one event at a time: `add` gives the event's line of events.jsonl (newline
 * included) and folds it into the manifest (count, range, stream heads, SHA-256 of the lines so
 * far); `manifest()` describes every line added. Holds the stream heads, never the events.
 */
export class BundleBuilder {
  private readonly sha = createHash('sha256');
  private readonly heads = new Map<string, { revision: number; hash: string }>();
  private count = 0;
  private fromPosition: string | null = null;
  private toPosition: string | null = null;

  add(e: StoredEvent): string {
    const line = `${toLine(e)}\n`;
    this.sha.update(line, 'utf8');
    this.heads.set(e.streamName, { revision: e.revision, hash: e.metadata.hash });
    this.count += 1;
    const position = positionToString(e.globalPosition);
    this.fromPosition ??= position;
    this.toPosition = position;
    return line;
  }

  /** The manifest of the lines added so far (call it once, at the end: it finishes the SHA-256). */
  manifest(): BundleManifest {
    return {
      format: 1,
      count: this.count,
      fromPosition: this.fromPosition,
      toPosition: this.toPosition,
      streams: Object.fromEntries([...this.heads.entries()].sort(byKey)),
      eventsSha256: this.sha.digest('hex'),
    };
  }
}

/** What a bundle holds: the whole store, or one project's stream. */
export interface BundleScope {
  readonly projectId?: ProjectId;
  /**
   * The last global position included (inclusive). Default: the store's head when the export
   * starts, so that events appended meanwhile are left out and the bundle is one consistent cut.
   */
  readonly toPosition?: GlobalPosition;
}

/** The store's last global position, undefined when it is empty. */
export const headPosition = async (store: EventStore): Promise<GlobalPosition | undefined> =>
  (await store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.globalPosition;

/**
 * The events of a bundle in global order, read page by page (`pageSize` events at a time), up to
 * `scope.toPosition`. A project's stream rejects with STREAM_NOT_FOUND when it has no event.
 */
export async function* bundleEvents(
  store: EventStore,
  scope: BundleScope,
  pageSize: number = BUNDLE_PAGE_SIZE,
): AsyncGenerator<StoredEvent, void, undefined> {
  const upTo = scope.toPosition ?? (await headPosition(store));
  if (scope.projectId !== undefined) {
    const stream = projectStream(scope.projectId);
    for (let fromRevision = 0; ; fromRevision += pageSize) {
      const page = await store.readStream(stream, { fromRevision, maxCount: pageSize });
      for (const e of page) {
        if (upTo === undefined || e.globalPosition > upTo) return;
        yield e;
      }
      if (page.length < pageSize) return;
    }
  }
  if (upTo === undefined) return;
  // Each page starts after the last event seen (an exclusive checkpoint: positions are opaque).
  let after: GlobalPosition | undefined;
  for (;;) {
    const page = await store.readAll(
      after === undefined ? { maxCount: pageSize } : { after, maxCount: pageSize },
    );
    for (const e of page) {
      if (e.globalPosition > upTo) return;
      yield e;
    }
    const last = page[page.length - 1];
    if (last === undefined || page.length < pageSize) return;
    after = last.globalPosition;
  }
}

/**
 * Writes a bundle's lines to `write`, page by page (`write` may return a promise, awaited before
 * the next page: a slow reader holds the export back instead of letting it pile up in memory), and
 * returns the manifest of what was written.
 */
export const writeBundle = async (
  store: EventStore,
  scope: BundleScope,
  write: (text: string) => void | Promise<void>,
  pageSize: number = BUNDLE_PAGE_SIZE,
  onEvent?: (e: StoredEvent) => void,
): Promise<BundleManifest> => {
  const builder = new BundleBuilder();
  let pending = '';
  let inPage = 0;
  for await (const e of bundleEvents(store, scope, pageSize)) {
    onEvent?.(e);
    pending += builder.add(e);
    inPage += 1;
    if (inPage === pageSize) {
      await write(pending);
      pending = '';
      inPage = 0;
    }
  }
  if (pending !== '') await write(pending);
  return builder.manifest();
};

/** Checkpoints to put in a whole-store bundle (see bundle-transparency.ts). */
export interface BundleCheckpointOptions {
  /** The log's origin line (default: that of the checkpoints recorded in the store). */
  readonly origin?: string;
  /** The log's signing key: a checkpoint at the bundle's head is signed with it. */
  readonly logKey?: SignerKey;
  /** Earlier checkpoints (signed notes, cosignatures included), as the log served them. */
  readonly earlier?: ReadonlyArray<string>;
  /**
   * For a project bundle, where the log's tree is at hand (the API's service, with its stored
   * nodes and configured key): a checkpoint signed now and each event's leaf index and inclusion
   * proof in it, for the events at these positions, in order; undefined when it cannot prove them.
   * Spares the export reading all of `$all` to rebuild the tree.
   */
  readonly prove?: (positions: ReadonlyArray<GlobalPosition>) => Promise<
    | {
        readonly checkpoint: string;
        readonly inclusion: ReadonlyArray<{ readonly index: number; readonly proof: ReadonlyArray<string> }>;
      }
    | undefined
  >;
  /** The log's tree hash when no checkpoint given or recorded names it (default SHA-256). */
  readonly treeHash?: TreeHash;
}

/** Whether the store holds checkpoints recorded by the API (its `transparency-checkpoints` stream). */
const hasRecordedCheckpoints = async (store: EventStore): Promise<boolean> => {
  try {
    return (await store.readStream(CHECKPOINT_STREAM, { maxCount: 1 })).length > 0;
  } catch (e) {
    if (isEventStoreError(e) && e.code === 'STREAM_NOT_FOUND') return false;
    throw e;
  }
};

/**
 * Writes an audit bundle to a directory: every stored event (or one project's) in global order to
 * events.jsonl, a page at a time, then manifest.json describing it. Returns the manifest. The
 * manifest's `transparency` (see `writeAnchoredBundle`) anchors it to the log's checkpoints.
 */
export const exportBundle = async (
  store: EventStore,
  options: BundleScope,
  dir: string,
  checkpoints?: BundleCheckpointOptions,
): Promise<BundleManifest> => {
  mkdirSync(dir, { recursive: true });
  const fd = openSync(join(dir, EVENTS_FILE), 'w');
  let manifest: BundleManifest;
  try {
    manifest = await writeAnchoredBundle(
      store,
      options,
      (text) => {
        writeSync(fd, text, null, 'utf8');
      },
      checkpoints,
    );
  } finally {
    closeSync(fd);
  }
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  return manifest;
};

/**
 * `writeBundle` with the transparency part, in the manifest's `transparency`: the checkpoints the
 * API recorded in the store among the events up to the bundle's end (with the witnesses'
 * cosignatures it stored), any given in `checkpoints.earlier`, a checkpoint at the bundle's end
 * when `checkpoints.logKey` is given, and the consistency proofs between them. A whole-store
 * bundle of a store without checkpoints, none given, carries none.
 *
 * A project bundle's events are a few of `$all`: it is anchored only when `checkpoints` is given
 * (so that a plain project export stays a read of one stream), and gets, besides, each event's
 * inclusion proof in the tree of the last checkpoint — from `checkpoints.prove` when given, else
 * from the tree rebuilt here from `$all` up to the bundle's end, read a page at a time. When that
 * checkpoint does not cover every event of the project, the bundle carries no transparency part.
 * Used by the directory export and by the API's single-file bundle alike.
 */
export const writeAnchoredBundle = async (
  store: EventStore,
  options: BundleScope,
  write: (text: string) => void | Promise<void>,
  checkpoints?: BundleCheckpointOptions,
  pageSize: number = BUNDLE_PAGE_SIZE,
): Promise<BundleManifest> => {
  const project = options.projectId === undefined ? undefined : projectStream(options.projectId);
  if (project !== undefined && checkpoints?.prove !== undefined) {
    const positions: GlobalPosition[] = [];
    const plain = await writeBundle(store, options, write, pageSize, (e) => positions.push(e.globalPosition));
    const proved = await checkpoints.prove(positions);
    if (proved === undefined) return plain;
    const origin = proved.checkpoint.slice(0, proved.checkpoint.indexOf('\n'));
    return {
      ...plain,
      transparency: {
        origin,
        checkpoints: [proved.checkpoint],
        consistency: [],
        inclusion: proved.inclusion,
      },
    };
  }
  const anchored =
    checkpoints !== undefined || (project === undefined && (await hasRecordedCheckpoints(store)));
  if (!anchored) return writeBundle(store, options, write, pageSize);
  const toPosition = options.toPosition ?? (await headPosition(store));
  const scope: BundleScope = { ...options, ...(toPosition === undefined ? {} : { toPosition }) };
  const leafData = new LeafData();
  const recorded = new RecordedCheckpoints();
  const observe = (e: StoredEvent): void => {
    leafData.push(eventLeafData(e.metadata.hash));
    recorded.observe(e.streamName, e.type, e.data);
  };
  const include: number[] = [];
  let manifest: BundleManifest;
  if (project === undefined) manifest = await writeBundle(store, scope, write, pageSize, observe);
  else {
    manifest = await writeBundle(store, scope, write, pageSize);
    if (toPosition !== undefined)
      for await (const e of bundleEvents(store, { toPosition }, pageSize)) {
        if (e.streamName === project) include.push(leafData.length);
        observe(e);
      }
  }
  const earlier = [...new Set([...recorded.checkpoints(), ...(checkpoints?.earlier ?? [])])];
  const origin = checkpoints?.origin ?? earlier[0]?.slice(0, earlier[0].indexOf('\n'));
  // Checkpoints recorded after the bundle's end: none in it, nothing to anchor.
  if (origin === undefined) {
    if (checkpoints?.logKey === undefined) return manifest;
    throw new TypeError("checkpoints: give the log's origin");
  }
  const transparency = transparencyOf(leafData, {
    origin,
    earlier,
    ...(checkpoints?.logKey === undefined ? {} : { logKey: checkpoints.logKey }),
    ...(checkpoints?.treeHash === undefined ? {} : { treeHash: checkpoints.treeHash }),
    ...(project === undefined ? {} : { include }),
  });
  const last = parseCheckpoint(transparency.checkpoints[transparency.checkpoints.length - 1] ?? '');
  const lastIncluded = include[include.length - 1];
  // The last checkpoint stops before some of the project's events: no proof for them, no anchor.
  if (lastIncluded !== undefined && (typeof last === 'string' || last.size <= BigInt(lastIncluded)))
    return manifest;
  return { ...manifest, transparency };
};

/**
 * The single-file form of a bundle (what the API serves): events.jsonl's lines, then one last line
 * `{"manifest":{…}}`. Cutting that line off gives events.jsonl; its `manifest` member is
 * manifest.json. `verifyBundle` reads both forms.
 */
export const manifestLine = (manifest: BundleManifest): string => `${JSON.stringify({ manifest })}\n`;

/** What can be wrong with a bundle, the first problem found. */
export type BundleProblemCode =
  | 'MANIFEST_UNREADABLE'
  | 'EVENTS_UNREADABLE'
  | 'LINE_UNREADABLE'
  | 'POSITION_NOT_INCREASING'
  | 'REVISION_GAP'
  | 'PREV_HASH_MISMATCH'
  | 'HASH_MISMATCH'
  | 'COUNT_MISMATCH'
  | 'RANGE_MISMATCH'
  | 'HEADS_MISMATCH'
  | 'FILE_HASH_MISMATCH';

/** The verdict on a bundle. */
export type BundleReport =
  | { readonly ok: true; readonly checked: number }
  | {
      readonly ok: false;
      readonly checked: number;
      readonly problem: {
        readonly code: BundleProblemCode;
        /** 1-based line of events.jsonl, when the problem is at one event. */
        readonly line?: number;
        readonly streamName?: string;
        readonly revision?: number;
        readonly detail: string;
      };
    };

export const parseLine = (text: string): BundleLine | undefined => {
  try {
    const v = JSON.parse(text) as Partial<BundleLine> | null;
    if (
      v === null ||
      typeof v !== 'object' ||
      typeof v.streamName !== 'string' ||
      typeof v.revision !== 'number' ||
      typeof v.globalPosition !== 'string' ||
      !/^\d+$/.test(v.globalPosition) ||
      typeof v.type !== 'string' ||
      v.metadata === null ||
      typeof v.metadata !== 'object'
    )
      return undefined;
    return v as BundleLine;
  } catch {
    return undefined;
  }
};

/** Bytes of a bundle file read at a time: verification holds one chunk and the stream heads. */
const READ_CHUNK = 1 << 20;

/**
 * Calls `onLine` for every line of a file, read a chunk at a time: the line's bytes without the
 * newline, and whether a newline ended it (only the last line may lack one). Stops when `onLine`
 * returns false.
 */
export const forEachLine = (fd: number, onLine: (bytes: Buffer, newline: boolean) => boolean): void => {
  let carry: Buffer | undefined;
  for (;;) {
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    const read = readSync(fd, chunk, 0, READ_CHUNK, null);
    if (read === 0) break;
    const bytes =
      carry === undefined ? chunk.subarray(0, read) : Buffer.concat([carry, chunk.subarray(0, read)]);
    let start = 0;
    for (let nl = bytes.indexOf(0x0a, start); nl !== -1; nl = bytes.indexOf(0x0a, start)) {
      if (!onLine(bytes.subarray(start, nl), true)) return;
      start = nl + 1;
    }
    carry = start < bytes.length ? bytes.subarray(start) : undefined;
  }
  if (carry !== undefined) onLine(carry, false);
};

const NEWLINE = Buffer.from('\n');

/**
 * An event's hash as the store computed it. Fast path first: a line written by `exportBundle`
 * holds data and metadata parsed from canonical text, so `JSON.stringify` already writes them with
 * sorted keys; if that text does not give the hash (keys reordered, say), the canonical encoding
 * decides, as it always did. Either way a match means the canonical content hashes to `hash`.
 */
const hashMatches = (
  content: HashedContent,
  hash: string,
): { ok: true } | { ok: false; recomputed: string } => {
  const asWritten = oneShotHash(
    'sha256',
    `{"data":${JSON.stringify(content.data)},"metadata":${JSON.stringify(content.metadata)},` +
      `"revision":${JSON.stringify(content.revision)},"streamName":${JSON.stringify(content.streamName)},"type":${JSON.stringify(content.type)}}`,
    'hex',
  );
  if (asWritten === hash) return { ok: true };
  const recomputed = eventHash(content);
  return recomputed === hash ? { ok: true } : { ok: false, recomputed };
};

/**
 * The hash an event's content gives (what the store computed when it was appended, unless the
 * content was changed since): `stored` when the content hashes to it, else the recomputed hash.
 */
export const contentHashOf = (line: BundleLine): string => {
  const { hash, ...metadata } = line.metadata;
  const verdict = hashMatches(
    { streamName: line.streamName, revision: line.revision, type: line.type, data: line.data, metadata },
    hash,
  );
  return verdict.ok ? hash : verdict.recomputed;
};

const asManifest = (value: unknown): BundleManifest | string => {
  if (value === null || typeof value !== 'object') return 'not a manifest';
  const manifest = value as BundleManifest;
  if (manifest.format !== 1) return `unknown format ${String(manifest.format)}`;
  return manifest;
};

export const readManifest = (text: string, member?: 'manifest'): BundleManifest | string => {
  try {
    const value = JSON.parse(text) as unknown;
    if (member === undefined) return asManifest(value);
    if (value === null || typeof value !== 'object' || !(member in value)) return `no "${member}" member`;
    return asManifest((value as Record<string, unknown>)[member]);
  } catch (e) {
    return String(e);
  }
};

/**
 * Verifies a bundle offline, without any store: each event's hash recomputed, prev-hash links,
 * contiguous revisions from 0 per stream, increasing positions, then the manifest (count, range,
 * stream heads) and the SHA-256 of events.jsonl. Reports the first problem.
 *
 * `path` is a bundle directory (events.jsonl + manifest.json) or a single-file bundle (the lines,
 * then `{"manifest":…}` as the last line, see `manifestLine`). The file is read a chunk at a time,
 * so a bundle of millions of events needs no more memory than its stream heads.
 */
export const verifyBundle = (path: string): BundleReport => {
  let checked = 0;
  const fail = (
    code: BundleProblemCode,
    detail: string,
    at: { line?: number; streamName?: string; revision?: number } = {},
  ): BundleReport => ({ ok: false, checked, problem: { code, ...at, detail } });

  let singleFile: boolean;
  try {
    singleFile = !statSync(path).isDirectory();
  } catch (e) {
    return fail('MANIFEST_UNREADABLE', String(e));
  }
  let manifest: BundleManifest | undefined;
  if (!singleFile) {
    let text: string;
    try {
      text = readFileSync(join(path, MANIFEST_FILE), 'utf8');
    } catch (e) {
      return fail('MANIFEST_UNREADABLE', String(e));
    }
    const read = readManifest(text);
    if (typeof read === 'string') return fail('MANIFEST_UNREADABLE', read);
    manifest = read;
  }
  let fd: number;
  try {
    fd = openSync(singleFile ? path : join(path, EVENTS_FILE), 'r');
  } catch (e) {
    return fail('EVENTS_UNREADABLE', String(e));
  }

  const sha = createHash('sha256');
  const heads = new Map<string, { revision: number; hash: string }>();
  let lines = 0;
  let lastPosition: bigint | undefined;
  let firstPosition: string | null = null;
  let lastPositionText: string | null = null;
  let problem: BundleReport | undefined;

  /** Checks one event line; false (and `problem` set) at the first problem. */
  const event = (bytes: Buffer, newline: boolean): boolean => {
    lines += 1;
    const line = lines;
    sha.update(bytes);
    if (newline) sha.update(NEWLINE);
    const e = parseLine(bytes.toString('utf8'));
    if (e === undefined) {
      problem = fail('LINE_UNREADABLE', 'not a stored event', { line });
      return false;
    }
    const at = { line, streamName: e.streamName, revision: e.revision };
    const position = BigInt(e.globalPosition);
    if (lastPosition !== undefined && position <= lastPosition) {
      problem = fail(
        'POSITION_NOT_INCREASING',
        `position ${e.globalPosition} after ${String(lastPosition)}`,
        at,
      );
      return false;
    }
    lastPosition = position;
    firstPosition ??= e.globalPosition;
    lastPositionText = e.globalPosition;
    const head = heads.get(e.streamName);
    const expectedRevision = head === undefined ? 0 : head.revision + 1;
    if (e.revision !== expectedRevision) {
      problem = fail('REVISION_GAP', `expected revision ${expectedRevision}`, at);
      return false;
    }
    if (e.metadata.prevHash !== (head === undefined ? GENESIS_HASH : head.hash)) {
      problem = fail('PREV_HASH_MISMATCH', 'prevHash is not the previous event’s hash', at);
      return false;
    }
    const { hash, ...metadata } = e.metadata;
    const verdict = hashMatches(
      { streamName: e.streamName, revision: e.revision, type: e.type, data: e.data, metadata },
      hash,
    );
    if (!verdict.ok) {
      problem = fail('HASH_MISMATCH', `recomputed ${verdict.recomputed}`, at);
      return false;
    }
    if (head === undefined) heads.set(e.streamName, { revision: e.revision, hash });
    else {
      head.revision = e.revision;
      head.hash = hash;
    }
    checked += 1;
    return true;
  };

  // In a single file the last line is the manifest: each line is checked once the next one shows
  // that it was not the last.
  let held: { bytes: Buffer; newline: boolean } | undefined;
  try {
    forEachLine(fd, (bytes, newline) => {
      if (!singleFile) return event(bytes, newline);
      const previous = held;
      held = { bytes, newline };
      return previous === undefined || event(previous.bytes, previous.newline);
    });
  } catch (e) {
    return fail('EVENTS_UNREADABLE', String(e));
  } finally {
    closeSync(fd);
  }
  if (problem !== undefined) return problem;

  if (singleFile) {
    if (held === undefined) return fail('MANIFEST_UNREADABLE', 'the file is empty: no manifest line');
    const trailer = readManifest(held.bytes.toString('utf8'), 'manifest');
    if (typeof trailer === 'string')
      return fail('MANIFEST_UNREADABLE', `the last line is not {"manifest":…} (a cut download?): ${trailer}`);
    manifest = trailer;
  }
  if (manifest === undefined) return fail('MANIFEST_UNREADABLE', 'no manifest');
  if (manifest.count !== lines)
    return fail('COUNT_MISMATCH', `manifest says ${manifest.count}, events.jsonl has ${lines}`);
  if (
    !samePosition(manifest.fromPosition, firstPosition) ||
    !samePosition(manifest.toPosition, lastPositionText)
  )
    return fail(
      'RANGE_MISMATCH',
      `manifest says ${String(manifest.fromPosition)}..${String(manifest.toPosition)}, events span ${String(firstPosition)}..${String(lastPositionText)}`,
    );
  const manifestStreams = Object.entries(manifest.streams ?? {});
  if (manifestStreams.length !== heads.size)
    return fail(
      'HEADS_MISMATCH',
      `manifest lists ${manifestStreams.length} streams, events have ${heads.size}`,
    );
  for (const [streamName, expected] of manifestStreams) {
    const head = heads.get(streamName);
    if (head === undefined || head.revision !== expected.revision || head.hash !== expected.hash)
      return fail('HEADS_MISMATCH', `head of ${streamName} differs from the manifest`, { streamName });
  }
  const actual = sha.digest('hex');
  if (actual !== manifest.eventsSha256)
    return fail('FILE_HASH_MISMATCH', `events.jsonl has SHA-256 ${actual}`);
  return { ok: true, checked };
};

/** Two positions as written in a bundle name the same event: compared as numbers, never as text. */
const samePosition = (a: string | null, b: string | null): boolean => {
  if (a === null || b === null) return a === b;
  try {
    return parsePosition(a) === parsePosition(b);
  } catch {
    return false;
  }
};
