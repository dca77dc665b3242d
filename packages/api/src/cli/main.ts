#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { addApiKey, readApiKeyFile, revokeApiKey } from '../auth/api-keys';
import { issueToken } from '../auth/authenticator';
import { isRole, ROLES } from '../auth/roles';
import { apiKeysFileOf, tokenSigningOf } from '../config';

/** Where the CLI writes; tests pass collectors. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes: 0 done, 1 refused (no such key, a name in use, a weak secret), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

const USAGE = `用法 usage: zhaoshang-api <command> [options]
  keys add <name> <role> <unitId>        新增 API 密钥 add an API key (printed once; only its SHA-256 is kept)
  keys list [--json]                     列出密钥 list keys (name, role, unit, created, revoked)
  keys revoke <id|name>                  吊销密钥 revoke a key
  token <user> <role> <unitId> [--expires 8h]   签发工作人员令牌 issue a person's token (HS256, JWT_SECRET)
  secret                                 生成令牌密钥 print a new JWT_SECRET (32 random bytes, hex)
The key file is API_KEYS_FILE, default <DATA_DIR>/api-keys.json (DATA_DIR default ./.data): the same
environment as the server's. Roles: ${ROLES.join(', ')}.
`;

const UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._@:-]{0,99}$/u;

class UsageError extends Error {}

const keys = (args: ReadonlyArray<string>, json: boolean, env: NodeJS.ProcessEnv, io: CliIo): number => {
  const file = apiKeysFileOf(env);
  const [action, ...rest] = args;
  switch (action) {
    case 'add': {
      const [name, role, unitId] = rest;
      if (name === undefined || role === undefined || unitId === undefined || rest.length !== 3)
        throw new UsageError('keys add <name> <role> <unitId>');
      if (!NAME.test(name))
        throw new UsageError(`name: letters, digits, space . _ @ : -, got ${JSON.stringify(name)}`);
      if (!isRole(role)) throw new UsageError(`role must be one of ${ROLES.join(', ')}`);
      if (!UNIT_ID.test(unitId))
        throw new UsageError(`unitId: letters, digits . _ : -, got ${JSON.stringify(unitId)}`);
      const { key, record } = addApiKey(file, { name, role, unitId });
      io.stdout(`${key}\n`);
      io.stderr(
        `已新增密钥 key added: ${record.id} ${record.name} ${record.role} ${record.unitId} → ${file}\n` +
          '密钥只显示这一次，请妥善保存 the key is shown this once: store it now (the server keeps its SHA-256 only).\n' +
          '重启服务后生效 restart the server to load it.\n',
      );
      return EXIT_OK;
    }
    case 'list': {
      const list = readApiKeyFile(file).keys.map(({ sha256: _hash, ...k }) => k);
      if (json) io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else
        for (const k of list)
          io.stdout(
            `${k.id}  ${k.name}  ${k.role}  ${k.unitId}  ${k.createdAt}${k.revokedAt !== undefined ? `  revoked ${k.revokedAt}` : ''}\n`,
          );
      return EXIT_OK;
    }
    case 'revoke': {
      const [idOrName] = rest;
      if (idOrName === undefined || rest.length !== 1) throw new UsageError('keys revoke <id|name>');
      const revoked = revokeApiKey(file, idOrName);
      if (revoked === undefined) {
        io.stderr(`没有这个有效密钥 no active key ${JSON.stringify(idOrName)} in ${file}\n`);
        return EXIT_REFUSED;
      }
      io.stderr(`已吊销 revoked: ${revoked.id} ${revoked.name} (restart the server to apply)\n`);
      return EXIT_OK;
    }
    default:
      throw new UsageError('keys add | list | revoke');
  }
};

/** Runs the command line: `argv` without node and the script; returns the exit code. */
export const runCli = async (
  argv: ReadonlyArray<string>,
  env: NodeJS.ProcessEnv,
  io: CliIo,
): Promise<number> => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    options: {
      json: { type: 'boolean' },
      expires: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  try {
    if (values.help === true || command === undefined) {
      io.stdout(USAGE);
      return command === undefined && values.help !== true ? EXIT_USAGE : EXIT_OK;
    }
    switch (command) {
      case 'keys':
        return keys(rest, values.json === true, env, io);
      case 'token': {
        const [sub, role, unit] = rest;
        if (sub === undefined || role === undefined || unit === undefined || rest.length !== 3)
          throw new UsageError('token <user> <role> <unitId> [--expires 8h]');
        if (!isRole(role)) throw new UsageError(`role must be one of ${ROLES.join(', ')}`);
        if (!UNIT_ID.test(unit))
          throw new UsageError(`unitId: letters, digits . _ : -, got ${JSON.stringify(unit)}`);
        const expires = typeof values.expires === 'string' ? values.expires : undefined;
        const signing = tokenSigningOf(env);
        io.stdout(
          `${await issueToken({ sub, role, unit }, { ...signing, ...(expires ? { expiresIn: expires } : {}) })}\n`,
        );
        return EXIT_OK;
      }
      case 'secret':
        io.stdout(`${randomBytes(32).toString('hex')}\n`);
        return EXIT_OK;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    // A refusal with its reason (ConfigError: a weak secret; RangeError: a bad expiry; a name in use…).
    if (error instanceof Error) {
      io.stderr(`${error.message}\n`);
      return EXIT_REFUSED;
    }
    throw error;
  }
};

if (require.main === module) {
  void runCli(process.argv.slice(2), process.env, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  }).then((code) => {
    process.exitCode = code;
  });
}
