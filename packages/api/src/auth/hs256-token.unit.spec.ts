import { signHs256, TokenError, verifyHs256 } from './hs256-token';
import { languageOf } from '../errors/api-messages';

const secret = 'unit-test-secret-0123456789-0123456789';

describe('HS256 tokens', () => {
  it('round-trips claims and checks issuer, expiry and signature', () => {
    const token = signHs256({ sub: 'u1', role: 'auditor', unit: 'region' }, secret, {
      issuer: 'zhaoshang',
      expiresIn: '1h',
      now: 1_700_000_000_000,
    });
    expect(verifyHs256(token, secret, { issuer: 'zhaoshang', now: 1_700_000_000_000 })).toMatchObject({
      sub: 'u1',
      role: 'auditor',
    });
    const code = (f: () => unknown) => {
      try {
        f();
        return 'accepted';
      } catch (e) {
        return (e as TokenError).code;
      }
    };
    expect(code(() => verifyHs256(token, secret, { issuer: 'zhaoshang', now: 1_700_003_600_000 }))).toBe(
      'EXPIRED',
    );
    expect(code(() => verifyHs256(token, secret, { issuer: 'other', now: 1_700_000_000_000 }))).toBe(
      'WRONG_ISSUER',
    );
    expect(
      code(() => verifyHs256(token, `${secret}x`, { issuer: 'zhaoshang', now: 1_700_000_000_000 })),
    ).toBe('BAD_SIGNATURE');
    const [, body, sig] = token.split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.${sig}`;
    expect(code(() => verifyHs256(none, secret, { issuer: 'zhaoshang' }))).toBe('WRONG_ALGORITHM');
  });
});

describe('Accept-Language', () => {
  it('picks the preferred of zh / en, Chinese by default', () => {
    expect(languageOf(undefined)).toBe('zh');
    expect(languageOf('en-US,en;q=0.9')).toBe('en');
    expect(languageOf('fr, en;q=0.4, zh-CN;q=0.8')).toBe('zh');
    expect(languageOf('de')).toBe('zh');
  });
});
