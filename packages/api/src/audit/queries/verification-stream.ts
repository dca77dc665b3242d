import { headPosition, verifyStore } from '@zhaoshang/audit';
import { positionToString, type EventStore } from '@zhaoshang/eventstore';
import type { StreamedAnswer } from '../../http/streamed-answer';

/** Options of the whole-store verification's NDJSON body. */
export interface VerificationStreamOptions {
  /** Least time between two progress lines. Default 1000 ms. */
  readonly progressEveryMs?: number;
  /** The clock the interval is measured with. Default `Date.now`. */
  readonly now?: () => number;
}

const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

/**
 * The body of `GET /audit/verification`: the store's `verifyAll`, its progress written as
 * `{"progress":{"checked":n,"position":"p","head":"h"}}` lines (at most one per `progressEveryMs`;
 * `head` is the last position when it started, null for an empty store), then one
 * `{"report":VerifyReport}` line. Aborting the signal (the client left) stops the verification
 * between two pages.
 */
export const verificationBody =
  (store: EventStore, options: VerificationStreamOptions = {}): StreamedAnswer['body'] =>
  async (write, signal) => {
    const every = options.progressEveryMs ?? 1000;
    const now = options.now ?? Date.now;
    const head = await headPosition(store);
    let last = now();
    // Progress arrives synchronously from inside the verification; the lines are written in order
    // behind it, and the first write failure (the client gone) is raised at the end.
    let pending = Promise.resolve();
    let failure: { readonly error: unknown } | undefined;
    const send = (text: string): void => {
      pending = pending
        .then(() => (failure === undefined ? write(text) : undefined))
        .catch((error: unknown) => {
          failure ??= { error };
        });
    };
    const report = await verifyStore(store, {
      signal,
      onProgress: ({ checked, position }) => {
        const t = now();
        if (t - last < every) return;
        last = t;
        send(
          line({
            progress: {
              checked,
              position: positionToString(position),
              head: head === undefined ? null : positionToString(head),
            },
          }),
        );
      },
    });
    send(line({ report }));
    await pending;
    if (failure !== undefined) throw failure.error;
  };
