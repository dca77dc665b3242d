import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Role } from '../auth/roles';
import { openSqliteFile } from '../sqlite-file';

/** A person's account as an administrator manages it (never with its password hash). */
export interface Account {
  /** The sign-in name, also the `userId` every event of theirs carries as its actor. */
  readonly username: string;
  /** The name people read (中文姓名 and post). */
  readonly displayName: string;
  readonly role: Role;
  readonly unitId: string;
  readonly disabled: boolean;
  /** Linked OpenID Connect subject (the provider's `sub`), when the person signed in through it once. */
  readonly oidcSubject?: string;
  readonly createdAt: string;
  readonly changedAt: string;
}

/** An account with its stored password hash (password-hash.ts), for the sign-in only. */
export interface AccountWithHash extends Account {
  /** undefined: the account signs in through OpenID Connect only. */
  readonly passwordHash?: string;
}

interface AccountRow {
  username: string;
  display_name: string;
  role: string;
  unit_id: string;
  password_hash: string | null;
  oidc_subject: string | null;
  disabled_at: string | null;
  created_at: string;
  changed_at: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  username      TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL,
  unit_id       TEXT NOT NULL,
  password_hash TEXT,
  oidc_subject  TEXT UNIQUE,
  disabled_at   TEXT,
  created_at    TEXT NOT NULL,
  changed_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  id_sha256    TEXT PRIMARY KEY,
  username     TEXT NOT NULL REFERENCES accounts(username),
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_username ON sessions(username);
`;

const accountOf = (row: AccountRow): AccountWithHash => ({
  username: row.username,
  displayName: row.display_name,
  role: row.role as Role,
  unitId: row.unit_id,
  disabled: row.disabled_at !== null,
  ...(row.oidc_subject !== null ? { oidcSubject: row.oidc_subject } : {}),
  createdAt: row.created_at,
  changedAt: row.changed_at,
  ...(row.password_hash !== null ? { passwordHash: row.password_hash } : {}),
});

/** An account as shown to anyone: without its hash. */
export const withoutHash = ({ passwordHash: _hash, ...account }: AccountWithHash): Account => account;

/** SHA-256 (hex) of a session id: the id itself is never stored. */
export const hashSessionId = (id: string): string => createHash('sha256').update(id, 'utf8').digest('hex');

/** Session lifetimes (ms). */
export interface SessionTimeouts {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

/**
 * The accounts and their sessions, in `DATA_DIR/accounts.sqlite` (opened by the server and by the
 * `zhaoshang-api accounts` command alike; WAL lets both work at once). A session is an opaque random
 * id (32 bytes) that the browser keeps in its cookie; the file keeps only its SHA-256, so a copy of
 * the file opens no session.
 */
export class AccountStore {
  private readonly db: Database.Database;

  constructor(
    file: string,
    private readonly now: () => number = Date.now,
  ) {
    this.db = openSqliteFile(file, SCHEMA);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  find(username: string): AccountWithHash | undefined {
    const row = this.db.prepare('SELECT * FROM accounts WHERE username = ?').get(username) as
      AccountRow | undefined;
    return row === undefined ? undefined : accountOf(row);
  }

  /** An account as anyone may see it (without its hash). */
  account(username: string): Account | undefined {
    const found = this.find(username);
    return found === undefined ? undefined : withoutHash(found);
  }

  findBySubject(subject: string): AccountWithHash | undefined {
    const row = this.db.prepare('SELECT * FROM accounts WHERE oidc_subject = ?').get(subject) as
      AccountRow | undefined;
    return row === undefined ? undefined : accountOf(row);
  }

  list(): Account[] {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY username').all() as AccountRow[]).map((r) =>
      withoutHash(accountOf(r)),
    );
  }

  /** Adds an account; false when the username is taken. */
  add(account: {
    readonly username: string;
    readonly displayName: string;
    readonly role: Role;
    readonly unitId: string;
    readonly passwordHash?: string;
  }): boolean {
    const at = new Date(this.now()).toISOString();
    const result = this.db
      .prepare(
        `INSERT INTO accounts (username, display_name, role, unit_id, password_hash, created_at, changed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(username) DO NOTHING`,
      )
      .run(
        account.username,
        account.displayName,
        account.role,
        account.unitId,
        account.passwordHash ?? null,
        at,
        at,
      );
    return result.changes === 1;
  }

  /** Disables (ending every session of the account) or enables it; false for an unknown username. */
  setDisabled(username: string, disabled: boolean): boolean {
    const at = new Date(this.now()).toISOString();
    return this.db.transaction(() => {
      const changed = this.db
        .prepare(
          `UPDATE accounts SET disabled_at = CASE WHEN ? THEN COALESCE(disabled_at, ?) ELSE NULL END,
             changed_at = ? WHERE username = ?`,
        )
        .run(disabled ? 1 : 0, at, at, username).changes;
      if (disabled) this.db.prepare('DELETE FROM sessions WHERE username = ?').run(username);
      return changed === 1;
    })();
  }

  /** Sets a new password hash (ending the account's other sessions); false for an unknown username. */
  setPasswordHash(username: string, passwordHash: string, keepSession?: string): boolean {
    const at = new Date(this.now()).toISOString();
    return this.db.transaction(() => {
      const changed = this.db
        .prepare('UPDATE accounts SET password_hash = ?, changed_at = ? WHERE username = ?')
        .run(passwordHash, at, username).changes;
      this.db
        .prepare('DELETE FROM sessions WHERE username = ? AND id_sha256 IS NOT ?')
        .run(username, keepSession === undefined ? null : hashSessionId(keepSession));
      return changed === 1;
    })();
  }

  /** Re-hashes a password with stronger parameters after a sign-in (changes nothing else). */
  upgradePasswordHash(username: string, passwordHash: string): void {
    this.db.prepare('UPDATE accounts SET password_hash = ? WHERE username = ?').run(passwordHash, username);
  }

  /** Links an account to its OpenID Connect subject. */
  linkSubject(username: string, subject: string): void {
    const at = new Date(this.now()).toISOString();
    this.db
      .prepare('UPDATE accounts SET oidc_subject = ?, changed_at = ? WHERE username = ?')
      .run(subject, at, username);
  }

  /** Opens a session for an account: returns its id (32 random bytes, base64url), kept only hashed. */
  openSession(username: string): string {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    this.db
      .prepare('INSERT INTO sessions (id_sha256, username, created_at, last_seen_at) VALUES (?, ?, ?, ?)')
      .run(hashSessionId(id), username, now, now);
    return id;
  }

  /**
   * The account of a live session, or undefined: unknown, idle too long, too old, or its account
   * disabled (an expired session is deleted). A use moves its idle deadline on (written at most
   * every tenth of the idle timeout, not on every request).
   */
  sessionAccount(id: string, timeouts: SessionTimeouts): Account | undefined {
    const key = hashSessionId(id);
    const row = this.db
      .prepare(
        `SELECT s.created_at AS s_created, s.last_seen_at AS s_seen, a.* FROM sessions s
         JOIN accounts a ON a.username = s.username WHERE s.id_sha256 = ?`,
      )
      .get(key) as (AccountRow & { s_created: number; s_seen: number }) | undefined;
    if (row === undefined) return undefined;
    const now = this.now();
    if (now - row.s_seen >= timeouts.idleMs || now - row.s_created >= timeouts.absoluteMs) {
      this.db.prepare('DELETE FROM sessions WHERE id_sha256 = ?').run(key);
      return undefined;
    }
    if (row.disabled_at !== null) return undefined;
    if (now - row.s_seen >= Math.min(60_000, timeouts.idleMs / 10))
      this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_sha256 = ?').run(now, key);
    return withoutHash(accountOf(row));
  }

  /** Ends a session (sign-out). */
  closeSession(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_sha256 = ?').run(hashSessionId(id));
  }

  /** Deletes the sessions past their absolute lifetime (the idle ones go when next presented). */
  sweepSessions(timeouts: SessionTimeouts): number {
    const now = this.now();
    return this.db
      .prepare('DELETE FROM sessions WHERE created_at <= ? OR last_seen_at <= ?')
      .run(now - timeouts.absoluteMs, now - timeouts.idleMs).changes;
  }

  /** Live sessions of an account (for tests and `accounts list`). */
  sessionCount(username: string): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE username = ?').get(username) as { n: number }
    ).n;
  }
}
