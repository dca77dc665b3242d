export {
  MeetingKind,
  ItemOwner,
  ItemDeadlineInput,
  ItemDeadline,
  MeetingHeld,
  DecisionRecorded,
  ItemReportedDone,
  ItemExtended,
  ItemVerified,
  meetingEvents,
  MeetingEventCodec,
} from './meeting.events';
export type { MeetingEvent, MeetingEventType, MeetingEventOf } from './meeting.events';
export {
  HoldMeeting,
  ItemToHandOut,
  RecordDecision,
  ReportItemDone,
  ExtendItem,
  VerifyItem,
  meetingCommands,
  meetingCommandDates,
} from './meeting.commands';
export type { MeetingCommand } from './meeting.commands';
export { initialMeetingState, itemOf } from './meeting.state';
export type {
  MeetingItemStatus,
  MeetingItem,
  MeetingDecision,
  Meeting,
  NoMeeting,
  MeetingState,
} from './meeting.state';
export { evolveMeeting } from './meeting.evolve';
export {
  meetingDecider,
  makeMeetingDecider,
  ownerKey,
  itemDeadline,
  itemDueOn,
  requireMeetingNotHeld,
  requireMeetingHeld,
  requireNewMeetingDecision,
  requireNewMeetingItems,
  requireDeadlineNotBeforeMeeting,
  requireItemHandedOut,
  requireItemOwner,
  requireDoneEvidence,
  requireItemNotVerified,
  requireItemNotDone,
  requireItemDone,
  requireItemExtensible,
  requireMeetingStepInOrder,
} from './meeting.decide';
export type { MeetingDeciderDeps } from './meeting.decide';
export { meetingErrors } from './meeting.errors';
export type { MeetingErrorCode } from './meeting.errors';
export {
  meetingKindLabels,
  meetingItemStatusLabels,
  meetingItemTimelinessLabels,
} from './meeting.vocabulary';
export type { MeetingItemTimeliness } from './meeting.vocabulary';
