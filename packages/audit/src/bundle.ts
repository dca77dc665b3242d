import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectStream, type ProjectId } from '@zhaoshang/domain';
import {
  eventHash,
  GENESIS_HASH,
  positionToString,
  type EventMetadata,
  type EventStore,
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

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

const toLine = (e: StoredEvent): string =>
  JSON.stringify({
    streamName: e.streamName,
    revision: e.revision,
    globalPosition: positionToString(e.globalPosition),
    type: e.type,
    data: e.data,
    metadata: e.metadata,
  } satisfies BundleLine);

/**
 * Writes an audit bundle: every stored event (or one project's) in global order to events.jsonl,
 * and manifest.json describing it. Returns the manifest.
 */
export const exportBundle = async (
  store: EventStore,
  options: { readonly projectId?: ProjectId },
  dir: string,
): Promise<BundleManifest> => {
  const events =
    options.projectId === undefined
      ? await store.readAll()
      : [...(await store.readStream(projectStream(options.projectId)))];
  const text = events.map((e) => `${toLine(e)}\n`).join('');
  const heads = new Map<string, { revision: number; hash: string }>();
  for (const e of events) heads.set(e.streamName, { revision: e.revision, hash: e.metadata.hash });
  const first = events[0];
  const last = events[events.length - 1];
  const manifest: BundleManifest = {
    format: 1,
    count: events.length,
    fromPosition: first === undefined ? null : positionToString(first.globalPosition),
    toPosition: last === undefined ? null : positionToString(last.globalPosition),
    streams: Object.fromEntries([...heads.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    eventsSha256: sha256(text),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, EVENTS_FILE), text, 'utf8');
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  return manifest;
};

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

const parseLine = (text: string): BundleLine | undefined => {
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

/**
 * Verifies a bundle offline, without any store: each event's hash recomputed, prev-hash links,
 * contiguous revisions from 0 per stream, increasing positions, then the manifest (count, range,
 * stream heads) and the SHA-256 of events.jsonl. Reports the first problem.
 */
export const verifyBundle = (dir: string): BundleReport => {
  let checked = 0;
  const fail = (
    code: BundleProblemCode,
    detail: string,
    at: { line?: number; streamName?: string; revision?: number } = {},
  ): BundleReport => ({ ok: false, checked, problem: { code, ...at, detail } });

  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BundleManifest;
    if (manifest.format !== 1)
      return fail('MANIFEST_UNREADABLE', `unknown format ${String(manifest.format)}`);
  } catch (e) {
    return fail('MANIFEST_UNREADABLE', String(e));
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, EVENTS_FILE));
  } catch (e) {
    return fail('EVENTS_UNREADABLE', String(e));
  }

  const text = bytes.toString('utf8');
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const heads = new Map<string, { revision: number; hash: string }>();
  let lastPosition: bigint | undefined;
  let firstPosition: string | null = null;
  let lastPositionText: string | null = null;
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    const e = parseLine(raw);
    if (e === undefined) return fail('LINE_UNREADABLE', 'not a stored event', { line });
    const at = { line, streamName: e.streamName, revision: e.revision };
    const position = BigInt(e.globalPosition);
    if (lastPosition !== undefined && position <= lastPosition)
      return fail(
        'POSITION_NOT_INCREASING',
        `position ${e.globalPosition} after ${String(lastPosition)}`,
        at,
      );
    lastPosition = position;
    firstPosition ??= e.globalPosition;
    lastPositionText = e.globalPosition;
    const head = heads.get(e.streamName);
    const expectedRevision = head === undefined ? 0 : head.revision + 1;
    if (e.revision !== expectedRevision)
      return fail('REVISION_GAP', `expected revision ${expectedRevision}`, at);
    if (e.metadata.prevHash !== (head === undefined ? GENESIS_HASH : head.hash))
      return fail('PREV_HASH_MISMATCH', 'prevHash is not the previous event’s hash', at);
    const { hash, ...metadata } = e.metadata;
    const recomputed = eventHash({
      streamName: e.streamName,
      revision: e.revision,
      type: e.type,
      data: e.data,
      metadata,
    });
    if (recomputed !== hash) return fail('HASH_MISMATCH', `recomputed ${recomputed}`, at);
    heads.set(e.streamName, { revision: e.revision, hash });
    checked += 1;
  }

  if (manifest.count !== lines.length)
    return fail('COUNT_MISMATCH', `manifest says ${manifest.count}, events.jsonl has ${lines.length}`);
  if (manifest.fromPosition !== firstPosition || manifest.toPosition !== lastPositionText)
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
  const actual = sha256(bytes);
  if (actual !== manifest.eventsSha256)
    return fail('FILE_HASH_MISMATCH', `events.jsonl has SHA-256 ${actual}`);
  return { ok: true, checked };
};
