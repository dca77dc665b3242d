/**
 * R20 in the projections, event by event: an extension moves an item's deadline on the supervision
 * list and in the register; an item the office sends back (退回重办, 003 跟踪问效制) is open again —
 * on the list and no longer done — until its owner reports it done again.
 */
import {
  count,
  date,
  fold,
  meetingDecider,
  unsafeId,
  type MeetingCommand,
  type MeetingEvent,
  type Sha256,
} from '@zhaoshang/domain';
import * as E from 'fp-ts/Either';
import type { Collection, Doc, DocReader, Projection } from '../read-model';
import { supervisionItems } from '../supervision/supervision.document';
import { supervisionProjection } from '../supervision/supervision.projection';
import { supervisionEntry } from '../supervision/supervision.queries';
import { meetingItemsCollection } from './meetings.document';
import { meetingsProjection } from './meetings.projection';
import { meetingItemEntry } from './meetings.queries';

const meetingId = unsafeId.meeting('HY-1');
const itemId = unsafeId.meetingItem('A');
const owner = { kind: 'unit' as const, unitId: unsafeId.unit('jingkaiqu') };
const text = unsafeId.text;
const commands: ReadonlyArray<MeetingCommand> = [
  {
    type: 'HoldMeeting',
    meetingId,
    unitId: unsafeId.unit('region'),
    kind: 'dispatch',
    title: text('10月调度会'),
    heldOn: date('2024-10-08'),
    chair: text('分管副区长'),
    attendees: [],
    projectIds: [],
    recordedBy: text('领导小组办公室'),
  },
  {
    type: 'RecordDecision',
    meetingId,
    decision: count(1),
    text: text('议定事项'),
    recordedOn: date('2024-10-08'),
    recordedBy: text('领导小组办公室'),
    items: [{ itemId, task: text('完成供地'), owner, deadline: { kind: 'date', dueOn: date('2024-10-20') } }],
  },
  {
    type: 'ExtendItem',
    meetingId,
    itemId,
    reason: text('规划调整'),
    dueOn: date('2024-10-25'),
    extendedOn: date('2024-10-18'),
    extendedBy: text('领导小组办公室'),
  },
];
const doneOn = (d: string): MeetingCommand => ({
  type: 'ReportItemDone',
  meetingId,
  itemId,
  owner,
  report: text('已办结'),
  evidence: [{ sha256: 'a'.repeat(64) as Sha256, name: text('证明.pdf'), kind: 'report' }],
  doneOn: date(d),
  reportedBy: text('经开区投资促进局'),
});
const sentBack: MeetingCommand = {
  type: 'VerifyItem',
  meetingId,
  itemId,
  accepted: false,
  verifiedOn: date('2024-10-24'),
  verifiedBy: text('督查考核办'),
};

const eventsOf = (cs: ReadonlyArray<MeetingCommand>): ReadonlyArray<MeetingEvent> =>
  cs.reduce<ReadonlyArray<MeetingEvent>>((events, c) => {
    const r = meetingDecider.decide(c, fold(meetingDecider, events));
    if (E.isLeft(r)) throw new Error(`fixture refused: ${r.left.code}`);
    return [...events, ...r.right];
  }, []);

/** Folds events through projections into an in-memory set of documents. */
const project = (projections: ReadonlyArray<Projection>, events: ReadonlyArray<MeetingEvent>): DocReader => {
  const docs = new Map<string, Doc>();
  const reader: DocReader = {
    get: <D extends Doc>(c: Collection<D>, id: string) => docs.get(`${c.name}/${id}`) as D | undefined,
  };
  events.forEach((event, i) => {
    for (const p of projections)
      for (const change of p.apply(reader, {
        category: 'meeting',
        event,
        position: BigInt(i + 1),
        streamName: `meeting-${meetingId}`,
      })) {
        if (change.doc === null) docs.delete(`${change.collection}/${change.id}`);
        else docs.set(`${change.collection}/${change.id}`, change.doc);
      }
  });
  return reader;
};

const views = (cs: ReadonlyArray<MeetingCommand>, asOf: string) => {
  const docs = project([meetingsProjection, supervisionProjection], eventsOf(cs));
  const listed = docs.get(supervisionItems, 'meeting-item:HY-1:A');
  const item = docs.get(meetingItemsCollection, 'HY-1:A');
  return {
    listed: listed === undefined ? undefined : supervisionEntry(listed, date(asOf)),
    item: item === undefined ? undefined : meetingItemEntry(item, date(asOf)),
  };
};

describe('a meeting item in the read models, event by event (R20, 003 限时办结制、跟踪问效制)', () => {
  it('an extension moves the deadline the list and the register count from (R20)', () => {
    const { listed, item } = views(commands, '2024-10-27');
    expect(listed).toMatchObject({ dueOn: '2024-10-25', overdue: true, daysOverdue: 2 });
    expect(item).toMatchObject({ dueOn: '2024-10-25', previousDueOn: '2024-10-20', daysOverdue: 2 });
  });

  it('done leaves the list; sent back by the office it returns, no longer done, until reported again (R20)', () => {
    expect(views([...commands, doneOn('2024-10-23')], '2024-10-27').listed).toBeUndefined();
    const back = views([...commands, doneOn('2024-10-23'), sentBack], '2024-10-27');
    expect(back.listed).toMatchObject({ overdue: true, daysOverdue: 2 });
    expect(back.item).toMatchObject({ status: 'handed-out', doneByAsOf: false, verificationAccepted: false });
    const again = views([...commands, doneOn('2024-10-23'), sentBack, doneOn('2024-10-26')], '2024-10-27');
    expect(again.listed).toBeUndefined();
    expect(again.item).toMatchObject({ status: 'done', doneOn: '2024-10-26', withinDeadline: false });
  });
});
