import { Logger } from 'nestjs-pino';
import { createApp } from './app';
import { ConfigError, loadConfig, modeOf, type ApiConfig } from './config';

/** The three requests to try first, printed at start (also in README "The first three requests"). */
const firstRequests = (url: string): string =>
  [
    '',
    `Zhaoshang API listening on ${url}  (Swagger UI ${url}/docs)`,
    'Try:',
    `  1. curl -s -H 'X-API-Key: dev-stats-key' '${url}/projects?unitId=jingkaiqu&limit=5'`,
    `  2. TOKEN=$(node packages/api/dist/cli/main.js token li-xiaoyan investment-officer jingkaiqu)`,
    `     curl -s -X POST ${url}/projects -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H 'Idempotency-Key: lead-2025-001' \\`,
    `       -d '{"unitId":"jingkaiqu","name":"年产 5 万吨高性能复合材料项目","investor":{"name":"江苏某新材料有限公司"},"industryChain":"新材料","content":"建设碳纤维复合材料生产线","channel":"industrial-chain","intendedInvestment":30000000000,"capturedOn":"2025-03-03"}'`,
    `  3. curl -s -H 'X-API-Key: dev-stats-key' '${url}/projects/<projectId from 2>/history'`,
    '',
  ].join('\n');

/** Said loudly on every development start: the credentials are public, the demo is loaded. */
const DEVELOPMENT_WARNING = [
  '',
  '!!! 开发模式，不安全 DEVELOPMENT MODE — INSECURE !!!',
  '!!! The token secret and the API keys (dev-stats-key, dev-dashboard-key, dev-watcher-key) are published in',
  '!!! the source: anyone can act in any role. The dashboard hands out the auditor key. Never expose this server.',
  '!!! The transparency log signs its checkpoints with a published key: they prove nothing.',
  // People's sign-in (issue #18 item 1)
  '!!! The development accounts demo-officer and demo-leader sign in with the published password zhaoshang-dev.',
  '!!! Production: NODE_ENV=production with JWT_SECRET, hashed keys (zhaoshang-api keys add), HOST and',
  '!!! TRANSPARENCY_SIGNING_KEY (zhaoshang-audit transparency-keygen);',
  '!!! see docs/api.md "Security".',
  '',
].join('\n');

const urlOf = (config: ApiConfig): string =>
  `http://${config.host.includes(':') ? `[${config.host}]` : config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;

/** `npm start`: API, read models and the deadline watcher in one process on local SQLite files. */
const main = async (): Promise<void> => {
  const config = loadConfig();
  if (config.mode === 'development') process.stderr.write(`${DEVELOPMENT_WARNING}\n`);
  const { app, seeded } = await createApp(config);
  // SIGTERM / SIGINT: stop the watcher, finish in-flight commands, close the store (see app.module.ts).
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const logger = app.get(Logger);
  if (seeded !== undefined) logger.log(seeded, 'demo region loaded');
  const url = urlOf(config);
  if (config.mode === 'development') {
    logger.warn('development mode: published development credentials are accepted (insecure)');
    logger.log(`API on ${url} — Swagger UI /docs, OpenAPI /openapi.json, health /health/ready`);
    process.stdout.write(firstRequests(url));
  } else logger.log(`API on ${config.host}:${config.port} (production) — health /health/ready`);
};

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    // A clear message, no stack: what is wrong and what to do.
    process.stderr.write(
      `${modeOf(process.env) === 'production' ? '生产模式拒绝启动 refusing to start in production mode' : '配置有误，拒绝启动 refusing to start'}:\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'See docs/api.md "Security" (安全).\n',
    );
  } else console.error(error);
  process.exit(1);
});
