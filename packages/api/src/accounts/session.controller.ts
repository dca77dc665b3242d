import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  clearedOidcStateCookie,
  clearedSessionCookie,
  cookieIdOf,
  OIDC_STATE_COOKIE,
  oidcStateCookie,
  passesCsrfRule,
  sessionCookie,
  sessionIdOf,
} from '../auth/session-cookie';
import { apiMessage } from '../errors/api-messages';
import { OidcSignIn, type OidcRefusal } from './oidc-sign-in';
import type { ApiConfig } from '../config';
import { CodedApiError } from '../errors/api-errors';
import { decodeOrThrow } from '../http/decode';
import { API_CONFIG } from '../tokens';
import { refuseQuery } from '../http/request-params';
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
    @Inject(OidcSignIn) private readonly oidc: OidcSignIn,
  ) {}

  /** 登录 / sign in: 200 with who signed in, and the `zs_session` cookie. */
  @Post()
  @HttpCode(200)
  async open(
    @Body() body: unknown,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    refuseQuery(query);
    const input = decodeOrThrow(SignInRequest, body);
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const { sessionId, account } = await this.signIn.signIn(input.username, input.password, address);
    res.setHeader('Set-Cookie', sessionCookie(sessionId, this.config.accounts.secureCookie));
    return sessionBody(account);
  }

  /** 当前登录 / who is signed in with this cookie: 200, or 401 `SIGN_IN_REQUIRED`. */
  @Get()
  current(@Req() req: Request, @Query() query: Record<string, unknown>) {
    refuseQuery(query);
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

  /** 统一身份认证登录 / sign in through the region's identity provider: 302 to it (404 when not configured). */
  @Get('oidc')
  async oidcStart(@Res() res: Response): Promise<void> {
    const { url, state } = await this.oidc.start();
    res.setHeader('Set-Cookie', oidcStateCookie(state, this.config.accounts.secureCookie));
    res.redirect(302, url);
  }

  /**
   * The provider's redirect back: a session cookie and 302 to /workbench/, or a page that says why
   * not (403 for a person without an active account here, 400 for a failed or stale sign-in).
   */
  @Get('oidc/callback')
  async oidcCallback(
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const secure = this.config.accounts.secureCookie;
    const outcome = await this.oidc.complete(query, cookieIdOf(req.headers.cookie, OIDC_STATE_COOKIE));
    if (outcome.ok) {
      res.setHeader('Set-Cookie', [clearedOidcStateCookie(secure), sessionCookie(outcome.sessionId, secure)]);
      res.redirect(302, '/workbench/');
      return;
    }
    res.setHeader('Set-Cookie', clearedOidcStateCookie(secure));
    res
      .status(outcome.refusal.kind === 'unknown-person' ? 403 : 400)
      .type('text/html; charset=utf-8')
      .send(refusalPage(outcome.refusal));
  }
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a person sees when the identity provider's answer opens no session: why, in both languages. */
const refusalPage = (refusal: OidcRefusal): string => {
  const m =
    refusal.kind === 'unknown-person'
      ? apiMessage('OIDC_UNKNOWN_PERSON', { who: refusal.who })
      : apiMessage('OIDC_FAILED', { reason: refusal.reason });
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"><title>登录未成功 / Sign-in refused</title></head>',
    '<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.6">',
    '<h1>登录未成功 <small>/ Sign-in refused</small></h1>',
    `<p>${escapeHtml(m.zh)}</p>`,
    `<p lang="en">${escapeHtml(m.en)}</p>`,
    '<p><a href="/workbench/">返回登录页 / back to the sign-in page</a></p>',
    '</body></html>',
  ].join('\n');
};
