/**
 * Land on the supervision list and in the performance review through HTTP (R19, issue #16 item 3,
 * Done-when line 1): 001 §(四) "每半年…全面开展园区土地清理…对圈而不建的，坚决收回土地…对低效招商项目
 * 进行清理和盘活" — a plot a clearance found idle is an item of its unit and occupant project, overdue
 * after the next half-year's end, until revitalised; 001 §(一) "探索实行各类要素保障与招商引资绩效挂钩的
 * 考核制度", 000 §四.5 and 003 (盘活, 腾出) — the review's land figures per unit and period, in the
 * bulletin export, and a published bulletin carrying them still verifies.
 */
import { lifeUntil, unitTargets } from '../src/demo/project-life';
import { DEMO_TODAY, seedDemoRegion } from '../src/demo/seed';
import { authFor, request, send, startTestApp } from './support';

type App = Awaited<ReturnType<typeof startTestApp>>;

const TODAY = '2025-02-15';
const PROJECT = {
  projectId: 'XM-LR-1',
  unitId: 'jingkaiqu',
  name: 'XM-LR-1 新材料项目',
  investor: '江苏某新材料有限公司',
  industryChain: '新材料',
  content: '建设高性能复合材料生产线',
  totalYi: 1.5,
  capturedOn: '2024-02-01',
};
/** The demo life assigns the 包保领导 as LD-<unit>-1. */
const OWNER = { leaderId: 'LD-jingkaiqu-1' };

const post = async (t: App, url: string, body: object) => {
  const res = await request(t.http)
    .post(url)
    .set(await authFor('department-reviewer'))
    .send(body);
  if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
};
const register = (plotId: string, area: number) => ({
  plotId,
  unitId: 'jingkaiqu',
  location: `经开区 ${plotId} 地块`,
  area,
  landUse: 'industrial',
  supply: 'transferred',
  registeredOn: '2024-01-10',
});

/** Lets the read models reach the store's head. */
const settled = async (t: App) => {
  const head = (await t.z.store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.globalPosition ?? 0n;
  await t.z.readModels.waitFor(head, 5_000);
};
const idleLand = async (t: App, asOf: string) => {
  await settled(t);
  const res = await request(t.http)
    .get(`/supervision?asOf=${asOf}`)
    .set(await authFor('supervision-office'));
  expect(res.status).toBe(200);
  return (res.body.data.items as ReadonlyArray<{ kind: string; itemId: string }>).filter(
    (i) => i.kind === 'idle-land',
  );
};
const landOf = async (t: App, period: string) => {
  await settled(t);
  const res = await request(t.http)
    .get(`/performance/${period}`)
    .set(await authFor('supervision-office'));
  expect(res.status).toBe(200);
  return (res.body.data.units as ReadonlyArray<{ unitId: string; land?: unknown }>).find(
    (u) => u.unitId === 'jingkaiqu',
  )?.land;
};
const routes = (o: Record<string, number>) => ({
  'government-reserve': 0,
  'equity-transfer': 0,
  'bankruptcy-restructuring': 0,
  'cooperative-investment': 0,
  ...o,
});

describe('land on the supervision list and in the performance review through HTTP (R19 · 001 §(四))', () => {
  let t: App;
  beforeAll(async () => {
    t = await startTestApp({}, TODAY);
    for (const step of [
      ...lifeUntil(PROJECT, 'signed'),
      unitTargets('jingkaiqu', 2024),
      unitTargets('jingkaiqu', 2025),
    ]) {
      const res = await send(t.http, step);
      if (res.status >= 300)
        throw new Error(`${step.command.type}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    // DK-R1 30.00 亩 held without building (圈而不建); DK-R2 120.50 亩 low-efficiency.
    await post(t, '/plots', register('DK-R1', 3000));
    await post(t, '/plots', register('DK-R2', 12050));
    await post(t, '/plots/DK-R1/allocation', { projectId: 'XM-LR-1', allocatedOn: '2024-04-01' });
    await post(t, '/plots/DK-R2/allocation', { projectId: 'XM-LR-1', allocatedOn: '2024-03-01' });
    await post(t, '/plots/DK-R1/flags', {
      flag: 'idle',
      basis: 'no-construction',
      period: '2024-H1',
      on: '2024-06-20',
    });
    await post(t, '/plots/DK-R2/flags', {
      flag: 'low-efficiency',
      basis: 'low-output',
      period: '2024-H2',
      on: '2024-07-05',
    });
  }, 60_000);
  afterAll(() => t.z.app.close());

  it('R19 · 001 §(四) 圈而不建: the flagged plot is on the list from its finding, owned by its unit with its occupant project and 包保领导, overdue after the next half-year', async () => {
    expect(await idleLand(t, '2024-06-19')).toEqual([]);
    expect(await idleLand(t, '2024-12-31')).toEqual([
      expect.objectContaining({ itemId: 'plot:DK-R1:2024-06-20', overdue: false, daysOverdue: 0 }),
      expect.objectContaining({ itemId: 'plot:DK-R2:2024-07-05', overdue: false }),
    ]);
    const items = await idleLand(t, '2025-01-10');
    expect(items).toEqual([
      expect.objectContaining({
        itemId: 'plot:DK-R1:2024-06-20',
        kind: 'idle-land',
        unitId: 'jingkaiqu',
        ownerId: 'jingkaiqu',
        projectId: 'XM-LR-1',
        projectName: 'XM-LR-1 新材料项目',
        owner: expect.objectContaining(OWNER) as unknown,
        openedOn: '2024-06-20',
        dueOn: '2024-12-31',
        overdue: true,
        daysOverdue: 10,
      }),
      // Found in the second half-year: due by the next clearance, 2025-06-30.
      expect.objectContaining({ itemId: 'plot:DK-R2:2024-07-05', dueOn: '2025-06-30', overdue: false }),
    ]);
  });

  it('R19 · 000 §四.5 盘活: revitalised (政府收储), the plot leaves the list from that day', async () => {
    await post(t, '/plots/DK-R1/revitalisations', {
      route: 'government-reserve',
      area: 3000,
      on: '2025-01-20',
      evidence: [],
    });
    expect((await idleLand(t, '2025-01-19')).map((i) => i.itemId)).toEqual([
      'plot:DK-R1:2024-06-20',
      'plot:DK-R2:2024-07-05',
    ]);
    expect((await idleLand(t, '2025-01-20')).map((i) => i.itemId)).toEqual(['plot:DK-R2:2024-07-05']);
  });

  it('R19 · 001 §(一) 要素保障与绩效挂钩 / 003 盘活, 腾出: the review counts land per period (0.01 亩), not scored', async () => {
    // End of 2024: 30.00 亩 idle, 120.50 亩 low-efficiency; nothing revitalised or freed in 2024.
    expect(await landOf(t, '2024')).toEqual({
      idleArea: 3000,
      lowEfficiencyArea: 12050,
      revitalised: 0,
      revitalisedByRoute: routes({}),
      freed: 0,
    });
    // 2024-06 ends with DK-R1 idle; DK-R2 is found only in July.
    expect(await landOf(t, '2024-06')).toMatchObject({ idleArea: 3000, lowEfficiencyArea: 0 });
    // January 2025: DK-R1 taken into the government reserve — 30.00 亩 revitalised and freed.
    expect(await landOf(t, '2025-01')).toEqual({
      idleArea: 0,
      lowEfficiencyArea: 12050,
      revitalised: 3000,
      revitalisedByRoute: routes({ 'government-reserve': 3000 }),
      freed: 3000,
    });
    // Counted, not scored: no rule of the score's breakdown is about land.
    const review = await request(t.http)
      .get('/performance/2025-01')
      .set(await authFor('supervision-office'));
    const rules = (
      review.body.data.units as ReadonlyArray<{ breakdown: ReadonlyArray<{ rule: string }> }>
    ).flatMap((u) => u.breakdown.map((b) => b.rule));
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((r) => r.startsWith('R19'))).toEqual([]);
  });

  it('R19 · 003 盘活, 腾出: the bulletin shows the land figures in 亩, and a published bulletin carrying them verifies', async () => {
    const office = await authFor('supervision-office');
    const csv = await request(t.http)
      .get('/exports/bulletins/2025-01?format=csv&part=ranking&preview=true')
      .set(office);
    expect(csv.status).toBe(200);
    const [header, ...rows] = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const columns = (header ?? '').split(',');
    const cells = (rows.find((r) => r.includes('jingkaiqu') || r.includes('经开区')) ?? '').split(',');
    const cell = (name: string) => cells[columns.indexOf(name)];
    expect([cell('闲置低效用地（亩）'), cell('盘活土地（亩）'), cell('腾出土地（亩）')]).toEqual([
      '120.50',
      '30.00',
      '30.00',
    ]);

    const published = await request(t.http).post('/bulletins').set(office).send({ period: '2025-01' });
    expect(published.status).toBeLessThan(300);
    const bulletin = (await t.z.store.readStream('bulletin-2025-01')).at(-1)!.data as {
      figures: Record<string, Record<string, unknown>>;
    };
    expect(bulletin.figures['jingkaiqu']).toMatchObject({
      'review.land.lowEfficiencyArea': 12050,
      'review.land.revitalised': 3000,
      'review.land.revitalised.government-reserve': 3000,
      'review.land.freed': 3000,
    });
    expect(bulletin.figures['jingkaiqu']?.['review.land.idleArea']).toBeUndefined();
    const verified = await request(t.http).get('/bulletins/2025-01/verification').set(office);
    expect(verified.status).toBe(200);
    expect(verified.body.data).toMatchObject({ ok: true });
  });
});

describe('the demo region’s land on DEMO_TODAY (R19 · 001 §(四), 000 §四.5)', () => {
  it('R19 · 001 §(四): lists every idle or low-efficiency plot once on the supervision list, and the 2024 review agrees with the land register', async () => {
    const t = await startTestApp({}, DEMO_TODAY);
    try {
      await seedDemoRegion(t.z.app);
      await settled(t);
      const office = await authFor('supervision-office');
      const read = (url: string) => request(t.http).get(url).set(office);
      const list = await read(`/supervision?asOf=${DEMO_TODAY}&limit=1000`);
      const idle = await read('/land/idle');
      const revitalised = await read('/land/revitalised');
      const review = await read('/performance/2024');
      const items = list.body.data.items.filter((i: { kind: string }) => i.kind === 'idle-land');
      const plots = idle.body.data.plots as ReadonlyArray<{ plotId: string }>;
      expect(items.map((i: { itemId: string }) => i.itemId.split(':')[1]).sort()).toEqual(
        plots.map((p) => p.plotId).sort(),
      );
      const units = review.body.data.units as ReadonlyArray<{
        land?: { idleArea: number; lowEfficiencyArea: number; revitalised: number; freed: number };
      }>;
      const sum = (f: (l: NonNullable<(typeof units)[number]['land']>) => number) =>
        units.reduce((s, u) => s + (u.land === undefined ? 0 : f(u.land)), 0);
      const year = (
        revitalised.body.data.years as ReadonlyArray<{ year: number; revitalised: number; freed: number }>
      ).find((y) => y.year === 2024);
      // Every demo fact is dated no later than DEMO_TODAY: the year's end sees today's register.
      expect([
        sum((l) => l.idleArea),
        sum((l) => l.lowEfficiencyArea),
        sum((l) => l.revitalised),
        sum((l) => l.freed),
      ]).toEqual([
        idle.body.data.totals.idleArea,
        idle.body.data.totals.lowEfficiencyArea,
        year?.revitalised ?? 0,
        year?.freed ?? 0,
      ]);
      // Pinned: 4 plots (570.00 亩 idle, 330.00 亩 low-efficiency); 2024: 340.00 亩 revitalised, 120.00 亩 freed.
      expect(items).toHaveLength(4);
      expect([
        sum((l) => l.idleArea),
        sum((l) => l.lowEfficiencyArea),
        sum((l) => l.revitalised),
        sum((l) => l.freed),
      ]).toEqual([57000, 33000, 34000, 12000]);
    } finally {
      await t.z.app.close();
    }
  }, 120_000);
});
