import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { QueryBus, type Query } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { Clock } from '../clock';
import type { ApiConfig } from '../config';
import { QueryCache } from '../http/query-cache';
import { sendStreamed, type StreamedAnswer } from '../http/streamed-answer';
import { API_CONFIG, CLOCK, READ_MODELS } from '../tokens';
import type { ReadModels } from './read-model.port';

/** Answer of every query: the data and the read models' position it reflects. */
export interface QueryAnswer<T> {
  readonly position: string;
  /** False when `atLeast` was given and the read models did not reach it within the bound. */
  readonly caughtUp: boolean;
  readonly data: T;
}

/** Read-your-writes: wait (bounded) until the read models reached `atLeast` before answering. */
export interface ReadYourWrites {
  readonly atLeast?: string | undefined;
}

/** The content type of a JSON answer sent already encoded (`QueryAnswers.sendCached`). */
export const JSON_TEXT = 'application/json; charset=utf-8';

/** A JSON answer encoded once, and its entity tag. */
interface EncodedAnswer {
  readonly bytes: Buffer;
  readonly etag: string;
}

/** The weak ETag express gives a body (`etag` package: byte length in hex, SHA-1 in base64, 27 characters). */
const weakEtag = (bytes: Buffer): string =>
  `W/"${bytes.length.toString(16)}-${createHash('sha1').update(bytes).digest('base64').substring(0, 27)}"`;

/**
 * Runs a read on the QueryBus and answers it as `{ position, caughtUp, data }` (or writes a
 * streamed answer to the response). The position is the read models' checkpoint taken before the
 * query runs, so the data is at least as new as it says.
 */
@Injectable()
export class QueryAnswers {
  /** Answers of cacheable queries while the read models stay where they are. */
  readonly cache: QueryCache<EncodedAnswer>;

  constructor(
    @Inject(QueryBus) private readonly queryBus: QueryBus,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.cache = new QueryCache<EncodedAnswer>(config.queryCacheEntries);
  }

  /** Today's business date (Asia/Shanghai), the default `asOf` of the reads that take one. */
  today(): string {
    return this.clock.today();
  }

  async answer<T>(query: Query<T>, { atLeast }: ReadYourWrites): Promise<QueryAnswer<T>> {
    const caughtUp = await this.reached(atLeast);
    const checkpoint = this.readModels.checkpoint();
    return { position: checkpoint.toString(), caughtUp, data: await this.queryBus.execute(query) };
  }

  /**
   * The same answer, written to the response, for a read whose answer depends only on the read
   * models and the query: its JSON is computed and encoded once per checkpoint of the read models
   * (QueryCache), so a dashboard polling the same figures, or many clients reading the same page,
   * cost one computation per change of the read models instead of one per request.
   */
  async sendCached<T>(query: Query<T>, { atLeast }: ReadYourWrites, res: Response): Promise<void> {
    const caughtUp = await this.reached(atLeast);
    const checkpoint = this.readModels.checkpoint();
    const key = `${query.constructor.name}\u0000${JSON.stringify(query)}\u0000${caughtUp}`;
    const body = await this.cache.answer(key, checkpoint, async () => {
      const answer: QueryAnswer<T> = {
        position: checkpoint.toString(),
        caughtUp,
        data: await this.queryBus.execute(query),
      };
      const bytes = Buffer.from(JSON.stringify(answer));
      return { bytes, etag: weakEtag(bytes) };
    });
    res.setHeader('Content-Type', JSON_TEXT);
    // Set here, express does not hash the body again on every request.
    res.setHeader('ETag', body.etag);
    res.send(body.bytes);
  }

  private async reached(atLeast: string | undefined): Promise<boolean> {
    return (
      atLeast === undefined || this.readModels.waitFor(BigInt(atLeast), this.config.readYourWritesTimeoutMs)
    );
  }

  /** A streamed read: its handler's `StreamedAnswer` written to the response as it comes. */
  async stream(query: Query<StreamedAnswer>, res: Response): Promise<void> {
    await sendStreamed(res, await this.queryBus.execute(query));
  }
}
