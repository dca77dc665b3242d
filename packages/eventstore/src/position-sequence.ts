import { MAX_GLOBAL_POSITION, type GlobalPosition } from './port';

/**
 * How a store hands out global positions: the first one and the one after a given one. Only a
 * store's writer (and its own verifier, which checks that no position was skipped) uses it; for
 * everyone else positions are opaque. This is the one file of the package where a position is
 * computed from another (the no-arithmetic test in `position-model.unit.spec.ts` allows it alone).
 */
export interface PositionSequence {
  /** What the sequence is called, as recorded in the store (`dense`, `sparse`). */
  readonly name: PositionSequenceName;
  readonly first: GlobalPosition;
  /** The position after `position`; throws when the sequence would leave [0, 2^63). */
  next(position: GlobalPosition): GlobalPosition;
}

export type PositionSequenceName = 'dense' | 'sparse';

/** 1, 2, 3, …: the embedded store's default. */
export const densePositions: PositionSequence = {
  name: 'dense',
  first: 1n,
  next: (position) => checked(position + 1n),
};

/**
 * Sparse, large positions as a server gives them (EventStoreDB positions are byte offsets of its
 * log): the first one is beyond 2^53 (past what a JavaScript number holds exactly, and a 24-digit
 * text would not sort it) and every step is an irregular gap of 1 to 4096, deterministic so that
 * the store's verifier can still tell a missing event from a gap. For tests: a store run this way
 * shows any caller that adds to, subtracts from, or compares positions as text or numbers. It
 * stays below 2^63 for 2^51 events: far beyond 10^24 is impossible in a signed 64-bit column, so
 * no store of this project gives out such positions (see docs/eventstore.md "Positions").
 */
export const sparsePositions: PositionSequence = {
  name: 'sparse',
  first: 2n ** 53n + 12_345n,
  next: (position) => checked(position + 1n + ((position * 2_654_435_761n) % 4_096n)),
};

export const positionSequence = (name: PositionSequenceName): PositionSequence =>
  name === 'dense' ? densePositions : sparsePositions;

const checked = (position: GlobalPosition): GlobalPosition => {
  if (position > MAX_GLOBAL_POSITION) throw new RangeError('global positions exhausted (2^63)');
  return position;
};
