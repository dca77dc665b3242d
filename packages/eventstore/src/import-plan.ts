import { ImportRefusedError, type ImportRefusalReason } from './errors';
import { canonicalJson, eventHashOfCanonicalData, GENESIS_HASH } from './hash-chain';
import type { EventMetadata, StoredEvent, StreamName, StreamRevision } from './port';

/**
 * The checks of `EventImporter.importRecorded`, shared by the adapters: given what the target
 * holds, which events of a batch to write and which it has already. Pure and synchronous: the
 * embedded store runs it inside its write transaction; EventStoreDB reads what it needs first.
 */

/** What the planner must know of the target, as it was before the batch. */
export interface ImportTarget {
  /** The stream's last event, or undefined when the stream has none. */
  readonly head: (
    streamName: StreamName,
  ) => { readonly revision: StreamRevision; readonly hash: string } | undefined;
  /** The stream's event at a revision at or below its head (undefined if not known). */
  readonly at: (
    streamName: StreamName,
    revision: StreamRevision,
  ) => { readonly eventId: string; readonly hash: string } | undefined;
  /**
   * Where the target holds an event id, when it can tell (the embedded store keeps a unique index
   * on it; EventStoreDB cannot look an id up, so there an id is checked within its stream only).
   */
  readonly byEventId?: (
    eventId: string,
  ) =>
    { readonly streamName: StreamName; readonly revision: StreamRevision; readonly hash: string } | undefined;
}

/** An event to write: the event, and the canonical text of its data and metadata (what is hashed). */
export interface ImportWrite {
  readonly event: StoredEvent;
  readonly dataText: string;
  readonly metadataText: string;
}

/** The outcome of planning a batch. */
export interface ImportPlan {
  /** In the order given. */
  readonly writes: ReadonlyArray<ImportWrite>;
  readonly skipped: number;
}

const HEX64 = /^[0-9a-f]{64}$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first field that a recorded event of this package cannot have as it is, or undefined. */
const malformedField = (e: StoredEvent): { field: string; value: unknown } | undefined => {
  if (typeof e.streamName !== 'string' || e.streamName === '')
    return { field: 'streamName', value: e.streamName };
  if (!Number.isSafeInteger(e.revision) || e.revision < 0) return { field: 'revision', value: e.revision };
  if (typeof e.type !== 'string' || e.type === '') return { field: 'type', value: e.type };
  const m: unknown = e.metadata;
  if (!isRecord(m)) return { field: 'metadata', value: m };
  for (const key of ['eventId', 'commandId', 'correlationId', 'causationId', 'businessTime', 'recordedAt'])
    if (typeof m[key] !== 'string' || m[key] === '') return { field: `metadata.${key}`, value: m[key] };
  if (!Number.isSafeInteger(m.schemaVersion))
    return { field: 'metadata.schemaVersion', value: m.schemaVersion };
  const actor = m.actor;
  if (!isRecord(actor) || ['userId', 'role', 'unitId'].some((k) => typeof actor[k] !== 'string'))
    return { field: 'metadata.actor', value: actor };
  for (const key of ['prevHash', 'hash'])
    if (typeof m[key] !== 'string' || !HEX64.test(m[key])) return { field: `metadata.${key}`, value: m[key] };
  return undefined;
};

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

const withoutHash = (metadata: EventMetadata): Omit<EventMetadata, 'hash'> => {
  const { hash: _hash, ...rest } = metadata;
  return rest;
};

/**
 * Checks each event of a batch, in order, against the target and the events before it in the
 * batch; throws `ImportRefusedError` at the first one that does not continue its chain.
 */
export const planImport = (events: ReadonlyArray<StoredEvent>, target: ImportTarget): ImportPlan => {
  // Streams and ids as they stand once the batch's earlier events are written.
  const heads = new Map<StreamName, { revision: StreamRevision; hash: string }>();
  const planned = new Map<string, { streamName: StreamName; revision: StreamRevision; hash: string }>();
  const writes: ImportWrite[] = [];
  let skipped = 0;
  for (const e of events) {
    const refuse = (reason: ImportRefusalReason, expected: string, actual: string): ImportRefusedError =>
      new ImportRefusedError(
        typeof e.streamName === 'string' ? e.streamName : show(e.streamName),
        Number.isSafeInteger(e.revision) ? e.revision : -1,
        isRecord(e.metadata) && typeof e.metadata.eventId === 'string' ? e.metadata.eventId : '',
        reason,
        expected,
        actual,
      );
    const bad = malformedField(e);
    if (bad !== undefined) throw refuse('malformed', `a valid ${bad.field}`, show(bad.value));
    const { streamName, revision, metadata } = e;

    let dataText: string;
    let metadataText: string;
    let recomputed: string;
    try {
      dataText = canonicalJson(e.data);
      metadataText = canonicalJson(metadata);
      recomputed = eventHashOfCanonicalData({
        streamName,
        revision,
        type: e.type,
        dataText,
        metadata: withoutHash(metadata),
      });
    } catch (error) {
      throw refuse(
        'malformed',
        'JSON data and metadata',
        error instanceof Error ? error.message : show(error),
      );
    }
    if (recomputed !== metadata.hash) throw refuse('hash-mismatch', recomputed, metadata.hash);

    // Already there? By id where the target can tell, else by its place in the stream.
    const sameEvent = (held: {
      readonly streamName: StreamName;
      readonly revision: StreamRevision;
      readonly hash: string;
    }) => held.streamName === streamName && held.revision === revision && held.hash === metadata.hash;
    const byId = planned.get(metadata.eventId) ?? target.byEventId?.(metadata.eventId);
    if (byId !== undefined) {
      if (sameEvent(byId)) {
        skipped += 1;
        continue;
      }
      throw refuse(
        'event-id-conflict',
        `${byId.streamName}@${byId.revision} ${byId.hash}`,
        `${streamName}@${revision} ${metadata.hash}`,
      );
    }
    const head = heads.get(streamName) ?? target.head(streamName);
    if (head !== undefined && revision <= head.revision) {
      const held = target.at(streamName, revision);
      if (held !== undefined && held.eventId === metadata.eventId) {
        if (held.hash === metadata.hash) {
          skipped += 1;
          continue;
        }
        throw refuse(
          'event-id-conflict',
          `${streamName}@${revision} ${held.hash}`,
          `${streamName}@${revision} ${metadata.hash}`,
        );
      }
    }
    const nextRevision = head === undefined ? 0 : head.revision + 1;
    if (revision !== nextRevision) throw refuse('revision-gap', String(nextRevision), String(revision));
    const prevHash = head === undefined ? GENESIS_HASH : head.hash;
    if (metadata.prevHash !== prevHash) throw refuse('prev-hash-mismatch', prevHash, metadata.prevHash);

    heads.set(streamName, { revision, hash: metadata.hash });
    planned.set(metadata.eventId, { streamName, revision, hash: metadata.hash });
    writes.push({ event: e, dataText, metadataText });
  }
  return { writes, skipped };
};
