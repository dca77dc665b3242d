import * as t from 'io-ts';
import { factDate, type FactDates } from '../shared/business-date';
import { BusinessDate } from '../shared/dates';
import { struct } from '../shared/event-codec';
import { assertNever } from '../shared/exhaustive';
import { MeetingId, NonEmptyText } from '../shared/ids';
import { Count } from '../shared/money';
import {
  ItemDeadlineInput,
  itemDoneReport,
  itemExtension,
  itemHandedOut,
  itemVerification,
  itemVerificationOptional,
  itemHandedOutOptional,
  meetingRecord,
  meetingRecordOptional,
} from './meeting.events';

/** Record a meeting of the leading group that was held (000 §五.1 工作例会, 专题工作会议; 001 §(三)3; 002 §一). */
export const HoldMeeting = struct(
  { type: t.literal('HoldMeeting'), ...meetingRecord },
  meetingRecordOptional,
  'HoldMeeting',
);
export type HoldMeeting = t.TypeOf<typeof HoldMeeting>;

/** One item a decision hands out (工作交办机制, 003): its task, owner, deadline and project. */
export const ItemToHandOut = struct(
  { ...itemHandedOut, deadline: ItemDeadlineInput },
  itemHandedOutOptional,
  'ItemToHandOut',
);
export type ItemToHandOut = t.TypeOf<typeof ItemToHandOut>;

/** Record a decision of a held meeting (研究和解决, 000 §五.1), numbered within it, with the items it hands out. */
export const RecordDecision = struct(
  {
    type: t.literal('RecordDecision'),
    meetingId: MeetingId,
    decision: Count,
    text: NonEmptyText,
    recordedOn: BusinessDate,
    recordedBy: NonEmptyText,
    items: t.readonlyArray(ItemToHandOut),
  },
  'RecordDecision',
);
export type RecordDecision = t.TypeOf<typeof RecordDecision>;

/** Report an item done, by or for its owner, with evidence (首问负责制, 跟踪问效: 003). */
export const ReportItemDone = struct(
  { type: t.literal('ReportItemDone'), ...itemDoneReport },
  'ReportItemDone',
);
export type ReportItemDone = t.TypeOf<typeof ReportItemDone>;

/** Extend an item's deadline, with a reason (限时办结制, 003: once, asked before the deadline passes). */
export const ExtendItem = struct({ type: t.literal('ExtendItem'), ...itemExtension }, 'ExtendItem');
export type ExtendItem = t.TypeOf<typeof ExtendItem>;

/** The supervision office's verification of a done item (跟踪问效, 003): accepted closes it, otherwise it goes back. */
export const VerifyItem = struct(
  { type: t.literal('VerifyItem'), ...itemVerification },
  itemVerificationOptional,
  'VerifyItem',
);
export type VerifyItem = t.TypeOf<typeof VerifyItem>;

/** Every command of a meeting, by type (the registry decodes requests with them). */
export const meetingCommands = {
  HoldMeeting,
  RecordDecision,
  ReportItemDone,
  ExtendItem,
  VerifyItem,
} as const;

export type MeetingCommand = HoldMeeting | RecordDecision | ReportItemDone | ExtendItem | VerifyItem;

/** The dates a meeting command states as facts (DOMAIN.md §5): the day of its step (a new deadline is not a fact). */
export const meetingCommandDates = (c: MeetingCommand): FactDates => {
  switch (c.type) {
    case 'HoldMeeting':
      return [factDate('heldOn', c.heldOn)];
    case 'RecordDecision':
      return [factDate('recordedOn', c.recordedOn)];
    case 'ReportItemDone':
      return [factDate('doneOn', c.doneOn)];
    case 'ExtendItem':
      return [factDate('extendedOn', c.extendedOn)];
    case 'VerifyItem':
      return [factDate('verifiedOn', c.verifiedOn)];
    default:
      return assertNever(c);
  }
};
