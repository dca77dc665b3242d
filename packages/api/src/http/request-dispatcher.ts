import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { CurrentRevision } from '@zhaoshang/eventstore';
import type { Response } from 'express';
import { principalKey, type AuthenticatedRequest } from '../auth/auth.guard';
import type { Clock } from '../clock';
import { decodeCommand } from '../command-handling/aggregates';
import { businessTimeOf } from '../command-handling/business-time';
import type { CommandResult } from '../command-handling/command-gateway';
import { commandMessage } from '../command-handling/command-messages';
import type { ApiConfig } from '../config';
import { InvalidInputError, UnauthenticatedError } from '../errors/api-errors';
import type { ReadModels } from '../read-models/read-model.port';
import { API_CONFIG, CLOCK, READ_MODELS } from '../tokens';
import { KnownUnits } from '../units';
import { decodeOrThrow } from './decode';
import { fingerprintOf, IdempotencyStore, type IdempotencyClaim } from './idempotency';
import { ReadScope } from './read-scope';
import { QueryCache } from './query-cache';
import { methodOf, type CommandRoute, type QueryRoute } from './routes';
import { isStreamedAnswer, sendStreamed } from './streamed-answer';

/** Answer of every query: the data and the read models' position it reflects. */
export interface QueryAnswer<T = unknown> {
  readonly position: string;
  /** False when `atLeast` was given and the read models did not reach it within the bound. */
  readonly caughtUp: boolean;
  readonly data: T;
}

const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * The resource a command route addresses, canonical whatever the request's spelling (a trailing
 * slash, percent-encoding): the route's path with its decoded parameters.
 */
const resourceOf = (route: CommandRoute, params: Readonly<Record<string, string | string[]>>): string =>
  route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));

/** Turns an HTTP request into a command on the CommandBus or a query on the QueryBus. */
@Injectable()
export class RequestDispatcher {
  constructor(
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(QueryBus) private readonly queryBus: QueryBus,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IdempotencyStore) private readonly idempotency: IdempotencyStore,
    @Inject(ReadScope) private readonly readScope: ReadScope,
  ) {
    this.cache = new QueryCache(config.queryCacheEntries);
    this.units = new KnownUnits(config.units);
  }

  /** The deployment's units: a request naming another one is refused (400 on `unitId`). */
  readonly units: KnownUnits;

  /** Answers of cacheable queries while the read models stay where they are. */
  readonly cache: QueryCache;

  async command(route: CommandRoute, req: AuthenticatedRequest): Promise<CommandResult> {
    const actor = req.principal;
    if (actor === undefined) throw new UnauthenticatedError('missing credentials');
    const key = req.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
      throw new InvalidInputError([
        { path: 'header:Idempotency-Key', expected: '1–200 printable ASCII characters', value: key },
      ]);
    }
    // The key is the caller's and the route's, with the body's fingerprint (http/idempotency.ts).
    let run: Extract<IdempotencyClaim, { kind: 'run' }> | undefined;
    if (key !== undefined) {
      const claim = this.idempotency.claim(
        { principal: principalKey(actor), method: methodOf(route), path: resourceOf(route, req.params) },
        key,
        fingerprintOf(req.body),
      );
      if (claim.kind === 'replay') return { ...(claim.answer as CommandResult), duplicate: true };
      run = claim;
    }
    try {
      const result = await this.run(route, req, actor, run?.commandId ?? randomUUID());
      run?.complete(result);
      return result;
    } catch (error) {
      run?.release();
      throw error;
    }
  }

  private async run(
    route: CommandRoute,
    req: AuthenticatedRequest,
    actor: NonNullable<AuthenticatedRequest['principal']>,
    commandId: string,
  ): Promise<CommandResult> {
    const expectedRevision = this.ifMatch(req.headers['if-match']);
    const params: Record<string, unknown> = { ...req.params };
    for (const name of route.numericParams ?? []) {
      const v = params[name];
      if (typeof v === 'string' && /^\d+$/.test(v)) params[name] = Number(v);
    }
    let input: unknown = req.body;
    if (route.prepare !== undefined) {
      const body = decodeOrThrow(
        route.prepare.body as never,
        isObject(input) ? { ...input, ...params } : input,
      );
      this.units.check(body);
      const query = route.prepare.query(body as Record<string, unknown>, {
        actor,
        today: this.clock.today(),
      });
      input = { ...((await this.queryBus.execute(query as never)) as object), type: route.command };
    } else if (isObject(input)) {
      input = { ...input, ...params, type: route.command };
      if (route.generatesProjectId && (input as Record<string, unknown>).projectId === undefined) {
        // A retried create with the same key (the same command id) lands on the same stream, so it
        // cannot make two projects; another caller's same key is another command id.
        const id = createHash('sha256').update(commandId).digest('hex').slice(0, 16).toUpperCase();
        input = { ...(input as object), projectId: `XM-${id}` };
      }
    }
    const command = decodeCommand(route.command, input);
    this.units.check(command);
    const correlation = req.headers['x-correlation-id'];
    return this.commandBus.execute(
      commandMessage(command, {
        actor,
        commandId,
        correlationId:
          typeof correlation === 'string' && correlation.length > 0
            ? correlation
            : String(req.id ?? commandId),
        causationId: String(req.id ?? commandId),
        businessTime: businessTimeOf(command),
        ...(expectedRevision !== undefined ? { expectedRevision } : {}),
      }),
    );
  }

  /** The query's input, decoded, then scoped to the caller's unit where the role reads only its own (ReadScope). */
  private async queryInput(
    route: QueryRoute,
    req: AuthenticatedRequest,
  ): Promise<Record<string, string | undefined>> {
    const queryString = isObject(req.query) ? req.query : {};
    const input = decodeOrThrow(route.input as never, { ...queryString, ...req.params }) as Record<
      string,
      string | undefined
    >;
    this.units.check(input);
    return this.readScope.apply(route.name, req.principal, input);
  }

  async query(route: QueryRoute, req: AuthenticatedRequest): Promise<QueryAnswer> {
    const input = await this.queryInput(route, req);
    let caughtUp = true;
    if (input.atLeast !== undefined) {
      caughtUp = await this.readModels.waitFor(BigInt(input.atLeast), this.config.readYourWritesTimeoutMs);
    }
    const query = route.build(input, this.clock.today());
    const checkpoint = this.readModels.checkpoint();
    const data: unknown = route.cacheable
      ? await this.cache.answer(`${route.name}\u0000${JSON.stringify(query)}`, checkpoint, () =>
          this.queryBus.execute(query as never),
        )
      : await this.queryBus.execute(query as never);
    return { position: checkpoint.toString(), caughtUp, data };
  }

  /** A streamed query route: decoded like any query, its handler's `StreamedAnswer` written as it comes. */
  async stream(route: QueryRoute, req: AuthenticatedRequest, res: Response): Promise<void> {
    const input = await this.queryInput(route, req);
    const answer: unknown = await this.queryBus.execute(route.build(input, this.clock.today()) as never);
    if (!isStreamedAnswer(answer)) throw new Error(`${route.name}: the handler did not answer a stream`);
    await sendStreamed(res, answer);
  }

  private ifMatch(header: string | string[] | undefined): CurrentRevision | undefined {
    if (header === undefined) return undefined;
    const text = (Array.isArray(header) ? header[0] : header)?.replace(/^W\//, '').replace(/"/g, '').trim();
    if (text === 'no-stream') return 'no-stream';
    if (text !== undefined && /^\d+$/.test(text)) return Number(text);
    throw new InvalidInputError([
      { path: 'header:If-Match', expected: 'a stream revision (integer) or "no-stream"', value: header },
    ]);
  }
}
