import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';
import {
  bulletinDecider,
  bulletinEvents,
  bulletinStream,
  CorrectBulletin,
  CorrectOutboundTrip,
  leaderActivityDecider,
  leaderActivityEvents,
  leaderStream,
  projectCommands,
  projectDecider,
  projectEvents,
  projectStream,
  PublishBulletin,
  readProjectEvent,
  RecordOutboundTrip,
  ReviseAnnualTargets,
  SetAnnualTargets,
  targetPlanDecider,
  targetPlanEvents,
  targetPlanStream,
  type AnyCommand,
  type AnyDefinition,
  type DomainError,
  type ProjectId,
  type UnitId,
  type Year,
  type LeaderId,
  type BulletinPeriod,
  AdoptHolidaySchedule,
  CorrectHolidaySchedule,
  makeProjectDecider,
  WORKING_CALENDAR_STREAM,
  workingCalendarDecider,
  workingCalendarEvents,
  type WorkingDayCalendar,
} from '@zhaoshang/domain';
import type { StoredEvent } from '@zhaoshang/eventstore';
import type { CommandType } from '../auth/permissions';

/** A domain command as it travels inside the API: a decoded value with its `type`. */
export interface DomainCommand {
  readonly type: CommandType;
}

/** A domain event as deciders see it. */
export interface DecidedEvent {
  readonly type: string;
  readonly data: unknown;
}

/** A decider with its types erased, so that one gateway serves every aggregate. */
export interface ErasedDecider {
  readonly initialState: unknown;
  readonly evolve: (state: unknown, event: DecidedEvent) => unknown;
  readonly decide: (
    command: DomainCommand,
    state: unknown,
  ) => E.Either<DomainError, ReadonlyArray<DecidedEvent>>;
  readonly isTerminal: (state: unknown) => boolean;
}

/** What the gateway needs to know about an aggregate. */
export interface AggregateSpec {
  readonly name: 'project' | 'target-plan' | 'leader-activity' | 'bulletin' | 'working-calendar';
  readonly decider: ErasedDecider;
  readonly streamOf: (command: DomainCommand) => string;
  /** The unit a state (or, for a new stream, the command) belongs to: unit-scoped roles act only on their own. */
  readonly unitOf: (state: unknown, command: DomainCommand) => string | undefined;
  /** The current schema version of an event type (stored with it). */
  readonly versionOf: (type: string) => number;
  /** Stored event → decider event, upcasting older schema versions. */
  readonly read: (stored: StoredEvent) => DecidedEvent;
}

const versions =
  (catalogue: Record<string, AnyDefinition>) =>
  (type: string): number =>
    catalogue[type]?.version ?? 1;

/** Events of the current schema version are taken as stored (they were written from decided events). */
const reader =
  (catalogue: Record<string, AnyDefinition>, upcast?: (stored: StoredEvent) => DecidedEvent) =>
  (stored: StoredEvent): DecidedEvent =>
    upcast !== undefined && stored.metadata.schemaVersion !== (catalogue[stored.type]?.version ?? 1)
      ? upcast(stored)
      : { type: stored.type, data: stored.data };

const field = (value: unknown, name: string): string | undefined => {
  const v =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : undefined;
};

const erase = (decider: object): ErasedDecider => decider as unknown as ErasedDecider;

const projectSpec: AggregateSpec = {
  name: 'project',
  decider: erase(projectDecider),
  streamOf: (c) => projectStream((c as unknown as { projectId: ProjectId }).projectId),
  unitOf: (state, c) => field(state, 'unitId') ?? field(c, 'unitId'),
  versionOf: versions(projectEvents),
  read: reader(projectEvents, (stored) => {
    const r = readProjectEvent({
      type: stored.type,
      version: stored.metadata.schemaVersion,
      data: stored.data,
    });
    if (E.isLeft(r))
      throw new Error(`unreadable event ${stored.streamName}@${stored.revision}: ${r.left.code}`);
    return r.right;
  }),
};

const targetPlanSpec: AggregateSpec = {
  name: 'target-plan',
  decider: erase(targetPlanDecider),
  streamOf: (c) => {
    const { unitId, year } = c as unknown as { unitId: UnitId; year: Year };
    return targetPlanStream(unitId, year);
  },
  unitOf: (_state, c) => field(c, 'unitId'),
  versionOf: versions(targetPlanEvents),
  read: reader(targetPlanEvents),
};

const leaderSpec: AggregateSpec = {
  name: 'leader-activity',
  decider: erase(leaderActivityDecider),
  streamOf: (c) => leaderStream((c as unknown as { leaderId: LeaderId }).leaderId),
  // A correction may omit the unit: the trip's unit then stays as recorded (checked on the command only).
  unitOf: (_state, c) =>
    field(c, 'unitId') ?? field((c as unknown as { changes?: unknown }).changes, 'unitId'),
  versionOf: versions(leaderActivityEvents),
  read: reader(leaderActivityEvents),
};

const bulletinSpec: AggregateSpec = {
  name: 'bulletin',
  decider: erase(bulletinDecider),
  streamOf: (c) => bulletinStream((c as unknown as { period: BulletinPeriod }).period),
  unitOf: () => undefined,
  versionOf: versions(bulletinEvents),
  read: reader(bulletinEvents),
};

const workingCalendarSpec: AggregateSpec = {
  name: 'working-calendar',
  decider: erase(workingCalendarDecider),
  streamOf: () => WORKING_CALENDAR_STREAM,
  unitOf: () => undefined,
  versionOf: versions(workingCalendarEvents),
  read: reader(workingCalendarEvents),
};

/**
 * The project aggregate deciding on a given working-day calendar: the API passes the packaged
 * schedules plus those adopted in the `working-calendar` stream (working-calendar/calendar-holder.ts).
 */
export const projectSpecOn = (calendar: WorkingDayCalendar): AggregateSpec => ({
  ...projectSpec,
  decider: erase(makeProjectDecider({ calendar })),
});

/** The io-ts codec of every command: the same codecs validate requests and generate the OpenAPI document. */
export const commandCodecs = {
  ...projectCommands,
  SetAnnualTargets,
  ReviseAnnualTargets,
  RecordOutboundTrip,
  CorrectOutboundTrip,
  PublishBulletin,
  CorrectBulletin,
  AdoptHolidaySchedule,
  CorrectHolidaySchedule,
} as const satisfies Record<CommandType, t.Mixed>;

// Compile-time guard: the permission table names exactly the domain's commands.
const _sameCommands: [
  Exclude<CommandType, keyof typeof commandCodecs>,
  Exclude<keyof typeof commandCodecs, CommandType>,
] extends [never, never]
  ? true
  : false = true;
void _sameCommands;

// Compile-time guard: the domain names the business date of every command the API handles (DOMAIN.md §5).
const _everyCommandDated: Exclude<CommandType, AnyCommand['type']> extends never ? true : false = true;
void _everyCommandDated;

const projectCommandTypes = new Set(Object.keys(projectCommands));

/** The aggregate that handles a command. */
export const aggregateOf = (type: CommandType): AggregateSpec => {
  if (projectCommandTypes.has(type)) return projectSpec;
  switch (type) {
    case 'SetAnnualTargets':
    case 'ReviseAnnualTargets':
      return targetPlanSpec;
    case 'RecordOutboundTrip':
    case 'CorrectOutboundTrip':
      return leaderSpec;
    case 'PublishBulletin':
    case 'CorrectBulletin':
      return bulletinSpec;
    case 'AdoptHolidaySchedule':
    case 'CorrectHolidaySchedule':
      return workingCalendarSpec;
    default:
      throw new Error(`no aggregate for command ${type}`);
  }
};

export const aggregates = {
  project: projectSpec,
  targetPlan: targetPlanSpec,
  leader: leaderSpec,
  bulletin: bulletinSpec,
  workingCalendar: workingCalendarSpec,
};
