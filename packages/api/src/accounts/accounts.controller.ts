import { Controller, Get, HttpCode, Inject, Post, Put, Query } from '@nestjs/common';
import { Read } from '../auth/route-access';
import type { Principal } from '../auth/roles';
import { CodedApiError, ForbiddenError } from '../errors/api-errors';
import { BodyInput, Caller } from '../http/request-params';
import { setAccountDisabled, addAccount, setAccountPassword, type AdminResult } from './account-admin';
import type { Account } from './account-store';
import { ACCOUNT_ADMIN_ROLES, AccountPath, AddAccountRequest, SetPasswordRequest } from './accounts.routes';
import { refuseQuery } from '../http/request-params';
import { SignIn } from './sign-in';

const admin = (caller: Principal): void => {
  if (!ACCOUNT_ADMIN_ROLES.includes(caller.role))
    throw new ForbiddenError('ROLE_NOT_ALLOWED', { role: caller.role, action: 'ManageAccounts' });
};

/** HTTP status of each refusal. */
const STATUS = {
  ACCOUNT_EXISTS: 409,
  ACCOUNT_NOT_FOUND: 404,
  PASSWORD_TOO_SHORT: 422,
  PASSWORD_TOO_LONG: 422,
  PASSWORD_TOO_WEAK: 422,
} as const;

/** The answer of a step: the account (and a generated password, shown this once), or the refusal. */
const answer = (result: AdminResult<Account>) => {
  if (!result.ok)
    throw new CodedApiError(STATUS[result.refusal.code], result.refusal.code, result.refusal.params);
  return {
    ...result.value,
    ...(result.generatedPassword !== undefined ? { password: result.generatedPassword } : {}),
  };
};

/**
 * People's accounts (issue #18 item 1), for the administrator (`ACCOUNT_ADMIN_ROLES`: the
 * leading-group office): list, add (a password generated when none is given, answered once),
 * disable (ending the account's sessions), enable, set a password. The routes authenticate like
 * reads and check the role here, as the webhook registry does: they change no fact of the domain.
 * A change sent with the session cookie carries the CSRF header like every other.
 */
@Controller('accounts')
export class AccountsController {
  constructor(@Inject(SignIn) private readonly signIn: SignIn) {}

  /** 账号列表 / the accounts (without their password hashes). */
  @Get()
  @Read()
  list(@Caller() caller: Principal, @Query() query: Record<string, unknown>) {
    refuseQuery(query);
    admin(caller);
    return { data: this.signIn.store.list() };
  }

  /** 新增账号 / add an account: 201; a generated password is answered this once. */
  @Post()
  @Read()
  @HttpCode(201)
  async add(
    @BodyInput(AddAccountRequest) input: AddAccountRequest,
    @Caller() caller: Principal,
    @Query() query: Record<string, unknown>,
  ) {
    refuseQuery(query);
    admin(caller);
    return answer(await addAccount(this.signIn.store, input));
  }

  /** 停用账号 / disable an account: its sessions end at once. */
  @Post(':username/disable')
  @Read()
  @HttpCode(200)
  disable(
    @BodyInput(AccountPath) input: AccountPath,
    @Caller() caller: Principal,
    @Query() query: Record<string, unknown>,
  ) {
    refuseQuery(query);
    admin(caller);
    return answer(setAccountDisabled(this.signIn.store, input.username, true));
  }

  /** 启用账号 / enable an account again. */
  @Post(':username/enable')
  @Read()
  @HttpCode(200)
  enable(
    @BodyInput(AccountPath) input: AccountPath,
    @Caller() caller: Principal,
    @Query() query: Record<string, unknown>,
  ) {
    refuseQuery(query);
    admin(caller);
    return answer(setAccountDisabled(this.signIn.store, input.username, false));
  }

  /** 重设密码 / set a new password (or have one generated): the account's sessions end. */
  @Put(':username/password')
  @Read()
  async password(
    @BodyInput(SetPasswordRequest) input: SetPasswordRequest,
    @Caller() caller: Principal,
    @Query() query: Record<string, unknown>,
  ) {
    refuseQuery(query);
    admin(caller);
    return answer(await setAccountPassword(this.signIn.store, input.username, input.password));
  }
}
