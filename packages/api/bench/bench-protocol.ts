/** What `api.bench.ts` and its server processes (`bench-server.ts`) say to each other over IPC. */

/** What a server tells the parent once it listens. */
export interface ServerReady {
  readonly url: string;
  /** Bearer tokens: an officer of the bench unit (commands) and an auditor (queries). */
  readonly officer: string;
  readonly reader: string;
  readonly seeded?: { readonly projects: number; readonly events: number };
}

/** Counters since the previous `stats` request. */
export interface ServerStats {
  /** Event store transactions and the appends they carried. */
  readonly transactions: number;
  readonly appends: number;
  /** CPU time of the server process (user + system), microseconds. */
  readonly cpuMicros: number;
}

/** The unit the bench's commands act in: apart from the demo region, so queries see the demo region only. */
export const BENCH_UNIT = 'bench-unit';
