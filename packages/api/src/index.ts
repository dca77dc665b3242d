/** @zhaoshang/api — the HTTP API over the domain: NestJS + CQRS, roles, OpenAPI, deadline watcher. */
export { createApp, openEventStore } from './app';
export type { ZhaoshangApp, CreateAppOptions } from './app';
export { AppModule } from './app.module';
export type { AppDependencies } from './app.module';
export {
  loadConfig,
  parseApiKeys,
  modeOf,
  tokenSecretProblem,
  ConfigError,
  DEV_API_KEYS,
  DEV_JWT_SECRET,
} from './config';
export type { ApiConfig, ApiKeyEntry, RunMode } from './config';
export { addApiKey, revokeApiKey, readApiKeyFile, hashApiKey } from './auth/api-keys';
export type { StoredApiKey, ApiKeyFile } from './auth/api-keys';
export { runCli } from './cli/main';
export { IdempotencyStore, fingerprintOf } from './http/idempotency';
export { systemClock, fixedDayClock } from './clock';
export type { Clock } from './clock';
export { issueToken, Authenticator } from './auth/authenticator';
export type { PersonClaims } from './auth/authenticator';
export { commandRoles, serverCommands, mayIssue } from './auth/permissions';
export type { CommandType, RoutedCommandType, ServerCommandType } from './auth/permissions';
export { ROLES, UNIT_SCOPED_ROLES } from './auth/roles';
export type { Role, Principal } from './auth/roles';
export { CommandGateway } from './command-handling/command-gateway';
export type { CommandContext, CommandResult } from './command-handling/command-gateway';
export { DomainEventOccurred } from './command-handling/domain-event-occurred';
export { commandCodecs } from './command-handling/aggregates';
export { routeTable, allCommandRoutes, allQueryRoutes } from './http/route-table';
export type { CommandRoute, QueryRoute } from './http/routes';
export { openApiDocument } from './openapi/openapi-document';
export { toJsonSchema } from './openapi/json-schema';
export { openReadModelStore, ProjectionReadModels } from './read-models/projection-read-models';
export type { ProjectionQueries, ReadModels } from './read-models/read-model.port';
export { DeadlineWatcher } from './watcher/deadline-watcher';
export type { WatchRun } from './watcher/deadline-watcher';
export { demoRegionScript, seedDemoRegion } from './demo/seed';
export type { SeedReport } from './demo/seed';
