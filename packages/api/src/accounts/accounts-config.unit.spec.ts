import { accountsConfig } from './accounts-config';

describe('sign-in settings (issue #18 item 1)', () => {
  const read = (env: NodeJS.ProcessEnv, production = false) => {
    const problems: string[] = [];
    return { config: accountsConfig(env, production, problems), problems };
  };
  const OIDC = {
    OIDC_ISSUER: 'https://idp.example.gov.cn/realms/region',
    OIDC_CLIENT_ID: 'zhaoshang',
    OIDC_CLIENT_SECRET: 's3cret-0123456789',
    OIDC_REDIRECT_URI: 'https://zhaoshang.example.gov.cn/session/oidc/callback',
  };

  it('defaults: 60 minutes idle, 12 hours at most, Secure only in production, dev accounts without API_KEYS', () => {
    const dev = read({}).config;
    expect(dev).toEqual({
      sessionIdleMs: 3_600_000,
      sessionAbsoluteMs: 43_200_000,
      secureCookie: false,
      devAccounts: true,
      signInFailuresPerUser: 5,
      signInFailuresPerAddress: 20,
    });
    expect(read({ API_KEYS: 'k:auditor:region' }).config.devAccounts).toBe(false);
    expect(read({}, true).config).toMatchObject({ secureCookie: true, devAccounts: false });
  });

  it('production refuses DEV_ACCOUNTS=true, a half-set OpenID Connect and a plain-HTTP callback', () => {
    expect(read({ DEV_ACCOUNTS: 'true' }, true).problems).toEqual([
      'DEV_ACCOUNTS=true: the development accounts are never created in production',
    ]);
    expect(read({ OIDC_ISSUER: OIDC.OIDC_ISSUER }).problems[0]).toMatch(
      /missing OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/,
    );
    const plain = read(
      { ...OIDC, OIDC_REDIRECT_URI: 'http://zhaoshang.example.gov.cn/session/oidc/callback' },
      true,
    );
    expect(plain.problems).toEqual([expect.stringContaining('must be https://')]);
    expect(read(OIDC, true)).toEqual({
      config: expect.objectContaining({
        oidc: { ...OIDC_CONFIG(OIDC), usernameClaim: 'preferred_username' },
      }),
      problems: [],
    });
  });

  it('refuses a timeout that is not a positive whole number', () => {
    expect(() => read({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => read({ SESSION_ABSOLUTE_HOURS: '1.5' })).toThrow(/SESSION_ABSOLUTE_HOURS/);
  });
});

const OIDC_CONFIG = (env: Record<string, string>) => ({
  issuer: env.OIDC_ISSUER,
  clientId: env.OIDC_CLIENT_ID,
  clientSecret: env.OIDC_CLIENT_SECRET,
  redirectUri: env.OIDC_REDIRECT_URI,
});
