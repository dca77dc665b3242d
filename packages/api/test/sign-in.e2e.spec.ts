import { accountsConfig } from '../src/accounts/accounts-config';
import { leadIn, request, send, startTestApp } from './support';

/** Issue #18 item 1 (COMMON contract): sign-in with an account, the session cookie and its rules. */
const WORKBENCH = { 'x-requested-with': 'zhaoshang-workbench' };
const DEV_PASSWORD = 'zhaoshang-dev';

/** The app with the development accounts, and sign-in limits low enough to reach in a test. */
const startWithAccounts = (env: NodeJS.ProcessEnv = {}) =>
  startTestApp({ accounts: accountsConfig({ DEV_ACCOUNTS: 'true', ...env }, false, []) });

/** The `zs_session=…` pair of a sign-in answer, as a browser would send it back. */
const cookieOf = (res: { headers: Record<string, unknown> }): string => {
  const set = res.headers['set-cookie'] as string[] | undefined;
  const pair = set?.[0]?.split(';')[0];
  if (pair === undefined) throw new Error('no Set-Cookie');
  return pair;
};

const project = leadIn;

describe('sign-in with a development account (POST/GET/DELETE /session)', () => {
  let t: Awaited<ReturnType<typeof startWithAccounts>>;
  beforeAll(async () => {
    t = await startWithAccounts({ SIGN_IN_FAILURES_PER_USER: '3', SIGN_IN_FAILURES_PER_ADDRESS: '0' });
  }, 60_000);
  afterAll(() => t.close());

  const signIn = (username: string, password: string) =>
    request(t.http).post('/session').set(WORKBENCH).send({ username, password });

  it('answers who signed in and sets an HttpOnly, SameSite=Strict session cookie for the whole site', async () => {
    const res = await signIn('demo-officer', DEV_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      userId: 'demo-officer',
      displayName: '经开区招商专员（演示）',
      role: 'investment-officer',
      unitId: 'jingkaiqu',
    });
    const set = (res.headers['set-cookie'] as unknown as string[])[0]!;
    expect(set).toMatch(/^zs_session=[A-Za-z0-9_-]{43}; /);
    expect(set.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
    const me = await request(t.http).get('/session').set('cookie', cookieOf(res));
    expect([me.status, me.body]).toEqual([200, res.body]);
  });

  it('a wrong password, an unknown username: the same 401 in both languages, no cookie', async () => {
    const wrong = await signIn('demo-leader', 'not-the-password');
    const unknown = await signIn('nobody-here', 'not-the-password');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('SIGN_IN_FAILED');
      expect(res.body.message.zh).toContain('用户名或密码错误');
      expect(res.body.message.en).toContain('Wrong username or password');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect((await request(t.http).get('/session')).status).toBe(401);
  });

  it('the cookie is accepted as a token is: an officer reads their unit only and writes as their userId', async () => {
    const cookie = cookieOf(await signIn('demo-officer', DEV_PASSWORD));
    const other = await send(t.http, project('XM-SESSION-OTHER', 'gaoxinqu'));
    expect(other.status).toBe(201);
    const { type: _type, ...body } = project('XM-SESSION-OWN', 'jingkaiqu').command;
    const captured = await request(t.http).post('/projects').set('cookie', cookie).set(WORKBENCH).send(body);
    expect(captured.status).toBe(201);
    const [event] = await t.z.store.readStream(captured.body.streamName as string);
    expect(event!.metadata).toMatchObject({
      actor: { userId: 'demo-officer', role: 'investment-officer', unitId: 'jingkaiqu' },
    });
    const foreign = await request(t.http).get('/projects/XM-SESSION-OTHER').set('cookie', cookie);
    expect([foreign.status, foreign.body.code]).toEqual([403, 'OUTSIDE_UNIT']);
    const list = await request(t.http)
      .get(`/projects?atLeast=${captured.body.position as string}`)
      .set('cookie', cookie);
    expect(list.body.data.items.map((p: { projectId: string }) => p.projectId)).toEqual(['XM-SESSION-OWN']);
    const otherUnit = await request(t.http)
      .post('/projects')
      .set('cookie', cookie)
      .set(WORKBENCH)
      .send({ ...body, projectId: 'XM-SESSION-X', unitId: 'gaoxinqu' });
    expect([otherUnit.status, otherUnit.body.code]).toEqual([403, 'OUTSIDE_UNIT']);
  });

  it('a change sent with the cookie but without X-Requested-With: zhaoshang-workbench is refused (403, CSRF)', async () => {
    const cookie = cookieOf(await signIn('demo-officer', DEV_PASSWORD));
    const { type: _type, ...body } = project('XM-SESSION-CSRF', 'jingkaiqu').command;
    const res = await request(t.http).post('/projects').set('cookie', cookie).send(body);
    expect([res.status, res.body.code]).toEqual([403, 'CSRF_HEADER_REQUIRED']);
    expect(res.body.message.zh).toContain('X-Requested-With');
    const wrongValue = await request(t.http)
      .post('/projects')
      .set('cookie', cookie)
      .set('x-requested-with', 'XMLHttpRequest')
      .send(body);
    expect(wrongValue.status).toBe(403);
    expect((await request(t.http).get('/projects/XM-SESSION-CSRF').set('cookie', cookie)).status).toBe(404);
    expect((await request(t.http).delete('/session').set('cookie', cookie)).status).toBe(403);
  });

  it('sign-out deletes the session: the cookie is cleared and no longer accepted', async () => {
    const cookie = cookieOf(await signIn('demo-leader', DEV_PASSWORD));
    expect((await request(t.http).get('/projects').set('cookie', cookie)).status).toBe(200);
    const out = await request(t.http).delete('/session').set('cookie', cookie).set(WORKBENCH);
    expect(out.status).toBe(204);
    expect((out.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^zs_session=; .*Max-Age=0/);
    const after = await request(t.http).get('/projects').set('cookie', cookie);
    expect([after.status, after.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await request(t.http).get('/session').set('cookie', cookie)).status).toBe(401);
  });

  it('repeated failures for one username are refused with 429 and Retry-After, even with the right password', async () => {
    for (let i = 0; i < 2; i++) expect((await signIn('demo-leader', `wrong-${i}-password`)).status).toBe(401);
    const third = await signIn('demo-leader', 'wrong-3-password');
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('RATE_LIMITED');
    expect(third.body.message.zh).toContain('请求过于频繁');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    const right = await signIn('demo-leader', DEV_PASSWORD);
    expect([right.status, right.body.params?.limit]).toEqual([429, 'sign-in-failures-per-user']);
    expect((await signIn('demo-officer', DEV_PASSWORD)).status).toBe(200); // another username is not held up
  });
});

describe('sessions expire', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  afterEach(() => t.close());

  it('after the idle timeout without a request', async () => {
    const accounts = accountsConfig({ DEV_ACCOUNTS: 'true' }, false, []);
    t = await startTestApp({ accounts: { ...accounts, sessionIdleMs: 600 } });
    const res = await request(t.http)
      .post('/session')
      .send({ username: 'demo-officer', password: DEV_PASSWORD });
    const cookie = cookieOf(res);
    expect((await request(t.http).get('/session').set('cookie', cookie)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 700));
    expect((await request(t.http).get('/session').set('cookie', cookie)).status).toBe(401);
  }, 60_000);

  it('after the absolute timeout however often it is used', async () => {
    const accounts = accountsConfig({ DEV_ACCOUNTS: 'true' }, false, []);
    t = await startTestApp({ accounts: { ...accounts, sessionAbsoluteMs: 900 } });
    const cookie = cookieOf(
      await request(t.http).post('/session').send({ username: 'demo-officer', password: DEV_PASSWORD }),
    );
    for (let i = 0; i < 3; i++) {
      expect((await request(t.http).get('/session').set('cookie', cookie)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 500));
    expect((await request(t.http).get('/projects').set('cookie', cookie)).status).toBe(401);
  }, 60_000);
});

describe('account administration over HTTP (the leading-group office)', () => {
  let t: Awaited<ReturnType<typeof startWithAccounts>>;
  let leader: string;
  beforeAll(async () => {
    t = await startWithAccounts();
    leader = cookieOf(
      await request(t.http).post('/session').send({ username: 'demo-leader', password: DEV_PASSWORD }),
    );
  }, 60_000);
  afterAll(() => t.close());
  const asLeader = (method: 'get' | 'post' | 'put', path: string) =>
    request(t.http)[method](path).set('cookie', leader).set(WORKBENCH);

  it('adds an account with a generated password (answered once); the person signs in with it', async () => {
    const added = await asLeader('post', '/accounts').send({
      username: 'li-xiaoyan',
      displayName: '李晓燕（高新区招商局）',
      role: 'investment-officer',
      unitId: 'gaoxinqu',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ username: 'li-xiaoyan', role: 'investment-officer', disabled: false });
    expect(added.body.password).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const list = await asLeader('get', '/accounts');
    expect(list.body.data.map((a: { username: string }) => a.username)).toEqual([
      'demo-leader',
      'demo-officer',
      'li-xiaoyan',
    ]);
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password/);
    const signedIn = await request(t.http)
      .post('/session')
      .send({ username: 'li-xiaoyan', password: added.body.password as string });
    expect([signedIn.status, signedIn.body.unitId]).toEqual([200, 'gaoxinqu']);
  });

  it('disabling an account ends its sessions and refuses its sign-in; enabling lets it in again', async () => {
    const officer = cookieOf(
      await request(t.http).post('/session').send({ username: 'demo-officer', password: DEV_PASSWORD }),
    );
    expect((await request(t.http).get('/session').set('cookie', officer)).status).toBe(200);
    const disabled = await asLeader('post', '/accounts/demo-officer/disable').send({});
    expect([disabled.status, disabled.body.disabled]).toEqual([200, true]);
    expect((await request(t.http).get('/projects').set('cookie', officer)).status).toBe(401);
    const refused = await request(t.http)
      .post('/session')
      .send({ username: 'demo-officer', password: DEV_PASSWORD });
    expect([refused.status, refused.body.code]).toEqual([401, 'SIGN_IN_FAILED']);
    expect((await asLeader('post', '/accounts/demo-officer/enable').send({})).status).toBe(200);
    expect(
      (await request(t.http).post('/session').send({ username: 'demo-officer', password: DEV_PASSWORD }))
        .status,
    ).toBe(200);
  });

  it('refusals answer in both languages: a weak password, a taken username, an unknown account or unit', async () => {
    const weak = await asLeader('put', '/accounts/demo-officer/password').send({ password: 'zhaoshang-dev' });
    expect([weak.status, weak.body.code]).toEqual([422, 'PASSWORD_TOO_WEAK']);
    expect(weak.body.message.zh).toContain('密码过于简单');
    const short = await asLeader('put', '/accounts/demo-officer/password').send({ password: 'short' });
    expect([short.status, short.body.message.en]).toEqual([
      422,
      'The password must have at least 10 characters',
    ]);
    const taken = await asLeader('post', '/accounts').send({
      username: 'demo-officer',
      displayName: '重复',
      role: 'auditor',
      unitId: 'region',
    });
    expect([taken.status, taken.body.code, taken.body.message.zh]).toEqual([
      409,
      'ACCOUNT_EXISTS',
      '用户名 demo-officer 已被使用',
    ]);
    expect((await asLeader('post', '/accounts/nobody-here/disable').send({})).status).toBe(404);
    const system = await asLeader('post', '/accounts').send({
      username: 'robot',
      displayName: '机器',
      role: 'system',
      unitId: 'region',
    });
    expect(system.status).toBe(400);
    const unit = await asLeader('post', '/accounts').send({
      username: 'new-person',
      displayName: '新人',
      role: 'auditor',
      unitId: 'no-such-unit',
    });
    expect(unit.status).toBe(400);
  });

  it('a new password ends the account’s sessions', async () => {
    const officer = cookieOf(
      await request(t.http).post('/session').send({ username: 'demo-officer', password: DEV_PASSWORD }),
    );
    const set = await asLeader('put', '/accounts/demo-officer/password').send({ password: 'river-stone-42' });
    expect([set.status, set.body.password]).toEqual([200, undefined]);
    expect((await request(t.http).get('/session').set('cookie', officer)).status).toBe(401);
    expect(
      (await request(t.http).post('/session').send({ username: 'demo-officer', password: 'river-stone-42' }))
        .status,
    ).toBe(200);
  });

  it('only the leading-group office administers accounts: an officer gets 403, nobody signed in 401', async () => {
    const officer = cookieOf(
      await request(t.http).post('/session').send({ username: 'demo-officer', password: 'river-stone-42' }),
    );
    const res = await request(t.http).get('/accounts').set('cookie', officer);
    expect([res.status, res.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect((await request(t.http).get('/accounts')).status).toBe(401);
  });
});
