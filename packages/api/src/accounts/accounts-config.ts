/** Settings of people's sign-in: accounts, sessions, OpenID Connect (docs/security.md "Sign-in"). */
export interface AccountsConfig {
  /** How long a session lives without a request (`SESSION_IDLE_MINUTES`, default 60). */
  readonly sessionIdleMs: number;
  /** How long a session lives at most, used or not (`SESSION_ABSOLUTE_HOURS`, default 12). */
  readonly sessionAbsoluteMs: number;
  /** `Secure` on the session cookie: in production always, in development when `COOKIE_SECURE=true`. */
  readonly secureCookie: boolean;
  /**
   * Create the development accounts (demo-officer, demo-leader, password zhaoshang-dev) when they
   * are missing: on a development start without API_KEYS, or `DEV_ACCOUNTS=true`; never in production.
   */
  readonly devAccounts: boolean;
  /** Failed sign-ins per username in 15 minutes before it is refused for 15 minutes (`SIGN_IN_FAILURES_PER_USER`, default 5; 0: off). */
  readonly signInFailuresPerUser: number;
  /** Failed sign-ins per client address in 15 minutes before it is refused for 15 minutes (`SIGN_IN_FAILURES_PER_ADDRESS`, default 20; 0: off). */
  readonly signInFailuresPerAddress: number;
  /** OpenID Connect with the region's identity provider, when `OIDC_ISSUER` is set. */
  readonly oidc?: OidcConfig;
}

/** The identity provider and this server as its client (authorization-code flow with PKCE). */
export interface OidcConfig {
  /** The issuer URL (its `/.well-known/openid-configuration` is read at start). */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** This server's callback, registered with the provider: `https://…/session/oidc/callback`. */
  readonly redirectUri: string;
  /**
   * The ID token claim that names the account (`OIDC_USERNAME_CLAIM`, default `preferred_username`),
   * used the first time a person signs in; from then on the account is linked by the provider's `sub`.
   */
  readonly usernameClaim: string;
}

const count = (value: string | undefined, fallback: number, name: string, min: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be an integer ≥ ${min}, got ${JSON.stringify(value)}`);
  return n;
};

const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;

/**
 * The sign-in settings from the environment. Problems that production must refuse (a half-set
 * OpenID Connect configuration, a callback over plain HTTP) are added to `problems`.
 */
export const accountsConfig = (
  env: NodeJS.ProcessEnv,
  production: boolean,
  problems: string[],
): AccountsConfig => {
  const given = OIDC_VARIABLES.filter((v) => (env[v] ?? '') !== '');
  let oidc: OidcConfig | undefined;
  if (given.length > 0 && given.length < OIDC_VARIABLES.length)
    problems.push(
      `OpenID Connect needs all of ${OIDC_VARIABLES.join(', ')}; missing ${OIDC_VARIABLES.filter((v) => !given.includes(v)).join(', ')}`,
    );
  else if (given.length === OIDC_VARIABLES.length) {
    oidc = {
      issuer: env.OIDC_ISSUER!,
      clientId: env.OIDC_CLIENT_ID!,
      clientSecret: env.OIDC_CLIENT_SECRET!,
      redirectUri: env.OIDC_REDIRECT_URI!,
      usernameClaim: env.OIDC_USERNAME_CLAIM || 'preferred_username',
    };
    if (production && !oidc.redirectUri.startsWith('https://'))
      problems.push('OIDC_REDIRECT_URI must be https:// in production (the session cookie is Secure)');
  }
  const devAccounts =
    !production &&
    (env.DEV_ACCOUNTS === 'true' ||
      (env.DEV_ACCOUNTS !== 'false' && (env.API_KEYS === undefined || env.API_KEYS === '')));
  if (production && env.DEV_ACCOUNTS === 'true')
    problems.push('DEV_ACCOUNTS=true: the development accounts are never created in production');
  return {
    sessionIdleMs: count(env.SESSION_IDLE_MINUTES, 60, 'SESSION_IDLE_MINUTES', 1) * 60_000,
    sessionAbsoluteMs: count(env.SESSION_ABSOLUTE_HOURS, 12, 'SESSION_ABSOLUTE_HOURS', 1) * 3_600_000,
    secureCookie: production || env.COOKIE_SECURE === 'true',
    devAccounts,
    signInFailuresPerUser: count(env.SIGN_IN_FAILURES_PER_USER, 5, 'SIGN_IN_FAILURES_PER_USER', 0),
    signInFailuresPerAddress: count(env.SIGN_IN_FAILURES_PER_ADDRESS, 20, 'SIGN_IN_FAILURES_PER_ADDRESS', 0),
    ...(oidc !== undefined ? { oidc } : {}),
  };
};
