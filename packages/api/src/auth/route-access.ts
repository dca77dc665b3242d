import { SetMetadata } from '@nestjs/common';
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
