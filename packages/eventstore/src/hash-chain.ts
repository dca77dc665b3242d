import { createHash, hash } from 'node:crypto';
import type { PositionSequence } from './position-sequence';
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

/**
 * An event as an adapter stores it when it keeps the canonical text (the embedded store): its
 * columns, unparsed. `metadataText` is the canonical JSON of the whole metadata, hash included.
 */
export interface StoredEventText {
  readonly streamName: StreamName;
  readonly revision: StreamRevision;
  readonly position: GlobalPosition;
  readonly type: string;
  readonly dataText: string;
  readonly metadataText: string;
}

// Canonical metadata sorts its keys, so `hash` is never first and `prevHash` follows it at once:
// `…"eventId":"…","hash":"<64 hex>","prevHash":"<64 hex>","recordedAt":…`.
const HASH_MEMBER = ',"hash":"';
const PREV_HASH_MEMBER = ',"prevHash":"';
const HASH_AT = HASH_MEMBER.length; // 9
const HASH_MEMBER_LENGTH = HASH_AT + 64 + 1; // 74: `,"hash":"` + hex + `"`
const PREV_HASH_AT = HASH_MEMBER_LENGTH + PREV_HASH_MEMBER.length; // 87
const QUOTE = 0x22;

/**
 * The fast path of verification: SHA-256 over the stored bytes themselves, laid out as `eventHash`
 * lays out the canonical content (`{"data":<data text>,"metadata":<metadata text without the hash
 * member>,"revision":…,"streamName":…,"type":…}`), with no parsing and no re-encoding.
 *
 * Returns the stored `hash` and `prevHash` when the recomputed hash equals the stored one, else
 * `undefined` (the caller then judges the event by value, the slow path). A match means the stored
 * bytes are exactly the canonical text that was hashed when the event was appended: the layout is
 * unambiguous because canonical metadata never contains `,"metadata":` (its keys are fixed and a
 * JSON string cannot hold an unescaped quote), which is checked, so no byte can move between the
 * data and the metadata columns without changing the hash.
 */
export const hashesOfStoredText = (
  row: StoredEventText,
): { readonly hash: string; readonly prevHash: string } | undefined => {
  const m = row.metadataText;
  const at = m.indexOf(HASH_MEMBER);
  if (
    at <= 0 ||
    m.charCodeAt(at + HASH_MEMBER_LENGTH - 1) !== QUOTE ||
    !m.startsWith(PREV_HASH_MEMBER, at + HASH_MEMBER_LENGTH) ||
    m.charCodeAt(at + PREV_HASH_AT + 64) !== QUOTE ||
    m.includes(',"metadata":')
  )
    return undefined;
  const stored = m.slice(at + HASH_AT, at + HASH_AT + 64);
  // One-shot hash of one string: no Hash object per event (node:crypto `hash`, Node ≥ 20.12).
  const recomputed = hash(
    'sha256',
    `{"data":${row.dataText},"metadata":${m.slice(0, at)}${m.slice(at + HASH_MEMBER_LENGTH)}` +
      `,"revision":${JSON.stringify(row.revision)},"streamName":${JSON.stringify(row.streamName)},"type":${JSON.stringify(row.type)}}`,
    'hex',
  );
  if (recomputed !== stored) return undefined;
  return { hash: stored, prevHash: m.slice(at + PREV_HASH_AT, at + PREV_HASH_AT + 64) };
};

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
      /**
       * The store's own position sequence, when it has one (the embedded store): then a position
       * that is not the one after the previous event is a `position-gap` (an event is missing).
       * Absent (EventStoreDB, whose positions are log offsets): only the order is checked.
       */
      readonly positions?: PositionSequence;
    } = {},
  ) {}

  /** Checks the next event; returns the broken link once one is found (and keeps returning it). */
  check(event: StoredEvent): BrokenLink | undefined {
    if (this.broken) return this.broken;
    const recomputed = eventHash({
      streamName: event.streamName,
      revision: event.revision,
      type: event.type,
      data: event.data,
      metadata: withoutHash(event.metadata),
    });
    return this.link(
      event.streamName,
      event.revision,
      event.globalPosition,
      event.metadata.prevHash,
      event.metadata.hash,
      recomputed === event.metadata.hash,
    );
  }

  /**
   * Checks the next event from its stored text: the hash over the stored bytes when they are the
   * canonical text (`hashesOfStoredText`), else, as `check`, by value after parsing (an event that
   * does not parse is `unreadable`). Both give the same verdict on an event stored by this package;
   * the fast path only skips the parse and the re-encoding.
   */
  checkText(row: StoredEventText): BrokenLink | undefined {
    if (this.broken) return this.broken;
    const fast = hashesOfStoredText(row);
    if (fast !== undefined)
      return this.link(row.streamName, row.revision, row.position, fast.prevHash, fast.hash, true);
    let event: StoredEvent;
    try {
      event = {
        streamName: row.streamName,
        revision: row.revision,
        globalPosition: row.position,
        type: row.type,
        data: JSON.parse(row.dataText) as unknown,
        metadata: JSON.parse(row.metadataText) as EventMetadata,
      };
    } catch {
      return this.unreadable(row.streamName, row.revision, row.position);
    }
    return this.check(event);
  }

  /** Position, revision and prev-hash checks, then the hash verdict, in that order. */
  private link(
    streamName: StreamName,
    revision: StreamRevision,
    position: GlobalPosition,
    prevHash: string,
    hash: string,
    hashMatches: boolean,
  ): BrokenLink | undefined {
    const at = (reason: BrokenLinkReason): BrokenLink =>
      (this.broken = { streamName, revision, position, reason });
    if (this.lastPosition !== undefined && position <= this.lastPosition)
      return at('position-not-increasing');
    const sequence = this.options.positions;
    if (sequence !== undefined) {
      const expected = this.lastPosition === undefined ? sequence.first : sequence.next(this.lastPosition);
      if (position !== expected) return at('position-gap');
    }
    this.lastPosition = position;
    const head = this.heads.get(streamName);
    const expectedRevision = head === undefined ? 0 : head.revision + 1;
    if (revision !== expectedRevision) return at('revision-gap');
    const expectedPrev = head === undefined ? GENESIS_HASH : head.hash;
    if (prevHash !== expectedPrev) return at('prev-hash-mismatch');
    if (!hashMatches) return at('hash-mismatch');
    if (head === undefined) this.heads.set(streamName, { revision, hash });
    else {
      head.revision = revision;
      head.hash = hash;
    }
    this.count += 1;
    return undefined;
  }

  /** Records an event that could not be decoded (a byte flipped inside its JSON, say). */
  unreadable(streamName: StreamName, revision: StreamRevision, position: GlobalPosition): BrokenLink {
    if (this.broken) return this.broken;
    return (this.broken = { streamName, revision, position, reason: 'unreadable' });
  }

  /** Events checked so far and the position of the last one (undefined before the first). */
  progress(): { readonly checked: number; readonly position: GlobalPosition | undefined } {
    return { checked: this.count, position: this.lastPosition };
  }

  /** The verdict so far. */
  result(): VerifyResult {
    return this.broken
      ? { ok: false, checked: this.count, brokenAt: this.broken }
      : { ok: true, checked: this.count };
  }
}
