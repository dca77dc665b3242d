import { mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openSqliteEventStore } from '@zhaoshang/eventstore';
import type { App } from 'supertest/types';
import { createApp, type ZhaoshangApp } from '../src/app';
import { fixedDayClock } from '../src/clock';
import type { ApiConfig } from '../src/config';
import type { FeedConfig } from '../src/feed/feed-config';
import type { WebhookConfig } from '../src/webhooks/webhook-config';
import { authFor, request, startTestApp } from './support';

/** A lead as an officer of `unitId` registers it. */
export const lead = (projectId: string, unitId = 'jingkaiqu') => ({
  projectId,
  unitId,
  name: `项目 ${projectId}`,
  investor: { name: '江苏某新材料有限公司' },
  industryChain: '新材料',
  content: '建设碳纤维复合材料生产线',
  channel: 'industrial-chain',
  intendedInvestment: 30000000000,
  capturedOn: '2024-03-03',
});

/** Captures a lead over HTTP as an officer of its unit. */
export const captureLead = async (http: App, projectId: string, unitId = 'jingkaiqu'): Promise<void> => {
  await request(http)
    .post('/projects')
    .set(await authFor('investment-officer', unitId))
    .send(lead(projectId, unitId))
    .expect(201);
};

/** The configuration of the test apps (startTestApp's), read once. */
let testConfig: ApiConfig | undefined;
const baseConfig = async (): Promise<ApiConfig> => {
  if (testConfig === undefined) {
    const t = await startTestApp();
    testConfig = t.config;
    await t.close();
  }
  return testConfig;
};

/** A directory of its own for a store that outlives one app (a restart opens it again). */
export const storeDir = (): { readonly dir: string; readonly remove: () => void } => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-feed-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

/**
 * An app on the embedded store file of `dir`, with sparse positions beyond 2^53 (a feed that
 * computed with a position, or compared it as text, fails on them), today pinned.
 */
export const appOnStore = async (
  dir: string,
  feed: Partial<FeedConfig> = {},
  webhooks: Partial<WebhookConfig> = { pollMs: 0 },
): Promise<{ readonly z: ZhaoshangApp; readonly http: App; readonly config: ApiConfig }> => {
  const base = await baseConfig();
  const config: ApiConfig = {
    ...base,
    dataDir: dir,
    feed: { ...base.feed, ...feed },
    webhooks: { ...base.webhooks, ...webhooks },
  };
  const store = openSqliteEventStore({ file: path.join(dir, 'events.sqlite'), positions: 'sparse' });
  const z = await createApp(config, { store, clock: fixedDayClock('2024-06-01') });
  return { z, http: z.app.getHttpServer() as App, config };
};

/** One Server-Sent Events message as a client parses it (a comment is `{ comment }`). */
export type SseMessage =
  | { readonly kind: 'message'; readonly id?: string; readonly event?: string; readonly data: string }
  | { readonly kind: 'comment'; readonly comment: string }
  | { readonly kind: 'retry'; readonly retry: number };

/** A client of `GET /feed/stream`: the messages so far, a wait for one, and its end. */
export interface SseClient {
  readonly status: Promise<number>;
  readonly messages: SseMessage[];
  /** Resolves with the first message (from the start) that `pred` accepts; rejects after `timeoutMs`. */
  waitFor(pred: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Resolves when the server ended the response (or the connection closed). */
  readonly ended: Promise<void>;
  /** Stops reading (the socket's buffers fill up, the server's writes wait). */
  pause(): void;
  /** Reads again. */
  resume(): void;
  /** Closes the connection. */
  close(): void;
}

/** Parses an SSE text stream (WHATWG HTML, "Server-sent events": fields, blank line ends a message). */
const parseBlock = (block: string): SseMessage | undefined => {
  const lines = block.split('\n');
  if (lines.every((l) => l.startsWith(':')))
    return { kind: 'comment', comment: lines.join('\n').slice(1).trim() };
  const fields = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  const retry = fields.get('retry')?.[0];
  if (retry !== undefined && !fields.has('data')) return { kind: 'retry', retry: Number(retry) };
  const data = fields.get('data');
  if (data === undefined) return undefined;
  const id = fields.get('id')?.[0];
  const event = fields.get('event')?.[0];
  return {
    kind: 'message',
    data: data.join('\n'),
    ...(id !== undefined ? { id } : {}),
    ...(event !== undefined ? { event } : {}),
  };
};

/** Opens `GET /feed/stream` on a listening server. */
export const openStream = (port: number, headers: Record<string, string>, query = ''): SseClient => {
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  let req: http.ClientRequest;
  let res: http.IncomingMessage | undefined;
  const notify = (): void => {
    for (const w of [...waiters]) w();
  };
  let resolveStatus: (status: number) => void = () => undefined;
  const status = new Promise<number>((resolve) => (resolveStatus = resolve));
  const ended = new Promise<void>((resolve) => {
    req = http.get({ host: '127.0.0.1', port, path: `/feed/stream${query}`, headers }, (r) => {
      res = r;
      resolveStatus(r.statusCode ?? 0);
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = parseBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (message !== undefined) messages.push(message);
        }
        notify();
      });
      r.on('end', resolve);
      r.on('close', resolve);
    });
    req.on('error', () => resolve());
  });
  void ended.then(notify);
  return {
    status,
    messages,
    ended,
    waitFor: (pred, timeoutMs = 10_000) =>
      new Promise<SseMessage>((resolve, reject) => {
        const check = (): void => {
          const found = messages.find(pred);
          if (found === undefined) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such message in ${timeoutMs} ms; got ${JSON.stringify(messages.slice(-5))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    pause: () => res?.pause(),
    resume: () => res?.resume(),
    close: () => req.destroy(),
  };
};

/** The events of a stream's messages (not comments, not `feed.closed`). */
export const streamedEvents = (messages: ReadonlyArray<SseMessage>) =>
  messages.flatMap((m) => (m.kind === 'message' && m.id !== undefined ? [m] : []));

/** The `after` of a Link header's next page (absent: the page read from the first event). */
export const nextAfter = (link: string | undefined): string | undefined => {
  const target = /^<([^>]+)>; rel="next"$/.exec(link ?? '')?.[1];
  if (target === undefined) throw new Error(`no next link in ${String(link)}`);
  return new URL(target, 'http://x').searchParams.get('after') ?? undefined;
};

/** Starts listening on a free port of the loopback; the port. */
export const listen = async (z: ZhaoshangApp): Promise<number> => {
  await z.app.listen(0, '127.0.0.1');
  return (z.app.getHttpServer().address() as AddressInfo).port;
};
