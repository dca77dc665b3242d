import * as path from 'node:path';
import { parseSignerKey } from '@zhaoshang/eventstore';

/** A caller with an API key (another system: the statistics bureau, a service hall, the watcher). */
export interface ApiKeyEntry {
  readonly key: string;
  readonly name: string;
  readonly role: string;
  readonly unitId: string;
}

/** Everything the API reads from its environment, parsed once (see README "Configuration"). */
export interface ApiConfig {
  readonly port: number;
  /** Directory of the embedded SQLite files (events.sqlite). */
  readonly dataDir: string;
  /** `esdb://…`: use EventStoreDB instead of the embedded store. */
  readonly eventStoreConnectionString?: string;
  /** `mongodb://…`: read models in MongoDB (used once @zhaoshang/projections ships its Mongo store). */
  readonly mongodbUrl?: string;
  /**
   * `run` (default): this instance runs the projection runner when it gets the read-model store's
   * lease (one instance at a time does; the others stand by). `follow`: never; the runner runs as
   * its own process (`npm run projections`) and this instance follows its checkpoints.
   */
  readonly projections: 'run' | 'follow';
  readonly apiKeys: ReadonlyArray<ApiKeyEntry>;
  /** HS256 secret for people's tokens (at least 32 characters). */
  readonly jwtSecret: string;
  readonly jwtIssuer: string;
  /** Requests per minute per client address. */
  readonly rateLimitPerMinute: number;
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
  /** The transparency log: Merkle tree over all events and its signed checkpoints (docs/auditing.md). */
  readonly transparency: TransparencyConfig;
}

/** Settings of the transparency log (issue #15). */
export interface TransparencyConfig {
  /** The log's origin, the first line of every checkpoint (`TRANSPARENCY_ORIGIN`). */
  readonly origin: string;
  /** The signer key, `PRIVATE+KEY+<name>+<id>+<base64>` (`TRANSPARENCY_SIGNING_KEY`); default: the insecure development key. */
  readonly signingKey: string;
  /** `sha256` (default) or `sm3` (`TRANSPARENCY_TREE_HASH`). */
  readonly treeHash: 'sha256' | 'sm3';
  /** Period of the scheduled checkpoint (`TRANSPARENCY_CHECKPOINT_INTERVAL_MS`, default one hour; 0: only on demand). */
  readonly checkpointIntervalMs: number;
}

/** Development-only defaults: `npm start` works on a fresh clone; production must set its own. */
export const DEV_JWT_SECRET = 'zhaoshang-dev-secret-change-me-in-production-0123456789';
export const DEV_API_KEYS =
  'dev-stats-key:statistics-bureau:statistics-bureau:region,dev-watcher-key:deadline-watcher:system:region,' +
  'dev-dashboard-key:dashboard:auditor:region';
/** The read-only key (auditor: reads everything, issues nothing) the dashboard is pre-filled with in development. */
export const DEV_DASHBOARD_KEY = 'dev-dashboard-key';

/**
 * INSECURE development signing key of the transparency log: its private half is in this public
 * repository, so a checkpoint it signs proves nothing. Anyone can forge one. A start with
 * NODE_ENV=production refuses it (and a missing key); generate your own with
 * `zhaoshang-audit transparency-keygen <name>`.
 */
export const DEV_TRANSPARENCY_SIGNING_KEY =
  'PRIVATE+KEY+zhaoshang.dev/INSECURE-development-log+09df7e8f+AbPzOb3wTveJTknjfSpILlZCjLOErs0kMDZZhDt1ZYO1';
export const DEV_TRANSPARENCY_VERIFIER_KEY =
  'zhaoshang.dev/INSECURE-development-log+09df7e8f+AdgyHahdnvy2NFlsFzLRpe7sI9U8C7RVWLfYrTKEgZKK';

const transparencyConfig = (env: NodeJS.ProcessEnv): TransparencyConfig => {
  const signingKey = env.TRANSPARENCY_SIGNING_KEY || DEV_TRANSPARENCY_SIGNING_KEY;
  if (env.NODE_ENV === 'production' && signingKey === DEV_TRANSPARENCY_SIGNING_KEY)
    throw new Error(
      'TRANSPARENCY_SIGNING_KEY must be set in production (the development key is public): generate one with zhaoshang-audit transparency-keygen',
    );
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
  };
};

/**
 * Comma-separated entries, each `key:role:unitId` (as in issue #6) or `key:name:role:unitId` (a name
 * for the logs and the events' actor); with three parts the name is `role@unitId`.
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
          `API_KEYS entry must be key:role:unitId or key:name:role:unitId, got ${JSON.stringify(entry)}`,
        );
      }
      return { key, name, role, unitId };
    });

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

/** Reads the configuration from an environment (process.env by default). */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): ApiConfig => {
  const jwtSecret = env.JWT_SECRET || DEV_JWT_SECRET;
  if (jwtSecret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  return {
    port: int(env.PORT, 3000, 'PORT'),
    dataDir: path.resolve(env.DATA_DIR ?? '.data'),
    ...(env.EVENTSTORE_CONNECTION_STRING
      ? { eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING }
      : {}),
    ...(env.MONGODB_URL ? { mongodbUrl: env.MONGODB_URL } : {}),
    projections: projectionsMode(env.PROJECTIONS),
    apiKeys: parseApiKeys(env.API_KEYS ?? DEV_API_KEYS),
    jwtSecret,
    jwtIssuer: env.JWT_ISSUER ?? 'zhaoshang',
    rateLimitPerMinute: int(env.RATE_LIMIT_PER_MINUTE, 600_000, 'RATE_LIMIT_PER_MINUTE'),
    watcherIntervalMs: int(env.WATCHER_INTERVAL_MS, 60 * 60 * 1000, 'WATCHER_INTERVAL_MS'),
    seedDemo: (env.SEED_DEMO ?? 'true') !== 'false',
    readYourWritesTimeoutMs: int(env.READ_YOUR_WRITES_TIMEOUT_MS, 2000, 'READ_YOUR_WRITES_TIMEOUT_MS'),
    queryCacheEntries: int(env.QUERY_CACHE_ENTRIES, 1000, 'QUERY_CACHE_ENTRIES'),
    commandCacheStreams: int(env.COMMAND_CACHE_STREAMS, 5000, 'COMMAND_CACHE_STREAMS'),
    logLevel: env.LOG_LEVEL ?? 'info',
    ...(env.TODAY ? { today: env.TODAY } : {}),
    transparency: transparencyConfig(env),
  };
};
