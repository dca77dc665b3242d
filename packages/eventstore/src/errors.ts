import type { CurrentRevision, ExpectedRevision, StreamName, StreamRevision } from './port';

/**
 * Store errors. The port's Promises reject with these (never with a driver's own error): each has
 * a stable `code`, the parameters a message needs, and the driver's error as `cause`.
 */

/** Stable codes of the store; never renamed, never reused. */
export type EventStoreErrorCode =
  | 'WRONG_EXPECTED_REVISION'
  | 'STREAM_NOT_FOUND'
  | 'STORE_UNAVAILABLE'
  | 'EVENT_ID_CONFLICT'
  | 'CONCURRENCY_CONFLICT'
  | 'IMPORT_REFUSED'
  | 'APPEND_TOO_LARGE';

/** Languages of the catalogue. */
export type Language = 'zh' | 'en';

/** Parameters a message may use; `{name}` in a message is replaced by `params.name`. */
export type ErrorParams = Readonly<Record<string, string | number | boolean | null>>;

/** Messages for people, in both languages; a missing translation fails to compile. */
export const storeErrorMessages = {
  WRONG_EXPECTED_REVISION: {
    zh: '事件流 {streamName} 已被他人修改：期望版本 {expected}，实际版本 {actual}。请刷新后重试。',
    en: 'Stream {streamName} was changed by someone else: expected revision {expected}, actual {actual}. Reload and retry.',
  },
  STREAM_NOT_FOUND: {
    zh: '事件流 {streamName} 不存在。',
    en: 'Stream {streamName} does not exist.',
  },
  STORE_UNAVAILABLE: {
    zh: '事件存储暂时不可用，请稍后重试。',
    en: 'The event store is unavailable; retry later.',
  },
  EVENT_ID_CONFLICT: {
    zh: '事件 {eventId} 已以不同的方式写入（事件流 {streamName}），本次追加被拒绝。',
    en: 'Event {eventId} was already stored differently (stream {streamName}); the append was refused.',
  },
  CONCURRENCY_CONFLICT: {
    zh: '事件流 {streamName} 正被多人同时修改，重试 {attempts} 次后仍冲突，请稍后再试。',
    en: 'Stream {streamName} is being changed concurrently; still conflicting after {attempts} attempts. Try again later.',
  },
  IMPORT_REFUSED: {
    zh: '导入被拒绝：事件 {eventId}（事件流 {streamName}，版本 {revision}）不能接续目标存储中的哈希链（{reason}：应为 {expected}，实为 {actual}）。本批事件均未写入。',
    en: "Import refused: event {eventId} (stream {streamName}, revision {revision}) does not continue the target's hash chain ({reason}: expected {expected}, got {actual}). Nothing of this batch was written.",
  },
  APPEND_TOO_LARGE: {
    zh: '追加到事件流 {streamName} 的事件超过事件存储单次追加的上限 {limit} 字节（本次 {bytes} 字节），未写入。',
    en: "The events appended to stream {streamName} take {bytes} bytes, over the store's limit of {limit} bytes per append; nothing was written.",
  },
} as const satisfies Record<EventStoreErrorCode, { readonly zh: string; readonly en: string }>;

/** Fills a catalogue message with its parameters. */
export const renderStoreMessage = (
  code: EventStoreErrorCode,
  params: ErrorParams,
  language: Language,
): string =>
  storeErrorMessages[code][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );

const revisionParam = (r: ExpectedRevision | CurrentRevision): string =>
  typeof r === 'bigint' ? r.toString() : String(r);

/** Base class of every store error. */
export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
  abstract readonly params: ErrorParams;

  /** The message in the reader's language. */
  render(language: Language): string {
    return renderStoreMessage(this.code, this.params, language);
  }
}

/** The stream is not at the expected revision; `actual` is where it is. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION' as const;
  readonly params: ErrorParams;
  constructor(
    readonly streamName: StreamName,
    readonly expected: ExpectedRevision,
    readonly actual: CurrentRevision,
    options?: { cause?: unknown },
  ) {
    super(
      renderStoreMessage(
        'WRONG_EXPECTED_REVISION',
        { streamName, expected: revisionParam(expected), actual: revisionParam(actual) },
        'en',
      ),
      options,
    );
    this.name = 'WrongExpectedRevisionError';
    this.params = { streamName, expected: revisionParam(expected), actual: revisionParam(actual) };
  }
}

/** The stream has no event. */
export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND' as const;
  readonly params: ErrorParams;
  constructor(
    readonly streamName: StreamName,
    options?: { cause?: unknown },
  ) {
    super(renderStoreMessage('STREAM_NOT_FOUND', { streamName }, 'en'), options);
    this.name = 'StreamNotFoundError';
    this.params = { streamName };
  }
}

/** The store cannot be reached or failed to write; `cause` holds the driver's error. */
export class StoreUnavailableError extends EventStoreError {
  readonly code = 'STORE_UNAVAILABLE' as const;
  readonly params: ErrorParams = {};
  constructor(options: { cause: unknown; detail?: string }) {
    super(
      `${renderStoreMessage('STORE_UNAVAILABLE', {}, 'en')}${options.detail !== undefined ? ` (${options.detail})` : ''}`,
      { cause: options.cause },
    );
    this.name = 'StoreUnavailableError';
  }
}

/**
 * Some, not all, event ids of an append are already stored (or stored in another stream). A retry
 * resends the whole append, so a partial overlap is a caller's bug; refusing it keeps the history exact.
 */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT' as const;
  readonly params: ErrorParams;
  constructor(
    readonly streamName: StreamName,
    readonly eventId: string,
  ) {
    super(renderStoreMessage('EVENT_ID_CONFLICT', { streamName, eventId }, 'en'));
    this.name = 'EventIdConflictError';
    this.params = { streamName, eventId };
  }
}

/** Why an imported event was refused; the link words are those of `BrokenLinkReason`. */
export type ImportRefusalReason =
  /** A field of the event or its metadata is missing or has the wrong shape. */
  | 'malformed'
  /** Its `hash` does not recompute from its content: the event was altered (or forged). */
  | 'hash-mismatch'
  /** Its revision is not the stream's next one in the target (a gap, or a revision already taken). */
  | 'revision-gap'
  /** Its `prevHash` is not the hash of the stream's head in the target. */
  | 'prev-hash-mismatch'
  /** The target holds an event with this id that is not this event. */
  | 'event-id-conflict';

/**
 * `importRecorded` refused an event (see `EventImporter`): `expected` is what the target's chain
 * needs, `actual` what the event carries. Nothing of the batch was written.
 */
export class ImportRefusedError extends EventStoreError {
  readonly code = 'IMPORT_REFUSED' as const;
  readonly params: ErrorParams;
  constructor(
    readonly streamName: StreamName,
    readonly revision: StreamRevision,
    readonly eventId: string,
    readonly reason: ImportRefusalReason,
    readonly expected: string,
    readonly actual: string,
  ) {
    const params = { streamName, revision, eventId, reason, expected, actual };
    super(renderStoreMessage('IMPORT_REFUSED', params, 'en'));
    this.name = 'ImportRefusedError';
    this.params = params;
  }
}

/** True for any store error; narrows on `code` afterwards. */
export const isEventStoreError = (e: unknown): e is EventStoreError => e instanceof EventStoreError;

/**
 * An append larger than the store accepts at once (EventStoreDB's `MaxAppendSize`, counted in
 * bytes as the server counts them); nothing was written.
 */
export class AppendTooLargeError extends EventStoreError {
  readonly code = 'APPEND_TOO_LARGE' as const;
  readonly params: ErrorParams;
  constructor(
    readonly streamName: StreamName,
    /** Null when the server refused it without saying (its limit is below the configured one). */
    readonly bytes: number | null,
    readonly limit: number,
    options?: { cause?: unknown },
  ) {
    super(renderStoreMessage('APPEND_TOO_LARGE', { streamName, bytes, limit }, 'en'), options);
    this.params = { streamName, bytes, limit };
  }
}
