import type {
  EventStore,
  EventStoreIdentity,
  EventStoreIdentitySource,
  GlobalPosition,
  StoredEvent,
} from '@zhaoshang/eventstore';

/**
 * What the runner needs of an event store, and the two seams of issue #12 it codes against: the
 * port's optional `EventStoreIdentitySource` and its exclusive `readAll({ after })`.
 */
export type { EventStoreIdentity, EventStoreIdentitySource };

/** The event store as the runner uses it: reads and subscriptions, and its identity when it has one. */
export type RunnerEventSource = Pick<EventStore, 'readAll' | 'subscribeToAll'> &
  Partial<EventStoreIdentitySource>;

/**
 * Up to `maxCount` events strictly after `after` (from the start when undefined), in $all order.
 * No position arithmetic: `after` is a position the store gave us (a checkpoint), passed to the
 * port as its exclusive bound.
 */
export const readAfter = (
  events: Pick<EventStore, 'readAll'>,
  after: GlobalPosition | undefined,
  maxCount: number,
): Promise<ReadonlyArray<StoredEvent>> =>
  events.readAll(after === undefined ? { maxCount } : { after, maxCount });

/** The last event of the store, or undefined when it is empty. */
export const lastEvent = async (events: Pick<EventStore, 'readAll'>): Promise<StoredEvent | undefined> => {
  const [last] = await events.readAll({ direction: 'backwards', maxCount: 1 });
  return last;
};

/** Whether two identities name the same store: same id, and the same first event once both have one. */
export const sameStore = (a: EventStoreIdentity, b: EventStoreIdentity): boolean =>
  a.storeId === b.storeId &&
  (a.firstEventHash === null || b.firstEventHash === null || a.firstEventHash === b.firstEventHash);
