import type { MeetingEvent } from './meeting.events';
import type { Meeting, MeetingItem, MeetingState } from './meeting.state';

/** The items with one changed by `f` (evolve stays total: an unknown item leaves them as they are). */
const withItem = (s: Meeting, itemId: string, f: (i: MeetingItem) => MeetingItem): Meeting['items'] =>
  s.items.map((i) => (i.itemId === itemId ? f(i) : i));

/** Records what happened; never validates (the decider already did). */
export const evolveMeeting = (state: MeetingState, event: MeetingEvent): MeetingState => {
  if (event.type === 'MeetingHeld') {
    const d = event.data;
    return {
      status: 'held',
      meetingId: d.meetingId,
      unitId: d.unitId,
      kind: d.kind,
      heldOn: d.heldOn,
      record: d,
      decisions: [],
      items: [],
    };
  }
  // Any other event on an empty stream cannot be emitted by decide; evolve stays total anyway.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DecisionRecorded': {
      const d = event.data;
      return {
        ...state,
        decisions: [...state.decisions, { decision: d.decision, text: d.text, recordedOn: d.recordedOn }],
        items: [
          ...state.items,
          ...d.items.map((i): MeetingItem => ({
            itemId: i.itemId,
            decision: d.decision,
            task: i.task,
            owner: i.owner,
            ...(i.projectId !== undefined ? { projectId: i.projectId } : {}),
            limit: i.limit,
            status: 'handed-out',
          })),
        ],
      };
    }
    case 'ItemReportedDone': {
      const d = event.data;
      return {
        ...state,
        // A new report waits for a new verification (a report sent back keeps its verification until then).
        items: withItem(state, d.itemId, ({ verification: _sentBack, ...i }) => ({
          ...i,
          status: 'done',
          done: { on: d.doneOn, report: d.report },
        })),
      };
    }
    case 'ItemExtended': {
      const d = event.data;
      return {
        ...state,
        items: withItem(state, d.itemId, (i) => ({
          ...i,
          limit: { deadline: { kind: 'due', dueOn: d.dueOn } },
          extension: { on: d.extendedOn, previousDueOn: d.previousDueOn },
        })),
      };
    }
    case 'ItemVerified': {
      const d = event.data;
      return {
        ...state,
        items: withItem(state, d.itemId, (i) => ({
          ...i,
          status: d.accepted ? 'verified' : 'handed-out',
          verification: { on: d.verifiedOn, accepted: d.accepted },
        })),
      };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
