/**
 * 招商顾问 over HTTP (R21 · 002 §八: "聘请行业协会商会知名人士、国内外知名企业家、学术界知名专家学者为招商
 * 顾问 … 对成功引进投资企业和项目的'招商顾问'，给予非公职人员一次性奖励"): appointed by the leading
 * group's office, credited by the officer of the project's unit, rewarded by the finance bureau once,
 * for a signed project, never to a civil servant; the registry and its export.
 */
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { lifeUntil } from '../src/demo/project-life';
import { authFor, request, routeOf, send, startTestApp } from './support';

const signedProject = {
  projectId: 'XM-GW-0001',
  unitId: 'jingkaiqu',
  name: '年产 5 万吨锂电池正极材料项目',
  investor: '福建宁川新能源材料有限公司',
  industryChain: '新能源电池',
  content: '建设磷酸铁锂正极材料生产线 4 条及研发中心',
  totalYi: 5,
  capturedOn: '2024-03-01',
};
const leadProject = {
  ...signedProject,
  projectId: 'XM-GW-0002',
  name: '光伏组件智能工厂',
  capturedOn: '2024-04-01',
};

const appointment = (advisorId: string, civilServant: boolean) => ({
  advisorId,
  name: civilServant ? '赵某（区发改委干部）' : '陈某某',
  category: civilServant ? 'scholar' : 'association-figure',
  organisation: civilServant ? '区发展和改革委员会' : '亳州市浙江商会常务副会长',
  civilServant,
  term: { from: '2024-01-01', to: '2026-12-31' },
  appointedOn: '2024-01-05',
  appointedBy: '区招商引资工作领导小组办公室',
  contact: '0558-5550101',
});
const credit = (advisorId: string, projectId: string, unitId = 'jingkaiqu') => ({
  projectId,
  unitId,
  introducedOn: '2024-02-20',
  creditedBy: '招商专员',
});

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('招商顾问 over HTTP (R21 · 002 §八)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let agreement: { agreementId: string; signedOn: string };
  let last = 0n;
  const track = (res: { body: { position?: string } }) => {
    if (res.body.position !== undefined && BigInt(res.body.position) > last) last = BigInt(res.body.position);
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2024-10-31');
    for (const step of [...lifeUntil(signedProject, 'signed'), ...lifeUntil(leadProject, 'lead')]) {
      const res = await send(t.http, step);
      if (res.status !== routeOf(step.command).status)
        throw new Error(`${step.command.type}: ${res.status} ${JSON.stringify(res.body)}`);
      track(res);
      if (step.command.type === 'SignAgreement')
        agreement = {
          agreementId: String(step.command['agreementId']),
          signedOn: String(step.command['on']),
        };
    }
  }, 60_000);
  afterAll(() => t.close());

  const reward = (o: Record<string, unknown> = {}) => ({
    projectId: signedProject.projectId,
    ...agreement,
    amount: 5_000_000,
    policyRef: '《谯城区招商引资目标管理激励办法》',
    rewardedOn: '2024-10-20',
    approvedBy: '区财政局',
    ...o,
  });

  it('R21 · 002 §八 聘请: the leading group’s office appoints an advisor; an investment officer may not', async () => {
    const office = await authFor('leading-group-office');
    const res = await request(t.http).post('/advisors').set(office).send(appointment('GW-1', false));
    expect(res.status).toBe(201);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['AdvisorAppointed']);
    track(res);
    track(await request(t.http).post('/advisors').set(office).send(appointment('GW-CS', true)));
    const officer = await authFor('investment-officer', 'jingkaiqu');
    expect(
      (await request(t.http).post('/advisors').set(officer).send(appointment('GW-2', false))).status,
    ).toBe(403);
  });

  it('R21 · 002 §八 牵线搭桥: the officer of the project’s unit credits an introduction; another unit may not', async () => {
    const own = await authFor('investment-officer', 'jingkaiqu');
    const res = await request(t.http)
      .post('/advisors/GW-1/introductions')
      .set(own)
      .send(credit('GW-1', signedProject.projectId));
    expect(res.status).toBe(201);
    track(res);
    track(
      await request(t.http)
        .post('/advisors/GW-CS/introductions')
        .set(own)
        .send(credit('GW-CS', signedProject.projectId)),
    );
    track(
      await request(t.http)
        .post('/advisors/GW-1/introductions')
        .set(own)
        .send(credit('GW-1', leadProject.projectId)),
    );
    const other = await authFor('investment-officer', 'gaoxinqu');
    const outside = await request(t.http)
      .post('/advisors/GW-1/introductions')
      .set(other)
      .send(credit('GW-1', signedProject.projectId));
    expect([outside.status, outside.body.code]).toEqual([403, 'OUTSIDE_UNIT']);
    const wrongUnit = await request(t.http)
      .post('/advisors/GW-1/introductions')
      .set(other)
      .send(credit('GW-1', signedProject.projectId, 'gaoxinqu'));
    expect([wrongUnit.status, wrongUnit.body.code]).toEqual([422, 'ADVISOR_PROJECT_OTHER_UNIT']);
  });

  it('R21 · 002 §八 "对成功引进…给予非公职人员一次性奖励": the finance bureau records the reward for the signed project', async () => {
    const finance = await authFor('finance-bureau');
    const res = await request(t.http).post('/advisors/GW-1/rewards').set(finance).send(reward());
    expect(res.status).toBe(201);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['AdvisorRewarded']);
    track(res);
  });

  it('R21 · 002 §八 "给予非公职人员": a civil servant is refused the reward (422 with the code)', async () => {
    const res = await request(t.http)
      .post('/advisors/GW-CS/rewards')
      .set(await authFor('finance-bureau'))
      .send(reward());
    expect([res.status, res.body.code]).toEqual([422, 'ADVISOR_CIVIL_SERVANT_NOT_REWARDED']);
  });

  it('R21 · 002 §八 "一次性奖励": a second reward for the same project is refused (409 with the code)', async () => {
    const res = await request(t.http)
      .post('/advisors/GW-1/rewards')
      .set(await authFor('finance-bureau'))
      .send(reward({ amount: 8_000_000, rewardedOn: '2024-10-25' }));
    expect([res.status, res.body.code]).toEqual([409, 'ADVISOR_ALREADY_REWARDED']);
  });

  it('R21 · 002 §八 "成功引进": a project not signed earns no reward (422 with the code)', async () => {
    const res = await request(t.http)
      .post('/advisors/GW-1/rewards')
      .set(await authFor('finance-bureau'))
      .send(reward({ projectId: leadProject.projectId }));
    expect([res.status, res.body.code]).toEqual([422, 'ADVISOR_PROJECT_NOT_SIGNED']);
  });

  it('the registry shows the advisor, its projects with their stage, and the reward; an unknown advisor is 404', async () => {
    const reader = await authFor('auditor');
    const res = await request(t.http).get(`/advisors/GW-1?atLeast=${last}`).set(reader);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      advisorId: 'GW-1',
      civilServant: false,
      status: 'serving',
      rewardTotal: 5_000_000,
      unitIds: ['jingkaiqu'],
    });
    const stages = Object.fromEntries(
      (res.body.data.introductions as Array<{ projectId: string; stage: string; rewarded: boolean }>).map(
        (i) => [i.projectId, [i.stage, i.rewarded]],
      ),
    );
    expect(stages).toEqual({
      [signedProject.projectId]: ['signed', true],
      [leadProject.projectId]: ['lead', false],
    });
    const list = await request(t.http).get(`/advisors?atLeast=${last}`).set(reader);
    expect(list.body.data.total).toBe(2);
    expect((await request(t.http).get('/advisors/GW-NONE').set(reader)).status).toBe(404);
  });

  it('招商顾问名册 exports as a workbook and as CSV', async () => {
    const reader = await authFor('leading-group-office');
    const xlsx = await request(t.http)
      .get(`/exports/advisors?atLeast=${last}`)
      .set(reader)
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const text: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => text.push(String(c.text))));
    expect(text).toEqual(expect.arrayContaining(['陈某某', '赵某（区发改委干部）', '招商顾问名册']));
    // The reward, 5 万元, in the 万元 column.
    expect(text.some((x) => Number(x.replace(/,/g, '')) === 5)).toBe(true);
    const csv = await request(t.http).get('/exports/advisors?format=csv').set(reader);
    expect(csv.status).toBe(200);
    const lines = csv.text
      .slice(1)
      .split('\r\n')
      .filter((l) => l.length > 0);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('是否公职人员');
  });
});
