import { createReadStream, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { EventStore, ReadAllOptions } from '@zhaoshang/eventstore';
import { makeTempDir, temporarySqliteStore } from '@zhaoshang/eventstore/testing';
import {
  EVENTS_FILE,
  exportBundle,
  MANIFEST_FILE,
  manifestLine,
  verifyBundle,
  type BundleManifest,
} from '../src';
import { writeBundle } from '../src/bundle';
import { appendFixtureProject, positionAt, projectId } from './audit-fixture';

const context = (commandId: string) => ({
  commandId,
  actor: { userId: 'u-li', role: 'auditor', unitId: 'shenji' },
  businessTime: '2024-05-01T02:00:00.000Z',
});

/** A store of `streams` × `perStream` events, appended a stream at a time in interleaved rounds. */
const bigStore = async (streams: number, perStream: number) => {
  const t = await temporarySqliteStore({ durability: 'normal' });
  for (let round = 0; round < perStream / 50; round += 1)
    await Promise.all(
      Array.from({ length: streams }, (_, s) =>
        t.store.append(
          `project-BIG-${s}`,
          Array.from({ length: 50 }, (_, n) => ({
            type: 'ProgressReported',
            data: { s, n: round * 50 + n, note: '季度进度 quarterly progress', amountFen: n * 1000 },
          })),
          {
            expectedRevision: round === 0 ? 'no-stream' : round * 50 - 1,
            context: context(`c-${s}-${round}`),
          },
        ),
      ),
    );
  return t;
};

/** Counts the reads a store serves and the largest page asked for. */
const counting = (store: EventStore) => {
  const seen = { readAll: 0, largestPage: 0 };
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'readAll')
        return (options: ReadAllOptions = {}) => {
          if (options.direction !== 'backwards') {
            seen.readAll += 1;
            seen.largestPage = Math.max(seen.largestPage, options.maxCount ?? Infinity);
          }
          return target.readAll(options);
        };
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { store: proxy, seen };
};

describe('audit bundles, streamed (审计包: 流式导出与校验)', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const d = makeTempDir('audit-bundle-stream');
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe('a large-ish store (30,000 events, 150 streams)', () => {
    let t: Awaited<ReturnType<typeof bigStore>>;
    let dir: string;
    let manifest: BundleManifest;
    let reads: { readAll: number; largestPage: number };
    beforeAll(async () => {
      t = await bigStore(150, 200);
      dir = tempDir();
      const c = counting(t.store);
      manifest = await exportBundle(c.store, {}, dir);
      reads = c.seen;
    }, 60_000);
    afterAll(() => t.dispose());

    it('is read from the store a page at a time and verifies, the file read in chunks', async () => {
      expect(manifest).toMatchObject({
        count: 30_000,
        fromPosition: String(await positionAt(t.store, 0)),
        toPosition: String(await positionAt(t.store, 29_999)),
      });
      expect(Object.keys(manifest.streams)).toHaveLength(150);
      expect(reads.largestPage).toBeLessThanOrEqual(1001);
      expect(reads.readAll).toBeGreaterThanOrEqual(30);
      expect(statSync(join(dir, EVENTS_FILE)).size).toBeGreaterThan(4 * (1 << 20)); // several read chunks
      expect(verifyBundle(dir)).toEqual({ ok: true, checked: 30_000 });
    });

    it('writes the same bytes one line per event, whatever the page size', async () => {
      let text = '';
      const again = await writeBundle(
        t.store,
        {},
        (chunk) => {
          text += chunk;
        },
        7,
      );
      expect(again).toEqual(manifest);
      expect(text).toBe(readFileSync(join(dir, EVENTS_FILE), 'utf8'));
      let lines = 0;
      const at12345 = String(await positionAt(t.store, 12_344));
      for await (const line of createInterface({ input: createReadStream(join(dir, EVENTS_FILE)) })) {
        lines += 1;
        if (lines === 12_345) expect(JSON.parse(line)).toMatchObject({ globalPosition: at12345 });
      }
      expect(lines).toBe(30_000);
    });

    it('finds a changed event deep in the file', () => {
      const copy = tempDir();
      const lines = readFileSync(join(dir, EVENTS_FILE), 'utf8').split('\n');
      lines[24_999] = (lines[24_999] ?? '').replace('"amountFen":', '"amountFen":1');
      writeFileSync(join(copy, EVENTS_FILE), lines.join('\n'));
      writeFileSync(join(copy, MANIFEST_FILE), readFileSync(join(dir, MANIFEST_FILE)));
      expect(verifyBundle(copy)).toMatchObject({
        ok: false,
        checked: 24_999,
        problem: { code: 'HASH_MISMATCH', line: 25_000 },
      });
    });
  });

  it('leaves out events appended while it exports: the bundle ends at the head it started from', async () => {
    const t = await bigStore(3, 50);
    try {
      let appended = false;
      const m = await writeBundle(
        t.store,
        {},
        async () => {
          if (appended) return;
          appended = true;
          await t.store.append('project-LATE', [{ type: 'Noted', data: {} }], {
            expectedRevision: 'no-stream',
            context: context('late'),
          });
        },
        10,
      );
      expect(appended).toBe(true);
      expect(m).toMatchObject({ count: 150, toPosition: String(await positionAt(t.store, 149)) });
      expect(Object.keys(m.streams)).not.toContain('project-LATE');
      const hundredth = await positionAt(t.store, 99);
      const upTo = await writeBundle(t.store, { toPosition: hundredth }, () => undefined);
      expect(upTo).toMatchObject({ count: 100, toPosition: String(hundredth) });
    } finally {
      await t.dispose();
    }
  });

  describe('the single-file form (lines, then {"manifest":…})', () => {
    let file: string;
    let count: number;
    beforeAll(async () => {
      const t = await temporarySqliteStore();
      try {
        count = await appendFixtureProject(t.store);
        file = join(tempDir(), 'bundle.jsonl');
        let text = '';
        const m = await writeBundle(t.store, { projectId }, (chunk) => {
          text += chunk;
        });
        writeFileSync(file, text + manifestLine(m));
      } finally {
        await t.dispose();
      }
    });

    it('verifies, and splits into a directory bundle that verifies', () => {
      expect(verifyBundle(file)).toEqual({ ok: true, checked: count });
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines.pop()).toBe('');
      const trailer = JSON.parse(lines.pop() ?? '') as { manifest: BundleManifest };
      const dir = tempDir();
      writeFileSync(join(dir, EVENTS_FILE), `${lines.join('\n')}\n`);
      writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(trailer.manifest));
      expect(verifyBundle(dir)).toEqual({ ok: true, checked: count });
    });

    it('says a cut download has no manifest, and finds a changed line', () => {
      const bytes = readFileSync(file);
      const cut = join(tempDir(), 'cut.jsonl');
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      expect(verifyBundle(cut)).toMatchObject({ ok: false, problem: { code: 'MANIFEST_UNREADABLE' } });
      writeFileSync(cut, '');
      expect(verifyBundle(cut)).toMatchObject({ ok: false, problem: { code: 'MANIFEST_UNREADABLE' } });
      const changed = join(tempDir(), 'changed.jsonl');
      writeFileSync(
        changed,
        bytes.toString('utf8').replace('"businessTime":"2024-03-03T02', '"businessTime":"2024-03-03T03'),
      );
      expect(verifyBundle(changed)).toMatchObject({
        ok: false,
        checked: 2,
        problem: { code: 'HASH_MISMATCH', line: 3, revision: 2 },
      });
    });
  });
});

/** Problem codes not covered by bundle.int.spec.ts, each provoked on a small exported bundle. */
describe('bundle problem codes', () => {
  let dir: string;
  let count: number;
  let lines: string[];
  beforeEach(async () => {
    const t = await temporarySqliteStore();
    try {
      count = await appendFixtureProject(t.store);
      dir = makeTempDir('audit-bundle-codes');
      await exportBundle(t.store, {}, dir);
      lines = readFileSync(join(dir, EVENTS_FILE), 'utf8').split('\n');
    } finally {
      await t.dispose();
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A line as parsed, editable. */
  type Line = { globalPosition: string; data: Record<string, unknown>; metadata: Record<string, unknown> };
  const rewrite = (edit: (parsed: Line[]) => void): void => {
    const parsed = lines.filter((l) => l !== '').map((l) => JSON.parse(l) as Line);
    edit(parsed);
    writeFileSync(join(dir, EVENTS_FILE), parsed.map((e) => `${JSON.stringify(e)}\n`).join(''));
  };

  it('MANIFEST_UNREADABLE: unknown format, no manifest, no bundle at all', () => {
    writeFileSync(join(dir, MANIFEST_FILE), '{"format":2}');
    expect(verifyBundle(dir)).toMatchObject({ ok: false, problem: { code: 'MANIFEST_UNREADABLE' } });
    rmSync(join(dir, MANIFEST_FILE));
    expect(verifyBundle(dir)).toMatchObject({ ok: false, problem: { code: 'MANIFEST_UNREADABLE' } });
    expect(verifyBundle(join(dir, 'nowhere'))).toMatchObject({
      ok: false,
      problem: { code: 'MANIFEST_UNREADABLE' },
    });
  });

  it('EVENTS_UNREADABLE when events.jsonl is missing', () => {
    rmSync(join(dir, EVENTS_FILE));
    expect(verifyBundle(dir)).toMatchObject({ ok: false, problem: { code: 'EVENTS_UNREADABLE' } });
  });

  it('LINE_UNREADABLE at the line', () => {
    lines[3] = '{"streamName":"project-x"';
    writeFileSync(join(dir, EVENTS_FILE), lines.join('\n'));
    expect(verifyBundle(dir)).toMatchObject({
      ok: false,
      checked: 3,
      problem: { code: 'LINE_UNREADABLE', line: 4 },
    });
  });

  it('POSITION_NOT_INCREASING', () => {
    rewrite((events) => {
      const e = events[5];
      if (e !== undefined) e.globalPosition = '2';
    });
    expect(verifyBundle(dir)).toMatchObject({
      ok: false,
      problem: { code: 'POSITION_NOT_INCREASING', line: 6, revision: 5 },
    });
  });

  it('PREV_HASH_MISMATCH', () => {
    rewrite((events) => {
      const e = events[7];
      if (e !== undefined) e.metadata['prevHash'] = 'a'.repeat(64);
    });
    expect(verifyBundle(dir)).toMatchObject({
      ok: false,
      problem: { code: 'PREV_HASH_MISMATCH', line: 8, revision: 7 },
    });
  });

  it('RANGE_MISMATCH', () => {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BundleManifest;
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ ...m, fromPosition: '0' }));
    expect(verifyBundle(dir)).toMatchObject({
      ok: false,
      checked: count,
      problem: { code: 'RANGE_MISMATCH' },
    });
  });

  it('judges a line by value when its keys are not in canonical order (same content verifies)', () => {
    rewrite((events) => {
      const e = events[0];
      if (e !== undefined) e.data = Object.fromEntries(Object.entries(e.data).reverse());
    });
    const report = verifyBundle(dir);
    // Same events, new bytes: every event verifies, only the file's SHA-256 differs from the manifest.
    expect(report).toMatchObject({ ok: false, checked: count, problem: { code: 'FILE_HASH_MISMATCH' } });
  });
});
