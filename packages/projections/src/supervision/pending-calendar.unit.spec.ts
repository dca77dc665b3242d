/**
 * R7 · 001 §(三)2 and DOMAIN.md §3 "Working-day calendar" in the read models: a district procedure
 * whose deadline waits for a year's official holiday schedule is shown as pending (never overdue,
 * never a guessed date) in the register (招商引资工作台账) and the supervision list (督办清单); once the
 * year is adopted its date appears and the clock's miss lists it as overdue. Higher-level approvals
 * (跟踪办结) carry no limit and never enter the supervision list. The 2027 schedule is a labelled
 * TEST FIXTURE (not the State Council's notice).
 */
import {
  fold,
  makeProjectDecider,
  workingCalendarDecider,
  workingDayCalendarOf,
  date,
  unsafeId,
  type ProjectEvent,
} from '@zhaoshang/domain';
import { projectFixtures as fx, workingCalendarFixtures } from '@zhaoshang/domain/testing';
import type { Collection, Doc, DocReader, Projection } from '../read-model';
import { registerCollection } from '../register/register.document';
import { registerProjection } from '../register/register.projection';
import { registerEntry } from '../register/register.queries';
import { supervisionItems } from './supervision.document';
import { supervisionProjection } from './supervision.projection';
import { supervisionEntry } from './supervision.queries';

/** Folds events through a projection into an in-memory set of documents. */
const project = (projection: Projection, events: ReadonlyArray<ProjectEvent>) => {
  const docs = new Map<string, Doc>();
  const reader: DocReader = {
    get: <D extends Doc>(c: Collection<D>, id: string) => docs.get(`${c.name}/${id}`) as D | undefined,
  };
  events.forEach((event, i) => {
    const decoded = {
      category: 'project' as const,
      event,
      position: BigInt(i + 1),
      streamName: `project-${event.data.projectId}`,
    };
    for (const change of projection.apply(reader, decoded)) {
      if (change.doc === null) docs.delete(`${change.collection}/${change.id}`);
      else docs.set(`${change.collection}/${change.id}`, change.doc);
    }
  });
  return reader;
};

const with2027 = makeProjectDecider({
  calendar: workingDayCalendarOf(
    fold(workingCalendarDecider, [workingCalendarFixtures.fixture2027Adopted()]),
  ),
});
const signed = fx.smallProjectSigned('2026-12-01', '2026-10-01');
const requested = [
  ...signed,
  ...fx.runScript([fx.requestProcedure({ completeOn: date('2026-12-30') })], signed),
];
const pid = fx.fixtureIds.project;
const itemId = `${pid}:procedure:${fx.fixtureIds.procedure}`;
const procedureNode = (events: ReadonlyArray<ProjectEvent>) =>
  project(registerProjection, events)
    .get(registerCollection, pid)
    ?.nodes.find((n) => n.kind === 'procedure');

describe('a deadline pending on the calendar is shown as such (R7 · 001 §(三)2, DOMAIN.md §3 "Working-day calendar")', () => {
  it('the register shows the procedure node as pending on 2027, with no date and a light that is not red (R7)', () => {
    const node = procedureNode(requested);
    expect(node).toMatchObject({
      deadlineStatus: 'pending-calendar',
      pendingCalendarYear: 2027,
      approvalLevel: 'district',
    });
    expect(node).not.toHaveProperty('dueOn');
    const doc = project(registerProjection, requested).get(registerCollection, pid)!;
    const entry = registerEntry(doc, date('2027-03-01'));
    expect(entry.nodeLights.find((n) => n.key === node!.key)?.light).toBe('blue');
  });

  it('the supervision list shows it as pending from 2027-01-01, never overdue, and not before (R7)', () => {
    const item = project(supervisionProjection, requested).get(supervisionItems, itemId)!;
    expect(item).toMatchObject({
      kind: 'procedure',
      deadlineStatus: 'pending-calendar',
      pendingCalendarYear: 2027,
    });
    expect(supervisionEntry(item, date('2026-12-31'))).toBeUndefined();
    expect(supervisionEntry(item, date('2027-02-01'))).toMatchObject({
      overdue: false,
      daysOverdue: 0,
      deadlineStatus: 'pending-calendar',
    });
  });

  it('after 2027 is adopted the watcher’s pass gives the date (2027-01-05 on the fixture) and the miss makes it overdue (R7)', () => {
    const pass = fx.runScript([fx.recordMissedMilestones('2027-01-08')], requested, with2027);
    const events = [...requested, ...pass];
    expect(procedureNode(events)).toMatchObject({ deadlineStatus: 'due', dueOn: '2027-01-05' });
    expect(procedureNode(events)).not.toHaveProperty('pendingCalendarYear');
    const item = project(supervisionProjection, events).get(supervisionItems, itemId)!;
    expect(supervisionEntry(item, date('2027-01-08'))).toMatchObject({
      deadlineStatus: 'due',
      dueOn: '2027-01-05',
      raisedOn: '2027-01-08',
      overdue: true,
      daysOverdue: 3,
    });
  });
});

describe('higher-level approvals are followed up without the 3/10-day limit (R7 · 001 §(三)2 需上报有关部门审批的…跟踪办结)', () => {
  const higher = [
    ...signed,
    ...fx.runScript(
      [
        fx.requestProcedure({
          completeOn: date('2026-12-02'),
          approvalLevel: 'higher-level',
          authority: unsafeId.text('市自然资源和规划局'),
        }),
      ],
      signed,
    ),
  ];

  it('the register tracks it with its level and no due date; the supervision list never lists it (R7)', () => {
    expect(procedureNode(higher)).toMatchObject({ approvalLevel: 'higher-level', deadlineStatus: 'tracked' });
    expect(procedureNode(higher)).not.toHaveProperty('dueOn');
    expect(project(supervisionProjection, higher).get(supervisionItems, itemId)).toBeUndefined();
  });

  it('its completion date is recorded on the register node (R7)', () => {
    const done = [...higher, ...fx.runScript([fx.completeProcedure({ on: date('2027-01-20') })], higher)];
    expect(procedureNode(done)).toMatchObject({ deadlineStatus: 'tracked', doneOn: '2027-01-20' });
  });
});
