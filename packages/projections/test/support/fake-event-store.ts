import type { EventStore, ReadAllOptions, StoredEvent, SubscribeOptions } from '@zhaoshang/eventstore';
import { Observable, Subject } from 'rxjs';
import type { EventStoreIdentity, EventStoreIdentitySource, ReadModelStore } from '../../src';

/**
 * A small in-memory event store for the runner's tests: sparse, large positions (gaps of about a
 * million, starting beyond 2^60: what a real EventStoreDB commit position looks like, never
 * consecutive), an identity (issue #12 item 7, the agreed `EventStoreIdentitySource`), and switches
 * to make it fail. It is a test tool, not an adapter: it implements only what the runner reads.
 * Reads honour the port's exclusive `after` checkpoint.
 */
export class FakeEventStore
  implements Pick<EventStore, 'readAll' | 'subscribeToAll'>, EventStoreIdentitySource
{
  private readonly events: StoredEvent[] = [];
  private live = new Subject<StoredEvent>();
  private next = (1n << 60n) + 7n;
  /** While true every read fails and live subscriptions end with an error (an outage). */
  down = false;
  reads = 0;

  constructor(readonly storeId: string) {}

  /** Copies events recorded elsewhere, giving them this store's own sparse positions. */
  add(events: ReadonlyArray<StoredEvent>): ReadonlyArray<StoredEvent> {
    const added = events.map((e) => {
      this.next += 999_983n + BigInt(e.revision % 7) * 131n; // uneven gaps
      return { ...e, globalPosition: this.next };
    });
    for (const e of added) {
      this.events.push(e);
      if (!this.down) this.live.next(e);
    }
    return added;
  }

  get head(): bigint {
    return this.events[this.events.length - 1]?.globalPosition ?? -1n;
  }

  identity(): Promise<EventStoreIdentity> {
    return Promise.resolve({ storeId: this.storeId, firstEventHash: this.events[0]?.metadata.hash ?? null });
  }

  readAll(options: ReadAllOptions = {}): Promise<ReadonlyArray<StoredEvent>> {
    this.reads += 1;
    if (this.down) return Promise.reject(new Error('event store unreachable (test outage)'));
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (options.direction === 'backwards') {
      const before = options.after;
      return Promise.resolve(
        this.events
          .filter((e) => before === undefined || e.globalPosition < before)
          .reverse()
          .slice(0, max),
      );
    }
    const after = options.after;
    return Promise.resolve(
      this.events.filter((e) => after === undefined || e.globalPosition > after).slice(0, max),
    );
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<StoredEvent> {
    return new Observable<StoredEvent>((subscriber) => {
      if (this.down) {
        subscriber.error(new Error('event store unreachable (test outage)'));
        return undefined;
      }
      const after = options.afterPosition;
      for (const e of this.events) if (after === undefined || e.globalPosition > after) subscriber.next(e);
      return this.live.subscribe(subscriber);
    });
  }

  /** Ends every live subscription with an error (the connection dropped). */
  dropSubscriptions(): void {
    this.live.error(new Error('connection to the event store lost (test outage)'));
    this.live = new Subject<StoredEvent>();
  }
}

/** Wraps a read-model store so that every call fails while `isDown()` says so (an outage). */
export const flaky = (store: ReadModelStore, isDown: () => boolean): ReadModelStore =>
  new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (isDown() && property !== 'close')
          return Promise.reject(new Error(`read-model store unreachable (test outage): ${String(property)}`));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });

/** A fake clock and a sleep that advances it instead of waiting (no wall time spent on backoff). */
export const fakeTime = (start = Date.parse('2025-03-01T08:00:00.000Z')) => {
  const t = { now: start, slept: [] as number[] };
  return {
    t,
    clock: () => t.now,
    sleep: async (ms: number) => {
      t.slept.push(ms);
      t.now += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
};
