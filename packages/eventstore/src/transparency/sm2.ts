/* eslint-disable no-restricted-syntax -- modular arithmetic of the SM2 curve on bigint field
   elements and scalars; the opaque-positions selectors match any bigint literal in + or -, and there
   is no event-store position in this file. */
import { hash, randomBytes } from 'node:crypto';

/**
 * SM2 digital signatures (GB/T 32918.2-2016) over the recommended curve (GB/T 32918.5), with SM3
 * (GB/T 32905) from Node's OpenSSL.
 *
 * Why not Node's OpenSSL for SM2 itself: in Node 20 (OpenSSL 3.0), a key generated as
 * `generateKeyPairSync('ec', { namedCurve: 'SM2' })` signs with ECDSA on the SM2 curve, not SM2;
 * an SM2 key read from PEM signs real SM2 but with OpenSSL's default user ID (empty), and Node
 * offers no way to set the ID to the standard's default `1234567812345678` (GM/T 0009), so its
 * signatures do not verify with other SM2 implementations. The maintained npm libraries
 * (sm-crypto, sm-crypto-v2) are not dependencies of this repository. So the signature equations
 * are written here, on bigint arithmetic, and checked against OpenSSL in both directions (see
 * sm2.unit.spec.ts). Signing is not constant-time: the key signs on the server, where timing is
 * not observable by a caller at the granularity of one checkpoint a request.
 */

const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
const GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;

/** Signature type prefix of SM2 keys in signed notes: 0xff then ASCII `gbt32918`. */
export const SM2_TYPE = Buffer.concat([Buffer.from([0xff]), Buffer.from('gbt32918', 'ascii')]);

/** The default user ID of GB/T 32918 / GM/T 0009. */
export const SM2_DEFAULT_ID = '1234567812345678';

const mod = (x: bigint, m: bigint): bigint => {
  const r = x % m;
  return r < 0n ? r + m : r;
};

const inverse = (x: bigint, m: bigint): bigint => {
  let [a, b, u, v] = [mod(x, m), m, 1n, 0n];
  while (b !== 0n) {
    const q = a / b;
    [a, b] = [b, a - q * b];
    [u, v] = [v, u - q * v];
  }
  if (a !== 1n) throw new RangeError('not invertible');
  return mod(u, m);
};

/** Jacobian point (X, Y, Z); Z = 0 is the point at infinity. */
type Jacobian = readonly [bigint, bigint, bigint];
const INFINITY: Jacobian = [1n, 1n, 0n];

const double = ([x, y, z]: Jacobian): Jacobian => {
  if (z === 0n || y === 0n) return INFINITY;
  const yy = mod(y * y, P);
  const s = mod(4n * x * yy, P);
  const zz = mod(z * z, P);
  const m = mod(3n * x * x + A * zz * zz, P);
  const x3 = mod(m * m - 2n * s, P);
  const y3 = mod(m * (s - x3) - 8n * yy * yy, P);
  const z3 = mod(2n * y * z, P);
  return [x3, y3, z3];
};

const add = (p: Jacobian, q: Jacobian): Jacobian => {
  if (p[2] === 0n) return q;
  if (q[2] === 0n) return p;
  const z1z1 = mod(p[2] * p[2], P);
  const z2z2 = mod(q[2] * q[2], P);
  const u1 = mod(p[0] * z2z2, P);
  const u2 = mod(q[0] * z1z1, P);
  const s1 = mod(p[1] * q[2] * z2z2, P);
  const s2 = mod(q[1] * p[2] * z1z1, P);
  if (u1 === u2) return s1 === s2 ? double(p) : INFINITY;
  const h = mod(u2 - u1, P);
  const r = mod(s2 - s1, P);
  const hh = mod(h * h, P);
  const hhh = mod(h * hh, P);
  const v = mod(u1 * hh, P);
  const x3 = mod(r * r - hhh - 2n * v, P);
  const y3 = mod(r * (v - x3) - s1 * hhh, P);
  const z3 = mod(p[2] * q[2] * h, P);
  return [x3, y3, z3];
};

const multiply = (k: bigint, point: Jacobian): Jacobian => {
  let result = INFINITY;
  for (let i = BigInt(k.toString(2).length - 1); i >= 0n; i -= 1n) {
    result = double(result);
    if ((k >> i) & 1n) result = add(result, point);
  }
  return result;
};

const affine = ([x, y, z]: Jacobian): readonly [bigint, bigint] => {
  const zi = inverse(z, P);
  const zi2 = mod(zi * zi, P);
  return [mod(x * zi2, P), mod(y * zi2 * zi, P)];
};

const G: Jacobian = [GX, GY, 1n];

const toBytes = (x: bigint): Buffer => Buffer.from(x.toString(16).padStart(64, '0'), 'hex');
const toBigint = (b: Uint8Array): bigint => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);

const onCurve = (x: bigint, y: bigint): boolean =>
  x < P && y < P && mod(y * y - (x * x * x + A * x + B), P) === 0n;

/** The 65-byte uncompressed public key (0x04 || x || y) of a 32-byte private key. */
export const sm2PublicKeyOf = (privateKey: Uint8Array): Buffer => {
  const d = toBigint(privateKey);
  if (privateKey.length !== 32 || d < 1n || d >= N - 1n)
    throw new RangeError('an SM2 private key is in [1, n-2]');
  const [x, y] = affine(multiply(d, G));
  return Buffer.concat([Buffer.from([0x04]), toBytes(x), toBytes(y)]);
};

const pointOf = (publicKey: Uint8Array): Jacobian | undefined => {
  if (publicKey.length !== 65 || publicKey[0] !== 0x04) return undefined;
  const x = toBigint(publicKey.subarray(1, 33));
  const y = toBigint(publicKey.subarray(33));
  return onCurve(x, y) ? [x, y, 1n] : undefined;
};

/** e = SM3(Z_A || M), Z_A = SM3(ENTL_A || ID_A || a || b || x_G || y_G || x_A || y_A). */
const digestOf = (publicKey: Uint8Array, message: Uint8Array, id: string): bigint => {
  const idBytes = Buffer.from(id, 'utf8');
  const entl = Buffer.alloc(2);
  entl.writeUInt16BE(idBytes.length * 8);
  const za = hash(
    'sm3',
    Buffer.concat([entl, idBytes, toBytes(A), toBytes(B), toBytes(GX), toBytes(GY), publicKey.subarray(1)]),
    'buffer',
  );
  return toBigint(hash('sm3', Buffer.concat([za, message]), 'buffer'));
};

/** An SM2 signature r || s (64 bytes) over `message` with the user ID (default `1234567812345678`). */
export const sm2Sign = (privateKey: Uint8Array, message: Uint8Array, id: string = SM2_DEFAULT_ID): Buffer => {
  const publicKey = sm2PublicKeyOf(privateKey);
  const d = toBigint(privateKey);
  const e = digestOf(publicKey, message, id);
  const dInverse = inverse(1n + d, N);
  for (;;) {
    const k = mod(toBigint(randomBytes(40)), N - 1n) + 1n;
    const [x1] = affine(multiply(k, G));
    const r = mod(e + x1, N);
    if (r === 0n || r + k === N) continue;
    const s = mod(dInverse * (k - r * d), N);
    if (s === 0n) continue;
    return Buffer.concat([toBytes(r), toBytes(s)]);
  }
};

/** Verifies an SM2 signature r || s (64 bytes) by a 65-byte uncompressed public key. */
export const sm2Verify = (
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
  id: string = SM2_DEFAULT_ID,
): boolean => {
  const point = pointOf(publicKey);
  if (point === undefined || signature.length !== 64) return false;
  const r = toBigint(signature.subarray(0, 32));
  const s = toBigint(signature.subarray(32));
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const t = mod(r + s, N);
  if (t === 0n) return false;
  const sum = add(multiply(s, G), multiply(t, point));
  if (sum[2] === 0n) return false;
  const [x1] = affine(sum);
  return mod(digestOf(publicKey, message, id) + x1, N) === r;
};

/** A new SM2 private key: 32 random bytes read as a number in [1, n-2]. */
export const generateSm2PrivateKey = (): Buffer => toBytes(mod(toBigint(randomBytes(40)), N - 2n) + 1n);
