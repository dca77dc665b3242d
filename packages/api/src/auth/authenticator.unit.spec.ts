import { Authenticator } from './authenticator';
import { signHs256 } from './hs256-token';

const SECRET = 'unit-secret-0123456789-0123456789-0123456789';
const HOUR = 3_600_000;

describe('Authenticator: people’s tokens', () => {
  let now = Date.UTC(2025, 0, 6, 9);
  const authenticator = new Authenticator([], SECRET, 'zhaoshang', () => now);
  const token = (claims: Record<string, unknown>, expiresIn = '1h') =>
    signHs256(claims, SECRET, { issuer: 'zhaoshang', expiresIn, now });
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

  it('answers the same principal for a token seen before, and refuses it once it has expired', async () => {
    const t = token({ sub: 'officer-1', role: 'investment-officer', unit: 'jingkaiqu' });
    const first = await authenticator.authenticate(bearer(t));
    expect(first).toEqual({
      userId: 'officer-1',
      role: 'investment-officer',
      unitId: 'jingkaiqu',
      via: 'token',
    });
    expect(await authenticator.authenticate(bearer(t))).toEqual(first);
    now += HOUR; // exp is exclusive
    await expect(authenticator.authenticate(bearer(t))).rejects.toThrow(/EXPIRED/);
    now -= HOUR;
  });

  it('a token differing in one character is verified on its own, whatever was seen before', async () => {
    const t = token({ sub: 'officer-2', role: 'investment-officer', unit: 'jingkaiqu' });
    await authenticator.authenticate(bearer(t));
    const last = t.slice(-1);
    const tampered = t.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    await expect(authenticator.authenticate(bearer(tampered))).rejects.toThrow(/invalid token/);
    const otherUnit = t.replace(
      t.split('.')[1]!,
      Buffer.from(
        JSON.stringify({
          sub: 'officer-2',
          role: 'investment-officer',
          unit: 'gaoxinqu',
          iss: 'zhaoshang',
          exp: Math.floor(now / 1000) + 3600,
        }),
      ).toString('base64url'),
    );
    await expect(authenticator.authenticate(bearer(otherUnit))).rejects.toThrow(/BAD_SIGNATURE/);
  });
});
