import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '../config';
import { RateLimited } from '../errors/api-errors';
import { API_CONFIG } from '../tokens';
import { SlidingWindowThrottlerStorage } from './throttler-storage';

const MINUTE = 60_000;

/**
 * The limits that need to know who is calling, so they are counted by the guard rather than by
 * the throttler (which runs before authentication, per client address, on every route):
 *
 * - commands per principal and minute (`WRITE_RATE_LIMIT_PER_MINUTE`, default 300): one caller,
 *   whatever address it comes from, cannot flood the permanent record;
 * - failed authentications per client address and minute (`AUTH_FAILURE_LIMIT_PER_MINUTE`,
 *   default 30): beyond it the address is refused for a minute, before its credentials are even
 *   looked at (a key or token guessed, one request at a time). A request without credentials is
 *   not a failed attempt.
 *
 * Both answer 429 `RATE_LIMITED` with `Retry-After` (seconds). 0 turns a limit off.
 */
@Injectable()
export class AbuseLimits {
  private readonly counters: SlidingWindowThrottlerStorage;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    this.counters = new SlidingWindowThrottlerStorage();
  }

  /** Throws 429 while the address is blocked for failed authentications. */
  checkAddress(address: string): void {
    if (this.config.authFailureLimitPerMinute === 0) return;
    const wait = this.counters.blockedFor(address, 'auth-failures');
    if (wait > 0) throw new RateLimited('auth-failures-per-address', wait);
  }

  /** Counts a failed authentication; throws 429 once the address went beyond its limit. */
  async authFailed(address: string): Promise<void> {
    const limit = this.config.authFailureLimitPerMinute;
    if (limit === 0) return;
    const hit = await this.counters.increment(address, MINUTE, limit, MINUTE, 'auth-failures');
    if (hit.isBlocked) throw new RateLimited('auth-failures-per-address', Math.max(1, hit.timeToBlockExpire));
  }

  /** Counts a command of this principal; throws 429 beyond the limit (until the minute ends). */
  async write(principalKey: string): Promise<void> {
    const limit = this.config.writeRateLimitPerMinute;
    if (limit === 0) return;
    const hit = await this.counters.increment(principalKey, MINUTE, limit, 0, 'writes');
    if (hit.isBlocked) throw new RateLimited('writes-per-principal', Math.max(1, hit.timeToExpire));
  }
}
