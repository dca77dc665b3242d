import { newWebhookSecret, secretKey, signWebhook, verifyWebhook } from './webhook-signature';

/**
 * The test vector of the Standard Webhooks specification's reference libraries
 * (standard-webhooks/standard-webhooks: the same secret, id, timestamp, body and signature in each
 * language's tests).
 */
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('Standard Webhooks signatures (issue #17 item 3)', () => {
  it('signs the specification’s test vector to its published signature', () => {
    expect(signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toEqual({
      'webhook-id': VECTOR.id,
      'webhook-timestamp': '1614265330',
      'webhook-signature': VECTOR.signature,
    });
  });

  it('verifies it within five minutes, and refuses another body, id, secret, a stale timestamp', () => {
    const headers = {
      'webhook-id': VECTOR.id,
      'webhook-timestamp': String(VECTOR.timestamp),
      'webhook-signature': VECTOR.signature,
    };
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body, VECTOR.timestamp + 299)).toBe(true);
    expect(verifyWebhook(VECTOR.secret, headers, '{"test": 2432232315}', VECTOR.timestamp)).toBe(false);
    expect(
      verifyWebhook(VECTOR.secret, { ...headers, 'webhook-id': 'msg_x' }, VECTOR.body, VECTOR.timestamp),
    ).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), headers, VECTOR.body, VECTOR.timestamp)).toBe(false);
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body, VECTOR.timestamp + 301)).toBe(false);
    // Several signatures (a rotated secret): any one that matches.
    const two = { ...headers, 'webhook-signature': `v1,AAAA ${VECTOR.signature}` };
    expect(verifyWebhook(VECTOR.secret, two, VECTOR.body, VECTOR.timestamp)).toBe(true);
  });

  it('makes secrets of 32 random bytes and refuses a secret that is too short or not base64', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_/);
    expect(secretKey(secret)).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
    expect(() => secretKey('whsec_c2hvcnQ=')).toThrow(RangeError);
    expect(() => secretKey('whsec_not base64!')).toThrow(RangeError);
  });
});
