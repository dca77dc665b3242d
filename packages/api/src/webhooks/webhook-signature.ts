import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks signatures (standard-webhooks/standard-webhooks, spec/standard-webhooks.md,
 * "Signature scheme"): HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>` with the
 * subscription's secret, sent as `webhook-signature: v1,<base64>`. Any of that specification's
 * libraries verifies our deliveries.
 */

/** The prefix of a secret as the specification's libraries print and read it. */
const SECRET_PREFIX = 'whsec_';

/** A new secret: 32 random bytes, `whsec_<base64>`. */
export const newWebhookSecret = (): string => `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;

/** The key of a secret (`whsec_<base64>` or the bare base64); throws on one that is not base64 of 24 to 64 bytes. */
export const secretKey = (secret: string): Buffer => {
  const text = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || key.length < 24 || key.length > 64)
    throw new RangeError('a webhook secret is whsec_ and the base64 of 24 to 64 random bytes');
  return key;
};

/** The headers of a delivery: its id (the same on every retry), the signing time, the signature. */
export interface WebhookHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

const hmac = (key: Buffer, id: string, timestamp: string, body: string): string =>
  createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');

/** Signs a delivery at `timestampSeconds` (seconds since the epoch). */
export const signWebhook = (
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): WebhookHeaders => {
  const timestamp = String(Math.floor(timestampSeconds));
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${hmac(secretKey(secret), id, timestamp, body)}`,
  };
};

/** How far a delivery's timestamp may be from the receiver's clock (the specification's 5 minutes). */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/**
 * What a receiver checks (docs/integration.md has it as an example): one of the space-separated
 * `v1,` signatures matches (compared in constant time) and the timestamp is within the tolerance,
 * so a captured delivery cannot be replayed later.
 */
export const verifyWebhook = (
  secret: string,
  headers: WebhookHeaders,
  body: string,
  nowSeconds: number,
): boolean => {
  const timestamp = headers['webhook-timestamp'];
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS)
    return false;
  const expected = Buffer.from(hmac(secretKey(secret), headers['webhook-id'], timestamp, body), 'base64');
  return headers['webhook-signature'].split(' ').some((entry) => {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || signature === undefined) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
};
