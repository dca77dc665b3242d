import { mkdirSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import * as path from 'node:path';
import { Logger as NestLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { openEsdbEventStore, openSqliteEventStore, type EventStore } from '@zhaoshang/eventstore';
import type { ReadModelStore, RunnerLogger } from '@zhaoshang/projections';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { fixedDayClock, systemClock, type Clock } from './clock';
import type { ApiConfig } from './config';
import { seedDemoRegion, type SeedReport } from './demo/seed';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { inputGate } from './http/input-limits';
import { requestId } from './http/request-id';
import { openApiDocument } from './openapi/openapi-document';
import { openReadModelStore, ProjectionReadModels } from './read-models/projection-read-models';
import type { ReadModels } from './read-models/read-model.port';

/** A started (initialised, not yet listening) app and the adapters it runs on. */
export interface ZhaoshangApp {
  readonly app: INestApplication;
  readonly store: EventStore;
  readonly readModels: ReadModels;
  readonly clock: Clock;
  /** Set when the demo region was loaded on this start. */
  readonly seeded?: SeedReport;
}

/** Options for tests and embedding: inject a clock, an event store or a read-model store. */
export interface CreateAppOptions {
  readonly clock?: Clock;
  readonly store?: EventStore;
  readonly readModelStore?: ReadModelStore;
}

/** The projection runner's log lines, through Nest's logger (pino once the app is up). */
const projectionsLog = new NestLogger('Projections');
const nestRunnerLogger: RunnerLogger = {
  info: (message, fields) => projectionsLog.log({ msg: message, ...stringifyFields(fields) }),
  error: (message, fields) => projectionsLog.error({ msg: message, ...stringifyFields(fields) }),
};
const stringifyFields = (fields: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(fields ?? {}).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]),
  );

/**
 * Headers of every answer (issue #13): helmet's defaults — nosniff, frame-ancestors 'none',
 * Referrer-Policy no-referrer, HSTS, COOP/CORP same-origin, no X-Powered-By — with a CSP for the
 * API's own pages (Swagger UI, the dashboard sets a stricter one) that does not upgrade requests
 * (the API is often served over plain HTTP behind a TLS proxy); `Cache-Control: no-store` unless a
 * route says otherwise (the dashboard's files), so no JSON answer is kept by a cache or browser.
 * `TRUST_PROXY` lets the client address (rate limits) come from X-Forwarded-For.
 */
const secureHeaders = (app: NestExpressApplication, config: ApiConfig): void => {
  app.disable('x-powered-by');
  if (config.trustProxy !== undefined) app.set('trust proxy', trustProxyValue(config.trustProxy));
  const headers = [...helmetHeaders(), ['Cache-Control', 'no-store'] as const];
  app.use((_req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  });
};

/**
 * The headers helmet sets with the API's options. They depend on nothing in the request, so they
 * are computed once, by running helmet on a response that is never sent, and set as a list: helmet's
 * thirteen middlewares on every request cost more than the bare route's whole answer (issue #14).
 */
const helmetHeaders = (): ReadonlyArray<readonly [string, number | string | readonly string[]]> => {
  const res = new HeaderRecorder(new IncomingMessage(new Socket()));
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { 'upgrade-insecure-requests': null, 'frame-ancestors': ["'none'"] },
    },
  })(res.req, res, () => undefined);
  return [...res.recorded.values()];
};

/** A response that records the headers set on it, spelled as they were set (it is never sent). */
class HeaderRecorder extends ServerResponse {
  readonly recorded = new Map<string, readonly [string, number | string | readonly string[]]>();

  override setHeader(name: string, value: number | string | readonly string[]): this {
    this.recorded.set(name.toLowerCase(), [name, value]);
    return super.setHeader(name, value);
  }
}

/** TRUST_PROXY as express takes it: true/false, a hop count, or addresses and subnets. */
const trustProxyValue = (text: string): boolean | number | string =>
  text === 'true' ? true : text === 'false' ? false : /^\d+$/.test(text) ? Number(text) : text;

/** Opens the event store chosen by configuration: EventStoreDB when a connection string is set, else SQLite in DATA_DIR. */
export const openEventStore = (config: ApiConfig): EventStore => {
  if (config.eventStoreConnectionString !== undefined)
    return openEsdbEventStore({
      connectionString: config.eventStoreConnectionString,
      ...(config.eventStoreMaxAppendSize !== undefined
        ? { maxAppendSize: config.eventStoreMaxAppendSize }
        : {}),
    });
  mkdirSync(config.dataDir, { recursive: true });
  return openSqliteEventStore({ file: path.join(config.dataDir, 'events.sqlite') });
};

/**
 * Builds the whole API in one process: event store, read models, CQRS handlers, HTTP routes,
 * OpenAPI at /openapi.json and Swagger UI at /docs, the deadline watcher; loads the demo region
 * when the store is empty and `seedDemo` is on. Call `app.listen(port)` to serve, `app.close()` to stop.
 */
export const createApp = async (config: ApiConfig, options: CreateAppOptions = {}): Promise<ZhaoshangApp> => {
  const clock = options.clock ?? (config.today !== undefined ? fixedDayClock(config.today) : systemClock);
  const store = options.store ?? openEventStore(config);
  const readModelStore = options.readModelStore ?? (await openReadModelStore(config));
  const readModels = new ProjectionReadModels(store, readModelStore, nestRunnerLogger, {
    follow: config.projections === 'follow',
  });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, store, readModels, clock }),
    // Bodies are read by the input gate (size, encoding, depth, text), not by express's parser.
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  app.use(requestId);
  // Security headers first: the input gate's refusals carry them too.
  secureHeaders(app, config);
  const filter = new ApiExceptionFilter();
  app.use(inputGate((error, req, res) => filter.answer(error, req, res)));
  app.useGlobalFilters(filter);
  SwaggerModule.setup('docs', app, openApiDocument(), { jsonDocumentUrl: 'docs/openapi.json' });
  await readModels.start();
  await app.init();
  let seeded: SeedReport | undefined;
  // Development loads the demo on an empty store; production only when asked by name (DEMO=seed).

  if (config.seedDemo) {
    const head = await store.readAll({ maxCount: 1 });
    if (head.length === 0) seeded = await seedDemoRegion(app);
  }
  return { app, store, readModels, clock, ...(seeded !== undefined ? { seeded } : {}) };
};
