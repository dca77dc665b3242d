import { createHash, createPublicKey, verify } from 'node:crypto';
import {
  checkpointText,
  generateNoteKey,
  openNote,
  parseCheckpointText,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
} from './note';

const root = createHash('sha256').update('a root').digest();

describe('checkpoints as C2SP signed notes (issue #15 item 2)', () => {
  it('tlog-checkpoint: origin, size, base64 root, one line each; signed-note: blank line, then "— name base64(keyID || sig)"', () => {
    const { signerKey, verifierKey } = generateNoteKey('zhaoshang.example/log');
    const signer = parseSignerKey(signerKey);
    const text = checkpointText({ origin: 'zhaoshang.example/log', size: 18, root });
    expect(text).toBe(`zhaoshang.example/log\n18\n${root.toString('base64')}\n`);
    const note = signNote(text, signer);
    const lines = note.split('\n');
    expect(lines.slice(0, 4)).toEqual(['zhaoshang.example/log', '18', root.toString('base64'), '']);
    expect(lines[4]).toMatch(/^— zhaoshang\.example\/log [A-Za-z0-9+/]+=*$/);
    expect(lines[5]).toBe('');
    // key ID = SHA-256(name || 0x0A || 0x01 || public key)[:4], the first 4 bytes of the signature
    const publicKey = Buffer.from(verifierKey.split('+').slice(2).join('+'), 'base64');
    expect(publicKey[0]).toBe(0x01);
    const keyId = createHash('sha256')
      .update(Buffer.concat([Buffer.from('zhaoshang.example/log\n'), publicKey]))
      .digest()
      .subarray(0, 4);
    expect(verifierKey.split('+')[1]).toBe(keyId.toString('hex'));
    const signature = Buffer.from(lines[4]!.split(' ')[2]!, 'base64');
    expect(signature.subarray(0, 4).equals(keyId)).toBe(true);
    // plain RFC 8032 Ed25519 over the note text
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), publicKey.subarray(1)]);
    expect(
      verify(
        null,
        Buffer.from(text),
        createPublicKey({ key: spki, format: 'der', type: 'spki' }),
        signature.subarray(4),
      ),
    ).toBe(true);
    expect(openNote(note, [parseVerifierKey(verifierKey)])).toBe(text);
    expect(parseCheckpointText(text)).toEqual({
      origin: 'zhaoshang.example/log',
      size: 18,
      root,
      treeHash: 'sha256',
      extensions: [],
    });
    // An SM3 tree's checkpoint names its hash in a signed extension line; SHA-256's carries none.
    const sm3 = checkpointText({ origin: 'zhaoshang.example/log', size: 18, root, treeHash: 'sm3' });
    expect(sm3).toBe(`${text}tree-hash sm3\n`);
    expect(parseCheckpointText(sm3)).toMatchObject({ treeHash: 'sm3', extensions: ['tree-hash sm3'] });
    expect(parseCheckpointText(`${text}tree-hash md5\n`)).toBeUndefined();
  });

  it('the time of signing is signed too: a tlog-cosignature/v1 line by the same key (type 0x04, timestamp || Ed25519 over "cosignature/v1\\ntime T\\n" || text)', () => {
    const { signerKey, verifierKey } = generateNoteKey('zhaoshang.example/log');
    const text = checkpointText({ origin: 'zhaoshang.example/log', size: 3, root });
    const note = signNote(text, parseSignerKey(signerKey), { timestamp: 1796000000 });
    const parsed = parseNote(note)!;
    expect(parsed.signatures).toHaveLength(2);
    const timestamped = parsed.signatures[1]!;
    const raw = Buffer.from(verifierKey.split('+').slice(2).join('+'), 'base64').subarray(1);
    const cosignKeyId = createHash('sha256')
      .update(Buffer.concat([Buffer.from('zhaoshang.example/log\n'), Buffer.from([0x04]), raw]))
      .digest()
      .subarray(0, 4);
    expect(timestamped.keyId.equals(cosignKeyId)).toBe(true);
    expect(timestamped.signature.readBigUInt64BE(0)).toBe(1796000000n);
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]);
    const message = Buffer.from(`cosignature/v1\ntime 1796000000\n${text}`);
    expect(
      verify(
        null,
        message,
        createPublicKey({ key: spki, format: 'der', type: 'spki' }),
        timestamped.signature.subarray(8),
      ),
    ).toBe(true);
    // a verifier that knows only the 0x01 key ignores the other line and opens the note
    expect(openNote(note, [parseVerifierKey(verifierKey)])).toBe(text);
  });

  it('an SM2 key (type 0xff "gbt32918") signs and opens the same checkpoint (issue #15 item 6)', () => {
    const { signerKey, verifierKey } = generateNoteKey('zhaoshang.example/log', 'sm2');
    const signer = parseSignerKey(signerKey);
    expect(signer.algorithm).toBe('sm2');
    const text = checkpointText({ origin: 'zhaoshang.example/log', size: 7, root });
    const note = signNote(text, signer, { timestamp: 1 });
    expect(parseNote(note)!.signatures).toHaveLength(1);
    expect(openNote(note, [parseVerifierKey(verifierKey)])).toBe(text);
  });

  it('a changed byte, an unknown key or a wrong key ID: the note does not open', () => {
    const a = generateNoteKey('zhaoshang.example/log');
    const b = generateNoteKey('zhaoshang.example/log');
    const text = checkpointText({ origin: 'zhaoshang.example/log', size: 18, root });
    const note = signNote(text, parseSignerKey(a.signerKey));
    expect(openNote(note.replace('\n18\n', '\n19\n'), [parseVerifierKey(a.verifierKey)])).toBeUndefined();
    expect(openNote(note, [parseVerifierKey(b.verifierKey)])).toBeUndefined();
    expect(() => parseVerifierKey(a.verifierKey.replace(/\+[0-9a-f]{8}\+/, '+00000000+'))).toThrow(
      RangeError,
    );
    expect(() => parseSignerKey('PRIVATE+KEY+x+00000000+AAAA')).toThrow(RangeError);
    expect(parseCheckpointText('origin\n018\nAAAA\n')).toBeUndefined();
  });
});

describe('witness keys (C2SP tlog-cosignature v1, type 0x04)', () => {
  it('a cosignature/v1 verifier key checks a witness line: timestamp || Ed25519 over "cosignature/v1\\ntime T\\n" || text', () => {
    // A witness's key pair, written by hand from the spec: the same Ed25519 key under type 0x04.
    const log = generateNoteKey('zhaoshang.example/log');
    const witness = parseSignerKey(generateNoteKey('witness.audit.example/w1').signerKey);
    const raw = Buffer.from(witness.verifierKey.split('+').slice(2).join('+'), 'base64').subarray(1);
    const typed = Buffer.concat([Buffer.from([0x04]), raw]);
    const id = createHash('sha256')
      .update(Buffer.concat([Buffer.from('witness.audit.example/w1\n'), typed]))
      .digest()
      .subarray(0, 4);
    const witnessKey = parseVerifierKey(
      `witness.audit.example/w1+${id.toString('hex')}+${typed.toString('base64')}`,
    );
    expect(witnessKey.algorithm).toBe('cosignature/v1');
    const text = checkpointText({ origin: 'zhaoshang.example/log', size: 5, root });
    const signed = signNote(text, parseSignerKey(log.signerKey));
    const { keyId, signature } = witness.timestamped!(Buffer.from(text), 1796000000);
    expect(keyId.equals(id)).toBe(true);
    const cosigned = `${signed}— witness.audit.example/w1 ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
    expect(openNote(cosigned, [witnessKey])).toBe(text);
    expect(openNote(cosigned.replace('\n5\n', '\n6\n'), [witnessKey])).toBeUndefined();
  });
});
