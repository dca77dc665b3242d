/**
 * Leading-group meetings and their 交办 items (R20), checked against the seeds:
 * - 000 §五.1: "建立领导小组工作例会制度，坚持每月定期召开工作例会，对全区在谈项目、拟签约项目推进情况、存在问题
 *   进行研究和解决 … 可临时召集专题工作会议，研究解决具体问题";
 * - 002 §一: "每月组织召开一次专题调度会"; 004 §(十七): "每月召开招商引资工作调度会 … 量化工作序时";
 * - 001 §(三)3: "由区政府召集相关部门召开联席会议，专题研究，专项沟通，专门解决";
 * - 003: "严格落实工作交办机制、首问负责制、限时办结制、跟踪问效制".
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { describeError } from '../errors';
import { date } from '../shared/dates';
import type { EvidenceRef } from '../shared/evidence';
import { unsafeId } from '../shared/ids';
import { count } from '../shared/money';
import { deciderLawViolations } from '../testing/decider-laws';
import { spec } from '../testing/decider-spec';
import { arbMeetingCommand, arbMeetingLife } from '../testing/meeting.arbitraries';
import {
  meetingDecider,
  meetingErrors,
  MeetingEventCodec,
  type ExtendItem,
  type HoldMeeting,
  type MeetingCommand,
  type MeetingEvent,
  type RecordDecision,
  type ReportItemDone,
  type VerifyItem,
} from './index';

const meetingId = unsafeId.meeting('HY-2024-04');
const item1 = unsafeId.meetingItem('JB-1');
const item2 = unsafeId.meetingItem('JB-2');
const minutes: EvidenceRef = {
  sha256: 'a'.repeat(64) as EvidenceRef['sha256'],
  name: unsafeId.text('供电接入完成证明.pdf'),
  kind: 'report',
};

const hold = (o: Partial<HoldMeeting> = {}): HoldMeeting => ({
  type: 'HoldMeeting',
  meetingId,
  unitId: unsafeId.unit('region'),
  kind: 'monthly',
  title: unsafeId.text('2024年4月招商引资和项目服务工作领导小组例会'),
  heldOn: date('2024-04-02'),
  chair: unsafeId.text('区长'),
  attendees: [unsafeId.text('分管副区长'), unsafeId.text('区投资促进局')],
  projectIds: [unsafeId.project('XM-1')],
  recordedBy: unsafeId.text('领导小组办公室'),
  ...o,
});
const decide = (o: Partial<RecordDecision> = {}): RecordDecision => ({
  type: 'RecordDecision',
  meetingId,
  decision: count(1),
  text: unsafeId.text('协调解决XM-1项目供电接入问题'),
  recordedOn: date('2024-04-03'),
  recordedBy: unsafeId.text('领导小组办公室'),
  items: [
    {
      itemId: item1,
      task: unsafeId.text('完成XM-1双回路供电接入'),
      owner: { kind: 'department', department: 'development-reform' },
      deadline: { kind: 'working-days', workingDays: count(10) },
      projectId: unsafeId.project('XM-1'),
    },
    {
      itemId: item2,
      task: unsafeId.text('梳理在谈项目清单'),
      owner: { kind: 'unit', unitId: unsafeId.unit('jingkaiqu') },
      deadline: { kind: 'date', dueOn: date('2024-04-30') },
    },
  ],
  ...o,
});
const done = (o: Partial<ReportItemDone> = {}): ReportItemDone => ({
  type: 'ReportItemDone',
  meetingId,
  itemId: item1,
  owner: { kind: 'department', department: 'development-reform' },
  report: unsafeId.text('已完成接入'),
  evidence: [minutes],
  doneOn: date('2024-04-15'),
  reportedBy: unsafeId.text('区发改委'),
  ...o,
});
const extend = (o: Partial<ExtendItem> = {}): ExtendItem => ({
  type: 'ExtendItem',
  meetingId,
  itemId: item2,
  reason: unsafeId.text('项目方资料未齐'),
  dueOn: date('2024-05-15'),
  extendedOn: date('2024-04-25'),
  extendedBy: unsafeId.text('领导小组办公室'),
  ...o,
});
const verify = (o: Partial<VerifyItem> = {}): VerifyItem => ({
  type: 'VerifyItem',
  meetingId,
  itemId: item1,
  accepted: true,
  verifiedOn: date('2024-04-16'),
  verifiedBy: unsafeId.text('督查考核办'),
  ...o,
});

const decider = meetingDecider;
/** The events the commands record in turn (the decider's own answers, so the givens are reachable). */
const eventsOf = (commands: ReadonlyArray<MeetingCommand>): ReadonlyArray<MeetingEvent> => {
  const out: MeetingEvent[] = [];
  for (const c of commands) {
    const r = decider.decide(c, out.reduce(decider.evolve, decider.initialState));
    if (E.isLeft(r)) throw new Error(`fixture refused: ${r.left.code}`);
    out.push(...r.right);
  }
  return out;
};

const held = eventsOf([hold()]);
const handedOut = eventsOf([hold(), decide()]);
const reported = eventsOf([hold(), decide(), done()]);

describe('会议 (000 §五.1 "坚持每月定期召开工作例会"; 专题工作会议; 001 §(三)3 联席会议; 002 §一 调度会) (R20)', () => {
  it('a monthly meeting is recorded with its kind, date, chair, attendees and projects discussed (R20)', () => {
    const { type: _type, ...data } = hold();
    spec(decider)
      .given([])
      .when(hold())
      .then([{ type: 'MeetingHeld', data }]);
  });

  it('requireMeetingNotHeld: a meeting id recorded with other content is refused; the same record is a repeat (R20, 000 §五.1)', () => {
    spec(decider)
      .given(held)
      .when(hold({ kind: 'special' }))
      .thenFails('MEETING_ALREADY_HELD', { meetingId });
    spec(decider).given(held).when(hold()).thenNothingHappens();
  });

  it('requireMeetingHeld: a decision on a meeting that was not held is refused (R20, 000 §五.1 "召开工作例会 … 研究和解决")', () => {
    spec(decider).given([]).when(decide()).thenFails('MEETING_NOT_HELD', { meetingId });
  });
});

describe('交办 (003 "工作交办机制、限时办结制") (R20)', () => {
  it('a decision hands out items to a department in 10 working days (2024-04-02 → 04-17, 清明 off) and to a unit by a date (R20, 003)', () => {
    // Worked by hand as R17's limit: 4-3 (1), 4-7 调休 (2), 4-8…4-12 (3–7), 4-15…4-17 (8–10).
    spec(decider)
      .given(held)
      .when(decide())
      .thenMatches([
        {
          type: 'DecisionRecorded',
          data: {
            decision: 1,
            items: [
              {
                itemId: item1,
                owner: { kind: 'department', department: 'development-reform' },
                limit: { workingDays: 10, deadline: { kind: 'due', dueOn: '2024-04-17' } },
                projectId: 'XM-1',
              },
              { itemId: item2, limit: { deadline: { kind: 'due', dueOn: '2024-04-30' } } },
            ],
          },
        },
      ]);
  });

  it('requireDeadlineNotBeforeMeeting: an item due before the meeting is refused; due on the meeting day is accepted (R20, 003 限时办结制)', () => {
    const dueOn = (d: string) =>
      decide({
        items: [
          {
            itemId: item1,
            task: unsafeId.text('当日办结'),
            owner: { kind: 'unit', unitId: unsafeId.unit('jingkaiqu') },
            deadline: { kind: 'date', dueOn: date(d) },
          },
        ],
      });
    spec(decider)
      .given(held)
      .when(dueOn('2024-04-01'))
      .thenFails('MEETING_ITEM_DEADLINE_BEFORE_MEETING', { itemId: item1, heldOn: '2024-04-02' });
    spec(decider)
      .given(held)
      .when(dueOn('2024-04-02'))
      .thenMatches([{ type: 'DecisionRecorded' }]);
  });

  it('requireNewMeetingItems: an item id handed out again at the meeting is refused (R20, 003 工作交办机制)', () => {
    spec(decider)
      .given(handedOut)
      .when(decide({ decision: count(2), text: unsafeId.text('另一项决定') }))
      .thenFails('MEETING_ITEM_ALREADY_HANDED_OUT', { itemId: item1 });
    spec(decider)
      .given(handedOut)
      .when(decide({ decision: count(2), items: [] }))
      .thenMatches([{ type: 'DecisionRecorded', data: { decision: 2, items: [] } }]);
  });

  it('requireNewMeetingDecision: a decision number recorded with other words is refused; the same decision is a repeat (R20)', () => {
    spec(decider)
      .given(handedOut)
      .when(decide({ text: unsafeId.text('改写的决定') }))
      .thenFails('MEETING_DECISION_ALREADY_RECORDED', { decision: 1 });
    spec(decider).given(handedOut).when(decide()).thenNothingHappens();
  });

  it('requireMeetingStepInOrder: a decision is not recorded before its meeting (R20)', () => {
    spec(decider)
      .given(held)
      .when(decide({ recordedOn: date('2024-04-01') }))
      .thenFails('MEETING_STEP_OUT_OF_ORDER', { field: 'recordedOn', after: '2024-04-02' });
  });

  it('a deadline in working days that reaches a year whose schedule is not adopted is pending, never guessed (R7, R20)', () => {
    spec(decider)
      .given(eventsOf([hold({ heldOn: date('2026-12-28') })]))
      .when(decide({ recordedOn: date('2026-12-28'), items: decide().items.slice(0, 1) }))
      .thenMatches([
        {
          type: 'DecisionRecorded',
          data: { items: [{ limit: { deadline: { kind: 'pending-calendar', year: 2027 } } }] },
        },
      ]);
  });
});

describe('办结 (003 "首问负责制、跟踪问效制") (R20)', () => {
  it('requireItemHandedOut: done only after the item was handed out (R20, 003 工作交办机制)', () => {
    spec(decider).given(held).when(done()).thenFails('MEETING_ITEM_NOT_FOUND', { itemId: item1 });
    spec(decider)
      .given(handedOut)
      .when(done())
      .thenMatches([{ type: 'ItemReportedDone', data: { itemId: item1, withinDeadline: true } }]);
  });

  it('requireItemOwner: only the owner reports its item done (R20, 003 首问负责制)', () => {
    spec(decider)
      .given(handedOut)
      .when(done({ owner: { kind: 'unit', unitId: unsafeId.unit('jingkaiqu') } }))
      .thenFails('MEETING_ITEM_NOT_OWNER', {
        owner: 'department:development-reform',
        reporter: 'unit:jingkaiqu',
      });
  });

  it('requireDoneEvidence: done is reported with evidence (R20, 003 跟踪问效制)', () => {
    spec(decider)
      .given(handedOut)
      .when(done({ evidence: [] }))
      .thenFails('MEETING_ITEM_EVIDENCE_REQUIRED', { itemId: item1 });
  });

  it('requireItemNotDone: a done item is not done twice; the same report is a repeat (R20)', () => {
    spec(decider)
      .given(reported)
      .when(done({ report: unsafeId.text('再次报告'), doneOn: date('2024-04-16') }))
      .thenFails('MEETING_ITEM_ALREADY_DONE', { doneOn: '2024-04-15' });
    spec(decider).given(reported).when(done()).thenNothingHappens();
  });

  it('done after the deadline is recorded as late (R20, 003 限时办结制)', () => {
    spec(decider)
      .given(handedOut)
      .when(done({ doneOn: date('2024-04-18') }))
      .thenMatches([{ type: 'ItemReportedDone', data: { withinDeadline: false } }]);
  });
});

describe('延期 (003 "限时办结制": the one extension rule) (R20)', () => {
  it('requireItemExtensible: extended once, with a reason, asked before the deadline, to a later date (R20, 003 限时办结制)', () => {
    const extended = spec(decider)
      .given(handedOut)
      .when(extend())
      .thenMatches([{ type: 'ItemExtended', data: { previousDueOn: '2024-04-30', dueOn: '2024-05-15' } }]);
    spec(decider)
      .given([...handedOut, ...extended])
      .when(extend({ dueOn: date('2024-05-31'), extendedOn: date('2024-05-10') }))
      .thenFails('MEETING_ITEM_EXTENSION_REFUSED', { why: 'already extended on 2024-04-25' });
  });

  it('requireItemExtensible: a deadline already missed is not moved after the fact, nor to an earlier date (R20, 003 限时办结制)', () => {
    spec(decider)
      .given(handedOut)
      .when(extend({ extendedOn: date('2024-05-02') }))
      .thenFails('MEETING_ITEM_EXTENSION_REFUSED', {
        why: 'asked on 2024-05-02, after the deadline 2024-04-30',
      });
    spec(decider)
      .given(handedOut)
      .when(extend({ dueOn: date('2024-04-29') }))
      .thenFails('MEETING_ITEM_EXTENSION_REFUSED', { why: 'new deadline 2024-04-29 not after 2024-04-30' });
  });
});

describe('核验销号 (003 "跟踪问效制") (R20)', () => {
  it('requireItemDone: the office verifies only an item reported done (R20, 003 跟踪问效制)', () => {
    spec(decider)
      .given(handedOut)
      .when(verify())
      .thenFails('MEETING_ITEM_NOT_DONE', { status: 'handed-out' });
    spec(decider)
      .given(reported)
      .when(verify())
      .thenMatches([{ type: 'ItemVerified', data: { accepted: true } }]);
  });

  it('requireItemNotVerified: a verified item accepts no further report; a rejected one goes back to its owner (R20, 003 跟踪问效制)', () => {
    const closed = eventsOf([hold(), decide(), done(), verify()]);
    spec(decider)
      .given(closed)
      .when(done({ report: unsafeId.text('补充'), doneOn: date('2024-04-20') }))
      .thenFails('MEETING_ITEM_VERIFIED', { verifiedOn: '2024-04-16' });
    const sentBack = eventsOf([hold(), decide(), done(), verify({ accepted: false })]);
    spec(decider)
      .given(sentBack)
      .when(done({ report: unsafeId.text('补充材料后办结'), doneOn: date('2024-04-20') }))
      .thenMatches([{ type: 'ItemReportedDone', data: { withinDeadline: false } }]);
  });
});

describe('the meeting catalogue', () => {
  it('every event the decider emits decodes with the catalogue’s codec', () => {
    const all = eventsOf([hold(), decide(), done(), verify(), extend()]);
    for (const e of all) expect(E.isRight(MeetingEventCodec.decode(e))).toBe(true);
  });

  it('every error code has a message in both languages', () => {
    for (const code of Object.keys(meetingErrors)) {
      expect(describeError({ code, params: {} }, 'zh')).not.toBe(code);
      expect(describeError({ code, params: {} }, 'en')).not.toBe(code);
    }
  });
});

describe('properties of the meeting decider (R20)', () => {
  const arbHistory = fc.oneof(
    fc.array(arbMeetingCommand(meetingId), { minLength: 1, maxLength: 25 }),
    arbMeetingLife(meetingId),
  );

  it('evolve accepts whatever decide emits, the events decode, and a repeated command emits nothing (R20)', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(arbHistory, (commands) => {
        const report = deciderLawViolations(
          decider,
          MeetingEventCodec,
          Object.keys(meetingErrors),
          commands,
          (s) => (s.status === 'held' ? s.items.map((i) => i.status) : []),
        );
        for (const r of report.reached) reached.add(r);
        expect(report.violations).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect([...reached].sort()).toEqual(['done', 'handed-out', 'verified']);
  });
});
