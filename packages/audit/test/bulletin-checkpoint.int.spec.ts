import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/Either';
import { TreeCheckpoint } from '@zhaoshang/domain';
import { openSqliteEventStore, type EventMetadata } from '@zhaoshang/eventstore';
import {
  computeBulletinFigures,
  transparency as tlog,
  verifyBulletin,
  type BulletinVerification,
} from '../src';
import { main } from '../src/cli/main';
import { goldenStoreFiles, head, issue, period, publish } from './bulletin-fixture';

const run = async (argv: ReadonlyArray<string>) => {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
};

const ORIGIN = 'zhaoshang.example/log';
const logKey = tlog.generateSignerKey(ORIGIN, tlog.SIGNATURE_TYPE.ed25519);
const logVkey = tlog.formatVerifierKey(tlog.verifierKeyOf(logKey));
const otherVkey = tlog.formatVerifierKey(
  tlog.verifierKeyOf(tlog.generateSignerKey(ORIGIN, tlog.SIGNATURE_TYPE.ed25519)),
);

/**
 * Publishes the March bulletin in the store at `file` carrying the log's checkpoint of every event
 * so far, as the server signs it (leaves from the stored hashes, hashed with `treeHash`, which an
 * SM3 checkpoint names in its `tree-hash` line).
 */
const publishWithCheckpoint = async (
  file: string,
  key: tlog.SignerKey,
  treeHash: tlog.TreeHash,
): Promise<{ treeSize: number; rootHash: string }> => {
  const store = openSqliteEventStore({ file });
  try {
    const march = await computeBulletinFigures(store, period('2024-03'), { upTo: await head(store) });
    const events = await store.readAll({});
    const signed = tlog.signCheckpoint(key, {
      origin: ORIGIN,
      size: BigInt(events.length),
      root: tlog.rootOfLeaves(
        events.map((e) => tlog.eventLeafHash(e.metadata.hash, treeHash)),
        treeHash,
      ),
      extensions: tlog.treeHashExtensions(treeHash),
    });
    const rootHash = Buffer.from(signed.root).toString('base64');
    const checkpoint = TreeCheckpoint.decode({
      origin: ORIGIN,
      treeSize: events.length,
      rootHash,
      note: tlog.formatCheckpoint(signed),
    });
    if (E.isLeft(checkpoint)) throw new Error('not a TreeCheckpoint');
    await issue(store, { ...publish(march), checkpoint: checkpoint.right }, 'publish-march');
    return { treeSize: events.length, rootHash };
  } finally {
    await store.close();
  }
};

/**
 * Issue #15 item 2 (the auditor's side): a bulletin carries the log's signed checkpoint of exactly
 * the events its figures were computed from; `verify-bulletin` checks the signature against the log
 * key given and that the store's events up to the bulletin's position have that root.
 */
describe('verify-bulletin checks the checkpoint a bulletin carries (issue #15)', () => {
  const golden = goldenStoreFiles();
  let file: string;
  let treeSize: number;
  let rootHash: string;

  beforeAll(async () => {
    await golden.create();
    file = golden.copyFile();
    ({ treeSize, rootHash } = await publishWithCheckpoint(file, logKey, 'sha256'));
  });
  afterAll(() => golden.dispose());

  it('an honest store: the log key signed the carried checkpoint and the events up to the position give its root', async () => {
    const human = await run(['verify-bulletin', '2024-03', '--events', file, '--key', logVkey]);
    expect(human).toMatchObject({ code: 0, stderr: '' });
    expect(human.stdout).toContain(
      `检查点 checkpoint ${ORIGIN} 规模 size ${treeSize} 根 root ${rootHash}: 日志签名有效`,
    );
    expect(human.stdout).toContain('树根一致 ROOT EQUAL');
    const asJson = JSON.parse(
      (await run(['verify-bulletin', '2024-03', '--events', file, '--key', logVkey, '--json'])).stdout,
    ) as BulletinVerification;
    expect(asJson.editions[0]?.checkpoint).toEqual({
      ok: true,
      origin: ORIGIN,
      treeSize,
      rootHash,
      noteMatches: true,
      signature: 'valid',
      eventsUpToPosition: treeSize,
      treeHash: 'sha256',
      root: 'equal',
      recomputedRoot: rootHash,
    });
    // Without a key the root is still checked; the signature is reported unchecked.
    const unkeyed = await run(['verify-bulletin', '2024-03', '--events', file]);
    expect(unkeyed.code).toBe(0);
    expect(unkeyed.stdout).toContain('未核签名 signature not checked');
  });

  it('another log key: the checkpoint is not signed by it, the bulletin fails', async () => {
    const r = await run(['verify-bulletin', '2024-03', '--events', file, '--key', otherVkey]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('签名无效 NOT signed by the given log key');
    expect(r.stdout).toContain('一致 EQUAL'); // the figures still follow from history
  });

  it('a tampered store (one earlier event’s metadata changed, stored hash kept): figures equal, the tree root differs, the bulletin fails', async () => {
    const forged = `${file}.tampered.sqlite`;
    copyFileSync(file, forged);
    const raw = new Database(forged);
    const row = raw
      .prepare<[], { stream: string; revision: number; metadata: string }>(
        "SELECT stream, revision, metadata FROM events WHERE stream LIKE 'project-%' ORDER BY rowid LIMIT 1",
      )
      .get()!;
    const m = JSON.parse(row.metadata) as EventMetadata & { actor: { userId: string } };
    raw
      .prepare<[string, string, number]>('UPDATE events SET metadata = ? WHERE stream = ? AND revision = ?')
      .run(JSON.stringify({ ...m, actor: { ...m.actor, userId: 'forger' } }), row.stream, row.revision);
    raw.close();

    const store = openSqliteEventStore({ file: forged });
    let v: BulletinVerification | undefined;
    try {
      v = await verifyBulletin(store, period('2024-03'), {
        logKeys: [tlog.verifierKeyOf(logKey)],
      });
    } finally {
      await store.close();
    }
    expect(v?.differences).toEqual([]);
    expect(v?.ok).toBe(false);
    expect(v?.editions[0]?.checkpoint).toMatchObject({
      ok: false,
      signature: 'valid',
      eventsUpToPosition: treeSize,
      root: 'different',
    });
    expect(v?.editions[0]?.checkpoint?.recomputedRoot).not.toBe(rootHash);
    const r = await run(['verify-bulletin', '2024-03', '--events', forged, '--key', logVkey]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('树根不一致 ROOT DIFFERENT');
  });

  it('the caller expects an SM3 log but the checkpoint names SHA-256 (no tree-hash line): the root is not recomputed and the edition fails', async () => {
    const store = openSqliteEventStore({ file });
    let v: BulletinVerification | undefined;
    try {
      v = await verifyBulletin(store, period('2024-03'), {
        logKeys: [tlog.verifierKeyOf(logKey)],
        treeHash: 'sm3',
      });
    } finally {
      await store.close();
    }
    expect(v?.editions[0]?.checkpoint).toMatchObject({
      ok: false,
      signature: 'valid',
      treeHash: 'sha256',
      root: 'unchecked',
    });
    expect(v?.ok).toBe(false);
  });
});

/**
 * 国密 (issue #15 item 6, the auditor's side): a log whose tree is SM3 and whose key is SM2 signs
 * `tree-hash sm3` in its checkpoints; the auditor's verifier takes the hash from the note and the
 * signature algorithm from the key, and recomputes the SM3 root from the events.
 */
describe('verify-bulletin on an SM3 tree signed with SM2', () => {
  const golden = goldenStoreFiles();
  const sm2Key = tlog.generateSignerKey(ORIGIN, tlog.SIGNATURE_TYPE.sm2);
  const sm2Vkey = tlog.formatVerifierKey(tlog.verifierKeyOf(sm2Key));
  let file: string;
  let rootHash: string;

  beforeAll(async () => {
    await golden.create();
    file = golden.copyFile();
    ({ rootHash } = await publishWithCheckpoint(file, sm2Key, 'sm3'));
  });
  afterAll(() => golden.dispose());

  it('the SM2 signature is valid and the SM3 root recomputed from the events is equal', async () => {
    const r = await run(['verify-bulletin', '2024-03', '--events', file, '--key', sm2Vkey, '--json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout) as BulletinVerification;
    expect(v.editions[0]?.checkpoint).toMatchObject({
      ok: true,
      signature: 'valid',
      treeHash: 'sm3',
      root: 'equal',
      recomputedRoot: rootHash,
    });
    // The SHA-256 root of the same events is another: the hash really is SM3.
    const store = openSqliteEventStore({ file });
    try {
      const events = await store.readAll({});
      const sha = tlog.rootOfLeaves(events.slice(0, -1).map((e) => tlog.eventLeafHash(e.metadata.hash)));
      expect(Buffer.from(sha).toString('base64')).not.toBe(rootHash);
    } finally {
      await store.close();
    }
    // An Ed25519 key of the same name did not sign it.
    const other = await run(['verify-bulletin', '2024-03', '--events', file, '--key', otherVkey]);
    expect(other.code).toBe(1);
  });
});
