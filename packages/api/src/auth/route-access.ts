import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import type { RestrictedQuery, RoutedCommandType } from './permissions';

/**
 * What a route needs: a command's roles, or any authenticated caller for reads (a restricted read:
 * the roles of `queryRoles`). No metadata: public.
 */
export type RouteAccess =
  | { readonly kind: 'command'; readonly command: RoutedCommandType }
  | { readonly kind: 'query'; readonly restricted?: RestrictedQuery };

export const ROUTE_ACCESS = 'zhaoshang:route-access';

export const Access = (access: RouteAccess) => SetMetadata(ROUTE_ACCESS, access);

/**
 * A route that issues a command: the AuthGuard lets through the roles of `commandRoles[command]`
 * only, and the IdempotencyInterceptor gives the request its command id (Idempotency-Key).
 */
export const Issue = (command: RoutedCommandType) =>
  applyDecorators(Access({ kind: 'command', command }), UseInterceptors(IdempotencyInterceptor));

/** A read: any authenticated caller, or for a restricted read the roles of `queryRoles[restricted]`. */
export const Read = (restricted?: RestrictedQuery) =>
  Access(restricted === undefined ? { kind: 'query' } : { kind: 'query', restricted });
