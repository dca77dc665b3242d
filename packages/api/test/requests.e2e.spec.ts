/**
 * Enterprise requests and complaints end to end through HTTP (R17):
 * - 001 §二: "及时受理和办结投资企业投诉事宜";
 * - 004 §(十二): "建立健全企业诉求闭环处理机制，形成事前收集梳理、事中研究交办、事后跟踪评价的工作流程"
 *   (责任单位：区委督察考核办、区营商办、区直各部门).
 * Time limits count working days on the official calendar (R7's calendar); the server's today is
 * pinned (2024-06-01) and overdue is always judged on it.
 */
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { unitTargets } from '../src/demo/project-life';
import { DeadlineWatcher } from '../src/watcher/deadline-watcher';
import { adoptTestSchedule2027, authFor, movableClock, request, send, startTestApp } from './support';

const receipt = (requestId: string, receivedOn: string, o: Record<string, unknown> = {}) => ({
  requestId,
  unitId: 'jingkaiqu',
  kind: 'complaint',
  enterprise: { name: '某新能源科技有限公司', projectId: 'XM-1' },
  channel: 'service-window',
  category: 'infrastructure',
  text: '厂区双回路供电迟迟未接入，影响设备调试',
  evidence: [],
  receivedOn,
  receivedBy: '企业服务中心窗口',
  ...o,
});

/** Collects a binary answer (a workbook). */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Reads a streamed text answer (CSV) whole. */
const textOf = (res: Response, done: (err: Error | null, body: string) => void): void => {
  let text = '';
  res.on('data', (c: Buffer) => (text += c.toString()));
  res.on('end', () => done(null, text));
};

describe('enterprise requests through HTTP: the closed loop of 004 §(十二) (R17)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let officer: Record<string, string>;
  let otherOfficer: Record<string, string>;
  let office: Record<string, string>;
  let department: Record<string, string>;
  let supervision: Record<string, string>;
  let position = '0';
  const post = async (path: string, auth: Record<string, string>, body: object) => {
    const res = await request(t.http).post(path).set(auth).send(body);
    if (res.status < 300) position = res.body.position as string;
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp();
    officer = await authFor('investment-officer', 'jingkaiqu');
    otherOfficer = await authFor('investment-officer', 'gaoxinqu');
    office = await authFor('leading-group-office');
    department = await authFor('department-reviewer');
    supervision = await authFor('supervision-office');
    expect((await send(t.http, unitTargets('jingkaiqu', 2024))).status).toBeLessThan(300);
  }, 60_000);
  afterAll(() => t.close());

  it('004 §(十二) 事前收集梳理、事中研究交办、事后跟踪评价: received, handed out, answered, evaluated unsatisfied (reopened), answered again, evaluated satisfied, closed (R17)', async () => {
    expect((await post('/requests', officer, receipt('SQ-1', '2024-04-01'))).status).toBe(201);
    const assigned = await post('/requests/SQ-1/assignment', office, {
      department: 'development-reform',
      assignedOn: '2024-04-02',
      assignedBy: '区营商办',
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.events.map((e: { type: string }) => e.type)).toEqual(['RequestAssigned']);
    const answer = { answer: '已协调供电公司', evidence: [], handledBy: '区发改局' };
    expect(
      (await post('/requests/SQ-1/answers', department, { ...answer, handledOn: '2024-04-15' })).status,
    ).toBe(200);
    const unsatisfied = await post('/requests/SQ-1/evaluations', officer, {
      round: 1,
      satisfied: false,
      evaluatedOn: '2024-04-16',
      evaluatedBy: '企业联系人',
      comment: '仍未验收',
    });
    expect(unsatisfied.body.events.map((e: { type: string }) => e.type)).toEqual([
      'RequestEvaluated',
      'RequestReopened',
    ]);
    expect(
      (
        await post('/requests/SQ-1/answers', department, {
          ...answer,
          answer: '供电已接入并验收',
          handledOn: '2024-04-22',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post('/requests/SQ-1/evaluations', officer, {
          round: 2,
          satisfied: true,
          evaluatedOn: '2024-04-23',
          evaluatedBy: '企业联系人',
        })
      ).status,
    ).toBe(200);
    expect(
      (await post('/requests/SQ-1/closing', office, { closedOn: '2024-04-24', closedBy: '区营商办' })).status,
    ).toBe(200);

    const one = await request(t.http).get('/requests/SQ-1').set(officer);
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({
      requestId: 'SQ-1',
      status: 'closed',
      departmentId: 'development-reform',
      receivedOn: '2024-04-01',
      assignedOn: '2024-04-02',
      handledOn: '2024-04-22',
      closedOn: '2024-04-24',
      evaluation: { round: 2, satisfied: true, on: '2024-04-23' },
      overdue: false,
      // Worked by hand: 10 working days from 4-2 end on 4-17 (清明 4-4…4-6 off, Sunday 4-7 worked);
      // reopened 4-16, 10 more end on 4-29 (Sunday 4-28 worked before 劳动节).
      rounds: [
        { round: 1, dueOn: '2024-04-17', handledOn: '2024-04-15', withinTimeLimit: true, satisfied: false },
        { round: 2, dueOn: '2024-04-29', handledOn: '2024-04-22', withinTimeLimit: true, satisfied: true },
      ],
    });
    expect(one.body.data.history.map((e: { type: string }) => e.type)).toEqual([
      'RequestReceived',
      'RequestAssigned',
      'RequestHandled',
      'RequestEvaluated',
      'RequestReopened',
      'RequestHandled',
      'RequestEvaluated',
      'RequestClosed',
    ]);
  });

  it('004 §(十二) 事中研究交办: a request past its 交办 limit is on the supervision list with its days overdue and its department as owner (R17)', async () => {
    expect(
      (await post('/requests', office, receipt('SQ-2', '2024-05-06', { category: 'land' }))).status,
    ).toBe(201);
    expect(
      (
        await post('/requests/SQ-2/assignment', supervision, {
          department: 'natural-resources-planning',
          assignedOn: '2024-05-06',
          assignedBy: '区委督察考核办',
        })
      ).status,
    ).toBe(200);
    // Worked by hand: from 5-6, 5-7…5-10 (1–4), Saturday 5-11 worked after 劳动节 (5), 5-13…5-17 (6–10):
    // due 2024-05-17; on the server's today 2024-06-01, 15 days overdue.
    const list = await request(t.http).get(`/supervision?atLeast=${position}`).set(supervision);
    expect(list.body.data.items).toContainEqual(
      expect.objectContaining({
        itemId: 'enterprise-request:SQ-2:1',
        kind: 'enterprise-request',
        unitId: 'jingkaiqu',
        projectName: '某新能源科技有限公司',
        departmentId: 'natural-resources-planning',
        ownerId: 'natural-resources-planning',
        openedOn: '2024-05-06',
        dueOn: '2024-05-17',
        overdue: true,
        daysOverdue: 15,
      }),
    );
    // SQ-1's rounds were answered in time: they never reach the list.
    expect(list.body.data.items.map((i: { itemId: string }) => i.itemId)).not.toContain(
      'enterprise-request:SQ-1:1',
    );

    const overdue = await request(t.http).get(`/requests?overdue=true&atLeast=${position}`).set(office);
    expect(
      overdue.body.data.items.map((e: { requestId: string; daysOverdue: number }) => [
        e.requestId,
        e.daysOverdue,
      ]),
    ).toEqual([['SQ-2', 15]]);
    const closed = await request(t.http).get('/requests?status=closed').set(office);
    expect(closed.body.data.items.map((e: { requestId: string }) => e.requestId)).toEqual(['SQ-1']);
    const byDepartment = await request(t.http)
      .get('/requests?departmentId=natural-resources-planning')
      .set(office);
    expect(byDepartment.body.data.items.map((e: { requestId: string }) => e.requestId)).toEqual(['SQ-2']);
    // No caller names another today: the list takes no date.
    const dated = await request(t.http).get('/requests?asOf=2024-05-01').set(office);
    expect(dated.status).toBe(400);
  });

  it('001 §二 及时办结: the performance review counts received, closed on time, overdue and satisfaction per unit and per department (R17)', async () => {
    const review = await request(t.http).get(`/performance/2024-Q2?atLeast=${position}`).set(supervision);
    expect(review.status).toBe(200);
    const unit = review.body.data.units.find((u: { unitId: string }) => u.unitId === 'jingkaiqu');
    // Worked by hand: SQ-1 and SQ-2 received; SQ-1 closed, both its answers in time; SQ-2 unanswered
    // past 5-17 at the end of June; two verdicts, one satisfied (50.00%).
    expect(unit.requests).toEqual({
      received: 2,
      closed: 1,
      closedOnTime: 1,
      overdue: 1,
      evaluated: 2,
      satisfied: 1,
      satisfaction: { numerator: 1, denominator: 2, basisPoints: 5000 },
    });
    expect(review.body.data.requestDepartments).toEqual([
      {
        departmentId: 'development-reform',
        received: 1,
        closed: 1,
        closedOnTime: 1,
        overdue: 0,
        evaluated: 2,
        satisfied: 1,
        satisfaction: { numerator: 1, denominator: 2, basisPoints: 5000 },
      },
      {
        departmentId: 'natural-resources-planning',
        received: 1,
        closed: 0,
        closedOnTime: 0,
        overdue: 1,
        evaluated: 0,
        satisfied: 0,
        satisfaction: { numerator: 0, denominator: 0 },
      },
    ]);
  });

  it('the 企业诉求台账 exports as CSV (one row per request, overdue as of today) and as a workbook (R17)', async () => {
    const csv = await request(t.http)
      .get('/exports/requests?format=csv')
      .set(office)
      .buffer(true)
      .parse(textOf);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('诉求编号,受理单位,类型,企业名称');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('SQ-1');
    expect(lines[1]).toContain('已办结');
    expect(lines[2]).toContain('SQ-2');
    expect(lines[2]).toContain('已逾期 15 天');
    const xlsx = await request(t.http).get('/exports/requests').set(office).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('企业诉求台账'));
    const bytes = xlsx.body as Buffer;
    const wb = new ExcelJS.Workbook();
    const copy = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(copy).set(bytes);
    await wb.xlsx.load(copy);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['台账', '按单位', '按部门']);
  });

  it('004 §(十二) 责任单位: roles and units are checked before any rule (403) (R17)', async () => {
    // A department answers; it does not receive.
    const wrongRole = await post('/requests', department, receipt('SQ-9', '2024-05-20'));
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.code).toBe('ROLE_NOT_ALLOWED');
    // An officer hands nothing out (交办 is the offices').
    const notAssign = await post('/requests/SQ-2/assignment', officer, {
      department: 'development-reform',
      assignedOn: '2024-05-20',
      assignedBy: '某专员',
    });
    expect(notAssign.status).toBe(403);
    // Another unit's officer neither receives for jingkaiqu nor records its enterprise's verdict.
    const otherUnit = await post('/requests', otherOfficer, receipt('SQ-10', '2024-05-20'));
    expect(otherUnit.status).toBe(403);
    expect(otherUnit.body).toMatchObject({ code: 'OUTSIDE_UNIT' });
    const otherEval = await post('/requests/SQ-1/evaluations', otherOfficer, {
      round: 2,
      satisfied: true,
      evaluatedOn: '2024-04-23',
      evaluatedBy: '企业联系人',
    });
    expect(otherEval.status).toBe(403);
    expect(otherEval.body).toMatchObject({ code: 'OUTSIDE_UNIT', params: { unitId: 'jingkaiqu' } });
    // … nor reads it: one request, a list of another unit; its own list is empty.
    const read = await request(t.http).get('/requests/SQ-1').set(otherOfficer);
    expect(read.status).toBe(403);
    expect(read.body).toMatchObject({
      code: 'OUTSIDE_UNIT',
      params: { unitId: 'jingkaiqu', actorUnitId: 'gaoxinqu' },
    });
    expect((await request(t.http).get('/requests?unitId=jingkaiqu').set(otherOfficer)).status).toBe(403);
    const own = await request(t.http).get('/requests').set(otherOfficer);
    expect(own.body.data.items).toEqual([]);
    const ownCsv = await request(t.http)
      .get('/exports/requests?format=csv')
      .set(otherOfficer)
      .buffer(true)
      .parse(textOf);
    expect(ownCsv.status).toBe(200);
    expect((ownCsv.body as string).trim().split('\r\n')).toHaveLength(1);
  });

  it('001 §二 / 004 §(十二) 闭环: a domain refusal is a 422 or a 409 with its code (R17)', async () => {
    // Closed only when the enterprise is satisfied.
    const notSatisfied = await post('/requests/SQ-2/closing', office, {
      closedOn: '2024-05-20',
      closedBy: '区营商办',
    });
    expect(notSatisfied.status).toBe(422);
    expect(notSatisfied.body).toMatchObject({
      code: 'REQUEST_NOT_SATISFIED',
      params: { status: 'assigned' },
    });
    // Handed out once: another department is a conflict with what is on record.
    const again = await post('/requests/SQ-2/assignment', office, {
      department: 'development-reform',
      assignedOn: '2024-05-07',
      assignedBy: '区营商办',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REQUEST_ALREADY_ASSIGNED');
    expect((await request(t.http).get('/requests/SQ-404').set(office)).status).toBe(404);
  });
});

describe('a request’s limit waiting for the 2027 holiday schedule (004 §(十二) 事中研究交办, R7’s calendar) (R17)', () => {
  it('is pending, never guessed; once the schedule is adopted the watcher counts it once, and the clock lists it overdue (R17)', async () => {
    const clock = movableClock('2026-12-28');
    const t = await startTestApp({}, clock);
    try {
      const office = await authFor('leading-group-office');
      expect(
        (await request(t.http).post('/requests').set(office).send(receipt('SQ-P', '2026-12-28'))).status,
      ).toBe(201);
      const assigned = await request(t.http).post('/requests/SQ-P/assignment').set(office).send({
        department: 'development-reform',
        assignedOn: '2026-12-28',
        assignedBy: '区营商办',
      });
      expect(assigned.status).toBe(200);
      const pending = await request(t.http).get('/requests/SQ-P').set(office);
      expect(pending.body.data).toMatchObject({
        pendingCalendarYear: 2027,
        pendingCalendar: true,
        overdue: false,
      });
      expect(pending.body.data).not.toHaveProperty('dueOn');
      const watcher = t.z.app.get(DeadlineWatcher);
      expect(await watcher.runOnce()).toMatchObject({ computed: 0, failed: 0 });

      clock.day = '2026-12-30';
      const adopted = await adoptTestSchedule2027(t.http, office, '2026-12-30');
      expect(adopted.status).toBe(201);
      expect(await watcher.runOnce()).toMatchObject({ computed: 1, failed: 0 });
      expect(await watcher.runOnce()).toMatchObject({ computed: 0, failed: 0 });
      const events = await t.z.store.readStream('enterprise-request-SQ-P');
      const computed = events.filter((e) => e.type === 'RequestDeadlineComputed');
      // Worked by hand on the fixture schedule: 12-29…12-31 (1–3), 1-1…1-3 off, 1-4…1-8 (4–8), 1-11, 1-12.
      expect(computed.map((e) => e.data)).toEqual([
        expect.objectContaining({
          round: 1,
          dueOn: '2027-01-12',
          calendarYear: 2027,
          computedOn: '2026-12-30',
        }),
      ]);
      expect(computed[0]?.metadata.commandId).toMatch(/^deadlines:SQ-P:2026-12-30/);
      expect(computed[0]?.metadata.actor).toMatchObject({ role: 'system' });

      clock.day = '2027-01-14';
      const list = await request(t.http)
        .get(`/supervision?atLeast=${computed[0]!.globalPosition}`)
        .set(office);
      expect(list.body.data.items).toContainEqual(
        expect.objectContaining({ itemId: 'enterprise-request:SQ-P:1', dueOn: '2027-01-12', daysOverdue: 2 }),
      );
    } finally {
      await t.close();
    }
  }, 60_000);
});
