import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import * as E from 'fp-ts/Either';
import {
  isEventStoreError,
  WrongExpectedRevisionError,
  type EventStore,
  type StoredEvent,
  type CurrentRevision,
} from '@zhaoshang/eventstore';
import { DomainRefusal, ForbiddenError, RevisionConflict } from '../errors/api-errors';
import { UNIT_SCOPED_ROLES, type Principal } from '../auth/roles';
import { EVENT_STORE } from '../tokens';
import { aggregateOf, type DomainCommand } from './aggregates';
import { DomainEventOccurred } from './domain-event-occurred';

/** The context of one command: who, which request, and what the caller expects of the stream. */
export interface CommandContext {
  readonly actor: Principal;
  /** Idempotency-Key, or a fresh uuid: a repeated command id appends nothing and answers as the first time. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** ISO 8601 business time of the command. */
  readonly businessTime: string;
  /** If-Match: the stream revision the caller saw; a different one is a 409. */
  readonly expectedRevision?: CurrentRevision;
}

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

const MAX_ATTEMPTS = 3;

/**
 * Read, fold, decide, append with the expected revision, publish. Written here rather than with
 * the store's `commandHandler` because the API needs two things it does not do: answering a
 * repeated command id with the *first* answer (found in the stream's metadata, so it survives
 * restarts), and the caller's own expected revision (If-Match → 409). A conflict without If-Match
 * is re-decided on the new state up to 3 attempts (decide is pure; time and ids are in the command).
 */
@Injectable()
export class CommandGateway implements OnApplicationShutdown {
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EventBus) private readonly eventBus: EventBus,
  ) {}

  /** Handles one command; tracked so that shutdown lets it finish. */
  execute(command: DomainCommand, context: CommandContext): Promise<CommandResult> {
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

  private async run(command: DomainCommand, ctx: CommandContext): Promise<CommandResult> {
    const spec = aggregateOf(command.type);
    const streamName = spec.streamOf(command);
    for (let attempt = 1; ; attempt += 1) {
      const history = await this.read(streamName);
      const earlier = history.filter((e) => e.metadata.commandId === ctx.commandId);
      if (earlier.length > 0) return this.result(ctx.commandId, streamName, earlier, earlier, true);

      let state = spec.decider.initialState;
      for (const e of history) state = spec.decider.evolve(state, spec.read(e));
      const current: CurrentRevision = history[history.length - 1]?.revision ?? 'no-stream';

      // Unit scoping: an officer acts only on their own unit's streams (checked before any rule).
      if (UNIT_SCOPED_ROLES.has(ctx.actor.role)) {
        const unit = spec.unitOf(state, command);
        if (unit !== undefined && unit !== ctx.actor.unitId) {
          throw new ForbiddenError('OUTSIDE_UNIT', { unitId: unit, actorUnitId: ctx.actor.unitId });
        }
      }
      if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== current) {
        throw new RevisionConflict(streamName, String(ctx.expectedRevision), current);
      }

      const decided = spec.decider.decide(command, state);
      if (E.isLeft(decided)) throw new DomainRefusal(decided.left);
      if (decided.right.length === 0) return this.result(ctx.commandId, streamName, history, [], false);

      try {
        const appended = await this.store.append(
          streamName,
          decided.right.map((e) => ({ type: e.type, data: e.data, schemaVersion: spec.versionOf(e.type) })),
          {
            expectedRevision: current,
            context: {
              commandId: ctx.commandId,
              correlationId: ctx.correlationId,
              causationId: ctx.causationId,
              actor: { userId: ctx.actor.userId, role: ctx.actor.role, unitId: ctx.actor.unitId },
              businessTime: ctx.businessTime,
            },
          },
        );
        if (!appended.duplicate)
          this.eventBus.publishAll(appended.events.map((e) => new DomainEventOccurred(e)));
        return this.result(ctx.commandId, streamName, appended.events, appended.events, appended.duplicate);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (ctx.expectedRevision !== undefined || attempt >= MAX_ATTEMPTS) {
          throw new RevisionConflict(streamName, String(ctx.expectedRevision ?? current), error.actual);
        }
      }
    }
  }

  private async read(streamName: string): Promise<ReadonlyArray<StoredEvent>> {
    try {
      return await this.store.readStream(streamName);
    } catch (error) {
      if (isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND') return [];
      throw error;
    }
  }

  private result(
    commandId: string,
    streamName: string,
    history: ReadonlyArray<StoredEvent>,
    events: ReadonlyArray<StoredEvent>,
    duplicate: boolean,
  ): CommandResult {
    const last = history[history.length - 1];
    return {
      commandId,
      streamName,
      revision: last?.revision ?? 'no-stream',
      position: (last?.globalPosition ?? 0n).toString(),
      events: events.map((e) => ({
        type: e.type,
        revision: e.revision,
        position: e.globalPosition.toString(),
      })),
      duplicate,
    };
  }
}
