import type * as t from 'io-ts';
import type { RoutedCommandType } from '../auth/permissions';

/**
 * The route table: every route of the contexts' controllers, with its roles and its description —
 * the source of the OpenAPI document and of the role matrix. The controllers are written by hand;
 * src/http/route-table.unit.spec.ts checks that they and this table name the same routes with the same
 * method, path, status and access.
 */

/** A command route: POST to a resource, body decoded with the command's codec (path params merged in). */
export interface CommandRoute {
  readonly kind: 'command';
  readonly command: RoutedCommandType;
  readonly path: string;
  /** POST by default; PUT where the path names the whole resource (a unit's target year). */
  readonly method?: 'POST' | 'PUT';
  readonly tag: string;
  readonly summary: string;
  /** 201 for a route that creates a resource. */
  readonly status?: 200 | 201;
  /** The project id may be omitted: it is derived from the Idempotency-Key (or drawn at random). */
  readonly generatesProjectId?: boolean;
  /**
   * The request is not the command itself: its body (path parameters merged in) is this request,
   * which the server completes into the command — e.g. a bulletin's figures, computed from history,
   * never sent by the caller.
   */
  readonly request?: t.Mixed;
  /** What the route does, in both languages, beyond its summary (the OpenAPI document shows it). */
  readonly description?: { readonly zh: string; readonly en: string };
}

/** A query route: GET, path and query string decoded with io-ts, answered through the QueryBus. */
export interface QueryRoute {
  readonly kind: 'query';
  readonly name: string;
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  /** Codec of the path parameters and the query string together (all strings). */
  readonly input: t.Mixed;
  /** Human description of the answer's `data`. */
  readonly returns: string;
  /**
   * The handler answers a `StreamedAnswer` (http/streamed-answer.ts), written to the response as it
   * is produced in this content type, instead of `{ position, caughtUp, data }` JSON.
   */
  readonly streamed?: { readonly contentType: string };
  /** What the route does, in both languages, beyond its summary (the OpenAPI document shows it). */
  readonly description?: { readonly zh: string; readonly en: string };
}

export type Route = CommandRoute | QueryRoute;

/** The HTTP method of a command route, lower case (express, supertest, OpenAPI). */
export const methodOf = (route: CommandRoute): 'post' | 'put' => (route.method === 'PUT' ? 'put' : 'post');

/** `/projects/:projectId/x` → `/projects/{projectId}/x` (OpenAPI) and the parameter names. */
export const pathParams = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');
