import type { Response } from 'express';

/**
 * The answer of a streamed query route (`QueryRoute.streamed`): written to the response as it is
 * produced — an audit bundle of millions of events, a whole-store verification that takes minutes —
 * instead of `{ position, caughtUp, data }` JSON. The handler checks everything it can before it
 * answers (404, 400, busy): once the body starts, the status is 200 and a failure can only cut the
 * connection, which leaves the body visibly incomplete (an NDJSON answer then lacks its last line).
 */
export interface StreamedAnswer {
  readonly kind: 'streamed';
  readonly contentType: string;
  /** Response headers known before the body (Content-Disposition, X-Bundle-To-Position…). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Writes the body. `write` resolves when the next chunk may follow (the client's pace: nothing
   * piles up in memory) and rejects once the client is gone; `signal` aborts then too. Called
   * exactly once.
   */
  readonly body: (write: (chunk: string | Uint8Array) => Promise<void>, signal: AbortSignal) => Promise<void>;
}

export const isStreamedAnswer = (value: unknown): value is StreamedAnswer =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'streamed';

/**
 * Sends a streamed answer: 200 and its headers at once (a long answer shows it started), then the
 * body at the client's pace. Resolves when the body is complete or the client went away; rejects
 * with the body's error after cutting the connection (the exception filter logs it and writes
 * nothing more).
 */
export const sendStreamed = async (res: Response, answer: StreamedAnswer): Promise<void> => {
  const gone = new AbortController();
  const onClose = (): void => {
    if (!res.writableFinished) gone.abort(new Error('the client closed the connection'));
  };
  res.on('close', onClose);
  const write = async (chunk: string | Uint8Array): Promise<void> => {
    gone.signal.throwIfAborted();
    if (res.write(chunk, 'utf8')) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
    gone.signal.throwIfAborted();
  };
  try {
    res.status(200);
    res.setHeader('Content-Type', answer.contentType);
    res.setHeader('Cache-Control', 'no-store');
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    res.flushHeaders();
    await answer.body(write, gone.signal);
    res.end();
  } catch (error) {
    if (gone.signal.aborted) return; // the client left: nothing to report to anyone
    res.destroy();
    throw error;
  } finally {
    res.off('close', onClose);
  }
};
