import {
  aggregateOfStream,
  readEventOf,
  type AggregateEvent,
  type AggregateName,
  type EventOfAggregate,
  type StoredEventData,
  type UpcastError,
} from '@zhaoshang/domain';
import type { StoredEvent } from '@zhaoshang/eventstore';
import * as E from 'fp-ts/Either';
import { PathReporter } from 'io-ts/PathReporter';

/** Stream categories: the aggregates of the domain's registry, whose stream prefixes name them. */
export type EventCategory = AggregateName;

interface Position {
  readonly position: bigint;
  readonly streamName: string;
}

/** A stored event decoded by the registry's reader of its aggregate (and upcast to the current schema). */
export type DecodedEvent<N extends EventCategory = EventCategory> = {
  [K in N]: Position & { readonly category: K; readonly event: EventOfAggregate<K> };
}[N];

/** Why a stored event of a known category could not be read. */
export interface DecodeFailure {
  readonly category: EventCategory;
  readonly position: bigint;
  readonly streamName: string;
  readonly type: string;
  readonly code: UpcastError['code'];
  readonly message: string;
}

const describe = (error: UpcastError): string => {
  switch (error.code) {
    case 'UNKNOWN_EVENT_TYPE':
      return `unknown event type ${error.type}`;
    case 'NO_UPCASTER':
      return `no upcaster for ${error.type} from schema version ${error.fromVersion}`;
    case 'FUTURE_VERSION':
      return `${error.type} has schema version ${error.version}, newer than this code (${error.current})`;
    case 'INVALID_EVENT_DATA':
      return `invalid ${error.type} data: ${PathReporter.report(E.left([...error.errors]))
        .slice(0, 3)
        .join('; ')}`;
  }
};

/**
 * A stored event as the domain's registry reads it: its type, the schema version it was written
 * with (1 where the metadata has none, as the first pilot's events), and its data.
 */
export const storedEventData = (stored: StoredEvent): StoredEventData => ({
  type: stored.type,
  version: typeof stored.metadata?.schemaVersion === 'number' ? stored.metadata.schemaVersion : 1,
  data: stored.data,
});

const positioned = <N extends EventCategory>(read: AggregateEvent<N>, at: Position): DecodedEvent<N> => ({
  ...at,
  category: read.aggregate,
  event: read.event,
});

/**
 * Decodes a stored event by the aggregate of its stream (the domain's registry); `undefined` for a
 * stream of no aggregate, a `Left` for an event of a known aggregate that cannot be read (it stops
 * the projections that read it).
 */
export const decodeStoredEvent = (stored: StoredEvent): E.Either<DecodeFailure, DecodedEvent> | undefined => {
  const category = aggregateOfStream(stored.streamName);
  if (category === undefined) return undefined;
  const at = { position: stored.globalPosition, streamName: stored.streamName };
  const read = readEventOf(category, storedEventData(stored));
  return E.isLeft(read)
    ? E.left({ category, ...at, type: stored.type, code: read.left.code, message: describe(read.left) })
    : E.right(positioned(read.right, at));
};
