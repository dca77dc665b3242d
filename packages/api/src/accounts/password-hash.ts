import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords as the server keeps them: scrypt (RFC 7914), a memory-hard function, with a random
 * 16-byte salt per account and its parameters stored beside the hash, so they can be raised later
 * without invalidating the hashes already stored (a hash verifies with its own parameters; a sign-in
 * with older parameters is re-hashed with the current ones).
 *
 * The stored text: `scrypt$<log2 N>$<r>$<p>$<salt, base64url>$<hash, base64url>`.
 * Default N = 2^15, r = 8, p = 1: 32 MiB and ~50–100 ms per hash (OWASP Password Storage Cheat
 * Sheet's minimum for scrypt).
 */
export interface ScryptParameters {
  /** log2 of the CPU/memory cost N. */
  readonly logN: number;
  /** Block size. */
  readonly r: number;
  /** Parallelisation. */
  readonly p: number;
}

/** The parameters new hashes are made with. */
export const CURRENT_PARAMETERS: ScryptParameters = { logN: 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const HASH_BYTES = 32;
/** The longest password hashed (bytes of UTF-8): a longer one is refused before any work. */
export const MAX_PASSWORD_BYTES = 1024;

const scryptAsync = (password: string, salt: Buffer, params: ScryptParameters): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const N = 2 ** params.logN;
    const options: ScryptOptions = {
      N,
      r: params.r,
      p: params.p,
      // scrypt needs 128·N·r bytes; node's default maxmem (32 MiB) is exactly N = 2^15, r = 8: give room.
      maxmem: 256 * N * params.r,
    };
    scrypt(password.normalize('NFC'), salt, HASH_BYTES, options, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });

/** Hashes a password with a fresh salt and the given (default: current) parameters. */
export const hashPassword = async (
  password: string,
  params: ScryptParameters = CURRENT_PARAMETERS,
): Promise<string> => {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(password, salt, params);
  return `scrypt$${params.logN}$${params.r}$${params.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
};

/** A stored hash, parsed; undefined when it is not one this module wrote. */
export const parsePasswordHash = (
  stored: string,
): { readonly params: ScryptParameters; readonly salt: Buffer; readonly hash: Buffer } | undefined => {
  const m = /^scrypt\$(\d{1,2})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored);
  if (m === null) return undefined;
  const params = { logN: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (params.logN < 10 || params.logN > 22 || params.r < 1 || params.p < 1) return undefined;
  return { params, salt: Buffer.from(m[4]!, 'base64url'), hash: Buffer.from(m[5]!, 'base64url') };
};

/**
 * Whether a password matches a stored hash: the same scrypt work with the hash's own parameters,
 * compared in constant time. A malformed stored hash never matches.
 */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const parsed = parsePasswordHash(stored);
  if (parsed === undefined || Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) return false;
  const computed = await scryptAsync(password, parsed.salt, parsed.params);
  return computed.length === parsed.hash.length && timingSafeEqual(computed, parsed.hash);
};

/** Whether a hash was made with weaker parameters than the current ones (re-hash on the next sign-in). */
export const needsRehash = (stored: string): boolean => {
  const parsed = parsePasswordHash(stored);
  return (
    parsed === undefined ||
    parsed.params.logN < CURRENT_PARAMETERS.logN ||
    parsed.params.r < CURRENT_PARAMETERS.r ||
    parsed.params.p < CURRENT_PARAMETERS.p
  );
};

/** The password of the development accounts (COMMON contract): refused as a password in production. */
export const DEV_ACCOUNT_PASSWORD = 'zhaoshang-dev';

/** Why a new password is refused: a code of the account messages (accounts/account-messages.ts). */
export type PasswordProblem = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_TOO_WEAK';

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * The rule for a new password (NIST SP 800-63B §5.1.1.2: length over composition rules): at least
 * {@link MIN_PASSWORD_LENGTH} characters and at most {@link MAX_PASSWORD_BYTES} bytes; not the
 * published development password, not the username, and not a run of few distinct characters
 * (`aaaaaaaaaa`, `1212121212`).
 */
export const passwordProblem = (password: string, username: string): PasswordProblem | undefined => {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'PASSWORD_TOO_SHORT';
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) return 'PASSWORD_TOO_LONG';
  const lower = password.toLowerCase();
  if (
    password === DEV_ACCOUNT_PASSWORD ||
    (username.length >= 3 && lower.includes(username.toLowerCase())) ||
    new Set(password).size < 5
  )
    return 'PASSWORD_TOO_WEAK';
  return undefined;
};

/** A generated password: 16 random bytes in base64url (22 characters, 128 bits). */
export const generatePassword = (): string => randomBytes(16).toString('base64url');
