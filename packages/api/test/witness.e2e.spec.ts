import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  exportBundle,
  transparency as tlog,
  verifyBundle,
  verifyBundleTransparency,
  type BundleManifest,
} from '@zhaoshang/audit';
import { makeTempDir, testContext } from '@zhaoshang/eventstore/testing';
import { DEV_TRANSPARENCY_SIGNING_KEY, DEV_TRANSPARENCY_VERIFIER_KEY } from '../src/config';
import { authFor, request, startTestApp } from './support';

/**
 * Issue #15 items 4 and 5 end to end: the auditor's witness (packages/audit, written from the specs
 * apart from the server's code) co-signs the server's checkpoints, the server stores the
 * co-signatures, and a bundle exported from the store verifies offline against both public keys.
 */
const ORIGIN = 'zhaoshang.dev/INSECURE-development-log';
const witnessKey = tlog.generateSignerKey('shenji.example/witness', tlog.SIGNATURE_TYPE.cosignatureV1);
const witnessVkey = tlog.formatVerifierKey(tlog.verifierKeyOf(witnessKey));
const logKey = tlog.parseVerifierKey(DEV_TRANSPARENCY_VERIFIER_KEY);

describe('witness and offline bundle against the served transparency log (issue #15 items 4, 5)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  const dir = makeTempDir('witness-e2e');
  beforeAll(async () => {
    t = await startTestApp({
      transparency: {
        origin: ORIGIN,
        signingKey: DEV_TRANSPARENCY_SIGNING_KEY,
        treeHash: 'sha256',
        checkpointIntervalMs: 0,
        witnessKeys: [witnessVkey],
      },
    });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i += 1)
      await t.z.store.append(`ledger-${i % 2}`, [{ type: 'Funded', data: { amount: i } }], {
        expectedRevision: 'any',
        context: testContext(),
      });
  };
  const checkpoint = async (): Promise<{ note: string; treeSize: number }> =>
    (
      await request(t.http)
        .post('/transparency/checkpoints')
        .set(await authFor('auditor'))
        .expect(201)
    ).body as { note: string; treeSize: number };

  it('the witness co-signs the first checkpoint and one proved consistent with it; the server stores both; the exported bundle verifies with both keys', async () => {
    if (typeof logKey === 'string') throw new Error(logKey);
    let state: tlog.WitnessState = { format: 1, origin: ORIGIN, logKey: DEV_TRANSPARENCY_VERIFIER_KEY };
    const cosignAndPost = async (note: string, evidence?: tlog.ConsistencyEvidence): Promise<void> => {
      const d = tlog.witnessCheckpoint({
        state,
        logKey,
        witnessKey,
        offered: note,
        now: 1_796_000_000n,
        ...(evidence === undefined ? {} : { evidence }),
      });
      if (d.verdict !== 'cosigned') throw new Error(d.code);
      state = d.state;
      const stored = await request(t.http)
        .post('/transparency/cosignatures')
        .set(await authFor('auditor'))
        .send({ note: tlog.formatCheckpoint(d.checkpoint) })
        .expect(201);
      expect((stored.body as { stored: string[] }).stored).toHaveLength(1);
    };

    await append(5);
    const first = await checkpoint();
    await cosignAndPost(first.note);
    await append(3);
    const second = await checkpoint();
    const consistency = await request(t.http)
      .get(`/transparency/consistency?first=${first.treeSize}&second=${second.treeSize}`)
      .set(await authFor('auditor'))
      .expect(200);
    const proof = (consistency.body as { proof: string[] }).proof.map(
      (p) => new Uint8Array(Buffer.from(p, 'base64')),
    );
    await cosignAndPost(second.note, { kind: 'proof', proof });

    // The server serves the checkpoint with the witness's line it stored.
    const served = await request(t.http)
      .get(`/transparency/checkpoints/${second.treeSize}`)
      .set(await authFor('auditor'))
      .expect(200);
    expect(served.text.split('\n').filter((l) => l.startsWith('— shenji.example/witness '))).toHaveLength(1);

    const manifest = await exportBundle(t.z.store, {}, join(dir, 'bundle'));
    expect(manifest.transparency?.checkpoints).toHaveLength(2);
    expect(verifyBundleTransparency(join(dir, 'bundle'), [logKey, tlog.verifierKeyOf(witnessKey)])).toEqual({
      ok: true,
      checkpoints: 2,
      cosigned: [{ witness: 'shenji.example/witness', size: String(second.treeSize) }],
      extends: 0,
    });

    // The API's single-file bundle carries the same checkpoints and co-signatures, and verify-bundle's
    // check accepts it with the log's key (and the witness's); with another log key it does not.
    const served1 = await request(t.http)
      .get('/audit/bundle')
      .set(await authFor('auditor'))
      .buffer(true)
      .parse((res, cb) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => cb(null, body));
      })
      .expect(200);
    const file = join(dir, 'store.jsonl');
    writeFileSync(file, served1.body as string);
    const trailer = JSON.parse((served1.body as string).trimEnd().split('\n').at(-1)!) as {
      manifest: BundleManifest;
    };
    expect(trailer.manifest.transparency).toEqual(manifest.transparency);
    expect(verifyBundle(file)).toMatchObject({ ok: true });
    expect(verifyBundleTransparency(file, [logKey, tlog.verifierKeyOf(witnessKey)])).toEqual({
      ok: true,
      checkpoints: 2,
      cosigned: [{ witness: 'shenji.example/witness', size: String(second.treeSize) }],
      extends: 0,
    });
    const otherLog = tlog.verifierKeyOf(tlog.generateSignerKey(ORIGIN, tlog.SIGNATURE_TYPE.ed25519));
    expect(verifyBundleTransparency(file, [otherLog]).ok).toBe(false);
  }, 60_000);
});
