import { aggregateNames, aggregates, type AggregateName } from '@zhaoshang/domain';
import * as t from 'io-ts';
import { IdText, PositionText, textPattern } from '../http/query-inputs';
import { CLOUD_EVENT_TYPE_PREFIX, cloudEventType } from './cloud-events';

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
const listOf = <A>(name: string, known: (item: string) => A | undefined, expected: string) =>
  new t.Type<ReadonlyArray<A>, string, unknown>(
    name,
    (u): u is ReadonlyArray<A> => Array.isArray(u),
    (u, c) => {
      if (typeof u !== 'string' || u.length === 0 || u.length > 4000) return t.failure(u, c, expected);
      const items = u.split(',').map(known);
      return items.every((x): x is A => x !== undefined) ? t.success(items) : t.failure(u, c, expected);
    },
    (items) => items.join(','),
  );

/** `type=`: event types, by their domain name (`LeadCaptured`) or CloudEvents type (`cn.zhaoshang.project.LeadCaptured`). */
export const EventTypeList = listOf(
  'EventTypeList',
  (item) => eventTypes.get(item),
  `comma-separated event types of docs/domain.md (LeadCaptured, or ${CLOUD_EVENT_TYPE_PREFIX}project.LeadCaptured)`,
);

/** `category=`: aggregates, the categories of their streams (`project`, `target-plan`, …). */
export const CategoryList = listOf(
  'CategoryList',
  (item): AggregateName | undefined => aggregateNames.find((name) => name === item),
  `comma-separated stream categories: ${aggregateNames.join(', ')}`,
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
