import type { OpenAPIObject } from '@nestjs/swagger';
import type * as t from 'io-ts';
import { commandRoles, isRestrictedQuery, isUnitScopedRead, queryRoles } from '../auth/permissions';
import { commandCodecs } from '../command-handling/aggregates';
import { allCommandRoutes, allQueryRoutes } from '../http/route-table';
import { openApiPath, pathParams } from '../http/routes';
import { toJsonSchema, type JsonSchema } from './json-schema';

const errorRef = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorRef } },
});
/** 429 `RATE_LIMITED` with the seconds to wait (docs/api.md "Security"). */
const rateLimited = (description: string) => ({
  ...errorResponse(description),
  headers: {
    'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
  },
});

/** Removes the fields a route fills in (path params and `type`) from a command's body schema. */
const bodySchema = (
  schema: JsonSchema,
  filled: ReadonlyArray<string>,
  optional: ReadonlyArray<string>,
): JsonSchema => {
  if (schema.type !== 'object') return schema;
  const props = { ...(schema.properties as Record<string, JsonSchema>) };
  for (const k of filled) delete props[k];
  const required = ((schema.required as string[] | undefined) ?? []).filter(
    (k) => !filled.includes(k) && !optional.includes(k),
  );
  return { ...schema, properties: props, required };
};

/** The OpenAPI 3 document of the API, generated from the route table and the domain's io-ts codecs. */
export const openApiDocument = (): OpenAPIObject => {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = {
    Error: {
      type: 'object',
      required: ['code', 'message', 'text'],
      properties: {
        code: {
          type: 'string',
          description: 'stable SCREAMING_SNAKE code (docs/domain.md, packages/api/README.md)',
        },
        message: {
          type: 'object',
          required: ['zh', 'en'],
          properties: { zh: { type: 'string' }, en: { type: 'string' } },
        },
        text: {
          type: 'string',
          description: 'the message in the language Accept-Language prefers (zh by default)',
        },
        params: { type: 'object' },
        rule: { type: 'string', description: 'the rule of DOMAIN.md §2 (R1–R16) a 422 enforces' },
        errors: {
          type: 'array',
          description: '400: every failing path',
          items: {
            type: 'object',
            properties: { path: { type: 'string' }, expected: { type: 'string' }, value: {} },
          },
        },
        currentRevision: { description: '409: the stream revision now' },
      },
    },
    CommandResult: {
      type: 'object',
      properties: {
        commandId: { type: 'string' },
        streamName: { type: 'string' },
        revision: { oneOf: [{ type: 'integer' }, { type: 'string', enum: ['no-stream'] }] },
        position: { type: 'string', description: 'global position; pass as ?atLeast= to read your write' },
        events: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              type: { type: 'string' },
              revision: { type: 'integer' },
              position: { type: 'string' },
            },
          },
        },
        duplicate: {
          type: 'boolean',
          description: 'true: the Idempotency-Key was seen before; nothing was appended',
        },
      },
    },
  };
  for (const route of allCommandRoutes) {
    const codec = commandCodecs[route.command] as t.Mixed;
    schemas[route.command] = toJsonSchema(codec);
    const params = pathParams(route.path);
    const path = (paths[openApiPath(route.path)] ??= {});
    path[route.method === 'PUT' ? 'put' : 'post'] = {
      tags: [route.tag],
      operationId: route.command,
      summary: route.summary,
      description:
        `Command \`${route.command}\`. Roles: ${commandRoles[route.command].join(', ')}.` +
        (route.prepare !== undefined
          ? ` The body is a request the server completes into the command (schema \`${route.command}\`).`
          : ''),
      security: [{ bearer: [] }, { apiKey: [] }],
      parameters: [
        ...params.map((name) => ({
          name,
          in: 'path',
          required: true,
          schema: { type: name === 'year' ? 'integer' : 'string' },
        })),
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: { type: 'string', maxLength: 200 },
          description:
            'makes a retry safe (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): scoped to the caller and the route, kept with the body’s fingerprint for 24 h (IDEMPOTENCY_KEY_TTL_HOURS); a retry with the same body returns the first answer (`duplicate: true`) and appends nothing; another body answers 422 IDEMPOTENCY_KEY_REUSED; a retry while the first is in flight answers 409 IDEMPOTENCY_KEY_IN_FLIGHT',
        },
        {
          name: 'If-Match',
          in: 'header',
          required: false,
          schema: { type: 'string' },
          description: 'expected stream revision; another one answers 409',
        },
        { name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string' } },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: bodySchema(
              route.prepare !== undefined ? toJsonSchema(route.prepare.body) : schemas[route.command]!,
              [...params, 'type'],
              route.generatesProjectId ? ['projectId'] : [],
            ),
          },
        },
      },
      responses: {
        [String(route.status ?? 200)]: {
          description: 'appended (or already satisfied)',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandResult' } } },
        },
        400: errorResponse('input does not decode: every failing path'),
        401: errorResponse('no or bad credentials'),
        403: errorResponse('role not allowed, or outside the caller’s unit'),
        404: errorResponse('unknown project (PROJECT_NOT_FOUND)'),
        409: errorResponse(
          'concurrent write: currentRevision; IDEMPOTENCY_KEY_IN_FLIGHT: the first request with this Idempotency-Key is still being processed',
        ),
        422: errorResponse(
          'a business rule refused the command (`code`, `rule`, `params`); `DATE_IN_FUTURE` when a fact is dated after the server’s today in Asia/Shanghai (`params.field`, `date`, `today`); IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used with another body',
        ),
        429: rateLimited(
          'RATE_LIMITED: too many commands from this caller (WRITE_RATE_LIMIT_PER_MINUTE), requests from this address (RATE_LIMIT_PER_MINUTE) or failed authentications from it (AUTH_FAILURE_LIMIT_PER_MINUTE)',
        ),
      },
    };
  }
  for (const route of allQueryRoutes) {
    const input = toJsonSchema(route.input);
    const props = (input.properties as Record<string, JsonSchema> | undefined) ?? {};
    const required = (input.required as string[] | undefined) ?? [];
    const params = pathParams(route.path);
    const path = (paths[openApiPath(route.path)] ??= {});
    path.get = {
      tags: [route.tag],
      operationId: route.name,
      summary: route.summary,
      description:
        (route.streamed === undefined
          ? `Query \`${route.name}\`; answers \`{ position, caughtUp, data: ${route.returns} }\`.`
          : `Streamed query \`${route.name}\`; answers \`${route.streamed.contentType}\`, written as it is produced: ${route.returns}.`) +
        (isRestrictedQuery(route.name) ? ` Roles: ${queryRoles[route.name].join(', ')}.` : ''),
      security: [{ bearer: [] }, { apiKey: [] }],
      parameters: Object.entries(props).map(([name, schema]) => ({
        name,
        in: params.includes(name) ? 'path' : 'query',
        required: params.includes(name) || required.includes(name),
        schema,
      })),
      responses: {
        200:
          route.streamed === undefined
            ? { description: route.returns }
            : {
                description: route.returns,
                content: { [route.streamed.contentType]: { schema: { type: 'string' } } },
              },
        400: errorResponse('bad parameters'),
        401: errorResponse('no or bad credentials'),
        ...(isRestrictedQuery(route.name) ? { 403: errorResponse('role not allowed') } : {}),
        ...(isUnitScopedRead(route.name)
          ? { 403: errorResponse('OUTSIDE_UNIT: an investment officer reads only their own unit') }
          : {}),
        404: errorResponse('not found'),
        429: rateLimited(
          'RATE_LIMITED: too many requests from this address (RATE_LIMIT_PER_MINUTE) or failed authentications from it (AUTH_FAILURE_LIMIT_PER_MINUTE)',
        ),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: '招商引资项目管理 API / Investment-attraction projects API',
      version: '0.1.0',
      description:
        'Commands append events to the project, target-plan, leader-activity, bulletin and working-calendar streams; queries read the projections. ' +
        'Money is exact: integer 分 (CNY) and cents (USD) as JSON numbers. Dates are YYYY-MM-DD business dates (Asia/Shanghai); ' +
        'no fact may be dated after the server’s today (422 DATE_IN_FUTURE), and no route lets a caller say what today is: ' +
        'missed milestones are raised by the server’s deadline watcher alone. ' +
        'Positions are decimal strings.',
    },
    servers: [{ url: '/' }],
    tags: ['projects', 'targets', 'leaders', 'bulletins', 'reviews', 'audit', 'exports', 'working-calendar', 'operations'].map((name) => ({
      name,
    })),
    paths: paths as OpenAPIObject['paths'],
    components: {
      schemas: schemas as NonNullable<OpenAPIObject['components']>['schemas'],
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'people: HS256 token with sub, role, unit',
        },
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'systems: a key from API_KEYS',
        },
      },
    },
  };
};
