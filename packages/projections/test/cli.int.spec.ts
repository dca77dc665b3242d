import { openSqliteEventStore } from '@zhaoshang/eventstore';
import { testPositions } from '@zhaoshang/eventstore/testing';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main';
import { openSqliteReadModelStore } from '../src/stores/sqlite/sqlite-read-model-store';
import { appendScenario, goldenStreams } from '../src/testing';

describe('command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projections-cli-'));
    const events = openSqliteEventStore({
      file: join(dir, 'events.sqlite'),
      durability: 'normal',
      positions: testPositions(),
    });
    await appendScenario(events, goldenStreams());
    await events.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: {},
      progress: false,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const files = () => ['--events', join(dir, 'events.sqlite'), '--read-models', join(dir, 'rm.sqlite')];

  it('status at a read-model path that does not exist is a usage error and creates nothing', async () => {
    const r = await run('status', ...files());
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--read-models: 没有该文件 no such file: ${join(dir, 'rm.sqlite')}`);
    expect(existsSync(join(dir, 'rm.sqlite'))).toBe(false);
  });

  it('status before anything is built says so, with the lag', async () => {
    await openSqliteReadModelStore({ file: join(dir, 'rm.sqlite') }).close();
    const r = await run('status', ...files());
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/register\t\d+\tnot built\t-\t\d+/);
  });

  it('rebuild one projection, then all; status shows every checkpoint at the head', async () => {
    expect((await run('rebuild', 'register', ...files())).out).toMatch(
      /rebuilt register into .*rm\.sqlite up to position \d+/,
    );
    const all = await run('rebuild', ...files());
    expect(all.code).toBe(0);
    const status = await run('status', ...files());
    expect(status.code).toBe(0);
    for (const name of ['register', 'target-progress', 'performance-review', 'fulfilment', 'supervision'])
      expect(status.out).toMatch(new RegExp(`${name}\\t\\d+\\tok\\t\\d+\\t0`));
  });

  it('refuses an unknown projection or command with the usage', async () => {
    expect((await run('rebuild', 'nonsense', ...files())).code).toBe(2);
    expect((await run('frobnicate', ...files())).err).toMatch(/usage:/);
  });
});

describe('command line: a parked projection, retried or skipped by an operator', () => {
  let dir: string;
  let badAt: bigint;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projections-cli-park-'));
    const events = openSqliteEventStore({
      file: join(dir, 'events.sqlite'),
      durability: 'normal',
      positions: testPositions(),
    });
    await appendScenario(events, goldenStreams());
    const context = (commandId: string) => ({
      commandId,
      actor: { userId: 'u', role: 'officer', unitId: 'x' },
      businessTime: '2024-12-31T00:00:00.000Z',
    });
    badAt = (
      await events.append(
        'target-plan-jingkai-2025',
        [{ type: 'AnnualTargetsSet', data: { unitId: 'jingkai', year: 'next year' } }],
        {
          expectedRevision: 'no-stream',
          context: context('bad-plan'),
        },
      )
    ).position;
    await events.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: {},
      progress: false,
      until: Promise.resolve(),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const files = () => ['--events', join(dir, 'events.sqlite'), '--read-models', join(dir, 'rm.sqlite')];

  it('status shows where a projection is parked and the commands that release it; skip needs the parked position, moves past it and is recorded; retry tries the event again', async () => {
    const built = await run('rebuild', ...files());
    expect(built.code).toBe(1);
    expect(built.out).toMatch(
      new RegExp(
        `target-progress\\t\\d+\\tparked\\t\\d+\\t1\\t\\d+\\t搁置于 parked at position ${badAt} \\(target-plan-jingkai-2025 #0, AnnualTargetsSet\\): cannot decode`,
      ),
    );
    expect(built.out).toContain(`skip target-progress --position ${badAt}`);
    expect(built.out).toMatch(/register\t\d+\tok\t\d+\t0\t0\t/);

    expect((await run('skip', 'target-progress', '--position', '1', ...files())).code).toBe(1); // not the parked event
    const skipped = await run(
      'skip',
      'target-progress',
      '--position',
      String(badAt),
      '--by',
      'ops-wang',
      ...files(),
    );
    expect(skipped.code).toBe(0);
    const status = await run('status', ...files());
    expect(status.out).toMatch(new RegExp(`target-progress\\t\\d+\\tok\\t${badAt}\\t0\\t`));
    expect(status.out).toMatch(
      new RegExp(
        `已跳过 skipped: target-progress at position ${badAt} \\(target-plan-jingkai-2025 #0, AnnualTargetsSet\\) by ops-wang at .*: cannot decode`,
      ),
    );

    // Retry: the runner tries the event again; it still cannot be read, so it parks again (loudly).
    expect((await run('retry', 'performance-review', ...files())).code).toBe(0);
    expect((await run('retry', 'performance-review', ...files())).code).toBe(1); // not parked any more
    const ran = await run('run', ...files());
    expect(ran.code).toBe(0);
    expect(ran.err).toContain('projection parked');
    expect((await run('status', ...files())).out).toMatch(
      new RegExp(`performance-review\\t\\d+\\tparked\\t\\d+\\t1\\t`),
    );
  });
});
