import type { Either } from 'fp-ts/Either';
import type * as t from 'io-ts';
import type { FactDates } from '../shared/business-date';
import type { BusinessDate } from '../shared/dates';
import type { Decider } from '../shared/decider';
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
export interface AggregateDefinition<C extends AnyCommandShape, E extends DomainEvent, S> {
  readonly name: string;
  readonly streamPrefix: string;
  readonly streamOf: (command: C) => string;
  readonly commands: CommandCodecs<C>;
  readonly events: Readonly<Record<E['type'], AnyDefinition>>;
  readonly upcasters?: ReadonlyArray<Upcaster>;
  readonly decider: Decider<C, E, S, DomainError>;
  readonly deciderOn?: (calendar: WorkingDayCalendar) => Decider<C, E, S, DomainError>;
  readonly unitOf: (state: S, command: C) => UnitId | undefined;
  readonly factDatesOf: (command: C) => FactDates;
}

/**
 * An aggregate from its definition: `readEvent` reads through the event catalogue and upcasters,
 * `versionOf` is the catalogue's version, `businessDateOf` the first fact date.
 */
export const defineAggregate = <C extends AnyCommandShape, E extends DomainEvent, S>(
  definition: AggregateDefinition<C, E, S>,
): Aggregate<C, E, S> => {
  const { events, upcasters = [], decider, deciderOn, factDatesOf, ...rest } = definition;
  const eventDefinitions: Readonly<Record<E['type'], AnyDefinition>> = events;
  return {
    ...rest,
    decider,
    deciderOn: deciderOn ?? (() => decider),
    readEvent: makeEventReader<E>(events, upcasters),
    versionOf: (eventType) => eventDefinitions[eventType].version,
    upcasters,
    factDatesOf,
    businessDateOf: (command) => factDatesOf(command)[0].date,
  };
};
