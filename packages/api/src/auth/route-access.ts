import { SetMetadata } from '@nestjs/common';
import type { CommandType } from './permissions';

/** What a route needs: a command's roles, or any authenticated caller for reads. No metadata: public. */
export type RouteAccess =
  { readonly kind: 'command'; readonly command: CommandType } | { readonly kind: 'query' };

export const ROUTE_ACCESS = 'zhaoshang:route-access';

export const Access = (access: RouteAccess) => SetMetadata(ROUTE_ACCESS, access);
