/**
 * Answers of read-model queries, kept while the read models stay at the position they were
 * computed at. A dashboard polling the same figures, or many clients reading the same register
 * page, cost one computation per change of the read models instead of one per request.
 *
 * Correct by construction: an entry is tagged with the checkpoint read *before* the query ran, so
 * its data is at least as new as its tag; any commit of the projection runner moves the checkpoint
 * and every older entry is stale from then on. Concurrent identical queries share one computation.
 * Least recently used entries go first beyond `maxEntries` (0 turns the cache off).
 */
export class QueryCache<V = unknown> {
  private readonly entries = new Map<string, { readonly checkpoint: bigint; readonly value: Promise<V> }>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries: number) {}

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  /** The cached answer of `key` at `checkpoint`, or `compute()`'s, remembered for that checkpoint. */
  answer(key: string, checkpoint: bigint, compute: () => Promise<V>): Promise<V> {
    if (!this.enabled) return compute();
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.checkpoint === checkpoint) {
      this.hits += 1;
      // Most recently used last: re-insert.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }
    this.misses += 1;
    const value = compute();
    const fresh = { checkpoint, value };
    this.entries.delete(key);
    this.entries.set(key, fresh);
    // A failed computation is not remembered: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
