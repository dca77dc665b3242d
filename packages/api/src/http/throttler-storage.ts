import type { ThrottlerStorage } from '@nestjs/throttler';

/** What the throttler guard expects back (`ThrottlerStorageRecord` of @nestjs/throttler). */
export interface ThrottleAnswer {
  readonly totalHits: number;
  /** Seconds until the current window ends. */
  readonly timeToExpire: number;
  readonly isBlocked: boolean;
  /** Seconds until the block ends (0 when not blocked). */
  readonly timeToBlockExpire: number;
}

interface Window {
  /** Length of a window (ms). */
  ttl: number;
  /** Start of the current window (ms). */
  start: number;
  /** Hits counted in the current window and in the one before it. */
  current: number;
  previous: number;
  /** While `now < blockedUntil` every hit is refused and not counted. */
  blockedUntil: number;
}

/** Keys looked at for eviction once every this many hits. */
const SWEEP_EVERY = 10_000;

/**
 * Rate-limit counters in constant time per request: a sliding-window counter (the current
 * window's hits plus the previous window's, weighted by how much of it still overlaps the last
 * `ttl`). @nestjs/throttler's default in-memory storage keeps one timestamp per hit and filters
 * the whole list on every request, so with the API's default of 600,000 requests a minute a busy
 * client costs a scan (and a copy) of up to that many entries per request.
 *
 * Same contract as the default: a hit beyond `limit` blocks the key for `blockDuration` ms, during
 * which hits are refused and not counted. The count is an estimate (it takes the previous window's
 * hits as evenly spread): exact for a steady client, within a hit or two of the limit at a window's
 * edge, and it may count a client whose rate just dropped a little high, never more than the
 * previous window's share.
 */
export class SlidingWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private hits = 0;

  constructor(private readonly now: () => number = Date.now) {}

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottleAnswer> {
    const now = this.now();
    const id = `${throttlerName}\u0000${key}`;
    let w = this.windows.get(id);
    if (w === undefined) {
      w = { ttl, start: now, current: 0, previous: 0, blockedUntil: 0 };
      this.windows.set(id, w);
    }
    const elapsed = now - w.start;
    if (elapsed >= ttl) {
      // Roll forward: the window just ended becomes the previous one; an older one counts nothing.
      w.previous = elapsed < 2 * ttl ? w.current : 0;
      w.current = 0;
      w.start += Math.floor(elapsed / ttl) * ttl;
    }
    const timeToExpire = Math.max(0, Math.ceil((w.start + ttl - now) / 1000));
    const overlap = 1 - (now - w.start) / ttl;
    if (w.blockedUntil > now) {
      return Promise.resolve({
        totalHits: Math.ceil(w.previous * overlap) + w.current + 1,
        timeToExpire,
        isBlocked: true,
        timeToBlockExpire: Math.ceil((w.blockedUntil - now) / 1000),
      });
    }
    w.current += 1;
    const totalHits = Math.ceil(w.previous * overlap) + w.current;
    const isBlocked = totalHits > limit;
    if (isBlocked) w.blockedUntil = now + Math.max(blockDuration, 0);
    w.ttl = ttl;
    if ((this.hits = (this.hits + 1) % SWEEP_EVERY) === 0) this.sweep(now);
    return Promise.resolve({
      totalHits,
      timeToExpire,
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(Math.max(blockDuration, 0) / 1000) : 0,
    });
  }

  /** Seconds until the block of `key` ends, 0 when it is not blocked (counts nothing). */
  blockedFor(key: string, throttlerName: string): number {
    const w = this.windows.get(`${throttlerName}\u0000${key}`);
    const now = this.now();
    return w !== undefined && w.blockedUntil > now ? Math.ceil((w.blockedUntil - now) / 1000) : 0;
  }

  /** Keys held (for tests). */
  get size(): number {
    return this.windows.size;
  }

  /** Forgets keys with no hit in the last two windows and no block in force. */
  private sweep(now: number): void {
    for (const [id, w] of this.windows) {
      if (now - w.start >= 2 * w.ttl && w.blockedUntil <= now) this.windows.delete(id);
    }
  }
}
