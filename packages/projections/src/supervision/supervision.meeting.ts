import type { MeetingEvent } from '@zhaoshang/domain';
import { handedOutItems, meetingItemDocId } from '../meetings/meetings.projection';
import { collection, put, type DocChange, type DocReader } from '../read-model';
import { supervisionItems, type SupervisionItem } from './supervision.document';

/** What the supervision list remembers of a meeting: the words and unit its items are listed under. */
export interface SupervisionMeeting {
  readonly meetingId: string;
  readonly unitId: string;
  readonly kind: Extract<MeetingEvent, { readonly type: 'MeetingHeld' }>['data']['kind'];
  readonly title: string;
  readonly heldOn: Extract<MeetingEvent, { readonly type: 'MeetingHeld' }>['data']['heldOn'];
}
export const supervisionMeetings = collection<SupervisionMeeting>('supervision_meetings');

/** A meeting item's id on the list: prefixed by its category, so it never meets a project's. */
export const meetingSupervisionItemId = (meetingId: string, itemId: string): string =>
  `meeting-item:${meetingItemDocId(meetingId, itemId)}`;

/**
 * The supervision list's items of a meeting (R20; 003 工作交办机制、限时办结制、跟踪问效制): every item a
 * decision hands out is followed from the meeting to done, under its owner — the unit it was handed
 * to, or the department (with the meeting's unit) — overdue once its deadline has passed; reported
 * done with evidence it leaves the list, sent back by the office it returns.
 */
export const supervisionOfMeeting = (docs: DocReader, event: MeetingEvent): ReadonlyArray<DocChange> => {
  const meetingId = event.data.meetingId;
  switch (event.type) {
    case 'MeetingHeld': {
      const d = event.data;
      if (docs.get(supervisionMeetings, meetingId) !== undefined) return [];
      return [
        put(supervisionMeetings, meetingId, {
          meetingId,
          unitId: d.unitId,
          kind: d.kind,
          title: d.title,
          heldOn: d.heldOn,
        }),
      ];
    }
    case 'DecisionRecorded': {
      const meeting = docs.get(supervisionMeetings, meetingId);
      if (meeting === undefined) return [];
      return handedOutItems(meeting, event).map((i) => {
        const itemId = meetingSupervisionItemId(meetingId, i.itemId);
        const item: SupervisionItem = {
          itemId,
          ...(i.projectId !== undefined ? { projectId: i.projectId } : {}),
          unitId: i.ownerUnitId ?? meeting.unitId,
          projectName: meeting.title,
          ...(i.ownerDepartment !== undefined ? { departmentId: i.ownerDepartment } : {}),
          kind: 'meeting-item',
          label: i.task,
          openedOn: meeting.heldOn,
          ...(i.dueOn !== undefined
            ? { dueOn: i.dueOn, deadlineStatus: 'due' as const }
            : i.pendingCalendarYear !== undefined
              ? { deadlineStatus: 'pending-calendar' as const, pendingCalendarYear: i.pendingCalendarYear }
              : {}),
        };
        return put(supervisionItems, itemId, item);
      });
    }
    case 'ItemReportedDone':
    case 'ItemExtended':
    case 'ItemVerified': {
      const itemId = meetingSupervisionItemId(meetingId, event.data.itemId);
      const item = docs.get(supervisionItems, itemId);
      if (item === undefined) return [];
      return [put(supervisionItems, itemId, meetingItemAfter(item, event))];
    }
  }
};

/** An item of the list after its owner's report, an extension or the office's verification. */
const meetingItemAfter = (
  item: SupervisionItem,
  event: Extract<MeetingEvent, { readonly type: 'ItemReportedDone' | 'ItemExtended' | 'ItemVerified' }>,
): SupervisionItem => {
  switch (event.type) {
    case 'ItemReportedDone':
      return { ...item, resolvedOn: event.data.doneOn, resolution: 'met' };
    case 'ItemExtended': {
      const { pendingCalendarYear: _p, ...rest } = item;
      return { ...rest, dueOn: event.data.dueOn, deadlineStatus: 'due' };
    }
    case 'ItemVerified': {
      if (event.data.accepted) return item;
      // Sent back (退回重办): on the list again under its deadline.
      const { resolvedOn: _r, resolution: _s, ...rest } = item;
      return rest;
    }
  }
};
