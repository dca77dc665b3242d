import type { OpenAPIObject } from '@nestjs/swagger';
import { Cny, type Label } from '@zhaoshang/domain';
import type * as t from 'io-ts';
import { commandRoles, isRestrictedQuery, queryRoles } from '../auth/permissions';
import { ROLE_LABELS, type Role } from '../auth/roles';
import { commandCodecs } from '../command-handling/aggregates';
import { allCommandRoutes, allQueryRoutes, exchangeRoutes } from '../http/route-table';
import { openApiPath, pathParams } from '../http/routes';
import { EXCERPT_LENGTH, MAX_FIELD_ERRORS } from '../errors/api-errors';
import { INPUT_LIMITS, WORKBOOK_MAX_BYTES } from '../http/input-limits';
import { expectedOf, fieldEntry } from './codec-descriptions';
import { bilingual, BRANDS, ID_SCHEMA, toJsonSchema, type JsonSchema } from './json-schema';
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
  400: {
    zh: '请求在进入业务规则前被拒绝：逐项列出不合格的字段（`errors`）；以及 INVALID_JSON、JSON_TOO_DEEP、INVALID_CONTENT_ENCODING',
    en: 'input refused before the domain: every failing path (`errors`); also INVALID_JSON, JSON_TOO_DEEP, INVALID_CONTENT_ENCODING',
  },
  401: { zh: '未提供或无效的凭据（UNAUTHENTICATED）', en: 'no or bad credentials (UNAUTHENTICATED)' },
  403: {
    zh: '角色无权（ROLE_NOT_ALLOWED），或超出本单位范围（OUTSIDE_UNIT：招商专员只能办理和查看本单位的项目）',
    en: 'role not allowed (ROLE_NOT_ALLOWED), or outside the caller’s unit (OUTSIDE_UNIT: an investment officer acts on and reads only their own unit)',
  },
  404: { zh: '不存在（PROJECT_NOT_FOUND、NOT_FOUND）', en: 'not found (PROJECT_NOT_FOUND, NOT_FOUND)' },
  409: {
    zh: '与已记录的事实冲突：并发写入（WRONG_EXPECTED_REVISION，附 `currentRevision`）、事实已记录、期间已发布；IDEMPOTENCY_KEY_IN_FLIGHT：同一 Idempotency-Key 的首个请求仍在处理',
    en: 'conflict with what is on record: concurrent write (WRONG_EXPECTED_REVISION, `currentRevision`), a fact already recorded, a period already published; IDEMPOTENCY_KEY_IN_FLIGHT: the first request with this Idempotency-Key is still being processed',
  },
  413: {
    zh: `请求体超过 ${INPUT_LIMITS.maxBodyBytes} 字节（无论是否压缩）（PAYLOAD_TOO_LARGE）`,
    en: `request body over ${INPUT_LIMITS.maxBodyBytes} bytes, compressed or not (PAYLOAD_TOO_LARGE)`,
  },
  415: {
    zh: '请求体不是 UTF-8 的 application/json（UNSUPPORTED_MEDIA_TYPE），或 Content-Encoding 不是 identity、gzip、deflate、br（UNSUPPORTED_CONTENT_ENCODING）',
    en: 'body not application/json in UTF-8 (UNSUPPORTED_MEDIA_TYPE), or a Content-Encoding other than identity, gzip, deflate, br (UNSUPPORTED_CONTENT_ENCODING)',
  },
  422: {
    zh: '业务规则拒绝了该命令（`code`、`rule`、`params`）；DATE_IN_FUTURE：事实日期晚于服务器所在地（北京时间）的今天；IDEMPOTENCY_KEY_REUSED：同一 Idempotency-Key 用于了不同的请求体',
    en: 'a business rule refused the command (`code`, `rule`, `params`); `DATE_IN_FUTURE` when a fact is dated after the server’s today in Asia/Shanghai (`params.field`, `date`, `today`); IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used with another body',
  },
  429: {
    zh: 'RATE_LIMITED：该调用者的命令过多（WRITE_RATE_LIMIT_PER_MINUTE）、该地址的请求过多（RATE_LIMIT_PER_MINUTE）或认证失败过多（AUTH_FAILURE_LIMIT_PER_MINUTE）；请在 `Retry-After` 秒后重试',
    en: 'RATE_LIMITED: too many commands from this caller (WRITE_RATE_LIMIT_PER_MINUTE), requests from this address (RATE_LIMIT_PER_MINUTE) or failed authentications from it (AUTH_FAILURE_LIMIT_PER_MINUTE); retry after `Retry-After` seconds',
  },
  500: {
    zh: '程序缺陷：已连同请求编号记入日志（INTERNAL_ERROR）',
    en: 'a bug: logged with the request id (INTERNAL_ERROR)',
  },
  503: {
    zh: '事件库不可用（STORE_UNAVAILABLE）、服务正在停止（SHUTTING_DOWN）或读模型未追上所要求的位置（READ_MODEL_BEHIND）；请稍后重试',
    en: 'the event store is unavailable (STORE_UNAVAILABLE), the service is shutting down (SHUTTING_DOWN), or the read models are behind a requested position (READ_MODEL_BEHIND); retry shortly',
  },
} as const satisfies Record<number, Label>;
type ErrorStatus = keyof typeof ERRORS;

const errorResponses = (statuses: ReadonlyArray<ErrorStatus>) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      status === 429
        ? errorResponse(bilingual(ERRORS[429]), {
            ...rateLimitHeaders,
            'Retry-After': { $ref: '#/components/headers/Retry-After' },
          })
        : status >= 500
          ? errorResponse(bilingual(ERRORS[status]), {})
          : errorResponse(bilingual(ERRORS[status])),
    ]),
  );

const COMMAND_ERRORS: ReadonlyArray<ErrorStatus> = [400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503];
const QUERY_ERRORS: ReadonlyArray<ErrorStatus> = [400, 401, 403, 404, 429, 500, 503];

/**
 * The tags: one per bounded context, named in both languages (`项目 Projects`) and described in two
 * sentences in each; route tables name a tag by its key (`projects`).
 */
const TAGS = {
  projects: {
    name: '项目 Projects',
    zh: '招商引资项目从线索、论证准入、签约、手续、开工到投产达效的全生命周期。每个接口记录一项事实，业务规则（R1–R16）在记录前检查。',
    en: 'Investment projects through their whole life: lead, admission review, signing, procedures, construction and production. Each route records one fact, checked against the business rules (R1–R16) before it is recorded.',
  },
  targets: {
    name: '目标 Targets',
    zh: '各单位和全区的年度目标任务。完成进度按序时进度计算，并以红黄蓝灯标示。',
    en: 'The annual targets of the units and of the region. Progress is measured against the time-elapsed pace and marked with traffic lights.',
  },
  leaders: {
    name: '领导招商 Leaders',
    zh: '领导外出招商和接待来访客商的活动。每位领导的外出招商次数按年度要求考核（R15）。',
    en: 'Leaders’ promotion trips and the visits they receive. Each leader’s trips are checked against the yearly minimum (R15).',
  },
  bulletins: {
    name: '通报 Bulletins',
    zh: '按月、季、年发布的招商引资工作通报。数据由历史事件计算，发布后可复核、可更正但不可改写。',
    en: 'The monthly, quarterly and yearly bulletins. Their figures are computed from the history of events: once published they can be verified and corrected, never rewritten.',
  },
  reviews: {
    name: '履约督查 Reviews',
    zh: '协议履约情况与督查清单。督查考核办据此跟踪超期、落后和违约的项目。',
    en: 'Fulfilment of the agreements and the supervision list. The supervision office follows overdue, lagging and breaching projects from here.',
  },
  audit: {
    name: '审计 Audit',
    zh: '事件历史、哈希链校验和审计包导出。审计人员可在不依赖本系统的情况下复核每一项记录。',
    en: 'The history of events, hash-chain verification and audit bundles. Auditors can check every record without trusting this system.',
  },
  exports: {
    name: '导出 Exports',
    zh: '项目台账和报表的 Excel、CSV 文件。导出的内容与查询接口的答复一致。',
    en: 'The project register and the reports as Excel and CSV files. What is exported is what the queries answer.',
  },
  'working-calendar': {
    name: '工作日历 Working calendar',
    zh: '国务院公布的法定节假日和调休安排。手续办理时限按工作日计算（R7）。',
    en: 'The public holidays and make-up working days the State Council publishes. Procedure time limits are counted in working days (R7).',
  },
  land: {
    name: '土地 Land',
    zh: '地块台账、每半年的土地清理、闲置和低效用地的盘活与收回，以及用地指标。规则 R19 在此执行。',
    en: 'The plot register, the half-yearly land clearance, revitalising and reclaiming idle or low-efficiency land, and the land quota. Rule R19 is enforced here.',
  },
  units: {
    name: '责任单位 Units',
    zh: '本部署的责任单位。请求中的单位编号只能取这些值。',
    en: 'The units of this deployment. A unit id in a request must be one of them.',
  },
  requests: {
    name: '企业诉求 Requests',
    zh: '企业诉求与投诉的受理、交办、答复、评价和办结。办理时限按工作日计算（R17）。',
    en: 'Enterprise requests and complaints: received, handed out, answered, evaluated and closed. Time limits are counted in working days (R17).',
  },
  meetings: {
    name: '领导小组会议 Meetings',
    zh: '领导小组例会、专题会、联席会议和调度会及其交办事项。交办事项跟踪到办结和核验（R20）。',
    en: 'Leading-group meetings (regular, special, joint, dispatch) and the items they hand out. Each item is followed until it is done and verified (R20).',
  },
  advisors: {
    name: '招商顾问 Advisors',
    zh: '招商顾问的聘请、引荐和奖励。一次性奖励只发给非公职人员（R21）。',
    en: 'Advisors: their appointment, the leads they introduce and their rewards. One-time rewards go only to people who are not civil servants (R21).',
  },
  investors: {
    name: '客商目录 Investors',
    zh: '投资方目录及其项目。可按名称或统一社会信用代码查找。',
    en: 'The directory of investors and their projects. Search by name or by unified social credit code.',
  },
  // The event feed, webhooks and the Excel import (issue #17), in the document since issue #18
  feed: {
    name: '事件订阅 Feed',
    zh: '供其他系统读取的事件流：分页读取或实时推送（SSE）。每个事件是一个 CloudEvent，检查点不透明。',
    en: 'The events for other systems: read page by page or live (Server-Sent Events). Each event is a CloudEvent; checkpoints are opaque.',
  },
  webhooks: {
    name: '推送订阅 Webhooks',
    zh: '向其他系统推送事件的订阅。由领导小组办公室登记、查看推送记录和重新推送。',
    en: 'Subscriptions that push events to other systems. The leading-group office registers them, reads their delivery logs and replays them.',
  },
  imports: {
    name: '台账导入 Imports',
    zh: '从 Excel 台账导入项目。先试导入逐行核对，再正式导入；同一文件重复导入不会重复记录。',
    en: 'Import projects from an Excel register. A dry run answers row by row before the commit; importing the same file again records nothing twice.',
  },
  // People's sign-in and account administration (issue #18 item 1; its routes: accounts/accounts.openapi.ts)
  [SIGN_IN_TAG.name]: {
    name: '登录与账号 Sign-in',
    zh: '以账号密码或统一身份认证登录，会话保存在 HttpOnly Cookie 中。管理员在此开设、停用账号和重置密码。',
    en: 'Sign in with a password or OpenID Connect; the session is kept in an HttpOnly cookie. Administrators open and close accounts and reset passwords here.',
  },
} as const satisfies Record<string, Label & { readonly name: string }>;
type TagKey = keyof typeof TAGS;

/** The document's name of a route table's tag. */
const tagName = (key: string): string => {
  const tag = (TAGS as Readonly<Record<string, { readonly name: string }>>)[key];
  if (tag === undefined) throw new Error(`route tag ${key} has no entry in TAGS (openapi-document.ts)`);
  return tag.name;
};

/** Redocly's navigation: the tags by area of work. */
const TAG_GROUPS: ReadonlyArray<{ readonly name: string; readonly tags: ReadonlyArray<TagKey> }> = [
  {
    name: '项目与招商 Projects and promotion',
    tags: ['projects', 'investors', 'advisors', 'leaders', 'requests', 'land'],
  },
  {
    name: '目标、督查与通报 Targets, supervision and bulletins',
    tags: ['targets', 'reviews', 'meetings', 'bulletins'],
  },
  { name: '审计与导出 Audit and exports', tags: ['audit', 'exports'] },
  { name: '与其他系统交换 Exchange with other systems', tags: ['feed', 'webhooks', 'imports'] },
  { name: '账号与配置 Accounts and configuration', tags: [SIGN_IN_TAG.name, 'units', 'working-calendar'] },
];

/** Who may call a route, in both languages, then the roles' codes (`Roles: auditor.`). */
const whoMayCall = (roles: ReadonlyArray<Role> | undefined): string =>
  roles === undefined
    ? '任何已认证的角色（招商专员只能读取本单位） / any authenticated role (an investment officer reads their own unit only)'
    : `${roles.map((r) => ROLE_LABELS[r].zh).join('、')} / ${roles.map((r) => ROLE_LABELS[r].en).join(', ')}. Roles: ${roles.join(', ')}.`;

/**
 * An operation's description, in both languages: what it does (the route's summary and its own
 * description, when the route table gives one), who may call it, what it answers, its errors.
 */
const operationDescription = (parts: {
  readonly summary: string;
  readonly description?: Label | undefined;
  readonly roles: ReadonlyArray<Role> | undefined;
  readonly answers: Label;
  readonly errors: ReadonlyArray<ErrorStatus>;
  readonly note?: string;
}): string =>
  [
    parts.description !== undefined ? `${parts.description.zh}\n\n${parts.description.en}` : parts.summary,
    `**调用者 / Who may call:** ${whoMayCall(parts.roles)}`,
    `**答复 / Answers:** ${parts.answers.zh} / ${parts.answers.en}`,
    `**错误 / Errors:** ${parts.errors.join('、')}（含义见各答复 / each answer below says what it means）`,
    ...(parts.note !== undefined ? [parts.note] : []),
  ].join('\n\n');

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

/** What the common query parameters mean; any other is described by the field glossary and its codec. */
const PARAMETERS: Readonly<Record<string, Label>> = {
  year: { zh: '年度', en: 'the year' },
  period: {
    zh: '报告期：2024、2024-Q1 或 2024-03',
    en: "a reporting period: '2024', '2024-Q1' or '2024-03'",
  },
  asOf: {
    zh: '答复所依据的业务日期（默认为服务器所在地的今天，北京时间）',
    en: 'the business date the answer is as of (default: the server’s today, Asia/Shanghai)',
  },
  limit: { zh: '每页条数', en: 'page size' },
  offset: { zh: '跳过的条数（分页）', en: 'items to skip (paging)' },
  atLeast: {
    zh: '等待（有限时间）读模型追上该位置：读到自己刚写入的内容',
    en: 'wait (bounded) until the read models reached this position: read your own write',
  },
  stage: { zh: '只看处于该阶段的项目', en: 'only projects at this stage' },
  format: { zh: '文件格式', en: 'file format' },
  streamName: { zh: '事件流', en: 'an event stream' },
  after: { zh: '从该检查点之后开始', en: 'start after this checkpoint' },
};
const parameterDescription = (name: string, schema: JsonSchema): string => {
  const own = PARAMETERS[name];
  const type = typeof schema.description === 'string' ? schema.description : undefined;
  return own !== undefined ? `${bilingual(own)}${type !== undefined ? `\n\n${type}` : ''}` : (type ?? name);
};

/** An operation of the sign-in routes, as accounts.openapi.ts writes it. */
interface SignInOperation {
  readonly tags: ReadonlyArray<string>;
  readonly summary: string;
  readonly description?: string;
}

/**
 * Hand-written schemas (the sign-in routes): a property not described in Chinese takes its words
 * (and, a leaf without one, its example) from the glossary's `Account.<field>` entries.
 */
const describeAccountFields = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(describeAccountFields);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, describeAccountFields(v)]),
  );
  if (typeof out.properties !== 'object' || out.properties === null) return out;
  out.properties = Object.fromEntries(
    Object.entries(out.properties as Record<string, Record<string, unknown>>).map(([name, p]) => {
      const entry = fieldEntry('Account', name);
      if (entry === undefined || (typeof p.description === 'string' && /[\u4e00-\u9fff]/.test(p.description)))
        return [name, p];
      const leaf = p.type !== 'object' && p.type !== 'array' && p.$ref === undefined;
      // The roles an account may have, listed with their names.
      const roles = Array.isArray(p.enum) ? (p.enum as Role[]).filter((r) => r in ROLE_LABELS) : [];
      const table = roles.map((r) => `- \`${r}\` ${ROLE_LABELS[r].zh} / ${ROLE_LABELS[r].en}`).join('\n');
      return [
        name,
        {
          ...p,
          ...(roles.length > 0
            ? { 'x-enumDescriptions': Object.fromEntries(roles.map((r) => [r, bilingual(ROLE_LABELS[r])])) }
            : {}),
          description: `${bilingual(entry)}${typeof p.description === 'string' ? `: ${p.description}` : ''}${table !== '' ? `\n\n${table}` : ''}`,
          ...(leaf && p.example === undefined && entry.example !== undefined
            ? { example: entry.example }
            : {}),
        },
      ];
    }),
  );
  return out;
};

/** The path and query parameters of a route, from the codec that decodes them together. */
const inputParameters = (routePath: string, codec: t.Mixed | undefined) => {
  const input = codec !== undefined ? toJsonSchema(codec) : {};
  const props = (input.properties as Record<string, JsonSchema> | undefined) ?? {};
  const required = (input.required as string[] | undefined) ?? [];
  const params = pathParams(routePath);
  return Object.entries(props).map(([name, schema]) => ({
    name,
    in: params.includes(name) ? 'path' : 'query',
    description: parameterDescription(name, schema),
    required: params.includes(name) || required.includes(name),
    schema,
  }));
};

/** The API serves its own document: the server is the one that answered (internal: not a public API). */
const SERVER = {
  url: '/',
  description:
    '本部署：提供本文档的环境（本地、测试或生产）即其所描述的 API / this deployment, whichever environment (local, staging or production) serves the document: it describes the API that answered',
  'x-internal': true,
};

/** A file or a stream written as it is produced: bytes, of no fixed length. */
const FILE_SCHEMA = { type: 'string', format: 'binary', maxLength: Number.MAX_SAFE_INTEGER } as const;

/** Where a live stream resumes (the `id:` of the last event received). */
const LAST_EVENT_ID = {
  name: 'Last-Event-ID',
  in: 'header',
  required: false,
  schema: { type: 'string', maxLength: 20, pattern: '^\\d{0,20}$', example: '1024' },
  description:
    '断线重连时最后收到的事件的 `id:`（检查点） / The `id:` (checkpoint) of the last event received, to resume after a reconnect',
};

const ACCEPT_LANGUAGE = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  schema: { type: 'string', maxLength: 200, example: 'zh-CN,zh;q=0.9,en;q=0.8' },
  description:
    '错误答复中 `text` 的语言：zh（默认）或 en / language of `text` in error answers: zh (default) or en',
};

/** The OpenAPI 3 document of the API, generated from the route table and the domain's io-ts codecs. */
/** Redocly's tag groups (`x-tagGroups`), beside the standard fields. */
export type OpenApiDocument = OpenAPIObject & {
  readonly 'x-tagGroups': ReadonlyArray<{ readonly name: string; readonly tags: ReadonlyArray<string> }>;
};

export const openApiDocument = (): OpenApiDocument => {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = {
    Error: {
      type: 'object',
      description: '错误答复 / An error answer',
      required: ['code', 'message', 'text'],
      properties: {
        code: {
          type: 'string',
          maxLength: 64,
          pattern: '^[A-Z][A-Za-z0-9_]*$',
          example: 'INVALID_INPUT',
          description:
            '错误代码：稳定的大写代码（见 docs/domain.md、packages/api/README.md） / Error code: a stable SCREAMING_SNAKE code (docs/domain.md, packages/api/README.md)',
        },
        message: {
          type: 'object',
          description: '错误说明（中英文） / The message in both languages',
          required: ['zh', 'en'],
          properties: {
            zh: {
              type: 'string',
              maxLength: 8000,
              description: '中文说明 / The message in Chinese',
              example: '请求内容不合法',
            },
            en: {
              type: 'string',
              maxLength: 8000,
              description: '英文说明 / The message in English',
              example: 'The request is not valid',
            },
          },
        },
        text: {
          type: 'string',
          maxLength: 8000,
          example: '请求内容不合法',
          description:
            '按 Accept-Language 选择语言的说明（默认中文） / The message in the language Accept-Language prefers (zh by default)',
        },
        params: {
          type: 'object',
          description: '说明中提到的数值 / The values the message names',
        },
        rule: {
          type: 'string',
          maxLength: 8,
          pattern: '^R\\d{1,2}$',
          example: 'R4',
          description:
            '422 所执行的规则：DOMAIN.md §2 的 R1–R16，各文件其他机制的 R17–R21（docs/domain.md） / The rule a 422 enforces: R1–R16 of DOMAIN.md §2, R17–R21 of the seeds’ other mechanisms (docs/domain.md)',
        },
        errors: {
          type: 'array',
          maxItems: MAX_FIELD_ERRORS,
          description: `400：每个不合格的字段（至多 ${MAX_FIELD_ERRORS} 个），取值截取片段 / 400: every failing path (at most ${MAX_FIELD_ERRORS}); values as short excerpts`,
          items: {
            type: 'object',
            required: ['path', 'expected', 'value'],
            properties: {
              path: {
                type: 'string',
                maxLength: 201,
                example: 'intendedInvestment',
                description:
                  '字段路径（以点分隔；查询参数写作 `query:name`，请求头写作 `header:Name`） / Dotted path; `query:name`, `header:Name` for those',
              },
              expected: {
                type: 'string',
                maxLength: 4000,
                example: `${expectedOf(Cny)}`,
                description:
                  '该字段应当是什么（中文在前，英文在后） / What the value must be, in Chinese then English',
              },
              value: {
                description: `实际收到的值：短的原样返回，长的截取其 JSON 的前 ${EXCERPT_LENGTH} 个字符并加“…” / What came: as sent when short, else the first ${EXCERPT_LENGTH} characters of its JSON and “…”`,
                example: 1.5,
              },
            },
          },
        },
        currentRevision: {
          description: '409：事件流当前的版本号 / 409: the stream revision now',
          example: 3,
        },
      },
    },
    CommandResult: {
      type: 'object',
      description: '命令的结果：追加的事件及其位置 / What a command appended, and where',
      required: ['commandId', 'streamName', 'position'],
      properties: {
        commandId: {
          type: 'string',
          maxLength: 200,
          example: '0b6f7c1e-4a5d-4f7e-9a51-3c2d1e0f9b8a',
          description: '命令编号（每个请求唯一） / The command’s id (one per request)',
        },
        streamName: {
          type: 'string',
          maxLength: 200,
          example: 'project-XM-2024-017',
          description: '事件流名称 / The stream appended to',
        },
        revision: {
          description:
            '事件流追加后的版本号（未追加时为 no-stream） / The stream’s revision after the append (no-stream when none)',
          oneOf: [
            { type: 'integer', format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, example: 3 },
            { type: 'string', enum: ['no-stream'], example: 'no-stream' },
          ],
        },
        position: {
          ...BRANDS.GlobalPosition,
          description:
            '全局位置；作为 ?atLeast= 传给查询即可读到本次写入 / Global position; pass as ?atLeast= to read your write',
        },
        events: {
          type: 'array',
          maxItems: 1000,
          description: '追加的事件 / The events appended',
          items: {
            type: 'object',
            properties: {
              type: {
                type: 'string',
                maxLength: 100,
                example: 'LeadCaptured',
                description:
                  '事件类型（见 docs/domain.md 的事件目录） / Event type (the event catalogue of docs/domain.md)',
              },
              revision: {
                type: 'integer',
                format: 'int64',
                minimum: 0,
                maximum: Number.MAX_SAFE_INTEGER,
                example: 0,
                description: '事件在流中的版本号 / The event’s revision in its stream',
              },
              position: {
                ...BRANDS.GlobalPosition,
                description: '事件的全局位置 / The event’s global position',
              },
            },
          },
        },
        duplicate: {
          type: 'boolean',
          example: false,
          description:
            'true：该 Idempotency-Key 已处理过，本次未追加任何事件 / true: the Idempotency-Key was seen before; nothing was appended',
        },
      },
    },
    QueryAnswer: {
      type: 'object',
      description: '查询的答复 / A query’s answer',
      required: ['position', 'caughtUp', 'data'],
      properties: {
        position: {
          ...BRANDS.GlobalPosition,
          description: '答复所反映的读模型位置 / The read models’ position the answer reflects',
        },
        caughtUp: {
          type: 'boolean',
          example: true,
          description:
            'false：给出了 atLeast 但读模型未能及时追上 / false when `atLeast` was given and the read models did not reach it in time',
        },
        data: { description: '答复内容（见各接口） / The answer (see each route)' },
      },
    },
    Unit: {
      type: 'object',
      description: '责任单位 / A unit of the deployment',
      required: ['unitId', 'name'],
      properties: {
        unitId: { ...ID_SCHEMA, example: 'jingkaiqu', description: '单位编号 / The unit’s id' },
        name: {
          type: 'string',
          minLength: 1,
          maxLength: 4000,
          example: '经开区投资促进局',
          description: '单位名称 / The unit’s name',
        },
      },
    },
  };
  paths['/units'] = {
    get: {
      tags: [tagName('units')],
      operationId: 'ListUnits',
      summary: '本部署的责任单位 / The units of this deployment',
      description: operationDescription({
        summary: '',
        description: {
          zh: '请求中可以使用的单位（配置项 `UNITS`，另加代表全区的 `region`）；其他 `unitId` 一律以 400 拒绝。',
          en: 'The units requests may name (configuration `UNITS`, plus `region` for the whole region); any other `unitId` is refused with 400.',
        },
        roles: undefined,
        answers: { zh: '单位列表', en: 'the units' },
        errors: [400, 401, 429, 500, 503],
      }),
      security: [{ bearer: [] }, { apiKey: [] }],
      parameters: [ACCEPT_LANGUAGE],
      responses: {
        200: {
          description: '单位列表 / the units',
          headers: rateLimitHeaders,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['data'],
                properties: {
                  data: {
                    type: 'array',
                    maxItems: 10000,
                    description: '本部署的责任单位 / The units of this deployment',
                    items: { $ref: '#/components/schemas/Unit' },
                  },
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
  // The sign-in routes are described by hand (accounts/accounts.openapi.ts): the document names their
  // tag for people, gives their fields the glossary's words and says who may call each.
  Object.assign(schemas, describeAccountFields(signIn.schemas));
  for (const [where, item] of Object.entries(
    describeAccountFields(signIn.paths) as Record<string, Record<string, SignInOperation>>,
  ))
    paths[where] = Object.fromEntries(
      Object.entries(item).map(([method, op]) => [
        method,
        {
          ...op,
          tags: op.tags.map(tagName),
          description: `${op.summary}\n\n**调用者 / Who may call:** ${op.description ?? '任何人 / anyone'}`,
        },
      ]),
    );
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
      tags: [tagName(route.tag)],
      operationId: route.command,
      summary: route.summary,
      description: operationDescription({
        summary: route.summary,
        description: route.description,
        roles: commandRoles[route.command],
        answers: {
          zh: `${route.status ?? 200}，命令 \`${route.command}\` 追加的事件及其位置（CommandResult）；命令已满足时不追加任何事件`,
          en: `${route.status ?? 200} with the events command \`${route.command}\` appended and their position (CommandResult); nothing is appended when the command is already satisfied`,
        },
        errors: COMMAND_ERRORS,
        ...(route.request !== undefined
          ? {
              note: `请求体由服务器补全为命令（结构见 \`${route.command}\`）。 / The body is a request the server completes into the command (schema \`${route.command}\`).`,
            }
          : {}),
      }),
      security: [{ bearer: [] }, { apiKey: [] }],
      // the roles that may issue the command, as data (the workbench lists a person's forms by them)
      'x-roles': commandRoles[route.command],
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
            example: 'lead-2024-017',
          },
          description:
            '使重试安全：同一调用者、同一接口、同一请求体的重试返回第一次的答复（`duplicate: true`），不重复追加；保留 24 小时 / makes a retry safe (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): scoped to the caller and the route, kept with the body’s fingerprint for 24 h (IDEMPOTENCY_KEY_TTL_HOURS); a retry with the same body returns the first answer (`duplicate: true`) and appends nothing; another body answers 422 IDEMPOTENCY_KEY_REUSED; a retry while the first is in flight answers 409 IDEMPOTENCY_KEY_IN_FLIGHT',
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
          description:
            '期望的事件流版本号；不一致时答复 409 / expected stream revision; another one answers 409',
        },
        ACCEPT_LANGUAGE,
      ],
      requestBody: {
        required: true,
        description: `UTF-8 编码的 JSON，至多 ${INPUT_LIMITS.maxBodyBytes} 字节、${INPUT_LIMITS.maxDepth} 层 / JSON (UTF-8; Content-Encoding identity, gzip, deflate or br), at most ${INPUT_LIMITS.maxBodyBytes} bytes and ${INPUT_LIMITS.maxDepth} levels deep; no property named __proto__, constructor or prototype; text without NUL or control characters (newline and tab allowed), lone surrogates or invalid UTF-8`,
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
          description: '已追加（或命令已满足） / appended (or already satisfied)',
          headers: rateLimitHeaders,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandResult' } } },
        },
        ...errorResponses(COMMAND_ERRORS),
      },
    };
  }
  for (const route of allQueryRoutes) {
    const path = (paths[openApiPath(route.path)] ??= {});
    path.get = {
      tags: [tagName(route.tag)],
      operationId: route.name,
      summary: route.summary,
      description: operationDescription({
        summary: route.summary,
        description: route.description,
        roles: isRestrictedQuery(route.name) ? queryRoles[route.name] : undefined,
        answers:
          route.streamed === undefined
            ? {
                zh: `查询 \`${route.name}\`：\`{ position, caughtUp, data }\`，data 为下述内容`,
                en: `query \`${route.name}\`: \`{ position, caughtUp, data: ${route.returns} }\``,
              }
            : {
                zh: `流式查询 \`${route.name}\`：\`${route.streamed.contentType}\`，边生成边写出`,
                en: `streamed query \`${route.name}\`: \`${route.streamed.contentType}\`, written as it is produced: ${route.returns}`,
              },
        errors: QUERY_ERRORS,
      }),
      security: [{ bearer: [] }, { apiKey: [] }],
      parameters: [...inputParameters(route.path, route.input), ACCEPT_LANGUAGE],
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
                        {
                          type: 'object',
                          properties: { data: { description: `答复内容 / The answer: ${route.returns}` } },
                        },
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
  for (const route of exchangeRoutes) {
    const params = pathParams(route.path);
    const errors = route.body !== undefined ? COMMAND_ERRORS : QUERY_ERRORS;
    const path = (paths[openApiPath(route.path)] ??= {});
    path[route.method.toLowerCase()] = {
      tags: [tagName(route.tag)],
      operationId: route.name,
      summary: route.summary,
      description: operationDescription({
        summary: route.summary,
        description: route.description,
        roles: route.roles,
        answers: {
          zh: `${route.status}，${route.answer.description.zh}（${route.answer.mediaType}）`,
          en: `${route.status} with ${route.answer.description.en} (${route.answer.mediaType})`,
        },
        errors,
      }),
      security: [{ bearer: [] }, { apiKey: [] }],
      parameters: [
        ...inputParameters(route.path, route.input),
        ...(route.eventStream === true ? [LAST_EVENT_ID] : []),
        ACCEPT_LANGUAGE,
      ],
      ...(route.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              description:
                'codec' in route.body
                  ? '请求体（JSON） / The body (JSON)'
                  : `上传的文件（${route.body.mediaType}），至多 ${WORKBOOK_MAX_BYTES} 字节 / The file (${route.body.mediaType}), at most ${WORKBOOK_MAX_BYTES} bytes`,
              content:
                'codec' in route.body
                  ? { 'application/json': { schema: bodySchema(toJsonSchema(route.body.codec), params, []) } }
                  : { [route.body.mediaType]: { schema: FILE_SCHEMA } },
            },
          }),
      responses: {
        [String(route.status)]: {
          description: bilingual(route.answer.description),
          headers: rateLimitHeaders,
          content: {
            [route.answer.mediaType]: {
              schema: {
                ...(route.eventStream === true || route.answer.mediaType !== 'application/json'
                  ? FILE_SCHEMA
                  : { type: 'object' }),
                description: bilingual(route.answer.description),
              },
            },
          },
        },
        ...errorResponses(errors),
      },
    };
  }
  const document: OpenApiDocument = {
    openapi: '3.0.3',
    info: {
      title: '招商引资项目管理 API / Investment-attraction projects API',
      version: '0.1.0',
      contact: { name: '本部署的运维单位 / the operators of this deployment' },
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
      description:
        '命令向事件流追加事实，查询读取读模型。金额精确到分：人民币以“分”、美元以“美分”为单位的整数（30000000000 分 = 3 亿元）。日期为北京时间的 YYYY-MM-DD；事实日期不得晚于服务器的今天。' +
        '各字段的中英文说明和示例由领域的字段词汇表生成；枚举字段列出代码及其中文名称。\n\n' +
        'Commands append events to the project, target-plan, leader-activity, bulletin and working-calendar streams; queries read the projections. ' +
        'Money is exact: integer 分 (CNY) and cents (USD) as JSON numbers. Dates are YYYY-MM-DD business dates (Asia/Shanghai); ' +
        'no fact may be dated after the server’s today (422 DATE_IN_FUTURE), and no route lets a caller say what today is: ' +
        'missed milestones are raised by the server’s deadline watcher alone. ' +
        'Positions are decimal strings.',
    },
    servers: [SERVER],
    tags: Object.values(TAGS)
      .map(({ name, zh, en }) => ({ name, description: `${zh}\n\n${en}` }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    'x-tagGroups': TAG_GROUPS.map(({ name, tags }) => ({ name, tags: tags.map(tagName) })),
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
  return document;
};
