/**
 * @zhaoshang/api — the HTTP API over the domain (NestJS), with roles, OpenAPI and the deadline
 * watcher. What a program that starts or embeds the API needs, by name: the app and its options,
 * the configuration, the clock, tokens for people and roles, and the OpenAPI document. (The server
 * itself is `npm start`, dist/main.js; the command line is the `zhaoshang-api` bin. Demo seeding and
 * the development keys and secret are not part of the package's surface.)
 */
export { createApp, openEventStore } from './app';
export type { CreateAppOptions, ZhaoshangApp } from './app';
export { ConfigError, loadConfig } from './config';
export type { ApiConfig, RunMode } from './config';
export { fixedDayClock, systemClock } from './clock';
export type { Clock } from './clock';
export { issueToken } from './auth/authenticator';
export type { PersonClaims } from './auth/authenticator';
export { ROLES } from './auth/roles';
export type { Principal, Role } from './auth/roles';
export { openApiDocument } from './openapi/openapi-document';
export type { ReadModels } from './read-models/read-model.port';
