import { aggregateNames, aggregates, type AggregateName, type AnyDefinition } from '@zhaoshang/domain';
import { CLOUD_EVENTS_BATCH, cloudEventType, FEED_EXTENSIONS } from '../feed/cloud-events';
import { FEED_PAGE } from '../feed/feed.routes';
import { BRANDS, toJsonSchema, type JsonSchema } from './json-schema';

/** Every event type of the registry with its aggregate and definition, in the registry's order. */
const eventDefinitions = (): ReadonlyArray<{
  readonly aggregate: AggregateName;
  readonly key: string;
  readonly definition: AnyDefinition;
}> =>
  aggregateNames.flatMap((aggregate) =>
    Object.values(aggregates[aggregate].events as Readonly<Record<string, AnyDefinition>>).map(
      (definition) => ({
        aggregate,
        // Component keys allow dots: `project.LeadCaptured`, the CloudEvents type without its prefix.
        key: `${aggregate}.${definition.type}`,
        definition,
      }),
    ),
  );

const ref = (path: string) => ({ $ref: `#/components/${path}` });

/** The CloudEvents 1.0 attributes every event of the feed has (JSON event format). */
const cloudEventSchema: JsonSchema = {
  type: 'object',
  description:
    'A CloudEvent 1.0 in the JSON event format (cloudevents/spec json-format.md), built and validated by the official `cloudevents` SDK',
  required: [
    'specversion',
    'id',
    'source',
    'type',
    'subject',
    'time',
    'datacontenttype',
    'data',
    ...Object.keys(FEED_EXTENSIONS),
  ],
  properties: {
    specversion: { type: 'string', const: '1.0' },
    id: { type: 'string', minLength: 1, maxLength: 200, description: 'the event’s id (unique in the store)' },
    source: {
      type: 'string',
      format: 'uri-reference',
      minLength: 1,
      maxLength: 2000,
      description: 'FEED_SOURCE, by default `urn:zhaoshang:store:<storeId>`: the deployment',
    },
    type: {
      type: 'string',
      pattern: '^cn\\.zhaoshang\\.[a-z-]+\\.[A-Z][A-Za-z0-9]*$',
      maxLength: 200,
      description: '`cn.zhaoshang.<aggregate>.<EventType>`, the event type of docs/domain.md',
    },
    subject: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'the stream: `project-XM-2024-0317`',
    },
    time: { ...BRANDS.RecordedAt, description: 'when the store recorded it' },
    datacontenttype: { type: 'string', const: 'application/json' },
    data: { description: 'the event’s data, at the schema version `schemaversion`' },
    businesstime: { type: 'string', maxLength: 40, description: FEED_EXTENSIONS.businesstime },
    revision: {
      type: 'integer',
      minimum: 0,
      maximum: 2147483647,
      description: FEED_EXTENSIONS.revision,
    },
    position: { ...BRANDS.GlobalPosition, description: FEED_EXTENSIONS.position },
    hash: { ...BRANDS.Sha256, description: FEED_EXTENSIONS.hash },
    schemaversion: { type: 'integer', minimum: 1, maximum: 1000, description: FEED_EXTENSIONS.schemaversion },
  },
};

/** The Standard Webhooks headers of a delivery (standard-webhooks/spec, "Signature scheme"). */
const webhookHeaders: JsonSchema = {
  type: 'object',
  required: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
  properties: {
    'webhook-id': {
      type: 'string',
      maxLength: 200,
      description: 'the delivery’s id: the CloudEvent’s `id`, the same on every retry (deduplicate on it)',
    },
    'webhook-timestamp': {
      type: 'string',
      pattern: '^\\d{1,12}$',
      maxLength: 12,
      description: 'seconds since the Unix epoch when this attempt was signed',
    },
    'webhook-signature': {
      type: 'string',
      maxLength: 2000,
      description:
        'space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` with the subscription’s secret',
    },
  },
};

const security = [ref('securitySchemes/bearer'), ref('securitySchemes/apiKey')];

/**
 * The AsyncAPI 3.0 document of what the API sends to other systems (issue #17): the feed's pages,
 * its live stream and the webhooks to come, with a message per event type whose payload schema is
 * generated from the domain's io-ts codec of the event's data — the generator of the OpenAPI
 * document (json-schema.ts), so the two documents and the codecs cannot disagree.
 */
export const asyncApiDocument = () => {
  const events = eventDefinitions();
  const schemas: Record<string, JsonSchema> = { CloudEvent: cloudEventSchema };
  const messages: Record<string, unknown> = {};
  for (const { aggregate, key, definition } of events) {
    const type = cloudEventType(aggregate, definition.type);
    schemas[`${key}.data`] = toJsonSchema(definition.data);
    schemas[key] = {
      allOf: [
        ref('schemas/CloudEvent'),
        {
          type: 'object',
          properties: {
            type: { type: 'string', const: type },
            data: ref(`schemas/${key}.data`),
            schemaversion: { type: 'integer', const: definition.version },
          },
        },
      ],
    };
    messages[key] = {
      name: definition.type,
      title: `${definition.zh} / ${definition.en}`,
      summary: `${type}${definition.rules.length > 0 ? ` (rules ${definition.rules.join(', ')})` : ''}`,
      contentType: 'application/cloudevents+json',
      payload: ref(`schemas/${key}`),
    };
  }
  const anyEvent = { oneOf: events.map(({ key }) => ref(`schemas/${key}`)) };
  schemas.AnyEvent = anyEvent;
  messages.FeedPage = {
    name: 'FeedPage',
    title: '一页事件 / a page of the feed',
    summary: `GET /feed?after=<checkpoint>&limit=<1..${FEED_PAGE.max}>&type=&category=&unitId=`,
    description:
      'The events after the checkpoint, in global order, that the caller may see. `Link: <…>; rel="next"` names the next page; an empty page whose next link repeats the checkpoint means the caller is up to date. ETag / If-None-Match (304) and Cache-Control: a page that ends before the head is immutable.',
    contentType: CLOUD_EVENTS_BATCH,
    payload: { type: 'array', maxItems: FEED_PAGE.max, items: ref('schemas/AnyEvent') },
  };
  messages.FeedClosed = {
    name: 'feed.closed',
    title: '实时流结束 / the stream ends',
    summary: 'the last message of a stream the server ends: resume with Last-Event-ID',
    contentType: 'application/json',
    payload: {
      type: 'object',
      required: ['reason'],
      properties: {
        reason: { type: 'string', enum: ['client-too-slow', 'server-shutdown'] },
        checkpoint: { ...BRANDS.GlobalPosition, description: 'the last event read for this stream' },
      },
    },
  };
  messages.WebhookDelivery = {
    name: 'WebhookDelivery',
    title: 'Webhook 推送 / a webhook delivery',
    summary: 'POST to the subscriber’s URL: one CloudEvent, signed as Standard Webhooks specify',
    contentType: 'application/cloudevents+json',
    headers: webhookHeaders,
    payload: ref('schemas/AnyEvent'),
  };
  const eventMessages = Object.fromEntries(events.map(({ key }) => [key, ref(`messages/${key}`)]));
  return {
    asyncapi: '3.0.0',
    info: {
      title: '招商引资项目管理 事件订阅 / Investment-attraction projects: event feed',
      version: '0.1.0',
      description:
        'What the API tells other systems (docs/integration.md): every event as a CloudEvent 1.0, in global order, scoped to what the caller may see. ' +
        'Positions are opaque checkpoints: give back the one you got (`?after=`, `Last-Event-ID`), never compute one.',
      contact: { name: '本部署的运维单位 / the operators of this deployment' },
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
      tags: [
        {
          name: 'feed',
          description: '事件订阅：分页、实时流与 Webhook / The event feed: pages, live stream and webhooks',
        },
      ],
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      api: {
        host: '{host}',
        protocol: 'http',
        description: 'this deployment (the API that served this document)',
        variables: { host: { default: 'localhost:3000', description: 'host and port of the deployment' } },
        security,
      },
    },
    channels: {
      feed: {
        address: '/feed',
        title: '事件订阅（分页）/ the feed, paged',
        description: 'GET: a page of events after a checkpoint (polling).',
        messages: { FeedPage: ref('messages/FeedPage') },
      },
      feedStream: {
        address: '/feed/stream',
        title: '事件订阅（实时）/ the feed, live',
        description:
          'GET: Server-Sent Events (text/event-stream). Each message: `id:` the event’s checkpoint, `event:` its CloudEvents type, `data:` the CloudEvent. Resumes after `Last-Event-ID` (or `?after=`); `: heartbeat` comments every FEED_HEARTBEAT_MS; ends with `feed.closed`.',
        messages: { ...eventMessages, FeedClosed: ref('messages/FeedClosed') },
      },
      webhook: {
        address: null,
        title: 'Webhook / deliveries to a subscriber',
        description:
          'The subscriber’s own URL, registered by the administrator (POST /webhooks/subscriptions): the events after the subscription’s checkpoint, in order, at least once (the same `webhook-id` on a retry), retried with exponential backoff, dead-lettered after WEBHOOK_MAX_ATTEMPTS tries of one event.',
        messages: { WebhookDelivery: ref('messages/WebhookDelivery') },
      },
    },
    operations: {
      sendFeedPage: {
        action: 'send',
        channel: { $ref: '#/channels/feed' },
        summary: 'answers a page of the feed',
        description:
          'GET /feed: the events after `?after=` that the caller’s role and unit may see (an investment officer: its unit’s projects and requests, and the region’s published streams; every other role: all), filtered by `type`, `category`, `unitId`.',
        messages: [{ $ref: '#/channels/feed/messages/FeedPage' }],
      },
      sendFeedStream: {
        action: 'send',
        channel: { $ref: '#/channels/feedStream' },
        summary: 'streams the feed live',
        description:
          'GET /feed/stream: catches up from `Last-Event-ID` (or `?after=`), then follows new appends, at the client’s pace; a client that does not read for FEED_STREAM_STALL_MS, or a server shutting down, gets `feed.closed` and the end.',
        messages: [
          ...events.map(({ key }) => ({ $ref: `#/channels/feedStream/messages/${key}` })),
          { $ref: '#/channels/feedStream/messages/FeedClosed' },
        ],
      },
      sendWebhook: {
        action: 'send',
        channel: { $ref: '#/channels/webhook' },
        summary: 'delivers an event to a subscriber',
        description:
          'POST of one CloudEvent to the subscription’s URL with the Standard Webhooks headers; a 2xx answer acknowledges it and the next event follows.',
        messages: [{ $ref: '#/channels/webhook/messages/WebhookDelivery' }],
      },
    },
    components: {
      schemas,
      messages,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'people: an HS256 JWT' },
        apiKey: {
          type: 'httpApiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'systems: a key from API_KEYS',
        },
      },
    },
  };
};
