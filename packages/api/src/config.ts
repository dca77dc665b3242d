import * as path from 'node:path';
import { parseSignerKey, parseVerifierKey } from '@zhaoshang/eventstore';
import { hashApiKey, readApiKeyFile } from './auth/api-keys';
import { DEV_UNITS, parseUnits, type UnitEntry } from './units';
// The leaders registry (names, never ids, on paper and screen)
import { DEV_LEADERS, parseLeaders, type LeaderEntry } from './leaders/leader-registry';
// The event feed (issue #17): its settings live with it.
import { feedConfig, type FeedConfig } from './feed/feed-config';
import { webhookConfig, type WebhookConfig } from './webhooks/webhook-config';
// People's sign-in: accounts, sessions, OpenID Connect (issue #18 item 1).
import { accountsConfig, type AccountsConfig } from './accounts/accounts-config';

/** A caller with an API key (another system: the statistics bureau, a service hall, the watcher). */
export interface ApiKeyEntry {
  /** SHA-256 (hex) of the key: the key itself is never kept (auth/api-keys.ts). */
  readonly sha256: string;
  readonly name: string;
  readonly role: string;
  readonly unitId: string;
}

/** How the server runs: `production` (NODE_ENV=production or PRODUCTION=true) refuses development credentials. */
export type RunMode = 'development' | 'production';

/** Everything the API reads from its environment, parsed once (see README "Configuration"). */
export interface ApiConfig {
  readonly mode: RunMode;
  readonly port: number;
  /** Address to listen on (HOST); 127.0.0.1 by default in development, required in production. */
  readonly host: string;
  /** Directory of the embedded SQLite files (events.sqlite). */
  readonly dataDir: string;
  /** `esdb://…`: use EventStoreDB instead of the embedded store. */
  readonly eventStoreConnectionString?: string;
  /**
   * The EventStoreDB server's `MaxAppendSize` in bytes (EVENTSTORE_MAX_APPEND_SIZE): appends and
   * imports larger than this are refused before they are sent. Default: the adapter's 1 MiB.
   */
  readonly eventStoreMaxAppendSize?: number;
  /** `mongodb://…`: read models in MongoDB (used once @zhaoshang/projections ships its Mongo store). */
  readonly mongodbUrl?: string;
  /**
   * `run` (default): this instance runs the projection runner when it gets the read-model store's
   * lease (one instance at a time does; the others stand by). `follow`: never; the runner runs as
   * its own process (`npm run projections`) and this instance follows its checkpoints.
   */
  readonly projections: 'run' | 'follow';
  /** The key file the `zhaoshang-api keys` command writes (API_KEYS_FILE). */
  readonly apiKeysFile: string;
  /** Active API keys: the key file's, plus API_KEYS in development. */
  readonly apiKeys: ReadonlyArray<ApiKeyEntry>;
  /** The units of the deployment (`UNITS`, plus `region`): requests naming another unit are refused. */
  readonly units: ReadonlyArray<UnitEntry>;
  /** The people of the deployment (`LEADERS`: leaderId:name:title): reports print their names, never ids. */
  readonly leaders: ReadonlyArray<LeaderEntry>;
  /** HS256 secret for people's tokens (in production: 32 random bytes or more, see `tokenSecretProblem`). */
  readonly jwtSecret: string;
  readonly jwtIssuer: string;
  /** Requests per minute per client address, every route. */
  readonly rateLimitPerMinute: number;
  /** Commands per minute per principal (the caller authenticated). */
  readonly writeRateLimitPerMinute: number;
  /** Failed authentications (a wrong key or token) per minute per client address; then 429 for a minute. */
  readonly authFailureLimitPerMinute: number;
  /** express `trust proxy` (TRUST_PROXY): which proxies' X-Forwarded-For names the client address. */
  readonly trustProxy?: string;
  /** How long an Idempotency-Key is kept (ms), from the first request that used it. */
  readonly idempotencyKeyTtlMs: number;
  /** Deadline watcher period; 0 disables the watcher. */
  readonly watcherIntervalMs: number;
  /** Seed the demo region when the store is empty. */
  readonly seedDemo: boolean;
  /** How long a query with `?atLeast=` waits for the projections at most. */
  readonly readYourWritesTimeoutMs: number;
  /** Read-model answers kept while the read models do not move (0: no cache). */
  readonly queryCacheEntries: number;
  /** Streams whose folded state the command handlers keep (0: read every stream for every command). */
  readonly commandCacheStreams: number;
  readonly logLevel: string;
  /** Pins "today" (YYYY-MM-DD, Asia/Shanghai) for tests and demos; default: the real clock. */
  readonly today?: string;
  /** The transparency log: Merkle tree over all events and its signed checkpoints (docs/transparency.md). */
  readonly transparency: TransparencyConfig;
  /** The event feed and its live stream (issue #17, docs/integration.md). */
  readonly feed: FeedConfig;
  /** Webhook deliveries (issue #17, docs/integration.md). */
  readonly webhooks: WebhookConfig;
  /** People's sign-in: accounts, sessions, OpenID Connect (issue #18 item 1, docs/security.md). */
  readonly accounts: AccountsConfig;
}

/** Settings of the transparency log (issue #15). */
export interface TransparencyConfig {
  /** The log's origin, the first line of every checkpoint (`TRANSPARENCY_ORIGIN`; default the key's name). */
  readonly origin: string;
  /** The signer key, `PRIVATE+KEY+<name>+<id>+<base64>` (`TRANSPARENCY_SIGNING_KEY`); in development the insecure development key by default. */
  readonly signingKey: string;
  /** `sha256` (default) or `sm3` (`TRANSPARENCY_TREE_HASH`). */
  readonly treeHash: 'sha256' | 'sm3';
  /** Period of the scheduled checkpoint (`TRANSPARENCY_CHECKPOINT_INTERVAL_MS`, default one hour; 0: only on demand). */
  readonly checkpointIntervalMs: number;
  /** Witnesses whose co-signatures the server stores (`TRANSPARENCY_WITNESS_KEYS`: comma-separated verifier keys, type 0x04). */
  readonly witnessKeys: ReadonlyArray<string>;
}

/** Development-only defaults: `npm start` works on a fresh clone; production refuses them. */
export const DEV_JWT_SECRET = 'zhaoshang-dev-secret-change-me-in-production-0123456789';
export const DEV_API_KEYS =
  'dev-stats-key:statistics-bureau:statistics-bureau:region,dev-watcher-key:deadline-watcher:system:region,' +
  'dev-dashboard-key:dashboard:auditor:region';
/** The read-only key (auditor: reads everything, issues nothing) the dashboard is pre-filled with in development. */
export const DEV_DASHBOARD_KEY = 'dev-dashboard-key';

/**
 * INSECURE development signing key of the transparency log: its private half is in this public
 * repository, so a checkpoint it signs proves nothing (anyone can forge one). Production refuses it
 * and a missing key; generate your own with `zhaoshang-audit transparency-keygen <name>`.
 */
export const DEV_TRANSPARENCY_SIGNING_KEY =
  'PRIVATE+KEY+zhaoshang.dev/INSECURE-development-log+09df7e8f+AbPzOb3wTveJTknjfSpILlZCjLOErs0kMDZZhDt1ZYO1';
export const DEV_TRANSPARENCY_VERIFIER_KEY =
  'zhaoshang.dev/INSECURE-development-log+09df7e8f+AdgyHahdnvy2NFlsFzLRpe7sI9U8C7RVWLfYrTKEgZKK';

/** The transparency log's settings; in production a missing or development signing key is a problem. */
const transparencyConfig = (
  env: NodeJS.ProcessEnv,
  production: boolean,
  problems: string[],
): TransparencyConfig => {
  const given = env.TRANSPARENCY_SIGNING_KEY ?? '';
  if (production && (given === '' || given === DEV_TRANSPARENCY_SIGNING_KEY))
    problems.push(
      given === ''
        ? 'TRANSPARENCY_SIGNING_KEY is not set: generate one with `zhaoshang-audit transparency-keygen <name>`'
        : 'TRANSPARENCY_SIGNING_KEY is the published development key: anyone can forge its checkpoints',
    );
  const signingKey = given || DEV_TRANSPARENCY_SIGNING_KEY;
  const treeHash = env.TRANSPARENCY_TREE_HASH || 'sha256';
  if (treeHash !== 'sha256' && treeHash !== 'sm3')
    throw new Error(`TRANSPARENCY_TREE_HASH must be sha256 or sm3, got ${JSON.stringify(treeHash)}`);
  return {
    // The key name should match the origin (C2SP tlog-checkpoint); parsing also refuses a malformed key at start.
    origin: env.TRANSPARENCY_ORIGIN || parseSignerKey(signingKey).name,
    signingKey,
    treeHash,
    checkpointIntervalMs: int(
      env.TRANSPARENCY_CHECKPOINT_INTERVAL_MS,
      60 * 60 * 1000,
      'TRANSPARENCY_CHECKPOINT_INTERVAL_MS',
    ),
    // Parsing refuses a malformed witness key at start.
    witnessKeys: (env.TRANSPARENCY_WITNESS_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k.length > 0 && parseVerifierKey(k).algorithm === 'cosignature/v1'),
  };
};

/** Why the server refuses to start: every problem at once, each with what to do. */
export class ConfigError extends Error {
  constructor(readonly problems: ReadonlyArray<string>) {
    super(`configuration refused:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Comma-separated entries, each `key:role:unitId` (as in issue #6) or `key:name:role:unitId` (a name
 * for the logs and the events' actor); with three parts the name is `role@unitId`. Kept hashed.
 */
export const parseApiKeys = (text: string): ApiKeyEntry[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((entry) => {
      const parts = entry.split(':');
      const [key, name, role, unitId] =
        parts.length === 3 ? [parts[0], `${parts[1]}@${parts[2]}`, parts[1], parts[2]] : parts;
      if ((parts.length !== 3 && parts.length !== 4) || !key || !name || !role || !unitId) {
        throw new Error(
          `API_KEYS entry must be key:role:unitId or key:name:role:unitId, got ${JSON.stringify(entry.slice(0, 40))}`,
        );
      }
      return { sha256: hashApiKey(key), name, role, unitId };
    });

/** SHA-256 of every development key: none may authenticate in production. */
const DEV_KEY_HASHES: ReadonlySet<string> = new Set(parseApiKeys(DEV_API_KEYS).map((k) => k.sha256));

/**
 * Why a token secret is too weak for production, or undefined. The secret must carry at least 32
 * random bytes (256 bits), written as hex (64+ characters) or base64/base64url (43+ characters),
 * e.g. `openssl rand -hex 32` or `zhaoshang-api secret`; a text with few distinct characters
 * (`000…`, `abab…`) is refused as not random.
 */
export const tokenSecretProblem = (secret: string): string | undefined => {
  if (secret === DEV_JWT_SECRET) return 'JWT_SECRET is the published development secret';
  const distinct = new Set(secret).size;
  if (/^[0-9a-fA-F]+$/.test(secret)) {
    if (secret.length < 64) return `JWT_SECRET in hex has ${secret.length / 2} bytes; at least 32 are needed`;
    return distinct < 12 ? 'JWT_SECRET does not look random (too few distinct characters)' : undefined;
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(secret)) {
    const bytes = Math.floor((secret.replace(/=+$/, '').length * 3) / 4);
    if (bytes < 32) return `JWT_SECRET in base64 has ${bytes} bytes; at least 32 are needed`;
    return distinct < 20 ? 'JWT_SECRET does not look random (too few distinct characters)' : undefined;
  }
  return 'JWT_SECRET must be 32 or more random bytes written as hex or base64 (e.g. `openssl rand -hex 32`)';
};

/** Where the key file is: API_KEYS_FILE, else `<DATA_DIR>/api-keys.json`. */
export const apiKeysFileOf = (env: NodeJS.ProcessEnv): string =>
  path.resolve(env.API_KEYS_FILE ?? path.join(path.resolve(env.DATA_DIR ?? '.data'), 'api-keys.json'));

/**
 * The token secret and issuer a command-line token is signed with, as the server reads them: in
 * production JWT_SECRET must be set and strong, in development the development secret is the default.
 */
export const tokenSigningOf = (
  env: NodeJS.ProcessEnv,
): { readonly secret: string; readonly issuer: string } => {
  const secret = env.JWT_SECRET || (modeOf(env) === 'production' ? '' : DEV_JWT_SECRET);
  if (modeOf(env) === 'production') {
    const problem = secret === '' ? 'JWT_SECRET is not set' : tokenSecretProblem(secret);
    if (problem !== undefined) throw new ConfigError([problem]);
  }
  return { secret, issuer: env.JWT_ISSUER ?? 'zhaoshang' };
};

const positive = (value: string, name: string): number => {
  const n = int(value, 0, name);
  if (n === 0) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return n;
};

const int = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return n;
};

const projectionsMode = (value: string | undefined): 'run' | 'follow' => {
  if (value === undefined || value === '' || value === 'run') return 'run';
  if (value === 'follow') return 'follow';
  throw new Error(`PROJECTIONS must be run or follow, got ${JSON.stringify(value)}`);
};

/** Production mode: NODE_ENV=production or PRODUCTION=true. */
export const modeOf = (env: NodeJS.ProcessEnv): RunMode =>
  env.NODE_ENV === 'production' || env.PRODUCTION === 'true' ? 'production' : 'development';

/**
 * Reads the configuration from an environment (process.env by default). In production it throws
 * a `ConfigError` listing every problem: no token secret or a weak or development one, plain
 * API_KEYS or a development key, no active key in the key file, no HOST, a pinned TODAY.
 */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): ApiConfig => {
  const mode = modeOf(env);
  const production = mode === 'production';
  const problems: string[] = [];
  const dataDir = path.resolve(env.DATA_DIR ?? '.data');
  const apiKeysFile = apiKeysFileOf(env);
  const fileKeys: ApiKeyEntry[] = readApiKeyFile(apiKeysFile)
    .keys.filter((k) => k.revokedAt === undefined)
    .map((k) => ({ sha256: k.sha256, name: k.name, role: k.role, unitId: k.unitId }));
  const envKeys = parseApiKeys(env.API_KEYS ?? (production ? '' : DEV_API_KEYS));
  const apiKeys = [...envKeys, ...fileKeys];

  const jwtSecret = env.JWT_SECRET || (production ? '' : DEV_JWT_SECRET);
  if (production) {
    if (jwtSecret === '')
      problems.push(
        'JWT_SECRET is not set: generate one with `zhaoshang-api secret` (or `openssl rand -hex 32`)',
      );
    else {
      const weak = tokenSecretProblem(jwtSecret);
      if (weak !== undefined) problems.push(weak);
    }
    if (envKeys.some((k) => DEV_KEY_HASHES.has(k.sha256)))
      problems.push(
        'API_KEYS holds a development key (dev-…-key): development keys never authenticate in production',
      );
    else if (env.API_KEYS !== undefined && env.API_KEYS !== '')
      problems.push(
        `API_KEYS (plain keys in the environment) is for development: production reads hashed keys from ${apiKeysFile} (zhaoshang-api keys add)`,
      );
    if (fileKeys.some((k) => DEV_KEY_HASHES.has(k.sha256)))
      problems.push(`${apiKeysFile} holds a development key: revoke it (zhaoshang-api keys revoke)`);
    if (fileKeys.length === 0)
      problems.push(
        `no API key is configured: add one with \`zhaoshang-api keys add <name> <role> <unit>\` (key file ${apiKeysFile})`,
      );
    if (env.HOST === undefined || env.HOST === '')
      problems.push(
        'HOST is not set: name the address to listen on (e.g. 127.0.0.1 behind a proxy, 0.0.0.0 in a container)',
      );
    if (env.TODAY !== undefined && env.TODAY !== '')
      problems.push("TODAY pins the server's clock: for demos and tests only, never in production");
  } else if (jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  const transparency = transparencyConfig(env, production, problems);
  // People's sign-in (issue #18 item 1).
  const accounts = accountsConfig(env, production, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  // The demo is loaded in development unless SEED_DEMO=false; in production only when asked by name.
  const seedDemo = production
    ? env.DEMO === 'seed'
    : env.DEMO === 'seed' || (env.SEED_DEMO ?? 'true') !== 'false';
  return {
    mode,
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST || '127.0.0.1',
    dataDir,
    ...(env.EVENTSTORE_CONNECTION_STRING
      ? { eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING }
      : {}),
    ...(env.EVENTSTORE_MAX_APPEND_SIZE
      ? { eventStoreMaxAppendSize: positive(env.EVENTSTORE_MAX_APPEND_SIZE, 'EVENTSTORE_MAX_APPEND_SIZE') }
      : {}),
    ...(env.MONGODB_URL ? { mongodbUrl: env.MONGODB_URL } : {}),
    projections: projectionsMode(env.PROJECTIONS),
    apiKeysFile,
    apiKeys,
    // The demo region's units in development; a production deployment names its own (else only `region`).
    units: parseUnits(env.UNITS ?? (production ? '' : DEV_UNITS)),
    // The demo region's people in development; a production deployment names its own.
    leaders: parseLeaders(env.LEADERS ?? (production ? '' : DEV_LEADERS)),
    jwtSecret,
    jwtIssuer: env.JWT_ISSUER ?? 'zhaoshang',
    rateLimitPerMinute: int(env.RATE_LIMIT_PER_MINUTE, 6000, 'RATE_LIMIT_PER_MINUTE'),
    writeRateLimitPerMinute: int(env.WRITE_RATE_LIMIT_PER_MINUTE, 300, 'WRITE_RATE_LIMIT_PER_MINUTE'),
    authFailureLimitPerMinute: int(env.AUTH_FAILURE_LIMIT_PER_MINUTE, 30, 'AUTH_FAILURE_LIMIT_PER_MINUTE'),
    ...(env.TRUST_PROXY ? { trustProxy: env.TRUST_PROXY } : {}),
    idempotencyKeyTtlMs: int(env.IDEMPOTENCY_KEY_TTL_HOURS, 24, 'IDEMPOTENCY_KEY_TTL_HOURS') * 3_600_000,
    watcherIntervalMs: int(env.WATCHER_INTERVAL_MS, 60 * 60 * 1000, 'WATCHER_INTERVAL_MS'),
    seedDemo,
    readYourWritesTimeoutMs: int(env.READ_YOUR_WRITES_TIMEOUT_MS, 2000, 'READ_YOUR_WRITES_TIMEOUT_MS'),
    queryCacheEntries: int(env.QUERY_CACHE_ENTRIES, 1000, 'QUERY_CACHE_ENTRIES'),
    commandCacheStreams: int(env.COMMAND_CACHE_STREAMS, 5000, 'COMMAND_CACHE_STREAMS'),
    logLevel: env.LOG_LEVEL ?? 'info',
    ...(env.TODAY ? { today: env.TODAY } : {}),
    transparency,
    // The event feed (issue #17).
    feed: feedConfig(env),
    webhooks: webhookConfig(env),
    // People's sign-in (issue #18 item 1).
    accounts,
  };
};
