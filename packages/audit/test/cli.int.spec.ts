import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flipLastDigit, makeTempDir, temporarySqliteStore } from '@zhaoshang/eventstore/testing';
import { manifestLine, type BundleManifest } from '../src';
import { main } from '../src/cli/main';
import { appendFixtureProject, positionAt, projectId } from './audit-fixture';

const run = async (argv: ReadonlyArray<string>) => {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
};

describe('zhaoshang-audit CLI', () => {
  let file: string;
  let dispose: () => Promise<void>;
  let count: number;
  let third: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    const t = await temporarySqliteStore();
    count = await appendFixtureProject(t.store);
    third = String(await positionAt(t.store, 2));
    await t.store.close(); // the CLI opens the file itself
    file = t.file;
    dispose = t.dispose;
  });
  afterAll(async () => {
    await dispose();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('history prints one line per event, or JSON', async () => {
    const human = await run(['history', projectId, '--events', file]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`${count} 个事件 events`);
    expect(human.stdout).toContain('LeadCaptured');
    const asJson = await run(['history', projectId, '--events', file, '--json']);
    expect((JSON.parse(asJson.stdout) as unknown[]).length).toBe(count);
  });

  it('as-of and diff take a date or a position', async () => {
    const byDate = await run(['as-of', projectId, '--date', '2024-03-03', '--events', file, '--json']);
    const byPosition = await run(['as-of', projectId, '--position', third, '--events', file, '--json']);
    expect(byDate.code).toBe(0);
    expect((JSON.parse(byDate.stdout) as { state: unknown }).state).toEqual(
      (JSON.parse(byPosition.stdout) as { state: unknown }).state,
    );
    const diff = await run([
      'diff',
      projectId,
      '--from',
      '2024-03-03',
      '--to',
      third,
      '--events',
      file,
      '--json',
    ]);
    expect(JSON.parse(diff.stdout)).toEqual([]);
    const human = await run(['diff', projectId, '--from', '1', '--to', '2099-01-01', '--events', file]);
    expect(human.stdout).toMatch(/处变化 changes/);
  });

  it('verify and verify-bundle exit 0 when intact, 1 when a byte is changed', async () => {
    expect((await run(['verify', '--events', file])).stdout).toContain(
      `校验通过 OK: $all, 已校验 checked ${count}`,
    );
    const dir = makeTempDir('audit-cli');
    dirs.push(dir);
    expect((await run(['export-bundle', dir, '--project', projectId, '--events', file])).code).toBe(0);
    expect(await run(['verify-bundle', dir])).toMatchObject({ code: 0 });
    flipLastDigit(join(dir, 'events.jsonl'), '"businessTime":"2024-03-02');
    const broken = await run(['verify-bundle', dir, '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({
      ok: false,
      problem: { code: 'HASH_MISMATCH', line: 2 },
    });
  });

  it('verify-bundle also reads the single-file form (lines, then the manifest line)', async () => {
    const dir = makeTempDir('audit-cli');
    dirs.push(dir);
    const exported = await run(['export-bundle', dir, '--events', file, '--json']);
    const single = join(dir, 'bundle.jsonl');
    writeFileSync(
      single,
      readFileSync(join(dir, 'events.jsonl'), 'utf8') +
        manifestLine(JSON.parse(exported.stdout) as BundleManifest),
    );
    expect((await run(['verify-bundle', single])).stdout).toContain(`已校验 checked ${count}`);
    writeFileSync(single, readFileSync(join(dir, 'events.jsonl')));
    const cut = await run(['verify-bundle', single, '--json']);
    expect(cut.code).toBe(1);
    expect(JSON.parse(cut.stdout)).toMatchObject({ ok: false, problem: { code: 'MANIFEST_UNREADABLE' } });
  });

  it('exits 2 on a usage error and 1 on an unknown project', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['history', projectId])).code).toBe(2);
    expect((await run(['as-of', projectId, '--date', 'tomorrow', '--events', file])).code).toBe(2);
    expect((await run(['verify', '--bogus', '--events', file])).code).toBe(2);
    expect((await run(['history', 'XM-NONE', '--events', file])).code).toBe(1);
  });
});
