/**
 * `npm run bench:api`: in one run, on this machine, a bare NestJS route (the floor every route
 * pays), then the API on a fresh embedded store with the demo region: capture-lead commands, a
 * typical stage transition (QualifyLead), and the register and target-progress queries. Prints
 * requests/s, p50 / p99 latency and the ratio to the bare route.
 * BENCH_SECONDS (default 5) and BENCH_CONNECTIONS (default 10) tune it.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import { createRequire } from 'node:module';
import type * as Api from '../src/index';

// The API is loaded from dist/ (built by tsc): Nest's dependency injection needs the decorator
// metadata tsc emits, which tsx/esbuild does not. `npm run bench:api` builds first.
const { createApp, issueToken, loadConfig } = createRequire(__filename)('../dist/index.js') as typeof Api;

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

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

interface Row {
  readonly name: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
}

const run = async (name: string, options: Parameters<typeof autocannon>[0]): Promise<Row> => {
  const r = await autocannon({ connections, duration: seconds, ...options });
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed: r.errors + r.non2xx,
  };
};

const main = async (): Promise<void> => {
  const rows: Row[] = [];
  const bare = await NestFactory.create(BareModule, { logger: false });
  await bare.listen(0);
  const bareUrl = await bare.getUrl();
  rows.push(
    await run('bare NestJS GET (baseline)', { url: `${bareUrl.replace('[::1]', 'localhost')}/bare` }),
  );
  await bare.close();

  const dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-bench-'));
  const config = {
    ...loadConfig({
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      WATCHER_INTERVAL_MS: '0',
      RATE_LIMIT_PER_MINUTE: '100000000',
    }),
  };
  const { app, seeded } = await createApp(config);
  await app.listen(0);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  const officer = `Bearer ${await issueToken({ sub: 'bench', role: 'investment-officer', unit: 'jingkaiqu' }, { secret: config.jwtSecret, issuer: config.jwtIssuer })}`;
  const reader = `Bearer ${await issueToken({ sub: 'bench', role: 'auditor', unit: 'region' }, { secret: config.jwtSecret, issuer: config.jwtIssuer })}`;
  const json = { 'content-type': 'application/json' };
  let captured = 0;
  rows.push(
    await run('POST /projects (CaptureLead)', {
      url,
      requests: [
        {
          method: 'POST',
          path: '/projects',
          headers: { ...json, authorization: officer },
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({
              projectId: `BENCH-${(captured += 1)}`,
              unitId: 'jingkaiqu',
              name: '基准测试项目',
              investor: { name: '某科技有限公司' },
              industryChain: '新材料',
              content: '建设生产线',
              channel: 'industrial-chain',
              intendedInvestment: 30_000_000_000,
              capturedOn: '2024-03-01',
            }),
          }),
        },
      ],
    }),
  );
  let qualified = 0;
  rows.push(
    await run('POST /projects/:id/qualification (QualifyLead)', {
      url,
      requests: [
        {
          method: 'POST',
          headers: { ...json, authorization: officer },
          setupRequest: (req) => ({
            ...req,
            path: `/projects/BENCH-${(qualified % captured) + 1}/qualification`,
            body: JSON.stringify({ on: '2024-03-08', assessment: `研判 ${(qualified += 1)}` }),
          }),
        },
      ],
    }),
  );
  rows.push(
    await run('GET /projects?unitId= (register)', {
      url: `${url}/projects?unitId=jingkaiqu`,
      headers: { authorization: reader },
    }),
  );
  rows.push(
    await run('GET /targets/:unit/:year/progress', {
      url: `${url}/targets/jingkaiqu/2024/progress?asOf=2024-12-31`,
      headers: { authorization: reader },
    }),
  );
  await app.close();
  rmSync(dir, { recursive: true, force: true });

  const base = rows[0]!.rps;
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  console.log(
    `\nAPI benchmark: ${seconds}s × ${connections} connections per scenario; demo region of ${seeded?.projects ?? '?'} projects (${seeded?.events ?? '?'} events); Node ${process.version}\n`,
  );
  console.log(
    `${pad('scenario', 48)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('vs bare', 9)}non-2xx`,
  );
  for (const r of rows) {
    console.log(
      `${pad(r.name, 48)}${pad(r.rps.toFixed(0), 10)}${pad(String(r.p50), 9)}${pad(String(r.p99), 9)}${pad((r.rps / base).toFixed(2), 9)}${r.failed}`,
    );
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
