import { readStreamOrEmpty, type EventStore } from '@zhaoshang/eventstore';
import type { AggregateSpec } from '../command-handling/aggregates';

/**
 * The state of one aggregate folded from its own stream with the domain's decider: strongly
 * consistent (what the next command will be decided against), for the aggregates no read model lists.
 */
export const foldStream = async (
  store: EventStore,
  spec: AggregateSpec,
  streamName: string,
): Promise<unknown> => {
  const events = await readStreamOrEmpty(store, streamName);
  return events.reduce((state, e) => spec.decider.evolve(state, spec.read(e)), spec.decider.initialState);
};
