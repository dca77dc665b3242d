import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isRole, type Role } from './roles';

/**
 * API keys as the server keeps them: never the key itself, only its SHA-256. A key is 32 random
 * bytes (256 bits, `zk_` + base64url), so a fast hash is as good as a slow one: nobody can search
 * 2^256 keys, and the file leaks no usable credential. Each key has a name (who holds it: a system,
 * a service hall), a role and a unit, like a person's token.
 */
export interface StoredApiKey {
  /** Short public id, shown by `keys list` and used by `keys revoke`. */
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly unitId: string;
  /** SHA-256 (hex) of the key. */
  readonly sha256: string;
  readonly createdAt: string;
  /** Set when revoked: the key no longer authenticates (kept for the record). */
  readonly revokedAt?: string;
}

/** The key file (`API_KEYS_FILE`, default `<DATA_DIR>/api-keys.json`). */
export interface ApiKeyFile {
  readonly format: 1;
  readonly keys: ReadonlyArray<StoredApiKey>;
}

/** SHA-256 (hex) of a key as presented in `X-API-Key`. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new key: `zk_` and 32 random bytes in base64url (256 bits of entropy). */
export const generateApiKey = (): string => `zk_${randomBytes(32).toString('base64url')}`;

const isStoredKey = (u: unknown): u is StoredApiKey => {
  if (typeof u !== 'object' || u === null) return false;
  const k = u as Record<string, unknown>;
  return (
    typeof k.id === 'string' &&
    typeof k.name === 'string' &&
    typeof k.role === 'string' &&
    isRole(k.role) &&
    typeof k.unitId === 'string' &&
    typeof k.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(k.sha256) &&
    typeof k.createdAt === 'string' &&
    (k.revokedAt === undefined || typeof k.revokedAt === 'string')
  );
};

/** Reads the key file; an absent file holds no key. A malformed one is an error (never half-read). */
export const readApiKeyFile = (file: string): ApiKeyFile => {
  if (!existsSync(file)) return { format: 1, keys: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`API key file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if ((parsed as { format?: unknown } | null)?.format !== 1 || !Array.isArray(keys))
    throw new Error(`API key file ${file}: expected { "format": 1, "keys": [...] }`);
  keys.forEach((k, i) => {
    if (!isStoredKey(k)) throw new Error(`API key file ${file}: entry ${i} is malformed`);
  });
  return { format: 1, keys: keys as StoredApiKey[] };
};

/** Writes the key file atomically (temporary file, then rename), readable by its owner only. */
export const writeApiKeyFile = (file: string, content: ApiKeyFile): void => {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
};

/** Adds a new key; returns the key (shown once, never stored) and its record. */
export const addApiKey = (
  file: string,
  entry: { readonly name: string; readonly role: Role; readonly unitId: string },
  now: Date = new Date(),
): { readonly key: string; readonly record: StoredApiKey } => {
  const current = readApiKeyFile(file);
  if (current.keys.some((k) => k.name === entry.name && k.revokedAt === undefined))
    throw new Error(`an active key named ${JSON.stringify(entry.name)} exists already (revoke it first)`);
  const key = generateApiKey();
  const record: StoredApiKey = {
    id: randomUUID().slice(0, 8),
    ...entry,
    sha256: hashApiKey(key),
    createdAt: now.toISOString(),
  };
  writeApiKeyFile(file, { format: 1, keys: [...current.keys, record] });
  return { key, record };
};

/** Revokes the key with this id or name; returns its record, or undefined when there is none active. */
export const revokeApiKey = (
  file: string,
  idOrName: string,
  now: Date = new Date(),
): StoredApiKey | undefined => {
  const current = readApiKeyFile(file);
  const target = current.keys.find(
    (k) => k.revokedAt === undefined && (k.id === idOrName || k.name === idOrName),
  );
  if (target === undefined) return undefined;
  const revoked: StoredApiKey = { ...target, revokedAt: now.toISOString() };
  writeApiKeyFile(file, { format: 1, keys: current.keys.map((k) => (k === target ? revoked : k)) });
  return revoked;
};
