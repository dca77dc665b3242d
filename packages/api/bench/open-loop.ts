/**
 * A fixed-rate (open-loop) load: request i is due at start + i / rate whatever the server does, and
 * its latency is counted from that due time, so a server that falls behind shows it in the
 * percentiles (no coordinated omission). autocannon's `overallRate` is not used for this: it sends
 * each connection's share of a second back to back at the start of the second (bursts of up to the
 * whole rate) and corrects latencies with an expected interval rounded up to 1 ms.
 */
import * as http from 'node:http';

/** One request of the load. */
export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** What a fixed-rate run measured. */
export interface OpenLoopResult {
  readonly rate: number;
  readonly seconds: number;
  readonly sent: number;
  /** 2xx answers. */
  readonly ok: number;
  /** Non-2xx answers, connection errors and requests unanswered after the grace period. */
  readonly failed: number;
  /** Failures by status code, error code or `unanswered`. */
  readonly failures: Readonly<Record<string, number>>;
  /** 2xx answers per second, from the first due time to the last answer. */
  readonly achieved: number;
  /** Latency from the due time to the end of the answer (2xx only), milliseconds. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

const percentile = (sorted: ReadonlyArray<number>, q: number): number =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

/** Sends `rate × seconds` requests at a fixed rate and waits for their answers (at most `graceMs` more). */
export const openLoop = async (options: {
  readonly url: string;
  readonly rate: number;
  readonly seconds: number;
  readonly request: (i: number) => LoadRequest;
  /** Keep-alive connections, reused across runs; at most `maxSockets` open (more requests wait for one, and that wait counts). */
  readonly agent: http.Agent;
  readonly graceMs?: number;
}): Promise<OpenLoopResult> => {
  const { rate, seconds, agent } = options;
  const target = new URL(options.url);
  const total = Math.max(1, Math.round(rate * seconds));
  const latencies: number[] = [];
  let sent = 0;
  let ok = 0;
  let failed = 0;
  let lastAnswer = 0;
  const failures: Record<string, number> = {};
  const fail = (why: string): void => {
    failed += 1;
    failures[why] = (failures[why] ?? 0) + 1;
  };
  const start = performance.now() + 50;
  await new Promise<void>((resolve) => {
    let open = 0;
    let sending = true;
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      if (open > 0) {
        failed += open; // unanswered within the grace period
        failures.unanswered = open;
      }
      resolve();
    };
    const done = (): void => {
      open -= 1;
      if (!sending && open === 0) settle();
    };
    const fire = (i: number): void => {
      const due = start + (i * 1000) / rate;
      const spec = options.request(i);
      const body = spec.body ?? '';
      open += 1;
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: spec.method,
          path: spec.path,
          agent,
          headers: { ...spec.headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            lastAnswer = performance.now();
            if (res.statusCode !== undefined && res.statusCode < 300) {
              ok += 1;
              latencies.push(lastAnswer - due);
            } else fail(String(res.statusCode));
            done();
          });
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        fail(error.code ?? error.message);
        done();
      });
      req.end(body);
    };
    const tick = (): void => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      while (sent < due) fire(sent++);
      if (sent < total) {
        setTimeout(tick, 1);
        return;
      }
      sending = false;
      if (open === 0) settle();
      else setTimeout(settle, options.graceMs ?? 10_000).unref();
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  latencies.sort((a, b) => a - b);
  return {
    rate,
    seconds,
    sent,
    ok,
    failed,
    failures,
    achieved: ok / (Math.max(lastAnswer - start, seconds * 1000) / 1000),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
  };
};
