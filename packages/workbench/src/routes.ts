import { request } from './api';

/** How a command is sent: its method and path pattern (`/projects/{projectId}/procedures`). */
export interface CommandRoute {
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  /** The roles that may issue it (the operation's `x-roles`). */
  readonly roles: ReadonlyArray<string>;
}

interface OpenApiDocument {
  readonly paths: Readonly<
    Record<
      string,
      Readonly<
        Record<
          string,
          { readonly operationId?: string; readonly 'x-roles'?: ReadonlyArray<string> } | undefined
        >
      >
    >
  >;
}

let routes: Promise<ReadonlyMap<string, CommandRoute>> | undefined;

/**
 * The API's command routes by command type, read from its OpenAPI document (operationId is the
 * command's type): the workbench keeps no copy of the route table.
 */
export const commandRoutes = (): Promise<ReadonlyMap<string, CommandRoute>> => {
  routes ??= request<OpenApiDocument>('GET', '/openapi.json').then((doc) => {
    const out = new Map<string, CommandRoute>();
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        if ((method === 'post' || method === 'put') && op?.operationId !== undefined)
          out.set(op.operationId, {
            method: method === 'post' ? 'POST' : 'PUT',
            path,
            roles: op['x-roles'] ?? [],
          });
    return out;
  });
  routes.catch(() => {
    routes = undefined;
  });
  return routes;
};

/** A route's path with the values of its parameters (from the command's body). */
export const fillPath = (pattern: string, values: Readonly<Record<string, unknown>>): string =>
  pattern.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(values[name] ?? '')));
