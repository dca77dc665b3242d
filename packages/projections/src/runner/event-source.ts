import type { EventStore, GlobalPosition, StoredEvent } from '@zhaoshang/eventstore';

/**
 * What the runner needs of an event store, and the two seams of issue #12 it codes against.
 *
 * SEAM (issue #12, agreed in the split): the port gets `EventStoreIdentitySource` and
 * `readAll({ after })` (exclusive). Until packages/eventstore has them, the identity types are
 * declared here with the agreed shape (structural typing: an adapter that implements the port's
 * interface satisfies this one), and `readAfter` is the only place that reads "after a checkpoint".
 * Once the port has them (branch h-esdb): re-export the two identity types from
 * '@zhaoshang/eventstore' here, and make the body of `readAfter`
 * `events.readAll(after === undefined ? { maxCount } : { after, maxCount })`. Nothing else changes.
 */

/** Who an event store is: an id written once at its creation, and the hash of its first event. */
export interface EventStoreIdentity {
  readonly storeId: string;
  /** Hash of the first event in $all order; null while the store is empty. */
  readonly firstEventHash: string | null;
}

/** The optional capability of an event store to say who it is (issue #12 item 7). */
export interface EventStoreIdentitySource {
  identity(): Promise<EventStoreIdentity>;
}

/** The event store as the runner uses it: reads and subscriptions, and its identity when it has one. */
export type RunnerEventSource = Pick<EventStore, 'readAll' | 'subscribeToAll'> & Partial<EventStoreIdentitySource>;

/**
 * Up to `maxCount` events strictly after `after` (from the start when undefined), in $all order.
 * No position arithmetic: `after` is a position the store gave us (a checkpoint), used as an
 * exclusive bound.
 *
 * SEAM: with the port's exclusive `after` this is `readAll({ after, maxCount })`. Until then it asks
 * the inclusive `fromPosition` for the checkpoint itself and drops it (a comparison, no `+ 1n`):
 * a checkpoint is always the position of an event that exists, so the server accepts it.
 */
export const readAfter = async (
  events: Pick<EventStore, 'readAll'>,
  after: GlobalPosition | undefined,
  maxCount: number,
): Promise<ReadonlyArray<StoredEvent>> => {
  if (after === undefined) return events.readAll({ maxCount });
  const page = await events.readAll({ fromPosition: after, maxCount: maxCount + 1 });
  const rest = page.filter((e) => e.globalPosition > after);
  return rest.length > maxCount ? rest.slice(0, maxCount) : rest;
};

/** The last event of the store, or undefined when it is empty. */
export const lastEvent = async (events: Pick<EventStore, 'readAll'>): Promise<StoredEvent | undefined> => {
  const [last] = await events.readAll({ direction: 'backwards', maxCount: 1 });
  return last;
};

/** Whether two identities name the same store: same id, and the same first event once both have one. */
export const sameStore = (a: EventStoreIdentity, b: EventStoreIdentity): boolean =>
  a.storeId === b.storeId && (a.firstEventHash === null || b.firstEventHash === null || a.firstEventHash === b.firstEventHash);
