import type { MeetingEvent } from '@zhaoshang/domain';
import { put, type DocChange, type DocReader, type Projection } from '../read-model';
import {
  meetingItemsCollection,
  meetingsCollection,
  type MeetingDoc,
  type MeetingItemDoc,
} from './meetings.document';

/** The id of an item's document: items are unique within their meeting. */
export const meetingItemDocId = (meetingId: string, itemId: string): string => `${meetingId}:${itemId}`;

/** An item's document after one of its own events (reported done, extended, verified). */
export const evolveMeetingItem = (
  item: MeetingItemDoc,
  event: Exclude<MeetingEvent, { readonly type: 'MeetingHeld' | 'DecisionRecorded' }>,
): MeetingItemDoc => {
  switch (event.type) {
    case 'ItemReportedDone': {
      const d = event.data;
      const { withinDeadline: _w, ...rest } = item;
      return {
        ...rest,
        status: 'done',
        doneOn: d.doneOn,
        ...(d.withinDeadline !== undefined ? { withinDeadline: d.withinDeadline } : {}),
        report: d.report,
        evidence: d.evidence.length,
      };
    }
    case 'ItemExtended': {
      const d = event.data;
      const { pendingCalendarYear: _p, ...rest } = item;
      return {
        ...rest,
        dueOn: d.dueOn,
        extendedOn: d.extendedOn,
        previousDueOn: d.previousDueOn,
        extensionReason: d.reason,
      };
    }
    case 'ItemVerified': {
      const d = event.data;
      if (d.accepted)
        return { ...item, status: 'verified', verifiedOn: d.verifiedOn, verificationAccepted: true };
      // Sent back (退回重办): in the owner's hands again, its report no longer counts as done.
      const { doneOn: _d, withinDeadline: _w, report: _r, evidence: _e, ...rest } = item;
      return { ...rest, status: 'handed-out', verifiedOn: d.verifiedOn, verificationAccepted: false };
    }
  }
};

/** The items a decision hands out, as documents (with their meeting's words). */
export const handedOutItems = (
  meeting: Pick<MeetingDoc, 'meetingId' | 'unitId' | 'kind' | 'title' | 'heldOn'>,
  event: Extract<MeetingEvent, { readonly type: 'DecisionRecorded' }>,
): ReadonlyArray<MeetingItemDoc> =>
  event.data.items.map((i) => {
    const deadline = i.limit.deadline;
    return {
      id: meetingItemDocId(meeting.meetingId, i.itemId),
      meetingId: meeting.meetingId,
      itemId: i.itemId,
      unitId: meeting.unitId,
      meetingKind: meeting.kind,
      meetingTitle: meeting.title,
      heldOn: meeting.heldOn,
      decision: event.data.decision,
      task: i.task,
      ...(i.owner.kind === 'unit'
        ? { ownerKind: 'unit' as const, ownerUnitId: i.owner.unitId }
        : { ownerKind: 'department' as const, ownerDepartment: i.owner.department }),
      ...(i.projectId !== undefined ? { projectId: i.projectId } : {}),
      ...(deadline.kind === 'due' ? { dueOn: deadline.dueOn } : { pendingCalendarYear: deadline.year }),
      ...(i.limit.workingDays !== undefined ? { workingDays: i.limit.workingDays } : {}),
      status: 'handed-out' as const,
    };
  });

/**
 * Meetings register (会议交办事项台账, R20): the leading group's meetings by month and kind, their
 * decisions, and every item handed out followed to done (000 §五.1, 003 跟踪问效制).
 */
export const meetingsProjection: Projection = {
  name: 'meetings',
  version: 1,
  categories: ['meeting'],
  collections: [meetingsCollection, meetingItemsCollection],
  apply: (docs: DocReader, decoded): ReadonlyArray<DocChange> => {
    if (decoded.category !== 'meeting') return [];
    const event = decoded.event;
    const meetingId = event.data.meetingId;
    switch (event.type) {
      case 'MeetingHeld': {
        if (docs.get(meetingsCollection, meetingId) !== undefined) return [];
        const d = event.data;
        return [
          put(meetingsCollection, meetingId, {
            meetingId,
            unitId: d.unitId,
            kind: d.kind,
            title: d.title,
            heldOn: d.heldOn,
            month: d.heldOn.slice(0, 7),
            year: Number(d.heldOn.slice(0, 4)),
            chair: d.chair,
            attendees: d.attendees,
            projectIds: d.projectIds,
            decisions: [],
          }),
        ];
      }
      case 'DecisionRecorded': {
        const meeting = docs.get(meetingsCollection, meetingId);
        if (meeting === undefined) return [];
        const items = handedOutItems(meeting, event);
        return [
          put(meetingsCollection, meetingId, {
            ...meeting,
            decisions: [
              ...meeting.decisions,
              {
                decision: event.data.decision,
                text: event.data.text,
                recordedOn: event.data.recordedOn,
                itemIds: event.data.items.map((i) => i.itemId),
              },
            ],
          }),
          ...items.map((i) => put(meetingItemsCollection, i.id, i)),
        ];
      }
      default: {
        const id = meetingItemDocId(meetingId, event.data.itemId);
        const item = docs.get(meetingItemsCollection, id);
        return item === undefined ? [] : [put(meetingItemsCollection, id, evolveMeetingItem(item, event))];
      }
    }
  },
};
