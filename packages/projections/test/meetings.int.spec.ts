/**
 * R20 in the read models: the leading group's meetings and their 交办 items (000 §五.1 "坚持每月定期召开
 * 工作例会"; 003 "工作交办机制、首问负责制、限时办结制、跟踪问效制"), projected by the runner from a real
 * SQLite event store into the embedded store and into the MongoDB store's code (on its client double):
 * the meetings register (months without a monthly 例会 visible), the supervision list's meeting items
 * (owner, days overdue, leaving the list when done) and the performance review's 交办 figures per unit.
 */
import {
  date,
  meetingDecider,
  meetingStream,
  unsafeId,
  count,
  type BusinessDate,
  type Evidence,
  type EvidenceRef,
  type MeetingCommand,
} from '@zhaoshang/domain';
import { openSqliteEventStore } from '@zhaoshang/eventstore';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MongoClient } from 'mongodb';
import * as E from 'fp-ts/Either';
import { allProjections, openSqliteReadModelStore, ProjectionRunner, type ReadModelStore } from '../src';
import { meetingsQueries } from '../src/meetings/meetings.queries';
import { performanceReviewQueries } from '../src/performance-review/performance-review.queries';
import { MongoReadModelStore } from '../src/stores/mongodb/mongo-read-model-store';
import { supervisionQueries } from '../src/supervision/supervision.queries';
import { appendScenario, toNewEvent, type ScenarioStream } from '../src/testing';
import { MongoServerDouble } from './support/mongodb-double';

const text = unsafeId.text;
const evidence: Evidence = [
  { sha256: 'b'.repeat(64) as EvidenceRef['sha256'], name: text('办结材料.pdf'), kind: 'report' },
];

const hold = (id: string, kind: 'monthly' | 'special', heldOn: string): MeetingCommand => ({
  type: 'HoldMeeting',
  meetingId: unsafeId.meeting(id),
  unitId: unsafeId.unit('region'),
  kind,
  title: text(`${id} 会议`),
  heldOn: date(heldOn),
  chair: text('区长'),
  attendees: [text('区投资促进局')],
  projectIds: [],
  recordedBy: text('领导小组办公室'),
});
type Owner =
  { kind: 'unit'; unitId: string } | { kind: 'department'; department: 'natural-resources-planning' };
const toUnit = (u: string): Owner => ({ kind: 'unit', unitId: u });
const item = (itemId: string, owner: Owner, deadline: string | number) => ({
  itemId: unsafeId.meetingItem(itemId),
  task: text(`事项 ${itemId}`),
  owner:
    owner.kind === 'unit'
      ? { kind: 'unit' as const, unitId: unsafeId.unit(owner.unitId) }
      : { kind: 'department' as const, department: owner.department },
  deadline:
    typeof deadline === 'number'
      ? { kind: 'working-days' as const, workingDays: count(deadline) }
      : { kind: 'date' as const, dueOn: date(deadline) },
});
const decision = (meetingId: string, on: string, items: ReturnType<typeof item>[]): MeetingCommand => ({
  type: 'RecordDecision',
  meetingId: unsafeId.meeting(meetingId),
  decision: count(1),
  text: text('议定事项'),
  recordedOn: date(on),
  recordedBy: text('领导小组办公室'),
  items,
});
const done = (meetingId: string, itemId: string, owner: Owner, on: string): MeetingCommand => ({
  type: 'ReportItemDone',
  meetingId: unsafeId.meeting(meetingId),
  itemId: unsafeId.meetingItem(itemId),
  owner: item(itemId, owner, 1).owner,
  report: text('已办结'),
  evidence,
  doneOn: date(on),
  reportedBy: text('责任单位'),
});

/** A meeting's commands through the decider, as a stream. */
const meetingStreamOf = (commands: ReadonlyArray<MeetingCommand>): ScenarioStream => {
  let state = meetingDecider.initialState;
  const events = [];
  for (const c of commands) {
    const r = meetingDecider.decide(c, state);
    if (E.isLeft(r)) throw new Error(`${c.type} refused: ${JSON.stringify(r.left)}`);
    for (const e of r.right) {
      state = meetingDecider.evolve(state, e);
      events.push(toNewEvent(e));
    }
  }
  return { streamName: meetingStream(unsafeId.meeting(commands[0]!.meetingId)), events };
};

// September's monthly 例会 and October's 专题会 (no monthly 例会 in October).
const streams = [
  meetingStreamOf([
    hold('HY-09', 'monthly', '2024-09-05'),
    decision('HY-09', '2024-09-06', [
      item('A', toUnit('jingkaiqu'), '2024-09-20'),
      item('B', toUnit('gaoxinqu'), '2024-09-30'),
      // 10 working days from 09-05 on the official calendar, worked by hand: 9-6 (1), 9-9…9-13 (2–6),
      // Saturday 9-14 worked (7; 中秋 9-15…9-17 off), 9-18 (8), 9-19 (9), 9-20 (10).
      item('C', { kind: 'department', department: 'natural-resources-planning' }, 10),
    ]),
    done('HY-09', 'A', toUnit('jingkaiqu'), '2024-09-18'),
  ]),
  meetingStreamOf([
    hold('HY-10', 'special', '2024-10-10'),
    decision('HY-10', '2024-10-10', [
      item('D', toUnit('jingkaiqu'), '2024-10-25'),
      item('E', toUnit('gaoxinqu'), '2024-11-15'),
    ]),
    done('HY-10', 'D', toUnit('jingkaiqu'), '2024-10-28'),
  ]),
];

const asOf = '2024-10-31' as BusinessDate;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'projections-meetings-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Projects the scenario into a store with the runner and answers every question of this file. */
const answers = async (store: ReadModelStore) => {
  const events = openSqliteEventStore({
    file: join(dir, `events-${Math.random()}.sqlite`),
    durability: 'normal',
  });
  await appendScenario(events, streams);
  await new ProjectionRunner({
    eventStore: events,
    store,
    projections: allProjections,
    lease: false,
    retry: false,
  }).rebuild();
  await events.close();
  const meetings = meetingsQueries(store);
  const review = performanceReviewQueries(store);
  const units = ['gaoxinqu', 'jingkaiqu'];
  return {
    register: await meetings.register({ year: 2024, asOf }),
    meeting: await meetings.meeting('HY-09', asOf),
    jingkaiqu: await meetings.items({ asOf, ownerUnitId: 'jingkaiqu' }),
    supervision: await supervisionQueries(store).list({ asOf, filter: { kind: 'meeting-item' } }),
    september: await review.review({ period: { kind: 'month', year: 2024, index: 9 }, unitIds: units }),
    october: await review.review({ period: { kind: 'month', year: 2024, index: 10 }, unitIds: units }),
  };
};

describe('meetings and their 交办 items in the read models (R20)', () => {
  let embedded: Awaited<ReturnType<typeof answers>>;
  beforeAll(async () => {
    const store = openSqliteReadModelStore({ file: ':memory:' });
    embedded = await answers(store);
    await store.close();
  }, 60_000);

  it('the register lists a month without a monthly 例会 as a visible fact (R20, 000 §五.1 "坚持每月定期召开工作例会")', () => {
    const r = embedded.register;
    expect(r.months.map((m) => m.month)).toHaveLength(10);
    expect(r.months.find((m) => m.month === '2024-09')).toEqual({
      month: '2024-09',
      monthlyHeld: true,
      meetings: { monthly: 1, special: 0, joint: 0, dispatch: 0 },
    });
    expect(r.months.find((m) => m.month === '2024-10')).toMatchObject({
      monthlyHeld: false,
      meetings: { monthly: 0, special: 1 },
    });
    expect(r.monthsWithoutMonthlyMeeting).toContain('2024-10');
    expect(r.monthsWithoutMonthlyMeeting).not.toContain('2024-09');
    expect(r.meetings.map((m) => [m.meetingId, m.items, m.itemsDone, m.itemsOverdue])).toEqual([
      ['HY-09', 3, 1, 2],
      ['HY-10', 2, 1, 0],
    ]);
  });

  it('a meeting with its items: a deadline in working days is dated on the official calendar (R20, 003 限时办结制)', () => {
    const items = embedded.meeting?.items ?? [];
    expect(items.map((i) => [i.itemId, i.dueOn, i.doneByAsOf, i.daysOverdue])).toEqual([
      ['A', '2024-09-20', true, 0],
      ['B', '2024-09-30', false, 31],
      ['C', '2024-09-20', false, 41],
    ]);
    expect(embedded.jingkaiqu.map((i) => [i.itemId, i.withinDeadline])).toEqual([
      ['A', true],
      ['D', false],
    ]);
  });

  it('the supervision list holds the open items under their owner with days overdue; done ones have left (R20, 003 跟踪问效制)', () => {
    const list = embedded.supervision.items.map((i) => [
      i.itemId,
      i.unitId,
      i.departmentId ?? null,
      i.overdue,
      i.daysOverdue,
    ]);
    expect(list).toEqual([
      ['meeting-item:HY-09:C', 'region', 'natural-resources-planning', true, 41],
      ['meeting-item:HY-09:B', 'gaoxinqu', null, true, 31],
      ['meeting-item:HY-10:E', 'gaoxinqu', null, false, 0],
    ]);
  });

  it('the performance review counts each unit’s items due in the period, done on time and overdue (R20, 003 限时办结制)', () => {
    const figures = (r: typeof embedded.september) =>
      Object.fromEntries(r.units.map((u) => [u.unitId, u.meetingItems]));
    expect(figures(embedded.september)).toEqual({
      jingkaiqu: { due: 1, doneOnTime: 1, overdue: 0 },
      gaoxinqu: { due: 1, doneOnTime: 0, overdue: 1 },
    });
    expect(figures(embedded.october)).toEqual({
      jingkaiqu: { due: 1, doneOnTime: 0, overdue: 1 },
      gaoxinqu: { due: 0, doneOnTime: 0, overdue: 0 },
    });
  });

  it('the MongoDB store’s code (client double) answers exactly as the embedded store', async () => {
    // The seam between the double and the driver's class type, as in stores.int.spec.ts.
    const server = new MongoServerDouble(true);
    const store = await MongoReadModelStore.fromClient(server.client() as unknown as MongoClient, {});
    const mongo = await answers(store);
    await store.close();
    expect(mongo).toEqual(embedded);
  }, 60_000);
});
