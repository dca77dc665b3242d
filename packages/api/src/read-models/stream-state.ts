import { isEventStoreError, type EventStore, type StoredEvent } from '@zhaoshang/eventstore';
import type { AggregateSpec } from '../command-handling/aggregates';

/** Every event of a stream, or none when the stream does not exist. */
export const readStreamOrEmpty = async (
  store: EventStore,
  streamName: string,
): Promise<ReadonlyArray<StoredEvent>> => {
  try {
    return await store.readStream(streamName);
  } catch (error) {
    if (isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND') return [];
    throw error;
  }
};

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
