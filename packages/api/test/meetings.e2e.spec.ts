/**
 * Leading-group meetings and their 交办 items through HTTP (R20): 000 §五.1 "坚持每月定期召开工作例会";
 * 003 "严格落实工作交办机制、首问负责制、限时办结制、跟踪问效制". A monthly 例会 hands out items to two units
 * and a department; an overdue item is on the supervision list with its owner and days overdue; an
 * item reported done with evidence leaves it; the performance review counts each unit's items; the
 * ledger exports as Excel and CSV; a wrong role or unit is a 403, a broken rule a 422 with its code.
 */
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { authFor, request, startTestApp } from './support';

/** Collects a binary answer (supertest would otherwise try to read an xlsx as text). */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const evidence = [{ sha256: 'c'.repeat(64), name: '办结佐证.pdf', kind: 'report' }];
const meeting = {
  meetingId: 'HY-2024-09',
  unitId: 'region',
  kind: 'monthly',
  title: '2024年9月招商引资和项目服务工作领导小组例会',
  heldOn: '2024-09-05',
  chair: '区长',
  attendees: ['分管副区长', '区投资促进局'],
  projectIds: [],
  recordedBy: '领导小组办公室',
};
const decision = {
  decision: 1,
  text: '研究在谈项目推进中的问题',
  recordedOn: '2024-09-06',
  recordedBy: '领导小组办公室',
  items: [
    {
      itemId: 'A',
      task: '完成在谈项目清单梳理',
      owner: { kind: 'unit', unitId: 'jingkaiqu' },
      deadline: { kind: 'date', dueOn: '2024-09-20' },
    },
    {
      itemId: 'B',
      task: '协调标准化厂房交付',
      owner: { kind: 'unit', unitId: 'gaoxinqu' },
      deadline: { kind: 'date', dueOn: '2024-09-30' },
    },
    {
      itemId: 'C',
      task: '办理项目用地预审',
      owner: { kind: 'department', department: 'natural-resources-planning' },
      // 10 working days from 09-05 on the official calendar: 2024-09-20 (中秋 9-15…9-17 off, 9-14 worked).
      deadline: { kind: 'working-days', workingDays: 10 },
    },
  ],
};
const done = (owner: object, on: string, withEvidence = true) => ({
  owner,
  report: '已办结',
  evidence: withEvidence ? evidence : [],
  doneOn: on,
  reportedBy: '责任单位',
});

describe('leading-group meetings and their 交办 items over HTTP (R20)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp({}, '2024-10-31');
  }, 60_000);
  afterAll(() => t.close());

  it('a meeting’s items are followed to done: the supervision list, the register, the review and the export (R20, 000 §五.1, 003)', async () => {
    const office = await authFor('leading-group-office');
    const supervision = await authFor('supervision-office');
    const jingkaiqu = await authFor('investment-officer', 'jingkaiqu');
    const gaoxinqu = await authFor('investment-officer', 'gaoxinqu');
    const department = await authFor('department-reviewer');

    // The review ranks units with a plan of their own that year.
    for (const unitId of ['jingkaiqu', 'gaoxinqu']) {
      const plan = await request(t.http)
        .put(`/targets/${unitId}/2024`)
        .set(office)
        .send({
          scope: 'unit',
          targets: [{ metric: 'leads', target: { kind: 'count', value: 10 } }],
          setOn: '2024-01-05',
          setBy: '区政府',
        });
      expect(plan.status).toBe(201);
    }

    // Only the leading-group office records a meeting (403 for an officer).
    const refused = await request(t.http).post('/meetings').set(jingkaiqu).send(meeting);
    expect(refused.status).toBe(403);
    const held = await request(t.http).post('/meetings').set(office).send(meeting);
    expect(held.status).toBe(201);
    expect(held.body.streamName).toBe('meeting-HY-2024-09');
    const decided = await request(t.http).post('/meetings/HY-2024-09/decisions').set(office).send(decision);
    expect(decided.status).toBe(201);
    expect(decided.body.events.map((e: { type: string }) => e.type)).toEqual(['DecisionRecorded']);

    // 首问负责制: another unit's officer cannot report jingkaiqu's item (403, unit scope) …
    const outside = await request(t.http)
      .post('/meetings/HY-2024-09/items/A/done')
      .set(gaoxinqu)
      .send(done({ kind: 'unit', unitId: 'gaoxinqu' }, '2024-09-18'));
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('OUTSIDE_UNIT');
    // … nor a department report a unit's item (422 with the rule's code), nor done without evidence.
    const notOwner = await request(t.http)
      .post('/meetings/HY-2024-09/items/B/done')
      .set(department)
      .send(done({ kind: 'department', department: 'natural-resources-planning' }, '2024-10-08'));
    expect(notOwner.status).toBe(422);
    expect(notOwner.body.code).toBe('MEETING_ITEM_NOT_OWNER');
    const noEvidence = await request(t.http)
      .post('/meetings/HY-2024-09/items/C/done')
      .set(department)
      .send(done({ kind: 'department', department: 'natural-resources-planning' }, '2024-10-08', false));
    expect(noEvidence.status).toBe(422);
    expect(noEvidence.body.code).toBe('MEETING_ITEM_EVIDENCE_REQUIRED');

    const reported = await request(t.http)
      .post('/meetings/HY-2024-09/items/A/done')
      .set(jingkaiqu)
      .send(done({ kind: 'unit', unitId: 'jingkaiqu' }, '2024-09-18'));
    expect(reported.status).toBe(200);
    const verified = await request(t.http)
      .post('/meetings/HY-2024-09/items/A/verifications')
      .set(supervision)
      .send({ accepted: true, verifiedOn: '2024-09-19', verifiedBy: '督查考核办' });
    expect(verified.status).toBe(200);

    // The supervision list: the overdue items with their owner and days overdue; A has left it.
    const listed = await request(t.http)
      .get(`/supervision?asOf=2024-10-31&atLeast=${verified.body.position}`)
      .set(supervision);
    expect(listed.status).toBe(200);
    const meetingItems = (
      listed.body.data.items as Array<{
        kind: string;
        itemId: string;
        unitId: string;
        departmentId?: string;
        daysOverdue: number;
      }>
    ).filter((i) => i.kind === 'meeting-item');
    expect(meetingItems.map((i) => [i.itemId, i.unitId, i.departmentId ?? null, i.daysOverdue])).toEqual([
      ['meeting-item:HY-2024-09:C', 'region', 'natural-resources-planning', 41],
      ['meeting-item:HY-2024-09:B', 'gaoxinqu', null, 31],
    ]);

    // Done with evidence, the department's item leaves the list.
    const departmentDone = await request(t.http)
      .post('/meetings/HY-2024-09/items/C/done')
      .set(department)
      .send(done({ kind: 'department', department: 'natural-resources-planning' }, '2024-10-31'));
    expect(departmentDone.status).toBe(200);
    const after = await request(t.http)
      .get(`/supervision?asOf=2024-10-31&atLeast=${departmentDone.body.position}`)
      .set(supervision);
    expect(
      (after.body.data.items as Array<{ kind: string; itemId: string }>)
        .filter((i) => i.kind === 'meeting-item')
        .map((i) => i.itemId),
    ).toEqual(['meeting-item:HY-2024-09:B']);

    // The register: September held its monthly 例会; October shows none, as a fact.
    const register = await request(t.http).get('/meetings?year=2024&asOf=2024-10-31').set(jingkaiqu);
    expect(register.status).toBe(200);
    expect(register.body.data.monthsWithoutMonthlyMeeting).toContain('2024-10');
    expect(register.body.data.monthsWithoutMonthlyMeeting).not.toContain('2024-09');
    expect(register.body.data.meetings).toEqual([
      expect.objectContaining({ meetingId: 'HY-2024-09', items: 3, itemsDone: 2, itemsOverdue: 1 }),
    ]);
    const one = await request(t.http).get('/meetings/HY-2024-09?asOf=2024-10-31').set(jingkaiqu);
    expect(one.body.data.items.map((i: { itemId: string; status: string }) => [i.itemId, i.status])).toEqual([
      ['A', 'verified'],
      ['B', 'handed-out'],
      ['C', 'done'],
    ]);

    // An officer's items are their unit's; another unit's is a 403.
    const mine = await request(t.http).get('/meeting-items?asOf=2024-10-31').set(jingkaiqu);
    expect(mine.body.data.map((i: { itemId: string }) => i.itemId)).toEqual(['A']);
    const theirs = await request(t.http).get('/meeting-items?unitId=gaoxinqu').set(jingkaiqu);
    expect(theirs.status).toBe(403);

    // The performance review of September: each unit's items due, done on time, overdue.
    const review = await request(t.http).get('/performance/2024-09').set(supervision);
    expect(review.status).toBe(200);
    const figures = Object.fromEntries(
      (review.body.data.units as Array<{ unitId: string; meetingItems: object }>).map((u) => [
        u.unitId,
        u.meetingItems,
      ]),
    );
    expect(figures).toEqual({
      jingkaiqu: { due: 1, doneOnTime: 1, overdue: 0 },
      gaoxinqu: { due: 1, doneOnTime: 0, overdue: 1 },
    });

    // The ledger (会议交办事项台账) as Excel and CSV.
    const xlsx = await request(t.http)
      .get('/exports/meetings?year=2024&asOf=2024-10-31')
      .set(supervision)
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['交办事项', '会议一览', '单位交办考核']);
    const sheet = wb.getWorksheet('交办事项');
    const rows: string[] = [];
    sheet?.eachRow((row) => rows.push(row.values?.toString() ?? ''));
    expect(
      rows.some((r) => r.includes('协调标准化厂房交付') && r.includes('逾期未办结') && r.includes('31')),
    ).toBe(true);
    const csv = await request(t.http).get('/exports/meetings?format=csv&asOf=2024-10-31').set(supervision);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .slice(1)
      .split('\r\n')
      .filter((l) => l.length > 0);
    expect(lines).toHaveLength(1 + 3);
    expect(lines[0]).toContain('交办事项');
  }, 60_000);
});

describe('the demo region’s meetings over HTTP (R20)', () => {
  it('September’s 例会 and October’s 专题会, with one item overdue on the demo’s today (R20, 000 §五.1)', async () => {
    const t = await startTestApp({ seedDemo: true }, '2024-10-31');
    try {
      const auditor = await authFor('auditor');
      const register = await request(t.http).get('/meetings?year=2024').set(auditor);
      expect(
        register.body.data.meetings.map((m: { kind: string; heldOn: string }) => [m.kind, m.heldOn]),
      ).toEqual([
        ['monthly', '2024-09-05'],
        ['special', '2024-10-16'],
      ]);
      const list = await request(t.http).get('/supervision?asOf=2024-10-31').set(auditor);
      const overdue = (
        list.body.data.items as Array<{ kind: string; itemId: string; unitId: string; daysOverdue: number }>
      ).filter((i) => i.kind === 'meeting-item' && i.daysOverdue > 0);
      expect(overdue.map((i) => [i.itemId, i.unitId, i.daysOverdue])).toEqual([
        ['meeting-item:HY-2024-09:JB-3', 'fenghuang-town', 16],
      ]);
    } finally {
      await t.close();
    }
  }, 120_000); // seeds the whole demo region: slow on a busy 2-core machine
});
