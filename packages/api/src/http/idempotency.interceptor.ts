import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { of, tap, type Observable } from 'rxjs';
import { principalKey, type AuthenticatedRequest } from '../auth/auth.guard';
import { InvalidInputError, UnauthenticatedError } from '../errors/api-errors';
import { fingerprintOf, IdempotencyStore } from './idempotency';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * The resource a command route addresses, canonical whatever the request's spelling (a trailing
 * slash, percent-encoding): the route's path with its decoded parameters.
 */
const resourceOf = (pattern: string, params: Readonly<Record<string, string | string[]>>): string =>
  pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));

/**
 * Gives a command request its command id, and makes `Idempotency-Key` retries safe (issue #6): the
 * first request with a key runs and its answer is kept; a retry with the same key, caller, route
 * and body answers the kept answer (`duplicate: true`) without running again; the same key with
 * another body is a 422, one still running a 409 (http/idempotency.ts). A request that fails frees
 * its key. Without a key, the command id is fresh.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(IdempotencyStore) private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = req.principal;
    if (actor === undefined) throw new UnauthenticatedError('missing credentials');
    const key = req.headers['idempotency-key'];
    if (key === undefined) {
      req.commandId = randomUUID();
      return next.handle();
    }
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
      throw new InvalidInputError([
        { path: 'header:Idempotency-Key', expected: '1–200 printable ASCII characters', value: key },
      ]);
    const pattern: unknown = req.route?.path;
    const claim = this.store.claim(
      {
        principal: principalKey(actor),
        method: req.method.toLowerCase(),
        path: resourceOf(typeof pattern === 'string' ? pattern : req.path, req.params),
      },
      key,
      fingerprintOf(req.body),
    );
    if (claim.kind === 'replay')
      return of(
        typeof claim.answer === 'object' && claim.answer !== null
          ? { ...claim.answer, duplicate: true }
          : claim.answer,
      );
    req.commandId = claim.commandId;
    return next.handle().pipe(tap({ next: claim.complete, error: claim.release }));
  }
}
