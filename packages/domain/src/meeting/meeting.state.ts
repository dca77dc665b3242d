import type { BusinessDate } from '../shared/dates';
import type { MeetingId, MeetingItemId, ProjectId, UnitId } from '../shared/ids';
import type { Count } from '../shared/money';
import type { ItemDeadline, ItemOwner, MeetingEventOf, MeetingKind } from './meeting.events';

/** Where a handed-out item is (跟踪问效): with its owner, reported done, or verified and closed (销号). */
export type MeetingItemStatus = 'handed-out' | 'done' | 'verified';

/** One item a decision handed out (交办事项). */
export interface MeetingItem {
  readonly itemId: MeetingItemId;
  readonly decision: Count;
  readonly task: string;
  readonly owner: ItemOwner;
  readonly projectId?: ProjectId;
  readonly limit: ItemDeadline;
  readonly status: MeetingItemStatus;
  /** The owner's latest report (kept when the office sends it back). */
  readonly done?: { readonly on: BusinessDate; readonly report: string };
  readonly extension?: { readonly on: BusinessDate; readonly previousDueOn: BusinessDate };
  readonly verification?: { readonly on: BusinessDate; readonly accepted: boolean };
}

/** A decision recorded for the meeting. */
export interface MeetingDecision {
  readonly decision: Count;
  readonly text: string;
  readonly recordedOn: BusinessDate;
}

/** A meeting that was held. */
export interface Meeting {
  readonly status: 'held';
  readonly meetingId: MeetingId;
  readonly unitId: UnitId;
  readonly kind: MeetingKind;
  readonly heldOn: BusinessDate;
  /** What was recorded (a repeated HoldMeeting is recognised by it). */
  readonly record: MeetingEventOf<'MeetingHeld'>['data'];
  readonly decisions: ReadonlyArray<MeetingDecision>;
  readonly items: ReadonlyArray<MeetingItem>;
}

/** No meeting on the stream yet. */
export interface NoMeeting {
  readonly status: 'none';
}

export type MeetingState = NoMeeting | Meeting;

export const initialMeetingState: MeetingState = { status: 'none' };

/** An item of the meeting by id. */
export const itemOf = (s: Meeting, itemId: string): MeetingItem | undefined =>
  s.items.find((i) => i.itemId === itemId);
