import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import {
  aggregateOfCommand,
  aggregates,
  date,
  projectStream,
  requireFactsNotAfter,
  requireLinkableCanonical,
  requireAdvisorProject,
  type Aggregate,
  type AggregateCommand,
  type AggregateName,
  type AnyCommand,
  type AnyCommandShape,
  type CommandOfAggregate,
  type Decider,
  type DomainError,
  type DomainEvent,
  type EventOfAggregate,
  type ProjectId,
  type ProjectState,
  type StateOfAggregate,
} from '@zhaoshang/domain';
import {
  commandHandler,
  type CommandHandler,
  type ConcurrencyConflict,
  type CurrentRevision,
  type RevisionMismatch,
  type EventStore,
  type StoredEvent,
} from '@zhaoshang/eventstore';
import * as E from 'fp-ts/Either';
import { UNIT_SCOPED_ROLES, type Principal } from '../auth/roles';
import type { Clock } from '../clock';
import type { ApiConfig } from '../config';
import { DomainRefusal, ForbiddenError, RevisionConflict } from '../errors/api-errors';
import { foldStream, readStored } from '../read-models/stream-state';
import { API_CONFIG, CLOCK, EVENT_STORE } from '../tokens';
import { CalendarHolder } from '../working-calendar/calendar-holder';
import { businessTimeOf } from './business-time';
import { DomainEventOccurred } from './domain-event-occurred';

/** The context of one command: who, which request, and what the caller expects of the stream. */
export interface CommandContext {
  readonly actor: Principal;
  /** Idempotency-Key, or a fresh uuid: a repeated command id appends nothing and answers as the first time. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** ISO 8601 business time of the command; by default its business date's (business-time.ts). */
  readonly businessTime?: string;
  /** If-Match: the stream revision the caller saw; a different one is a 409. */
  readonly expectedRevision?: CurrentRevision;
}

/** A command's context with its business time settled. */
type TimedContext = CommandContext & { readonly businessTime: string };

/** The answer to a command (JSON-ready: positions are decimal strings). */
export interface CommandResult {
  readonly commandId: string;
  readonly streamName: string;
  /** Revision of the stream after the command ('no-stream' if it still has no event). */
  readonly revision: CurrentRevision;
  /** Global position to pass as `?atLeast=` to read your own write. */
  readonly position: string;
  readonly events: ReadonlyArray<{
    readonly type: string;
    readonly revision: number;
    readonly position: string;
  }>;
  /** True when the command id was seen before: nothing was appended this time. */
  readonly duplicate: boolean;
}

/** Attempts per command: a conflict without If-Match is re-decided on the new state up to this many times. */
const MAX_ATTEMPTS = 3;

/** The event store's command handler for one aggregate, with that aggregate's own types. */
type HandlerOf<C, Ev, S> = CommandHandler<C, S, Ev, DomainError>;
/** One handler per aggregate of the registry (each keeps the folded state of its recent streams). */
type Handlers = {
  readonly [N in AggregateName]: HandlerOf<CommandOfAggregate<N>, EventOfAggregate<N>, StateOfAggregate<N>>;
};

/**
 * The HTTP side of command handling. Reading, folding, deciding and appending with the expected
 * revision is the event store's `commandHandler` (one per aggregate, each keeping the folded state
 * of recently used streams, see COMMAND_CACHE_STREAMS): it answers a repeated command id with the
 * first answer (found in the stream's metadata, so it survives restarts), checks the caller's
 * If-Match and the unit scope before deciding, and re-decides a conflict without If-Match up to 3
 * attempts (decide is pure; time and ids are in the command). The gateway maps its answers to the
 * API's errors, publishes what was appended on the EventBus, renders positions for JSON, and
 * tracks commands in flight so that shutdown lets them finish.
 */
@Injectable()
export class CommandGateway implements OnApplicationShutdown {
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing = false;
  private readonly handlers: Handlers;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EventBus) private readonly eventBus: EventBus,
    @Inject(API_CONFIG) config: ApiConfig,
    @Inject(CalendarHolder) private readonly calendar: CalendarHolder,
    @Inject(CLOCK) clock: Clock,
  ) {
    const handlerOf = <C extends AnyCommandShape, Ev extends DomainEvent, S>(
      aggregate: Aggregate<C, Ev, S>,
    ): HandlerOf<C, Ev, S> =>
      // Project commands count working days on the packaged schedules plus the adopted ones (R7).
      commandHandler(store, notAfterToday(aggregate, aggregate.deciderOn(calendar.live), clock), {
        maxAttempts: MAX_ATTEMPTS,
        decode: readStored(aggregate),
        encode: (e) => ({ type: e.type, data: e.data, schemaVersion: aggregate.versionOf(e.type) }),
        cachedStreams: config.commandCacheStreams,
      });
    this.handlers = {
      project: handlerOf(aggregates.project),
      'target-plan': handlerOf(aggregates['target-plan']),
      'leader-activity': handlerOf(aggregates['leader-activity']),
      bulletin: handlerOf(aggregates.bulletin),
      'working-calendar': handlerOf(aggregates['working-calendar']),
      // enterprise requests (R17): routes in requests/, the watcher's ComputeRequestDeadlines
      'enterprise-request': handlerOf(aggregates['enterprise-request']),
      // land plots and the land-quota ledger (R19)
      plot: handlerOf(aggregates.plot),
      'land-quota': handlerOf(aggregates['land-quota']),
      // Leading-group meetings and their 交办 items (R20)
      meeting: handlerOf(aggregates.meeting),
      // advisors (招商顾问, R21 · 002 §八)
      advisor: handlerOf(aggregates.advisor),
    };
  }

  /** Handles one command; tracked so that shutdown lets it finish. */
  execute(command: AnyCommand, context: CommandContext): Promise<CommandResult> {
    const run = this.run(command, context);
    this.inFlight.add(run);
    const untrack = () => this.inFlight.delete(run);
    run.then(untrack, untrack);
    return run;
  }

  /** Commands still running. */
  get pending(): number {
    return this.inFlight.size;
  }

  /** Whether shutdown has begun (readiness reports it). */
  get isClosing(): boolean {
    return this.closing;
  }

  /** Graceful shutdown: wait for every command in flight before the store closes. */
  async drain(): Promise<void> {
    this.closing = true;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }

  /** A project's state folded from its stream (for the checks that read another project). */
  private projectState(projectId: ProjectId): Promise<ProjectState> {
    return foldStream(this.store, aggregates.project, projectStream(projectId));
  }

  /**
   * What one project's decider cannot see: a duplicate link is checked against the project it
   * names (R13 · 004 §(十六)), so that a link that would count the project zero times is refused
   * here; links made concurrently are resolved in the counting (countedMembers).
   */
  private async precheck(link: AnyCommand): Promise<void> {
    if (link.type !== 'LinkDuplicate' || link.canonicalProjectId === link.projectId) return; // self-links: the decider's own refusal
    const [own, canonical] = await Promise.all([
      this.projectState(link.projectId),
      this.projectState(link.canonicalProjectId),
    ]);
    const check = requireLinkableCanonical(link, own, canonical);
    if (E.isLeft(check)) throw new DomainRefusal(check.left);
  }

  /**
   * Advisors (R21 · 002 §八): what an advisor's stream cannot see is read from the project it names —
   * an introduction's project is of the unit the command says (so unit scoping holds), a reward's
   * project was brought in by the agreement named (成功引进: signed, with that id on that day).
   */
  private async precheckAdvisorProject(command: AnyCommand): Promise<void> {
    if (command.type !== 'CreditIntroduction' && command.type !== 'RewardAdvisor') return;
    const check = requireAdvisorProject(command, await this.projectState(command.projectId));
    if (E.isLeft(check)) throw new DomainRefusal(check.left);
  }

  private async run(command: AnyCommand, ctx: CommandContext): Promise<CommandResult> {
    await this.precheck(command);
    await this.precheckAdvisorProject(command);
    const routed = aggregateOfCommand(command);
    const businessTime = ctx.businessTime ?? businessTimeOf(command);
    const result = await this.handle(routed, { ...ctx, businessTime });
    // An adopted schedule is in force for this instance's next command (others read it on their next watcher pass).
    if (routed.aggregate === 'working-calendar' && result.events.length > 0) await this.calendar.refresh();
    return result;
  }

  /** A command on its aggregate's handler: the registry's entry and the handler share the command's types. */
  private handle<N extends AggregateName>(
    routed: AggregateCommand<N>,
    ctx: TimedContext,
  ): Promise<CommandResult> {
    return this.decideAndAppend(
      aggregates[routed.aggregate],
      this.handlers[routed.aggregate],
      routed.command,
      ctx,
    );
  }

  private async decideAndAppend<C extends AnyCommandShape, Ev extends DomainEvent, S>(
    aggregate: Aggregate<C, Ev, S>,
    handle: HandlerOf<C, Ev, S>,
    command: C,
    ctx: TimedContext,
  ): Promise<CommandResult> {
    const streamName = aggregate.streamOf(command);
    const outcome = await handle(
      streamName,
      command,
      {
        commandId: ctx.commandId,
        correlationId: ctx.correlationId,
        causationId: ctx.causationId,
        actor: { userId: ctx.actor.userId, role: ctx.actor.role, unitId: ctx.actor.unitId },
        businessTime: ctx.businessTime,
      },
      {
        ...(ctx.expectedRevision !== undefined ? { expectedRevision: ctx.expectedRevision } : {}),
        // Unit scoping: an officer acts only on their own unit's streams (checked before any rule).
        ...(UNIT_SCOPED_ROLES.has(ctx.actor.role)
          ? {
              authorize: (state: S): ForbiddenError | undefined => {
                const unit = aggregate.unitOf(state, command);
                return unit !== undefined && unit !== ctx.actor.unitId
                  ? new ForbiddenError('OUTSIDE_UNIT', { unitId: unit, actorUnitId: ctx.actor.unitId })
                  : undefined;
              },
            }
          : {}),
      },
    );
    if (E.isLeft(outcome)) {
      const refused = outcome.left;
      if (refused instanceof ForbiddenError) throw refused;
      if (isStoreAnswer(refused)) {
        throw new RevisionConflict(streamName, String(refused.params.expected), refused.params.actual);
      }
      throw new DomainRefusal(refused);
    }
    const { appended } = outcome.right;
    if (appended === undefined) {
      // Already satisfied: nothing appended, the stream stays where it is.
      return {
        commandId: ctx.commandId,
        streamName,
        revision: outcome.right.nextExpectedRevision,
        position: (outcome.right.position ?? 0n).toString(),
        events: [],
        duplicate: false,
      };
    }
    if (!appended.duplicate) this.eventBus.publishAll(appended.events.map((e) => new DomainEventOccurred(e)));
    return {
      commandId: ctx.commandId,
      streamName,
      revision: appended.nextExpectedRevision,
      position: appended.position.toString(),
      events: appended.events.map(eventSummary),
      duplicate: appended.duplicate,
    };
  }
}

/**
 * DOMAIN.md §5: no fact is dated after the day it is recorded. Before the rules, every command's
 * fact dates (the domain knows which fields: `requireNotAfter`) are checked against the server's
 * today in Asia/Shanghai — the only today there is: no caller can name another (a refusal is a 422
 * DATE_IN_FUTURE). Checked after the unit scope and a repeated command id, like any rule.
 */
const notAfterToday = <C extends AnyCommandShape, Ev extends DomainEvent, S>(
  aggregate: Aggregate<C, Ev, S>,
  decider: Decider<C, Ev, S, DomainError>,
  clock: Clock,
): Decider<C, Ev, S, DomainError> => ({
  ...decider,
  decide: (command, state) => {
    const checked = requireFactsNotAfter(date(clock.today()))(aggregate.factDatesOf(command));
    return E.isLeft(checked) ? checked : decider.decide(command, state);
  },
});

/** The handler's own refusals (a revision the caller did not expect, or conflicts on every attempt). */
const isStoreAnswer = (
  refused: DomainError | ConcurrencyConflict | RevisionMismatch,
): refused is ConcurrencyConflict | RevisionMismatch =>
  refused.code === 'WRONG_EXPECTED_REVISION' || refused.code === 'CONCURRENCY_CONFLICT';

const eventSummary = (e: StoredEvent): CommandResult['events'][number] => ({
  type: e.type,
  revision: e.revision,
  position: e.globalPosition.toString(),
});
