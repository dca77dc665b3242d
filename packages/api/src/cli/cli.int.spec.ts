import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Authenticator } from '../auth/authenticator';
import { DEV_JWT_SECRET, loadConfig } from '../config';
import { EXIT_OK, EXIT_REFUSED, EXIT_USAGE, runCli } from './main';

/** `zhaoshang-api keys add|list|revoke`, `token`, `secret` (issue #13 item 1). */
describe('zhaoshang-api command line', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-cli-'));
    env = { DATA_DIR: dir };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, env, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  };

  it('keys add prints the key once and stores only its hash; the server authenticates it; revoke ends it', async () => {
    const added = await run('keys', 'add', '统计平台', 'statistics-bureau', 'region');
    expect(added.code).toBe(EXIT_OK);
    const key = added.stdout.trim();
    expect(key).toMatch(/^zk_[A-Za-z0-9_-]{43}$/);
    const file = readFileSync(path.join(dir, 'api-keys.json'), 'utf8');
    expect(file).not.toContain(key);
    const config = loadConfig(env);
    const principal = await new Authenticator(config.apiKeys, DEV_JWT_SECRET, 'zhaoshang').authenticate({
      'x-api-key': key,
    });
    expect(principal).toEqual({
      userId: 'system:统计平台',
      role: 'statistics-bureau',
      unitId: 'region',
      via: 'api-key',
    });

    expect((await run('keys', 'add', '统计平台', 'auditor', 'region')).code).toBe(EXIT_REFUSED);
    const list = await run('keys', 'list', '--json');
    const [entry] = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
    expect(entry).toMatchObject({ name: '统计平台', role: 'statistics-bureau', unitId: 'region' });
    expect(entry).not.toHaveProperty('sha256');

    expect((await run('keys', 'revoke', '统计平台')).code).toBe(EXIT_OK);
    expect((await run('keys', 'revoke', '统计平台')).code).toBe(EXIT_REFUSED);
    await expect(
      new Authenticator(loadConfig(env).apiKeys, DEV_JWT_SECRET, 'zhaoshang').authenticate({
        'x-api-key': key,
      }),
    ).rejects.toThrow(/unknown API key/);
    expect((await run('keys', 'list')).stdout).toMatch(/统计平台 {2}statistics-bureau {2}region .* revoked /);
  });

  it('keys add refuses an unknown role or a malformed unit (usage error, nothing written)', async () => {
    expect((await run('keys', 'add', 'x', 'root', 'region')).code).toBe(EXIT_USAGE);
    expect((await run('keys', 'add', 'x', 'auditor', '../etc')).code).toBe(EXIT_USAGE);
    expect((await run('keys', 'list')).stdout).toBe('');
  });

  it('token issues a person’s token the server accepts; in production it refuses the development secret', async () => {
    const issued = await run('token', 'li-xiaoyan', 'investment-officer', 'jingkaiqu', '--expires', '1h');
    expect(issued.code).toBe(EXIT_OK);
    const principal = await new Authenticator([], DEV_JWT_SECRET, 'zhaoshang').authenticate({
      authorization: `Bearer ${issued.stdout.trim()}`,
    });
    expect(principal).toMatchObject({
      userId: 'li-xiaoyan',
      role: 'investment-officer',
      unitId: 'jingkaiqu',
    });
    env = { ...env, NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET };
    const refused = await run('token', 'li-xiaoyan', 'investment-officer', 'jingkaiqu');
    expect(refused.code).toBe(EXIT_REFUSED);
    expect(refused.stderr).toMatch(/development secret/);
  });

  it('secret prints 32 random bytes in hex, strong enough for production', async () => {
    const a = (await run('secret')).stdout.trim();
    const b = (await run('secret')).stdout.trim();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    env = { ...env, NODE_ENV: 'production', JWT_SECRET: a };
    expect((await run('token', 'u', 'auditor', 'region')).code).toBe(EXIT_OK);
  });
});
