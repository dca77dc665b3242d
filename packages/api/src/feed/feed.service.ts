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
import { defer, fromEvent, merge, share, switchMap, type Observable } from 'rxjs';
import type { Principal } from '../auth/roles';
import type { ApiConfig } from '../config';
import { sendStreamed } from '../http/streamed-answer';
import { API_CONFIG, EVENT_STORE } from '../tokens';
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

/** Events a live stream reads at a time: all it holds in memory for its client. */
const STREAM_PAGE = 100;
/** A stream ended on a client that does not read is cut this long after (or at shutdown). */
const CUT_AFTER_MS = 10_000;
/** A stretch of filtered-out events read for one page at most, in pages: then the page ends short. */
const SCAN_PAGES = 10;
/** How long a stream being shut down may take to send its last event before it is cut. */
const SHUTDOWN_GRACE_MS = 1000;
/** The reconnection delay the stream suggests to clients (SSE `retry:`). */
const RETRY_MS = 3000;

/**
 * The event feed (issue #17): events in global order as CloudEvents, paged after an opaque
 * checkpoint (`GET /feed`) or streamed live as Server-Sent Events (`GET /feed/stream`), scoped to
 * what the caller's role and unit may see (feed-scope.ts).
 */
@Injectable()
export class FeedService implements BeforeApplicationShutdown {
  private readonly units: StreamUnits;
  private sourceOnce: Promise<string> | undefined;
  /** The open live streams' responses, until their connection closes: aborted at shutdown. */
  private readonly open = new Map<Response, AbortController>();
  /**
   * Rings on every append to the store (one subscription from the head, shared by every live
   * stream while one is open): wakes the streams waiting at the head.
   */
  private readonly appended: Observable<unknown>;

  constructor(
    // Both adapters tell their identity (the feed's default `source`); a test double may not.
    @Inject(EVENT_STORE) private readonly store: EventStore & Partial<EventStoreIdentitySource>,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.units = new StreamUnits(store);
    this.appended = defer(() => store.readAll({ direction: 'backwards', maxCount: 1 })).pipe(
      switchMap(([head]) =>
        store.subscribeToAll(head !== undefined ? { afterPosition: head.globalPosition } : {}),
      ),
      share(),
    );
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

  /** At most `maxCount` events after a checkpoint (from the first without one). */
  private readAfter(
    filter: AllFilter,
    after: GlobalPosition | undefined,
    maxCount: number,
  ): Promise<ReadonlyArray<StoredEvent>> {
    return this.store.readAll({ ...(after !== undefined ? { after } : {}), maxCount, filter });
  }

  /** The CloudEvent of a stored event the scope sees, else `undefined`. */
  private async visible(
    scope: FeedScope,
    stored: StoredEvent,
    source: string,
  ): Promise<CloudEvent<unknown> | undefined> {
    return (await this.units.sees(scope, stored)) ? toCloudEvent(stored, source) : undefined;
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
      const read = await this.readAfter(filter, checkpoint, limit);
      for (const stored of read) {
        checkpoint = stored.globalPosition;
        const event = await this.visible(scope, stored, source);
        if (event !== undefined) events.push(event);
        if (events.length === limit) return { events, checkpoint, atHead: false };
      }
      if (read.length < limit) return { events, checkpoint, atHead: true };
    }
    return { events, checkpoint, atHead: false };
  }

  /**
   * Streams the feed to `res` as Server-Sent Events, from `after`: reads a page of events after the
   * last one read, sends it at the client's pace (each write waits for 'drain'), and reads again —
   * at once after a full page, else when something is appended (one shared subscription to the
   * store wakes every stream) or after `heartbeatMs`, when it also sends a heartbeat comment. The
   * wake-up is subscribed before the first read, so an append is never missed between a read and
   * the wait; the events come from reads after the checkpoint, so none is sent twice. A stream
   * holds one page in memory whatever the client does. A client whose write has not drained in
   * `streamStallMs`, or a server shutting down, gets a last `feed.closed` event and the end.
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
    const { heartbeatMs, streamStallMs } = this.config.feed;
    const stopping = new AbortController();
    this.open.set(res, stopping);
    res.once('close', () => this.open.delete(res));
    await sendStreamed(res, {
      kind: 'streamed',
      contentType: 'text/event-stream; charset=utf-8',
      headers: { 'X-Accel-Buffering': 'no' },
      body: async (write, gone) => {
        let checkpoint = after;
        const wake = new Wake();
        const wakeUps = merge(this.appended, fromEvent(stopping.signal, 'abort'), fromEvent(gone, 'abort'));
        const subscription = wakeUps.subscribe(() => wake.ring());
        try {
          await deliver(write, `retry: ${RETRY_MS}\n\n`, streamStallMs);
          for (;;) {
            wake.clear();
            const read = await this.readAfter(filter, checkpoint, STREAM_PAGE);
            for (const stored of read) {
              checkpoint = stored.globalPosition;
              const event = await this.visible(scope, stored, source);
              if (event !== undefined)
                await deliver(write, sseEvent(event, stored.globalPosition), streamStallMs);
            }
            if (gone.aborted) return;
            if (stopping.signal.aborted) return end(res, closedEvent('server-shutdown', checkpoint));
            if (read.length === STREAM_PAGE) continue;
            if (!(await wake.wait(heartbeatMs))) await deliver(write, ': heartbeat\n\n', streamStallMs);
          }
        } catch (error) {
          if (error instanceof ClientTooSlow) return end(res, closedEvent('client-too-slow', checkpoint));
          throw error;
        } finally {
          subscription.unsubscribe();
          wake.clear();
        }
      },
    });
  }

  /** Ends every live stream with `feed.closed` (server-shutdown); cuts those that cannot send it in time. */
  async beforeApplicationShutdown(): Promise<void> {
    const open = [...this.open];
    if (open.length === 0) return;
    const closed = Promise.all(open.map(([res]) => new Promise((resolve) => res.once('close', resolve))));
    for (const [, stopping] of open) stopping.abort();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>(
      (resolve) => (timer = setTimeout(() => resolve('late'), SHUTDOWN_GRACE_MS)),
    );
    const ended = await Promise.race([closed, late]);
    clearTimeout(timer);
    if (ended === 'late') for (const [res] of this.open) res.destroy();
  }
}

/** A client that did not read what was sent within the stall bound. */
class ClientTooSlow extends Error {}

/**
 * Writes a chunk and waits for the client to take it ('drain'), at most `stallMs`: then the
 * client is too slow (the write stays in the socket's buffer; its failure, if the client goes
 * away, is the connection's and is not reported twice).
 */
const deliver = async (
  write: (chunk: string) => Promise<void>,
  chunk: string,
  stallMs: number,
): Promise<void> => {
  const written = write(chunk);
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<'stalled'>(
    (resolve) => (timer = setTimeout(() => resolve('stalled'), stallMs)),
  );
  try {
    if ((await Promise.race([written, stalled])) === 'stalled') {
      written.catch(() => undefined);
      throw new ClientTooSlow();
    }
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Ends a stream with its last message, not waiting for the client to read it; a client that still
 * does not read is cut after `CUT_AFTER_MS` (or at shutdown), so no connection lingers.
 */
const end = (res: Response, last: string): void => {
  res.write(last);
  const cut = setTimeout(() => res.destroy(), CUT_AFTER_MS);
  cut.unref();
  res.once('close', () => clearTimeout(cut));
};

/** A wake-up call that is not lost: rung before `wait`, the wait returns at once. */
class Wake {
  private rung = false;
  private waiter: ((rung: boolean) => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  ring(): void {
    this.rung = true;
    this.settle(true);
  }

  clear(): void {
    this.rung = false;
    this.settle(false);
  }

  /** True when rung (now or before), false after `ms` without a ring. */
  wait(ms: number): Promise<boolean> {
    if (this.rung) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      this.waiter = resolve;
      this.timer = setTimeout(() => this.settle(false), ms);
    });
  }

  private settle(rung: boolean): void {
    clearTimeout(this.timer);
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.(rung);
  }
}

/** The store's own filter for a request: the registry's streams only (domain events), narrowed by type and category. */
const storeFilter = (filters: FeedFilters): AllFilter => ({
  streamPrefixes: (filters.category ?? aggregateNames).map((name) => aggregates[name].streamPrefix),
  ...(filters.type !== undefined ? { eventTypes: filters.type } : {}),
});

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
