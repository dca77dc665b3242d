import { Controller, Get, HttpCode, Inject, Post, Put, Req, Res, type Type } from '@nestjs/common';
import type { Response } from 'express';
import { isRestrictedQuery } from '../auth/permissions';
import { Access } from '../auth/route-access';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { RequestDispatcher } from './request-dispatcher';
import type { CommandRoute, QueryRoute } from './routes';

type Method = (
  this: { dispatcher: RequestDispatcher },
  req: AuthenticatedRequest,
  res: Response,
) => Promise<unknown>;

/**
 * Builds a context's controller from its route table: one method per route, decorated as if
 * written by hand (@Post/@Get, @HttpCode, @Access, @Req). The table is the single source of the
 * routes, their roles and their OpenAPI description.
 */
export const controllerFor = (
  name: string,
  commands: ReadonlyArray<CommandRoute>,
  queries: ReadonlyArray<QueryRoute>,
): Type<unknown> => {
  class RoutesController {
    constructor(readonly dispatcher: RequestDispatcher) {}
  }
  Object.defineProperty(RoutesController, 'name', { value: `${name}Controller` });
  const proto = RoutesController.prototype as unknown as Record<string, Method>;
  const define = (key: string, method: Method, decorators: ReadonlyArray<MethodDecorator>) => {
    proto[key] = method;
    const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
    for (const d of decorators) d(proto, key, descriptor);
    Req()(proto, key, 0);
  };
  for (const route of commands) {
    define(
      route.command,
      function (req) {
        return this.dispatcher.command(route, req);
      },
      [
        (route.method === 'PUT' ? Put : Post)(route.path),
        HttpCode(route.status ?? 200),
        Access({ kind: 'command', command: route.command }),
      ],
    );
  }
  for (const route of queries) {
    define(
      route.name,
      route.streamed === undefined
        ? function (req) {
            return this.dispatcher.query(route, req);
          }
        : function (req, res) {
            return this.dispatcher.stream(route, req, res);
          },
      [
        Get(route.path),
        Access(isRestrictedQuery(route.name) ? { kind: 'query', restricted: route.name } : { kind: 'query' }),
      ],
    );
    // A streamed answer writes the response itself (Nest then sends nothing of its own).
    if (route.streamed !== undefined) Res()(proto, route.name, 1);
  }
  Inject(RequestDispatcher)(RoutesController, undefined, 0);
  Controller()(RoutesController);
  return RoutesController;
};
