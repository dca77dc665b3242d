import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { CodedApiError, ForbiddenError, UnauthenticatedError } from '../errors/api-errors';
import { AbuseLimits } from '../http/abuse-limits';
import { Authenticator } from './authenticator';
import { mayIssue, mayRead } from './permissions';
import { ROUTE_ACCESS, type RouteAccess } from './route-access';
import type { Principal } from './roles';
import { passesCsrfRule } from './session-cookie';

/**
 * The request as the guard leaves it: with the authenticated caller (and, on a command route, the
 * command id the IdempotencyInterceptor gives it).
 */
export type AuthenticatedRequest = Request & { principal?: Principal; id?: unknown; commandId?: string };

/** The key a principal's limits and idempotency keys are counted under. */
export const principalKey = (p: Principal): string =>
  `${p.via}\u0000${p.userId}\u0000${p.role}\u0000${p.unitId}`;

const presentsCredentials = (req: Request): boolean => {
  const key = req.headers['x-api-key'];
  return (typeof key === 'string' && key.length > 0) || typeof req.headers.authorization === 'string';
};

/**
 * Authenticates every non-public route and checks the roles its `@Issue` / `@Read` metadata names
 * (unit scope is checked on the stream for commands, by the controllers through ReadScope for
 * reads). Failed authentications count against the client address, commands against the principal
 * (AbuseLimits).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(Authenticator) private readonly authenticator: Authenticator,
    @Inject(AbuseLimits) private readonly limits: AbuseLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.get<RouteAccess | undefined>(ROUTE_ACCESS, context.getHandler());
    if (access === undefined) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    this.limits.checkAddress(address);
    let principal: Principal;
    try {
      principal = await this.authenticator.authenticate(req.headers);
    } catch (error) {
      if (error instanceof UnauthenticatedError && presentsCredentials(req))
        await this.limits.authFailed(address);
      throw error;
    }
    req.principal = principal;
    // Sign-in sessions (issue #18 item 1): a change sent with the cookie must carry the CSRF header.
    if (principal.via === 'session' && !passesCsrfRule(req.method, req.headers))
      throw new CodedApiError(403, 'CSRF_HEADER_REQUIRED');
    if (access.kind === 'command') {
      if (!mayIssue(principal.role, access.command))
        throw new ForbiddenError('ROLE_NOT_ALLOWED', { role: principal.role, action: access.command });
      await this.limits.write(principalKey(principal));
    }
    if (
      access.kind === 'query' &&
      access.restricted !== undefined &&
      !mayRead(principal.role, access.restricted)
    ) {
      throw new ForbiddenError('ROLE_NOT_ALLOWED', { role: principal.role, action: access.restricted });
    }
    return true;
  }
}
