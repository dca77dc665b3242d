import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type * as t from 'io-ts';
import type { CurrentRevision } from '@zhaoshang/eventstore';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import type { RoutedCommandType } from '../auth/permissions';
import type { Principal } from '../auth/roles';
import { commandCodecs } from '../command-handling/aggregates';
import { InvalidInputError, UnauthenticatedError } from '../errors/api-errors';
import type { AnyCodec } from './decode';
import { DecodePipe, KnownUnitsPipe } from './decode.pipe';

const requestOf = (ctx: ExecutionContext): AuthenticatedRequest => ctx.switchToHttp().getRequest();

const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const callerOf = (req: AuthenticatedRequest): Principal => {
  if (req.principal === undefined) throw new UnauthenticatedError('missing credentials');
  return req.principal;
};

/** The authenticated caller (set by the AuthGuard). */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal =>
  callerOf(requestOf(ctx)),
);

/**
 * Routes whose input is the body and the path take no query parameter: any is refused (400), as an
 * undeclared body property is — a misspelt option must not be silently ignored.
 */
export const refuseQuery = (query: unknown): void => {
  if (!isObject(query)) return;
  const names = Object.keys(query);
  if (names.length > 0)
    throw new InvalidInputError(
      names.map((name) => ({ path: `query:${name}`, expected: 'no query parameter', value: query[name] })),
    );
};

const pathAndQuery = createParamDecorator((_: unknown, ctx: ExecutionContext): Record<string, unknown> => {
  const req = requestOf(ctx);
  return { ...(isObject(req.query) ? req.query : {}), ...req.params };
});

/**
 * A read's input: the path parameters and the query string together, decoded with the route's
 * codec (400 with every failing path) and checked to name only this deployment's units.
 */
export const QueryInput = <A>(codec: t.Decoder<unknown, A> & AnyCodec): ParameterDecorator =>
  pathAndQuery(undefined, new DecodePipe(codec), KnownUnitsPipe);

const bodyAndPath = createParamDecorator((_: unknown, ctx: ExecutionContext): unknown => {
  const req = requestOf(ctx);
  refuseQuery(req.query);
  return isObject(req.body) ? { ...req.body, ...req.params } : req.body;
});

/**
 * A request the server completes into a command (a bulletin's figures are computed, never sent):
 * the body with the path parameters merged in, decoded with `codec` and checked for known units.
 */
export const BodyInput = <A>(codec: t.Decoder<unknown, A> & AnyCodec): ParameterDecorator =>
  bodyAndPath(undefined, new DecodePipe(codec), KnownUnitsPipe);

/** How a command route reads its command from the request, beyond the body and the path. */
export interface CommandInputOptions {
  /** Path parameters that are numbers in the command (e.g. `year`). */
  readonly numericParams?: ReadonlyArray<string>;
  /** The project id may be omitted: it is derived from the command id (the Idempotency-Key's). */
  readonly generatesProjectId?: boolean;
}

/** The command id of a request: set by the IdempotencyInterceptor before any parameter is read. */
export const commandIdOf = (req: AuthenticatedRequest): string => {
  if (req.commandId === undefined) throw new Error('a command route without the IdempotencyInterceptor');
  return req.commandId;
};

const commandRequest = createParamDecorator(
  (options: CommandInputOptions & { readonly type: RoutedCommandType }, ctx: ExecutionContext): unknown => {
    const req = requestOf(ctx);
    refuseQuery(req.query);
    if (!isObject(req.body)) return req.body;
    const params: Record<string, unknown> = { ...req.params };
    for (const name of options.numericParams ?? []) {
      const v = params[name];
      if (typeof v === 'string' && /^\d+$/.test(v)) params[name] = Number(v);
    }
    const input: Record<string, unknown> = { ...req.body, ...params, type: options.type };
    if (options.generatesProjectId === true && input.projectId === undefined) {
      // A retried create with the same key (the same command id) lands on the same stream, so it
      // cannot make two projects; another caller's same key is another command id.
      const id = createHash('sha256').update(commandIdOf(req)).digest('hex').slice(0, 16).toUpperCase();
      input.projectId = `XM-${id}`;
    }
    return input;
  },
);

/**
 * A command from the request: the body with the path parameters merged in and the command's type,
 * decoded with the domain's codec of that command (400 with every failing path) and checked to name
 * only this deployment's units.
 */
export const CommandInput = <T extends RoutedCommandType>(
  type: T,
  options: CommandInputOptions = {},
): ParameterDecorator =>
  commandRequest({ ...options, type }, new DecodePipe<unknown>(commandCodecs[type]), KnownUnitsPipe);

/** What a command carries besides itself: who sends it, which request, what the caller expects. */
export interface RequestContext {
  readonly actor: Principal;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly expectedRevision?: CurrentRevision;
}

const ifMatch = (header: string | string[] | undefined): CurrentRevision | undefined => {
  if (header === undefined) return undefined;
  const text = (Array.isArray(header) ? header[0] : header)?.replace(/^W\//, '').replace(/"/g, '').trim();
  if (text === 'no-stream') return 'no-stream';
  if (text !== undefined && /^\d+$/.test(text)) return Number(text);
  throw new InvalidInputError([
    { path: 'header:If-Match', expected: 'a stream revision (integer) or "no-stream"', value: header },
  ]);
};

/**
 * The context of the command a request carries: the caller, the command id, the correlation id
 * (`X-Correlation-Id`, else the request id), the request as its cause, and `If-Match` as the
 * stream revision the caller expects (400 when it is neither a revision nor "no-stream").
 */
export const Issued = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => {
  const req = requestOf(ctx);
  const actor = callerOf(req);
  const expectedRevision = ifMatch(req.headers['if-match']);
  const commandId = commandIdOf(req);
  const requestId = req.id === undefined ? commandId : String(req.id);
  const correlation = req.headers['x-correlation-id'];
  return {
    actor,
    commandId,
    correlationId: typeof correlation === 'string' && correlation.length > 0 ? correlation : requestId,
    causationId: requestId,
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
  };
});

/** The command a route's CommandInput decodes: the domain's command of that type. */
export type CommandOf<T extends RoutedCommandType> = t.TypeOf<(typeof commandCodecs)[T]>;
