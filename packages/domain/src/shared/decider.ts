import type { Either } from 'fp-ts/Either';
import type { DomainError } from './errors';

/**
 * A decider (Chassaing): what an aggregate knows (State), what it is asked (Command), what it
 * records (Event). `evolve` is total and only records facts; `decide` returns the events a command
 * produces, `[]` when the command is already satisfied, or a typed error.
 */
export interface Decider<C, E, S, Err = DomainError> {
  readonly initialState: S;
  readonly evolve: (state: S, event: E) => S;
  readonly decide: (command: C, state: S) => Either<Err, ReadonlyArray<E>>;
  /** A terminal state accepts no further command (decide may still answer `[]` to a repeat). */
  readonly isTerminal: (state: S) => boolean;
  /**
   * Optional fast path for folding many events: must give exactly the state that reducing with
   * `evolve` gives (a property test checks it for the project decider).
   */
  readonly foldEvents?: (events: Iterable<E>, from: S) => S;
}

/** Folds events over a decider's initial state (or a given snapshot). */
export const fold = <C, E, S, Err>(
  decider: Decider<C, E, S, Err>,
  events: Iterable<E>,
  from: S = decider.initialState,
): S => {
  if (decider.foldEvents !== undefined) return decider.foldEvents(events, from);
  let s = from;
  for (const e of events) s = decider.evolve(s, e);
  return s;
};
