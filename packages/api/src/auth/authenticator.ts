import { timingSafeEqual } from 'node:crypto';
import type { ApiKeyEntry } from '../config';
import { UnauthenticatedError } from '../errors/api-errors';
import { signHs256, verifyHs256 } from './hs256-token';
import { isRole, type Principal, type Role } from './roles';

/** Claims of a person's token: who (`sub`), the role they act in and their unit. */
export interface PersonClaims {
  readonly sub: string;
  readonly role: Role;
  readonly unit: string;
}

/** Issues a person's token (HS256), e.g. from the `issue-token` script or an SSO bridge. */
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

const sameKey = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Systems authenticate with an API key (`X-API-Key: <key>`), people with a signed token
 * (`Authorization: Bearer <jwt>`). Either gives a Principal; anything else is a 401.
 */
export class Authenticator {
  constructor(
    private readonly apiKeys: ReadonlyArray<ApiKeyEntry>,
    private readonly secret: string,
    private readonly issuer: string,
  ) {
    for (const k of apiKeys)
      if (!isRole(k.role)) throw new Error(`API key ${k.name}: unknown role ${k.role}`);
  }

  async authenticate(headers: Readonly<Record<string, string | string[] | undefined>>): Promise<Principal> {
    const apiKey = headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey.length > 0) {
      const entry = this.apiKeys.find((k) => sameKey(k.key, apiKey));
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
      let payload: Readonly<Record<string, unknown>>;
      try {
        payload = verifyHs256(token, this.secret, { issuer: this.issuer });
      } catch (error) {
        throw new UnauthenticatedError(`invalid token (${(error as { code?: string }).code ?? 'rejected'})`);
      }
      const { sub, role, unit } = payload;
      if (typeof sub !== 'string' || typeof role !== 'string' || !isRole(role) || typeof unit !== 'string') {
        throw new UnauthenticatedError('token lacks sub, a known role or unit');
      }
      return { userId: sub, role, unitId: unit, via: 'token' };
    }
    throw new UnauthenticatedError('missing credentials (X-API-Key or Authorization: Bearer)');
  }
}
