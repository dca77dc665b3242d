import { isTreeHash, type Hash32, type TreeHash } from './merkle';
import {
  ed25519Sign,
  ed25519Verify,
  formatNote,
  parseNote,
  signNoteText,
  signaturesBy,
  SIGNATURE_TYPE,
  verifyNoteSignature,
  type Note,
  type NoteSignature,
  type SignerKey,
  type VerifierKey,
} from './note';

/**
 * C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): a signed note whose text is the origin, the
 * tree size in decimal (no leading zero), the root hash in base64, then optional extension lines.
 */
export interface CheckpointBody {
  readonly origin: string;
  readonly size: bigint;
  readonly root: Hash32;
  /** Opaque extension lines (non-empty), signed with the rest. */
  readonly extensions: ReadonlyArray<string>;
}

/** A parsed checkpoint with its signatures (the log's and any cosignatures). */
export interface SignedCheckpoint extends CheckpointBody {
  readonly note: Note;
  /** The tree's hash function, as the checkpoint's extension lines name it (`treeHashOf`). */
  readonly treeHash: TreeHash;
}

/**
 * The extension line by which a checkpoint names a tree hash other than RFC 9162's SHA-256:
 * `tree-hash sm3` (a log configured with TRANSPARENCY_TREE_HASH=sm3). Signed with the rest of the
 * text, so the verifier takes the hash function from what the log signed, never from a guess;
 * a checkpoint without the line is SHA-256.
 */
export const TREE_HASH_EXTENSION = 'tree-hash ';

/** The extension lines naming a tree hash (none for SHA-256, the default). */
export const treeHashExtensions = (hash: TreeHash): ReadonlyArray<string> =>
  hash === 'sha256' ? [] : [`${TREE_HASH_EXTENSION}${hash}`];

/** The tree hash a checkpoint's extension lines name; a string when they name an unknown one or two. */
export const treeHashOf = (extensions: ReadonlyArray<string>): TreeHash | string => {
  const named = extensions.filter((line) => line.startsWith(TREE_HASH_EXTENSION));
  if (named.length === 0) return 'sha256';
  const [only] = named;
  const hash = only?.slice(TREE_HASH_EXTENSION.length) ?? '';
  if (named.length > 1 || !isTreeHash(hash))
    return `the checkpoint names its tree hash ambiguously or unknown: ${named.join(', ')}`;
  return hash;
};

export const formatCheckpointText = (body: CheckpointBody): string =>
  [body.origin, body.size.toString(10), Buffer.from(body.root).toString('base64'), ...body.extensions]
    .map((line) => `${line}\n`)
    .join('');

/** Parses a note text as a checkpoint body; a string when it is not one. */
export const parseCheckpointText = (text: string): CheckpointBody | string => {
  if (!text.endsWith('\n')) return 'a checkpoint text ends with a newline';
  const lines = text.slice(0, -1).split('\n');
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (origin === undefined || origin === '') return 'the first line is the origin, non-empty';
  if (sizeText === undefined || !/^(0|[1-9][0-9]*)$/.test(sizeText))
    return 'the second line is the tree size in decimal without leading zeroes';
  if (rootText === undefined || !/^[A-Za-z0-9+/]{43}=$/.test(rootText))
    return 'the third line is the root hash, base64 of 32 bytes';
  if (extensions.some((line) => line === '')) return 'extension lines are non-empty';
  const root = new Uint8Array(Buffer.from(rootText, 'base64'));
  if (Buffer.from(root).toString('base64') !== rootText) return 'the root hash is not canonical base64';
  return { origin, size: BigInt(sizeText), root, extensions };
};

/** Parses a signed checkpoint; a string when it is not one. Signatures are not checked here. */
export const parseCheckpoint = (text: string): SignedCheckpoint | string => {
  const note = parseNote(text);
  if (typeof note === 'string') return note;
  const body = parseCheckpointText(note.text);
  if (typeof body === 'string') return body;
  const treeHash = treeHashOf(body.extensions);
  if (!isTreeHash(treeHash)) return treeHash;
  return { ...body, note, treeHash };
};

/** Signs a checkpoint body as the log (Ed25519 or SM2 note signature, as the key's type says). */
export const signCheckpoint = (key: SignerKey, body: CheckpointBody): SignedCheckpoint => {
  const treeHash = treeHashOf(body.extensions);
  if (!isTreeHash(treeHash)) throw new TypeError(treeHash);
  const text = formatCheckpointText(body);
  return { ...body, treeHash, note: { text, signatures: [signNoteText(key, text)] } };
};

export const formatCheckpoint = (checkpoint: SignedCheckpoint): string => formatNote(checkpoint.note);

/** Whether the log's key signed this checkpoint (and its name is the origin, as the spec advises). */
export const verifyCheckpointSignature = (checkpoint: SignedCheckpoint, logKey: VerifierKey): boolean =>
  verifyNoteSignature(checkpoint.note, logKey);

/** The message a tlog-cosignature/v1 signs: header, time line, the whole checkpoint text. */
export const cosignedMessage = (checkpointText: string, timestamp: bigint): Uint8Array =>
  Buffer.from(`cosignature/v1\ntime ${timestamp.toString(10)}\n${checkpointText}`, 'utf8');

const MAX_TIMESTAMP = (1n << 63n) - 1n;

/**
 * C2SP tlog-cosignature (Ed25519, signature type 0x04): the signature bytes are the timestamp
 * (u64 big-endian, POSIX seconds) then the Ed25519 signature of `cosignedMessage`.
 */
export const cosign = (key: SignerKey, checkpoint: SignedCheckpoint, timestamp: bigint): NoteSignature => {
  if (key.type !== SIGNATURE_TYPE.cosignatureV1) throw new TypeError('a cosignature uses a 0x04 key');
  if (timestamp < 0n || timestamp > MAX_TIMESTAMP) throw new RangeError('timestamp out of range');
  const time = Buffer.alloc(8);
  time.writeBigUInt64BE(timestamp, 0);
  const signature = ed25519Sign(key.seed, cosignedMessage(checkpoint.note.text, timestamp));
  return { name: key.name, keyId: key.keyId, signature: Buffer.concat([time, signature]) };
};

/** The checkpoint with one more signature line (a witness's cosignature), replacing an older one by the same key. */
export const withSignature = (checkpoint: SignedCheckpoint, signature: NoteSignature): SignedCheckpoint => ({
  ...checkpoint,
  note: {
    text: checkpoint.note.text,
    signatures: [
      ...checkpoint.note.signatures.filter(
        (s) => !(s.name === signature.name && s.keyId === signature.keyId),
      ),
      signature,
    ],
  },
});

/** A verified cosignature's time, or undefined when the checkpoint has no valid cosignature by `key`. */
export const verifyCosignature = (checkpoint: SignedCheckpoint, key: VerifierKey): bigint | undefined => {
  if (key.type !== SIGNATURE_TYPE.cosignatureV1) return undefined;
  const mine = signaturesBy(checkpoint.note, key);
  let time: bigint | undefined;
  for (const s of mine) {
    if (s.signature.length !== 72) return undefined;
    const timestamp = Buffer.from(s.signature.subarray(0, 8)).readBigUInt64BE(0);
    if (timestamp > MAX_TIMESTAMP) return undefined;
    if (
      !ed25519Verify(key.publicKey, cosignedMessage(checkpoint.note.text, timestamp), s.signature.subarray(8))
    )
      return undefined;
    time = timestamp;
  }
  return time;
};
