import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountsConfig } from '../src/accounts/accounts-config';
import { request, startTestApp } from './support';

/**
 * OpenID Connect sign-in (issue #18 item 1) against an identity provider this test serves itself:
 * its discovery document, its JWKS (an RSA key made here) and its token endpoint, which checks the
 * client's secret, the redirect URI and the PKCE verifier (RFC 7636 S256) before it answers an ID
 * token signed RS256 with the nonce it was given. The person's visit to the provider's login page is
 * played by the test: it reads the authorization request and sends the browser back with a code.
 */
interface Person {
  readonly sub: string;
  readonly preferred_username?: string;
}

const CLIENT_ID = 'zhaoshang-workbench';
const CLIENT_SECRET = 'client-secret-0123456789';
const REDIRECT_URI = 'http://127.0.0.1/session/oidc/callback';

const b64url = (x: Buffer | string) => Buffer.from(x).toString('base64url');

const startProvider = async () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const codes = new Map<string, { person: Person; nonce: string; challenge: string; redirectUri: string }>();
  let url = '';
  const idToken = (person: Person, nonce: string): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', kid: 'k1', typ: 'JWT' }));
    const payload = b64url(
      JSON.stringify({ iss: url, aud: CLIENT_ID, iat: now, exp: now + 300, nonce, ...person }),
    );
    return `${header}.${payload}.${b64url(sign('sha256', Buffer.from(`${header}.${payload}`), privateKey))}`;
  };
  const server: Server = createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/.well-known/openid-configuration')
      return json(200, {
        issuer: url,
        authorization_endpoint: `${url}/authorize`,
        token_endpoint: `${url}/token`,
        jwks_uri: `${url}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      });
    if (req.url === '/jwks')
      return json(200, {
        keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }],
      });
    if (req.url === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
        if (req.headers.authorization !== `Basic ${basic}`) return json(401, { error: 'invalid_client' });
        const issued = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (
          issued === undefined ||
          form.get('grant_type') !== 'authorization_code' ||
          form.get('redirect_uri') !== issued.redirectUri ||
          b64url(createHash('sha256').update(verifier).digest()) !== issued.challenge
        )
          return json(400, { error: 'invalid_grant' });
        return json(200, {
          access_token: b64url(randomBytes(16)),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken(issued.person, issued.nonce),
        });
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    /** The person signs in at the provider: the code the provider sends the browser back with. */
    login(authorizationUrl: string, person: Person): { code: string; state: string } {
      const q = new URL(authorizationUrl).searchParams;
      expect(q.get('code_challenge_method')).toBe('S256');
      expect(q.get('response_type')).toBe('code');
      expect(q.get('client_id')).toBe(CLIENT_ID);
      const code = b64url(randomBytes(16));
      codes.set(code, {
        person,
        nonce: q.get('nonce') ?? '',
        challenge: q.get('code_challenge') ?? '',
        redirectUri: q.get('redirect_uri') ?? '',
      });
      return { code, state: q.get('state') ?? '' };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

describe('sign-in through OpenID Connect (authorization code + PKCE, state, nonce)', () => {
  let idp: Awaited<ReturnType<typeof startProvider>>;
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    idp = await startProvider();
    t = await startTestApp({
      accounts: accountsConfig(
        {
          DEV_ACCOUNTS: 'true',
          OIDC_ISSUER: idp.url,
          OIDC_CLIENT_ID: CLIENT_ID,
          OIDC_CLIENT_SECRET: CLIENT_SECRET,
          OIDC_REDIRECT_URI: REDIRECT_URI,
        },
        false,
        [],
      ),
    });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  /** The browser's round trip: to the provider, the person signs in there, back to the callback. */
  const roundTrip = async (
    person: Person,
    tamper?: (p: { code: string; state: string }) => { code: string; state: string },
  ) => {
    const start = await request(t.http).get('/session/oidc');
    expect(start.status).toBe(302);
    expect(start.headers.location).toMatch(new RegExp(`^${idp.url}/authorize\\?`));
    const stateCookie = (start.headers['set-cookie'] as unknown as string[])[0]!;
    expect(stateCookie).toMatch(
      /^zs_oidc=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Lax; Path=\/session\/oidc; Max-Age=600$/,
    );
    const back = idp.login(start.headers.location as string, person);
    const { code, state } = tamper === undefined ? back : tamper(back);
    return request(t.http)
      .get(`/session/oidc/callback?code=${code}&state=${state}`)
      .set('cookie', stateCookie.split(';')[0]!);
  };

  it('a person the provider names by an account’s username gets that account’s session and goes to the workbench', async () => {
    const res = await roundTrip({ sub: 'idp-1001', preferred_username: 'demo-officer' });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/workbench/');
    const session = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('zs_session='),
    )!;
    expect(session).toMatch(/^zs_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    const me = await request(t.http).get('/session').set('cookie', session.split(';')[0]!);
    expect(me.body).toEqual({
      userId: 'demo-officer',
      displayName: '经开区招商专员（演示）',
      role: 'investment-officer',
      unitId: 'jingkaiqu',
    });
  });

  it('from then on the account is the one linked to the provider’s sub, whatever name the provider sends', async () => {
    const res = await roundTrip({ sub: 'idp-1001', preferred_username: 'demo-leader' });
    const session = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('zs_session='),
    )!;
    const me = await request(t.http).get('/session').set('cookie', session.split(';')[0]!);
    expect(me.body.userId).toBe('demo-officer');
  });

  it('a person without an account here is refused with a page that says so in both languages', async () => {
    const res = await roundTrip({ sub: 'idp-2002', preferred_username: 'stranger' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('本系统没有对应的有效账号');
    expect(res.text).toContain('no active account');
    expect(res.text).toContain('stranger');
    expect(res.headers['set-cookie']?.toString()).not.toContain('zs_session=');
  });

  it('a callback with another state than the browser’s, or a code the provider did not issue, opens no session', async () => {
    const wrongState = await roundTrip({ sub: 'idp-1001' }, (p) => ({
      ...p,
      state: b64url(randomBytes(32)),
    }));
    expect(wrongState.status).toBe(400);
    expect(wrongState.text).toContain('统一身份认证登录失败');
    const wrongCode = await roundTrip({ sub: 'idp-1001' }, (p) => ({ ...p, code: 'not-issued' }));
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.text).toContain('invalid_grant');
    const noCookie = await request(t.http).get('/session/oidc/callback?code=x&state=y');
    expect(noCookie.status).toBe(400);
  });
});

describe('without OIDC_ISSUER', () => {
  it('GET /session/oidc answers 404 OIDC_NOT_CONFIGURED', async () => {
    const t = await startTestApp();
    try {
      const res = await request(t.http).get('/session/oidc');
      expect([res.status, res.body.code, res.body.message.zh]).toEqual([
        404,
        'OIDC_NOT_CONFIGURED',
        '本部署未配置统一身份认证（OpenID Connect）',
      ]);
    } finally {
      await t.close();
    }
  }, 60_000);
});
