import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type Database from 'better-sqlite3';
import { CodedApiError, InvalidInputError } from '../errors/api-errors';
import { openSqliteFile } from '../sqlite-file';

/** Who sent a request with an Idempotency-Key, and to which route (method and path). */
export interface IdempotencyScope {
  /** The principal (auth.guard.ts `principalKey`): another caller's key is another key. */
  readonly principal: string;
  readonly method: string;
  /** The request's path (the resource), without the query string. */
  readonly path: string;
}

/** What a request with an Idempotency-Key may do. */
export type IdempotencyClaim =
  | {
      /** First request (or the first after the key expired): run it with this command id. */
      readonly kind: 'run';
      readonly commandId: string;
      /** The answer to keep for retries. */
      readonly complete: (answer: unknown) => void;
      /** The request failed: nothing was recorded, the key is free again. */
      readonly release: () => void;
    }
  | { readonly kind: 'replay'; readonly answer: unknown };

/** An in-flight record left by a process that stopped mid-request is taken over after this long. */
const ABANDONED_AFTER_MS = 30_000;
/** Expired keys are swept once every this many claims. */
const SWEEP_EVERY = 1000;

/** Deeper bodies are refused before they are fingerprinted (no command nests anywhere near it). */
const MAX_DEPTH = 64;

/** The SHA-256 (hex) of a body in canonical JSON (keys sorted): the request's fingerprint. */
export const fingerprintOf = (body: unknown): string => {
  const canonical = (v: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH)
      throw new InvalidInputError([
        { path: '', expected: `JSON nested at most ${MAX_DEPTH} deep`, value: null },
      ]);
    return Array.isArray(v)
      ? v.map((x) => canonical(x, depth + 1))
      : typeof v === 'object' && v !== null
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k], depth + 1)]),
          )
        : v;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null, 0)))
    .digest('hex');
};

/** A key as error answers show it: at most 40 characters. */
const excerpt = (key: string): string => (key.length <= 40 ? key : `${key.slice(0, 39)}…`);

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

interface Row {
  readonly fingerprint: string;
  readonly created_at: number;
  readonly answer: string | null;
}

/**
 * Idempotency keys as the IETF httpapi draft "The Idempotency-Key HTTP Header Field" describes
 * them (draft-ietf-httpapi-idempotency-key-header): a key is unique per caller and route — it is
 * kept under the principal, the method and the path, so another caller's or another route's same
 * key is another key; the first request's fingerprint (SHA-256 of its body) is kept with it;
 *
 * - a retry with the same key and body answers the first answer (`duplicate: true`), nothing is
 *   recorded again;
 * - the same key with another body: 422 `IDEMPOTENCY_KEY_REUSED`;
 * - the same key while its first request is still being processed: 409 `IDEMPOTENCY_KEY_IN_FLIGHT`;
 * - a key expires `ttlMs` after its first request (IDEMPOTENCY_KEY_TTL_HOURS, default 24): then it
 *   is a new key.
 *
 * A request that fails (any error answer) records nothing and frees its key, so that the retry the
 * client makes once it fixed the cause is processed. Kept in `<DATA_DIR>/idempotency.sqlite`, so
 * keys survive a restart; processes sharing a DATA_DIR share them. The command id given to the
 * event store is derived from the scope and the period of the key's first use (`epochOf`), so the
 * store's own repeat detection (same command id on a stream) backs this up, across instances too.
 */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly inFlight = new Set<string>();
  private claims = 0;
  private closed = false;

  constructor(
    file: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.db = openSqliteFile(
      file,
      `CREATE TABLE IF NOT EXISTS idempotency_keys (
         scope TEXT PRIMARY KEY,
         fingerprint TEXT NOT NULL,
         created_at INTEGER NOT NULL,
         answer TEXT
       );
       CREATE INDEX IF NOT EXISTS idempotency_keys_created ON idempotency_keys (created_at);`,
    );
  }

  /** Claims `key` for a request; throws 409 / 422 as above. */
  claim(scope: IdempotencyScope, key: string, fingerprint: string): IdempotencyClaim {
    const id = sha256(`${scope.principal}\u0000${scope.method.toUpperCase()}\u0000${scope.path}\u0000${key}`);
    const now = this.now();
    if ((this.claims = (this.claims + 1) % SWEEP_EVERY) === 0)
      this.db.prepare('DELETE FROM idempotency_keys WHERE created_at <= ?').run(now - this.ttlMs);
    const decide = this.db.transaction((): IdempotencyClaim => {
      let row = this.db
        .prepare('SELECT fingerprint, created_at, answer FROM idempotency_keys WHERE scope = ?')
        .get(id) as Row | undefined;
      if (row !== undefined && row.created_at + this.ttlMs <= now) {
        this.db.prepare('DELETE FROM idempotency_keys WHERE scope = ?').run(id);
        row = undefined;
      }
      if (row === undefined) {
        this.db
          .prepare(
            'INSERT INTO idempotency_keys (scope, fingerprint, created_at, answer) VALUES (?, ?, ?, NULL)',
          )
          .run(id, fingerprint, now);
        return this.run(id, now);
      }
      if (row.fingerprint !== fingerprint)
        throw new CodedApiError(422, 'IDEMPOTENCY_KEY_REUSED', {
          key: excerpt(key),
          route: `${scope.method.toUpperCase()} ${scope.path}`,
        });
      if (row.answer !== null) return { kind: 'replay', answer: JSON.parse(row.answer) as unknown };
      if (this.inFlight.has(id) || now - row.created_at < ABANDONED_AFTER_MS)
        throw new CodedApiError(409, 'IDEMPOTENCY_KEY_IN_FLIGHT', { key: excerpt(key) });
      // Left in flight by a process that stopped: the same command id, so the store answers what it did.
      return this.run(id, row.created_at);
    });
    return decide.immediate();
  }

  private run(id: string, createdAt: number): IdempotencyClaim {
    this.inFlight.add(id);
    return {
      kind: 'run',
      commandId: `idem-${sha256(`${id}:${this.epochOf(createdAt)}`).slice(0, 32)}`,
      complete: (answer) => {
        this.inFlight.delete(id);
        if (!this.closed)
          this.db
            .prepare('UPDATE idempotency_keys SET answer = ? WHERE scope = ? AND created_at = ?')
            .run(JSON.stringify(answer), id, createdAt);
      },
      release: () => {
        this.inFlight.delete(id);
        if (!this.closed)
          this.db
            .prepare('DELETE FROM idempotency_keys WHERE scope = ? AND created_at = ? AND answer IS NULL')
            .run(id, createdAt);
      },
    };
  }

  /**
   * The key's period of use: its first use, in whole `ttlMs` since the epoch. Processes that do not
   * share this table (separate DATA_DIRs) derive the same command id for the same key in the same
   * period, so the event store still recognises a retry sent to another instance; a key used again
   * after it expired is at least one period later, hence a new command id.
   */
  private epochOf(createdAt: number): number {
    return this.ttlMs > 0 ? Math.floor(createdAt / this.ttlMs) : createdAt;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
