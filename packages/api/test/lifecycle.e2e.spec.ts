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
    const entry = fulfilment.body.data.items.find(
      (f: { projectId: string }) => f.projectId === spec.projectId,
    );
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
    // R11 · 000 §二「搜集招商信息 50 条」: the leads captured, whatever became of them.
    const leads = res.body.data.metrics.find((m: { metric: string }) => m.metric === 'capturedLeads');
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
      expect.objectContaining({
        unitId: 'jingkaiqu',
        counts: expect.objectContaining({ newSignings: 1 }),
        rank: 1,
      }),
    ]);
  });

  it('R11 · 000 §二「利用外资」: foreign capital actually received is recorded over HTTP and counted by the day it arrived', async () => {
    const receipt = {
      role: 'investment-officer' as const,
      unitId: 'jingkaiqu',
      command: {
        type: 'RecordForeignCapitalReceipt',
        projectId: spec.projectId,
        receiptId: 'WH-2024-1220-001',
        amount: 1_200 * 1_000_000, // 1200万美元 in cents
        on: '2024-12-20',
        evidence: [{ sha256: 'a'.repeat(64), name: '外汇登记业务凭证.pdf', kind: 'other' }],
        source: '中国香港',
      },
    };
    const res = await send(t.http, receipt);
    expect(res.status).toBe(routeOf(receipt.command).status);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['ForeignCapitalReceived']);
    // A repeat is harmless; the same receipt with another amount is refused (422, both languages).
    expect((await send(t.http, receipt)).body.events).toEqual([]);
    const conflict = await send(t.http, {
      ...receipt,
      command: { ...receipt.command, amount: 1_300 * 1_000_000 },
    });
    expect(conflict.status).toBe(422);
    expect(conflict.body.code).toBe('RECEIPT_ID_CONFLICT');
    const progress = await request(t.http)
      .get(`/targets/jingkaiqu/2024/progress?asOf=2024-12-31&atLeast=${res.body.position}`)
      .set(await authFor('supervision-office'));
    const foreign = progress.body.data.metrics.find((m: { metric: string }) => m.metric === 'foreignCapital');
    expect(foreign).toMatchObject({ target: 9_000 * 1_000_000, actual: 1_200 * 1_000_000 });
  });

  it('R13 · 004 §(十六): a link both ways is refused, and a duplicate link is undone over HTTP with a reason', async () => {
    const other = { ...spec, projectId: 'XM-GX-0088', unitId: 'gaoxinqu', capturedOn: '2024-11-02' };
    const capture = projectLife(other)[0]!;
    expect((await send(t.http, capture)).status).toBe(201);
    const office = (command: Record<string, unknown> & { type: string }) => ({
      role: 'supervision-office' as const,
      unitId: 'jingkaiqu',
      command,
    });
    // 高新区's lead repeats 经开区's project: linked to it, so it counts once.
    const link = await send(
      t.http,
      office({
        type: 'LinkDuplicate',
        projectId: other.projectId,
        canonicalProjectId: spec.projectId,
        on: '2024-12-21',
        similarity: 0.9,
        reason: '与经开区项目为同一投资方同一项目',
      }),
    );
    expect(link.status).toBe(200);
    // Linking the original back to its duplicate would count the project zero times: refused.
    const back = await send(
      t.http,
      office({
        type: 'LinkDuplicate',
        projectId: spec.projectId,
        canonicalProjectId: other.projectId,
        on: '2024-12-21',
        similarity: 0.9,
        reason: '反向认定',
      }),
    );
    expect(back.status).toBe(422);
    expect(back.body.code).toBe('DUPLICATE_LINK_CYCLE');
    const undo = office({
      type: 'UnlinkDuplicate',
      projectId: other.projectId,
      canonicalProjectId: spec.projectId,
      on: '2024-12-22',
      reason: '经核实为不同项目',
    });
    const res = await send(t.http, undo);
    expect(res.status).toBe(routeOf(undo.command).status);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['DuplicateUnlinked']);
    const wrong = await send(t.http, office({ ...undo.command, canonicalProjectId: 'XM-OTHER' }));
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('NOT_LINKED_AS_DUPLICATE');
  });
});
