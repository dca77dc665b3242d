import fc from 'fast-check';
import type {
  ExtendItem,
  HoldMeeting,
  MeetingCommand,
  RecordDecision,
  ReportItemDone,
  VerifyItem,
} from '../meeting/meeting.commands';
import type { ItemOwner } from '../meeting/meeting.events';
import type { BusinessDate } from '../shared/dates';
import type { Sha256 } from '../shared/evidence';
import { unsafeId, type MeetingId } from '../shared/ids';
import type { Count } from '../shared/money';
import { arbBusinessDate, arbEvidence, arbSha256, arbText, arbUnitId } from './shared.arbitraries';

/** Days of one autumn, so that steps often follow each other in order. */
const arbDay: fc.Arbitrary<BusinessDate> = arbBusinessDate('2024-09-01', '2024-11-30');
/** A small pool of items and owners, so that an item is often reported by its own owner. */
const ITEMS = ['A', 'B'].map(unsafeId.meetingItem);
const OWNERS: ReadonlyArray<ItemOwner> = [
  { kind: 'unit', unitId: unsafeId.unit('jingkaiqu') },
  { kind: 'department', department: 'natural-resources-planning' },
];
const arbOwner = fc.constantFrom(...OWNERS);
const arbItemId = fc.constantFrom(...ITEMS);
const arbReport = fc.constantFrom('已办结', '已完成接入').map(unsafeId.text);

/** A meeting held on a day of the autumn (the same few fields, so that repeats occur). */
export const arbHoldMeeting = (meetingId: MeetingId = unsafeId.meeting('HY-1')): fc.Arbitrary<HoldMeeting> =>
  fc.record({
    type: fc.constant('HoldMeeting' as const),
    meetingId: fc.constant(meetingId),
    unitId: arbUnitId,
    kind: fc.constantFrom('monthly' as const, 'special' as const, 'joint' as const, 'dispatch' as const),
    title: fc.constant(unsafeId.text('领导小组例会')),
    heldOn: fc.constantFrom('2024-09-05', '2024-10-08').map((d) => d as BusinessDate),
    chair: fc.constant(unsafeId.text('区长')),
    attendees: fc.array(arbText, { maxLength: 2 }),
    projectIds: fc.constant([]),
    recordedBy: fc.constant(unsafeId.text('领导小组办公室')),
  });

const arbRecordDecision = (meetingId: MeetingId): fc.Arbitrary<RecordDecision> =>
  fc.record({
    type: fc.constant('RecordDecision' as const),
    meetingId: fc.constant(meetingId),
    decision: fc.integer({ min: 1, max: 2 }).map((n) => n as Count),
    text: fc.constant(unsafeId.text('议定事项')),
    recordedOn: arbDay,
    recordedBy: fc.constant(unsafeId.text('领导小组办公室')),
    items: fc.uniqueArray(
      fc.record(
        {
          itemId: arbItemId,
          task: fc.constant(unsafeId.text('交办任务')),
          owner: arbOwner,
          deadline: fc.oneof(
            arbDay.map((dueOn) => ({ kind: 'date' as const, dueOn })),
            fc
              .integer({ min: 1, max: 15 })
              .map((n) => ({ kind: 'working-days' as const, workingDays: n as Count })),
          ),
        },
        { requiredKeys: ['itemId', 'task', 'owner', 'deadline'] },
      ),
      { maxLength: 2, selector: (i) => i.itemId },
    ),
  });

const arbReportItemDone = (meetingId: MeetingId): fc.Arbitrary<ReportItemDone> =>
  fc.record({
    type: fc.constant('ReportItemDone' as const),
    meetingId: fc.constant(meetingId),
    itemId: arbItemId,
    owner: arbOwner,
    report: arbReport,
    evidence: fc.oneof(
      arbEvidence,
      arbSha256.map((sha256) => [{ sha256, name: unsafeId.text('证明.pdf'), kind: 'report' as const }]),
    ),
    doneOn: arbDay,
    reportedBy: fc.constant(unsafeId.text('责任单位')),
  });

const arbExtendItem = (meetingId: MeetingId): fc.Arbitrary<ExtendItem> =>
  fc.record({
    type: fc.constant('ExtendItem' as const),
    meetingId: fc.constant(meetingId),
    itemId: arbItemId,
    reason: fc.constant(unsafeId.text('资料未齐')),
    dueOn: arbDay,
    extendedOn: arbDay,
    extendedBy: fc.constant(unsafeId.text('领导小组办公室')),
  });

const arbVerifyItem = (meetingId: MeetingId): fc.Arbitrary<VerifyItem> =>
  fc.record({
    type: fc.constant('VerifyItem' as const),
    meetingId: fc.constant(meetingId),
    itemId: arbItemId,
    accepted: fc.boolean(),
    verifiedOn: arbDay,
    verifiedBy: fc.constant(unsafeId.text('督查考核办')),
  });

/** Any command of one meeting (id given), with small pools so that long lives are reachable. */
export const arbMeetingCommand = (
  meetingId: MeetingId = unsafeId.meeting('HY-1'),
): fc.Arbitrary<MeetingCommand> =>
  fc.oneof(
    arbHoldMeeting(meetingId),
    arbRecordDecision(meetingId),
    arbReportItemDone(meetingId),
    arbExtendItem(meetingId),
    arbVerifyItem(meetingId),
  );

/**
 * A meeting's whole loop in order: held, an item handed to its owner, reported done by it with
 * evidence, verified — then arbitrary commands, so that every item status is reached.
 */
export const arbMeetingLife = (
  meetingId: MeetingId = unsafeId.meeting('HY-1'),
): fc.Arbitrary<ReadonlyArray<MeetingCommand>> =>
  fc
    .tuple(arbHoldMeeting(meetingId), arbOwner, fc.array(arbMeetingCommand(meetingId), { maxLength: 10 }))
    .map(([hold, owner, rest]): ReadonlyArray<MeetingCommand> => [
      hold,
      {
        type: 'RecordDecision',
        meetingId,
        decision: 1 as Count,
        text: unsafeId.text('议定事项'),
        recordedOn: '2024-10-10' as BusinessDate,
        recordedBy: unsafeId.text('领导小组办公室'),
        items: [
          {
            itemId: ITEMS[0]!,
            task: unsafeId.text('交办任务'),
            owner,
            deadline: { kind: 'date', dueOn: '2024-10-31' as BusinessDate },
          },
        ],
      },
      {
        type: 'ReportItemDone',
        meetingId,
        itemId: ITEMS[0]!,
        owner,
        report: unsafeId.text('已办结'),
        evidence: [{ sha256: 'a'.repeat(64) as Sha256, name: unsafeId.text('证明.pdf'), kind: 'report' }],
        doneOn: '2024-10-20' as BusinessDate,
        reportedBy: unsafeId.text('责任单位'),
      },
      {
        type: 'VerifyItem',
        meetingId,
        itemId: ITEMS[0]!,
        accepted: true,
        verifiedOn: '2024-10-21' as BusinessDate,
        verifiedBy: unsafeId.text('督查考核办'),
      },
      ...rest,
    ]);
