import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import { bulletinCommandDates, CorrectBulletin, PublishBulletin } from '../bulletin/bulletin.commands';
import type { BulletinCommand } from '../bulletin/bulletin.commands';
import { bulletinDecider } from '../bulletin/bulletin.decide';
import { bulletinEvents, type BulletinEvent } from '../bulletin/bulletin.events';
import type { BulletinState } from '../bulletin/bulletin.state';
import {
  CorrectOutboundTrip,
  leaderActivityCommandDates,
  RecordOutboundTrip,
  type LeaderActivityCommand,
} from '../leader-activity/leader-activity.commands';
import { leaderActivityDecider } from '../leader-activity/leader-activity.decide';
import { leaderActivityEvents, type LeaderActivityEvent } from '../leader-activity/leader-activity.events';
import type { LeaderActivityState } from '../leader-activity/leader-activity.state';
import { projectCommandDates, projectCommands, type ProjectCommand } from '../project/project.commands';
import { makeProjectDecider, projectDecider } from '../project/project.decide';
import { projectEvents, type ProjectEvent } from '../project/project.events';
import type { ProjectState } from '../project/project.state';
import { projectUpcasters } from '../project/project.upcasters';
import type { FactDates } from '../shared/business-date';
import type { BusinessDate } from '../shared/dates';
import type { StoredEventData, UpcastError } from '../shared/upcasting';
import {
  ReviseAnnualTargets,
  SetAnnualTargets,
  targetPlanCommandDates,
  type TargetPlanCommand,
} from '../target-plan/target-plan.commands';
import { targetPlanDecider } from '../target-plan/target-plan.decide';
import { targetPlanEvents, type TargetPlanEvent } from '../target-plan/target-plan.events';
import type { TargetPlanState } from '../target-plan/target-plan.state';
import {
  workingCalendarCommandDates,
  workingCalendarCommands,
  type WorkingCalendarCommand,
} from '../working-calendar/working-calendar.commands';
import { workingCalendarDecider } from '../working-calendar/working-calendar.decide';
import {
  workingCalendarEvents,
  type WorkingCalendarEvent,
} from '../working-calendar/working-calendar.events';
import type { WorkingCalendarState } from '../working-calendar/working-calendar.state';
import {
  enterpriseRequestCommandDates,
  enterpriseRequestCommands,
  type EnterpriseRequestCommand,
} from '../enterprise-request/enterprise-request.commands';
import {
  makeEnterpriseRequestDecider,
  enterpriseRequestDecider,
} from '../enterprise-request/enterprise-request.decide';
import {
  enterpriseRequestEvents,
  type EnterpriseRequestEvent,
} from '../enterprise-request/enterprise-request.events';
import type { EnterpriseRequestState } from '../enterprise-request/enterprise-request.state';
// ---- land plots and the land-quota ledger (R19) ----
import { plotCommandDates, plotCommands, type PlotCommand } from '../land/plot.commands';
import { plotDecider } from '../land/plot.decide';
import { plotEvents, type PlotEvent } from '../land/plot.events';
import type { PlotState } from '../land/plot.state';
import {
  landQuotaCommandDates,
  landQuotaCommands,
  type LandQuotaCommand,
} from '../land-quota/land-quota.commands';
import { landQuotaDecider } from '../land-quota/land-quota.decide';
import { landQuotaEvents, type LandQuotaEvent } from '../land-quota/land-quota.events';
import type { LandQuotaState } from '../land-quota/land-quota.state';
// Leading-group meetings and their 交办 items (R20)
import { meetingCommandDates, meetingCommands, type MeetingCommand } from '../meeting/meeting.commands';
import { makeMeetingDecider, meetingDecider } from '../meeting/meeting.decide';
import { meetingEvents, type MeetingEvent } from '../meeting/meeting.events';
import { itemOf, type MeetingState } from '../meeting/meeting.state';
// advisors (招商顾问, R21 · 002 §八)
import { advisorCommandDates, advisorCommands, type AdvisorCommand } from '../advisor/advisor.commands';
import { advisorDecider } from '../advisor/advisor.decide';
import { advisorEvents, type AdvisorEvent } from '../advisor/advisor.events';
import type { AdvisorState } from '../advisor/advisor.state';
import { defineAggregate, type Aggregate, type CommandCodecs } from './aggregate';
import {
  advisorStream,
  bulletinStream,
  enterpriseRequestStream,
  landQuotaStream,
  leaderStream,
  plotStream,
  projectStream,
  streamPrefixes,
  targetPlanStream,
  WORKING_CALENDAR_STREAM,
} from './streams';
// Leading-group meetings (R20)
import { meetingStream } from './streams';

/** The command, event and state types of each aggregate, by name. */
export interface AggregateTypes {
  readonly project: { command: ProjectCommand; event: ProjectEvent; state: ProjectState };
  readonly 'target-plan': { command: TargetPlanCommand; event: TargetPlanEvent; state: TargetPlanState };
  readonly 'leader-activity': {
    command: LeaderActivityCommand;
    event: LeaderActivityEvent;
    state: LeaderActivityState;
  };
  readonly bulletin: { command: BulletinCommand; event: BulletinEvent; state: BulletinState };
  readonly 'working-calendar': {
    command: WorkingCalendarCommand;
    event: WorkingCalendarEvent;
    state: WorkingCalendarState;
  };
  readonly 'enterprise-request': {
    command: EnterpriseRequestCommand;
    event: EnterpriseRequestEvent;
    state: EnterpriseRequestState;
  };
  // land plots and the land-quota ledger (R19)
  readonly plot: { command: PlotCommand; event: PlotEvent; state: PlotState };
  readonly 'land-quota': { command: LandQuotaCommand; event: LandQuotaEvent; state: LandQuotaState };
  // Leading-group meetings and their 交办 items (R20)
  readonly meeting: {
    command: MeetingCommand;
    event: MeetingEvent;
    state: MeetingState;
  };
  // advisors (招商顾问, R21 · 002 §八)
  readonly advisor: { command: AdvisorCommand; event: AdvisorEvent; state: AdvisorState };
}

/** The name of an aggregate, which is also the category of its streams. */
export type AggregateName = keyof AggregateTypes;
export type CommandOfAggregate<N extends AggregateName> = AggregateTypes[N]['command'];
export type EventOfAggregate<N extends AggregateName> = AggregateTypes[N]['event'];
export type StateOfAggregate<N extends AggregateName> = AggregateTypes[N]['state'];
/** The registry's entry for an aggregate, with its own types. */
export type AggregateOf<N extends AggregateName> = Aggregate<
  CommandOfAggregate<N>,
  EventOfAggregate<N>,
  StateOfAggregate<N>
> & { readonly name: N };

/** A command of any aggregate (command types are unique across aggregates). */
export type AnyCommand = CommandOfAggregate<AggregateName>;
/** The type of any command. */
export type AnyCommandType = AnyCommand['type'];
/** The command of a given type. */
export type CommandOfType<T extends AnyCommandType> = Extract<AnyCommand, { readonly type: T }>;

const project: AggregateOf<'project'> = {
  ...defineAggregate({
    name: 'project',
    streamPrefix: streamPrefixes.project,
    streamOf: (c: ProjectCommand) => projectStream(c.projectId),
    commands: projectCommands,
    events: projectEvents,
    upcasters: projectUpcasters,
    decider: projectDecider,
    // Working days (R7) count on the packaged schedules plus those adopted in the calendar stream.
    deciderOn: (calendar) => makeProjectDecider({ calendar }),
    // A project belongs to the unit that captured or planned it; a new stream, to the command's unit.
    unitOf: (state, c) => (state.status !== 'none' ? state.unitId : 'unitId' in c ? c.unitId : undefined),
    factDatesOf: projectCommandDates,
  }),
  name: 'project',
};

const targetPlan: AggregateOf<'target-plan'> = {
  ...defineAggregate({
    name: 'target-plan',
    streamPrefix: streamPrefixes['target-plan'],
    streamOf: (c: TargetPlanCommand) => targetPlanStream(c.unitId, c.year),
    commands: { SetAnnualTargets, ReviseAnnualTargets },
    events: targetPlanEvents,
    decider: targetPlanDecider,
    unitOf: (_state, c) => c.unitId,
    factDatesOf: targetPlanCommandDates,
  }),
  name: 'target-plan',
};

const leaderActivity: AggregateOf<'leader-activity'> = {
  ...defineAggregate({
    name: 'leader-activity',
    streamPrefix: streamPrefixes['leader-activity'],
    streamOf: (c: LeaderActivityCommand) => leaderStream(c.leaderId),
    commands: { RecordOutboundTrip, CorrectOutboundTrip },
    events: leaderActivityEvents,
    decider: leaderActivityDecider,
    // A correction may omit the unit: the trip's unit then stays as recorded (checked on the command only).
    unitOf: (_state, c) => (c.type === 'RecordOutboundTrip' ? c.unitId : c.changes.unitId),
    factDatesOf: leaderActivityCommandDates,
  }),
  name: 'leader-activity',
};

const bulletin: AggregateOf<'bulletin'> = {
  ...defineAggregate({
    name: 'bulletin',
    streamPrefix: streamPrefixes.bulletin,
    streamOf: (c: BulletinCommand) => bulletinStream(c.period),
    commands: { PublishBulletin, CorrectBulletin },
    events: bulletinEvents,
    decider: bulletinDecider,
    unitOf: () => undefined,
    factDatesOf: bulletinCommandDates,
  }),
  name: 'bulletin',
};

const workingCalendar: AggregateOf<'working-calendar'> = {
  ...defineAggregate({
    name: 'working-calendar',
    streamPrefix: streamPrefixes['working-calendar'],
    streamOf: () => WORKING_CALENDAR_STREAM,
    commands: workingCalendarCommands,
    events: workingCalendarEvents,
    decider: workingCalendarDecider,
    unitOf: () => undefined,
    factDatesOf: workingCalendarCommandDates,
  }),
  name: 'working-calendar',
};

const enterpriseRequest: AggregateOf<'enterprise-request'> = {
  ...defineAggregate({
    name: 'enterprise-request',
    streamPrefix: streamPrefixes['enterprise-request'],
    streamOf: (c: EnterpriseRequestCommand) => enterpriseRequestStream(c.requestId),
    commands: enterpriseRequestCommands,
    events: enterpriseRequestEvents,
    decider: enterpriseRequestDecider,
    // Time limits count working days on the packaged schedules plus the adopted ones (R7's calendar).
    deciderOn: (calendar) => makeEnterpriseRequestDecider({ calendar }),
    // A request belongs to the unit that received it; a new stream, to the command's unit.
    unitOf: (state, c) =>
      state.status !== 'none' ? state.unitId : c.type === 'ReceiveRequest' ? c.unitId : undefined,
    factDatesOf: enterpriseRequestCommandDates,
  }),
  name: 'enterprise-request',
};

// ---- land plots and the land-quota ledger (R19) ----
const plot: AggregateOf<'plot'> = {
  ...defineAggregate({
    name: 'plot',
    streamPrefix: streamPrefixes.plot,
    streamOf: (c: PlotCommand) => plotStream(c.plotId),
    commands: plotCommands,
    events: plotEvents,
    decider: plotDecider,
    // A plot belongs to the unit it was registered for; a new stream, to the command's unit.
    unitOf: (state, c) =>
      state.status !== 'none' ? state.unitId : c.type === 'RegisterPlot' ? c.unitId : undefined,
    factDatesOf: plotCommandDates,
  }),
  name: 'plot',
};

const landQuota: AggregateOf<'land-quota'> = {
  ...defineAggregate({
    name: 'land-quota',
    streamPrefix: streamPrefixes['land-quota'],
    streamOf: (c: LandQuotaCommand) => landQuotaStream(c.year),
    commands: landQuotaCommands,
    events: landQuotaEvents,
    decider: landQuotaDecider,
    // The region's quota: no unit owns it.
    unitOf: () => undefined,
    factDatesOf: landQuotaCommandDates,
  }),
  name: 'land-quota',
};

// Leading-group meetings and their 交办 items (R20)
const meeting: AggregateOf<'meeting'> = {
  ...defineAggregate({
    name: 'meeting',
    streamPrefix: streamPrefixes.meeting,
    streamOf: (c: MeetingCommand) => meetingStream(c.meetingId),
    commands: meetingCommands,
    events: meetingEvents,
    decider: meetingDecider,
    // Deadlines in working days count on the packaged schedules plus the adopted ones (R7's calendar).
    deciderOn: (calendar) => makeMeetingDecider({ calendar }),
    // A meeting belongs to the unit whose leading group met; an item handed to a unit is that unit's
    // to report done (首问负责制, 003); a new stream, to the command's unit.
    unitOf: (state, c) => {
      if (state.status === 'none') return c.type === 'HoldMeeting' ? c.unitId : undefined;
      const owner = c.type === 'ReportItemDone' ? itemOf(state, c.itemId)?.owner : undefined;
      return owner?.kind === 'unit' ? owner.unitId : state.unitId;
    },
    factDatesOf: meetingCommandDates,
  }),
  name: 'meeting',
};

// advisors (招商顾问, R21 · 002 §八)
const advisor: AggregateOf<'advisor'> = {
  ...defineAggregate({
    name: 'advisor',
    streamPrefix: streamPrefixes.advisor,
    streamOf: (c: AdvisorCommand) => advisorStream(c.advisorId),
    commands: advisorCommands,
    events: advisorEvents,
    decider: advisorDecider,
    // An advisor serves the whole region; crediting an introduction acts on a project of its unit.
    unitOf: (_state, c) => (c.type === 'CreditIntroduction' ? c.unitId : undefined),
    factDatesOf: advisorCommandDates,
  }),
  name: 'advisor',
};

/**
 * The aggregate registry: every aggregate of the domain by name, each with its own types. Adding an
 * aggregate means a folder for it, an entry in `AggregateTypes` and one here (the compiler then
 * names every place that must route its commands).
 */
export const aggregates: { readonly [N in AggregateName]: AggregateOf<N> } = {
  project,
  'target-plan': targetPlan,
  'leader-activity': leaderActivity,
  bulletin,
  'working-calendar': workingCalendar,
  'enterprise-request': enterpriseRequest,
  // land (R19)
  plot,
  'land-quota': landQuota,
  // Leading-group meetings (R20)
  meeting,
  // advisors (招商顾问, R21 · 002 §八)
  advisor,
};

/** The names of every aggregate, in the order docs list them. */
export const aggregateNames: ReadonlyArray<AggregateName> = [
  'project',
  'target-plan',
  'leader-activity',
  'bulletin',
  'working-calendar',
  'enterprise-request',
  // land (R19)
  'plot',
  'land-quota',
  // Leading-group meetings (R20)
  'meeting',
  // advisors (招商顾问, R21 · 002 §八)
  'advisor',
];

/** A command with the name of the aggregate that handles it: a union discriminated by `aggregate`. */
export type AggregateCommand<N extends AggregateName = AggregateName> = {
  [K in N]: { readonly aggregate: K; readonly command: CommandOfAggregate<K> };
}[N];

/** A decoded event with the name of its aggregate: a union discriminated by `aggregate`. */
export type AggregateEvent<N extends AggregateName = AggregateName> = {
  [K in N]: { readonly aggregate: K; readonly event: EventOfAggregate<K> };
}[N];

/** The aggregate that handles a command (checked by the compiler: every command type is routed once). */
export const aggregateOfCommand = (command: AnyCommand): AggregateCommand => {
  switch (command.type) {
    case 'SetAnnualTargets':
    case 'ReviseAnnualTargets':
      return { aggregate: 'target-plan', command };
    case 'RecordOutboundTrip':
    case 'CorrectOutboundTrip':
      return { aggregate: 'leader-activity', command };
    case 'PublishBulletin':
    case 'CorrectBulletin':
      return { aggregate: 'bulletin', command };
    case 'AdoptHolidaySchedule':
    case 'CorrectHolidaySchedule':
      return { aggregate: 'working-calendar', command };
    case 'ReceiveRequest':
    case 'AssignRequest':
    case 'HandleRequest':
    case 'EvaluateRequest':
    case 'CloseRequest':
    case 'ComputeRequestDeadlines':
      return { aggregate: 'enterprise-request', command };
    // land (R19)
    case 'RegisterPlot':
    case 'RecordPlotSupply':
    case 'AllocatePlot':
    case 'FlagPlot':
    case 'RevitalisePlot':
    case 'ReclaimPlot':
    case 'ReturnPlotToReserve':
      return { aggregate: 'plot', command };
    case 'GrantLandQuota':
    case 'UseLandQuota':
    case 'ReleaseLandQuotaReservation':
      return { aggregate: 'land-quota', command };
    // Leading-group meetings and their 交办 items (R20)
    case 'HoldMeeting':
    case 'RecordDecision':
    case 'ReportItemDone':
    case 'ExtendItem':
    case 'VerifyItem':
    case 'ComputeMeetingItemDeadlines': // the deadline watcher's count of 交办 deadlines pending the calendar (R20)
      return { aggregate: 'meeting', command };
    // advisors (招商顾问, R21 · 002 §八)
    case 'AppointAdvisor':
    case 'EndAdvisorAppointment':
    case 'CreditIntroduction':
    case 'RewardAdvisor':
      return { aggregate: 'advisor', command };
    default:
      // What is left of the union is exactly the project's commands.
      return { aggregate: 'project', command };
  }
};

/**
 * Runs `k` with a command's aggregate and the command, both typed for that aggregate: generic code
 * (routing, business dates) written once for every aggregate without erasing their types.
 */
export const withAggregateOf = <R>(
  command: AnyCommand,
  k: <C extends { readonly type: string }, E extends { readonly type: string; readonly data: unknown }, S>(
    aggregate: Aggregate<C, E, S>,
    command: C,
  ) => R,
): R => {
  const routed = aggregateOfCommand(command);
  switch (routed.aggregate) {
    case 'project':
      return k(aggregates.project, routed.command);
    case 'target-plan':
      return k(aggregates['target-plan'], routed.command);
    case 'leader-activity':
      return k(aggregates['leader-activity'], routed.command);
    case 'bulletin':
      return k(aggregates.bulletin, routed.command);
    case 'working-calendar':
      return k(aggregates['working-calendar'], routed.command);
    case 'enterprise-request':
      return k(aggregates['enterprise-request'], routed.command);
    // land (R19)
    case 'plot':
      return k(aggregates.plot, routed.command);
    case 'land-quota':
      return k(aggregates['land-quota'], routed.command);
    // Leading-group meetings (R20)
    case 'meeting':
      return k(aggregates.meeting, routed.command);
    // advisors (招商顾问, R21 · 002 §八)
    case 'advisor':
      return k(aggregates.advisor, routed.command);
  }
};

/** The aggregate whose streams a stream name belongs to; `undefined` for other streams (an audit log). */
export const aggregateOfStream = (streamName: string): AggregateName | undefined =>
  aggregateNames.find((name) => streamName.startsWith(aggregates[name].streamPrefix));

/** What `readStreamEvent` could not read: the aggregate of the stream and why. */
export type StreamEventError = UpcastError & { readonly aggregate: AggregateName };

/**
 * A stored event read by the aggregate of its stream (decoded and upcast to the current schema
 * version); `undefined` for a stream of no aggregate.
 */
export const readStreamEvent = (
  streamName: string,
  stored: StoredEventData,
): Either<StreamEventError, AggregateEvent> | undefined => {
  const name = aggregateOfStream(streamName);
  return name === undefined ? undefined : readEventOf(name, stored);
};

/** A stored event read by a named aggregate. */
export const readEventOf = (
  name: AggregateName,
  stored: StoredEventData,
): Either<StreamEventError, AggregateEvent> => {
  switch (name) {
    case 'project':
      return tagged(name, aggregates.project.readEvent(stored));
    case 'target-plan':
      return tagged(name, aggregates['target-plan'].readEvent(stored));
    case 'leader-activity':
      return tagged(name, aggregates['leader-activity'].readEvent(stored));
    case 'bulletin':
      return tagged(name, aggregates.bulletin.readEvent(stored));
    case 'working-calendar':
      return tagged(name, aggregates['working-calendar'].readEvent(stored));
    case 'enterprise-request':
      return tagged(name, aggregates['enterprise-request'].readEvent(stored));
    // land (R19)
    case 'plot':
      return tagged(name, aggregates.plot.readEvent(stored));
    case 'land-quota':
      return tagged(name, aggregates['land-quota'].readEvent(stored));
    // Leading-group meetings (R20)
    case 'meeting':
      return tagged(name, aggregates.meeting.readEvent(stored));
    // advisors (招商顾问, R21 · 002 §八)
    case 'advisor':
      return tagged(name, aggregates.advisor.readEvent(stored));
  }
};

const tagged = <N extends AggregateName>(
  aggregate: N,
  read: Either<UpcastError, EventOfAggregate<N>>,
): Either<StreamEventError, { readonly aggregate: N; readonly event: EventOfAggregate<N> }> =>
  E.bimap(
    (error: UpcastError): StreamEventError => ({ ...error, aggregate }),
    (event: EventOfAggregate<N>) => ({ aggregate, event }),
  )(read);

/** The codec of every command of every aggregate, by command type. */
export const commandCodecs: CommandCodecs<AnyCommand> = {
  ...project.commands,
  ...targetPlan.commands,
  ...leaderActivity.commands,
  ...bulletin.commands,
  ...workingCalendar.commands,
  ...enterpriseRequest.commands,
  // land (R19)
  ...plot.commands,
  ...landQuota.commands,
  // Leading-group meetings (R20)
  ...meeting.commands,
  // advisors (招商顾问, R21 · 002 §八)
  ...advisor.commands,
};

/** The dates any command states as facts, its business date first (each aggregate knows its own). */
export const commandFactDates = (command: AnyCommand): FactDates =>
  withAggregateOf(command, (aggregate, c) => aggregate.factDatesOf(c));

/** The business date of any command: the day of the fact it records, in China (DOMAIN.md §5). */
export const commandBusinessDate = (command: AnyCommand): BusinessDate =>
  withAggregateOf(command, (aggregate, c) => aggregate.businessDateOf(c));
