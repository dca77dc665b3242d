import { projectLife, regionTargets, unitTargets } from '../src/demo/project-life';
import { authFor, request, routeOf, send, startTestApp } from './support';

const spec = {
  projectId: 'XM-2024-0317',
  unitId: 'jingkaiqu',
  name: '年产 5 万吨锂电池正极材料项目',
  investor: '福建宁川新能源材料有限公司',
  industryChain: '新能源电池',
  content: '建设磷酸铁锂正极材料生产线 4 条及研发中心',
  totalYi: 5,
  capturedOn: '2024-03-01',
};

describe('the life of one project over HTTP, from lead to clawback', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    // Today after the last fact of the life (its clawback on 2027-03-10): no fact is dated in the future.
    t = await startTestApp({}, '2027-12-31');
  });
  afterAll(() => t.close());

  it('every command of the life is accepted, with revisions and positions that grow', async () => {
    let last = -1n;
    for (const step of projectLife(spec)) {
      const res = await send(t.http, step);
      if (res.status !== routeOf(step.command).status)
        throw new Error(`${step.command.type}: ${res.status} ${JSON.stringify(res.body)}`);
      expect(res.body.events.length).toBeGreaterThan(0);
      expect(BigInt(res.body.position)).toBeGreaterThan(last);
      last = BigInt(res.body.position);
    }
    // Read-your-writes: ask for the position of the last write.
    const auditor = await authFor('auditor');
    const project = await request(t.http).get(`/projects/${spec.projectId}?atLeast=${last}`).set(auditor);
    expect(project.status).toBe(200);
    expect(project.body.caughtUp).toBe(true);
    expect(BigInt(project.body.position)).toBeGreaterThanOrEqual(last);
    expect(project.body.data).toMatchObject({
      projectId: spec.projectId,
      unitId: 'jingkaiqu',
      intendedInvestment: 50_000_000_000,
      stage: 'in-production',
      closed: false,
    });

    // One project waits for its own last event: consistent without atLeast, same answer.
    const direct = await request(t.http).get(`/projects/${spec.projectId}`).set(auditor);
    expect(direct.status).toBe(200);
    expect(direct.body.data).toEqual(project.body.data);
    expect(direct.body.data.stage).toBeDefined();

    const fulfilment = await request(t.http).get(`/fulfilment?unitId=jingkaiqu&atLeast=${last}`).set(auditor);
    const entry = fulfilment.body.data.items.find((f: { projectId: string }) => f.projectId === spec.projectId);
    const [incentive] = Object.values(entry.incentives) as Array<{ disbursed: number; clawedBack: number }>;
    expect(incentive!.disbursed).toBeGreaterThan(0);
    expect(incentive!.clawedBack).toBeGreaterThan(0);
    expect(incentive!.clawedBack).toBeLessThanOrEqual(incentive!.disbursed);
    expect(entry).toMatchObject({ disbursed: incentive!.disbursed, clawedBack: incentive!.clawedBack });

    const history = await request(t.http).get(`/projects/${spec.projectId}/history`).set(auditor);
    expect(history.status).toBe(200);
    expect(history.body.data.chain.ok).toBe(true);
    const types = history.body.data.events.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('LeadCaptured');
    expect(types).toEqual(
      expect.arrayContaining([
        'AdmissionApproved',
        'AgreementSigned',
        'IncentiveDisbursed',
        'SubsidyClawedBack',
      ]),
    );
    // Metadata: actor from the token, command id, business time from the command's date.
    expect(history.body.data.events[0].metadata).toMatchObject({
      actor: { role: 'investment-officer', unitId: 'jingkaiqu' },
      businessTime: '2024-03-01T00:00:00+08:00',
    });
  }, 60_000);

  it('a target year: the region and a unit set targets and read their progress', async () => {
    for (const step of [regionTargets('xiangshan-district', 2024), unitTargets('jingkaiqu', 2024)]) {
      const res = await send(t.http, step);
      expect(res.status).toBe(201);
    }
    const res = await request(t.http)
      .get('/targets/jingkaiqu/2024/progress?asOf=2024-12-31')
      .set(await authFor('supervision-office'));
    expect(res.status).toBe(200);
    const leads = res.body.data.metrics.find((m: { metric: string }) => m.metric === 'leads');
    // 序时进度 on the last day of the year is the whole target.
    expect(leads).toMatchObject({ target: 50, actual: 1, expected: 50, gap: -49 });
    expect(leads.series).toHaveLength(12);
    const signed = res.body.data.metrics.find((m: { metric: string }) => m.metric === 'signedProjects');
    expect(signed.actual).toBe(1); // 5亿元 ≥ 1亿元, signed 2024-04-25
    const year = await request(t.http)
      .get('/targets/2024/progress')
      .set(await authFor('auditor'));
    expect(year.body.data.map((p: { unitId: string }) => p.unitId).sort()).toEqual([
      'jingkaiqu',
      'xiangshan-district',
    ]);
    const review = await request(t.http)
      .get('/performance/2024')
      .set(await authFor('auditor'));
    expect(review.body.data.units).toEqual([
      expect.objectContaining({ unitId: 'jingkaiqu', counts: expect.objectContaining({ newSignings: 1 }), rank: 1 }),
    ]);
  });
});
