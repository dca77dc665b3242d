import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import { isEventStoreError, WrongExpectedRevisionError } from './errors';
import type {
  AppendContext,
  AppendResult,
  CurrentRevision,
  EventStore,
  GlobalPosition,
  NewEvent,
  StoredEvent,
  StreamName,
} from './port';
import { StreamStateCache, type FoldedStream } from './stream-state-cache';

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
  readonly params: {
    readonly streamName: StreamName;
    readonly attempts: number;
    /** The revision the last attempt was decided on. */
    readonly expected: CurrentRevision;
    /** The stream's revision when the last attempt was turned down. */
    readonly actual: CurrentRevision;
  };
}

/** Returned (as `Left`) when the caller's `expectedRevision` is not the stream's revision. */
export interface RevisionMismatch {
  readonly code: 'WRONG_EXPECTED_REVISION';
  readonly params: {
    readonly streamName: StreamName;
    readonly expected: CurrentRevision;
    readonly actual: CurrentRevision;
  };
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
  /**
   * Keep the folded state of this many recently used streams (default 0: read and fold the whole
   * stream for every command). With a cache, a command on a known stream is decided on the cached
   * state and appended with the cached revision as expected revision, so the store confirms that
   * nothing changed in between; a stream it does not know is first tried as a new stream (a
   * create, the usual case, then needs no read). Only a successful append is answered without a
   * read: a refusal, a no-op, a denial, a revision mismatch or a conflict on cached (or assumed)
   * state reads the stream and decides again before answering. States must be immutable values
   * (deciders are pure): the cache hands the same state to every later command.
   */
  readonly cachedStreams?: number;
}

/** Options of one command. */
export interface HandleOptions<S, Denied> {
  /**
   * The revision the caller saw (e.g. an HTTP If-Match): on any other revision the command is not
   * decided, and a conflict is not retried; both answer `Left(WRONG_EXPECTED_REVISION)`.
   */
  readonly expectedRevision?: CurrentRevision;
  /**
   * Checked on the current state before the expected revision and before deciding, e.g. whether
   * the caller may act on this aggregate; a returned value is answered as `Left`.
   */
  readonly authorize?: (state: S) => Denied | undefined;
}

/** What a handled command did. */
export interface CommandOutcome<S, Ev> {
  /** State after the command (including events appended by an original run of a repeated command). */
  readonly state: S;
  /** Events decided by this run; `[]` when the command was already satisfied or is a repeat. */
  readonly newEvents: ReadonlyArray<Ev>;
  /**
   * What was appended; `undefined` when nothing had to be. For a repeated command id
   * (`duplicate: true`) it is the *first* answer: the events that command appended then, even if
   * the stream moved on since and deciding it again would now be refused.
   */
  readonly appended: AppendResult | undefined;
  /** The stream's revision after the command. */
  readonly nextExpectedRevision: CurrentRevision;
  /** Global position of the stream's last event after the command (undefined: no event yet). */
  readonly position: GlobalPosition | undefined;
  /** Whether the aggregate reached a terminal state. */
  readonly terminal: boolean;
  /** Attempts it took (1 without conflict). */
  readonly attempts: number;
}

/**
 * Handles one command against one stream: `(streamName, command, context, options?) => outcome`.
 * `Left` carries the decider's refusal, the `authorize` denial, a `RevisionMismatch` (only with
 * `options.expectedRevision`) or a `ConcurrencyConflict`.
 */
export type CommandHandler<C, S, Ev, Err> = <Denied = never>(
  streamName: StreamName,
  command: C,
  context: AppendContext,
  options?: HandleOptions<S, Denied>,
) => Promise<Either<Err | Denied | ConcurrencyConflict | RevisionMismatch, CommandOutcome<S, Ev>>>;

/** What a command is decided on: read from the store now (`history` set) or cached/assumed. */
interface View<S> extends FoldedStream<S> {
  /** The whole stream as just read; absent when the view was not read, i.e. not confirmed. */
  readonly history?: ReadonlyArray<StoredEvent>;
}

/**
 * Read, fold, decide, append with the expected revision; on a conflict re-read and re-decide, up to
 * `maxAttempts`. A command id already stored on the stream (a retried request) is answered with
 * the first answer before anything is decided, so a retry is never refused nor counted twice.
 * Business refusals, denials and the final conflict come back as `Left`; a broken store rejects the
 * Promise (STORE_UNAVAILABLE), since no caller can act on it but by retrying later.
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
  const cache =
    (options.cachedStreams ?? 0) > 0 ? new StreamStateCache<S>(options.cachedStreams ?? 0) : undefined;
  const assumedNew: View<S> = { state: decider.initialState, revision: 'no-stream', position: undefined };

  const load = async (streamName: StreamName): Promise<View<S> & { history: ReadonlyArray<StoredEvent> }> => {
    let history: ReadonlyArray<StoredEvent>;
    try {
      history = await store.readStream(streamName);
    } catch (error) {
      if (isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND')
        return { ...assumedNew, history: [] };
      throw error;
    }
    let state = decider.initialState;
    for (const e of history) state = decider.evolve(state, decode(e));
    const last = history[history.length - 1];
    const revision: CurrentRevision = last?.revision ?? 'no-stream';
    const view = { state, revision, position: last?.globalPosition, history };
    cache?.remember(streamName, { state, revision: view.revision, position: view.position });
    return view;
  };

  const outcome = (
    view: FoldedStream<S>,
    fields: Pick<CommandOutcome<S, Ev>, 'newEvents' | 'appended' | 'attempts'>,
  ): CommandOutcome<S, Ev> => ({
    ...fields,
    state: view.state,
    nextExpectedRevision: view.revision,
    position: view.position,
    terminal: decider.isTerminal(view.state),
  });

  return async <Denied>(
    streamName: StreamName,
    command: C,
    context: AppendContext,
    callOptions: HandleOptions<S, Denied> = {},
  ): Promise<Either<Err | Denied | ConcurrencyConflict | RevisionMismatch, CommandOutcome<S, Ev>>> => {
    const { expectedRevision, authorize } = callOptions;
    let view: View<S> = cache === undefined ? await load(streamName) : (cache.get(streamName) ?? assumedNew);
    // Decisions made on state read from the store; one on cached state costs nothing if turned down.
    let attempts = 0;
    for (;;) {
      if (view.history !== undefined) {
        // A command id already stored here: the first answer, whatever deciding again would say.
        const earlier = view.history.filter((e) => e.metadata.commandId === context.commandId);
        const last = earlier[earlier.length - 1];
        if (last !== undefined) {
          const appended = {
            nextExpectedRevision: last.revision,
            position: last.globalPosition,
            events: earlier,
            duplicate: true,
          };
          return E.right(outcome(view, { newEvents: [], appended, attempts: Math.max(1, attempts) }));
        }
        attempts += 1;
      }
      const confirmed = view.history !== undefined;
      const denied = authorize?.(view.state);
      if (denied !== undefined) {
        if (!confirmed) {
          view = await load(streamName);
          continue;
        }
        return E.left(denied);
      }
      if (expectedRevision !== undefined && expectedRevision !== view.revision) {
        if (!confirmed) {
          view = await load(streamName);
          continue;
        }
        return E.left(mismatch(streamName, expectedRevision, view.revision));
      }
      const decided = decider.decide(command, view.state);
      if (E.isLeft(decided) || decided.right.length === 0) {
        if (!confirmed) {
          view = await load(streamName);
          continue;
        }
        if (E.isLeft(decided)) return decided;
        return E.right(outcome(view, { newEvents: [], appended: undefined, attempts }));
      }
      const newEvents = decided.right;
      let appended: AppendResult;
      try {
        appended = await store.append(streamName, newEvents.map(encode), {
          expectedRevision: view.revision,
          context,
        });
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (expectedRevision !== undefined)
          return E.left(mismatch(streamName, expectedRevision, error.actual));
        if (confirmed && attempts >= maxAttempts) {
          return E.left({
            code: 'CONCURRENCY_CONFLICT',
            params: { streamName, attempts, expected: view.revision, actual: error.actual },
          });
        }
        view = await load(streamName);
        continue;
      }
      const tried = confirmed ? attempts : attempts + 1;
      if (appended.duplicate) {
        // The store found the command id (a concurrent retry, or a repeat decided on cached state):
        // its answer is the first one; report the state the store holds now.
        return E.right(outcome(await load(streamName), { newEvents: [], appended, attempts: tried }));
      }
      // The stored events, decoded as a later read would: the state a read would fold.
      let state = view.state;
      for (const e of appended.events) state = decider.evolve(state, decode(e));
      const after = { state, revision: appended.nextExpectedRevision, position: appended.position };
      cache?.remember(streamName, after);
      return E.right(outcome(after, { newEvents, appended, attempts: tried }));
    }
  };
};

const mismatch = (
  streamName: StreamName,
  expected: CurrentRevision,
  actual: CurrentRevision,
): RevisionMismatch => ({ code: 'WRONG_EXPECTED_REVISION', params: { streamName, expected, actual } });
