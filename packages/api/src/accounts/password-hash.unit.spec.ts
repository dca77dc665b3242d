import {
  CURRENT_PARAMETERS,
  hashPassword,
  needsRehash,
  parsePasswordHash,
  passwordProblem,
  verifyPassword,
} from './password-hash';

describe('password hashes (scrypt, issue #18 item 1)', () => {
  it('store scrypt with N = 2^15, r = 8, p = 1, a 16-byte salt and a 32-byte hash', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    const parsed = parsePasswordHash(stored)!;
    expect(parsed.params).toEqual({ logN: 15, r: 8, p: 1 });
    expect(CURRENT_PARAMETERS).toEqual({ logN: 15, r: 8, p: 1 });
    expect([parsed.salt.length, parsed.hash.length]).toEqual([16, 32]);
  });

  it('the same password hashed twice gives two salts and two hashes, and each verifies', async () => {
    const [a, b] = await Promise.all([
      hashPassword('招商引资-2025-密码'),
      hashPassword('招商引资-2025-密码'),
    ]);
    expect(parsePasswordHash(a)!.salt.equals(parsePasswordHash(b)!.salt)).toBe(false);
    expect(a).not.toBe(b);
    expect(await verifyPassword('招商引资-2025-密码', a)).toBe(true);
    expect(await verifyPassword('招商引资-2025-密码', b)).toBe(true);
  });

  it('a wrong password, one character off, or a malformed stored hash does not verify', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    // One bit of the stored hash flipped (its first byte: the last base64url character holds padding bits).
    const [head, hash] = [
      stored.slice(0, stored.lastIndexOf('$') + 1),
      stored.slice(stored.lastIndexOf('$') + 1),
    ];
    const bytes = Buffer.from(hash, 'base64url');
    bytes[0] = bytes[0]! ^ 1;
    expect(await verifyPassword('correct horse battery', head + bytes.toString('base64url'))).toBe(false);
    expect(await verifyPassword('correct horse battery', 'plain-text')).toBe(false);
  });

  it('a hash verifies with its own parameters, and one weaker than the current parameters asks to be re-hashed', async () => {
    const weak = await hashPassword('correct horse battery', { logN: 12, r: 8, p: 1 });
    expect(weak.startsWith('scrypt$12$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse battery', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('correct horse battery'))).toBe(false);
  });

  it('the rule for a new password: 10 characters, not the development password, not the username, not few distinct characters', () => {
    expect(passwordProblem('short-1', 'li-xiaoyan')).toBe('PASSWORD_TOO_SHORT');
    expect(passwordProblem('zhaoshang-dev', 'li-xiaoyan')).toBe('PASSWORD_TOO_WEAK');
    expect(passwordProblem('li-xiaoyan-2025', 'li-xiaoyan')).toBe('PASSWORD_TOO_WEAK');
    expect(passwordProblem('1212121212', 'li-xiaoyan')).toBe('PASSWORD_TOO_WEAK');
    expect(passwordProblem('x'.repeat(1025), 'li-xiaoyan')).toBe('PASSWORD_TOO_LONG');
    expect(passwordProblem('经开区招商二〇二五年', 'li-xiaoyan')).toBeUndefined();
    expect(passwordProblem('river-stone-42', 'li-xiaoyan')).toBeUndefined();
  });
});
