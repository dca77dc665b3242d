import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError } from '../errors/api-errors';
import { Authenticator } from './authenticator';
import { mayIssue, mayRead } from './permissions';
import { ROUTE_ACCESS, type RouteAccess } from './route-access';
import type { Principal } from './roles';

/** The request as the guard leaves it: with the authenticated caller. */
export type AuthenticatedRequest = Request & { principal?: Principal; id?: unknown };

/** Authenticates every non-public route and checks the command's roles (unit scope is checked on the stream). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(Authenticator) private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.get<RouteAccess | undefined>(ROUTE_ACCESS, context.getHandler());
    if (access === undefined) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticator.authenticate(req.headers);
    req.principal = principal;
    if (access.kind === 'command' && !mayIssue(principal.role, access.command)) {
      throw new ForbiddenError('ROLE_NOT_ALLOWED', { role: principal.role, action: access.command });
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
