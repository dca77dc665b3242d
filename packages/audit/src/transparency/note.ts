import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { generateSm2PrivateKey, sm2PublicKeyOf, sm2Sign, sm2Verify } from '@zhaoshang/eventstore';

/**
 * C2SP signed-note (c2sp.org/signed-note), written from the spec: a UTF-8 text ending in a
 * newline, a blank line, then signature lines `— <key name> <base64(key ID || signature)>`.
 * Keys: Ed25519 (signature type 0x01 for the log's note signatures, 0x04 for cosignatures), and SM2
 * for a log configured for 国密 (GB/T 32918.2 with SM3 and the default user ID, signature r || s;
 * its type is the byte 0xff followed by the ASCII `gbt32918`, a type without an assigned byte as
 * signed-note allows, the 65-byte uncompressed public key). Which algorithm verifies a signature
 * is said by the key itself (its type), never guessed from the signature.
 * Key ID = SHA-256(key name || 0x0A || type bytes || public key)[:4].
 * The SM2 equations are the server's (`@zhaoshang/eventstore`'s sm2.ts, checked against OpenSSL
 * both ways); Node's OpenSSL cannot sign SM2 with the standard's user ID.
 */

/** Signature types this package uses (0xff: SM2, written as 0xff then ASCII `gbt32918`). */
export const SIGNATURE_TYPE = { ed25519: 0x01, cosignatureV1: 0x04, sm2: 0xff } as const;
export type SignatureType = (typeof SIGNATURE_TYPE)[keyof typeof SIGNATURE_TYPE];

/** The type bytes of SM2 keys: 0xff, then ASCII `gbt32918`. */
const SM2_TYPE_BYTES = Buffer.concat([Uint8Array.of(0xff), Buffer.from('gbt32918', 'ascii')]);

/** The bytes a key's type is written as (one byte, or nine for SM2). */
const typeBytes = (type: SignatureType): Uint8Array =>
  type === SIGNATURE_TYPE.sm2 ? SM2_TYPE_BYTES : Uint8Array.of(type);

/** Public key and private key sizes per type. */
const publicKeySize = (type: SignatureType): number => (type === SIGNATURE_TYPE.sm2 ? 65 : 32);

const EM_DASH_SPACE = '\u2014 ';

/** One signature line of a note. */
export interface NoteSignature {
  readonly name: string;
  /** The 4-byte key ID, big-endian, as a number. */
  readonly keyId: number;
  /** The bytes after the key ID (an Ed25519 signature, or timestamp || signature for a cosignature). */
  readonly signature: Uint8Array;
}

export interface Note {
  /** The signed text, final newline included. */
  readonly text: string;
  readonly signatures: ReadonlyArray<NoteSignature>;
}

/** A public key for verification (a "vkey"): name, signature type, public key (Ed25519: 32 bytes; SM2: 65). */
export interface VerifierKey {
  readonly name: string;
  readonly type: SignatureType;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
}

/** A signing key: the vkey and the 32-byte private key (Ed25519 seed, or SM2 scalar). */
export interface SignerKey extends VerifierKey {
  readonly seed: Uint8Array;
}

export const isValidKeyName = (name: string): boolean => name.length > 0 && !/[\s+]/u.test(name);

/** SHA-256(name || 0x0A || type bytes || public key)[:4] as a big-endian uint32. */
export const keyIdOf = (name: string, type: SignatureType, publicKey: Uint8Array): number =>
  createHash('sha256')
    .update(name, 'utf8')
    .update(Uint8Array.of(0x0a))
    .update(typeBytes(type))
    .update(publicKey)
    .digest()
    .readUInt32BE(0);

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** `<name>+<hex key ID>+<base64(type || public key)>`. */
export const formatVerifierKey = (key: VerifierKey): string =>
  `${key.name}+${hex8(key.keyId)}+${Buffer.concat([typeBytes(key.type), key.publicKey]).toString('base64')}`;

/** `PRIVATE+KEY+<name>+<hex key ID>+<base64(type || seed)>` (the Go note package's signer key form). */
export const formatSignerKey = (key: SignerKey): string =>
  `PRIVATE+KEY+${key.name}+${hex8(key.keyId)}+${Buffer.concat([typeBytes(key.type), key.seed]).toString('base64')}`;

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const base64 = (text: string): Uint8Array | undefined =>
  STRICT_BASE64.test(text) ? new Uint8Array(Buffer.from(text, 'base64')) : undefined;

/** Splits `type bytes || key` into the type and the key of the expected size; a string when it is not one. */
const typedKey = (
  material: Uint8Array | undefined,
  size: (type: SignatureType) => number,
): { readonly type: SignatureType; readonly key: Uint8Array } | string => {
  if (material === undefined || material.length === 0) return 'the key is base64 of a type and a key';
  const type: SignatureType | undefined =
    material[0] === SIGNATURE_TYPE.ed25519 || material[0] === SIGNATURE_TYPE.cosignatureV1
      ? material[0]
      : Buffer.from(material.subarray(0, SM2_TYPE_BYTES.length)).equals(SM2_TYPE_BYTES)
        ? SIGNATURE_TYPE.sm2
        : undefined;
  if (type === undefined) return `unsupported signature type ${String(material[0])}`;
  const key = material.subarray(typeBytes(type).length);
  if (key.length !== size(type))
    return `the key is base64 of its type and ${size(type)} bytes (${key.length} given)`;
  return { type, key };
};

/** Parses a vkey; a string when it is not one (what is wrong). The key ID must match its name and key. */
export const parseVerifierKey = (text: string): VerifierKey | string => {
  const parts = /^([^+]+)\+([^+]*)\+(.*)$/s.exec(text.trim());
  if (parts === null) return 'a verifier key is <name>+<hex key id>+<base64 key>';
  const [, name = '', idHex = '', keyText = ''] = parts;
  if (!isValidKeyName(name)) return `bad key name ${JSON.stringify(name)}`;
  if (!/^[0-9a-f]{8}$/.test(idHex)) return 'the key id is 8 lowercase hex digits';
  const typed = typedKey(base64(keyText), publicKeySize);
  if (typeof typed === 'string') return typed;
  const { type, key: publicKey } = typed;
  const keyId = keyIdOf(name, type, publicKey);
  if (hex8(keyId) !== idHex) return 'the key id does not match the name and key';
  return { name, type, keyId, publicKey };
};

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const publicKeyObject = (publicKey: Uint8Array): KeyObject =>
  createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });

const privateKeyObject = (seed: Uint8Array): KeyObject =>
  createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });

const publicOfSeed = (seed: Uint8Array): Uint8Array =>
  new Uint8Array(
    createPublicKey(privateKeyObject(seed)).export({ format: 'der', type: 'spki' }).subarray(12),
  );

/** A signer key from its name, type and 32-byte private key (Ed25519 seed or SM2 scalar). */
export const signerKeyFromSeed = (name: string, type: SignatureType, seed: Uint8Array): SignerKey => {
  if (!isValidKeyName(name)) throw new TypeError(`bad key name ${JSON.stringify(name)}`);
  if (seed.length !== 32) throw new TypeError('a private key is 32 bytes');
  const publicKey = type === SIGNATURE_TYPE.sm2 ? new Uint8Array(sm2PublicKeyOf(seed)) : publicOfSeed(seed);
  return { name, type, keyId: keyIdOf(name, type, publicKey), publicKey, seed };
};

/** A fresh signer key (node:crypto's Ed25519 generator, or a random SM2 scalar). */
export const generateSignerKey = (name: string, type: SignatureType): SignerKey => {
  if (type === SIGNATURE_TYPE.sm2) return signerKeyFromSeed(name, type, generateSm2PrivateKey());
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(16));
  return signerKeyFromSeed(name, type, seed);
};

/** Parses `PRIVATE+KEY+<name>+<hex id>+<base64(type || seed)>`; a string when it is not one. */
export const parseSignerKey = (text: string): SignerKey | string => {
  const parts = /^PRIVATE\+KEY\+([^+]+)\+([^+]*)\+(.*)$/s.exec(text.trim());
  if (parts === null) return 'a signer key is PRIVATE+KEY+<name>+<hex key id>+<base64 key>';
  const [, name = '', idHex = '', keyText = ''] = parts;
  if (!isValidKeyName(name)) return `bad key name ${JSON.stringify(name)}`;
  const typed = typedKey(base64(keyText), () => 32);
  if (typeof typed === 'string') return typed;
  let key: SignerKey;
  try {
    key = signerKeyFromSeed(name, typed.type, typed.key);
  } catch (e) {
    return String(e);
  }
  if (hex8(key.keyId) !== idHex) return 'the key id does not match the name and key';
  return key;
};

/** The verifier key of a signer key. */
export const verifierKeyOf = (key: SignerKey): VerifierKey => ({
  name: key.name,
  type: key.type,
  keyId: key.keyId,
  publicKey: key.publicKey,
});

/** Ed25519 over `message` with the key's seed. */
export const ed25519Sign = (seed: Uint8Array, message: Uint8Array): Uint8Array =>
  new Uint8Array(sign(null, message, privateKeyObject(seed)));

export const ed25519Verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean => {
  if (signature.length !== 64) return false;
  try {
    return verify(null, message, publicKeyObject(publicKey), signature);
  } catch {
    return false;
  }
};

/** Whether the text holds an ASCII control character other than newline (below U+0020). */
const hasControlCharacter = (text: string): boolean => {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return true;
  }
  return false;
};

/** A text the format accepts: UTF-8 (a JS string is), no control character but newline, ends in one. */
export const isValidNoteText = (text: string): boolean => text.endsWith('\n') && !hasControlCharacter(text);

/** Parses a signed note; a string when it is not one (what is wrong). At most 100 signatures. */
export const parseNote = (note: string): Note | string => {
  if (hasControlCharacter(note)) return 'a note has no control character but newline';
  if (!note.endsWith('\n')) return 'a note ends with a newline';
  const split = note.lastIndexOf('\n\n');
  if (split === -1) return 'no blank line before the signatures';
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > 100) return 'too many signatures';
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    if (!line.startsWith(EM_DASH_SPACE)) return `not a signature line: ${JSON.stringify(line)}`;
    const rest = line.slice(EM_DASH_SPACE.length);
    const space = rest.indexOf(' ');
    const name = rest.slice(0, space);
    if (space <= 0 || !isValidKeyName(name)) return `bad key name in ${JSON.stringify(line)}`;
    const bytes = base64(rest.slice(space + 1));
    if (bytes === undefined || bytes.length < 5) return `bad signature in ${JSON.stringify(line)}`;
    signatures.push({
      name,
      keyId: Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0),
      signature: bytes.subarray(4),
    });
  }
  if (signatures.length === 0) return 'a note has at least one signature';
  return { text, signatures };
};

/** The note's text: the blank line, then one line per signature. */
export const formatNote = (note: Note): string => {
  const lines = note.signatures.map((s) => {
    const id = Buffer.alloc(4);
    id.writeUInt32BE(s.keyId, 0);
    return `${EM_DASH_SPACE}${s.name} ${Buffer.concat([id, s.signature]).toString('base64')}\n`;
  });
  return `${note.text}\n${lines.join('')}`;
};

/** Whether a key makes a log's note signatures (Ed25519 type 0x01 or SM2), not a cosignature. */
export const isLogKey = (key: VerifierKey): boolean =>
  key.type === SIGNATURE_TYPE.ed25519 || key.type === SIGNATURE_TYPE.sm2;

/** Signs a note text with a log key (Ed25519 type 0x01, or SM2): the signature line's parts. */
export const signNoteText = (key: SignerKey, text: string): NoteSignature => {
  if (!isLogKey(key)) throw new TypeError('note signatures use an Ed25519 (0x01) or an SM2 key');
  if (!isValidNoteText(text)) throw new TypeError('not a note text');
  const message = Buffer.from(text, 'utf8');
  const signature =
    key.type === SIGNATURE_TYPE.sm2
      ? new Uint8Array(sm2Sign(key.seed, message))
      : ed25519Sign(key.seed, message);
  return { name: key.name, keyId: key.keyId, signature };
};

/** The signatures of `note` made by `key` (same name and key ID); others are ignored, as the spec says. */
export const signaturesBy = (note: Note, key: VerifierKey): ReadonlyArray<NoteSignature> =>
  note.signatures.filter((s) => s.name === key.name && s.keyId === key.keyId);

/**
 * Whether `note` carries a valid log signature by `key` (Ed25519 0x01, or SM2, as the key's type
 * says): false when none of its signatures is by the key or one by the key fails (the spec:
 * reject the whole note).
 */
export const verifyNoteSignature = (note: Note, key: VerifierKey): boolean => {
  if (!isLogKey(key)) return false;
  const mine = signaturesBy(note, key);
  const message = Buffer.from(note.text, 'utf8');
  const valid = (signature: Uint8Array): boolean =>
    key.type === SIGNATURE_TYPE.sm2
      ? sm2Verify(key.publicKey, message, signature)
      : ed25519Verify(key.publicKey, message, signature);
  return mine.length > 0 && mine.every((s) => valid(s.signature));
};
