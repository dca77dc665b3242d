import { lifeUntil } from '../src/demo/project-life';
import { DeadlineWatcher } from '../src/watcher/deadline-watcher';
import { authFor, request, send, startTestApp } from './support';

const spec = {
  projectId: 'XM-L-1',
  unitId: 'jingkaiqu',
  name: '冷链物流园项目',
  investor: '上海某供应链管理有限公司',
  industryChain: '现代物流',
  content: '建设冷库及配送中心',
  totalYi: 1.5,
  capturedOn: '2024-02-01',
};
const path = `/projects/${spec.projectId}`;

describe('late entry and corrections over HTTP (DOMAIN.md §5)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp(); // today is pinned to 2024-06-01
    for (const step of lifeUntil(spec, 'signed')) expect((await send(t.http, step)).status).toBeLessThan(300);
  }, 30_000);
  afterAll(() => t.close());

  it('a start dated before the raised deadline withdraws the miss; a repeat with another date is a 409; a correction says why (DOMAIN.md §5, R8 · 001 §(四))', async () => {
    // Signed 2024-03-27, start due by 2024-05-26: the clock raises the miss on 2024-06-01.
    expect(await t.z.app.get(DeadlineWatcher).runOnce()).toMatchObject({ today: '2024-06-01', raised: 1 });
    const officer = await authFor('investment-officer', spec.unitId);
    const evidence = [{ name: '开工照片.jpg', kind: 'site-photo', sha256: 'a'.repeat(64) }];

    // The site started on 05-20; the officer enters it on 06-01.
    const start = await request(t.http)
      .post(`${path}/construction/start`)
      .set(officer)
      .send({ on: '2024-05-20', evidence });
    expect(start.status).toBeLessThan(300);
    const events = await t.z.store.readStream(`project-${spec.projectId}`);
    expect(events.filter((e) => e.type === 'MilestoneWithdrawn').map((e) => e.data)).toEqual([
      expect.objectContaining({
        milestoneKey: 'agreed-start:2024-05-26',
        reason: 'late-entry',
        factOn: '2024-05-20',
      }),
    ]);
    const list = await request(t.http)
      .get('/supervision?asOf=2024-06-01')
      .set(await authFor('supervision-office'));
    // Weekly 包保 visits (R18): this history records no visits; its missed weeks are tested in visits.e2e.spec.ts.
    expect(list.body.data.items.filter((i: { kind: string }) => i.kind !== 'visit-week')).toEqual([]);

    // The same start again is harmless; another date is refused with both dates, in both languages.
    const again = await request(t.http)
      .post(`${path}/construction/start`)
      .set(officer)
      .send({ on: '2024-05-20', evidence });
    expect(again.status).toBeLessThan(300);
    const other = await request(t.http)
      .post(`${path}/construction/start`)
      .set(officer)
      .send({ on: '2024-05-22', evidence });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('FACT_ALREADY_RECORDED');
    expect(other.body.message.zh).toContain('开工日期已记录为 2024-05-20，本次为 2024-05-22');
    expect(other.body.message.en).toContain('recorded as 2024-05-20, not 2024-05-22');

    // A correction needs the right role, and records what it corrects and why.
    const correction = {
      fact: 'construction-started',
      correctedOn: '2024-06-01',
      on: '2024-05-18',
      reason: '监理日志显示 5 月 18 日已开工',
    };
    const leader = await request(t.http)
      .post(`${path}/fact-corrections`)
      .set(await authFor('responsible-leader', spec.unitId))
      .send(correction);
    expect(leader.status).toBe(403);
    const corrected = await request(t.http).post(`${path}/fact-corrections`).set(officer).send(correction);
    expect(corrected.status).toBeLessThan(300);
    const last = (await t.z.store.readStream(`project-${spec.projectId}`)).at(-1);
    expect(last).toMatchObject({
      type: 'FactCorrected',
      data: { previous: { on: '2024-05-20' }, corrected: { on: '2024-05-18' }, reason: correction.reason },
    });
    const row = await request(t.http).get(`${path}?asOf=2024-06-01`).set(officer);
    expect(row.body.data).toMatchObject({ startedOn: '2024-05-18', missedMilestones: [], corrections: 1 });
  }, 30_000);
});
