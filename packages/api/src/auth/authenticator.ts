import { hashApiKey } from './api-keys';
import type { ApiKeyEntry } from '../config';
import { UnauthenticatedError } from '../errors/api-errors';
import { signHs256, verifyHs256 } from './hs256-token';
import { isRole, type Principal, type Role } from './roles';
import { sessionIdOf } from './session-cookie';

/** Where a session id is looked up (accounts/sign-in.ts): the principal of a live session, or undefined. */
export interface SessionLookup {
  principalOfSession(sessionId: string): Principal | undefined;
}

/** Claims of a person's token: who (`sub`), the role they act in and their unit. */
export interface PersonClaims {
  readonly sub: string;
  readonly role: Role;
  readonly unit: string;
}

/** Issues a person's token (HS256), e.g. from `zhaoshang-api token` (src/cli/main.ts) or an SSO bridge. */
export const issueToken = async (
  claims: PersonClaims,
  options: { readonly secret: string; readonly issuer: string; readonly expiresIn?: string },
): Promise<string> =>
  Promise.resolve(
    signHs256({ sub: claims.sub, role: claims.role, unit: claims.unit }, options.secret, {
      issuer: options.issuer,
      expiresIn: options.expiresIn ?? '8h',
    }),
  );

/** Verified tokens kept at most (all forgotten at once beyond it: simple, and rare). */
const VERIFIED_TOKENS = 10_000;

/**
 * Systems authenticate with an API key (`X-API-Key: <key>`), people with a signed token
 * (`Authorization: Bearer <jwt>`) or their sign-in session (the `zs_session` cookie). Any gives a
 * Principal; anything else is a 401. A key or a token goes first: a request that presents one is
 * not a cookie's (and needs no CSRF header, which the guard asks of a cookie's changes).
 */
export class Authenticator {
  /**
   * Tokens already verified, with the principal they gave and their expiry (seconds): a client
   * sends the same token with every request, and verifying it (base64, HMAC, JSON) is a
   * noticeable share of a command's CPU. Only the exact same string hits; expiry is checked on
   * every request.
   */
  private readonly verified = new Map<string, { readonly principal: Principal; readonly exp: number }>();
  /**
   * Keys by their SHA-256: a presented key is hashed and looked up, so the server holds no key
   * and compares no secret byte by byte (the hash of a 256-bit random key reveals nothing usable).
   */
  private readonly keysByHash: ReadonlyMap<string, ApiKeyEntry>;

  constructor(
    apiKeys: ReadonlyArray<ApiKeyEntry>,
    private readonly secret: string,
    private readonly issuer: string,
    private readonly now: () => number = Date.now,
    private readonly sessions?: SessionLookup,
  ) {
    for (const k of apiKeys)
      if (!isRole(k.role)) throw new Error(`API key ${k.name}: unknown role ${k.role}`);
    this.keysByHash = new Map(apiKeys.map((k) => [k.sha256, k]));
  }

  async authenticate(headers: Readonly<Record<string, string | string[] | undefined>>): Promise<Principal> {
    const apiKey = headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey.length > 0) {
      const entry = this.keysByHash.get(hashApiKey(apiKey));
      if (entry === undefined) throw new UnauthenticatedError('unknown API key');
      return {
        userId: `system:${entry.name}`,
        role: entry.role as Role,
        unitId: entry.unitId,
        via: 'api-key',
      };
    }
    const authorization = headers.authorization;
    if (typeof authorization === 'string' && /^Bearer\s+/i.test(authorization)) {
      const token = authorization.replace(/^Bearer\s+/i, '');
      const now = this.now();
      const known = this.verified.get(token);
      if (known !== undefined && Math.floor(now / 1000) < known.exp) return known.principal;
      let payload: Readonly<Record<string, unknown>>;
      try {
        payload = verifyHs256(token, this.secret, { issuer: this.issuer, now });
      } catch (error) {
        this.verified.delete(token);
        throw new UnauthenticatedError(`invalid token (${(error as { code?: string }).code ?? 'rejected'})`);
      }
      const { sub, role, unit, exp } = payload;
      if (typeof sub !== 'string' || typeof role !== 'string' || !isRole(role) || typeof unit !== 'string') {
        throw new UnauthenticatedError('token lacks sub, a known role or unit');
      }
      const principal: Principal = { userId: sub, role, unitId: unit, via: 'token' };
      if (typeof exp === 'number') {
        if (this.verified.size >= VERIFIED_TOKENS) this.verified.clear();
        this.verified.set(token, { principal, exp });
      }
      return principal;
    }
    const sessionId = this.sessions !== undefined ? sessionIdOf(headers.cookie) : undefined;
    if (sessionId !== undefined) {
      const principal = this.sessions?.principalOfSession(sessionId);
      if (principal === undefined) throw new UnauthenticatedError('session ended or expired: sign in again');
      return principal;
    }
    throw new UnauthenticatedError(
      'missing credentials (X-API-Key, Authorization: Bearer or a sign-in session)',
    );
  }
}
