import type { Observable, Subscription } from 'rxjs';

/** What a pull from a bounded subscription gives: the next value, or why there is none. */
export type Pulled<T> =
  | { readonly kind: 'value'; readonly value: T }
  /** More values arrived than the bound while the reader was busy: the subscription was dropped. */
  | { readonly kind: 'overflow' }
  | { readonly kind: 'complete' };

/** A subscription read one value at a time, holding at most a bounded number of unread values. */
export interface BoundedPull<T> {
  next(): Promise<Pulled<T>>;
  /** Unsubscribes (idempotent). */
  close(): void;
}

/**
 * Subscribes to `source` and lets a reader pull its values at its own pace; at most `limit` values
 * wait unread. One more and the subscription is dropped: the reader gets what was queued, then
 * `overflow`. A value for which `droppable` holds (a heartbeat) is not queued behind others: the
 * reader is busy anyway. An error of the source is thrown by `next` after the queued values.
 */
export const boundedPull = <T>(
  source: Observable<T>,
  limit: number,
  droppable: (value: T) => boolean = () => false,
): BoundedPull<T> => {
  const queue: T[] = [];
  let end:
    | { readonly kind: 'overflow' | 'complete' }
    | { readonly kind: 'error'; readonly error: unknown }
    | undefined;
  let wake: (() => void) | undefined;
  // Set once `subscribe` returns: a source may emit (and overflow or end) while subscribing.
  const held: { subscription?: Subscription } = {};
  const finish = (outcome: NonNullable<typeof end>): void => {
    end ??= outcome;
    held.subscription?.unsubscribe();
    wake?.();
  };
  held.subscription = source.subscribe({
    next: (value) => {
      if (end !== undefined || (queue.length > 0 && droppable(value))) return;
      if (queue.length >= limit) finish({ kind: 'overflow' });
      else {
        queue.push(value);
        wake?.();
      }
    },
    error: (error: unknown) => finish({ kind: 'error', error }),
    complete: () => finish({ kind: 'complete' }),
  });
  // A source that ended while subscribing: the subscription exists only now.
  if (end !== undefined) held.subscription.unsubscribe();
  return {
    async next(): Promise<Pulled<T>> {
      for (;;) {
        const value = queue.shift();
        if (value !== undefined) return { kind: 'value', value };
        if (end?.kind === 'error') throw end.error;
        if (end !== undefined) return end;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    },
    close(): void {
      finish({ kind: 'complete' });
    },
  };
};
