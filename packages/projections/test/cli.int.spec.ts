import { openSqliteEventStore } from '@zhaoshang/eventstore';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main';
import { appendScenario, goldenStreams } from '../src/testing';

describe('command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projections-cli-'));
    const events = openSqliteEventStore({ file: join(dir, 'events.sqlite'), durability: 'normal' });
    await appendScenario(events, goldenStreams());
    await events.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, progress: false });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const files = () => ['--events', join(dir, 'events.sqlite'), '--read-models', join(dir, 'rm.sqlite')];

  it('status before anything is built says so, with the lag', async () => {
    const r = await run('status', ...files());
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/register\t\d+\tnot built\t-\t\d+/);
  });

  it('rebuild one projection, then all; status shows every checkpoint at the head', async () => {
    expect((await run('rebuild', 'register', ...files())).out).toMatch(/rebuilt register into .*rm\.sqlite up to position \d+/);
    const all = await run('rebuild', ...files());
    expect(all.code).toBe(0);
    const status = await run('status', ...files());
    expect(status.code).toBe(0);
    for (const name of ['register', 'target-progress', 'performance-review', 'fulfilment', 'supervision']) expect(status.out).toMatch(new RegExp(`${name}\\t\\d+\\tok\\t\\d+\\t0`));
  });

  it('refuses an unknown projection or command with the usage', async () => {
    expect((await run('rebuild', 'nonsense', ...files())).code).toBe(2);
    expect((await run('frobnicate', ...files())).err).toMatch(/usage:/);
  });
});
