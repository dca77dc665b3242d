import * as t from 'io-ts';
import { ProcedureDeadline } from '../project/project.events';
import { Department } from '../project/project.vocabulary';
import { BusinessDate } from '../shared/dates';
import { catalogueCodec, defineEvent, EventOf, struct } from '../shared/event-codec';
import { Evidence } from '../shared/evidence';
import { MeetingId, MeetingItemId, NonEmptyText, ProjectId, UnitId } from '../shared/ids';
import { Count } from '../shared/money';

/**
 * The kinds of leading-group meeting the seeds name: the monthly 工作例会 (000 §五.1 "坚持每月定期召开
 * 工作例会"), the 专题工作会议 called when needed (000 §五.1 "可临时召集专题工作会议"), the 联席会议 of the
 * departments (001 §(三)3 "联席会议制") and the monthly 调度会 (002 §一 "每月组织召开一次专题调度会";
 * 004 §(十七) "每月召开招商引资工作调度会").
 */
export const MeetingKind = t.keyof(
  { monthly: null, special: null, joint: null, dispatch: null },
  'MeetingKind',
);
export type MeetingKind = t.TypeOf<typeof MeetingKind>;

/** Whom an item is handed to (交办): a unit (责任单位) or a department (职能部门). */
export const ItemOwner = t.union(
  [
    struct({ kind: t.literal('unit'), unitId: UnitId }, 'UnitOwner'),
    struct({ kind: t.literal('department'), department: Department }, 'DepartmentOwner'),
  ],
  'ItemOwner',
);
export type ItemOwner = t.TypeOf<typeof ItemOwner>;

/**
 * The deadline a decision sets (限时办结制, 003): a date, or a number of working days on the official
 * calendar counted from the meeting (R7's calendar, as an enterprise request's time limit).
 */
export const ItemDeadlineInput = t.union(
  [
    struct({ kind: t.literal('date'), dueOn: BusinessDate }, 'DeadlineOnDate'),
    struct({ kind: t.literal('working-days'), workingDays: Count }, 'DeadlineInWorkingDays'),
  ],
  'ItemDeadlineInput',
);
export type ItemDeadlineInput = t.TypeOf<typeof ItemDeadlineInput>;

/**
 * The deadline as recorded: the day it ends, or the year whose official holiday schedule it waits
 * for (never guessed); with the working days when it was set in working days.
 */
export const ItemDeadline = struct({ deadline: ProcedureDeadline }, { workingDays: Count }, 'ItemDeadline');
export type ItemDeadline = t.TypeOf<typeof ItemDeadline>;

/** One item handed out by a decision, as the decision states it. */
export const itemHandedOut = {
  itemId: MeetingItemId,
  task: NonEmptyText,
  owner: ItemOwner,
};
export const itemHandedOutOptional = { projectId: ProjectId };

/** What holding a meeting records: the command's fields and the event's data are the same. */
export const meetingRecord = {
  meetingId: MeetingId,
  /** The unit whose leading group met (the region for the district's 领导小组). */
  unitId: UnitId,
  kind: MeetingKind,
  title: NonEmptyText,
  heldOn: BusinessDate,
  chair: NonEmptyText,
  attendees: t.readonlyArray(NonEmptyText),
  /** Projects discussed (在谈项目、拟签约项目推进情况, 000 §五.1). */
  projectIds: t.readonlyArray(ProjectId),
  recordedBy: NonEmptyText,
};
export const meetingRecordOptional = { minutes: Evidence };

export const MeetingHeld = defineEvent(
  'MeetingHeld',
  struct(meetingRecord, meetingRecordOptional, 'MeetingHeldData'),
  {
    zh: '召开领导小组会议（类型、日期、主持人、参会人员、研究的项目）',
    en: 'A leading-group meeting was held (kind, date, chair, attendees, projects discussed)',
    rules: ['R20'],
  },
);

export const DecisionRecorded = defineEvent(
  'DecisionRecorded',
  struct(
    {
      meetingId: MeetingId,
      decision: Count,
      text: NonEmptyText,
      recordedOn: BusinessDate,
      recordedBy: NonEmptyText,
      items: t.readonlyArray(
        struct({ ...itemHandedOut, limit: ItemDeadline }, itemHandedOutOptional, 'ItemHandedOutData'),
      ),
    },
    'DecisionRecordedData',
  ),
  {
    zh: '记录会议议定事项及交办事项（责任单位或部门、完成时限、涉及项目）',
    en: 'A decision of the meeting was recorded, with the items it hands out (owner, deadline, project)',
    rules: ['R20'],
  },
);

/** What an owner's report of done says: the command's fields and the event's data are the same. */
export const itemDoneReport = {
  meetingId: MeetingId,
  itemId: MeetingItemId,
  owner: ItemOwner,
  report: NonEmptyText,
  evidence: Evidence,
  doneOn: BusinessDate,
  reportedBy: NonEmptyText,
};

/** What an extension says (the event adds the deadline it replaces). */
export const itemExtension = {
  meetingId: MeetingId,
  itemId: MeetingItemId,
  reason: NonEmptyText,
  dueOn: BusinessDate,
  extendedOn: BusinessDate,
  extendedBy: NonEmptyText,
};

/** What the office's verification says: the command's fields and the event's data are the same. */
export const itemVerification = {
  meetingId: MeetingId,
  itemId: MeetingItemId,
  accepted: t.boolean,
  verifiedOn: BusinessDate,
  verifiedBy: NonEmptyText,
};
export const itemVerificationOptional = { comment: NonEmptyText };

export const ItemReportedDone = defineEvent(
  'ItemReportedDone',
  struct(itemDoneReport, { withinDeadline: t.boolean }, 'ItemReportedDoneData'),
  {
    zh: '责任单位报告交办事项办结（办理情况、佐证材料；是否在时限内）',
    en: 'The owner reported the item done (report, evidence; whether within its deadline)',
    rules: ['R20'],
  },
);

export const ItemExtended = defineEvent(
  'ItemExtended',
  struct({ ...itemExtension, previousDueOn: BusinessDate }, 'ItemExtendedData'),
  {
    zh: '交办事项延期（理由、原时限、新时限）',
    en: 'The item’s deadline was extended (reason, previous and new deadline)',
    rules: ['R20'],
  },
);

export const ItemVerified = defineEvent(
  'ItemVerified',
  struct(itemVerification, itemVerificationOptional, 'ItemVerifiedData'),
  {
    zh: '督查部门核验交办事项办理成效（通过销号，或退回重办）',
    en: 'The supervision office verified the item (accepted and closed, or sent back)',
    rules: ['R20'],
  },
);

/** Every event of a meeting (stream `meeting-<id>`), in lifecycle order. */
export const meetingEvents = {
  MeetingHeld,
  DecisionRecorded,
  ItemReportedDone,
  ItemExtended,
  ItemVerified,
} as const;

export type MeetingEvent = EventOf<typeof meetingEvents>;
export type MeetingEventType = MeetingEvent['type'];
export type MeetingEventOf<T extends MeetingEventType> = Extract<MeetingEvent, { readonly type: T }>;

/** Decodes any meeting event, dispatching on its type. */
export const MeetingEventCodec = catalogueCodec('MeetingEvent', meetingEvents);
