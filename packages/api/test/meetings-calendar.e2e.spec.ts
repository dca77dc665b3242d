/**
 * A 交办 item's deadline in working days that reaches a year whose official holiday schedule is not
 * adopted yet (R20 with R7's calendar; 003 "限时办结制", 000 §五.1 交办 followed to done): pending, never
 * guessed; once the schedule is adopted through the working-calendar route, the deadline watcher's
 * pass counts it once (ComputeMeetingItemDeadlines → MeetingItemDeadlineComputed) and the
 * supervision list shows its day — and, as the clock moves, its days overdue.
 */
import { DeadlineWatcher } from '../src/watcher/deadline-watcher';
import { adoptTestSchedule2027, authFor, movableClock, request, startTestApp } from './support';

const meeting = {
  meetingId: 'HY-2026-12',
  unitId: 'region',
  kind: 'monthly',
  title: '2026年12月招商引资和项目服务工作领导小组例会',
  heldOn: '2026-12-28',
  chair: '区长',
  attendees: ['分管副区长'],
  projectIds: [],
  recordedBy: '领导小组办公室',
};
const decision = {
  decision: 1,
  text: '研究年初重点项目开工准备',
  recordedOn: '2026-12-28',
  recordedBy: '领导小组办公室',
  items: [
    {
      itemId: 'P',
      task: '完成重点项目用地预审',
      owner: { kind: 'department', department: 'natural-resources-planning' },
      deadline: { kind: 'working-days', workingDays: 10 },
    },
  ],
};

interface Listed {
  readonly itemId: string;
  readonly deadlineStatus?: string;
  readonly pendingCalendarYear?: number;
  readonly dueOn?: string;
  readonly daysOverdue: number;
}

describe('a 交办 deadline waiting for the 2027 holiday schedule (003 限时办结制, R7’s calendar) (R20)', () => {
  it('is pending, never guessed; adopting the schedule and a watcher pass give it its day on the supervision list (R20, 000 §五.1)', async () => {
    const clock = movableClock('2026-12-28');
    const t = await startTestApp({}, clock);
    try {
      const office = await authFor('leading-group-office');
      const supervision = await authFor('supervision-office');
      expect((await request(t.http).post('/meetings').set(office).send(meeting)).status).toBe(201);
      const decided = await request(t.http).post('/meetings/HY-2026-12/decisions').set(office).send(decision);
      expect(decided.status).toBe(201);

      // Pending: the register has no day for it, and the list (from 2027's first day) says why.
      clock.day = '2027-01-04';
      const item = (await request(t.http).get('/meetings/HY-2026-12').set(office)).body.data.items[0];
      expect(item).toMatchObject({ itemId: 'P', pendingCalendarYear: 2027, overdue: false });
      expect(item).not.toHaveProperty('dueOn');
      const listedOf = async (atLeast: unknown): Promise<Listed | undefined> =>
        (
          (
            await request(t.http)
              .get(`/supervision?atLeast=${String(atLeast)}`)
              .set(supervision)
          ).body.data.items as ReadonlyArray<Listed>
        ).find((i) => i.itemId === 'meeting-item:HY-2026-12:P');
      const pending = await listedOf(decided.body.position);
      expect(pending).toMatchObject({ deadlineStatus: 'pending-calendar', pendingCalendarYear: 2027 });
      expect(pending).not.toHaveProperty('dueOn');
      const watcher = t.z.app.get(DeadlineWatcher);
      expect(await watcher.runOnce()).toMatchObject({ computed: 0, failed: 0 });

      const adopted = await adoptTestSchedule2027(t.http, office, '2027-01-04');
      expect(adopted.status).toBe(201);
      expect(await watcher.runOnce()).toMatchObject({ computed: 1, failed: 0 });
      // A second pass on the same calendar is a repeat: nothing counted twice.
      expect(await watcher.runOnce()).toMatchObject({ computed: 0, failed: 0 });
      const computed = (await t.z.store.readStream('meeting-HY-2026-12')).filter(
        (e) => e.type === 'MeetingItemDeadlineComputed',
      );
      // Worked by hand on the fixture schedule: 12-29…12-31 (1–3), 1-1…1-3 off, 1-4…1-8 (4–8), 1-11, 1-12.
      expect(computed.map((e) => e.data)).toEqual([
        {
          meetingId: 'HY-2026-12',
          itemId: 'P',
          dueOn: '2027-01-12',
          calendarYear: 2027,
          computedOn: '2027-01-04',
        },
      ]);
      expect(computed[0]?.metadata.commandId).toMatch(/^deadlines:HY-2026-12:2027-01-04/);
      expect(computed[0]?.metadata.actor).toMatchObject({ role: 'system' });

      const counted = await listedOf(computed[0]!.globalPosition);
      expect(counted).toMatchObject({ deadlineStatus: 'due', dueOn: '2027-01-12', daysOverdue: 0 });
      expect(counted).not.toHaveProperty('pendingCalendarYear');
      clock.day = '2027-01-14';
      expect(await listedOf(computed[0]!.globalPosition)).toMatchObject({
        dueOn: '2027-01-12',
        daysOverdue: 2,
      });
      const register = (await request(t.http).get('/meetings/HY-2026-12').set(office)).body.data.items[0];
      expect(register).toMatchObject({ dueOn: '2027-01-12', overdue: true, daysOverdue: 2 });
    } finally {
      await t.close();
    }
  }, 60_000);
});
