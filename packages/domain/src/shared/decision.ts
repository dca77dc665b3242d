import * as E from 'fp-ts/Either';

/** Runs a decider's checks in order; the first refusal wins (every aggregate's rules compose this way). */
export const all = <L>(...checks: ReadonlyArray<() => E.Either<L, unknown>>): E.Either<L, void> => {
  for (const check of checks) {
    const r = check();
    if (E.isLeft(r)) return r;
  }
  return E.right(undefined);
};

/** Deep equality for plain JSON data (repeats of a command carry equal data). */
export const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A command's fields without its `type`: most events record exactly what the command said. */
export const withoutType = <C extends { readonly type: string }>(c: C): Omit<C, 'type'> => {
  const { type: _type, ...rest } = c;
  return rest;
};
