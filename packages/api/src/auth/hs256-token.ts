import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Compact HS256 JSON Web Tokens with node:crypto. (jose 6 is ESM-only and the repository's jest
 * runs CommonJS without transforming node_modules, so the API signs and verifies with the standard
 * library: RFC 7519 / RFC 7515, alg pinned to HS256, exp / nbf / iss checked.)
 */
export type TokenPayload = Readonly<Record<string, unknown>>;

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** Why a token was refused. */
export class TokenError extends Error {
  constructor(
    readonly code:
      'MALFORMED' | 'BAD_SIGNATURE' | 'WRONG_ALGORITHM' | 'EXPIRED' | 'NOT_YET_VALID' | 'WRONG_ISSUER',
  ) {
    super(code);
  }
}

const durationSeconds = (text: string): number => {
  const m = /^(\d+)\s*([smhd])$/.exec(text.trim());
  if (m === null) throw new RangeError(`expiry must look like 30m, 8h or 7d, got ${text}`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
};

/** Signs a payload; adds iat, exp (from `expiresIn`, e.g. '8h') and iss. */
export const signHs256 = (
  payload: TokenPayload,
  secret: string,
  options: { issuer: string; expiresIn: string; now?: number },
): string => {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const body = b64url(
    JSON.stringify({
      ...payload,
      iss: options.issuer,
      iat: now,
      exp: now + durationSeconds(options.expiresIn),
    }),
  );
  const signature = createHmac('sha256', secret).update(`${HEADER}.${body}`).digest('base64url');
  return `${HEADER}.${body}.${signature}`;
};

/** Verifies signature, algorithm, issuer and validity period; returns the payload. */
export const verifyHs256 = (
  token: string,
  secret: string,
  options: { issuer: string; now?: number },
): TokenPayload => {
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenError('MALFORMED');
  const [header, body, signature] = parts as [string, string, string];
  let parsedHeader: unknown;
  let payload: unknown;
  try {
    parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new TokenError('MALFORMED');
  }
  if (
    typeof parsedHeader !== 'object' ||
    parsedHeader === null ||
    (parsedHeader as { alg?: unknown }).alg !== 'HS256'
  )
    throw new TokenError('WRONG_ALGORITHM');
  const expected = createHmac('sha256', secret).update(`${header}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new TokenError('BAD_SIGNATURE');
  if (typeof payload !== 'object' || payload === null) throw new TokenError('MALFORMED');
  const p = payload as Record<string, unknown>;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (typeof p.exp !== 'number' || now >= p.exp) throw new TokenError('EXPIRED');
  if (typeof p.nbf === 'number' && now < p.nbf) throw new TokenError('NOT_YET_VALID');
  if (p.iss !== options.issuer) throw new TokenError('WRONG_ISSUER');
  return p;
};
