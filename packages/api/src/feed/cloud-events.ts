import { aggregates, readStreamEvent, type AggregateName, type AnyDefinition } from '@zhaoshang/domain';
import { positionToString, type StoredEvent } from '@zhaoshang/eventstore';
import { CloudEvent } from 'cloudevents';

/**
 * How a domain event type is named as a CloudEvents `type`: reverse-DNS of the project, the
 * aggregate (the category of its stream), the event's own name — `cn.zhaoshang.project.LeadCaptured`,
 * `cn.zhaoshang.target-plan.AnnualTargetsSet`. The event's name is the one in the domain's event
 * catalogue (docs/domain.md): a shipped type is never renamed, so neither is its CloudEvents type.
 */
export const CLOUD_EVENT_TYPE_PREFIX = 'cn.zhaoshang.';

/** The CloudEvents `type` of a domain event type of an aggregate. */
export const cloudEventType = (aggregate: AggregateName, eventType: string): string =>
  `${CLOUD_EVENT_TYPE_PREFIX}${aggregate}.${eventType}`;

/** The content type of a page of the feed: a JSON array of CloudEvents (JSON batch format). */
export const CLOUD_EVENTS_BATCH = 'application/cloudevents-batch+json';

/**
 * The extension attributes every event of the feed carries (CloudEvents 1.0: lower-case letters
 * and digits only), with what each holds.
 */
export const FEED_EXTENSIONS = {
  businesstime: 'when it happened in the business’s sense (ISO 8601; `time` is when it was recorded)',
  revision: 'the event’s 0-based revision in its stream (`subject`)',
  position:
    'the event’s global position: an opaque checkpoint, given back as `?after=` or `Last-Event-ID` to read the events after it (never computed with)',
  hash: 'SHA-256 (hex) of the stored event in its stream’s hash chain: the same value as in the audit history and bundles',
  schemaversion: 'the schema version `data` is given in: the current one (older stored versions are upcast)',
} as const;

/** The definition of an event type in its aggregate's catalogue. */
const definitionOf = (aggregate: AggregateName, eventType: string): AnyDefinition | undefined =>
  (aggregates[aggregate].events as Readonly<Record<string, AnyDefinition>>)[eventType];

/**
 * A stored event of an aggregate's stream as a CloudEvent (JSON event format), built and validated
 * by the official SDK (`new CloudEvent` refuses a missing or malformed attribute). `data` is the
 * event's data at its current schema version, upcast from older stored versions and encoded with
 * the event's codec: what the AsyncAPI document's payload schemas describe. `undefined` for an
 * event of no aggregate's stream (the feed reads only those).
 */
export const toCloudEvent = (event: StoredEvent, source: string): CloudEvent<unknown> | undefined => {
  const read = readStreamEvent(event.streamName, {
    type: event.type,
    version: event.metadata.schemaVersion,
    data: event.data,
  });
  if (read === undefined) return undefined;
  if (read._tag === 'Left')
    throw new Error(
      `event ${event.metadata.eventId} of ${event.streamName} cannot be read: ${read.left.code}`,
    );
  const { aggregate, event: domainEvent } = read.right;
  const definition = definitionOf(aggregate, domainEvent.type);
  if (definition === undefined) throw new Error(`no definition of ${domainEvent.type} in ${aggregate}`);
  const encoded = definition.codec.encode(domainEvent) as { readonly data: unknown };
  return new CloudEvent<unknown>({
    specversion: '1.0',
    id: event.metadata.eventId,
    source,
    type: cloudEventType(aggregate, domainEvent.type),
    subject: event.streamName,
    time: event.metadata.recordedAt,
    datacontenttype: 'application/json',
    data: encoded.data,
    businesstime: event.metadata.businessTime,
    revision: event.revision,
    position: positionToString(event.globalPosition),
    hash: event.metadata.hash,
    schemaversion: definition.version,
  });
};
