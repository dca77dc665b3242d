import { foldStored, type Aggregate, type AnyCommandShape, type DomainEvent } from '@zhaoshang/domain';
import { readStreamOrEmpty, type EventStore, type StoredEvent } from '@zhaoshang/eventstore';
import { storedEventData } from '@zhaoshang/projections';
import * as E from 'fp-ts/Either';

/** An event in an aggregate's stream that its reader refuses: the store holds what no code wrote. */
export class UnreadableEventError extends Error {
  constructor(streamName: string, revision: number, code: string) {
    super(`unreadable event ${streamName}@${revision}: ${code}`);
  }
}

/** A stored event of an aggregate read with the registry's `readEvent`; an unreadable one throws. */
export const readStored =
  <C extends AnyCommandShape, Ev extends DomainEvent, S>(aggregate: Aggregate<C, Ev, S>) =>
  (stored: StoredEvent): Ev => {
    const read = aggregate.readEvent(storedEventData(stored));
    if (E.isLeft(read)) throw new UnreadableEventError(stored.streamName, stored.revision, read.left.code);
    return read.right;
  };

/** The state of an aggregate instance folded from stored events (the registry's `foldStored`); an unreadable one throws. */
export const foldEvents = <C extends AnyCommandShape, Ev extends DomainEvent, S>(
  aggregate: Aggregate<C, Ev, S>,
  events: ReadonlyArray<StoredEvent>,
): S => {
  const folded = foldStored(aggregate, events.map(storedEventData));
  if (E.isLeft(folded)) {
    const e = events[folded.left.index];
    throw new UnreadableEventError(e?.streamName ?? '?', e?.revision ?? -1, folded.left.code);
  }
  return folded.right;
};

/**
 * The state of one aggregate folded from its own stream with the domain's decider: strongly
 * consistent (what the next command will be decided against), for the aggregates no read model lists.
 */
export const foldStream = async <C extends AnyCommandShape, Ev extends DomainEvent, S>(
  store: EventStore,
  aggregate: Aggregate<C, Ev, S>,
  streamName: string,
): Promise<S> => foldEvents(aggregate, await readStreamOrEmpty(store, streamName));
