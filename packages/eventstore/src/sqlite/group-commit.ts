/**
 * Group commit: requests that arrive while the event loop is busy are written in one transaction,
 * so one fsync acknowledges them all. Each request still succeeds or fails on its own (the batch
 * function returns one outcome per request); only a failed commit fails the whole batch.
 *
 * The queue is drained on `setImmediate`: every caller that submits within the same turn of the
 * event loop (typically all the callers whose previous append was just acknowledged) shares the
 * next transaction. Nothing waits on a timer, so a lone caller pays no extra latency.
 */

/** One request's outcome inside a committed batch. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

interface Pending<Req, Res> {
  readonly request: Req;
  readonly resolve: (value: Res) => void;
  readonly reject: (error: unknown) => void;
}

/** A queue that runs submitted requests in batches. */
export class GroupCommitQueue<Req, Res> {
  private pending: Array<Pending<Req, Res>> = [];
  private scheduled = false;
  private idleWaiters: Array<() => void> = [];
  private batches = 0;
  private requests = 0;

  constructor(
    /** Runs a batch in one transaction; throws only when the transaction as a whole failed. */
    private readonly runBatch: (requests: ReadonlyArray<Req>) => ReadonlyArray<Outcome<Res>>,
    private readonly options: {
      /** Upper bound of requests per transaction, so one batch cannot hold the write lock for long. */
      readonly maxBatchSize: number;
      /** Maps a failed commit to the error every request of the batch rejects with. */
      readonly commitFailed: (cause: unknown) => unknown;
      /** Called after a batch committed and its callers were acknowledged. */
      readonly afterCommit: () => void;
    },
  ) {}

  /** Queues a request; resolves once its batch committed durably. */
  submit(request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** Batches run and requests they carried, for tests and the benchmark. */
  stats(): { readonly batches: number; readonly requests: number } {
    return { batches: this.batches, requests: this.requests };
  }

  /** Resolves when nothing is pending (used by close). */
  idle(): Promise<void> {
    if (this.pending.length === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    const batch = this.pending.splice(0, this.options.maxBatchSize);
    if (batch.length > 0) {
      this.batches += 1;
      this.requests += batch.length;
      let outcomes: ReadonlyArray<Outcome<Res>> | undefined;
      try {
        outcomes = this.runBatch(batch.map((p) => p.request));
      } catch (cause) {
        const error = this.options.commitFailed(cause);
        for (const p of batch) p.reject(error);
      }
      if (outcomes) {
        batch.forEach((p, i) => {
          const outcome = outcomes[i];
          if (outcome === undefined) p.reject(new Error('group commit: missing outcome'));
          else if (outcome.ok) p.resolve(outcome.value);
          else p.reject(outcome.error);
        });
        this.options.afterCommit();
      }
    }
    if (this.pending.length > 0) this.schedule();
    else for (const wake of this.idleWaiters.splice(0)) wake();
  }
}
