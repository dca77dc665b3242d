import { lifeUntil } from '../src/demo/project-life';
import { principalKey } from '../src/auth/auth.guard';
import { fingerprintOf, IdempotencyStore } from '../src/http/idempotency';
import { authFor, request, send, startTestApp, SYSTEM_KEY } from './support';

/** Issue #13 items 2 and 5: who, when and what of a request; abuse limits; headers. */
const spec = (projectId: string, unitId = 'jingkaiqu') => ({
  projectId,
  unitId,
  name: '精密模具加工项目',
  investor: '宁波某模具有限公司',
  industryChain: '装备制造',
  content: '建设精密注塑模具生产线',
  totalYi: 2,
  capturedOn: '2024-02-01',
});

/** A capture's body without its project id (the server derives it from the command id). */
const captureBody = (unitId: string, name = '复合材料项目') => {
  const {
    projectId: _p,
    type: _t,
    ...body
  } = lifeUntil({ ...spec('ignored', unitId), name }, 'lead')[0]!.command;
  return body;
};

describe('Idempotency-Key (IETF httpapi draft): scoped to the caller and the route, with the body’s fingerprint', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  const count = async () => (await t.z.store.readAll()).length;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it('another unit’s officer reusing a key gets their own answer and their request is recorded', async () => {
    const a = await request(t.http)
      .post('/projects')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .set('idempotency-key', 'lead-1')
      .send(captureBody('jingkaiqu'));
    const b = await request(t.http)
      .post('/projects')
      .set(await authFor('investment-officer', 'gaoxinqu'))
      .set('idempotency-key', 'lead-1')
      .send(captureBody('gaoxinqu'));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.duplicate).toBe(false);
    expect(b.body.streamName).not.toBe(a.body.streamName);
    expect((await t.z.store.readStream(b.body.streamName as string))[0]!.data).toMatchObject({
      unitId: 'gaoxinqu',
    });
  });

  it('a different command on the same project with a used key is processed, not answered "duplicate"', async () => {
    for (const step of lifeUntil(spec('XM-K-1'), 'lead')) await send(t.http, step);
    const auth = await authFor('investment-officer', 'jingkaiqu');
    const qualify = await request(t.http)
      .post('/projects/XM-K-1/qualification')
      .set(auth)
      .set('idempotency-key', 'k-1')
      .send({ on: '2024-02-08', assessment: '有效线索' });
    const negotiate = await request(t.http)
      .post('/projects/XM-K-1/negotiations')
      .set(auth)
      .set('idempotency-key', 'k-1')
      .send({ on: '2024-02-09', summary: '洽谈' });
    expect([qualify.status, negotiate.status]).toEqual([200, 200]);
    expect(negotiate.body.duplicate).toBe(false);
    expect(negotiate.body.events.map((e: { type: string }) => e.type)).toEqual(['NegotiationHeld']);
  });

  it('the same key with another body → 422 IDEMPOTENCY_KEY_REUSED, nothing recorded', async () => {
    const auth = await authFor('investment-officer', 'jingkaiqu');
    const first = await request(t.http)
      .post('/projects')
      .set(auth)
      .set('idempotency-key', 'lead-2')
      .send(captureBody('jingkaiqu', '第一个项目'));
    expect(first.status).toBe(201);
    const before = await count();
    const other = await request(t.http)
      .post('/projects')
      .set(auth)
      .set('idempotency-key', 'lead-2')
      .set('accept-language', 'en')
      .send(captureBody('jingkaiqu', '另一个项目'));
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(other.body.text).toMatch(/Idempotency-Key lead-2 was used for a request with another body/);
    expect(await count()).toBe(before);
    // The same body again is the first answer.
    const again = await request(t.http)
      .post('/projects')
      .set(auth)
      .set('idempotency-key', 'lead-2')
      .send(captureBody('jingkaiqu', '第一个项目'));
    expect(again.body).toEqual({ ...first.body, duplicate: true });
  });

  it('a key whose first request is still in flight → 409 IDEMPOTENCY_KEY_IN_FLIGHT, nothing recorded', async () => {
    const body = captureBody('jingkaiqu', '在途项目');
    // The first request holds the key (claimed as the dispatcher claims it, not yet completed).
    const held = t.z.app.get(IdempotencyStore).claim(
      {
        principal: principalKey({
          via: 'token',
          userId: 'user-investment-officer',
          role: 'investment-officer',
          unitId: 'jingkaiqu',
        }),
        method: 'POST',
        path: '/projects',
      },
      'lead-3',
      fingerprintOf(body),
    );
    expect(held.kind).toBe('run');
    const before = await count();
    const retry = await request(t.http)
      .post('/projects')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .set('idempotency-key', 'lead-3')
      .send(body);
    expect(retry.status).toBe(409);
    expect(retry.body.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
    expect(await count()).toBe(before);
    if (held.kind === 'run') held.release();
  });

  it('a request refused (400) frees its key: the corrected retry is processed', async () => {
    const auth = await authFor('investment-officer', 'jingkaiqu');
    const bad = await request(t.http)
      .post('/projects')
      .set(auth)
      .set('idempotency-key', 'lead-4')
      .send({ ...captureBody('jingkaiqu'), intendedInvestment: -1 });
    expect(bad.status).toBe(400);
    const fixed = await request(t.http)
      .post('/projects')
      .set(auth)
      .set('idempotency-key', 'lead-4')
      .send(captureBody('jingkaiqu', '修正后的项目'));
    expect(fixed.status).toBe(201);
    expect(fixed.body.duplicate).toBe(false);
  });

  it('keys expire after IDEMPOTENCY_KEY_TTL_HOURS (here 0): the key is then a new one', async () => {
    const expiring = await startTestApp({ idempotencyKeyTtlMs: 0 });
    try {
      const auth = await authFor('investment-officer', 'jingkaiqu');
      const post = (name: string) =>
        request(expiring.http)
          .post('/projects')
          .set(auth)
          .set('idempotency-key', 'lead-5')
          .send(captureBody('jingkaiqu', name));
      expect((await post('一')).status).toBe(201);
      const second = await post('二');
      expect(second.status).toBe(201);
      expect(second.body.duplicate).toBe(false);
    } finally {
      await expiring.close();
    }
  }, 60_000);
});

describe('abuse limits: 429 with Retry-After', () => {
  it('commands per principal (WRITE_RATE_LIMIT_PER_MINUTE): the caller beyond it, not another caller', async () => {
    const t = await startTestApp({ writeRateLimitPerMinute: 2 });
    try {
      const capture = async (unitId: string, name: string) =>
        request(t.http)
          .post('/projects')
          .set(await authFor('investment-officer', unitId))
          .send(captureBody(unitId, name));
      expect((await capture('jingkaiqu', '一')).status).toBe(201);
      expect((await capture('jingkaiqu', '二')).status).toBe(201);
      const third = await capture('jingkaiqu', '三');
      expect(third.status).toBe(429);
      expect(third.body).toMatchObject({ code: 'RATE_LIMITED', params: { limit: 'writes-per-principal' } });
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect((await capture('gaoxinqu', '四')).status).toBe(201);
      // Reads are not writes.
      expect(
        (
          await request(t.http)
            .get('/projects')
            .set(await authFor('investment-officer', 'jingkaiqu'))
        ).status,
      ).toBe(200);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('failed authentications per client address (AUTH_FAILURE_LIMIT_PER_MINUTE): then even a good key waits', async () => {
    const t = await startTestApp({ authFailureLimitPerMinute: 3 });
    try {
      const withKey = (key?: string) => {
        const r = request(t.http).get('/projects');
        return key === undefined ? r : r.set('x-api-key', key);
      };
      // No credentials is not a failed attempt.
      for (let i = 0; i < 5; i += 1) expect((await withKey()).status).toBe(401);
      for (let i = 0; i < 3; i += 1) expect((await withKey(`guess-${i}`)).status).toBe(401);
      const fourth = await withKey('guess-4');
      expect(fourth.status).toBe(429);
      expect(fourth.body).toMatchObject({
        code: 'RATE_LIMITED',
        params: { limit: 'auth-failures-per-address' },
      });
      expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(fourth.headers['retry-after'])).toBeLessThanOrEqual(60);
      const good = await withKey(SYSTEM_KEY);
      expect(good.status).toBe(429);
      expect(good.headers['retry-after']).toBeDefined();
    } finally {
      await t.close();
    }
  }, 60_000);

  it('the defaults are documented ones: 6,000 requests per address, 300 commands per principal, 30 failed authentications per address, a minute each', async () => {
    const { loadConfig } = await import('../src/config');
    const config = loadConfig({ DATA_DIR: '/nonexistent-zhaoshang' });
    expect([
      config.rateLimitPerMinute,
      config.writeRateLimitPerMinute,
      config.authFailureLimitPerMinute,
    ]).toEqual([6000, 300, 30]);
    expect(config.idempotencyKeyTtlMs).toBe(24 * 3_600_000);
  });
});

describe('headers on every answer (helmet)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it.each([
    ['a query', '/projects', 200],
    ['an error', '/projects?limit=x', 400],
    ['no credentials', '/projects', 401],
    ['health', '/health/live', 200],
    ['the OpenAPI document', '/openapi.json', 200],
    ['an unknown route', '/nowhere', 404],
  ])('%s: no X-Powered-By, nosniff, CSP, frame-ancestors none, no-store', async (_what, path, status) => {
    const req = request(t.http).get(path);
    const res = await (status === 401 ? req : req.set('x-api-key', SYSTEM_KEY));
    expect(res.status).toBe(status);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a command answer is JSON with no-store too', async () => {
    const res = await send(t.http, lifeUntil(spec('XM-H-1'), 'lead')[0]!);
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
