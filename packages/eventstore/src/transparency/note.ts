import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { isTreeHashAlgorithm, TREE_HASH_SIZE, type TreeHashAlgorithm } from './hashing';
import { generateSm2PrivateKey, sm2PublicKeyOf, sm2Sign, sm2Verify, SM2_TYPE } from './sm2';

/**
 * Signed notes (C2SP signed-note) and transparency-log checkpoints (C2SP tlog-checkpoint).
 *
 * A checkpoint's note text is three lines — the log's origin, the tree size in decimal, the root
 * hash in base64 — each ending in a newline; then a blank line; then signature lines
 * `— <key name> base64(key ID || signature)`. The log signs with:
 * - signature type 0x01, Ed25519 over the note text (the default), key ID = SHA-256(name || 0x0A ||
 *   0x01 || 32-byte public key)[:4]; or
 * - signature type 0xff followed by the 8 ASCII bytes `gbt32918` (a type without an assigned
 *   byte, as signed-note allows): SM2 (GB/T 32918.2, with SM3 and the default user ID
 *   `1234567812345678`) over the note text, signature r || s (64 bytes), key ID = SHA-256(name ||
 *   0x0A || 0xff || "gbt32918" || 65-byte uncompressed public key)[:4];
 * and adds a timestamped signature of type 0x04 (C2SP tlog-cosignature, `cosignature/v1`) with
 * the same Ed25519 key, which is how the time of signing is itself signed (no extension line).
 *
 * Keys are written as Go's `golang.org/x/mod/sumdb/note` writes them: a signer key
 * `PRIVATE+KEY+<name>+<key ID, 8 hex>+base64(type || private key)`, a verifier key
 * `<name>+<key ID, 8 hex>+base64(type || public key)`.
 */
export type NoteSignatureAlgorithm = 'ed25519' | 'sm2';

/** What a verifier key checks: a log's signature (Ed25519, SM2) or a witness's tlog-cosignature/v1. */
export type NoteVerifierAlgorithm = NoteSignatureAlgorithm | 'cosignature/v1';

const ED25519 = Buffer.from([0x01]);
const COSIGNATURE_V1 = Buffer.from([0x04]);
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A key that signs notes. */
export interface NoteSigner {
  readonly name: string;
  readonly algorithm: NoteSignatureAlgorithm;
  readonly keyId: Buffer;
  /** The verifier key to publish: `<name>+<hex key ID>+base64(type || public key)`. */
  readonly verifierKey: string;
  /** Signs the note text: the signature bytes without the key ID. */
  sign(text: Buffer): Buffer;
  /** A timestamped signature (tlog-cosignature v1) over the note text, Ed25519 keys only. */
  readonly timestamped?: (
    text: Buffer,
    timestamp: number,
  ) => { readonly keyId: Buffer; readonly signature: Buffer };
}

/** A key that checks notes. */
export interface NoteVerifier {
  readonly name: string;
  readonly algorithm: NoteVerifierAlgorithm;
  readonly keyId: Buffer;
  verify(text: Buffer, signature: Buffer): boolean;
}

/** True when the text holds an ASCII control character (below U+0020), which signed notes forbid. */
const hasControl = (text: string): boolean => [...text].some((c) => c.charCodeAt(0) < 0x20);

/** Splits at the first `count - 1` plus signs (base64 may hold more). */
const splitPlus = (text: string, count: number): string[] => {
  const parts: string[] = [];
  let rest = text;
  while (parts.length < count - 1) {
    const at = rest.indexOf('+');
    if (at < 0) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  return parts;
};

const keyIdOf = (name: string, typeAndKey: Buffer): Buffer =>
  createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), typeAndKey]))
    .digest()
    .subarray(0, 4);

const checkName = (name: string): void => {
  if (name.length === 0 || /[\s+]/u.test(name) || hasControl(name))
    throw new RangeError(`a key name is non-empty, without spaces or '+': ${JSON.stringify(name)}`);
};

const ed25519Private = (seed: Buffer): KeyObject =>
  createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });

const ed25519Public = (raw: Buffer): KeyObject =>
  createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });

const rawEd25519PublicOf = (key: KeyObject): Buffer =>
  createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);

const cosignedMessage = (text: Buffer, timestamp: number | bigint): Buffer =>
  Buffer.concat([Buffer.from(`cosignature/v1\ntime ${timestamp.toString()}\n`, 'utf8'), text]);

const ed25519Signer = (name: string, seed: Buffer): NoteSigner => {
  const privateKey = ed25519Private(seed);
  const publicKey = rawEd25519PublicOf(privateKey);
  const typed = Buffer.concat([ED25519, publicKey]);
  const keyId = keyIdOf(name, typed);
  const cosignatureKeyId = keyIdOf(name, Buffer.concat([COSIGNATURE_V1, publicKey]));
  return {
    name,
    algorithm: 'ed25519',
    keyId,
    verifierKey: `${name}+${keyId.toString('hex')}+${typed.toString('base64')}`,
    sign: (text) => sign(null, text, privateKey),
    timestamped: (text, timestamp) => {
      const time = Buffer.alloc(8);
      time.writeBigUInt64BE(BigInt(timestamp));
      return {
        keyId: cosignatureKeyId,
        signature: Buffer.concat([time, sign(null, cosignedMessage(text, timestamp), privateKey)]),
      };
    },
  };
};

const sm2Signer = (name: string, privateKey: Buffer): NoteSigner => {
  const typed = Buffer.concat([SM2_TYPE, sm2PublicKeyOf(privateKey)]);
  const keyId = keyIdOf(name, typed);
  return {
    name,
    algorithm: 'sm2',
    keyId,
    verifierKey: `${name}+${keyId.toString('hex')}+${typed.toString('base64')}`,
    sign: (text) => sm2Sign(privateKey, text),
  };
};

/** Parses a signer key (`PRIVATE+KEY+<name>+<hex>+<base64>`); throws RangeError on anything else. */
export const parseSignerKey = (text: string): NoteSigner => {
  const parts = splitPlus(text.trim(), 5);
  if (parts.length !== 5 || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY')
    throw new RangeError('a signer key reads PRIVATE+KEY+<name>+<key ID>+<base64 key>');
  const [, , name, id, key] = parts as [string, string, string, string, string];
  checkName(name);
  const bytes = Buffer.from(key, 'base64');
  let signer: NoteSigner;
  if (bytes.length === 33 && bytes[0] === 0x01) signer = ed25519Signer(name, bytes.subarray(1));
  else if (bytes.length === SM2_TYPE.length + 32 && bytes.subarray(0, SM2_TYPE.length).equals(SM2_TYPE))
    signer = sm2Signer(name, bytes.subarray(SM2_TYPE.length));
  else throw new RangeError('the signer key is neither Ed25519 (type 0x01) nor SM2 (type 0xff "gbt32918")');
  if (signer.keyId.toString('hex') !== id.toLowerCase())
    throw new RangeError('the signer key ID does not match its key');
  return signer;
};

/** Parses a verifier key (`<name>+<hex>+<base64>`); throws RangeError on anything else. */
export const parseVerifierKey = (text: string): NoteVerifier => {
  const parts = splitPlus(text.trim(), 3);
  if (parts.length !== 3) throw new RangeError('a verifier key reads <name>+<key ID>+<base64 key>');
  const [name, id, key] = parts as [string, string, string];
  checkName(name);
  const typed = Buffer.from(key, 'base64');
  const keyId = keyIdOf(name, typed);
  if (keyId.toString('hex') !== id.toLowerCase())
    throw new RangeError('the verifier key ID does not match its key');
  if (typed.length === 33 && typed[0] === 0x01) {
    const publicKey = ed25519Public(typed.subarray(1));
    return {
      name,
      algorithm: 'ed25519',
      keyId,
      verify: (text, signature) => verify(null, text, publicKey, signature),
    };
  }
  if (typed.length === 33 && typed[0] === 0x04) {
    // A witness's key (C2SP tlog-cosignature v1): timestamp || Ed25519 over "cosignature/v1\ntime T\n" || text.
    const publicKey = ed25519Public(typed.subarray(1));
    return {
      name,
      algorithm: 'cosignature/v1',
      keyId,
      verify: (text, signature) =>
        signature.length === 72 &&
        signature.readBigUInt64BE(0) < 2n ** 63n &&
        verify(null, cosignedMessage(text, signature.readBigUInt64BE(0)), publicKey, signature.subarray(8)),
    };
  }
  if (typed.length === SM2_TYPE.length + 65 && typed.subarray(0, SM2_TYPE.length).equals(SM2_TYPE)) {
    const publicKey = typed.subarray(SM2_TYPE.length);
    return {
      name,
      algorithm: 'sm2',
      keyId,
      verify: (text, signature) => sm2Verify(publicKey, text, signature),
    };
  }
  throw new RangeError(
    'the verifier key is neither Ed25519 (type 0x01), a tlog-cosignature/v1 key (0x04) nor SM2 (type 0xff "gbt32918")',
  );
};

/** A new key pair in both encodings. */
export const generateNoteKey = (
  name: string,
  algorithm: NoteSignatureAlgorithm = 'ed25519',
): { readonly signerKey: string; readonly verifierKey: string } => {
  checkName(name);
  let typedPrivate: Buffer;
  if (algorithm === 'ed25519') {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    typedPrivate = Buffer.concat([ED25519, pkcs8.subarray(ED25519_PKCS8_PREFIX.length)]);
  } else {
    typedPrivate = Buffer.concat([SM2_TYPE, generateSm2PrivateKey()]);
  }
  const probe = parseSignerKeyBytes(name, typedPrivate);
  return {
    signerKey: `PRIVATE+KEY+${name}+${probe.keyId.toString('hex')}+${typedPrivate.toString('base64')}`,
    verifierKey: probe.verifierKey,
  };
};

const parseSignerKeyBytes = (name: string, typed: Buffer): NoteSigner =>
  typed[0] === 0x01
    ? ed25519Signer(name, typed.subarray(1))
    : sm2Signer(name, typed.subarray(SM2_TYPE.length));

/** A checkpoint's content. */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Buffer;
  /** The tree's hash (default SHA-256); another one is named by the extension line `tree-hash <name>`. */
  readonly treeHash?: TreeHashAlgorithm;
}

/** The extension line a checkpoint of an SM3 tree carries (none for SHA-256, RFC 9162's). */
export const TREE_HASH_LINE_PREFIX = 'tree-hash ';

/** The tree hash a checkpoint's extension lines name: SHA-256 without one; undefined when unknown or repeated. */
export const treeHashOfExtensions = (extensions: ReadonlyArray<string>): TreeHashAlgorithm | undefined => {
  const named = extensions.filter((line) => line.startsWith(TREE_HASH_LINE_PREFIX));
  if (named.length === 0) return 'sha256';
  const value = named[0]!.slice(TREE_HASH_LINE_PREFIX.length);
  return named.length === 1 && isTreeHashAlgorithm(value) ? value : undefined;
};

/**
 * The note text of a checkpoint: three lines, each ending in a newline, and for a tree hash other
 * than SHA-256 the extension line `tree-hash sm3`, signed with the rest, so that a verifier takes
 * the hash function from what the log signed.
 */
export const checkpointText = (checkpoint: Checkpoint): string => {
  if (checkpoint.origin.length === 0 || hasControl(checkpoint.origin))
    throw new RangeError('a checkpoint origin is one non-empty line');
  if (!Number.isSafeInteger(checkpoint.size) || checkpoint.size < 0)
    throw new RangeError('a tree size is a natural number');
  if (checkpoint.root.length !== TREE_HASH_SIZE) throw new RangeError('a root hash has 32 bytes');
  const extension =
    checkpoint.treeHash === undefined || checkpoint.treeHash === 'sha256'
      ? ''
      : `${TREE_HASH_LINE_PREFIX}${checkpoint.treeHash}\n`;
  return `${checkpoint.origin}\n${checkpoint.size}\n${checkpoint.root.toString('base64')}\n${extension}`;
};

/** Signs a note text: the text, a blank line, one signature line per signature. */
export const signNote = (
  text: string,
  signer: NoteSigner,
  options: { readonly timestamp?: number } = {},
): string => {
  const body = Buffer.from(text, 'utf8');
  const lines = [`— ${signer.name} ${Buffer.concat([signer.keyId, signer.sign(body)]).toString('base64')}\n`];
  if (options.timestamp !== undefined && signer.timestamped !== undefined) {
    const { keyId, signature } = signer.timestamped(body, options.timestamp);
    lines.push(`— ${signer.name} ${Buffer.concat([keyId, signature]).toString('base64')}\n`);
  }
  return `${text}\n${lines.join('')}`;
};

/** A note split into its text and signature lines (nothing verified yet). */
export interface ParsedNote {
  readonly text: string;
  readonly signatures: ReadonlyArray<{
    readonly name: string;
    readonly keyId: Buffer;
    readonly signature: Buffer;
  }>;
}

export const parseNote = (note: string): ParsedNote | undefined => {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return undefined;
  const text = note.slice(0, split + 1);
  const signatures: Array<ParsedNote['signatures'][number]> = [];
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const match = /^— (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    if (match === null) return undefined;
    const bytes = Buffer.from(match[2]!, 'base64');
    if (bytes.length < 5) return undefined;
    signatures.push({ name: match[1]!, keyId: bytes.subarray(0, 4), signature: bytes.subarray(4) });
  }
  return { text, signatures };
};

/**
 * Opens a signed note with trusted verifiers: the text when at least one signature from a known
 * key verifies and none from a known key fails (signatures from unknown keys are ignored, as the
 * spec requires); otherwise undefined.
 */
export const openNote = (note: string, verifiers: ReadonlyArray<NoteVerifier>): string | undefined => {
  const parsed = parseNote(note);
  if (parsed === undefined) return undefined;
  const body = Buffer.from(parsed.text, 'utf8');
  let verified = 0;
  for (const s of parsed.signatures) {
    const verifier = verifiers.find((v) => v.name === s.name && v.keyId.equals(s.keyId));
    if (verifier === undefined) continue;
    if (!verifier.verify(body, s.signature)) return undefined;
    verified += 1;
  }
  return verified > 0 ? parsed.text : undefined;
};

/** Reads a checkpoint's note text; undefined unless it is exactly origin, size, root (extension lines kept apart). */
export const parseCheckpointText = (
  text: string,
): (Checkpoint & { readonly extensions: ReadonlyArray<string> }) | undefined => {
  if (!text.endsWith('\n')) return undefined;
  const lines = text.slice(0, -1).split('\n');
  const [origin, size, root, ...extensions] = lines;
  if (origin === undefined || origin.length === 0 || size === undefined || root === undefined)
    return undefined;
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) return undefined;
  const rootBytes = Buffer.from(root, 'base64');
  if (rootBytes.length !== TREE_HASH_SIZE || rootBytes.toString('base64') !== root) return undefined;
  if (extensions.some((line) => line.length === 0)) return undefined;
  const treeHash = treeHashOfExtensions(extensions);
  if (treeHash === undefined) return undefined;
  return { origin, size: Number(size), root: rootBytes, treeHash, extensions };
};
