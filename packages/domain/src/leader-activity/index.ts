export {
  tripDetails,
  tripOutcome,
  OutboundTripRecorded,
  OutboundTripCorrected,
  TripCorrection,
  leaderActivityEvents,
  LeaderActivityEventCodec,
} from './leader-activity.events';
export type { LeaderActivityEvent, LeaderActivityEventType } from './leader-activity.events';
export {
  RecordOutboundTrip,
  CorrectOutboundTrip,
  TripChanges,
  LeaderActivityCommand,
  leaderActivityCommandDates,
} from './leader-activity.commands';
export { initialLeaderActivityState } from './leader-activity.state';
export type {
  TripFacts,
  Trip,
  NoActivity,
  LeaderActivity,
  LeaderActivityState,
} from './leader-activity.state';
export { evolveLeaderActivity } from './leader-activity.evolve';
export {
  decideLeaderActivity,
  leaderActivityDecider,
  inclusiveDays,
  requireValidDates,
  requireNoOverlap,
  sameTrip,
} from './leader-activity.decide';
export { leaderActivityErrors } from './leader-activity.errors';
export type { LeaderActivityErrorCode } from './leader-activity.errors';
export {
  tripMinimumsR15,
  tripActivityInMonth,
  tripDaysInMonth,
  meetsTripMinimum,
} from './leader-activity.minimums';
export type { TripMinimum, MonthlyTripActivity } from './leader-activity.minimums';
