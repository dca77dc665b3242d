import type { CurrentRevision, ExpectedRevision } from './port';

/** Turns a bigint exact revision into a number (revisions stay far below 2^53); checks the value. */
export const normaliseExpectedRevision = (expected: ExpectedRevision): ExpectedRevision => {
  if (typeof expected === 'bigint') {
    if (expected < 0n || expected > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`expected revision out of range: ${expected.toString()}`);
    }
    return Number(expected);
  }
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new RangeError(`expected revision must be a non-negative integer: ${expected}`);
  }
  return expected;
};

/** True when a stream at `actual` satisfies `expected`. */
export const satisfiesExpectedRevision = (expected: ExpectedRevision, actual: CurrentRevision): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === 'no-stream';
    case 'stream-exists':
      return actual !== 'no-stream';
    default:
      return actual !== 'no-stream' && BigInt(actual) === BigInt(expected);
  }
};
