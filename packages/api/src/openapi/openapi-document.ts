import type { OpenAPIObject } from '@nestjs/swagger';
import type * as t from 'io-ts';
import { commandRoles, isRestrictedQuery, queryRoles } from '../auth/permissions';
import { commandCodecs } from '../command-handling/aggregates';
import { allCommandRoutes, allQueryRoutes } from '../http/route-table';
import { openApiPath, pathParams } from '../http/routes';
import { EXCERPT_LENGTH, MAX_FIELD_ERRORS } from '../errors/api-errors';
import { INPUT_LIMITS } from '../http/input-limits';
import { BRANDS, ID_SCHEMA, toJsonSchema, type JsonSchema } from './json-schema';
// People's sign-in and account administration (issue #18 item 1)
import { SESSION_SECURITY_SCHEME, SIGN_IN_TAG, signInOpenApi } from '../accounts/accounts.openapi';

const errorRef = { $ref: '#/components/schemas/Error' };
const rateLimitHeaders = {
  'X-RateLimit-Limit': { $ref: '#/components/headers/X-RateLimit-Limit' },
  'X-RateLimit-Remaining': { $ref: '#/components/headers/X-RateLimit-Remaining' },
  'X-RateLimit-Reset': { $ref: '#/components/headers/X-RateLimit-Reset' },
};
const errorResponse = (description: string, headers: Record<string, unknown> = rateLimitHeaders) => ({
  description,
  headers,
  content: { 'application/json': { schema: errorRef } },
});
/** The error answers every route may give, by status (what each means on that route follows). */
const ERRORS = {
  400: 'input refused before the domain: every failing path (`errors`); also INVALID_JSON, JSON_TOO_DEEP, INVALID_CONTENT_ENCODING',
  401: 'no or bad credentials (UNAUTHENTICATED)',
  403: 'role not allowed (ROLE_NOT_ALLOWED), or outside the caller’s unit (OUTSIDE_UNIT: an investment officer acts on and reads only their own unit)',
  404: 'not found (PROJECT_NOT_FOUND, NOT_FOUND)',
  409: 'conflict with what is on record: concurrent write (WRONG_EXPECTED_REVISION, `currentRevision`), a fact already recorded, a period already published; IDEMPOTENCY_KEY_IN_FLIGHT: the first request with this Idempotency-Key is still being processed',
  413: `request body over ${INPUT_LIMITS.maxBodyBytes} bytes, compressed or not (PAYLOAD_TOO_LARGE)`,
  415: 'body not application/json in UTF-8 (UNSUPPORTED_MEDIA_TYPE), or a Content-Encoding other than identity, gzip, deflate, br (UNSUPPORTED_CONTENT_ENCODING)',
  422: 'a business rule refused the command (`code`, `rule`, `params`); `DATE_IN_FUTURE` when a fact is dated after the server’s today in Asia/Shanghai (`params.field`, `date`, `today`); IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used with another body',
  429: 'RATE_LIMITED: too many commands from this caller (WRITE_RATE_LIMIT_PER_MINUTE), requests from this address (RATE_LIMIT_PER_MINUTE) or failed authentications from it (AUTH_FAILURE_LIMIT_PER_MINUTE); retry after `Retry-After` seconds',
  500: 'a bug: logged with the request id (INTERNAL_ERROR)',
  503: 'the event store is unavailable (STORE_UNAVAILABLE), the service is shutting down (SHUTTING_DOWN), or the read models are behind a requested position (READ_MODEL_BEHIND); retry shortly',
} as const;
type ErrorStatus = keyof typeof ERRORS;

const errorResponses = (statuses: ReadonlyArray<ErrorStatus>) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      status === 429
        ? errorResponse(ERRORS[429], {
            ...rateLimitHeaders,
            'Retry-After': { $ref: '#/components/headers/Retry-After' },
          })
        : status >= 500
          ? errorResponse(ERRORS[status], {})
          : errorResponse(ERRORS[status]),
    ]),
  );

const COMMAND_ERRORS: ReadonlyArray<ErrorStatus> = [400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503];
const QUERY_ERRORS: ReadonlyArray<ErrorStatus> = [400, 401, 403, 404, 429, 500, 503];

/** Tags, in both languages. */
const TAGS: ReadonlyArray<{ readonly name: string; readonly description: string }> = [
  {
    name: 'projects',
    description:
      '招商引资项目：从线索到投产的全生命周期与事实记录 / Investment projects: from lead to production, and the facts on record',
  },
  { name: 'targets', description: '年度目标任务及其完成进度 / Annual targets and progress against them' },
  {
    name: 'leaders',
    description: '领导招商活动：外出招商与接待 / Leaders’ investment-promotion activity: trips and visits',
  },
  {
    name: 'bulletins',
    description:
      '定期通报：按历史计算、可复核的数据 / Periodic bulletins: figures computed from history, verifiable',
  },
  {
    name: 'reviews',
    description:
      '履约与督查：协议兑现情况、督查清单 / Fulfilment and supervision: agreements kept, the supervision list',
  },
  {
    name: 'audit',
    description:
      '审计：事件历史、哈希链校验与导出 / Audit: event history, hash-chain verification and bundles',
  },
  { name: 'exports', description: '导出：台账与报表文件 / Exports: registers and report files' },
  {
    name: 'working-calendar',
    description: '工作日历：法定节假日与调休 / Working calendar: public holidays and make-up working days',
  },
  // land plots and the land-quota ledger (R19)
  {
    name: 'land',
    description:
      '土地：地块台账、每半年土地清理、盘活与收回、用地指标 / Land: the plot register, the half-yearly clearance, revitalisation and reclaim, the land quota',
  },
  { name: 'units', description: '本部署的责任单位 / The units of this deployment' },
  // enterprise requests (R17)
  {
    name: 'requests',
    description:
      '企业诉求与投诉：受理、交办、答复、评价、办结的闭环 / Enterprise requests and complaints: received, handed out, answered, evaluated, closed',
  },
  // Leading-group meetings and their 交办 items (R20)
  {
    name: 'meetings',
    description:
      '领导小组会议与交办事项：例会、专题会、联席会议、调度会；交办、办结、延期、核验 / Leading-group meetings and the items they hand out, followed to done',
  },
  // advisors (招商顾问, 002 §八) and the investor directory (客商目录, 002 §一)
  {
    name: 'advisors',
    description:
      '招商顾问：聘请、牵线搭桥、非公职人员一次性奖励 / Advisors: appointment, introductions, one-time rewards to non-civil-servants',
  },
  {
    name: 'investors',
    description: '客商目录：投资方及其项目 / Investor directory: investors and their projects',
  },
  // People's sign-in and account administration (issue #18 item 1)
  SIGN_IN_TAG,
];

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
  const { required: _all, ...rest } = schema;
  return { ...rest, properties: props, ...(required.length > 0 ? { required } : {}) };
};

/** What the common parameters mean; any other is described by its codec's name. */
const PARAMETERS: Readonly<Record<string, string>> = {
  projectId: 'the project (项目)',
  unitId: 'a unit of the deployment (责任单位; GET /units)',
  leaderId: 'a leader or officer (包保领导、项目经理)',
  tripId: 'an outbound promotion trip (外出招商)',
  year: 'the year',
  period: "a reporting period: '2024', '2024-Q1' or '2024-03'",
  asOf: 'the business date the answer is as of (default: the server’s today, Asia/Shanghai)',
  limit: 'page size',
  offset: 'items to skip (paging)',
  atLeast: 'wait (bounded) until the read models reached this position: read your own write',
  stage: 'only projects at this stage',
  format: 'file format',
  streamName: 'an event stream',
};
const parameterDescription = (name: string, schema: JsonSchema): string =>
  PARAMETERS[name] ??
  (typeof schema.description === 'string'
    ? schema.description
    : `${name} (${String(schema.title ?? schema.type ?? 'value')})`);

/** The API serves its own document: the server is the one that answered (internal: not a public API). */
const SERVER = {
  url: '/',
  description:
    'this deployment, whichever environment (local, staging or production) serves the document: it describes the API that answered',
  'x-internal': true,
};

const ACCEPT_LANGUAGE = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  schema: { type: 'string', maxLength: 200, example: 'zh-CN,zh;q=0.9,en;q=0.8' },
  description: 'language of `text` in error answers: zh (default) or en',
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
          maxLength: 64,
          pattern: '^[A-Z][A-Za-z0-9_]*$',
          example: 'INVALID_INPUT',
          description: 'stable SCREAMING_SNAKE code (docs/domain.md, packages/api/README.md)',
        },
        message: {
          type: 'object',
          required: ['zh', 'en'],
          properties: { zh: { type: 'string', maxLength: 8000 }, en: { type: 'string', maxLength: 8000 } },
        },
        text: {
          type: 'string',
          maxLength: 8000,
          description: 'the message in the language Accept-Language prefers (zh by default)',
        },
        params: { type: 'object', description: 'the values the message names' },
        rule: {
          type: 'string',
          maxLength: 8,
          pattern: '^R\\d{1,2}$',
          description:
            'the rule a 422 enforces: R1–R16 of DOMAIN.md §2, R17–R21 of the seeds’ other mechanisms (docs/domain.md)',
        },
        errors: {
          type: 'array',
          maxItems: MAX_FIELD_ERRORS,
          description: `400: every failing path (at most ${MAX_FIELD_ERRORS}); values as short excerpts`,
          items: {
            type: 'object',
            required: ['path', 'expected', 'value'],
            properties: {
              path: {
                type: 'string',
                maxLength: 201,
                description: 'dotted path; `query:name`, `header:Name` for those',
              },
              expected: { type: 'string', maxLength: 4000 },
              value: {
                description: `what came: as sent when short, else the first ${EXCERPT_LENGTH} characters of its JSON and “…”`,
              },
            },
          },
        },
        currentRevision: { description: '409: the stream revision now' },
      },
    },
    CommandResult: {
      type: 'object',
      required: ['commandId', 'streamName', 'position'],
      properties: {
        commandId: { type: 'string', maxLength: 200 },
        streamName: { type: 'string', maxLength: 200 },
        revision: {
          oneOf: [
            { type: 'integer', format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
            { type: 'string', enum: ['no-stream'] },
          ],
        },
        position: {
          ...BRANDS.GlobalPosition,
          description: 'global position; pass as ?atLeast= to read your write',
        },
        events: {
          type: 'array',
          maxItems: 1000,
          items: {
            type: 'object',
            properties: {
              type: { type: 'string', maxLength: 100 },
              revision: { type: 'integer', format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
              position: BRANDS.GlobalPosition,
            },
          },
        },
        duplicate: {
          type: 'boolean',
          description: 'true: the Idempotency-Key was seen before; nothing was appended',
        },
      },
    },
    QueryAnswer: {
      type: 'object',
      required: ['position', 'caughtUp', 'data'],
      properties: {
        position: { ...BRANDS.GlobalPosition, description: 'the read models’ position the answer reflects' },
        caughtUp: {
          type: 'boolean',
          description: 'false when `atLeast` was given and the read models did not reach it in time',
        },
        data: { description: 'the answer (see each route)' },
      },
    },
    Unit: {
      type: 'object',
      required: ['unitId', 'name'],
      properties: {
        unitId: { ...ID_SCHEMA, example: 'jingkaiqu' },
        name: { type: 'string', minLength: 1, maxLength: 4000, example: '经开区投资促进局' },
      },
    },
  };
  paths['/units'] = {
    get: {
      tags: ['units'],
      operationId: 'ListUnits',
      summary: '本部署的责任单位 / The units of this deployment',
      description:
        'The units requests may name (configuration `UNITS`, plus `region` for the whole region); any other `unitId` is refused with 400.',
      security: [{ bearer: [] }, { apiKey: [] }],
      parameters: [ACCEPT_LANGUAGE],
      responses: {
        200: {
          description: 'the units',
          headers: rateLimitHeaders,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['data'],
                properties: {
                  data: { type: 'array', maxItems: 10000, items: { $ref: '#/components/schemas/Unit' } },
                },
              },
            },
          },
        },
        ...errorResponses([400, 401, 429, 500, 503]),
      },
    },
  };
  // People's sign-in and account administration (issue #18 item 1)
  const signIn = signInOpenApi({ errorResponses, rateLimitHeaders, acceptLanguage: ACCEPT_LANGUAGE });
  Object.assign(schemas, signIn.schemas);
  Object.assign(paths, signIn.paths);
  for (const route of allCommandRoutes) {
    const codec = commandCodecs[route.command] as t.Mixed;
    schemas[route.command] = toJsonSchema(codec);
    const params = pathParams(route.path);
    // A path parameter is validated as the field of the command (or of the request) it fills in.
    const fields = ((route.request !== undefined ? toJsonSchema(route.request) : schemas[route.command]!)
      .properties ?? {}) as Record<string, JsonSchema>;
    const pathSchema = (name: string): JsonSchema => fields[name] ?? { ...ID_SCHEMA };
    const path = (paths[openApiPath(route.path)] ??= {});
    path[route.method === 'PUT' ? 'put' : 'post'] = {
      tags: [route.tag],
      operationId: route.command,
      summary: route.summary,
      description:
        `Command \`${route.command}\`. Roles: ${commandRoles[route.command].join(', ')}.` +
        (route.request !== undefined
          ? ` The body is a request the server completes into the command (schema \`${route.command}\`).`
          : ''),
      security: [{ bearer: [] }, { apiKey: [] }],
      parameters: [
        ...params.map((name) => ({
          name,
          in: 'path',
          required: true,
          description: parameterDescription(name, pathSchema(name)),
          schema: pathSchema(name),
        })),
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            pattern: '^[\\x21-\\x7e]{1,200}$',
            example: 'lead-2025-001',
          },
          description:
            'makes a retry safe (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): scoped to the caller and the route, kept with the body’s fingerprint for 24 h (IDEMPOTENCY_KEY_TTL_HOURS); a retry with the same body returns the first answer (`duplicate: true`) and appends nothing; another body answers 422 IDEMPOTENCY_KEY_REUSED; a retry while the first is in flight answers 409 IDEMPOTENCY_KEY_IN_FLIGHT',
        },
        {
          name: 'If-Match',
          in: 'header',
          required: false,
          schema: {
            type: 'string',
            maxLength: 30,
            pattern: '^(W/)?"?(\\d{1,15}|no-stream)"?$',
            example: '"3"',
          },
          description: 'expected stream revision; another one answers 409',
        },
        ACCEPT_LANGUAGE,
      ],
      requestBody: {
        required: true,
        description: `JSON (UTF-8; Content-Encoding identity, gzip, deflate or br), at most ${INPUT_LIMITS.maxBodyBytes} bytes and ${INPUT_LIMITS.maxDepth} levels deep; no property named __proto__, constructor or prototype; text without NUL or control characters (newline and tab allowed), lone surrogates or invalid UTF-8`,
        content: {
          'application/json': {
            schema: bodySchema(
              route.request !== undefined ? toJsonSchema(route.request) : schemas[route.command]!,
              [...params, 'type'],
              route.generatesProjectId ? ['projectId'] : [],
            ),
          },
        },
      },
      responses: {
        [String(route.status ?? 200)]: {
          description: 'appended (or already satisfied)',
          headers: rateLimitHeaders,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandResult' } } },
        },
        ...errorResponses(COMMAND_ERRORS),
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
      parameters: [
        ...Object.entries(props).map(([name, schema]) => ({
          name,
          in: params.includes(name) ? 'path' : 'query',
          description: parameterDescription(name, schema),
          required: params.includes(name) || required.includes(name),
          schema,
        })),
        ACCEPT_LANGUAGE,
      ],
      responses: {
        200:
          route.streamed === undefined
            ? {
                description: route.returns,
                headers: rateLimitHeaders,
                content: {
                  'application/json': {
                    schema: {
                      allOf: [
                        { $ref: '#/components/schemas/QueryAnswer' },
                        { type: 'object', properties: { data: { description: route.returns } } },
                      ],
                    },
                  },
                },
              }
            : {
                description: route.returns,
                headers: rateLimitHeaders,
                content: {
                  [route.streamed.contentType]: {
                    schema: { type: 'string', format: 'binary', maxLength: Number.MAX_SAFE_INTEGER },
                  },
                },
              },
        ...errorResponses(QUERY_ERRORS),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: '招商引资项目管理 API / Investment-attraction projects API',
      version: '0.1.0',
      contact: { name: '本部署的运维单位 / the operators of this deployment' },
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
      description:
        'Commands append events to the project, target-plan, leader-activity, bulletin and working-calendar streams; queries read the projections. ' +
        'Money is exact: integer 分 (CNY) and cents (USD) as JSON numbers. Dates are YYYY-MM-DD business dates (Asia/Shanghai); ' +
        'no fact may be dated after the server’s today (422 DATE_IN_FUTURE), and no route lets a caller say what today is: ' +
        'missed milestones are raised by the server’s deadline watcher alone. ' +
        'Positions are decimal strings.',
    },
    servers: [SERVER],
    tags: [...TAGS].sort((a, b) => a.name.localeCompare(b.name)),
    paths: paths as OpenAPIObject['paths'],
    components: {
      schemas: schemas as NonNullable<OpenAPIObject['components']>['schemas'],
      headers: {
        'X-RateLimit-Limit': {
          description: 'requests allowed in the current window (set by the rate limiter)',
          schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 },
        },
        'X-RateLimit-Remaining': {
          description: 'requests left in the current window',
          schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 },
        },
        'X-RateLimit-Reset': {
          description: 'seconds until the current window ends',
          schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 },
        },
        'Retry-After': {
          description: 'seconds to wait before retrying',
          schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 },
        },
      },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'people: an HS256 JWT with sub, role, unit, iss and exp, issued and checked following RFC8725 (JSON Web Token Best Current Practices): one algorithm (HS256) accepted, never `none`, issuer and expiry checked',
        },
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'systems: a key from API_KEYS',
        },
        // People's sign-in (issue #18 item 1)
        session: SESSION_SECURITY_SCHEME,
      },
    },
  };
};
