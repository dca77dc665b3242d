import { createHash } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { parsePosition, positionToString, type GlobalPosition } from '@zhaoshang/eventstore';
import type { Response } from 'express';
import { Read } from '../auth/route-access';
import type { Principal } from '../auth/roles';
import { InvalidInputError } from '../errors/api-errors';
import { Caller, QueryInput } from '../http/request-params';
import { CLOUD_EVENTS_BATCH } from './cloud-events';
import { FEED_PAGE, FeedInput, FeedStreamInput } from './feed.routes';
import { FeedService } from './feed.service';

/** How long a page that never changes (it ends before the store's head) may be kept by the client. */
const COMPLETE_PAGE_MAX_AGE_S = 24 * 60 * 60;

/**
 * The event feed for other systems (issue #17; docs/integration.md): `GET /feed` pages of
 * CloudEvents after an opaque checkpoint, `GET /feed/stream` the same live as Server-Sent Events.
 * Every authenticated role reads it, scoped to what it may see (feed-scope.ts).
 */
@Controller('feed')
export class FeedController {
  constructor(@Inject(FeedService) private readonly feed: FeedService) {}

  /**
   * 事件订阅（分页）/ a page of events: `application/cloudevents-batch+json`, `Link: <…>; rel="next"`
   * to read on, an ETag (If-None-Match answers 304) and caching that lets an up-to-date poller
   * revalidate for almost nothing.
   */
  @Get()
  @Read()
  async page(
    @QueryInput(FeedInput) input: FeedInput,
    @Caller() caller: Principal,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const limit = input.limit !== undefined ? Number(input.limit) : FEED_PAGE.default;
    const page = await this.feed.page(caller, input, positionOf(input.after), limit);
    const body = JSON.stringify(page.events);
    const next = `</feed?${nextQuery(input, page.checkpoint, limit)}>; rel="next"`;
    const etag = `"${createHash('sha256').update(next).update('\n').update(body).digest('base64url').slice(0, 32)}"`;
    res.setHeader('Link', next);
    res.setHeader('ETag', etag);
    res.setHeader('Vary', 'Authorization, X-API-Key, Accept-Language');
    // A page that ends before the head never changes; at the head, ask every time (304 when nothing came).
    res.setHeader(
      'Cache-Control',
      page.atHead ? 'private, no-cache' : `private, max-age=${COMPLETE_PAGE_MAX_AGE_S}, immutable`,
    );
    if (page.checkpoint !== undefined) res.setHeader('Feed-Checkpoint', positionToString(page.checkpoint));
    if (
      ifNoneMatch !== undefined &&
      ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
    ) {
      res.status(304).end();
      return;
    }
    res.status(200).type(CLOUD_EVENTS_BATCH).send(body);
  }

  /**
   * 事件订阅（实时）/ the live stream: Server-Sent Events, each `id:` its checkpoint, `event:` its
   * CloudEvents type, `data:` the CloudEvent; resumes after `Last-Event-ID` (or `?after=`).
   */
  @Get('stream')
  @Read()
  stream(
    @QueryInput(FeedStreamInput) input: FeedStreamInput,
    @Caller() caller: Principal,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    return this.feed.stream(caller, input, lastEventIdOf(lastEventId) ?? positionOf(input.after), res);
  }
}

const positionOf = (text: string | undefined): GlobalPosition | undefined =>
  text === undefined ? undefined : parsePosition(text);

/** `Last-Event-ID`: a checkpoint the stream gave (empty: none). */
const lastEventIdOf = (header: string | undefined): GlobalPosition | undefined => {
  if (header === undefined || header === '') return undefined;
  try {
    return parsePosition(header);
  } catch {
    throw new InvalidInputError([
      { path: 'header:Last-Event-ID', expected: 'a checkpoint the stream gave (its `id:`)', value: header },
    ]);
  }
};

/** The query of the next page: the same filters and size, after the page's checkpoint. */
const nextQuery = (input: FeedInput, checkpoint: GlobalPosition | undefined, limit: number): string =>
  new URLSearchParams({
    ...(checkpoint !== undefined ? { after: positionToString(checkpoint) } : {}),
    limit: String(limit),
    ...(input.type !== undefined ? { type: input.type.join(',') } : {}),
    ...(input.category !== undefined ? { category: input.category.join(',') } : {}),
    ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
  }).toString();
