/**
 * The working-day calendar across 2026→2027 through the API (R7 · 001 §(三)2, DOMAIN.md §3
 * "Working-day calendar"): a deadline counted into 2027 before its schedule is adopted is pending
 * (never guessed), is shown as such, raises no miss; the leading-group office adopts the 2027
 * schedule as data over HTTP; the watcher's next pass computes the deadline and the clock raises
 * it once it has passed. The 2027 schedule is a labelled TEST FIXTURE, not the State Council's notice.
 */
import { workingCalendarFixtures } from '@zhaoshang/domain/testing';
import { lifeUntil } from '../src/demo/project-life';
import { DeadlineWatcher } from '../src/watcher/deadline-watcher';
import { authFor, movableClock, request, send, startTestApp } from './support';

const spec = {
  projectId: 'XM-CAL-1',
  unitId: 'jingkaiqu',
  name: '智能装备产业园项目',
  investor: '苏州某智能装备有限公司',
  industryChain: '高端装备',
  content: '建设智能装备生产基地',
  totalYi: 1.2,
  capturedOn: '2026-10-20', // signed 2026-12-14, start due by 2027-02-12: no other deadline passes here
};
const fixture = workingCalendarFixtures.TEST_FIXTURE_SCHEDULE_2027;
const adoption = {
  holidays: fixture.holidays,
  adjustedWorkdays: fixture.adjustedWorkdays,
  source: fixture.source,
  on: '2026-12-30',
  adoptedBy: '区招商引资工作领导小组办公室',
};

describe('the working-day calendar after 2026 (R7 · 001 §(三)2, DOMAIN.md §3 "Working-day calendar")', () => {
  it('a deadline counted into 2027 waits for the 2027 schedule, which an office adopts as data; the clock then computes and raises it (R7)', async () => {
    const clock = movableClock('2026-12-30');
    const t = await startTestApp({}, clock);
    try {
      for (const step of lifeUntil(spec, 'signed'))
        expect((await send(t.http, step)).status).toBeLessThan(300);
      const officer = await authFor('investment-officer', spec.unitId);
      const office = await authFor('leading-group-office');
      const requested = await request(t.http)
        .post(`/projects/${spec.projectId}/procedures`)
        .set(officer)
        .send({
          procedureId: 'SX-CAL-1',
          kind: 'construction-permit',
          department: 'administrative-approval',
          completeOn: '2026-12-30',
          special: false,
        });
      expect(requested.status).toBeLessThan(300);

      // The calendar covers the packaged years up to 2026: 2027 is not known yet.
      const before = await request(t.http).get('/working-calendar').set(office);
      expect(before.body.data).toMatchObject({ lastCoveredYear: 2026 });

      const watcher = t.z.app.get(DeadlineWatcher);
      clock.day = '2027-01-06';
      expect(await watcher.runOnce()).toMatchObject({ computed: 0, raised: 0, failed: 0 });
      const pending = await request(t.http).get(`/projects/${spec.projectId}?asOf=2027-01-06`).set(office);
      expect(pending.body.data.nodes).toContainEqual(
        expect.objectContaining({
          key: 'procedure:SX-CAL-1',
          deadlineStatus: 'pending-calendar',
          pendingCalendarYear: 2027,
        }),
      );
      const listed = await request(t.http).get('/supervision?asOf=2027-01-06').set(office);
      // Weekly 包保 visits (R18): this history records no visits; its missed weeks are tested in visits.e2e.spec.ts.
      const deadlines = (items: ReadonlyArray<{ kind: string }>) =>
        items.filter((i) => i.kind !== 'visit-week');
      expect(deadlines(listed.body.data.items)).toEqual([
        expect.objectContaining({
          kind: 'procedure',
          deadlineStatus: 'pending-calendar',
          overdue: false,
          daysOverdue: 0,
        }),
      ]);

      // Only the office that runs the system adopts a schedule.
      const refused = await request(t.http)
        .post('/working-calendar/2027/schedule')
        .set(officer)
        .send(adoption);
      expect(refused.status).toBe(403);
      const adopted = await request(t.http)
        .post('/working-calendar/2027/schedule')
        .set(office)
        .send(adoption);
      expect(adopted.status).toBe(201);
      expect(adopted.body.events.map((e: { type: string }) => e.type)).toEqual(['HolidayScheduleAdopted']);
      const after = await request(t.http).get('/working-calendar').set(office);
      expect(after.body.data.lastCoveredYear).toBe(2027);
      expect(after.body.data.coveredYears.at(-1)).toMatchObject({
        year: 2027,
        origin: 'adopted',
        source: fixture.source,
      });

      // The next pass on the same day is not a repeat: it computes the deadline (fixture 元旦
      // 01-01…01-03 → 12-31, 01-04, 01-05) and raises it, since 2027-01-05 has passed.
      expect(await watcher.runOnce()).toMatchObject({ computed: 1, raised: 1, failed: 0 });
      expect(await watcher.runOnce()).toMatchObject({ computed: 0, raised: 0 });
      const overdue = await request(t.http).get('/supervision?asOf=2027-01-06').set(office);
      expect(deadlines(overdue.body.data.items)).toEqual([
        expect.objectContaining({
          kind: 'procedure',
          deadlineStatus: 'due',
          dueOn: '2027-01-05',
          overdue: true,
          daysOverdue: 1,
        }),
      ]);

      // A procedure reported to a higher level (需上报有关部门审批) is followed up without a limit.
      const higher = await request(t.http).post(`/projects/${spec.projectId}/procedures`).set(officer).send({
        procedureId: 'SX-CAL-2',
        kind: 'land',
        department: 'natural-resources-planning',
        completeOn: '2026-12-30',
        special: false,
        approvalLevel: 'higher-level',
        authority: '市自然资源和规划局',
      });
      expect(higher.status).toBeLessThan(300);
      clock.day = '2027-06-30';
      expect(await watcher.runOnce()).toMatchObject({ computed: 0, failed: 0 });
      const tracked = await request(t.http).get(`/projects/${spec.projectId}?asOf=2027-06-30`).set(office);
      expect(tracked.body.data.nodes).toContainEqual(
        expect.objectContaining({
          key: 'procedure:SX-CAL-2',
          approvalLevel: 'higher-level',
          deadlineStatus: 'tracked',
        }),
      );
      const late = await request(t.http).get('/supervision?asOf=2027-06-30').set(office);
      expect(late.body.data.items.map((i: { itemId: string }) => i.itemId)).not.toContain(
        `${spec.projectId}:procedure:SX-CAL-2`,
      );

      // A different 2027 schedule is refused unless it is a correction with a reason.
      const different = await request(t.http)
        .post('/working-calendar/2027/schedule')
        .set(office)
        .send({ ...adoption, adjustedWorkdays: [] });
      expect(different.status).toBe(422);
      expect(different.body.code).toBe('SCHEDULE_ALREADY_ADOPTED');
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe('an adoption starts a pass of the watcher at once (R7 · 001 §(三)2, DOMAIN.md §3 "Working-day calendar")', () => {
  it('with the watcher on its timer, adopting 2027 computes the pending deadline without waiting for the next tick (R7)', async () => {
    // An hour between ticks; today pinned after the deadline, so the same pass raises it.
    const t = await startTestApp({ watcherIntervalMs: 3_600_000 }, '2027-01-06');
    try {
      const project = { ...spec, projectId: 'XM-CAL-2' };
      for (const step of lifeUntil(project, 'signed'))
        expect((await send(t.http, step)).status).toBeLessThan(300);
      const officer = await authFor('investment-officer', spec.unitId);
      const office = await authFor('leading-group-office');
      const requested = await request(t.http)
        .post(`/projects/${project.projectId}/procedures`)
        .set(officer)
        .send({
          procedureId: 'SX-CAL-3',
          kind: 'construction-permit',
          department: 'administrative-approval',
          completeOn: '2026-12-30',
          special: false,
        });
      expect(requested.status).toBeLessThan(300);
      const adopted = await request(t.http)
        .post('/working-calendar/2027/schedule')
        .set(office)
        .send({ ...adoption, on: '2027-01-06' });
      expect(adopted.status).toBe(201);
      // The adoption's event started the pass before the answer was sent; wait for it to end.
      const watcher = t.z.app.get(DeadlineWatcher);
      await watcher.settled();
      const events = await t.z.store.readStream(`project-${project.projectId}`);
      expect(events.filter((e) => e.type === 'ProcedureDeadlineComputed').map((e) => e.data)).toEqual([
        expect.objectContaining({ procedureId: 'SX-CAL-3', dueOn: '2027-01-05', calendarYear: 2027 }),
      ]);
      expect(events.filter((e) => e.type === 'MilestoneMissed').map((e) => e.data)).toContainEqual(
        expect.objectContaining({
          kind: 'procedure-time-limit',
          dueOn: '2027-01-05',
          detectedOn: '2027-01-06',
        }),
      );
    } finally {
      await t.close();
    }
  }, 60_000);
});
