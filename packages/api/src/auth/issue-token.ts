/**
 * Kept for scripts written before the CLI: `node packages/api/dist/auth/issue-token.js <user> <role>
 * <unit> [expiry]` is `zhaoshang-api token <user> <role> <unit> [--expires expiry]` (src/cli/main.ts).
 */
import { runCli } from '../cli/main';

const [sub, role, unit, expiresIn] = process.argv.slice(2);
void runCli(
  [
    'token',
    ...[sub, role, unit].filter((x): x is string => x !== undefined),
    ...(expiresIn ? ['--expires', expiresIn] : []),
  ],
  process.env,
  { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
).then((code) => {
  process.exitCode = code;
});
