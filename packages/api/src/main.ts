import { Logger } from 'nestjs-pino';
import { createApp } from './app';
import { loadConfig } from './config';

/** The three requests to try first, printed at start (also in README "The first three requests"). */
const firstRequests = (url: string): string =>
  [
    '',
    `Zhaoshang API listening on ${url}  (Swagger UI ${url}/docs)`,
    'Try:',
    `  1. curl -s -H 'X-API-Key: dev-stats-key' '${url}/projects?unitId=jingkaiqu&limit=5'`,
    `  2. TOKEN=$(node packages/api/dist/auth/issue-token.js li-xiaoyan investment-officer jingkaiqu)`,
    `     curl -s -X POST ${url}/projects -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H 'Idempotency-Key: lead-2025-001' \\`,
    `       -d '{"unitId":"jingkaiqu","name":"年产 5 万吨高性能复合材料项目","investor":{"name":"江苏某新材料有限公司"},"industryChain":"新材料","content":"建设碳纤维复合材料生产线","channel":"industrial-chain","intendedInvestment":30000000000,"capturedOn":"2025-03-03"}'`,
    `  3. curl -s -H 'X-API-Key: dev-stats-key' '${url}/projects/<projectId from 2>/history'`,
    '',
  ].join('\n');

/** `npm start`: API, read models and the deadline watcher in one process on local SQLite files. */
const main = async (): Promise<void> => {
  const config = loadConfig();
  const { app, seeded } = await createApp(config);
  // SIGTERM / SIGINT: stop the watcher, finish in-flight commands, close the store (see app.module.ts).
  app.enableShutdownHooks();
  await app.listen(config.port);
  const logger = app.get(Logger);
  if (seeded !== undefined) logger.log(seeded, 'demo region loaded');
  logger.log(
    `API on http://localhost:${config.port} — Swagger UI /docs, OpenAPI /openapi.json, health /health/ready`,
  );
  process.stdout.write(firstRequests(`http://localhost:${config.port}`));
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
