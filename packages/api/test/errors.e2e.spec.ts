import { lifeUntil } from '../src/demo/project-life';
import { authFor, request, send, startTestApp } from './support';

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

describe('errors: bad input never reaches the domain, nothing is appended on any error', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  const head = async () =>
    (await t.z.store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.globalPosition ?? 0n;

  beforeAll(async () => {
    t = await startTestApp();
    for (const step of lifeUntil(spec('XM-E-1'), 'qualified'))
      expect((await send(t.http, step)).status).toBeLessThan(300);
  });
  afterAll(() => t.close());

  it('400 lists every failing path with what was expected', async () => {
    const before = await head();
    const res = await request(t.http)
      .post('/projects')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .send({
        unitId: 'jingkaiqu',
        name: '',
        investor: {},
        industryChain: 'x',
        content: 'y',
        channel: 'telepathy',
        intendedInvestment: 1.5,
        capturedOn: '2024-02-30',
        spurious: 1,
      });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_INPUT');
    const paths = Object.fromEntries(
      res.body.errors.map((e: { path: string; expected: string }) => [e.path, e.expected]),
    );
    // What was expected, as a person reads it (issue #18 item 7), not the codec's name.
    expect(paths).toMatchObject({
      name: '文字（不能为空，至多 4000 字） text, not blank, at most 4000 characters',
      'investor.name': '文字（不能为空，至多 4000 字） text, not blank, at most 4000 characters',
      channel: expect.stringContaining('industrial-chain（产业链招商）'),
      intendedInvestment:
        '金额（人民币，单位分，非负整数） an amount in CNY, in 分 (fen; a non-negative integer)',
      capturedOn:
        '日期（YYYY-MM-DD，北京时间，1900–2199 年） a date YYYY-MM-DD (Asia/Shanghai), years 1900–2199',
    });
    expect(JSON.stringify(res.body.errors)).not.toMatch(
      /"expected":"(NonEmptyText|Channel|Cny|BusinessDate)"/,
    );
    expect(res.body.message.zh).toContain('请求内容不合法');
    expect(res.body.text).toBe(res.body.message.zh);
    expect(await head()).toBe(before);
  });

  it('400 for undeclared properties, nested ones included', async () => {
    const res = await request(t.http)
      .post('/projects/XM-E-1/visits')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .send({
        leaderId: 'LD-1',
        on: '2024-02-10',
        summary: '走访',
        evidence: [{ sha256: 'a'.repeat(64), name: 'x', kind: 'report', secret: true }],
      });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { path: 'evidence.0.secret', expected: 'no such property', value: true },
    ]);
  });

  it('400 for a query parameter on a command route (a misspelt option is never ignored), nothing appended', async () => {
    const before = await head();
    const res = await request(t.http)
      .post('/projects/XM-E-1/visits?dryRun=true')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .send({ leaderId: 'LD-1', on: '2024-02-10', summary: '走访' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { path: 'query:dryRun', expected: 'no query parameter', value: 'true' },
    ]);
    expect(await head()).toBe(before);
  });

  it('400 for a body that is not JSON, never a 500', async () => {
    const res = await request(t.http)
      .post('/projects')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .set('content-type', 'application/json')
      .send('{"unitId": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_JSON');
  });

  it('400 for bad query parameters', async () => {
    const res = await request(t.http)
      .get('/projects?atLeast=soon')
      .set(await authFor('auditor'));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      path: 'atLeast',
      expected: '事件位置（十进制数字串，不透明） an event-store position (decimal digits, opaque)',
    });
  });

  it('404 for an unknown project, on a command and on a query', async () => {
    const before = await head();
    const cmd = await request(t.http)
      .post('/projects/XM-NOPE/qualification')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .send({ on: '2024-02-10', assessment: '有效' });
    expect(cmd.status).toBe(404);
    expect(cmd.body).toMatchObject({
      code: 'PROJECT_NOT_FOUND',
      message: { zh: '项目 XM-NOPE 不存在', en: 'Project XM-NOPE does not exist' },
    });
    const q = await request(t.http)
      .get('/projects/XM-NOPE')
      .set(await authFor('auditor'));
    expect(q.status).toBe(404);
    expect(q.body.code).toBe('PROJECT_NOT_FOUND');
    expect(await head()).toBe(before);
  });

  it('422 for a broken rule, with its code, rule, params and both languages (Accept-Language picks one)', async () => {
    const before = await head();
    const res = await request(t.http)
      .post('/projects/XM-E-1/agreement')
      .set(await authFor('leading-group-office'))
      .set('accept-language', 'en-GB,en;q=0.9,zh;q=0.5')
      .send(lifeUntil(spec('XM-E-1'), 'signed').find((s) => s.command.type === 'SignAgreement')!.command);
    expect(res.status).toBe(422);
    expect(res.body.code).toMatch(/^[A-Z_]+$/);
    expect(res.body.text).toBe(res.body.message.en);
    expect(res.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body).toHaveProperty('params');
    expect(await head()).toBe(before);
  });

  it('422 carries the rule it enforces (R1 admission before signing)', async () => {
    // A ≥1000万元 project signed without admission review breaks R1.
    const steps = lifeUntil(spec('XM-E-R1'), 'signed').filter(
      (s) => !['OpenConsultation', 'RecordDepartmentOpinion', 'ApproveAdmission'].includes(s.command.type),
    );
    let last;
    for (const step of steps) last = await send(t.http, step);
    expect(last!.status).toBe(422);
    expect(last!.body).toMatchObject({ code: 'ADMISSION_REQUIRED', rule: 'R1' });
  });

  it('409 for a write against a stale revision (If-Match), with the current revision', async () => {
    const before = await head();
    const res = await request(t.http)
      .post('/projects/XM-E-1/negotiations')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .set('if-match', '0')
      .send({ on: '2024-02-11', summary: '第二轮洽谈' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', currentRevision: 1 });
    expect(await head()).toBe(before);
    const ok = await request(t.http)
      .post('/projects/XM-E-1/negotiations')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .set('if-match', '1')
      .send({ on: '2024-02-11', summary: '第二轮洽谈' });
    expect(ok.status).toBe(200);
    expect(ok.body.revision).toBe(2);
  });

  it('401 without or with bad credentials, 403 for a role or a unit not allowed', async () => {
    const body = { on: '2024-02-12', summary: '洽谈' };
    expect((await request(t.http).post('/projects/XM-E-1/negotiations').send(body)).status).toBe(401);
    expect(
      (await request(t.http).post('/projects/XM-E-1/negotiations').set('x-api-key', 'nope').send(body))
        .status,
    ).toBe(401);
    expect((await request(t.http).get('/projects').set('authorization', 'Bearer a.b.c')).status).toBe(401);
    const auditor = await request(t.http)
      .post('/projects/XM-E-1/negotiations')
      .set(await authFor('auditor'))
      .send(body);
    expect(auditor.status).toBe(403);
    expect(auditor.body.code).toBe('ROLE_NOT_ALLOWED');
    const before = await head();
    const other = await request(t.http)
      .post('/projects/XM-E-1/negotiations')
      .set(await authFor('investment-officer', 'gaoxinqu'))
      .send(body);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({
      code: 'OUTSIDE_UNIT',
      params: { unitId: 'jingkaiqu', actorUnitId: 'gaoxinqu' },
    });
    const capture = await request(t.http)
      .post('/projects')
      .set(await authFor('investment-officer', 'gaoxinqu'))
      .send({ ...lifeUntil(spec('XM-E-2'), 'lead')[0]!.command, type: undefined });
    expect(capture.status).toBe(403);
    expect(await head()).toBe(before);
  });
});

describe('idempotency: Idempotency-Key makes a retry safe', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('a retried create returns the first answer and appends nothing, even without a project id', async () => {
    const { projectId: _omit, type: _type, ...body } = lifeUntil(spec('ignored'), 'lead')[0]!.command;
    const auth = await authFor('investment-officer', 'jingkaiqu');
    const first = await request(t.http)
      .post('/projects')
      .set(auth)
      .set('idempotency-key', 'capture-001')
      .send(body);
    expect(first.status).toBe(201);
    expect(first.body.duplicate).toBe(false);
    const again = await request(t.http)
      .post('/projects')
      .set(auth)
      .set('idempotency-key', 'capture-001')
      .send(body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    const all = await t.z.store.readAll();
    expect(all).toHaveLength(1);
    // The command id is the key scoped to the caller and the route (http/idempotency.ts).
    expect(all[0]!.metadata.commandId).toMatch(/^idem-[0-9a-f]{32}$/);
  });

  it('a retried transition returns the first answer although the project has moved on', async () => {
    const auth = await authFor('investment-officer', 'jingkaiqu');
    for (const step of lifeUntil(spec('XM-I-1'), 'lead')) await send(t.http, step);
    const qualify = { on: '2024-02-08', assessment: '有效线索' };
    const first = await request(t.http)
      .post('/projects/XM-I-1/qualification')
      .set(auth)
      .set('idempotency-key', 'q-1')
      .send(qualify);
    await request(t.http)
      .post('/projects/XM-I-1/negotiations')
      .set(auth)
      .send({ on: '2024-02-09', summary: '洽谈' });
    const again = await request(t.http)
      .post('/projects/XM-I-1/qualification')
      .set(auth)
      .set('idempotency-key', 'q-1')
      .send(qualify);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      duplicate: true,
      revision: first.body.revision,
      position: first.body.position,
      events: first.body.events,
    });
    expect((await t.z.store.readStream('project-XM-I-1')).length).toBe(3);
  });
});
