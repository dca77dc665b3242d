import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  copyStore,
  ImportRefusedError,
  openSqliteEventStore,
  streamHeads,
  type CopyProgress,
  type EventStore,
  type SqliteEventStore,
  type StoredEvent,
} from '../src';
import { main } from '../src/cli/main';
import { doubledEsdbStore, makeTempDir, testContext, testPositions } from '../src/testing';
import { writeRealisticHistory } from './fixtures/realistic-store';

const withoutPosition = ({ globalPosition: _position, ...rest }: StoredEvent) => rest;

describe('copyStore: an embedded store into another, every event as recorded', () => {
  let dir: string;
  let sourceFile: string;
  let total: number;
  const open: SqliteEventStore[] = [];
  const store = (name: string): SqliteEventStore => {
    const s = openSqliteEventStore({
      file: join(dir, name),
      durability: 'normal',
      positions: testPositions(),
    });
    open.push(s);
    return s;
  };

  beforeAll(async () => {
    dir = makeTempDir('copy-store');
    sourceFile = join(dir, 'source.sqlite');
    const source = openSqliteEventStore({
      file: sourceFile,
      durability: 'normal',
      positions: testPositions(),
    });
    total = await writeRealisticHistory(source, { projects: 6, eventsPerProject: 80 });
    await source.close();
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the history event for event: same metadata and hashes, same $all order, same heads; the target verifies', async () => {
    const source = store('source.sqlite');
    const target = store('full.sqlite');
    const progress: CopyProgress[] = [];
    const report = await copyStore(source, target, { batchSize: 64, onProgress: (p) => progress.push(p) });
    expect(total).toBeGreaterThan(400);
    expect(report).toEqual({
      ok: true,
      read: total,
      imported: total,
      skipped: 0,
      streams: 6,
      targetOnlyStreams: 0,
      verify: { ok: true, checked: total },
      headMismatches: [],
    });
    const before = await source.readAll();
    const after = await target.readAll();
    expect(after.map(withoutPosition)).toEqual(before.map(withoutPosition));
    expect(new Set(before.map((e) => e.metadata.recordedAt)).size).toBeGreaterThan(1);
    expect(await streamHeads(target)).toEqual(await streamHeads(source));
    const copying = progress.filter((p) => p.phase === 'copying');
    expect(copying.map((p) => p.read)).toEqual(
      Array.from({ length: Math.ceil(total / 64) }, (_, i) => Math.min(total, (i + 1) * 64)),
    );
    const sourceLast = before[before.length - 1]?.globalPosition;
    expect(copying[copying.length - 1]).toMatchObject({ position: sourceLast, sourceHead: sourceLast });
    expect(progress.slice(-2).map((p) => p.phase)).toEqual(['verifying', 'comparing']);
    // The copy is a working store: appends continue the chains and retried commands are recognised.
    const [first] = before;
    if (first === undefined) throw new Error('empty source');
    const retried = await target.append(first.streamName, [{ type: 'Noted', data: {} }], {
      expectedRevision: 0,
      context: testContext({ commandId: first.metadata.commandId }),
    });
    expect(retried.duplicate).toBe(true);
  });

  it('resumes after an interruption: the second run writes only what is missing, a third nothing', async () => {
    const source = store('source.sqlite');
    const target = store('resumed.sqlite');
    const interrupted = copyStore(source, target, {
      batchSize: 50,
      onProgress: (p) => {
        if (p.read >= total / 2) throw new Error('interrupted'); // as a killed process stops
      },
    });
    await expect(interrupted).rejects.toThrow('interrupted');
    const half = (await target.readAll()).length;
    expect(half).toBeGreaterThanOrEqual(total / 2);
    expect(half).toBeLessThan(total);

    const resumed = await copyStore(source, target, { batchSize: 50 });
    expect(resumed).toMatchObject({ ok: true, read: total, imported: total - half, skipped: half });
    expect((await target.readAll()).map(withoutPosition)).toEqual(
      (await source.readAll()).map(withoutPosition),
    );
    expect(await copyStore(source, target)).toMatchObject({ ok: true, imported: 0, skipped: total });
  });

  it('resumes per stream, whatever order the earlier run wrote in', async () => {
    const source = store('source.sqlite');
    const target = store('one-stream-first.sqlite');
    const all = await source.readAll();
    const last = all[all.length - 1];
    if (last === undefined) throw new Error('empty source');
    const oneStream = all.filter((e) => e.streamName === last.streamName);
    await target.importRecorded(oneStream);
    const report = await copyStore(source, target, { batchSize: 100 });
    expect(report).toMatchObject({ ok: true, imported: total - oneStream.length, skipped: oneStream.length });
    expect(await streamHeads(target)).toEqual(await streamHeads(source));
  });

  it('refuses to graft the history onto a stream that holds another one', async () => {
    const source = store('source.sqlite');
    const target = store('diverged.sqlite');
    const [first] = await source.readAll({ maxCount: 1 });
    if (first === undefined) throw new Error('empty source');
    await target.append(
      first.streamName,
      [
        { type: 'Noted', data: { other: true } },
        { type: 'Noted', data: {} },
      ],
      {
        expectedRevision: 'no-stream',
        context: testContext(),
      },
    );
    const error = await copyStore(source, target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefusedError);
    expect(error).toMatchObject({ streamName: first.streamName, reason: 'revision-gap' });
    expect((await target.readStream(first.streamName)).map((e) => e.data)).toEqual([{ other: true }, {}]);
  });

  it('reports a source that moved while copying: its stream head differs', async () => {
    const source = store('source.sqlite');
    const target = store('moving.sqlite');
    const [first] = await source.readAll({ maxCount: 1 });
    if (first === undefined) throw new Error('empty source');
    // Another writer (an API left running) appends once the copy pass is over; reads wait for it.
    let late: Promise<unknown> | undefined;
    const watched: EventStore = {
      append: (...a) => source.append(...a),
      readStream: (...a) => source.readStream(...a),
      readAll: async (...a) => {
        await late;
        return source.readAll(...a);
      },
      subscribeToAll: (...a) => source.subscribeToAll(...a),
      verifyStream: (...a) => source.verifyStream(...a),
      verifyAll: () => source.verifyAll(),
      close: () => source.close(),
    };
    const report = await copyStore(watched, target, {
      onProgress: (p) => {
        if (p.phase !== 'verifying' || late !== undefined) return;
        late = source.append(first.streamName, [{ type: 'Noted', data: { late: true } }], {
          expectedRevision: 'any',
          context: testContext(),
        });
      },
    });
    expect(report.ok).toBe(false);
    expect(report.verify.ok).toBe(true);
    expect(report.headMismatches).toEqual([
      expect.objectContaining({ streamName: first.streamName, target: expect.objectContaining({}) }),
    ]);
    const mismatch = report.headMismatches[0];
    expect(mismatch && mismatch.source.revision).toBe((mismatch?.target?.revision ?? 0) + 1);
  });
});

describe('copyStore: the embedded store (sparse positions beyond 2^53) into EventStoreDB (the adapter on the client double) and back', () => {
  let dir: string;
  let source: SqliteEventStore;
  let total: number;

  beforeAll(async () => {
    dir = makeTempDir('copy-esdb');
    source = openSqliteEventStore({
      file: join(dir, 'sparse.sqlite'),
      durability: 'normal',
      positions: 'sparse',
    });
    total = await writeRealisticHistory(source, { projects: 4, eventsPerProject: 40 });
  });
  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies event for event into a server whose $all holds system events and whose pages are small; heads equal, verifies', async () => {
    const [first] = await source.readAll({ maxCount: 1 });
    expect(first?.globalPosition).toBeGreaterThan(2n ** 53n);
    const target = doubledEsdbStore({
      client: { firstPosition: 2n ** 60n, systemEventEvery: 2 },
      adapter: { pageSize: 16 },
    });
    try {
      const report = await copyStore(source, target.store, { batchSize: 25 });
      expect(report).toMatchObject({
        ok: true,
        read: total,
        imported: total,
        skipped: 0,
        streams: 4,
        headMismatches: [],
      });
      expect(report.verify).toEqual({ ok: true, checked: total });
      expect((await target.store.readAll()).map(withoutPosition)).toEqual(
        (await source.readAll()).map(withoutPosition),
      );
      expect(await copyStore(source, target.store, { batchSize: 25 })).toMatchObject({
        ok: true,
        imported: 0,
        skipped: total,
      });
      // And back, into a fresh embedded store: the same history again.
      const back = openSqliteEventStore({ file: join(dir, 'back.sqlite'), durability: 'normal' });
      try {
        expect(await copyStore(target.store, back, { batchSize: 7 })).toMatchObject({
          ok: true,
          imported: total,
        });
        expect(await streamHeads(back)).toEqual(await streamHeads(source));
      } finally {
        await back.close();
      }
    } finally {
      await target.dispose();
    }
  });

  it('resumes an interrupted copy into the server: the second run writes only what is missing', async () => {
    const target = doubledEsdbStore({ client: { systemEventEvery: 1 }, adapter: { pageSize: 10 } });
    try {
      const interrupted = copyStore(source, target.store, {
        batchSize: 20,
        onProgress: (p) => {
          if (p.read >= total / 2) throw new Error('interrupted');
        },
      });
      await expect(interrupted).rejects.toThrow('interrupted');
      const half = (await target.store.readAll()).length;
      const resumed = await copyStore(source, target.store, { batchSize: 20 });
      expect(resumed).toMatchObject({ ok: true, read: total, imported: total - half, skipped: half });
    } finally {
      await target.dispose();
    }
  });
});

describe('zhaoshang-eventstore copy (CLI)', () => {
  let dir: string;
  let sourceFile: string;
  let total: number;

  const run = async (argv: ReadonlyArray<string>) => {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  };

  beforeAll(async () => {
    dir = makeTempDir('copy-cli');
    sourceFile = join(dir, 'events.sqlite');
    const source = openSqliteEventStore({ file: sourceFile, durability: 'normal' });
    total = await writeRealisticHistory(source, { projects: 3, eventsPerProject: 60 });
    await source.close();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies SQLite → SQLite, exit 0, progress on stderr, a JSON summary; a re-run copies nothing more', async () => {
    const to = join(dir, 'nested', 'copy.sqlite');
    const first = await run(['copy', '--from', sourceFile, '--to', to, '--batch-size', '100', '--json']);
    expect(first.stderr).toContain(`已读取 read ${total}`);
    expect(first.stderr).toContain('verifying the target');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      ok: true,
      from: sourceFile,
      to,
      read: total,
      imported: total,
      skipped: 0,
      streams: 3,
      verify: { ok: true, checked: total },
      headMismatches: [],
    });
    const again = await run(['copy', '--from', sourceFile, '--to', to]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('迁移完成并通过校验 COPIED and verified');
    expect(again.stdout).toContain(`写入 imported 0，已存在 skipped ${total}`);
    expect(again.stdout).toContain('every stream head matches (3)');
  });

  it('exits 1 when the target holds another history under a stream name, saying why in both languages', async () => {
    const to = join(dir, 'diverged.sqlite');
    const source = openSqliteEventStore({ file: sourceFile });
    const [first] = await source.readAll({ maxCount: 1 });
    await source.close();
    if (first === undefined) throw new Error('empty source');
    const target = openSqliteEventStore({ file: to });
    await target.append(
      first.streamName,
      [
        { type: 'Noted', data: {} },
        { type: 'Noted', data: {} },
      ],
      {
        expectedRevision: 'no-stream',
        context: testContext(),
      },
    );
    await target.close();
    const r = await run(['copy', '--from', sourceFile, '--to', to]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[IMPORT_REFUSED]');
    expect(r.stderr).toContain('导入被拒绝');
    expect(r.stderr).toContain('Import refused');
  });

  it('exits 1 when the EventStoreDB server cannot be reached', async () => {
    // Port 1 on the loopback refuses at once: no server needed.
    const r = await run([
      'copy',
      '--from',
      sourceFile,
      '--to',
      'esdb://127.0.0.1:1?tls=false&defaultDeadline=5000',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[STORE_UNAVAILABLE]');
  });

  it.each([
    [[]],
    [['verify']],
    [['copy', '--to', 'x.sqlite']],
    [['copy', '--from', 'does-not-exist.sqlite', '--to', 'x.sqlite']],
    [['copy', '--from', '<source>', '--to', '<source>']],
    [['copy', '--from', '<source>', '--to', 'http://localhost:2113']],
    [['copy', '--from', '<source>', '--to', 'x.sqlite', '--batch-size', '0']],
    [['copy', '--from', '<source>', '--to', 'x.sqlite', '--unknown']],
    [['copy', '--from', 'esdb://localhost:2113', '--to', 'x.sqlite']],
  ])('exits 2 on a usage error: %j', async (argv) => {
    const r = await run(argv.map((a) => (a === '<source>' ? sourceFile : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法 usage: zhaoshang-eventstore');
    expect(r.stdout).toBe('');
  });
});
