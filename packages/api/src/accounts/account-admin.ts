import type { Role } from '../auth/roles';
import type { ApiMessageCode } from '../errors/api-messages';
import type { Account, AccountStore } from './account-store';
import {
  generatePassword,
  hashPassword,
  MAX_PASSWORD_BYTES,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
} from './password-hash';

/** Why an administration step was refused: a code of the API's messages, with its parameters. */
export interface AdminRefusal {
  readonly code: Extract<
    ApiMessageCode,
    'ACCOUNT_EXISTS' | 'ACCOUNT_NOT_FOUND' | 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_TOO_WEAK'
  >;
  readonly params: Readonly<Record<string, string>>;
}

/** The outcome of an administration step: done (with a generated password, shown once), or refused. */
export type AdminResult<A> =
  | { readonly ok: true; readonly value: A; readonly generatedPassword?: string }
  | { readonly ok: false; readonly refusal: AdminRefusal };

const refused = <A>(code: AdminRefusal['code'], params: Record<string, string> = {}): AdminResult<A> => ({
  ok: false,
  refusal: { code, params },
});

/** The password to set: the one given, checked against the rule, or a generated one. */
const choosePassword = (
  given: string | undefined,
  username: string,
): { readonly password: string; readonly generated: boolean } | AdminRefusal => {
  if (given === undefined) return { password: generatePassword(), generated: true };
  const problem = passwordProblem(given, username);
  if (problem === undefined) return { password: given, generated: false };
  return {
    code: problem,
    params: { min: String(MIN_PASSWORD_LENGTH), max: String(MAX_PASSWORD_BYTES) },
  };
};

/** The account as it is now, with the password generated for it (if any). */
const done = (
  store: AccountStore,
  username: string,
  chosen: { readonly password: string; readonly generated: boolean } | undefined,
): AdminResult<Account> => {
  const account = store.account(username);
  if (account === undefined) return refused('ACCOUNT_NOT_FOUND', { username });
  return {
    ok: true,
    value: account,
    ...(chosen?.generated === true ? { generatedPassword: chosen.password } : {}),
  };
};

/**
 * Account administration, the same for the `zhaoshang-api accounts` command and the HTTP routes
 * (accounts.controller.ts): add, disable, enable, set a password. Disabling an account or setting
 * its password ends its sessions.
 */
export const addAccount = async (
  store: AccountStore,
  input: {
    readonly username: string;
    readonly displayName: string;
    readonly role: Role;
    readonly unitId: string;
    readonly password?: string;
  },
): Promise<AdminResult<Account>> => {
  if (store.find(input.username) !== undefined)
    return refused('ACCOUNT_EXISTS', { username: input.username });
  const chosen = choosePassword(input.password, input.username);
  if ('code' in chosen) return { ok: false, refusal: chosen };
  const { password: _given, ...fields } = input;
  if (!store.add({ ...fields, passwordHash: await hashPassword(chosen.password) }))
    return refused('ACCOUNT_EXISTS', { username: input.username });
  return done(store, input.username, chosen);
};

/** Disables or enables an account (disabling ends its sessions). */
export const setAccountDisabled = (
  store: AccountStore,
  username: string,
  disabled: boolean,
): AdminResult<Account> => {
  if (!store.setDisabled(username, disabled)) return refused('ACCOUNT_NOT_FOUND', { username });
  return done(store, username, undefined);
};

/** Sets a new password (given or generated); the account's sessions end. */
export const setAccountPassword = async (
  store: AccountStore,
  username: string,
  password: string | undefined,
): Promise<AdminResult<Account>> => {
  const account = store.find(username);
  if (account === undefined) return refused('ACCOUNT_NOT_FOUND', { username });
  const chosen = choosePassword(password, username);
  if ('code' in chosen) return { ok: false, refusal: chosen };
  store.setPasswordHash(username, await hashPassword(chosen.password));
  return done(store, username, chosen);
};
