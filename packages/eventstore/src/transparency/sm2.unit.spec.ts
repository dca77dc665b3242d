import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { sm2PublicKeyOf, sm2Sign, sm2Verify } from './sm2';

/** DER ECDSA-Sig-Value (SEQUENCE of two INTEGERs) ↔ r || s. */
const rsOfDer = (der: Buffer): Buffer => {
  const intAt = (at: number): [Buffer, number] => {
    const length = der[at + 1]!;
    const bytes = der.subarray(at + 2, at + 2 + length);
    return [
      Buffer.from(
        bytes
          .toString('hex')
          .replace(/^(00)+/, '')
          .padStart(64, '0'),
        'hex',
      ),
      at + 2 + length,
    ];
  };
  const [r, next] = intAt(2);
  const [s] = intAt(next);
  return Buffer.concat([r, s]);
};
const derOfRs = (rs: Buffer): Buffer => {
  const int = (b: Buffer): Buffer => {
    let v = Buffer.from(b.toString('hex').replace(/^(00)+/, ''), 'hex');
    if (v[0]! >= 0x80) v = Buffer.concat([Buffer.from([0]), v]);
    return Buffer.concat([Buffer.from([0x02, v.length]), v]);
  };
  const body = Buffer.concat([int(rs.subarray(0, 32)), int(rs.subarray(32))]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
};

/** An SM2 key as OpenSSL reads it from PKCS#8 (then it signs SM2 with OpenSSL's default, empty, user ID). */
const opensslSm2Key = () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
  const key = createPrivateKey(pem);
  const sec1 = privateKey.export({ format: 'der', type: 'sec1' }); // SEQUENCE { 1, OCTET STRING d, … }
  expect(sec1.subarray(2, 7).toString('hex')).toBe('0201010420');
  const d = sec1.subarray(7, 39);
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return { key, publicKeyObject: createPublicKey(key), d, publicKey: spki.subarray(spki.length - 65) };
};

describe('SM2 signatures, GB/T 32918.2 (issue #15 item 6)', () => {
  const message = Buffer.from('zhaoshang.example/log\n42\nAAAA\n', 'utf8');

  it('the public key of a private key is the one OpenSSL derives (the curve of GB/T 32918.5)', () => {
    const { d, publicKey } = opensslSm2Key();
    expect(sm2PublicKeyOf(d).equals(publicKey)).toBe(true);
  });

  it("agrees with OpenSSL's SM2 both ways (with OpenSSL's default empty user ID, the only one Node can use)", () => {
    const { key, publicKeyObject, d, publicKey } = opensslSm2Key();
    const theirs = rsOfDer(sign('sm3', message, key));
    expect(sm2Verify(publicKey, message, theirs, '')).toBe(true);
    expect(sm2Verify(publicKey, message, theirs)).toBe(false); // another user ID, another Z_A
    const ours = sm2Sign(d, message, '');
    expect(verify('sm3', message, publicKeyObject, derOfRs(ours))).toBe(true);
  });

  it('verifies a signature made by the OpenSSL 3.0.19 command line with the standard user ID 1234567812345678', () => {
    // openssl pkeyutl -sign -rawin -digest sm3 -pkeyopt distid:1234567812345678 over "hello checkpoint\n"
    const publicKey = Buffer.from(
      '04ae9d89ce0278bdcc3f02e041d033603b20a904077350bab0fd1b57387717568935306dc929e628e624aef03758d4e1c82741442f5e918e44d587429521e99c94',
      'hex',
    );
    const signature = rsOfDer(
      Buffer.from(
        '30460221009f679b4d9c4b2c328784809c0994e8f0d8d96228b2756f3aafbad2e76b3abcfd022100d5cad99a58c361166f054d6e739db366b5e8484e17e1ff8eaceafe0c0e97ac66',
        'hex',
      ),
    );
    expect(sm2Verify(publicKey, Buffer.from('hello checkpoint\n'), signature)).toBe(true);
    expect(sm2Verify(publicKey, Buffer.from('hello checkpoint!\n'), signature)).toBe(false);
  });

  it('signs and verifies with the default user ID; a changed byte or key fails', () => {
    const { d, publicKey } = opensslSm2Key();
    const signature = sm2Sign(d, message);
    expect(sm2Verify(publicKey, message, signature)).toBe(true);
    expect(sm2Verify(publicKey, Buffer.concat([message, Buffer.from('x')]), signature)).toBe(false);
    expect(sm2Verify(opensslSm2Key().publicKey, message, signature)).toBe(false);
  });
});
