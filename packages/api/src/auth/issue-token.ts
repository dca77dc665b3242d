/**
 * Issues a person's token for the API: `node packages/api/dist/auth/issue-token.js <user> <role> <unit> [expiry]`
 * (JWT_SECRET and JWT_ISSUER from the environment, as the API reads them). Prints the token.
 */
import { loadConfig } from '../config';
import { issueToken } from './authenticator';
import { isRole, ROLES } from './roles';

const main = async (): Promise<void> => {
  const [sub, role, unit, expiresIn] = process.argv.slice(2);
  if (!sub || !role || !unit || !isRole(role)) {
    process.stderr.write(
      `usage: issue-token <user> <role> <unit> [expiry, default 8h]\nroles: ${ROLES.join(', ')}\n`,
    );
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  process.stdout.write(
    `${await issueToken({ sub, role, unit }, { secret: config.jwtSecret, issuer: config.jwtIssuer, ...(expiresIn ? { expiresIn } : {}) })}\n`,
  );
};

void main();
