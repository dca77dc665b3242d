/** The session cookie's name (COMMON contract). */
export const SESSION_COOKIE = 'zs_session';

/** The header a cookie-authenticated change must carry, and its value (a cross-site form cannot set it). */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'zhaoshang-workbench';

/** Methods that change nothing: no CSRF header needed. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request with the session cookie may go on: a safe method, or the CSRF header. */
export const passesCsrfRule = (
  method: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
): boolean => SAFE_METHODS.has(method.toUpperCase()) || headers[CSRF_HEADER] === CSRF_HEADER_VALUE;

/** The value of a named cookie in a `Cookie` header when it is a 43-character base64url id (32 bytes), else undefined. */
export const cookieIdOf = (cookieHeader: string | string[] | undefined, name: string): string | undefined => {
  if (typeof cookieHeader !== 'string') return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    if (/^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return undefined;
};

/** The session id of a `Cookie` header, or undefined. */
export const sessionIdOf = (cookieHeader: string | string[] | undefined): string | undefined =>
  cookieIdOf(cookieHeader, SESSION_COOKIE);

/**
 * The `Set-Cookie` value of a session: HttpOnly (no script reads it), SameSite=Strict (no other
 * site's page sends it), Path=/, Secure in production; a session cookie (no Max-Age: the server's
 * idle and absolute timeouts end the session, closing the browser ends the cookie).
 */
export const sessionCookie = (id: string, secure: boolean): string =>
  `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;

/** The `Set-Cookie` value that clears the session cookie. */
export const clearedSessionCookie = (secure: boolean): string =>
  `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT${secure ? '; Secure' : ''}`;

/** The cookie that carries an OpenID Connect sign-in's state from leaving to coming back. */
export const OIDC_STATE_COOKIE = 'zs_oidc';

/**
 * The state cookie: SameSite=Lax, since the provider sends the browser back with a top-level
 * navigation from its own site (a Strict cookie would not come with it); only for the callback's
 * path, ten minutes.
 */
export const oidcStateCookie = (state: string, secure: boolean): string =>
  `${OIDC_STATE_COOKIE}=${state}; HttpOnly; SameSite=Lax; Path=/session/oidc; Max-Age=600${secure ? '; Secure' : ''}`;

/** The `Set-Cookie` value that clears the state cookie. */
export const clearedOidcStateCookie = (secure: boolean): string =>
  `${OIDC_STATE_COOKIE}=; HttpOnly; SameSite=Lax; Path=/session/oidc; Max-Age=0${secure ? '; Secure' : ''}`;
