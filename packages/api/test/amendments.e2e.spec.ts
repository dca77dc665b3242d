import { lifeUntil } from '../src/demo/project-life';
import { authFor, request, send, startTestApp } from './support';

const spec = (projectId: string) => ({
  projectId,
  unitId: 'jingkaiqu',
  name: '光伏组件智能工厂',
  investor: '安徽某光能科技有限公司',
  industryChain: '光伏',
  content: '建设 2GW 光伏组件生产线',
  totalYi: 2,
  capturedOn: '2024-02-01',
});

describe('admission and supplementary agreements over HTTP (R1, R2, R4)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp({}, '2024-09-30');
  });
  afterAll(() => t.close());

  it('a new project of the restricted class is refused admission with 422 ADMISSION_BARRED (R2)', async () => {
    const steps = lifeUntil(spec('XM-A-1'), 'admitted');
    for (const step of steps.slice(0, -1)) expect((await send(t.http, step)).status).toBeLessThan(300);
    const approval = steps[steps.length - 1]!;
    const res = await send(t.http, {
      ...approval,
      command: { ...approval.command, catalogueClass: 'restricted', constructionNature: 'new-build' },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'ADMISSION_BARRED',
      rule: 'R2',
      params: { ground: 'restricted-category' },
    });
    expect(res.body.message.zh).toBe('项目属于产业结构调整指导目录限制类新建项目，不得准入');
  });

  it('a supplement changing the incentives needs a legal review after signing and the leading group’s minutes (R4)', async () => {
    const life = lifeUntil(spec('XM-A-2'), 'signed');
    for (const step of life) expect((await send(t.http, step)).status).toBeLessThan(300);
    const signing = life[life.length - 1]!.command;
    const amend = (extra: Record<string, unknown> = {}) =>
      request(t.http)
        .post('/projects/XM-A-2/agreement/amendments')
        .set(office)
        .send({
          agreementId: signing.agreementId,
          on: '2024-06-20',
          terms: { ...(signing.terms as object), incentives: [] },
          reason: '取消设备补助',
          evidence: [],
          ...extra,
        });
    const office = await authFor('leading-group-office');
    const unreviewed = await amend({ leadingGroupMinutesRef: '领导小组会议纪要〔2024〕补-1' });
    expect(unreviewed.status).toBe(422);
    expect(unreviewed.body).toMatchObject({
      code: 'AMENDMENT_LEGAL_REVIEW_REQUIRED',
      rule: 'R4',
      params: { terms: 'incentives', reviewer: 'justice-bureau' },
    });
    const review = await request(t.http)
      .post('/projects/XM-A-2/legal-reviews')
      .set(await authFor('justice-bureau'))
      .send({ on: '2024-06-15', reviewer: 'justice-bureau', outcome: 'passed', opinion: '补充协议合法合规' });
    expect(review.status).toBe(200);
    const unapproved = await amend();
    expect(unapproved.status).toBe(422);
    expect(unapproved.body.code).toBe('AMENDMENT_APPROVAL_REQUIRED');
    const approved = await amend({ leadingGroupMinutesRef: '领导小组会议纪要〔2024〕补-1' });
    expect(approved.status).toBe(200);
    expect(approved.body.events).toEqual([expect.objectContaining({ type: 'AgreementAmended' })]);
  });
});
