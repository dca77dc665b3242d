import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import * as path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Principal } from '../auth/roles';
import { ConfigError, type ApiConfig } from '../config';
import { CodedApiError, RateLimited } from '../errors/api-errors';
import { SlidingWindowThrottlerStorage } from '../http/throttler-storage';
import { API_CONFIG } from '../tokens';
import { AccountStore, type Account } from './account-store';
import { DEV_ACCOUNT_PASSWORD, hashPassword, needsRehash, verifyPassword } from './password-hash';

/** The development accounts (COMMON contract): created on a development start when missing. */
export const DEV_ACCOUNTS = [
  {
    username: 'demo-officer',
    displayName: '经开区招商专员（演示）',
    role: 'investment-officer',
    unitId: 'jingkaiqu',
  },
  {
    username: 'demo-leader',
    displayName: '区招商引资工作领导小组办公室（演示）',
    role: 'leading-group-office',
    unitId: 'region',
  },
] as const;

const WINDOW = 15 * 60_000;

/** The accounts' file in a data directory. */
export const accountsFileOf = (dataDir: string): string => path.join(dataDir, 'accounts.sqlite');

/** A principal from an account: the session's, exactly as a token's with the same claims. */
export const principalOf = (account: Account): Principal => ({
  userId: account.username,
  role: account.role,
  unitId: account.unitId,
  via: 'session',
});

/** What `POST /session` and `GET /session` answer. */
export const sessionBody = (account: Account) => ({
  userId: account.username,
  displayName: account.displayName,
  role: account.role,
  unitId: account.unitId,
});

/**
 * Sign-in with a password, and the sessions it opens. The work is the same for an unknown username
 * as for a known one (a password is always checked against a hash: the account's, or a dummy one
 * with the current parameters), so timing tells nothing about which usernames exist. Failed sign-ins
 * are counted per username and per client address: beyond `SIGN_IN_FAILURES_PER_USER` (5) or
 * `…_PER_ADDRESS` (20) in 15 minutes, the username or address is refused with 429 for 15 minutes,
 * before any password is checked.
 */
@Injectable()
export class SignIn implements OnModuleInit, OnApplicationShutdown {
  readonly store: AccountStore;
  private readonly failures = new SlidingWindowThrottlerStorage();
  private dummyHash: Promise<string> | undefined;
  private readonly logger = new Logger('SignIn');

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    mkdirSync(config.dataDir, { recursive: true });
    this.store = new AccountStore(accountsFileOf(config.dataDir));
  }

  /** Development: the two development accounts exist. Production: none holds the development password. */
  async onModuleInit(): Promise<void> {
    if (this.config.mode === 'production') {
      const published: string[] = [];
      for (const { username } of DEV_ACCOUNTS) {
        const hash = this.store.find(username)?.passwordHash;
        if (hash !== undefined && (await verifyPassword(DEV_ACCOUNT_PASSWORD, hash)))
          published.push(username);
      }
      if (published.length > 0)
        throw new ConfigError([
          `account ${published.join(', ')} has the published development password: set another (zhaoshang-api accounts passwd) or disable it`,
        ]);
      return;
    }
    if (!this.config.accounts.devAccounts) return;
    for (const account of DEV_ACCOUNTS)
      if (this.store.find(account.username) === undefined) {
        this.store.add({ ...account, passwordHash: await hashPassword(DEV_ACCOUNT_PASSWORD) });
        this.logger.warn(
          `development account ${account.username} created (password ${DEV_ACCOUNT_PASSWORD})`,
        );
      }
  }

  onApplicationShutdown(): void {
    this.store.close();
  }

  private get timeouts() {
    return { idleMs: this.config.accounts.sessionIdleMs, absoluteMs: this.config.accounts.sessionAbsoluteMs };
  }

  /** The principal of a live session id, or undefined. */
  principalOfSession(sessionId: string): Principal | undefined {
    const account = this.store.sessionAccount(sessionId, this.timeouts);
    return account === undefined ? undefined : principalOf(account);
  }

  /** The account of a live session id, or undefined. */
  accountOfSession(sessionId: string): Account | undefined {
    return this.store.sessionAccount(sessionId, this.timeouts);
  }

  /**
   * Checks a username and password; opens a session. 401 `SIGN_IN_FAILED` (one answer for an
   * unknown username, a wrong password and a disabled account), 429 beyond the failure limits.
   */
  async signIn(
    username: string,
    password: string,
    address: string,
  ): Promise<{ readonly sessionId: string; readonly account: Account }> {
    const { signInFailuresPerUser: perUser, signInFailuresPerAddress: perAddress } = this.config.accounts;
    const user = `user\u0000${username.toLowerCase()}`;
    const addr = `address\u0000${address}`;
    for (const [key, limit, kind] of [
      [user, perUser, 'sign-in-failures-per-user'],
      [addr, perAddress, 'sign-in-failures-per-address'],
    ] as const) {
      const wait = limit === 0 ? 0 : this.failures.blockedFor(key, 'sign-in');
      if (wait > 0) throw new RateLimited(kind, wait);
    }
    const account = this.store.find(username);
    const hash = account?.passwordHash ?? (await this.dummy());
    const matches = await verifyPassword(password, hash);
    const refusedInProduction = this.config.mode === 'production' && password === DEV_ACCOUNT_PASSWORD;
    if (
      account === undefined ||
      account.passwordHash === undefined ||
      !matches ||
      refusedInProduction ||
      account.disabled
    ) {
      for (const [key, limit, kind] of [
        [user, perUser, 'sign-in-failures-per-user'],
        [addr, perAddress, 'sign-in-failures-per-address'],
      ] as const) {
        if (limit === 0) continue;
        const hit = await this.failures.increment(key, WINDOW, limit, WINDOW, 'sign-in');
        if (hit.isBlocked) throw new RateLimited(kind, Math.max(1, hit.timeToBlockExpire));
      }
      throw new CodedApiError(401, 'SIGN_IN_FAILED');
    }
    if (needsRehash(account.passwordHash))
      this.store.upgradePasswordHash(account.username, await hashPassword(password));
    this.store.sweepSessions(this.timeouts);
    return { sessionId: this.store.openSession(account.username), account };
  }

  /** A hash with the current parameters that no password is checked for in earnest. */
  private dummy(): Promise<string> {
    return (this.dummyHash ??= hashPassword(`unknown-user-${Math.random()}`));
  }
}
