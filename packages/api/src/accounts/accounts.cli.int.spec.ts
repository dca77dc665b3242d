import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EXIT_OK, EXIT_REFUSED, EXIT_USAGE, runCli } from '../cli/main';
import { AccountStore } from './account-store';
import { verifyPassword } from './password-hash';
import { accountsFileOf } from './sign-in';

/** `zhaoshang-api accounts add|list|disable|enable|passwd` (issue #18 item 1). */
describe('zhaoshang-api accounts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-accounts-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (argv: string[], stdin?: string) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      argv,
      { DATA_DIR: dir },
      { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
      stdin === undefined ? undefined : () => Promise.resolve(stdin),
    );
    return { code, stdout, stderr };
  };
  const stored = (username: string) => {
    const store = new AccountStore(accountsFileOf(dir));
    try {
      return store.find(username);
    } finally {
      store.close();
    }
  };

  it('add with a password from stdin keeps its scrypt hash only; list shows the account without it', async () => {
    const added = await run(
      [
        'accounts',
        'add',
        'li-xiaoyan',
        'investment-officer',
        'jingkaiqu',
        '--name',
        '李晓燕（经开区）',
        '--password-stdin',
      ],
      'river-stone-42\n',
    );
    expect([added.code, added.stdout]).toEqual([EXIT_OK, '']);
    const account = stored('li-xiaoyan')!;
    expect(account).toMatchObject({
      displayName: '李晓燕（经开区）',
      role: 'investment-officer',
      unitId: 'jingkaiqu',
    });
    expect(account.passwordHash).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(await verifyPassword('river-stone-42', account.passwordHash!)).toBe(true);
    const list = await run(['accounts', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ username: 'li-xiaoyan', disabled: false }),
    ]);
    expect(list.stdout).not.toContain('scrypt');
  });

  it('add without a password prints a generated one once; passwd replaces it; a weak one is refused in both languages', async () => {
    const added = await run([
      'accounts',
      'add',
      'wang-wei',
      'supervision-office',
      'region',
      '--name',
      '王伟',
    ]);
    expect(added.code).toBe(EXIT_OK);
    const generated = added.stdout.trim();
    expect(generated).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await verifyPassword(generated, stored('wang-wei')!.passwordHash!)).toBe(true);
    const weak = await run(['accounts', 'passwd', 'wang-wei', '--password-stdin'], 'zhaoshang-dev\n');
    expect(weak.code).toBe(EXIT_REFUSED);
    expect(weak.stderr).toContain('密码过于简单');
    expect(weak.stderr).toContain('too weak');
    expect(
      (await run(['accounts', 'passwd', 'wang-wei', '--password-stdin'], 'new-river-stone-7')).code,
    ).toBe(EXIT_OK);
    expect(await verifyPassword('new-river-stone-7', stored('wang-wei')!.passwordHash!)).toBe(true);
  });

  it('disable and enable; unknown usernames, a taken username and the system role are refused', async () => {
    await run(['accounts', 'add', 'zhao-lei', 'auditor', 'region', '--name', '赵磊']);
    expect((await run(['accounts', 'disable', 'zhao-lei'])).code).toBe(EXIT_OK);
    expect(stored('zhao-lei')!.disabled).toBe(true);
    expect((await run(['accounts', 'enable', 'zhao-lei'])).code).toBe(EXIT_OK);
    expect(stored('zhao-lei')!.disabled).toBe(false);
    expect((await run(['accounts', 'disable', 'nobody-here'])).code).toBe(EXIT_REFUSED);
    expect((await run(['accounts', 'add', 'zhao-lei', 'auditor', 'region', '--name', '赵磊'])).code).toBe(
      EXIT_REFUSED,
    );
    expect((await run(['accounts', 'add', 'robot', 'system', 'region', '--name', 'x'])).code).toBe(
      EXIT_USAGE,
    );
    expect((await run(['accounts', 'add', 'no-name', 'auditor', 'region'])).code).toBe(EXIT_USAGE);
    const help = await run(['accounts', 'add', '--help']);
    expect([help.code, help.stdout]).toEqual([EXIT_OK, expect.stringContaining('--password-stdin')]);
  });
});
