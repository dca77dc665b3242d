import * as path from 'node:path';
import { mkdirSync } from 'node:fs';
import { command, EXIT_OK, EXIT_PROBLEM, UsageError } from '@zhaoshang/cli';
import { ROLES } from '../auth/roles';
import type { ApiCliIo } from '../cli/main';
import { apiMessage } from '../errors/api-messages';
import { IdText } from '../http/query-inputs';
import { addAccount, setAccountDisabled, setAccountPassword, type AdminResult } from './account-admin';
import { AccountStore, type Account } from './account-store';
import { PersonRole, Username } from './accounts.routes';
import { accountsFileOf } from './sign-in';

/** The accounts' file of the server's environment (DATA_DIR, default ./.data). */
const openStore = (env: NodeJS.ProcessEnv): AccountStore => {
  const dataDir = path.resolve(env.DATA_DIR ?? '.data');
  mkdirSync(dataDir, { recursive: true });
  return new AccountStore(accountsFileOf(dataDir));
};

const usernameOf = (text: string): string => {
  if (!Username.is(text))
    throw new UsageError(
      `用户名 username: 3–64 个字母、数字 letters, digits . _ -, got ${JSON.stringify(text)}`,
    );
  return text;
};

/** The password of --password-stdin (its first line), or undefined: one is generated and printed once. */
const passwordOf = async (
  values: { 'password-stdin'?: boolean },
  io: ApiCliIo,
): Promise<string | undefined> => {
  if (values['password-stdin'] !== true) return undefined;
  if (io.stdin === undefined)
    throw new UsageError('没有标准输入 no standard input to read the password from');
  const line = (await io.stdin()).split(/\r?\n/)[0] ?? '';
  if (line === '') throw new UsageError('标准输入为空 the password on standard input is empty');
  return line;
};

const describe = (a: Account): string =>
  `${a.username}  ${a.displayName}  ${a.role}  ${a.unitId}  ${a.disabled ? '已停用 disabled' : '有效 active'}  ${a.changedAt}`;

/** Prints the outcome: the account on stderr, a generated password alone on stdout (shown once). */
const report = (result: AdminResult<Account>, done: string, io: ApiCliIo): number => {
  if (!result.ok) {
    const m = apiMessage(result.refusal.code, result.refusal.params);
    io.stderr(`已拒绝 refused: ${m.zh} / ${m.en}\n`);
    return EXIT_PROBLEM;
  }
  io.stderr(`${done}: ${describe(result.value)}\n`);
  if (result.generatedPassword !== undefined) {
    io.stdout(`${result.generatedPassword}\n`);
    io.stderr(
      '初始密码只显示这一次，请当面或经安全渠道交给本人 the password is shown this once: hand it over safely.\n',
    );
  }
  return EXIT_OK;
};

const withStore = async <A>(
  env: NodeJS.ProcessEnv,
  run: (store: AccountStore) => Promise<A> | A,
): Promise<A> => {
  const store = openStore(env);
  try {
    return await run(store);
  } finally {
    store.close();
  }
};

const PASSWORD_STDIN = {
  'password-stdin': {
    type: 'boolean',
    help: '从标准输入第一行读取密码（否则生成并显示一次） read the password from stdin’s first line (else one is generated and printed once)',
  },
} as const;

const accountsAdd = command({
  name: 'accounts add',
  args: '<username> <role> <unitId>',
  positionals: [3, 3],
  summary: '新增人员账号 add a person’s account (scrypt hash kept in <DATA_DIR>/accounts.sqlite)',
  options: {
    name: { type: 'string', arg: '<姓名>', help: '显示名称（中文姓名及职务），必填 display name (required)' },
    ...PASSWORD_STDIN,
  },
  run: async ({ values, positionals: [username = '', role = '', unitId = ''] }, io: ApiCliIo) => {
    if (!PersonRole.is(role))
      throw new UsageError(
        `角色须为 role must be one of ${ROLES.filter((r) => r !== 'system').join(', ')}, got ${JSON.stringify(role)}`,
      );
    if (!IdText.is(unitId)) throw new UsageError(`单位编号 unitId 不合法 invalid: ${JSON.stringify(unitId)}`);
    const displayName = values.name?.trim() ?? '';
    if (displayName === '' || displayName.length > 100)
      throw new UsageError(
        '显示名称 --name 必填（1–100 字） the display name --name is required (1–100 characters)',
      );
    const password = await passwordOf(values, io);
    const input = { username: usernameOf(username), displayName, role, unitId };
    return withStore(io.env, async (store) =>
      report(
        await addAccount(store, password !== undefined ? { ...input, password } : input),
        '已新增账号 account added',
        io,
      ),
    );
  },
});

const accountsList = command({
  name: 'accounts list',
  summary: '列出人员账号 list people’s accounts',
  options: { json: { type: 'boolean', help: '机器可读输出 JSON output' } },
  run: ({ values }, io: ApiCliIo) =>
    withStore(io.env, (store) => {
      const list = store.list();
      if (values.json === true) io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else for (const a of list) io.stdout(`${describe(a)}\n`);
      return EXIT_OK;
    }),
});

const toggle = (disabled: boolean) =>
  command({
    name: disabled ? 'accounts disable' : 'accounts enable',
    args: '<username>',
    positionals: [1, 1],
    summary: disabled
      ? '停用账号（立即结束其会话） disable an account (its sessions end at once)'
      : '启用账号 enable an account',
    options: {},
    run: ({ positionals: [username = ''] }, io: ApiCliIo) =>
      withStore(io.env, (store) =>
        report(
          setAccountDisabled(store, usernameOf(username), disabled),
          disabled ? '已停用 disabled' : '已启用 enabled',
          io,
        ),
      ),
  });

const accountsPasswd = command({
  name: 'accounts passwd',
  args: '<username>',
  positionals: [1, 1],
  summary: '重设密码（结束其会话） set a new password (the account’s sessions end)',
  options: { ...PASSWORD_STDIN },
  run: async ({ values, positionals: [username = ''] }, io: ApiCliIo) => {
    const password = await passwordOf(values, io);
    return withStore(io.env, async (store) =>
      report(await setAccountPassword(store, usernameOf(username), password), '已重设密码 password set', io),
    );
  },
});

/** `zhaoshang-api accounts add|list|disable|enable|passwd`. */
export const accountCommands = [accountsAdd, accountsList, toggle(true), toggle(false), accountsPasswd];
