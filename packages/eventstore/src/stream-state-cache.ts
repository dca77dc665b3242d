import type { CurrentRevision, GlobalPosition, StreamName } from './port';

/** A stream's folded state at one revision: `fold(events[0..revision])`, a fact that never changes. */
export interface FoldedStream<S> {
  readonly state: S;
  readonly revision: CurrentRevision;
  /** Global position of the event at `revision` (undefined while the stream has none). */
  readonly position: GlobalPosition | undefined;
}

const rank = (revision: CurrentRevision): number => (revision === 'no-stream' ? -1 : revision);

/**
 * The folded state of the most recently used streams, at most `capacity` of them (the least
 * recently used leaves first). Streams only grow and their events never change, so an entry is
 * never wrong, only possibly behind: an entry is replaced only by one at a later revision, whatever
 * order concurrent commands finish in. Whoever uses an entry must let the store confirm it (an
 * append with the entry's revision as expected revision) or read the stream before answering on it.
 */
export class StreamStateCache<S> {
  private readonly entries = new Map<StreamName, FoldedStream<S>>();

  constructor(readonly capacity: number) {}

  /** The entry of a stream, marked as most recently used. */
  get(streamName: StreamName): FoldedStream<S> | undefined {
    const entry = this.entries.get(streamName);
    if (entry !== undefined) {
      this.entries.delete(streamName);
      this.entries.set(streamName, entry);
    }
    return entry;
  }

  /** Keeps `entry` unless the cache already holds the same stream at a later (or the same) revision. */
  remember(streamName: StreamName, entry: FoldedStream<S>): void {
    if (this.capacity <= 0) return;
    const held = this.entries.get(streamName);
    if (held !== undefined) {
      if (rank(held.revision) >= rank(entry.revision)) return;
      this.entries.delete(streamName);
    }
    this.entries.set(streamName, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }

  /** Streams held. */
  get size(): number {
    return this.entries.size;
  }
}
