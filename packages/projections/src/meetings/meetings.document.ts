import type { BusinessDate, Department, MeetingKind, MeetingItemStatus } from '@zhaoshang/domain';
import { collection } from '../read-model';

/** A decision of a meeting as the register lists it. */
export interface MeetingDecisionDoc {
  readonly decision: number;
  readonly text: string;
  readonly recordedOn: BusinessDate;
  readonly itemIds: ReadonlyArray<string>;
}

/** One leading-group meeting (领导小组例会、专题会、联席会议、调度会) as the meetings register keeps it. */
export interface MeetingDoc {
  readonly meetingId: string;
  readonly unitId: string;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly heldOn: BusinessDate;
  /** `YYYY-MM` of the meeting (000 §五.1 每月定期召开: a month is asked about by this). */
  readonly month: string;
  readonly year: number;
  readonly chair: string;
  readonly attendees: ReadonlyArray<string>;
  readonly projectIds: ReadonlyArray<string>;
  readonly decisions: ReadonlyArray<MeetingDecisionDoc>;
}

/** One 交办 item as the register and the owners' lists read it (its id: `<meetingId>:<itemId>`). */
export interface MeetingItemDoc {
  readonly id: string;
  readonly meetingId: string;
  readonly itemId: string;
  /** The unit whose leading group met. */
  readonly unitId: string;
  readonly meetingKind: MeetingKind;
  readonly meetingTitle: string;
  readonly heldOn: BusinessDate;
  readonly decision: number;
  readonly task: string;
  readonly ownerKind: 'unit' | 'department';
  readonly ownerUnitId?: string;
  readonly ownerDepartment?: Department;
  readonly projectId?: string;
  /** Absent while a deadline in working days waits for a year's official holiday schedule. */
  readonly dueOn?: BusinessDate;
  readonly pendingCalendarYear?: number;
  readonly workingDays?: number;
  readonly status: MeetingItemStatus;
  /** The owner's report of done (absent again when the office sends it back). */
  readonly doneOn?: BusinessDate;
  readonly withinDeadline?: boolean;
  readonly report?: string;
  readonly evidence?: number;
  readonly extendedOn?: BusinessDate;
  readonly previousDueOn?: BusinessDate;
  readonly extensionReason?: string;
  readonly verifiedOn?: BusinessDate;
  readonly verificationAccepted?: boolean;
}

export const meetingsCollection = collection<MeetingDoc>('meetings', [
  { name: 'year', fields: ['year', 'heldOn'] },
  { name: 'unit', fields: ['unitId'] },
]);
export const meetingItemsCollection = collection<MeetingItemDoc>('meeting_items', [
  { name: 'meeting', fields: ['meetingId'] },
  { name: 'owner_unit', fields: ['ownerUnitId', 'dueOn'] },
  { name: 'owner_department', fields: ['ownerDepartment', 'dueOn'] },
  { name: 'due', fields: ['dueOn'] },
]);
