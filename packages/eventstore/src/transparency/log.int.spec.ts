import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson, eventHash } from '../hash-chain';
import { openSqliteEventStore } from '../sqlite';
import type { EventMetadata, EventStore } from '../port';
import {
  doubledEsdbStore,
  makeTempDir,
  temporarySqliteStore,
  testContext,
  type StoreUnderTest,
} from '../testing';
import { treeHasher } from './hashing';
import { checkHistoryAgainst, TransparencyLog } from './log';
import { MemoryTransparencyStorage, SqliteTransparencyStorage } from './storage';
import { verifyConsistency, verifyInclusion } from './verify';

const stores: ReadonlyArray<readonly [string, () => Promise<StoreUnderTest>]> = [
  ['embedded SQLite store', () => temporarySqliteStore()],
  ['EventStoreDB adapter (client double)', () => Promise.resolve(doubledEsdbStore())],
];

/** Appends `count` events spread over three streams, a few per append. */
const fill = async (store: EventStore, count: number, from = 0): Promise<void> => {
  for (let i = from; i < from + count; i += 1)
    await store.append(`ledger-${i % 3}`, [{ type: 'Funded', data: { amount: 1000 + i } }], {
      expectedRevision: 'any',
      context: testContext(),
    });
};

describe.each(stores)('transparency log on the %s (issue #15 items 1, 7)', (_name, make) => {
  let under: StoreUnderTest;
  let dir: string;
  beforeEach(async () => {
    under = await make();
    dir = makeTempDir('transparency');
  });
  afterEach(async () => {
    await under.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows $all: one leaf per event in global order, each leaf the event hash; proofs by position and by stream verify', async () => {
    await fill(under.store, 23);
    const log = new TransparencyLog(under.store, new MemoryTransparencyStorage(), { pageSize: 5 });
    expect(await log.catchUp()).toBe(23);
    const all = await under.store.readAll();
    const h = treeHasher();
    all.forEach((event, i) => {
      expect(log.leafAt(i)).toMatchObject({
        index: i,
        position: event.globalPosition,
        eventHash: event.metadata.hash,
      });
      expect(log.tree.leafHash(i).equals(h.leaf(Buffer.from(event.metadata.hash, 'hex')))).toBe(true);
    });
    const target = all[17]!;
    const byPosition = log.leaf({ position: target.globalPosition });
    const byStream = log.leaf({ streamName: target.streamName, revision: target.revision });
    expect(byPosition).toEqual(byStream);
    const root = log.root();
    expect(verifyInclusion(h, 17, 23, log.tree.leafHash(17), log.inclusionProof(17), root)).toBe(true);
  });

  it('incremental (appends interleaved with catch-ups, persisted and reopened) equals a rebuild, node for node', async () => {
    const file = join(dir, 'transparency.sqlite');
    let incremental = new TransparencyLog(under.store, new SqliteTransparencyStorage(file), { pageSize: 4 });
    const heads: Array<{ size: number; root: Buffer }> = [];
    for (const batch of [1, 6, 0, 9, 2]) {
      await fill(under.store, batch, incremental.size);
      await incremental.catchUp();
      heads.push({ size: incremental.size, root: incremental.root() });
      incremental.close();
      incremental = new TransparencyLog(under.store, new SqliteTransparencyStorage(file), { pageSize: 4 });
    }
    const rebuilt = new TransparencyLog(under.store, new MemoryTransparencyStorage());
    expect(await rebuilt.catchUp()).toBe(18);
    expect(incremental.size).toBe(18);
    for (let size = 0; size <= 18; size += 1)
      expect(incremental.root(size).equals(rebuilt.root(size))).toBe(true);
    for (let level = 0; 2 ** level <= 18; level += 1)
      for (let index = 0; (index + 1) * 2 ** level <= 18; index += 1)
        expect(incremental.storage.node(level, index).equals(rebuilt.storage.node(level, index))).toBe(true);
    const h = treeHasher();
    for (const earlier of heads)
      expect(
        verifyConsistency(
          h,
          earlier.size,
          18,
          earlier.root,
          rebuilt.root(),
          incremental.consistencyProof(earlier.size),
        ),
      ).toBe(true);
    incremental.close();
  });

  it('two processes sharing transparency.sqlite: the one that falls behind reloads, and both give the rebuilt tree', async () => {
    const file = join(dir, 'transparency.sqlite');
    const a = new TransparencyLog(under.store, new SqliteTransparencyStorage(file), { pageSize: 3 });
    const b = new TransparencyLog(under.store, new SqliteTransparencyStorage(file), { pageSize: 3 });
    await fill(under.store, 5);
    await a.catchUp();
    await fill(under.store, 4, 5);
    expect(await b.catchUp()).toBe(9); // b had size 0 in memory: it reloads at 5 and goes on
    await fill(under.store, 2, 9);
    expect(await a.catchUp()).toBe(11);
    const rebuilt = new TransparencyLog(under.store, new MemoryTransparencyStorage());
    await rebuilt.catchUp();
    expect(a.root().equals(rebuilt.root())).toBe(true);
    expect(await b.catchUp()).toBe(11);
    expect(b.root().equals(rebuilt.root())).toBe(true);
    a.close();
    b.close();
  });

  it('concurrent catch-ups add each event once', async () => {
    await fill(under.store, 12);
    const log = new TransparencyLog(under.store, new MemoryTransparencyStorage(), { pageSize: 3 });
    await Promise.all([log.catchUp(), log.catchUp(), fill(under.store, 5, 12).then(() => log.catchUp())]);
    expect(log.size).toBe(17);
  });

  it('an SM3 log gives the same proofs shape and verifies with SM3 (issue #15 item 6)', async () => {
    await fill(under.store, 9);
    const log = new TransparencyLog(under.store, new MemoryTransparencyStorage('sm3'));
    await log.catchUp();
    const sha = new TransparencyLog(under.store, new MemoryTransparencyStorage('sha256'));
    await sha.catchUp();
    expect(log.root().equals(sha.root())).toBe(false);
    const h = treeHasher('sm3');
    expect(verifyInclusion(h, 4, 9, log.tree.leafHash(4), log.inclusionProof(4), log.root())).toBe(true);
    expect(verifyConsistency(h, 5, 9, log.root(5), log.root(), log.consistencyProof(5))).toBe(true);
  });
});

describe('the rewrite of issue #15 against an earlier tree head', () => {
  it('issue #15 "Why": an amount changed, the later hashes of its stream recomputed and its last event dropped — verifyAll says ok, the earlier head does not', async () => {
    const under = await temporarySqliteStore({ positions: 'dense' });
    try {
      const fund = (stream: string, amount: number, expectedRevision: number | 'no-stream') =>
        under.store.append(stream, [{ type: 'Funded', data: { amount } }], {
          expectedRevision,
          context: testContext(),
        });
      await fund('ledger-a', 100, 'no-stream');
      await fund('ledger-b', 7, 'no-stream');
      await fund('ledger-a', 200, 0);
      await fund('ledger-a', 300, 1);
      await fund('ledger-a', 400, 2);
      const log = new TransparencyLog(under.store, new MemoryTransparencyStorage());
      const head = { size: await log.catchUp(), root: log.root() };
      expect(head.size).toBe(5);
      expect(await checkHistoryAgainst(under.store, head, new MemoryTransparencyStorage())).toMatchObject({
        ok: true,
      });

      // The rewrite, straight in the database file: ledger-a revision 1's amount 200 → 250, the
      // hashes of revisions 1 and 2 recomputed (2's prevHash follows), its last event (revision 3,
      // the last of $all) dropped.
      await under.store.close();
      const raw = new Database(under.file);
      const read = raw.prepare<[number], { data: string; metadata: string }>(
        "SELECT data, metadata FROM events WHERE stream = 'ledger-a' AND revision = ?",
      );
      const write = raw.prepare<[string, string, number]>(
        "UPDATE events SET data = ?, metadata = ? WHERE stream = 'ledger-a' AND revision = ?",
      );
      let prevHash: string | undefined;
      for (const revision of [1, 2]) {
        const row = read.get(revision)!;
        const { hash: _old, ...stored } = JSON.parse(row.metadata) as EventMetadata;
        const unhashed = { ...stored, prevHash: prevHash ?? stored.prevHash };
        const data = revision === 1 ? { amount: 250 } : (JSON.parse(row.data) as unknown);
        const hash = eventHash({
          streamName: 'ledger-a',
          revision,
          type: 'Funded',
          data,
          metadata: unhashed,
        });
        write.run(canonicalJson(data), canonicalJson({ ...unhashed, hash }), revision);
        prevHash = hash;
      }
      raw.prepare("DELETE FROM events WHERE stream = 'ledger-a' AND revision = 3").run();
      raw.close();
      const reopened = openSqliteEventStore({ file: under.file, positions: 'dense' });
      try {
        // Today's check passes it…
        expect(await reopened.verifyAll()).toEqual({ ok: true, checked: 4 });
        // …the head recorded before the rewrite does not: the history is shorter,
        expect(await checkHistoryAgainst(reopened, head, new MemoryTransparencyStorage())).toMatchObject({
          ok: false,
          reason: 'history-shorter',
          size: 5,
          currentSize: 4,
        });
        // and an earlier head the rewritten event is part of (size 3: a0, b0, a1) has another root;
        expect(
          await checkHistoryAgainst(
            reopened,
            { size: 3, root: log.root(3) },
            new MemoryTransparencyStorage(),
          ),
        ).toMatchObject({
          ok: false,
          reason: 'root-mismatch',
          size: 3,
        });
        // a head from before the rewritten event still holds: the histories part at leaf 2.
        expect(
          await checkHistoryAgainst(
            reopened,
            { size: 2, root: log.root(2) },
            new MemoryTransparencyStorage(),
          ),
        ).toMatchObject({
          ok: true,
        });
      } finally {
        await reopened.close();
      }
    } finally {
      await under.dispose();
    }
  });
});
