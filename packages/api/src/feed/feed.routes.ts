import { aggregateNames, aggregates, type AggregateName } from '@zhaoshang/domain';
import * as t from 'io-ts';
import { IdText, PositionText, textPattern, textPatterns } from '../http/query-inputs';
import type { ExchangeRoute } from '../http/routes';
import { CLOUD_EVENT_TYPE_PREFIX, CLOUD_EVENTS_BATCH, cloudEventType } from './cloud-events';

/** The largest page of `GET /feed`, and the page when none is asked for. */
export const FEED_PAGE = { max: 1000, default: 100 } as const;

/** Every event type of the registry's aggregates, by its domain name and by its CloudEvents type. */
const eventTypes: ReadonlyMap<string, string> = new Map(
  aggregateNames.flatMap((aggregate) =>
    Object.keys(aggregates[aggregate].events).flatMap((type) => [
      [type, type] as const,
      [cloudEventType(aggregate, type), type] as const,
    ]),
  ),
);

/**
 * A comma-separated list of names, each checked against `known` and turned into what it names: the
 * filters `type` and `category` are lists (`type=LeadCaptured,AgreementSigned`).
 */
const listOf = <A>(
  name: string,
  known: (item: string) => A | undefined,
  expected: string,
  documented: { readonly pattern: RegExp; readonly example: string },
) => {
  // The OpenAPI document states what the list looks like (issue #18 item 7); the codec checks each item.
  textPatterns.set(name, {
    type: 'string',
    pattern: documented.pattern.source,
    minLength: 1,
    maxLength: 4000,
    example: documented.example,
    description: expected,
  });
  return new t.Type<ReadonlyArray<A>, string, unknown>(
    name,
    (u): u is ReadonlyArray<A> => Array.isArray(u),
    (u, c) => {
      if (typeof u !== 'string' || u.length === 0 || u.length > 4000) return t.failure(u, c, expected);
      const items = u.split(',').map(known);
      return items.every((x): x is A => x !== undefined) ? t.success(items) : t.failure(u, c, expected);
    },
    (items) => items.join(','),
  );
};

/** `type=`: event types, by their domain name (`LeadCaptured`) or CloudEvents type (`cn.zhaoshang.project.LeadCaptured`). */
export const EventTypeList = listOf(
  'EventTypeList',
  (item) => eventTypes.get(item),
  `comma-separated event types of docs/domain.md (LeadCaptured, or ${CLOUD_EVENT_TYPE_PREFIX}project.LeadCaptured)`,
  { pattern: /^[A-Za-z0-9.-]+(,[A-Za-z0-9.-]+)*$/, example: 'LeadCaptured,AgreementSigned' },
);

/** `category=`: aggregates, the categories of their streams (`project`, `target-plan`, …). */
export const CategoryList = listOf(
  'CategoryList',
  (item): AggregateName | undefined => aggregateNames.find((name) => name === item),
  `comma-separated stream categories: ${aggregateNames.join(', ')}`,
  { pattern: /^[a-z-]+(,[a-z-]+)*$/, example: 'project,target-plan' },
);

/** `limit=`: 1 to 1000. */
const FeedLimitText = textPattern(
  'FeedLimitText',
  /^(1000|[1-9]\d{0,2})$/,
  { min: 1, max: 4 },
  String(FEED_PAGE.default),
  `events per page, 1 to ${FEED_PAGE.max} (default ${FEED_PAGE.default})`,
);

const filters = { type: EventTypeList, category: CategoryList, unitId: IdText };

/** `GET /feed`: a page of events after a checkpoint. */
export const FeedInput = t.exact(t.partial({ ...filters, after: PositionText, limit: FeedLimitText }));
export type FeedInput = t.TypeOf<typeof FeedInput>;

/** `GET /feed/stream`: the live stream, from a checkpoint (`?after=` or the `Last-Event-ID` header). */
export const FeedStreamInput = t.exact(t.partial({ ...filters, after: PositionText }));
export type FeedStreamInput = t.TypeOf<typeof FeedStreamInput>;

// The feed's routes in the OpenAPI document (issue #18 item 7; the AsyncAPI document describes the events)
/** `GET /feed` and `GET /feed/stream`, for the OpenAPI document and the role matrix. */
export const feedRoutes: ReadonlyArray<ExchangeRoute> = [
  {
    kind: 'exchange',
    name: 'ReadFeed',
    method: 'GET',
    path: '/feed',
    tag: 'feed',
    summary: '事件订阅（分页） / A page of the event feed',
    description: {
      zh: '按检查点分页读取事件，每个事件是一个 CloudEvent；`Link: <…>; rel="next"` 指向下一页，`Feed-Checkpoint` 给出本页最后的检查点。带 If-None-Match 时，未变化的页答复 304。招商专员只读到本单位项目的事件。事件的结构见 /asyncapi.json。',
      en: 'Events after a checkpoint, a page at a time, each a CloudEvent; `Link: <…>; rel="next"` points to the next page and `Feed-Checkpoint` gives the page’s last checkpoint. With If-None-Match an unchanged page answers 304. An investment officer reads only their own unit’s project events. The events’ shapes are in /asyncapi.json.',
    },
    input: FeedInput,
    status: 200,
    answer: {
      mediaType: CLOUD_EVENTS_BATCH,
      description: { zh: '一页 CloudEvents（JSON 数组）', en: 'a page of CloudEvents (a JSON array)' },
    },
    sample: '/feed?limit=10',
  },
  {
    kind: 'exchange',
    name: 'StreamFeed',
    method: 'GET',
    path: '/feed/stream',
    tag: 'feed',
    summary: '事件订阅（实时） / The event feed, live',
    description: {
      zh: '以 Server-Sent Events 实时推送事件：`id:` 为检查点，`event:` 为 CloudEvents 类型，`data:` 为 CloudEvent。断线后带 `Last-Event-ID`（或 `?after=`）续传。连接不会自行结束。',
      en: 'The events live as Server-Sent Events: `id:` is the checkpoint, `event:` the CloudEvents type, `data:` the CloudEvent. Reconnect with `Last-Event-ID` (or `?after=`) to resume. The answer does not end by itself.',
    },
    input: FeedStreamInput,
    status: 200,
    answer: {
      mediaType: 'text/event-stream',
      description: { zh: 'Server-Sent Events 事件流', en: 'a Server-Sent Events stream' },
    },
    eventStream: true,
    sample: '/feed/stream',
  },
];
