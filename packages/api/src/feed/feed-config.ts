/** Settings of the event feed and its live stream (docs/integration.md). */
export interface FeedConfig {
  /**
   * The CloudEvents `source` of every event (`FEED_SOURCE`, a URI-reference). Default: a URN of the
   * deployment, `urn:zhaoshang:store:<storeId>` (the store's identity, written once when it was
   * created, so it stays the same across restarts and hosts).
   */
  readonly source?: string;
  /** Period of the SSE heartbeat comments (`FEED_HEARTBEAT_MS`, default 15 s). */
  readonly heartbeatMs: number;
  /**
   * How long a live stream waits for a client that does not read (`FEED_STREAM_STALL_MS`, default
   * 30 s): the server holds one page of events for it and its socket's buffers, nothing more, and
   * past this wait it ends the stream with a `feed.closed` event; the client resumes from its
   * Last-Event-ID.
   */
  readonly streamStallMs: number;
}

const positiveInt = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return n;
};

/** The feed's settings from the environment. */
export const feedConfig = (env: NodeJS.ProcessEnv): FeedConfig => ({
  ...(env.FEED_SOURCE ? { source: env.FEED_SOURCE } : {}),
  heartbeatMs: positiveInt(env.FEED_HEARTBEAT_MS, 15_000, 'FEED_HEARTBEAT_MS'),
  streamStallMs: positiveInt(env.FEED_STREAM_STALL_MS, 30_000, 'FEED_STREAM_STALL_MS'),
});
