/** Compile-time exhaustiveness: a switch that misses a case fails to compile at the call. */
export const assertNever = (x: never): never => {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
};
