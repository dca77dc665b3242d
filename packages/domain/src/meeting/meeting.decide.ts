/**
 * The meeting decider (R20): the leading group's meetings — 000 §五.1 "坚持每月定期召开工作例会 … 可临时
 * 召集专题工作会议，研究解决具体问题", 002 §一 "每月组织召开一次专题调度会", 004 §(十七) "每月召开招商引资
 * 工作调度会", 001 §(三)3 "联席会议制" — and the items their decisions hand out, followed to done as 003
 * asks: "严格落实工作交办机制、首问负责制、限时办结制、跟踪问效制". `decide` dispatches each command to its
 * own function; each rule is a named check below.
 */
import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import type { BusinessDate } from '../shared/dates';
import type { Decider } from '../shared/decider';
import { all, same, withoutType } from '../shared/decision';
import { domainError, type DomainError, type ErrorParams } from '../shared/errors';
import { assertNever } from '../shared/exhaustive';
import { addWorkingDays, officialCalendar, type WorkingDayCalendar } from '../shared/working-days';
import type {
  ExtendItem,
  HoldMeeting,
  ItemToHandOut,
  MeetingCommand,
  RecordDecision,
  ReportItemDone,
  VerifyItem,
} from './meeting.commands';
import type { MeetingErrorCode } from './meeting.errors';
import type { ItemDeadline, ItemOwner, MeetingEvent, MeetingEventOf } from './meeting.events';
import { evolveMeeting } from './meeting.evolve';
import {
  initialMeetingState,
  itemOf,
  type Meeting,
  type MeetingItem,
  type MeetingState,
} from './meeting.state';

type Decision = Either<DomainError, ReadonlyArray<MeetingEvent>>;
type Check = Either<DomainError, true>;

/** What a meeting decider needs from outside: the working-day calendar (deadlines in working days). */
export interface MeetingDeciderDeps {
  readonly calendar: WorkingDayCalendar;
}

/** A refusal with a code of the catalogue (a code missing there fails to compile). */
const refuse = (code: MeetingErrorCode, params: ErrorParams = {}): Either<DomainError, never> =>
  E.left(domainError(code, params));

const ok: Check = E.right(true);
const nothing: Decision = E.right([]);

/** An owner as the messages name it. */
export const ownerKey = (o: ItemOwner): string =>
  o.kind === 'unit' ? `unit:${o.unitId}` : `department:${o.department}`;

/**
 * 限时办结制 (003) with R7's calendar: the deadline a decision sets, as a date, or counted in working
 * days from the meeting on the official calendar (pending while it reaches a year whose official
 * holiday schedule is not adopted yet: never guessed).
 */
export const itemDeadline = (
  calendar: WorkingDayCalendar,
  heldOn: BusinessDate,
  input: ItemToHandOut['deadline'],
): ItemDeadline =>
  input.kind === 'date'
    ? { deadline: { kind: 'due', dueOn: input.dueOn } }
    : { workingDays: input.workingDays, deadline: addWorkingDays(calendar, heldOn, input.workingDays) };

/** The day an item is due, when it is known. */
export const itemDueOn = (item: Pick<MeetingItem, 'limit'>): BusinessDate | undefined =>
  item.limit.deadline.kind === 'due' ? item.limit.deadline.dueOn : undefined;

/** 000 §五.1 (例会, 专题会议): a meeting id names one meeting; recording it again with other content is refused. */
export const requireMeetingNotHeld = (s: MeetingState, c: HoldMeeting): Check =>
  s.status === 'none' ? ok : refuse('MEETING_ALREADY_HELD', { meetingId: c.meetingId });

/** 000 §五.1 "召开工作例会 … 研究和解决": decisions and items only on a meeting that was held. */
export const requireMeetingHeld = (s: MeetingState, meetingId: string): Either<DomainError, Meeting> =>
  s.status === 'none' ? refuse('MEETING_NOT_HELD', { meetingId }) : E.right(s);

/** A decision number names one decision of the meeting (its minutes' 议定事项 are numbered once). */
export const requireNewMeetingDecision = (s: Meeting, c: RecordDecision): Check =>
  s.decisions.some((d) => d.decision === c.decision)
    ? refuse('MEETING_DECISION_ALREADY_RECORDED', { meetingId: s.meetingId, decision: c.decision })
    : ok;

/** 003 工作交办机制: an item id names one item of the meeting (within the decision too). */
export const requireNewMeetingItems = (s: Meeting, c: RecordDecision): Check => {
  const seen = new Set(s.items.map((i) => i.itemId as string));
  for (const i of c.items) {
    if (seen.has(i.itemId)) return refuse('MEETING_ITEM_ALREADY_HANDED_OUT', { itemId: i.itemId });
    seen.add(i.itemId);
  }
  return ok;
};

/**
 * 003 限时办结制: an item is handed out with a deadline that is not before the meeting (its owner is
 * required by the command's shape: a unit or a department). A deadline in working days always ends
 * after the meeting.
 */
export const requireDeadlineNotBeforeMeeting = (s: Meeting, c: RecordDecision): Check => {
  for (const i of c.items) {
    if (i.deadline.kind === 'date' && i.deadline.dueOn < s.heldOn)
      return refuse('MEETING_ITEM_DEADLINE_BEFORE_MEETING', {
        itemId: i.itemId,
        dueOn: i.deadline.dueOn,
        heldOn: s.heldOn,
      });
  }
  return ok;
};

/** 003 工作交办机制: an item is reported on, extended or verified only once it was handed out. */
export const requireItemHandedOut = (s: Meeting, itemId: string): Either<DomainError, MeetingItem> => {
  const item = itemOf(s, itemId);
  return item === undefined
    ? refuse('MEETING_ITEM_NOT_FOUND', { meetingId: s.meetingId, itemId })
    : E.right(item);
};

/** 003 首问负责制: an item is reported done by (or for) the unit or department it was handed to. */
export const requireItemOwner = (item: MeetingItem, reporter: ItemOwner): Check =>
  ownerKey(item.owner) === ownerKey(reporter)
    ? ok
    : refuse('MEETING_ITEM_NOT_OWNER', {
        itemId: item.itemId,
        owner: ownerKey(item.owner),
        reporter: ownerKey(reporter),
      });

/** 003 跟踪问效制: done is reported with evidence the office can check. */
export const requireDoneEvidence = (c: ReportItemDone): Check =>
  c.evidence.length > 0 ? ok : refuse('MEETING_ITEM_EVIDENCE_REQUIRED', { itemId: c.itemId });

/** 003 跟踪问效制: an item verified and closed (销号) accepts no further step. */
export const requireItemNotVerified = (item: MeetingItem): Check =>
  item.status === 'verified'
    ? refuse('MEETING_ITEM_VERIFIED', { itemId: item.itemId, verifiedOn: item.verification?.on ?? '' })
    : ok;

/** A done item is not done twice: once reported, it waits for the office's verification. */
export const requireItemNotDone = (item: MeetingItem): Check =>
  item.status === 'done'
    ? refuse('MEETING_ITEM_ALREADY_DONE', { itemId: item.itemId, doneOn: item.done?.on ?? '' })
    : ok;

/** 003 跟踪问效制: the office verifies an item its owner reported done. */
export const requireItemDone = (item: MeetingItem): Check =>
  item.status === 'done' ? ok : refuse('MEETING_ITEM_NOT_DONE', { itemId: item.itemId, status: item.status });

/**
 * 003 限时办结制 — the one extension rule: an item still in its owner's hands may be extended once,
 * with a reason, asked on or before its deadline (a deadline already missed is not moved after the
 * fact), to a later date; a deadline still waiting for the official calendar is not extended.
 */
export const requireItemExtensible = (item: MeetingItem, c: ExtendItem): Check => {
  const dueOn = itemDueOn(item);
  const why =
    item.status !== 'handed-out'
      ? `status ${item.status}`
      : item.extension !== undefined
        ? `already extended on ${item.extension.on}`
        : dueOn === undefined
          ? 'its deadline waits for the official calendar'
          : c.extendedOn > dueOn
            ? `asked on ${c.extendedOn}, after the deadline ${dueOn}`
            : c.dueOn <= dueOn
              ? `new deadline ${c.dueOn} not after ${dueOn}`
              : undefined;
  return why === undefined ? ok : refuse('MEETING_ITEM_EXTENSION_REFUSED', { itemId: item.itemId, why });
};

/** The steps follow each other in time: none is dated before the meeting or the step it follows. */
export const requireMeetingStepInOrder = (
  field: string,
  on: BusinessDate,
  after: BusinessDate | undefined,
): Check =>
  after === undefined || on >= after ? ok : refuse('MEETING_STEP_OUT_OF_ORDER', { field, on, after });

/** 召开会议: a new meeting; the same record again is harmless. */
export const decideHoldMeeting = (c: HoldMeeting, s: MeetingState): Decision => {
  if (s.status !== 'none' && same(s.record, withoutType(c))) return nothing;
  return E.map((): ReadonlyArray<MeetingEvent> => [{ type: 'MeetingHeld', data: withoutType(c) }])(
    requireMeetingNotHeld(s, c),
  );
};

/** 议定事项 and 交办: one decision of a held meeting with the items it hands out; the same decision again is harmless. */
export const decideRecordDecision = (
  c: RecordDecision,
  s: Meeting,
  { calendar }: MeetingDeciderDeps,
): Decision => {
  const data: MeetingEventOf<'DecisionRecorded'>['data'] = {
    meetingId: c.meetingId,
    decision: c.decision,
    text: c.text,
    recordedOn: c.recordedOn,
    recordedBy: c.recordedBy,
    items: c.items.map(({ deadline, ...item }) => ({
      ...item,
      limit: itemDeadline(calendar, s.heldOn, deadline),
    })),
  };
  const recorded = s.decisions.find((d) => d.decision === c.decision);
  if (recorded !== undefined) {
    const itemsOfDecision = s.items.filter((i) => i.decision === c.decision).map((i) => i.itemId);
    if (
      recorded.text === c.text &&
      recorded.recordedOn === c.recordedOn &&
      same(
        itemsOfDecision,
        c.items.map((i) => i.itemId),
      )
    )
      return nothing;
  }
  return E.map((): ReadonlyArray<MeetingEvent> => [{ type: 'DecisionRecorded', data }])(
    all(
      () => requireNewMeetingDecision(s, c),
      () => requireMeetingStepInOrder('recordedOn', c.recordedOn, s.heldOn),
      () => requireNewMeetingItems(s, c),
      () => requireDeadlineNotBeforeMeeting(s, c),
    ),
  );
};

/** 办结报告: by its owner, with evidence, whether within the deadline; the same report again is harmless. */
export const decideReportItemDone = (c: ReportItemDone, s: Meeting, item: MeetingItem): Decision => {
  if (item.status === 'done' && item.done?.on === c.doneOn && item.done.report === c.report) return nothing;
  const dueOn = itemDueOn(item);
  return E.map((): ReadonlyArray<MeetingEvent> => [
    {
      type: 'ItemReportedDone',
      data: { ...withoutType(c), ...(dueOn !== undefined ? { withinDeadline: c.doneOn <= dueOn } : {}) },
    },
  ])(
    all(
      () => requireItemNotVerified(item),
      () => requireItemOwner(item, c.owner),
      () => requireItemNotDone(item),
      () => requireDoneEvidence(c),
      () => requireMeetingStepInOrder('doneOn', c.doneOn, s.heldOn),
    ),
  );
};

/** 延期: the one extension, with its reason; the same extension again is harmless. */
export const decideExtendItem = (c: ExtendItem, item: MeetingItem): Decision => {
  if (item.extension?.on === c.extendedOn && itemDueOn(item) === c.dueOn) return nothing;
  const previousDueOn = itemDueOn(item);
  return E.flatMap(
    all(
      () => requireItemNotVerified(item),
      () => requireItemExtensible(item, c),
    ),
    (): Decision =>
      previousDueOn === undefined
        ? refuse('MEETING_ITEM_EXTENSION_REFUSED', { itemId: item.itemId, why: 'no deadline date' })
        : E.right([{ type: 'ItemExtended', data: { ...withoutType(c), previousDueOn } }]),
  );
};

/** 跟踪问效 / 销号: the office accepts a done item (closed) or sends it back (in progress again, same deadline). */
export const decideVerifyItem = (c: VerifyItem, item: MeetingItem): Decision => {
  if (item.verification?.on === c.verifiedOn && item.verification.accepted === c.accepted) return nothing;
  return E.map((): ReadonlyArray<MeetingEvent> => [{ type: 'ItemVerified', data: withoutType(c) }])(
    all(
      () => requireItemNotVerified(item),
      () => requireItemDone(item),
      () => requireMeetingStepInOrder('verifiedOn', c.verifiedOn, item.done?.on),
    ),
  );
};

/** Each command to its own function. */
const decideWith =
  (deps: MeetingDeciderDeps) =>
  (command: MeetingCommand, state: MeetingState): Decision => {
    if (command.type === 'HoldMeeting') return decideHoldMeeting(command, state);
    const held = requireMeetingHeld(state, command.meetingId);
    if (E.isLeft(held)) return held;
    const s = held.right;
    if (command.type === 'RecordDecision') return decideRecordDecision(command, s, deps);
    const found = requireItemHandedOut(s, command.itemId);
    if (E.isLeft(found)) return found;
    const item = found.right;
    switch (command.type) {
      case 'ReportItemDone':
        return decideReportItemDone(command, s, item);
      case 'ExtendItem':
        return decideExtendItem(command, item);
      case 'VerifyItem':
        return decideVerifyItem(command, item);
      default:
        return assertNever(command);
    }
  };

/** Builds the meeting decider with a calendar (default: the packaged official calendar). */
export const makeMeetingDecider = (
  given: Partial<MeetingDeciderDeps> = {},
): Decider<MeetingCommand, MeetingEvent, MeetingState> => ({
  initialState: initialMeetingState,
  evolve: evolveMeeting,
  decide: decideWith({ calendar: given.calendar ?? officialCalendar }),
  // A meeting stays open: its items are followed to done long after it was held.
  isTerminal: () => false,
});

/** The meeting decider on the packaged official calendar. */
export const meetingDecider = makeMeetingDecider();
