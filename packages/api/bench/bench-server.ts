/**
 * Child process of `npm run bench:api`: the server under test, alone in its process as in
 * production (the load generator runs in the parent). BENCH_SERVER=bare serves one bare NestJS
 * route; BENCH_SERVER=app the whole API on a fresh embedded store with the demo region, durability
 * BENCH_DURABILITY ('full' by default). It answers the parent over IPC: `ready` with its URL and
 * tokens, `stats` with its event store's commits and its CPU time since the last `stats`.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type * as Api from '../src/index';
import type * as Units from '../src/units';
import type * as Store from '@zhaoshang/eventstore';
import { BENCH_UNIT, type ServerReady, type ServerStats } from './bench-protocol';

// The API is loaded from dist/ (built by tsc): Nest's dependency injection needs the decorator
// metadata tsc emits, which tsx/esbuild does not. `npm run bench:api` builds first.
const load = createRequire(__filename);
const { createApp, issueToken, loadConfig } = load('../dist/index.js') as typeof Api;
const { openSqliteEventStore } = load('@zhaoshang/eventstore') as typeof Store;
const { DEV_UNITS } = load('../dist/units.js') as typeof Units;

// Decorators applied as functions: this file runs under tsx whatever tsconfig it picks up.
class BareController {
  bare() {
    return { ok: true };
  }
}
Get('bare')(
  BareController.prototype,
  'bare',
  Object.getOwnPropertyDescriptor(BareController.prototype, 'bare')!,
);
Controller()(BareController);
class BareModule {}
Module({ controllers: [BareController] })(BareModule);

const send = (message: unknown): void => {
  process.send?.(message);
};

const main = async (): Promise<void> => {
  let app: INestApplication;
  let ready: ServerReady;
  let commitStats = (): { transactions: number; appends: number } => ({ transactions: 0, appends: 0 });
  let cleanup = (): void => {};
  if (process.env.BENCH_SERVER === 'bare') {
    app = await NestFactory.create(BareModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    ready = {
      url: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`,
      officer: '',
      reader: '',
    };
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-bench-'));
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    const config = loadConfig({
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      WATCHER_INTERVAL_MS: '0',
      RATE_LIMIT_PER_MINUTE: '100000000',
      // The demo region's units, and the bench's own (its commands act apart from the demo region):
      // a command naming a unit the deployment does not have is refused (400).
      UNITS: `${DEV_UNITS},${BENCH_UNIT}:基准测试单位`,
      // One bench officer sends thousands of commands a second: the per-principal limit is off.
      WRITE_RATE_LIMIT_PER_MINUTE: '0',
      // e.g. COMMAND_CACHE_STREAMS=0 npm run bench:api: every command reads its stream.
      ...(process.env.COMMAND_CACHE_STREAMS !== undefined
        ? { COMMAND_CACHE_STREAMS: process.env.COMMAND_CACHE_STREAMS }
        : {}),
    });
    const store = openSqliteEventStore({
      file: path.join(dir, 'events.sqlite'),
      durability: process.env.BENCH_DURABILITY === 'normal' ? 'normal' : 'full',
    });
    commitStats = () => store.commitStats();
    const z = await createApp(config, { store });
    app = z.app;
    await app.listen(0, '127.0.0.1');
    const sign = (sub: string, role: 'investment-officer' | 'auditor', unit: string) =>
      issueToken({ sub, role, unit }, { secret: config.jwtSecret, issuer: config.jwtIssuer });
    ready = {
      url: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`,
      officer: `Bearer ${await sign('bench-officer', 'investment-officer', BENCH_UNIT)}`,
      reader: `Bearer ${await sign('bench-reader', 'auditor', 'region')}`,
      ...(z.seeded !== undefined ? { seeded: { projects: z.seeded.projects, events: z.seeded.events } } : {}),
    };
  }
  // Idle keep-alive connections stay open between runs (Node closes them after 5 s by default, and
  // a request sent on one the server is closing fails with ECONNRESET: a load-generator artefact).
  (app.getHttpServer() as { keepAliveTimeout: number }).keepAliveTimeout = 30_000;
  let cpu = process.cpuUsage();
  let commits = commitStats();
  process.on('message', (message: unknown) => {
    if (message === 'stats') {
      const used = process.cpuUsage(cpu);
      const now = commitStats();
      const stats: ServerStats = {
        transactions: now.transactions - commits.transactions,
        appends: now.appends - commits.appends,
        cpuMicros: used.user + used.system,
      };
      cpu = process.cpuUsage();
      commits = now;
      send({ stats });
    } else if (message === 'stop') {
      void app.close().then(() => {
        cleanup();
        process.exit(0);
      });
    }
  });
  send({ ready });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
