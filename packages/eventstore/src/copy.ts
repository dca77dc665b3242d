import type {
  EventImporter,
  EventStore,
  GlobalPosition,
  StoredEvent,
  StreamName,
  StreamRevision,
  VerifyResult,
} from './port';

/**
 * Copies one store into another faithfully (issue #6: from the embedded store to EventStoreDB):
 * every event with its metadata and hashes as recorded, in `$all` order, through
 * `EventImporter.importRecorded`, which refuses anything that would not continue a chain. Then the
 * target is verified and each stream's head (revision and hash) compared with the source's: with a
 * verified chain, an equal head hash means the whole stream is the same event for event.
 */

/** The last event of a stream: its revision and hash. */
export interface StreamHead {
  readonly revision: StreamRevision;
  readonly hash: string;
}

/** Where a copy stands, after each batch and at each later step. */
export interface CopyProgress {
  readonly phase: 'copying' | 'verifying' | 'comparing';
  /** Source events read so far. */
  readonly read: number;
  readonly imported: number;
  readonly skipped: number;
  /** Source position of the last event read (undefined before the first). */
  readonly position: GlobalPosition | undefined;
  /** Source position of its last event when the copy started (undefined: the source is empty). */
  readonly sourceHead: GlobalPosition | undefined;
}

/** Options of `copyStore`. */
export interface CopyOptions {
  /** Events read from the source and imported per batch. Default 500. */
  readonly batchSize?: number;
  /** Called after each batch and when verification and comparison start. A throw stops the copy. */
  readonly onProgress?: (progress: CopyProgress) => void;
}

/** A stream whose head differs between source and target after the copy. */
export interface HeadMismatch {
  readonly streamName: StreamName;
  readonly source: StreamHead;
  /** Undefined when the target has no such stream. */
  readonly target: StreamHead | undefined;
}

/** What a copy did and found. */
export interface CopyReport {
  /** True when the target verifies and every source stream has the same head in the target. */
  readonly ok: boolean;
  /** Source events read. */
  readonly read: number;
  /** Events written to the target by this run. */
  readonly imported: number;
  /** Events the target already held (an earlier, interrupted run). */
  readonly skipped: number;
  /** Streams in the source. */
  readonly streams: number;
  /** Streams only the target has (it held other history before the copy); reported, not an error. */
  readonly targetOnlyStreams: number;
  /** The target's `verifyAll`. */
  readonly verify: VerifyResult;
  /**
   * Source streams whose head, read again after the copy, the target does not have: the source was
   * written to during the copy (stop the API first), or the target's stream is longer.
   */
  readonly headMismatches: ReadonlyArray<HeadMismatch>;
}

const DEFAULT_BATCH = 500;

/** Pages through `$all` in order, `batchSize` events at a time. */
const pagesOf = async function* (
  store: EventStore,
  batchSize: number,
): AsyncGenerator<ReadonlyArray<StoredEvent>> {
  let after: GlobalPosition | undefined;
  for (;;) {
    const page = await store.readAll(
      after === undefined ? { maxCount: batchSize } : { after, maxCount: batchSize },
    );
    if (page.length > 0) yield page;
    const last = page[page.length - 1];
    if (last === undefined || page.length < batchSize) return;
    after = last.globalPosition; // exclusive: the next page starts after it, whatever the store's positions
  }
};

/** Every stream's head, from one pass over `$all`. */
export const streamHeads = async (
  store: EventStore,
  options: { readonly batchSize?: number } = {},
): Promise<Map<StreamName, StreamHead>> => {
  const heads = new Map<StreamName, StreamHead>();
  for await (const page of pagesOf(store, options.batchSize ?? DEFAULT_BATCH))
    for (const e of page) heads.set(e.streamName, { revision: e.revision, hash: e.metadata.hash });
  return heads;
};

/**
 * Copies every event of `source` into `target` as recorded, resumably, then verifies the target
 * and compares stream heads. Rejects with `ImportRefusedError` when an event does not continue its
 * chain in the target (a different history under the same stream name), and with the stores' own
 * errors when one is unavailable; events imported before that stay (each continued its chain), and
 * a re-run resumes after them.
 *
 * Resuming: the target's stream heads are read first; source events at or below a stream's head
 * are not sent again (the hash chain ties them to the head, which is sent once more and must be
 * identical), so a re-run writes only what is missing, whatever the order the earlier run stopped in.
 */
export const copyStore = async (
  source: EventStore,
  target: EventStore & EventImporter,
  options: CopyOptions = {},
): Promise<CopyReport> => {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH));
  const already = await streamHeads(target, { batchSize });
  const [last] = await source.readAll({ direction: 'backwards', maxCount: 1 });
  const sourceHead = last?.globalPosition;
  let read = 0;
  let imported = 0;
  let skipped = 0;
  let position: GlobalPosition | undefined;
  const progress = (phase: CopyProgress['phase']): void =>
    options.onProgress?.({ phase, read, imported, skipped, position, sourceHead });

  for await (const page of pagesOf(source, batchSize)) {
    const batch: StoredEvent[] = [];
    for (const e of page) {
      const held = already.get(e.streamName);
      // Below the target's head: tied to it by the chain. At the head: sent, to be checked identical.
      if (held !== undefined && e.revision < held.revision) skipped += 1;
      else batch.push(e);
    }
    const result = await target.importRecorded(batch);
    imported += result.imported;
    skipped += result.skipped;
    read += page.length;
    position = page[page.length - 1]?.globalPosition;
    progress('copying');
  }

  progress('verifying');
  const verify = await target.verifyAll();
  progress('comparing');
  // Both read again now: a source written to during the copy (the API left running) shows here.
  const sourceHeads = await streamHeads(source, { batchSize });
  const targetHeads = await streamHeads(target, { batchSize });
  const headMismatches: HeadMismatch[] = [];
  for (const [streamName, head] of sourceHeads) {
    const copied = targetHeads.get(streamName);
    if (copied?.revision !== head.revision || copied.hash !== head.hash)
      headMismatches.push({ streamName, source: head, target: copied });
  }
  let targetOnlyStreams = 0;
  for (const streamName of targetHeads.keys()) if (!sourceHeads.has(streamName)) targetOnlyStreams += 1;
  return {
    ok: verify.ok && headMismatches.length === 0,
    read,
    imported,
    skipped,
    streams: sourceHeads.size,
    targetOnlyStreams,
    verify,
    headMismatches,
  };
};
