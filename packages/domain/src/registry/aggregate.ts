import { isLeft, left, right, type Either } from 'fp-ts/Either';
import type * as t from 'io-ts';
import type { FactDates } from '../shared/business-date';
import type { BusinessDate } from '../shared/dates';
import { fold, type Decider } from '../shared/decider';
import type { DomainError } from '../shared/errors';
import type { AnyDefinition, DomainEvent } from '../shared/event-codec';
import type { UnitId } from '../shared/ids';
import { makeEventReader, type StoredEventData, type Upcaster, type UpcastError } from '../shared/upcasting';
import type { WorkingDayCalendar } from '../shared/working-days';

/** A command of some aggregate: a value discriminated by its `type`. */
export interface AnyCommandShape {
  readonly type: string;
}

/** The io-ts codec of each command of an aggregate, by command type. */
export type CommandCodecs<C extends AnyCommandShape> = {
  readonly [T in C['type']]: t.Type<Extract<C, { readonly type: T }>, unknown, unknown>;
};

/**
 * Everything the rest of the system needs to know about one aggregate, in one place: how its
 * streams are named, how its commands are decoded, routed, dated and scoped to a unit, how its
 * stored events are read back (decoded and upcast) and which schema version they are written with.
 * The api (command handling, business time), the projections (which streams, how to decode) and
 * the audit (reading history) derive all of it from here.
 */
export interface Aggregate<C extends AnyCommandShape, E extends DomainEvent, S> {
  /** Its name, also the category of its streams (`project`, `target-plan`, …). */
  readonly name: string;
  /** Every stream of the aggregate, and no other, begins with it (`project-<id>`). */
  readonly streamPrefix: string;
  /** The stream a command addresses. */
  readonly streamOf: (command: C) => string;
  /** The codec of each of its commands, by type (requests are decoded with them). */
  readonly commands: CommandCodecs<C>;
  /** The definition of each of its event types (codec, current schema version, labels, rules). */
  readonly events: Readonly<Record<E['type'], AnyDefinition>>;
  /** The decider on the packaged working-day calendar. */
  readonly decider: Decider<C, E, S, DomainError>;
  /** The decider counting working days on a given calendar (R7; only the project counts them). */
  readonly deciderOn: (calendar: WorkingDayCalendar) => Decider<C, E, S, DomainError>;
  /** A stored event of any schema version of this aggregate, upcast to the current one and decoded. */
  readonly readEvent: (stored: StoredEventData) => Either<UpcastError, E>;
  /** The current schema version of an event type: the version an event is stored with. */
  readonly versionOf: (eventType: E['type']) => number;
  /** The upcasters from older schema versions of its events (none where no version was ever replaced). */
  readonly upcasters: ReadonlyArray<Upcaster>;
  /**
   * The unit a command acts for on a state (for a new stream, the command's unit): a unit-scoped
   * role acts only on its own unit's streams. `undefined` for aggregates no unit owns.
   */
  readonly unitOf: (state: S, command: C) => UnitId | undefined;
  /** The dates a command states as facts, its business date first (DOMAIN.md §5). */
  readonly factDatesOf: (command: C) => FactDates;
  /** The business date of a command: the day of the fact it records (DOMAIN.md §5). */
  readonly businessDateOf: (command: C) => BusinessDate;
}

/** What an aggregate's folder gives the registry; the rest is derived (`defineAggregate`). */
export type AggregateDefinition<C extends AnyCommandShape, E extends DomainEvent, S> = Pick<
  Aggregate<C, E, S>,
  'name' | 'streamPrefix' | 'streamOf' | 'commands' | 'events' | 'decider' | 'unitOf' | 'factDatesOf'
> &
  Partial<Pick<Aggregate<C, E, S>, 'deciderOn' | 'upcasters'>>;

/**
 * An aggregate from its definition: `readEvent` reads through the event catalogue and upcasters,
 * `versionOf` is the catalogue's version, `businessDateOf` the first fact date.
 */
export const defineAggregate = <C extends AnyCommandShape, E extends DomainEvent, S>(
  definition: AggregateDefinition<C, E, S>,
): Aggregate<C, E, S> => {
  const { events, upcasters = [], decider, deciderOn, factDatesOf, ...rest } = definition;
  return {
    ...rest,
    events,
    decider,
    deciderOn: deciderOn ?? (() => decider),
    readEvent: makeEventReader<E>(events, upcasters),
    versionOf: (eventType) => events[eventType].version,
    upcasters,
    factDatesOf,
    businessDateOf: (command) => factDatesOf(command)[0].date,
  };
};

/** Why a stored event could not be folded: the reader's error and the event's index in what was given. */
export type FoldError = UpcastError & { readonly index: number };

/**
 * The state of one aggregate instance from its stored events of any schema version (read with
 * `readEvent`, folded with the decider from `from`, by default its initial state): the one fold
 * that command handling, queries and the audit use. `Left` names the first event that cannot be read.
 */
export const foldStored = <C extends AnyCommandShape, E extends DomainEvent, S>(
  aggregate: Aggregate<C, E, S>,
  stored: Iterable<StoredEventData>,
  from: S = aggregate.decider.initialState,
): Either<FoldError, S> => {
  const events: E[] = [];
  let index = 0;
  for (const e of stored) {
    const read = aggregate.readEvent(e);
    if (isLeft(read)) return left({ ...read.left, index });
    events.push(read.right);
    index += 1;
  }
  return right(fold(aggregate.decider, events, from));
};
