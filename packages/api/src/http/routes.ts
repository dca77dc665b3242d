import type * as t from 'io-ts';
import type { RoutedCommandType } from '../auth/permissions';
import type { Role } from '../auth/roles';

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

// The exchange with other systems (issue #17: feed, webhooks, import), in the OpenAPI document since issue #18
/**
 * A route of the exchange with other systems (the event feed, webhook subscriptions, the Excel
 * import): it answers something other than a command result or a query answer, and its controller
 * checks the role itself (`@Read()` and a role check), so it is listed apart from the contexts'
 * routes. The OpenAPI document describes it; the role matrix calls `sample` as every role.
 */
export interface ExchangeRoute {
  readonly kind: 'exchange';
  /** The operation's id in the OpenAPI document. */
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description: { readonly zh: string; readonly en: string };
  /** Who may call it; absent: every authenticated role (each reads only what it may see). */
  readonly roles?: ReadonlyArray<Role>;
  /** Codec of the path parameters and the query string together (all strings). */
  readonly input?: t.Mixed;
  /** The body: JSON decoded with a codec (path parameters merged in), or a file of a media type. */
  readonly body?: { readonly codec: t.Mixed } | { readonly mediaType: string };
  readonly status: 200 | 201;
  readonly answer: {
    readonly mediaType: string;
    readonly description: { readonly zh: string; readonly en: string };
  };
  /** Server-Sent Events: the answer never ends; a test checks its status and headers, then aborts it. */
  readonly eventStream?: boolean;
  /** A request (path and query) that passes decoding, so that the role check decides: the role matrix sends it. */
  readonly sample: string;
  /** The JSON body sent with `sample`, when the body is decoded before the role is checked. */
  readonly sampleBody?: unknown;
}

/** The HTTP method of a command route, lower case (express, supertest, OpenAPI). */
export const methodOf = (route: CommandRoute): 'post' | 'put' => (route.method === 'PUT' ? 'put' : 'post');

/** `/projects/:projectId/x` → `/projects/{projectId}/x` (OpenAPI) and the parameter names. */
export const pathParams = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');
