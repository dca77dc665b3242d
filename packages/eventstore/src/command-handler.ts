import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import { isEventStoreError, WrongExpectedRevisionError } from './errors';
import type {
  AppendContext,
  AppendResult,
  CurrentRevision,
  EventStore,
  NewEvent,
  StoredEvent,
  StreamName,
} from './port';

/**
 * The decider shape, structurally the same as `Decider` of @zhaoshang/domain (same parameter
 * order), declared here so that the store never waits on the domain package: any domain decider is
 * assignable to it.
 */
export interface Decider<C, Ev, S, Err> {
  readonly initialState: S;
  readonly evolve: (state: S, event: Ev) => S;
  readonly decide: (command: C, state: S) => Either<Err, ReadonlyArray<Ev>>;
  readonly isTerminal: (state: S) => boolean;
}

/** A domain event as deciders see it: a type and plain JSON data. */
export interface DomainEventShape {
  readonly type: string;
  readonly data: unknown;
}

/** Returned (as `Left`) when the stream kept changing under us for every attempt. */
export interface ConcurrencyConflict {
  readonly code: 'CONCURRENCY_CONFLICT';
  readonly params: { readonly streamName: StreamName; readonly attempts: number };
}

/** How the handler maps events and how hard it tries. */
export interface CommandHandlerOptions<Ev extends DomainEventShape> {
  /**
   * Attempts in all (the first try and the re-decisions after a conflict). Default 3: a conflict
   * means another officer changed the same aggregate a moment ago; re-deciding on the new state is
   * safe (decide is pure, time and ids travel in the command) but an aggregate under constant fire
   * should answer "try again" rather than spin.
   */
  readonly maxAttempts?: number;
  /** Stored event to decider event: decode and upcast by `metadata.schemaVersion`. Default `{ type, data }` as stored. */
  readonly decode?: (event: StoredEvent) => Ev;
  /** Decider event to stored event. Default `{ type, data }`. */
  readonly encode?: (event: Ev) => NewEvent;
}

/** What a handled command did. */
export interface CommandOutcome<S, Ev> {
  /** State after the command (including events appended by an original run of a repeated command). */
  readonly state: S;
  /** Events decided by this run; `[]` when the command was already satisfied. */
  readonly newEvents: ReadonlyArray<Ev>;
  /** The store's answer; `undefined` when nothing had to be appended. `duplicate` marks a repeated command id. */
  readonly appended: AppendResult | undefined;
  /** The stream's revision after the command. */
  readonly nextExpectedRevision: CurrentRevision;
  /** Whether the aggregate reached a terminal state. */
  readonly terminal: boolean;
  /** Attempts it took (1 without conflict). */
  readonly attempts: number;
}

/** Handles one command against one stream: `(streamName, command, context) => outcome`. */
export type CommandHandler<C, S, Ev, Err> = (
  streamName: StreamName,
  command: C,
  context: AppendContext,
) => Promise<Either<Err | ConcurrencyConflict, CommandOutcome<S, Ev>>>;

/**
 * Read, fold, decide, append with the expected revision; on a conflict re-read and re-decide, up to
 * `maxAttempts`. Business refusals and the final conflict come back as `Left`; a broken store
 * rejects the Promise (STORE_UNAVAILABLE), since no caller can act on it but by retrying later.
 */
export const commandHandler = <C, Ev extends DomainEventShape, S, Err>(
  store: EventStore,
  decider: Decider<C, Ev, S, Err>,
  options: CommandHandlerOptions<NoInfer<Ev>> = {},
): CommandHandler<C, S, Ev, Err> => {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  // Without a codec the stored {type, data} is taken as the decider's event: it was written from one.
  const decode =
    options.decode ?? ((e: StoredEvent): Ev => ({ type: e.type, data: e.data }) as unknown as Ev);
  const encode = options.encode ?? ((e: Ev): NewEvent => ({ type: e.type, data: e.data }));

  const load = async (streamName: StreamName): Promise<{ state: S; revision: CurrentRevision }> => {
    let history: ReadonlyArray<StoredEvent>;
    try {
      history = await store.readStream(streamName);
    } catch (error) {
      if (isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND')
        return { state: decider.initialState, revision: 'no-stream' };
      throw error;
    }
    let state = decider.initialState;
    for (const e of history) state = decider.evolve(state, decode(e));
    return { state, revision: history[history.length - 1]?.revision ?? 'no-stream' };
  };

  return async (streamName, command, context) => {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const { state, revision } = await load(streamName);
      const decided = decider.decide(command, state);
      if (E.isLeft(decided)) return decided;
      const newEvents = decided.right;
      if (newEvents.length === 0) {
        return E.right({
          state,
          newEvents,
          appended: undefined,
          nextExpectedRevision: revision,
          terminal: decider.isTerminal(state),
          attempts: attempt,
        });
      }
      let appended: AppendResult;
      try {
        appended = await store.append(streamName, newEvents.map(encode), {
          expectedRevision: revision,
          context,
        });
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) continue;
        throw error;
      }
      if (appended.duplicate) {
        // A repeated command id appended nothing now: report the state the store holds.
        const current = await load(streamName);
        return E.right({
          state: current.state,
          newEvents: [],
          appended,
          nextExpectedRevision: current.revision,
          terminal: decider.isTerminal(current.state),
          attempts: attempt,
        });
      }
      const after = newEvents.reduce(decider.evolve, state);
      return E.right({
        state: after,
        newEvents,
        appended,
        nextExpectedRevision: appended.nextExpectedRevision,
        terminal: decider.isTerminal(after),
        attempts: attempt,
      });
    }
    return E.left({ code: 'CONCURRENCY_CONFLICT', params: { streamName, attempts: maxAttempts } });
  };
};
