import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { firstValueFrom, take, timeout, toArray } from 'rxjs';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import { canonicalJson, eventHash } from '../hash-chain';
import type { StoredEvent } from '../port';
import { makeTempDir, testContext } from '../testing';
import { migrations } from './schema';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';

describe('embedded SQLite adapter', () => {
  let dir: string;
  let file: string;
  const open: SqliteEventStore[] = [];
  const openStore = (options: Parameters<typeof openSqliteEventStore>[0] = { file }): SqliteEventStore => {
    const s = openSqliteEventStore(options);
    open.push(s);
    return s;
  };

  beforeEach(() => {
    dir = makeTempDir('es-sqlite');
    file = join(dir, 'events.sqlite');
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('file and durability settings', () => {
    it('opens the file in WAL mode with synchronous=FULL by default, and NORMAL when asked', () => {
      openStore();
      const raw = new Database(file, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      raw.close();
      const full = openStore({ file: join(dir, 'full.sqlite') }) as unknown as { db: Database.Database };
      expect(full.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      const normal = openStore({ file: join(dir, 'normal.sqlite'), durability: 'normal' }) as unknown as {
        db: Database.Database;
      };
      expect(normal.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    });

    it('records each schema version once in schema_migrations, across reopenings', async () => {
      const first = openStore();
      await first.close();
      openStore();
      const raw = new Database(file, { readonly: true });
      const rows = raw.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
      raw.close();
      expect(rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    });

    it('keeps events across a close and reopen', async () => {
      const a = openStore();
      await a.append('project-1', [{ type: 'Registered', data: { x: 1 } }], {
        expectedRevision: 'no-stream',
        context: testContext(),
      });
      await a.close();
      const b = openStore();
      expect((await b.readStream('project-1')).map((e) => e.data)).toEqual([{ x: 1 }]);
    });

    it('rejects with STORE_UNAVAILABLE once closed', async () => {
      const s = openStore();
      await s.close();
      await expect(s.readAll()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(
        s.append('p', [{ type: 'T', data: {} }], { expectedRevision: 'any', context: testContext() }),
      ).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    });

    it('rejects with STORE_UNAVAILABLE, keeping the cause, when the file cannot be opened', () => {
      expect(() => openSqliteEventStore({ file: join(dir, 'no', 'such', 'dir', 'x.sqlite') })).toThrow(
        StoreUnavailableError,
      );
    });
  });

  describe('group commit', () => {
    it('commits appends from concurrent callers in one transaction, each checked against its own expectation', async () => {
      const s = openStore();
      await s.append('busy', [{ type: 'T', data: { i: -1 } }], {
        expectedRevision: 'no-stream',
        context: testContext(),
      });
      const before = s.commitStats();
      const outcomes = await Promise.allSettled([
        s.append('a', [{ type: 'T', data: {} }], { expectedRevision: 'no-stream', context: testContext() }),
        s.append('b', [{ type: 'T', data: {} }], { expectedRevision: 'no-stream', context: testContext() }),
        s.append('busy', [{ type: 'T', data: { i: 1 } }], { expectedRevision: 0, context: testContext() }),
        s.append('busy', [{ type: 'T', data: { i: 2 } }], { expectedRevision: 1, context: testContext() }),
        s.append('busy', [{ type: 'T', data: { i: 9 } }], { expectedRevision: 0, context: testContext() }), // stale
        s.append('a', [{ type: 'T', data: {} }], { expectedRevision: 'no-stream', context: testContext() }), // taken just above
      ]);
      const after = s.commitStats();
      expect(after.transactions - before.transactions).toBe(1);
      expect(after.appends - before.appends).toBe(6);
      expect(outcomes.map((o) => o.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
        'fulfilled',
        'rejected',
        'rejected',
      ]);
      const stale = outcomes[4];
      expect(stale?.status === 'rejected' && stale.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(stale?.status === 'rejected' && stale.reason).toMatchObject({ actual: 2 });
      expect((await s.readStream('busy')).map((e) => e.data)).toEqual([{ i: -1 }, { i: 1 }, { i: 2 }]);
      expect(await s.verifyAll()).toEqual({ ok: true, checked: 5 });
    });

    it('without group commit each append is its own transaction', async () => {
      const s = openStore({ file, groupCommit: false });
      await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          s.append(`s-${i}`, [{ type: 'T', data: {} }], {
            expectedRevision: 'no-stream',
            context: testContext(),
          }),
        ),
      );
      expect(s.commitStats()).toEqual({ transactions: 5, appends: 5 });
    });

    it('rejects data that is not JSON (a bigint) alone, before it reaches the transaction', async () => {
      const s = openStore();
      await expect(
        s.append('x', [{ type: 'T', data: { n: 1n } }], { expectedRevision: 'any', context: testContext() }),
      ).rejects.toBeInstanceOf(TypeError);
      await expect(
        s.append('x', [], { expectedRevision: 'any', context: testContext() }),
      ).rejects.toBeInstanceOf(RangeError);
    });
  });

  describe('verification of the file', () => {
    it('finds an event deleted from the middle of the log (a gap in global positions)', async () => {
      const s = openStore();
      for (let i = 0; i < 5; i++) {
        await s.append(`s-${i % 2}`, [{ type: 'T', data: { i } }], {
          expectedRevision: 'any',
          context: testContext(),
        });
      }
      const raw = new Database(file);
      raw.prepare('DELETE FROM events WHERE position = 3').run();
      raw.close();
      expect(await s.verifyAll()).toMatchObject({
        ok: false,
        brokenAt: { position: 4n, reason: 'position-gap' },
      });
      expect(await s.verifyStream('s-0')).toMatchObject({
        ok: false,
        brokenAt: { revision: 2, reason: 'revision-gap' },
      });
    });

    it('reports an event whose stored JSON no longer parses as unreadable, instead of throwing', async () => {
      const s = openStore();
      await s.append('s', [{ type: 'T', data: { ok: true } }], {
        expectedRevision: 'any',
        context: testContext(),
      });
      const raw = new Database(file);
      raw.prepare(`UPDATE events SET data = '{"ok":tru' WHERE position = 1`).run();
      raw.close();
      expect(await s.verifyAll()).toMatchObject({
        ok: false,
        brokenAt: { position: 1n, reason: 'unreadable' },
      });
    });

    it('verifies page by page: the event loop turns between pages, later appends are not counted', async () => {
      const s = openStore({ file, durability: 'normal' });
      for (let i = 0; i < 5; i++) {
        await s.append(
          `s-${i % 3}`,
          Array.from({ length: 500 }, (_, n) => ({ type: 'T', data: { i, n, note: '季度' } })),
          { expectedRevision: 'any', context: testContext() },
        );
      }
      let turned = false;
      const verifying = s.verifyAll();
      setImmediate(() => {
        turned = true;
      });
      const late = s.append('s-late', [{ type: 'T', data: {} }], {
        expectedRevision: 'no-stream',
        context: testContext(),
      });
      expect(await verifying).toEqual({ ok: true, checked: 2_500 });
      await late;
      expect(turned).toBe(true);
      expect(await s.verifyStream('s-0')).toEqual({ ok: true, checked: 1_000 });
      expect(await s.verifyAll()).toEqual({ ok: true, checked: 2_501 });

      const raw = new Database(file);
      raw.prepare(`UPDATE events SET data = replace(data, '"n":99,', '"n":98,') WHERE position = 2100`).run();
      raw.close();
      expect(await s.verifyAll()).toMatchObject({
        ok: false,
        checked: 2_099,
        brokenAt: { position: 2100n, reason: 'hash-mismatch' },
      });
      expect(await s.verifyStream('s-1')).toMatchObject({
        ok: false,
        brokenAt: { position: 2100n, reason: 'hash-mismatch' },
      });
      await expect(s.verifyStream('none')).rejects.toMatchObject({ code: 'STREAM_NOT_FOUND' });
    });

    it('reports progress page by page and stops between pages when aborted', async () => {
      const s = openStore({ file, durability: 'normal' });
      for (let i = 0; i < 5; i++)
        await s.append(
          `s-${i}`,
          Array.from({ length: 500 }, (_, n) => ({ type: 'T', data: { n } })),
          {
            expectedRevision: 'no-stream',
            context: testContext(),
          },
        );
      const seen: Array<{ checked: number; position: bigint }> = [];
      expect(await s.verifyAll({ onProgress: (p) => seen.push(p) })).toEqual({ ok: true, checked: 2_500 });
      expect(seen).toEqual([
        { checked: 1_000, position: 1_000n },
        { checked: 2_000, position: 2_000n },
        { checked: 2_500, position: 2_500n },
      ]);
      const stop = new AbortController();
      const pages: number[] = [];
      const stopped = s.verifyAll({
        signal: stop.signal,
        onProgress: (p) => {
          pages.push(p.checked);
          stop.abort(new Error('enough'));
        },
      });
      await expect(stopped).rejects.toThrow('enough');
      expect(pages).toEqual([1_000]);
    });

    it('finds an event rewritten with a freshly computed hash: the next link no longer points to it', async () => {
      const s = openStore();
      await s.append(
        's',
        [
          { type: 'T', data: { amount: 1 } },
          { type: 'T', data: { amount: 2 } },
        ],
        {
          expectedRevision: 'no-stream',
          context: testContext(),
        },
      );
      const [first] = await s.readStream('s');
      if (first === undefined) throw new Error('no event');
      const { hash: _old, ...unhashed } = first.metadata;
      const forged = {
        ...unhashed,
        hash: eventHash({
          streamName: 's',
          revision: 0,
          type: 'T',
          data: { amount: 100 },
          metadata: unhashed,
        }),
      };
      const raw = new Database(file);
      raw
        .prepare('UPDATE events SET data = ?, metadata = ? WHERE position = 1')
        .run('{"amount":100}', canonicalJson(forged));
      raw.close();
      expect(await s.verifyStream('s')).toMatchObject({
        ok: false,
        brokenAt: { revision: 1, reason: 'prev-hash-mismatch' },
      });
    });
  });

  describe('subscriptions', () => {
    it('see commits made by another process on the same file when a poll interval is set', async () => {
      const writer = openStore();
      const reader = openStore({ file, pollIntervalMs: 20 });
      const got = firstValueFrom(reader.subscribeToAll().pipe(take(3), toArray(), timeout(5_000)));
      for (let i = 0; i < 3; i++) {
        await writer.append('p', [{ type: 'T', data: { i } }], {
          expectedRevision: 'any',
          context: testContext(),
        });
      }
      expect((await got).map((e: StoredEvent) => e.data)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
    });

    it('complete when the store closes', async () => {
      const s = openStore();
      let completed = false;
      s.subscribeToAll().subscribe({ complete: () => (completed = true) });
      await s.close();
      expect(completed).toBe(true);
    });
  });
});
