import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { aggregateNames, aggregates } from '@zhaoshang/domain';
import {
  positionToString,
  type AllFilter,
  type EventStore,
  type EventStoreIdentitySource,
  type GlobalPosition,
  type StoredEvent,
} from '@zhaoshang/eventstore';
import type { CloudEvent } from 'cloudevents';
import type { Response } from 'express';
import { fromEvent, interval, map, merge, of, type Observable } from 'rxjs';
import type { Principal } from '../auth/roles';
import type { ApiConfig } from '../config';
import { sendStreamed } from '../http/streamed-answer';
import { API_CONFIG, EVENT_STORE } from '../tokens';
import { boundedPull } from './bounded-pull';
import { toCloudEvent } from './cloud-events';
import { scopeOf, StreamUnits, type FeedScope } from './feed-scope';
import { FEED_PAGE, type FeedStreamInput } from './feed.routes';

/** A page of the feed: its events and the checkpoint to read on from. */
export interface FeedPage {
  readonly events: ReadonlyArray<CloudEvent<unknown>>;
  /** The last event read (returned or filtered out); absent while nothing was read. */
  readonly checkpoint: GlobalPosition | undefined;
  /**
   * True when the read reached the store's head: the next page may hold events appended later.
   * False for a full page (or a long stretch of filtered-out events): it never changes.
   */
  readonly atHead: boolean;
}

/** Why a live stream ends with a `feed.closed` event. */
export type FeedClosedReason = 'client-too-slow' | 'server-shutdown';

/** The filters of a request: event types, categories, unit. */
type FeedFilters = Pick<FeedStreamInput, 'type' | 'category' | 'unitId'>;

/** A stretch of filtered-out events read for one page at most, in pages: then the page ends short. */
const SCAN_PAGES = 10;
/** How long a stream being shut down may take to send its last event before it is cut. */
const SHUTDOWN_GRACE_MS = 1000;
/** The reconnection delay the stream suggests to clients (SSE `retry:`). */
const RETRY_MS = 3000;

type LiveItem =
  | { readonly kind: 'event'; readonly event: StoredEvent }
  | { readonly kind: 'heartbeat' }
  | { readonly kind: 'stop' };

/**
 * The event feed (issue #17): events in global order as CloudEvents, paged after an opaque
 * checkpoint (`GET /feed`) or streamed live as Server-Sent Events (`GET /feed/stream`), scoped to
 * what the caller's role and unit may see (feed-scope.ts).
 */
@Injectable()
export class FeedService implements BeforeApplicationShutdown {
  private readonly units: StreamUnits;
  private sourceOnce: Promise<string> | undefined;
  /** The open live streams: each ends when its controller is aborted (shutdown). */
  private readonly open = new Map<
    AbortController,
    { readonly res: Response; readonly done: Promise<void> }
  >();

  constructor(
    // Both adapters tell their identity (the feed's default `source`); a test double may not.
    @Inject(EVENT_STORE) private readonly store: EventStore & Partial<EventStoreIdentitySource>,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.units = new StreamUnits(store);
  }

  /** The CloudEvents `source`: configured, or the URN of this deployment's store. */
  source(): Promise<string> {
    this.sourceOnce ??= (async () => {
      if (this.config.feed.source !== undefined) return this.config.feed.source;
      const identity = await this.store.identity?.();
      if (identity !== undefined) return `urn:zhaoshang:store:${identity.storeId}`;
      return 'urn:zhaoshang:events';
    })();
    return this.sourceOnce;
  }

  /** A page of at most `limit` events after `after` (from the start without it) that the caller sees. */
  async page(
    caller: Principal,
    filters: FeedFilters,
    after: GlobalPosition | undefined,
    limit: number = FEED_PAGE.default,
  ): Promise<FeedPage> {
    return this.readPage(scopeOf(caller, filters.unitId), storeFilter(filters), after, limit);
  }

  private async readPage(
    scope: FeedScope,
    filter: AllFilter,
    after: GlobalPosition | undefined,
    limit: number,
  ): Promise<FeedPage> {
    const source = await this.source();
    const events: CloudEvent<unknown>[] = [];
    let checkpoint = after;
    for (let pages = 0; pages < SCAN_PAGES; pages += 1) {
      const read = await this.store.readAll({
        ...(checkpoint !== undefined ? { after: checkpoint } : {}),
        maxCount: limit,
        filter,
      });
      for (const stored of read) {
        checkpoint = stored.globalPosition;
        const event = (await this.units.sees(scope, stored)) ? toCloudEvent(stored, source) : undefined;
        if (event !== undefined) events.push(event);
        if (events.length === limit) return { events, checkpoint, atHead: false };
      }
      if (read.length < limit) return { events, checkpoint, atHead: true };
    }
    return { events, checkpoint, atHead: false };
  }

  /**
   * Streams the feed to `res` as Server-Sent Events: catches up page by page from `after` at the
   * client's pace, then follows new appends with a subscription from the last event sent (the
   * store's catch-up-then-live subscription: nothing appended in between is missed or sent twice).
   * Heartbeat comments keep idle connections open. A client that lets more than `streamBuffer`
   * events pile up, or a server shutting down, gets a last `feed.closed` event and the end.
   */
  async stream(
    caller: Principal,
    filters: FeedFilters,
    after: GlobalPosition | undefined,
    res: Response,
  ): Promise<void> {
    const scope = scopeOf(caller, filters.unitId);
    const filter = storeFilter(filters);
    const source = await this.source();
    const stopping = new AbortController();
    let finished: () => void = () => undefined;
    this.open.set(stopping, { res, done: new Promise<void>((resolve) => (finished = resolve)) });
    try {
      await sendStreamed(res, {
        kind: 'streamed',
        contentType: 'text/event-stream; charset=utf-8',
        headers: { 'X-Accel-Buffering': 'no' },
        body: async (write, gone) => {
          await write(`retry: ${RETRY_MS}\n\n`);
          let checkpoint = after;
          const send = async (stored: StoredEvent): Promise<void> => {
            checkpoint = stored.globalPosition;
            const event = (await this.units.sees(scope, stored)) ? toCloudEvent(stored, source) : undefined;
            if (event !== undefined) await write(sseEvent(event, stored.globalPosition));
          };
          // Catch up at the client's pace: one page in memory at a time.
          for (;;) {
            if (stopping.signal.aborted) return write(closedEvent('server-shutdown', checkpoint));
            const read = await this.store.readAll({
              ...(checkpoint !== undefined ? { after: checkpoint } : {}),
              maxCount: FEED_PAGE.max,
              filter,
            });
            for (const stored of read) await send(stored);
            if (read.length < FEED_PAGE.max) break;
          }
          // Then live, from the last event read.
          const live = boundedPull<LiveItem>(
            merge(
              this.store
                .subscribeToAll({
                  ...(checkpoint !== undefined ? { afterPosition: checkpoint } : {}),
                  filter,
                })
                .pipe(map((event): LiveItem => ({ kind: 'event', event }))),
              interval(this.config.feed.heartbeatMs).pipe(map((): LiveItem => ({ kind: 'heartbeat' }))),
              aborted(stopping.signal),
              aborted(gone),
            ),
            this.config.feed.streamBuffer,
            (item) => item.kind === 'heartbeat',
          );
          try {
            for (;;) {
              const pulled = await live.next();
              if (pulled.kind === 'complete') return;
              if (pulled.kind === 'overflow') return write(closedEvent('client-too-slow', checkpoint));
              const item = pulled.value;
              if (item.kind === 'stop')
                return gone.aborted ? undefined : write(closedEvent('server-shutdown', checkpoint));
              if (item.kind === 'heartbeat') await write(': heartbeat\n\n');
              else await send(item.event);
            }
          } finally {
            live.close();
          }
        },
      });
    } finally {
      this.open.delete(stopping);
      finished();
    }
  }

  /** Ends every live stream with `feed.closed` (server-shutdown); cuts those that cannot send it in time. */
  async beforeApplicationShutdown(): Promise<void> {
    const open = [...this.open];
    for (const [stopping] of open) stopping.abort();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>(
      (resolve) => (timer = setTimeout(() => resolve('late'), SHUTDOWN_GRACE_MS)),
    );
    const ended = await Promise.race([Promise.all(open.map(([, s]) => s.done)), late]);
    clearTimeout(timer);
    if (ended === 'late') for (const [, s] of this.open) s.res.destroy();
  }
}

/** The store's own filter for a request: the registry's streams only (domain events), narrowed by type and category. */
const storeFilter = (filters: FeedFilters): AllFilter => ({
  streamPrefixes: (filters.category ?? aggregateNames).map((name) => aggregates[name].streamPrefix),
  ...(filters.type !== undefined ? { eventTypes: filters.type } : {}),
});

const aborted = (signal: AbortSignal): Observable<LiveItem> =>
  signal.aborted
    ? of<LiveItem>({ kind: 'stop' })
    : fromEvent(signal, 'abort').pipe(map((): LiveItem => ({ kind: 'stop' })));

/** One event as an SSE message: `id` its checkpoint, `event` its CloudEvents type, `data` the CloudEvent. */
const sseEvent = (event: CloudEvent<unknown>, position: GlobalPosition): string =>
  `id: ${positionToString(position)}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * The last message of a stream the server ends: no `id`, so the client's Last-Event-ID stays the
 * last event it received, and it resumes from there.
 */
const closedEvent = (reason: FeedClosedReason, checkpoint: GlobalPosition | undefined): string =>
  `event: feed.closed\ndata: ${JSON.stringify({
    reason,
    ...(checkpoint !== undefined ? { checkpoint: positionToString(checkpoint) } : {}),
  })}\n\n`;
