import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';
import type { Decider } from '../shared/decider';
import { same } from '../shared/decision';
import type { DomainError } from '../shared/errors';

/** What a run of commands through a decider broke of its laws, and what states it reached. */
export interface DeciderLawReport {
  readonly violations: ReadonlyArray<string>;
  readonly reached: ReadonlyArray<string>;
}

/**
 * Runs commands in turn through a decider and reports what breaks its laws (STYLE.md "Properties"):
 * every refusal has a code of the catalogue, every event emitted survives JSON and decodes to itself
 * with the aggregate's codec, `evolve` takes it, and the same command again emits nothing. `observe`
 * names what each state reached (statuses), so a property can check that its runs reach them all.
 */
export const deciderLawViolations = <C, Ev, S>(
  decider: Decider<C, Ev, S, DomainError>,
  codec: t.Decoder<unknown, Ev>,
  knownCodes: ReadonlyArray<string>,
  commands: ReadonlyArray<C>,
  observe: (state: S) => Iterable<string>,
): DeciderLawReport => {
  const violations: string[] = [];
  const reached = new Set<string>();
  let state = decider.initialState;
  for (const c of commands) {
    const r = decider.decide(c, state);
    if (E.isLeft(r)) {
      if (!knownCodes.includes(r.left.code)) violations.push(`unknown refusal ${r.left.code}`);
      continue;
    }
    for (const e of r.right) {
      const decoded = codec.decode(JSON.parse(JSON.stringify(e)));
      if (E.isLeft(decoded) || !same(decoded.right, e))
        violations.push(`does not decode: ${JSON.stringify(e)}`);
    }
    state = r.right.reduce(decider.evolve, state);
    for (const s of observe(state)) reached.add(s);
    if (r.right.length > 0) {
      const again = decider.decide(c, state);
      if (E.isLeft(again) || again.right.length > 0)
        violations.push(`a repeat is not harmless: ${JSON.stringify(c)}`);
    }
  }
  return { violations, reached: [...reached] };
};
