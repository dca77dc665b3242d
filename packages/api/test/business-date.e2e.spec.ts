import { openApiDocument } from '../src/openapi/openapi-document';
import { lifeUntil, regionTargets } from '../src/demo/project-life';
import { authFor, request, send, startTestApp } from './support';

/** The server's today in these tests (Asia/Shanghai), pinned as `TODAY` pins it. */
const TODAY = '2024-06-01';

const spec = {
  projectId: 'XM-T-1',
  unitId: 'jingkaiqu',
  name: '精密模具加工项目',
  investor: '宁波某模具有限公司',
  industryChain: '装备制造',
  content: '建设精密注塑模具生产线',
  totalYi: 2,
  capturedOn: '2024-02-01',
};

describe('DOMAIN.md §5: the clock is the server’s, and no fact is dated after the day it is recorded', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  const head = async () =>
    (await t.z.store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.globalPosition ?? 0n;

  beforeAll(async () => {
    t = await startTestApp({}, TODAY);
    for (const step of lifeUntil(spec, 'qualified'))
      expect((await send(t.http, step)).status).toBeLessThan(300);
  });
  afterAll(() => t.close());

  it('a lead captured tomorrow is refused with 422 DATE_IN_FUTURE in both languages, and nothing is appended', async () => {
    const before = await head();
    const [capture] = lifeUntil({ ...spec, projectId: 'XM-T-2', capturedOn: '2024-06-02' }, 'lead');
    const res = await send(t.http, capture!, { 'accept-language': 'en' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'DATE_IN_FUTURE',
      params: { field: 'capturedOn', date: '2024-06-02', today: TODAY },
    });
    expect(res.body.message.zh).toContain('晚于今天（2024-06-01');
    expect(res.body.message.en).toContain('after today (2024-06-01, Asia/Shanghai)');
    expect(res.body.text).toBe(res.body.message.en);
    expect(await head()).toBe(before);
  });

  it('a fact dated today is accepted', async () => {
    const res = await request(t.http)
      .post(`/projects/${spec.projectId}/negotiations`)
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .send({ on: TODAY, summary: '就土地价格洽谈' });
    expect(res.status).toBe(200);
  });

  it('any project fact dated after today is refused (a negotiation next month)', async () => {
    const res = await request(t.http)
      .post(`/projects/${spec.projectId}/negotiations`)
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .send({ on: '2024-07-01', summary: '预约下月洽谈' });
    expect(res.status).toBe(422);
    expect(res.body.params).toEqual({ field: 'on', date: '2024-07-01', today: TODAY });
  });

  it('a trip that has not ended yet is refused: its return day is a fact date too (R15)', async () => {
    const res = await request(t.http)
      .post('/leaders/LD-T-1/trips')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .send({
        tripId: 'TRIP-T-1',
        unitId: 'jingkaiqu',
        delegation: '赴长三角招商小分队',
        members: ['主要负责人'],
        destination: '苏州',
        from: '2024-05-29',
        to: '2024-06-03',
        companiesMet: ['某新能源科技有限公司'],
        leadsProduced: [],
      });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'DATE_IN_FUTURE', params: { field: 'to', date: '2024-06-03' } });
  });

  it('targets set with a future date are refused; the year they are for may be ahead (R11)', async () => {
    const step = regionTargets('xiangshan-district', 2025);
    const { type: _type, unitId: _unit, year: _year, ...body } = step.command;
    const auth = await authFor('supervision-office');
    const future = await request(t.http)
      .put('/targets/xiangshan-district/2025')
      .set(auth)
      .send({ ...body, setOn: '2024-12-20' });
    expect(future.status).toBe(422);
    expect(future.body.params).toMatchObject({ field: 'setOn', date: '2024-12-20' });
    const now = await request(t.http)
      .put('/targets/xiangshan-district/2025')
      .set(auth)
      .send({ ...body, setOn: TODAY });
    expect(now.status).toBeLessThan(300);
  });

  it('a bulletin published after today is refused (R14)', async () => {
    const res = await request(t.http)
      .post('/bulletins')
      .set(await authFor('supervision-office'))
      .send({ period: '2024-05', publishedOn: '2024-06-08' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'DATE_IN_FUTURE', params: { field: 'publishedOn' } });
  });

  it('no route lets a caller say what "today" is: missed milestones are the deadline watcher’s alone', async () => {
    const before = await head();
    for (const role of ['supervision-office', 'system'] as const) {
      const res = await request(t.http)
        .post(`/projects/${spec.projectId}/missed-milestones`)
        .set(await authFor(role))
        .send({ today: '2030-01-01' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect(await head()).toBe(before);
    const doc = openApiDocument();
    expect(Object.keys(doc.paths).filter((p) => p.includes('missed-milestones'))).toEqual([]);
    expect(Object.keys(doc.components?.schemas ?? {})).not.toContain('RecordMissedMilestones');
    expect(JSON.stringify(doc.paths['/projects/{projectId}/negotiations'])).toContain('DATE_IN_FUTURE');
  });
});
