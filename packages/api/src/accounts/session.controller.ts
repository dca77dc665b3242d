import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { passesCsrfRule, clearedSessionCookie, sessionCookie, sessionIdOf } from '../auth/session-cookie';
import type { ApiConfig } from '../config';
import { CodedApiError } from '../errors/api-errors';
import { decodeOrThrow } from '../http/decode';
import { API_CONFIG } from '../tokens';
import { SignInRequest } from './accounts.routes';
import { sessionBody, SignIn } from './sign-in';

/**
 * People's sign-in (issue #18 item 1; COMMON contract): `POST /session` with a username and password
 * opens a session and sets its cookie, `GET /session` says who is signed in, `DELETE /session` signs
 * out. The routes are public (they are how one gets credentials) and answer for themselves.
 */
@Controller('session')
export class SessionController {
  constructor(
    @Inject(SignIn) private readonly signIn: SignIn,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** 登录 / sign in: 200 with who signed in, and the `zs_session` cookie. */
  @Post()
  @HttpCode(200)
  async open(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const input = decodeOrThrow(SignInRequest, body);
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const { sessionId, account } = await this.signIn.signIn(input.username, input.password, address);
    res.setHeader('Set-Cookie', sessionCookie(sessionId, this.config.accounts.secureCookie));
    return sessionBody(account);
  }

  /** 当前登录 / who is signed in with this cookie: 200, or 401 `SIGN_IN_REQUIRED`. */
  @Get()
  current(@Req() req: Request) {
    const id = sessionIdOf(req.headers.cookie);
    const account = id === undefined ? undefined : this.signIn.accountOfSession(id);
    if (account === undefined) throw new CodedApiError(401, 'SIGN_IN_REQUIRED');
    return sessionBody(account);
  }

  /** 退出登录 / sign out: the session is deleted and the cookie cleared (204, also without a session). */
  @Delete()
  @HttpCode(204)
  close(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    const id = sessionIdOf(req.headers.cookie);
    if (id !== undefined) {
      if (!passesCsrfRule(req.method, req.headers)) throw new CodedApiError(403, 'CSRF_HEADER_REQUIRED');
      this.signIn.store.closeSession(id);
    }
    res.setHeader('Set-Cookie', clearedSessionCookie(this.config.accounts.secureCookie));
  }
}
