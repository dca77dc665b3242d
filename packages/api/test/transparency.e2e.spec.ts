import { createHash } from 'node:crypto';
import {
  generateNoteKey,
  openNote,
  parseSignerKey,
  parseCheckpointText,
  parseVerifierKey,
  treeHasher,
  verifyConsistency,
  verifyInclusion,
} from '@zhaoshang/eventstore';
import { testContext } from '@zhaoshang/eventstore/testing';
import { parseBulletinPeriod, transparency as auditTlog, verifyBulletin } from '@zhaoshang/audit';
import { TransparencyService } from '../src/audit/transparency.service';
import { DEV_TRANSPARENCY_SIGNING_KEY, DEV_TRANSPARENCY_VERIFIER_KEY } from '../src/config';
import { authFor, request, startTestApp } from './support';

const b = (text: string): Buffer => Buffer.from(text, 'base64');

/** A witness (an auditor's office) with its own Ed25519 key, as a tlog-cosignature/v1 (type 0x04) verifier key. */
const witness = parseSignerKey(generateNoteKey('witness.audit.example/w1').signerKey);
const witnessRaw = Buffer.from(witness.verifierKey.split('+').slice(2).join('+'), 'base64').subarray(1);
const witnessTyped = Buffer.concat([Buffer.from([0x04]), witnessRaw]);
const witnessKey = `witness.audit.example/w1+${createHash('sha256')
  .update(Buffer.concat([Buffer.from('witness.audit.example/w1\n'), witnessTyped]))
  .digest()
  .subarray(0, 4)
  .toString('hex')}+${witnessTyped.toString('base64')}`;
const cosignLine = (note: string): string => {
  const text = note.slice(0, note.indexOf('\n\n') + 1);
  const { keyId, signature } = witness.timestamped!(Buffer.from(text), 1796000000);
  return `— witness.audit.example/w1 ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
};

describe('transparency log over HTTP (issue #15 items 2, 3)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp({
      transparency: {
        origin: 'zhaoshang.dev/INSECURE-development-log',
        signingKey: DEV_TRANSPARENCY_SIGNING_KEY,
        treeHash: 'sha256',
        checkpointIntervalMs: 0,
        witnessKeys: [witnessKey],
      },
    });
    for (let i = 0; i < 7; i += 1)
      await t.z.store.append(`ledger-${i % 2}`, [{ type: 'Funded', data: { amount: i } }], {
        expectedRevision: 'any',
        context: testContext(),
      });
  }, 60_000);
  afterAll(() => t.close());

  it('publishes its origin and verifier key without credentials (the development key says INSECURE)', async () => {
    const res = await request(t.http).get('/transparency/key').expect(200);
    expect(res.body).toMatchObject({
      origin: 'zhaoshang.dev/INSECURE-development-log',
      verifierKey: DEV_TRANSPARENCY_VERIFIER_KEY,
      signatureAlgorithm: 'ed25519',
      treeHash: 'sha256',
    });
  });

  it('an auditor (or a system) makes a checkpoint on demand: signed, recorded in transparency-checkpoints, listed; an officer may not', async () => {
    await request(t.http)
      .post('/transparency/checkpoints')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .expect(403);
    const res = await request(t.http)
      .post('/transparency/checkpoints')
      .set(await authFor('auditor'))
      .expect(201);
    expect(res.body).toMatchObject({
      treeSize: 7,
      reason: 'on-demand',
      origin: 'zhaoshang.dev/INSECURE-development-log',
    });
    const text = openNote(res.body.note as string, [parseVerifierKey(DEV_TRANSPARENCY_VERIFIER_KEY)]);
    expect(parseCheckpointText(text!)).toMatchObject({ size: 7, root: b(res.body.rootHash as string) });
    const recorded = await t.z.store.readStream('transparency-checkpoints');
    expect(recorded.map((e) => e.type)).toEqual(['CheckpointSigned']);
    expect(recorded[0]!.data).toEqual(res.body);
    // the schedule makes none while nothing but a checkpoint was recorded since the last one
    expect(await t.z.app.get(TransparencyService).scheduled()).toBeUndefined();
    await request(t.http)
      .post('/transparency/checkpoints')
      .set(await authFor('system'))
      .expect(201);
    const list = await request(t.http)
      .get('/transparency/checkpoints')
      .set(await authFor('statistics-bureau'))
      .expect(200);
    expect((list.body.checkpoints as Array<{ treeSize: number }>).map((c) => c.treeSize)).toEqual([8, 7]);
  });

  it('inclusion proofs by position or by stream and revision, and consistency proofs, verify against the signed roots (auditors only)', async () => {
    const h = treeHasher();
    const [second, first] = (
      await request(t.http)
        .get('/transparency/checkpoints')
        .set(await authFor('auditor'))
    ).body.checkpoints as Array<{ treeSize: number; rootHash: string }>;
    const events = await t.z.store.readAll();
    const target = events[3]!;
    const byPosition = await request(t.http)
      .get(`/transparency/inclusion?position=${target.globalPosition}&treeSize=${first!.treeSize}`)
      .set(await authFor('auditor'))
      .expect(200);
    expect(byPosition.body).toMatchObject({
      leafIndex: 3,
      treeSize: 7,
      eventHash: target.metadata.hash,
      rootHash: first!.rootHash,
    });
    const leafHash = h.leaf(Buffer.from(target.metadata.hash, 'hex'));
    expect(
      verifyInclusion(h, 3, 7, leafHash, (byPosition.body.proof as string[]).map(b), b(first!.rootHash)),
    ).toBe(true);
    const byStream = await request(t.http)
      .get(`/transparency/inclusion?streamName=${target.streamName}&revision=${target.revision}&treeSize=7`)
      .set(await authFor('auditor'))
      .expect(200);
    expect(byStream.body).toEqual(byPosition.body);
    const consistency = await request(t.http)
      .get(`/transparency/consistency?first=${first!.treeSize}&second=${second!.treeSize}`)
      .set(await authFor('auditor'))
      .expect(200);
    expect(
      verifyConsistency(
        h,
        7,
        8,
        b(first!.rootHash),
        b(second!.rootHash),
        (consistency.body.proof as string[]).map(b),
      ),
    ).toBe(true);
    await request(t.http)
      .get('/transparency/consistency?first=7')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .expect(403);
    await request(t.http)
      .get('/transparency/inclusion?position=abc')
      .set(await authFor('auditor'))
      .expect(400);
    await request(t.http)
      .get('/transparency/consistency?first=9999')
      .set(await authFor('auditor'))
      .expect(404);
  });

  it('issue #15 item 2: a published bulletin carries the signed checkpoint of exactly the events its figures were computed from', async () => {
    const res = await request(t.http)
      .post('/bulletins')
      .set(await authFor('supervision-office'))
      .send({ period: '2024-05' });
    expect(res.status).toBe(201);
    const [event] = await t.z.store.readStream('bulletin-2024-05');
    const data = event!.data as {
      computedAtPosition: string;
      checkpoint: { treeSize: number; rootHash: string; note: string };
    };
    const all = await t.z.store.readAll();
    const covered = all.filter((e) => e.globalPosition <= BigInt(data.computedAtPosition));
    expect(data.checkpoint.treeSize).toBe(covered.length);
    const text = openNote(data.checkpoint.note, [parseVerifierKey(DEV_TRANSPARENCY_VERIFIER_KEY)]);
    expect(parseCheckpointText(text!)).toMatchObject({
      size: covered.length,
      root: b(data.checkpoint.rootHash),
    });
    const consistency = await request(t.http)
      .get(`/transparency/consistency?first=${covered.length}`)
      .set(await authFor('auditor'))
      .expect(200);
    expect(consistency.body.firstRootHash).toBe(data.checkpoint.rootHash);
    // The auditor's verifier (packages/audit, written apart from the server's code) accepts it with the log key.
    const auditKey = auditTlog.parseVerifierKey(DEV_TRANSPARENCY_VERIFIER_KEY);
    if (typeof auditKey === 'string') throw new Error(auditKey);
    const verified = await verifyBulletin(t.z.store, parseBulletinPeriod('2024-05')!, {
      logKeys: [auditKey],
    });
    expect(verified?.ok).toBe(true);
    expect(verified?.editions[0]?.checkpoint).toMatchObject({
      ok: true,
      signature: 'valid',
      treeSize: covered.length,
      eventsUpToPosition: covered.length,
      recomputedRoot: data.checkpoint.rootHash,
    });
    // recorded in the bulletin's event only: a refused publication appends nothing
    const again = await request(t.http)
      .post('/bulletins')
      .set(await authFor('supervision-office'))
      .send({ period: '2024-05' });
    expect(again.status).toBe(409);
    expect((await t.z.store.readAll()).length).toBe(all.length);
  });

  it("issue #15 item 4: the server stores a configured witness's co-signature of a checkpoint it signed and serves the checkpoint with it", async () => {
    const made = await request(t.http)
      .post('/transparency/checkpoints')
      .set(await authFor('auditor'))
      .expect(201);
    const note = made.body.note as string;
    const cosigned = note + cosignLine(note);
    const stored = await request(t.http)
      .post('/transparency/cosignatures')
      .set(await authFor('auditor'))
      .send({ note: cosigned })
      .expect(201);
    expect(stored.body).toEqual({
      treeSize: made.body.treeSize,
      stored: [cosignLine(note)],
    });
    const served = await request(t.http)
      .get(`/transparency/checkpoints/${made.body.treeSize}`)
      .set(await authFor('statistics-bureau'))
      .expect(200);
    expect(served.text).toBe(cosigned);
    expect(openNote(served.text, [parseVerifierKey(witnessKey)])).toBe(
      note.slice(0, note.indexOf('\n\n') + 1),
    );
    // a line by an unknown key, or a note this log did not sign, is not stored
    const stranger = parseSignerKey(generateNoteKey('someone.example/x').signerKey);
    const { keyId, signature } = stranger.timestamped!(
      Buffer.from(note.slice(0, note.indexOf('\n\n') + 1)),
      1,
    );
    await request(t.http)
      .post('/transparency/cosignatures')
      .set(await authFor('auditor'))
      .send({ note: `${note}— someone.example/x ${Buffer.concat([keyId, signature]).toString('base64')}\n` })
      .expect(400);
    await request(t.http)
      .post('/transparency/cosignatures')
      .set(await authFor('auditor'))
      .send({ note: cosigned.replace(/\n\d+\n/, '\n1\n') })
      .expect(404);
    await request(t.http)
      .post('/transparency/cosignatures')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .send({ note: cosigned })
      .expect(403);
  });
});
