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

/** A CaptureLead body in the bench unit: every command of the bench (and of profile-query.ts) sends it. */
export const captureBody = (projectId: string): string =>
  JSON.stringify({
    projectId,
    unitId: BENCH_UNIT,
    name: '基准测试项目',
    investor: { name: '某科技有限公司' },
    industryChain: '新材料',
    content: '建设生产线',
    channel: 'industrial-chain',
    intendedInvestment: 30_000_000_000,
    capturedOn: '2024-03-01',
  });
