import * as E from 'fp-ts/Either';
import type { Decider } from '../shared/decider';
import type { DomainError } from '../shared/errors';

/**
 * Given/when/then for deciders, usable with any test runner that has `expect` (jest, vitest):
 *
 *   spec(projectDecider).given([leadCaptured]).when(signAgreement).thenFails('ADMISSION_REQUIRED');
 *
 * `then` also checks that `evolve` accepts every emitted event (evolve is total).
 */
export interface DeciderSpecification<C, E, S> {
  given: (events: ReadonlyArray<E>) => {
    when: (command: C) => {
      then: (expected: ReadonlyArray<E>) => void;
      /**
       * The command emits as many events as `expected`, each matching its partial description
       * (jest's toMatchObject); returns them for further assertions.
       */
      thenMatches: (expected: ReadonlyArray<object>) => ReadonlyArray<E>;
      thenFails: (code: string, params?: Readonly<Record<string, unknown>>) => DomainError;
      thenNothingHappens: () => void;
      /** The raw outcome, for assertions the helpers above do not cover. */
      outcome: () => E.Either<DomainError, ReadonlyArray<E>>;
      /** The state after the emitted events (fails if the command was refused). */
      thenState: () => S;
    };
  };
}

type Expect = (actual: unknown) => {
  toEqual: (expected: unknown) => void;
  toMatchObject: (expected: object) => void;
};

/** Builds a specification for a decider; pass jest's `expect` (defaults to the global one). */
export const spec = <C, Ev, S>(
  decider: Decider<C, Ev, S, DomainError>,
  expectFn: Expect = (globalThis as unknown as { expect: Expect }).expect,
): DeciderSpecification<C, Ev, S> => ({
  given: (events) => {
    const state = events.reduce(decider.evolve, decider.initialState);
    return {
      when: (command) => {
        const outcome = () => decider.decide(command, state);
        const emitted = (): ReadonlyArray<Ev> => {
          const result = outcome();
          if (E.isLeft(result)) {
            throw new Error(
              `expected events, got error ${result.left.code} ${JSON.stringify(result.left.params)}`,
            );
          }
          return result.right;
        };
        return {
          outcome,
          then: (expected) => {
            const events2 = emitted();
            expectFn(events2).toEqual(expected);
            events2.reduce(decider.evolve, state);
          },
          thenMatches: (expected) => {
            const events2 = emitted();
            expectFn(events2).toMatchObject(expected);
            events2.reduce(decider.evolve, state);
            return events2;
          },
          thenFails: (code, params) => {
            const result = outcome();
            if (E.isRight(result)) {
              throw new Error(
                `expected ${code}, but the command emitted ${result.right.map((e) => JSON.stringify(e)).join(', ') || 'nothing'}`,
              );
            }
            expectFn(result.left.code).toEqual(code);
            if (params !== undefined) expectFn(result.left.params).toMatchObject(params);
            return result.left;
          },
          thenNothingHappens: () => expectFn(emitted()).toEqual([]),
          thenState: () => emitted().reduce(decider.evolve, state),
        };
      },
    };
  },
});
