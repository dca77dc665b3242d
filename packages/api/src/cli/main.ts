#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import {
  command,
  EXIT_OK,
  EXIT_PROBLEM,
  processIo,
  program,
  runProcess,
  UsageError,
  type CliIo,
} from '@zhaoshang/cli';
import { addApiKey, readApiKeyFile, revokeApiKey } from '../auth/api-keys';
import { issueToken } from '../auth/authenticator';
import { isRole, ROLES, type Role } from '../auth/roles';
import { apiKeysFileOf, tokenSigningOf } from '../config';
// People's accounts (issue #18 item 1)
import { accountCommands } from '../accounts/accounts.cli';

/** Exit codes: 0 done, 1 refused (no such key, a name in use, a weak secret), 2 usage error. */
export { EXIT_OK, EXIT_USAGE } from '@zhaoshang/cli';
export const EXIT_REFUSED = EXIT_PROBLEM;

/** The CLI reads the server's environment (DATA_DIR, API_KEYS_FILE, JWT_SECRET…). */
export interface ApiCliIo extends CliIo {
  readonly env: NodeJS.ProcessEnv;
  /** Standard input, read whole (a password given with --password-stdin). */
  readonly stdin?: () => Promise<string>;
}

const UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._@:-]{0,99}$/u;

const roleOf = (role: string): Role => {
  if (!isRole(role))
    throw new UsageError(`角色须为 role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(role)}`);
  return role;
};

const unitIdOf = (unitId: string): string => {
  if (!UNIT_ID.test(unitId))
    throw new UsageError(
      `单位编号 unitId: 字母、数字 letters, digits . _ : -, got ${JSON.stringify(unitId)}`,
    );
  return unitId;
};

const keysAdd = command({
  name: 'keys add',
  args: '<name> <role> <unitId>',
  positionals: [3, 3],
  summary: '新增 API 密钥 add an API key (printed once; only its SHA-256 is kept)',
  options: {},
  run: ({ positionals: [name = '', role = '', unitId = ''] }, io: ApiCliIo) => {
    if (!NAME.test(name))
      throw new UsageError(
        `名称 name: 字母、数字、空格 letters, digits, space . _ @ : -, got ${JSON.stringify(name)}`,
      );
    const file = apiKeysFileOf(io.env);
    const { key, record } = addApiKey(file, { name, role: roleOf(role), unitId: unitIdOf(unitId) });
    io.stdout(`${key}\n`);
    io.stderr(
      `已新增密钥 key added: ${record.id} ${record.name} ${record.role} ${record.unitId} → ${file}\n` +
        '密钥只显示这一次，请妥善保存 the key is shown this once: store it now (the server keeps its SHA-256 only).\n' +
        '重启服务后生效 restart the server to load it.\n',
    );
    return EXIT_OK;
  },
});

const keysList = command({
  name: 'keys list',
  summary: '列出密钥 list keys (name, role, unit, created, revoked)',
  options: { json: { type: 'boolean', help: '机器可读输出 JSON output' } },
  run: ({ values }, io: ApiCliIo) => {
    const list = readApiKeyFile(apiKeysFileOf(io.env)).keys.map(({ sha256: _hash, ...k }) => k);
    if (values.json === true) io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    else
      for (const k of list)
        io.stdout(
          `${k.id}  ${k.name}  ${k.role}  ${k.unitId}  ${k.createdAt}${k.revokedAt !== undefined ? `  revoked ${k.revokedAt}` : ''}\n`,
        );
    return EXIT_OK;
  },
});

const keysRevoke = command({
  name: 'keys revoke',
  args: '<id|name>',
  positionals: [1, 1],
  summary: '吊销密钥 revoke a key',
  options: {},
  run: ({ positionals: [idOrName = ''] }, io: ApiCliIo) => {
    const file = apiKeysFileOf(io.env);
    const revoked = revokeApiKey(file, idOrName);
    if (revoked === undefined) {
      io.stderr(`没有这个有效密钥 no active key ${JSON.stringify(idOrName)} in ${file}\n`);
      return EXIT_REFUSED;
    }
    io.stderr(`已吊销 revoked: ${revoked.id} ${revoked.name} (重启服务后生效 restart the server to apply)\n`);
    return EXIT_OK;
  },
});

const token = command({
  name: 'token',
  args: '<user> <role> <unitId>',
  positionals: [3, 3],
  summary: '签发工作人员令牌 issue a person’s token (HS256, JWT_SECRET)',
  options: { expires: { type: 'string', arg: '<8h>', help: '有效期 lifetime (default 8h)' } },
  run: async ({ values, positionals: [sub = '', role = '', unit = ''] }, io: ApiCliIo) => {
    const claims = { sub, role: roleOf(role), unit: unitIdOf(unit) };
    const signing = tokenSigningOf(io.env);
    const expires = values.expires;
    io.stdout(`${await issueToken(claims, { ...signing, ...(expires ? { expiresIn: expires } : {}) })}\n`);
    return EXIT_OK;
  },
});

const secret = command({
  name: 'secret',
  summary: '生成令牌密钥 print a new JWT_SECRET (32 random bytes, hex)',
  options: {},
  run: (_, io) => {
    io.stdout(`${randomBytes(32).toString('hex')}\n`);
    return EXIT_OK;
  },
});

const main = program<ApiCliIo>({
  name: 'zhaoshang-api',
  commands: [
    keysAdd,
    keysList,
    keysRevoke,
    token,
    secret,
    // People's accounts (issue #18 item 1)
    ...accountCommands,
  ],
  footer:
    '密钥文件 the key file: API_KEYS_FILE，默认 default <DATA_DIR>/api-keys.json (DATA_DIR default ./.data)，与服务相同的环境 the server’s environment.\n' +
    `角色 roles: ${ROLES.join(', ')}`,
  // A refusal with its reason (ConfigError: a weak secret; RangeError: a bad expiry; a name in use…).
  onError: (error, io) => {
    if (!(error instanceof Error)) return undefined;
    io.stderr(`已拒绝 refused: ${error.message}\n`);
    return EXIT_REFUSED;
  },
});

/** Runs the command line: `argv` without node and the script; returns the exit code. */
export const runCli = (
  argv: ReadonlyArray<string>,
  env: NodeJS.ProcessEnv,
  io: CliIo,
  stdin?: () => Promise<string>,
): Promise<number> => main(argv, { ...io, env, ...(stdin !== undefined ? { stdin } : {}) });

/** The whole of this process's standard input. */
const readProcessStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
};

/** The bin: runs the CLI as this process. */
export const bin = (): Promise<void> =>
  runProcess((argv) => runCli(argv, process.env, processIo, readProcessStdin));

if (require.main === module) void bin();
