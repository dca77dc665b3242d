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

/** The session id of a `Cookie` header, or undefined (only a well-formed 43-character base64url id). */
export const sessionIdOf = (cookieHeader: string | string[] | undefined): string | undefined => {
  if (typeof cookieHeader !== 'string') return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (/^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return undefined;
};

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
