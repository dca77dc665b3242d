/**
 * Weekly 包保 visits over HTTP (R18 · 000 §五.2 「包保责任人每周不少于一次对包保单位进行走访调研，对需要
 * 处理的问题及时协调解决」): visits recorded through the visit route with what they found and solved,
 * the deadline watcher (today pinned through the test clock) raising a week without the responsible
 * person's visit once, the supervision list naming its owner, the register's last visit, the review's
 * count and the register export's columns; a week without a working day is not missed.
 */
import { lifeUntil, unitTargets } from '../src/demo/project-life';
import { DEMO_TODAY, seedDemoRegion } from '../src/demo/seed';
import { DeadlineWatcher } from '../src/watcher/deadline-watcher';
import { authFor, movableClock, request, send, startTestApp } from './support';

const project = (projectId: string, capturedOn: string) => ({
  projectId,
  unitId: 'jingkaiqu',
  name: '冷链物流园项目',
  investor: '上海某供应链管理有限公司',
  industryChain: '现代物流',
  content: '建设冷库及配送中心',
  totalYi: 1.5,
  capturedOn,
});
/** The demo life assigns the 包保领导 as LD-<unit>-1 and the 包保责任人 as LD-<unit>-2. */
// The demo's people by name (issue #18: the leaders registry; no more 包保责任人（jingkaiqu）)
const PERSON = { leaderId: 'LD-jingkaiqu-2', name: '李明' };
const LEADER = 'LD-jingkaiqu-1';

type App = Awaited<ReturnType<typeof startTestApp>>;

const signProject = async (t: App, spec: ReturnType<typeof project>) => {
  for (const step of lifeUntil(spec, 'signed')) {
    const res = await send(t.http, step);
    if (res.status >= 300) throw new Error(`${step.command.type}: ${res.status} ${JSON.stringify(res.body)}`);
  }
};

const visit = async (t: App, projectId: string, body: Record<string, unknown>) => {
  const res = await request(t.http)
    .post(`/projects/${projectId}/visits`)
    .set(await authFor('investment-officer', 'jingkaiqu'))
    .send({ summary: '走访调研', ...body });
  expect(res.status).toBe(200);
  return res;
};

/** Lets the read models reach the store's head (after a watcher pass). */
const settled = async (t: App) => {
  const head = (await t.z.store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.globalPosition ?? 0n;
  await t.z.readModels.waitFor(head, 5_000);
};

describe('weekly 包保 visits over HTTP (R18 · 000 §五.2)', () => {
  const clock = movableClock('2024-04-12');
  let t: App;
  beforeAll(async () => {
    t = await startTestApp({}, clock);
    // Signed Wednesday 2024-03-27 (captured 02-01); the responsible person was assigned on 03-03.
    await signProject(t, project('XM-V-1', '2024-02-01'));
    expect((await send(t.http, unitTargets('jingkaiqu', 2024))).status).toBeLessThan(300);
  }, 30_000);
  afterAll(() => t.close());

  it('records visits with the problems found and solved; the first version of the body still works (R18)', async () => {
    await visit(t, 'XM-V-1', {
      leaderId: PERSON.leaderId,
      on: '2024-04-02',
      issuesFound: ['施工用电未接入', '临时道路未硬化'],
      issuesSolved: ['施工用电未接入'],
    });
    // Week 2024-W15 (04-08…04-14): only the 包保领导 visits — not the responsible person's visit.
    await visit(t, 'XM-V-1', { leaderId: LEADER, on: '2024-04-10' });
    const visits = (await t.z.store.readStream('project-XM-V-1')).filter(
      (e) => e.type === 'SiteVisitRecorded',
    );
    expect(visits.slice(-2).map((e) => [e.metadata.schemaVersion, e.data])).toEqual([
      [
        2,
        expect.objectContaining({
          on: '2024-04-02',
          issuesFound: ['施工用电未接入', '临时道路未硬化'],
          issuesSolved: ['施工用电未接入'],
        }),
      ],
      [2, expect.objectContaining({ leaderId: LEADER, issuesFound: [], issuesSolved: [] })],
    ]);
    const bad = await request(t.http)
      .post('/projects/XM-V-1/visits')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .send({ leaderId: PERSON.leaderId, on: '2024-04-11', summary: '走访', issuesFound: [''] });
    expect(bad.status).toBe(400);
  });

  it('the watcher raises the week without the responsible person’s visit once, and it enters the supervision list under them (R18)', async () => {
    const watcher = t.z.app.get(DeadlineWatcher);
    clock.day = '2024-04-15';
    expect(await watcher.runOnce()).toMatchObject({
      today: '2024-04-15',
      visitWeeks: 1,
      raised: 0,
      failed: 0,
    });
    expect(await watcher.runOnce()).toMatchObject({ visitWeeks: 0 });
    const events = await t.z.store.readStream('project-XM-V-1');
    expect(events.filter((e) => e.type === 'VisitWeekMissed').map((e) => e.data)).toEqual([
      {
        projectId: 'XM-V-1',
        week: '2024-W15',
        weekStart: '2024-04-08',
        weekEnd: '2024-04-14',
        responsiblePerson: PERSON,
        detectedOn: '2024-04-15',
      },
    ]);
    await settled(t);
    const list = await request(t.http)
      .get('/supervision?asOf=2024-04-15')
      .set(await authFor('supervision-office'));
    expect(list.body.data.items).toEqual([
      expect.objectContaining({
        kind: 'visit-week',
        projectId: 'XM-V-1',
        ownerId: PERSON.leaderId,
        owner: PERSON,
        dueOn: '2024-04-14',
        openedOn: '2024-04-15',
        daysOverdue: 1,
      }),
    ]);
  });

  it('the responsible person’s next visit takes the week off the list; the register shows the last visit; the review and the export count the week (R18)', async () => {
    clock.day = '2024-04-22';
    const last = await visit(t, 'XM-V-1', { leaderId: PERSON.leaderId, on: '2024-04-16' });
    expect(await t.z.app.get(DeadlineWatcher).runOnce()).toMatchObject({ visitWeeks: 0 }); // W16 visited
    await settled(t);
    const office = await authFor('supervision-office');
    const list = await request(t.http).get('/supervision?asOf=2024-04-16').set(office);
    expect(list.body.data.items).toEqual([]);

    const row = await request(t.http).get(`/projects/XM-V-1?atLeast=${last.body.position}`).set(office);
    expect(row.body.data).toMatchObject({
      lastVisit: { on: '2024-04-16', leaderId: PERSON.leaderId, name: PERSON.name },
      visitWeeksMissed: 1,
    });

    const review = await request(t.http).get('/performance/2024-04').set(office);
    expect(review.status).toBe(200);
    expect(review.body.data.units).toEqual([
      expect.objectContaining({ unitId: 'jingkaiqu', missedVisitWeeks: 1 }),
    ]);

    const csv = await request(t.http)
      .get('/exports/register?format=csv&unitId=jingkaiqu')
      .set(await authFor('auditor'));
    expect(csv.status).toBe(200);
    const [header, ...rows] = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const columns = (header ?? '').split(',');
    const cells = (rows.find((r) => r.includes('XM-V-1')) ?? '').split(',');
    const cell = (name: string) => cells[columns.indexOf(name)];
    expect([cell('最近走访日期'), cell('最近走访人'), cell('缺访周数')]).toEqual([
      '2024-04-16',
      PERSON.name,
      '1',
    ]);
  });
});

describe('a week with no working day asks no visit (R18 · 000 §五.2, the official calendar of R7)', () => {
  it('the Spring Festival week 2022-01-31…02-06 is not missed; the week after it is, without a visit', async () => {
    const clock = movableClock('2022-02-07');
    const t = await startTestApp({}, clock);
    try {
      // Captured 2021-11-20, signed Friday 2022-01-14; the responsible person visits W03 and W04.
      await signProject(t, project('XM-V-2', '2021-11-20'));
      await visit(t, 'XM-V-2', { leaderId: PERSON.leaderId, on: '2022-01-18' });
      await visit(t, 'XM-V-2', { leaderId: PERSON.leaderId, on: '2022-01-25' });
      const watcher = t.z.app.get(DeadlineWatcher);
      expect(await watcher.runOnce()).toMatchObject({ today: '2022-02-07', visitWeeks: 0, failed: 0 });
      clock.day = '2022-02-14';
      expect(await watcher.runOnce()).toMatchObject({ visitWeeks: 1 });
      const events = await t.z.store.readStream('project-XM-V-2');
      expect(events.filter((e) => e.type === 'VisitWeekMissed').map((e) => e.data)).toEqual([
        expect.objectContaining({ week: '2022-W06', weekStart: '2022-02-07', weekEnd: '2022-02-13' }),
      ]);
    } finally {
      await t.close();
    }
  }, 30_000);
});

describe('the demo region after one watcher pass on DEMO_TODAY (R18 · 000 §五.2)', () => {
  it('lists the few weeks its responsible persons missed, and the review counts them per unit', async () => {
    const t = await startTestApp({}, DEMO_TODAY);
    try {
      await seedDemoRegion(t.z.app);
      const run = await t.z.app.get(DeadlineWatcher).runOnce();
      expect(run).toMatchObject({ visitWeeks: 12, failed: 0 });
      await settled(t);
      const office = await authFor('supervision-office');
      const list = await request(t.http).get(`/supervision?asOf=${DEMO_TODAY}&limit=1000`).set(office);
      const weeks = list.body.data.items.filter((i: { kind: string }) => i.kind === 'visit-week');
      // In each unit: one project missed the last week before today (2024-W43), another the last two.
      expect(weeks.map((i: { itemId: string }) => i.itemId.split(':').pop()).sort()).toEqual([
        ...Array<string>(3).fill('2024-W42'),
        ...Array<string>(6).fill('2024-W43'),
      ]);
      const october = await request(t.http).get('/performance/2024-10').set(office);
      expect(october.body.data.units.map((u: { missedVisitWeeks: number }) => u.missedVisitWeeks)).toEqual([
        3, 3, 3,
      ]);
      const september = await request(t.http).get('/performance/2024-09').set(office);
      expect(september.body.data.units.map((u: { missedVisitWeeks: number }) => u.missedVisitWeeks)).toEqual([
        1, 1, 1,
      ]);
    } finally {
      await t.close();
    }
  }, 120_000);
});
