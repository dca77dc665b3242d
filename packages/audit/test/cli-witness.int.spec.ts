import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteEventStore } from '@zhaoshang/eventstore';
import { makeTempDir, temporarySqliteStore } from '@zhaoshang/eventstore/testing';
import { transparency, type BundleLine } from '../src';
import type { Divergence } from '../src/transparency';
import { main } from '../src/cli/main';
import { appendFixtureProject, projectId } from './audit-fixture';
import { forge, readLines } from './forge';

const run = async (argv: ReadonlyArray<string>) => {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
};

const ORIGIN = 'zhaoshang.example/log';
const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? '';

describe('zhaoshang-audit witness and verify-bundle --key (issue 15 · 4, 5)', () => {
  let dir: string;
  let file: string;
  let dispose: () => Promise<void>;
  const at = (name: string): string => join(dir, name);
  let logVkey: string;
  let witnessVkey: string;

  beforeAll(async () => {
    dir = makeTempDir('audit-witness');
    const t = await temporarySqliteStore();
    await appendFixtureProject(t.store);
    await t.store.close();
    file = t.file;
    dispose = t.dispose;
  }, 60_000);
  afterAll(async () => {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('issue 15 · 4: a witness co-signs a checkpoint that extends the last one, and refuses a rewritten history with the proof of divergence', async () => {
    const keygen = await run(['transparency-keygen', ORIGIN, '--out', at('log.key')]);
    expect(keygen.code).toBe(0);
    logVkey = lastLine(keygen.stdout);
    expect(
      (
        await run([
          'export-bundle',
          at('b1'),
          '--events',
          file,
          '--origin',
          ORIGIN,
          '--log-key-file',
          at('log.key'),
        ])
      ).code,
    ).toBe(0);
    const init = await run([
      'witness',
      'init',
      '--witness-key',
      at('w.key'),
      '--name',
      'shenji.example/witness',
      '--log-key',
      logVkey,
      '--origin',
      ORIGIN,
      '--state',
      at('w.state'),
    ]);
    expect(init.code).toBe(0);
    witnessVkey = lastLine(init.stdout);
    const cosign = (bundle: string, state = at('w.state'), out?: string) =>
      run([
        'witness',
        'cosign',
        '--bundle',
        bundle,
        '--witness-key',
        at('w.key'),
        '--state',
        state,
        ...(out === undefined ? [] : ['--out', out]),
      ]);

    // First sight: trusted on first use, co-signed.
    const c1 = await cosign(at('b1'), at('w.state'), at('c1.txt'));
    expect(c1.code).toBe(0);
    expect(
      readFileSync(at('c1.txt'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('— ')),
    ).toHaveLength(2);
    copyFileSync(at('w.state'), at('w-at-c1.state'));

    // The log grows honestly; the new bundle carries the co-signed checkpoint; the witness co-signs again.
    const store = openSqliteEventStore({ file });
    await store.append(
      'project-XM-OTHER',
      [
        { type: 'Noise', data: { n: 1 } },
        { type: 'Noise', data: { n: 2 } },
      ],
      {
        expectedRevision: 'no-stream',
        context: {
          commandId: 'o',
          actor: { userId: 'u', role: 'r', unitId: 'x' },
          businessTime: '2024-04-01T00:00:00Z',
        },
      },
    );
    await store.close();
    expect(
      (
        await run([
          'export-bundle',
          at('b2'),
          '--events',
          file,
          '--origin',
          ORIGIN,
          '--log-key-file',
          at('log.key'),
          '--checkpoint',
          at('c1.txt'),
        ])
      ).code,
    ).toBe(0);
    expect((await cosign(at('b2'), at('w.state'), at('c2.txt'))).code).toBe(0);

    // The rewrite of the issue, re-signed by the log: the witness at the latest head sees the tree shrink…
    const logKey = transparency.parseSignerKey(readFileSync(at('log.key'), 'utf8'));
    if (typeof logKey === 'string') throw new Error(logKey);
    const stream = `project-${projectId}`;
    forge(
      at('b2'),
      at('b3'),
      { origin: ORIGIN, logKey, earlier: [readFileSync(at('c1.txt'), 'utf8')] },
      (ls: BundleLine[]) => {
        const last = ls.map((l) => l.streamName).lastIndexOf(stream);
        return ls
          .map((l, i) =>
            i === 0 ? { ...l, data: { ...(l.data as object), intendedInvestment: 999_999_999 } } : l,
          )
          .filter((_, i) => i !== last);
      },
    );
    const shrank = await cosign(at('b3'));
    expect(shrank.code).toBe(1);
    expect(shrank.stderr).toContain('拒绝联署 REFUSED TREE_SHRANK');
    expect(shrank.stderr).toContain('not co-signed');
    const evidence = JSON.parse(readFileSync(at('b3.divergence.json'), 'utf8')) as Divergence;
    expect(evidence).toMatchObject({ kind: 'tlog-divergence', reason: 'TREE_SHRANK' });
    expect(evidence.witnessed).toBe(readFileSync(at('c2.txt'), 'utf8'));

    // …and a witness still at the first head finds the forged history inconsistent with it, with a checkable proof.
    const inconsistent = await cosign(at('b3'), at('w-at-c1.state'));
    expect(inconsistent.code).toBe(1);
    expect(inconsistent.stderr).toContain('NOT_CONSISTENT');
    const proof = JSON.parse(readFileSync(at('b3.divergence.json'), 'utf8')) as Divergence;
    const witnessed = transparency.parseCheckpoint(proof.witnessed);
    const offered = transparency.parseCheckpoint(proof.offered);
    if (typeof witnessed === 'string' || typeof offered === 'string') throw new Error('unreadable evidence');
    const prefix = new Uint8Array(Buffer.from(proof.offeredPrefixRoot ?? '', 'base64'));
    // The offered (log-signed) tree provably starts with a prefix whose root is not the witnessed root.
    expect(
      transparency.verifyConsistency(
        witnessed.size,
        offered.size,
        prefix,
        offered.root,
        (proof.prefixConsistencyProof ?? []).map((p) => new Uint8Array(Buffer.from(p, 'base64'))),
      ),
    ).toBe(true);
    expect(transparency.equalHashes(prefix, witnessed.root)).toBe(false);
    expect(existsSync(at('w.state'))).toBe(true);
  }, 60_000);

  it('issue 15 · 5: verify-bundle --key checks the checkpoints offline and names where the histories part', async () => {
    const ok = await run([
      'verify-bundle',
      at('b2'),
      '--key',
      logVkey,
      '--key',
      witnessVkey,
      '--against',
      at('b1'),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('检查点校验通过 checkpoints OK');
    const broken = await run([
      'verify-bundle',
      at('b3'),
      '--key',
      logVkey,
      '--key',
      witnessVkey,
      '--against',
      at('b1'),
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('审计包校验通过 bundle OK'); // the hash chains alone see nothing
    const firstPosition = readLines(at('b2'))[0]?.globalPosition;
    expect(broken.stdout).toContain(`检查点校验失败 checkpoints BROKEN: HISTORY_DIVERGES`);
    expect(broken.stdout).toContain(
      `histories part at 第 1 个事件 event #1 of $all: 本包位置 position here ${firstPosition}`,
    );
  });
});
