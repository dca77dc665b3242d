import { createHash } from 'node:crypto';
import type {
  BrokenLinkReason,
  EventMetadata,
  GlobalPosition,
  StoredEvent,
  StreamName,
  StreamRevision,
  VerifyResult,
} from './port';

/**
 * The tamper-evident chain. Each event's hash is SHA-256 over the canonical encoding of
 * `{ streamName, revision, type, data, metadata }` where metadata holds everything but `hash`
 * (so it includes `prevHash`, the previous event's hash of the same stream). Changing, removing
 * or reordering any stored event breaks the chain at that event or the next one.
 */

/** `prevHash` of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical JSON: the value as `JSON.stringify` would write it, with object keys sorted by code
 * unit and no whitespace. Because it follows JSON.stringify's rules (undefined members dropped,
 * `toJSON` honoured), encoding the parsed canonical text gives the same text again: what we hash is
 * what we store and what any adapter reads back.
 */
export const canonicalJson = (value: unknown): string => {
  const text = encode(value);
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON representation');
  return text;
};

const encode = (value: unknown): string | undefined => {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return JSON.stringify(v); // NaN and ±Infinity become null, as JSON.stringify does
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      // JSON.stringify throws too; a silent conversion would hash something the reader never sees.
      throw new TypeError('canonicalJson: bigint is not JSON; convert it to a string first');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined; // dropped from objects, null in arrays, as JSON.stringify does
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) return `[${v.map((item) => encode(item) ?? 'null').join(',')}]`;
      const record = v as Record<string, unknown>;
      const members: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const member = encode(record[key]);
        if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
      }
      return `{${members.join(',')}}`;
    }
  }
};

/** The part of an event the hash covers. */
export interface HashedContent {
  readonly streamName: StreamName;
  readonly revision: StreamRevision;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Omit<EventMetadata, 'hash'>;
}

/** SHA-256 (hex) of an event's canonical content. */
export const eventHash = (content: HashedContent): string =>
  createHash('sha256')
    .update(
      canonicalJson({
        streamName: content.streamName,
        revision: content.revision,
        type: content.type,
        data: content.data,
        metadata: content.metadata,
      }),
      'utf8',
    )
    .digest('hex');

/**
 * `eventHash` for a writer that already holds the canonical text of `data`: the same bytes are
 * hashed (keys of the outer object in sorted order: data, metadata, revision, streamName, type)
 * without encoding the data a second time.
 */
export const eventHashOfCanonicalData = (
  content: Omit<HashedContent, 'data'> & { readonly dataText: string },
): string =>
  createHash('sha256')
    .update(
      `{"data":${content.dataText},"metadata":${canonicalJson(content.metadata)},"revision":${canonicalJson(content.revision)},` +
        `"streamName":${JSON.stringify(content.streamName)},"type":${JSON.stringify(content.type)}}`,
      'utf8',
    )
    .digest('hex');

const withoutHash = (metadata: EventMetadata): Omit<EventMetadata, 'hash'> => {
  const { hash: _hash, ...rest } = metadata;
  return rest;
};

/** A verification failure at one event. */
export interface BrokenLink {
  readonly streamName: StreamName;
  readonly revision: StreamRevision;
  readonly position: GlobalPosition;
  readonly reason: BrokenLinkReason;
}

/**
 * Walks events in global order (or one stream in revision order) and reports the first broken link.
 * Adapters feed it what they read; an adapter whose positions are contiguous (SQLite) asks it to
 * check that no position is missing, which catches an event deleted from the middle of the log.
 */
export class ChainVerifier {
  private readonly heads = new Map<StreamName, { revision: StreamRevision; hash: string }>();
  private lastPosition: GlobalPosition | undefined;
  private count = 0;
  private broken: BrokenLink | undefined;

  constructor(
    private readonly options: {
      readonly contiguousPositions: boolean;
      /** Position of the first event when positions are contiguous. */
      readonly firstPosition?: GlobalPosition;
    },
  ) {}

  /** Checks the next event; returns the broken link once one is found (and keeps returning it). */
  check(event: StoredEvent): BrokenLink | undefined {
    if (this.broken) return this.broken;
    const at = (reason: BrokenLinkReason): BrokenLink =>
      (this.broken = {
        streamName: event.streamName,
        revision: event.revision,
        position: event.globalPosition,
        reason,
      });
    const expectedPosition =
      this.lastPosition === undefined ? this.options.firstPosition : this.lastPosition + 1n;
    if (this.lastPosition !== undefined && event.globalPosition <= this.lastPosition)
      return at('position-not-increasing');
    if (
      this.options.contiguousPositions &&
      expectedPosition !== undefined &&
      event.globalPosition !== expectedPosition
    ) {
      return at('position-gap');
    }
    this.lastPosition = event.globalPosition;
    const head = this.heads.get(event.streamName);
    const expectedRevision = head === undefined ? 0 : head.revision + 1;
    if (event.revision !== expectedRevision) return at('revision-gap');
    const expectedPrev = head === undefined ? GENESIS_HASH : head.hash;
    if (event.metadata.prevHash !== expectedPrev) return at('prev-hash-mismatch');
    const recomputed = eventHash({
      streamName: event.streamName,
      revision: event.revision,
      type: event.type,
      data: event.data,
      metadata: withoutHash(event.metadata),
    });
    if (recomputed !== event.metadata.hash) return at('hash-mismatch');
    this.heads.set(event.streamName, { revision: event.revision, hash: event.metadata.hash });
    this.count += 1;
    return undefined;
  }

  /** Records an event that could not be decoded (a byte flipped inside its JSON, say). */
  unreadable(streamName: StreamName, revision: StreamRevision, position: GlobalPosition): BrokenLink {
    if (this.broken) return this.broken;
    return (this.broken = { streamName, revision, position, reason: 'unreadable' });
  }

  /** The verdict so far. */
  result(): VerifyResult {
    return this.broken
      ? { ok: false, checked: this.count, brokenAt: this.broken }
      : { ok: true, checked: this.count };
  }
}
