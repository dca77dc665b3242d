import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transparency as auditTlog, verifyBundleTransparency, type BundleManifest } from '@zhaoshang/audit';
import { generateNoteKey } from '@zhaoshang/eventstore';
import { testContext } from '@zhaoshang/eventstore/testing';
import { TransparencyService } from '../src/audit/transparency.service';
import { authFor, request, startTestApp } from './support';

const ORIGIN = 'zhaoshang.example/sm-log';

const appendLedger = async (t: Awaited<ReturnType<typeof startTestApp>>, count: number): Promise<void> => {
  for (let i = 0; i < count; i += 1)
    await t.z.store.append(`ledger-${i % 3}`, [{ type: 'Funded', data: { amount: i } }], {
      expectedRevision: 'any',
      context: testContext(),
    });
};

/** Waits (bounded) until the condition holds, polling; the follower runs on its own timer. */
const eventually = async (condition: () => boolean, timeoutMs = 15_000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('the transparency follower and 国密 on the server (issue #15)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let service: TransparencyService;
  beforeAll(async () => {
    t = await startTestApp({
      transparency: {
        origin: ORIGIN,
        signingKey: generateNoteKey(ORIGIN, 'sm2').signerKey,
        treeHash: 'sm3',
        checkpointIntervalMs: 0,
        witnessKeys: [],
      },
    });
    service = t.z.app.get(TransparencyService);
  }, 60_000);
  afterAll(() => t.close());

  it('the follower brings the tree to the head without any request; a proof asked for afterwards does not replay from zero', async () => {
    await appendLedger(t, 40);
    const head = (await t.z.store.readAll()).length;
    await eventually(() => service.log.size === head);
    const before = service.log.stats;
    expect(before.lastTo).toBe(head);
    await appendLedger(t, 2);
    const res = await request(t.http)
      .get(`/transparency/inclusion?streamName=ledger-0&revision=0`)
      .set(await authFor('auditor'))
      .expect(200);
    expect(res.body.treeSize).toBeGreaterThanOrEqual(head);
    // The request's catch-up (or the follower's) started where the tree already was, never at 0.
    const after = service.log.stats;
    expect(after.lastFrom).toBeGreaterThanOrEqual(head);
    expect(after.leavesAppended - before.leavesAppended).toBeLessThanOrEqual(2);
  }, 30_000);

  it('an SM3 + SM2 server: the published bulletin’s checkpoint verifies through the API with the root recomputed and equal (not unchecked)', async () => {
    const published = await request(t.http)
      .post('/bulletins')
      .set(await authFor('supervision-office'))
      .send({ period: '2024-05' });
    expect(published.status).toBe(201);
    const [event] = await t.z.store.readStream('bulletin-2024-05');
    const note = (event!.data as { checkpoint: { note: string } }).checkpoint.note;
    expect(note).toContain('\ntree-hash sm3\n\n');
    const res = await request(t.http)
      .get('/bulletins/2024-05/verification')
      .set(await authFor('auditor'))
      .expect(200);
    expect(res.body.data.ok).toBe(true);
    expect(res.body.data.editions[0].checkpoint).toMatchObject({
      ok: true,
      treeHash: 'sm3',
      root: 'equal',
    });
  }, 30_000);

  it('a project’s bundle from the API carries each event’s inclusion proof in an SM2-signed SM3 checkpoint, from the log’s tree; verify-bundle checks them offline', async () => {
    for (let i = 0; i < 3; i += 1)
      await t.z.store.append('project-XM-2024-0999', [{ type: 'Noted', data: { i } }], {
        expectedRevision: 'any',
        context: testContext(),
      });
    await appendLedger(t, 2);
    const res = await request(t.http)
      .get('/audit/projects/XM-2024-0999/bundle')
      .set(await authFor('auditor'))
      .buffer(true)
      .parse((r, done) => {
        let body = '';
        r.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        r.on('end', () => done(null, body));
      });
    expect(res.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'zhaoshang-project-proofs-'));
    try {
      const file = join(dir, 'project.jsonl');
      writeFileSync(file, res.body as string);
      const lines = (res.body as string).trim().split('\n');
      const { manifest } = JSON.parse(lines[lines.length - 1]!) as { manifest: BundleManifest };
      expect(manifest.transparency?.inclusion).toHaveLength(3);
      expect(manifest.transparency?.checkpoints[0]).toContain('\ntree-hash sm3\n\n');
      const key = (await request(t.http).get('/transparency/key').expect(200)).body.verifierKey as string;
      const vkey = auditTlog.parseVerifierKey(key);
      if (typeof vkey === 'string') throw new Error(vkey);
      expect(verifyBundleTransparency(file, [vkey])).toEqual({
        ok: true,
        checkpoints: 1,
        cosigned: [],
        extends: 0,
        proved: 3,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('stops cleanly: closing the app waits for the pass in progress', async () => {
    await appendLedger(t, 5);
    await expect(service.beforeApplicationShutdown()).resolves.toBeUndefined();
    // A second close (the app's own, in afterAll) finds nothing left to stop.
  });
});
