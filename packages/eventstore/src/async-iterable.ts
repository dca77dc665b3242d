import type { Observable } from 'rxjs';

/**
 * A subscription as an async iterable: `for await (const e of asAsyncIterable(store.subscribeToAll()))`.
 * Events wait in an in-memory queue while the loop body runs (the embedded store reads ahead at
 * most a page at a time); breaking out of the loop unsubscribes.
 */
export const asAsyncIterable = <T>(source: Observable<T>): AsyncIterable<T> => ({
  [Symbol.asyncIterator](): AsyncIterator<T> {
    const queue: T[] = [];
    let done = false;
    let failure: { error: unknown } | undefined;
    let wake: (() => void) | undefined;
    const subscription = source.subscribe({
      next: (value) => {
        queue.push(value);
        wake?.();
      },
      error: (error: unknown) => {
        failure = { error };
        wake?.();
      },
      complete: () => {
        done = true;
        wake?.();
      },
    });
    return {
      async next(): Promise<IteratorResult<T>> {
        for (;;) {
          if (queue.length > 0) return { value: queue.shift() as T, done: false };
          if (failure) throw failure.error;
          if (done) return { value: undefined, done: true };
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        }
      },
      async return(): Promise<IteratorResult<T>> {
        subscription.unsubscribe();
        done = true;
        return { value: undefined, done: true };
      },
    };
  },
});
