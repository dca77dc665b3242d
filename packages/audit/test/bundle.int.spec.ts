import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flipLastDigit, makeTempDir, temporarySqliteStore } from '@zhaoshang/eventstore/testing';
import { EVENTS_FILE, exportBundle, MANIFEST_FILE, verifyBundle, type BundleManifest } from '../src';
import { appendFixtureProject, positionAt, projectId } from './audit-fixture';

describe('audit bundle (审计包)', () => {
  let dir: string;
  let count: number;
  let first: bigint;
  let last: bigint;

  beforeEach(async () => {
    const t = await temporarySqliteStore();
    try {
      count = await appendFixtureProject(t.store);
      await t.store.append('project-XM-OTHER', [{ type: 'Noise', data: { n: 1 } }], {
        expectedRevision: 'no-stream',
        context: {
          commandId: 'other',
          actor: { userId: 'u', role: 'r', unitId: 'x' },
          businessTime: '2024-04-01T00:00:00Z',
        },
      });
      dir = makeTempDir('audit-bundle');
      first = await positionAt(t.store, 0);
      last = await positionAt(t.store, count);
      await exportBundle(t.store, {}, dir);
    } finally {
      await t.dispose();
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const manifest = (): BundleManifest =>
    JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BundleManifest;

  it('exports every event and a manifest that verifies offline', () => {
    const m = manifest();
    expect(m).toMatchObject({
      format: 1,
      count: count + 1,
      fromPosition: String(first),
      toPosition: String(last),
    });
    expect(m.streams[`project-${projectId}`]?.revision).toBe(count - 1);
    expect(readFileSync(join(dir, EVENTS_FILE), 'utf8').split('\n')[0]).toContain(
      `"globalPosition":"${first}"`,
    );
    expect(verifyBundle(dir)).toEqual({ ok: true, checked: count + 1 });
  });

  it('exports one project only when asked', async () => {
    const t = await temporarySqliteStore();
    const one = makeTempDir('audit-bundle');
    try {
      await appendFixtureProject(t.store);
      const m = await exportBundle(t.store, { projectId }, one);
      expect(Object.keys(m.streams)).toEqual([`project-${projectId}`]);
      expect(verifyBundle(one)).toEqual({ ok: true, checked: count });
    } finally {
      await t.dispose();
      rmSync(one, { recursive: true, force: true });
    }
  });

  it('detects one byte changed in events.jsonl', () => {
    flipLastDigit(join(dir, EVENTS_FILE), '"businessTime":"2024-03-02'); // revision 1
    expect(verifyBundle(dir)).toMatchObject({
      ok: false,
      checked: 1,
      problem: { code: 'HASH_MISMATCH', line: 2, revision: 1 },
    });
  });

  it('detects a line removed', () => {
    const file = join(dir, EVENTS_FILE);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(2, 1);
    writeFileSync(file, lines.join('\n'));
    expect(verifyBundle(dir)).toMatchObject({
      ok: false,
      problem: { code: 'REVISION_GAP', line: 3, revision: 3 },
    });
  });

  it('detects the last line removed (the manifest no longer matches)', () => {
    const file = join(dir, EVENTS_FILE);
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    writeFileSync(file, `${lines.slice(0, -1).join('\n')}\n`);
    expect(verifyBundle(dir)).toMatchObject({ ok: false, problem: { code: 'COUNT_MISMATCH' } });
  });

  it('detects an edited manifest', () => {
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest(), eventsSha256: 'f'.repeat(64) }));
    expect(verifyBundle(dir)).toMatchObject({ ok: false, problem: { code: 'FILE_HASH_MISMATCH' } });
    const m = manifest();
    writeFileSync(
      join(dir, MANIFEST_FILE),
      JSON.stringify({
        ...m,
        streams: { ...m.streams, 'project-XM-OTHER': { revision: 1, hash: '0'.repeat(64) } },
      }),
    );
    expect(verifyBundle(dir)).toMatchObject({ ok: false, problem: { code: 'HEADS_MISMATCH' } });
  });
});
