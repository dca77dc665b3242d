import { ACCOUNT_ADMIN_ROLES } from './accounts.routes';
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH } from './password-hash';
import { ROLES } from '../auth/roles';

/** What the OpenAPI document lends to this part: its error answers, rate-limit headers, Accept-Language. */
export interface OpenApiParts {
  readonly errorResponses: (
    statuses: ReadonlyArray<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503>,
  ) => Record<string, unknown>;
  readonly rateLimitHeaders: Record<string, unknown>;
  readonly acceptLanguage: Record<string, unknown>;
}

/** The tag of the sign-in and account routes, in both languages. */
export const SIGN_IN_TAG = {
  name: 'sign-in',
  description:
    '登录与账号：账号密码或统一身份认证登录，会话 Cookie，账号管理 / Sign-in and accounts: password or OpenID Connect sign-in, the session cookie, account administration',
} as const;

const USERNAME = {
  type: 'string',
  minLength: 3,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$',
  example: 'li-xiaoyan',
};
const PASSWORD = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_PASSWORD_BYTES,
  format: 'password',
  description: `a new password: at least ${MIN_PASSWORD_LENGTH} characters, not the username, not the development password, 5 or more distinct characters`,
};
const PERSON_ROLES = ROLES.filter((r) => r !== 'system');
const ROLE = { type: 'string', enum: PERSON_ROLES, example: 'investment-officer' };
const UNIT_ID = {
  type: 'string',
  minLength: 1,
  maxLength: 100,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$',
  example: 'jingkaiqu',
};
const DISPLAY_NAME = { type: 'string', minLength: 1, maxLength: 100, example: '李晓燕（经开区投资促进局）' };
const TIME = { type: 'string', format: 'date-time', maxLength: 30 };

const json = (schema: unknown) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const BODY_ERRORS = [400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503] as const;
const ADMIN = `Roles: ${ACCOUNT_ADMIN_ROLES.join(', ')}. With the session cookie, send X-Requested-With: zhaoshang-workbench.`;

/**
 * The sign-in and account routes in the OpenAPI document (issue #18 item 1). `DELETE /session`
 * (204, no body) and the OpenID Connect redirects (302) are described in docs/api.md, not here: the
 * document lists routes that answer JSON.
 */
export const signInOpenApi = ({ errorResponses, rateLimitHeaders, acceptLanguage }: OpenApiParts) => {
  const usernamePath = {
    name: 'username',
    in: 'path',
    required: true,
    description: 'the account’s username',
    schema: USERNAME,
  };
  const secured = [{ bearer: [] }, { apiKey: [] }, { session: [] }];
  const adminOperation = (
    operationId: string,
    summary: string,
    status: 200 | 201,
    answer: string,
    body?: unknown,
  ) => ({
    tags: [SIGN_IN_TAG.name],
    operationId,
    summary,
    description: ADMIN,
    security: secured,
    parameters: [...(operationId === 'AddAccount' ? [] : [usernamePath]), acceptLanguage],
    requestBody: { required: true, content: json(body ?? { type: 'object', additionalProperties: false }) },
    responses: {
      [String(status)]: {
        description: answer,
        headers: rateLimitHeaders,
        content: json(ref('AccountAnswer')),
      },
      ...errorResponses(BODY_ERRORS),
    },
  });
  return {
    schemas: {
      SessionAnswer: {
        type: 'object',
        required: ['userId', 'displayName', 'role', 'unitId'],
        properties: { userId: USERNAME, displayName: DISPLAY_NAME, role: ROLE, unitId: UNIT_ID },
      },
      SignInRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['username', 'password'],
        properties: {
          username: { ...USERNAME, pattern: undefined, minLength: 1, maxLength: 200 },
          password: { ...PASSWORD, description: 'the password' },
        },
      },
      AccountAnswer: {
        type: 'object',
        required: ['username', 'displayName', 'role', 'unitId', 'disabled', 'createdAt', 'changedAt'],
        properties: {
          username: USERNAME,
          displayName: DISPLAY_NAME,
          role: ROLE,
          unitId: UNIT_ID,
          disabled: {
            type: 'boolean',
            description: 'a disabled account signs in no more; its sessions ended',
          },
          oidcSubject: {
            type: 'string',
            maxLength: 2000,
            description: 'the identity provider’s `iss|sub` it is linked to',
          },
          createdAt: TIME,
          changedAt: TIME,
          password: {
            type: 'string',
            maxLength: 22,
            description:
              'only when the server generated the password: shown this once, never stored in clear',
          },
        },
      },
    },
    paths: {
      '/session': {
        post: {
          tags: [SIGN_IN_TAG.name],
          operationId: 'SignIn',
          summary: '登录 / Sign in with a username and password',
          description:
            'Opens a session: `Set-Cookie: zs_session=…; HttpOnly; SameSite=Strict; Path=/` (and `Secure` in production). ' +
            'The cookie is then accepted by every route as a key or token is; a POST/PUT/PATCH/DELETE sent with it must carry `X-Requested-With: zhaoshang-workbench`. ' +
            '401 SIGN_IN_FAILED for a wrong username or password or a disabled account alike; 429 after repeated failures for a username or from an address.',
          // Open to anyone (it is how a person gets a session); a signed-in browser may sign in again.
          security: [{ session: [] }, {}],
          parameters: [acceptLanguage],
          requestBody: { required: true, content: json(ref('SignInRequest')) },
          responses: {
            200: {
              description: 'signed in',
              headers: {
                ...rateLimitHeaders,
                'Set-Cookie': {
                  description: 'the session cookie `zs_session`',
                  schema: { type: 'string', maxLength: 200 },
                },
              },
              content: json(ref('SessionAnswer')),
            },
            ...errorResponses(BODY_ERRORS),
          },
        },
        get: {
          tags: [SIGN_IN_TAG.name],
          operationId: 'CurrentSession',
          summary: '当前登录 / Who is signed in with this cookie',
          description:
            '200 with the account of the `zs_session` cookie; 401 SIGN_IN_REQUIRED without a live session.',
          security: [{ session: [] }],
          parameters: [acceptLanguage],
          responses: {
            200: {
              description: 'the signed-in person',
              headers: rateLimitHeaders,
              content: json(ref('SessionAnswer')),
            },
            ...errorResponses([400, 401, 429, 500, 503]),
          },
        },
      },
      '/accounts': {
        get: {
          tags: [SIGN_IN_TAG.name],
          operationId: 'ListAccounts',
          summary: '账号列表 / The accounts',
          description: `${ADMIN} Password hashes are never answered.`,
          security: secured,
          parameters: [acceptLanguage],
          responses: {
            200: {
              description: 'the accounts',
              headers: rateLimitHeaders,
              content: json({
                type: 'object',
                required: ['data'],
                properties: { data: { type: 'array', maxItems: 100000, items: ref('AccountAnswer') } },
              }),
            },
            ...errorResponses([400, 401, 403, 429, 500, 503]),
          },
        },
        post: adminOperation(
          'AddAccount',
          '新增账号 / Add an account',
          201,
          'added (with the generated password, once)',
          {
            type: 'object',
            additionalProperties: false,
            required: ['username', 'displayName', 'role', 'unitId'],
            properties: {
              username: USERNAME,
              displayName: DISPLAY_NAME,
              role: ROLE,
              unitId: UNIT_ID,
              password: PASSWORD,
            },
          },
        ),
      },
      '/accounts/{username}/disable': {
        post: adminOperation(
          'DisableAccount',
          '停用账号 / Disable an account (its sessions end)',
          200,
          'disabled',
        ),
      },
      '/accounts/{username}/enable': {
        post: adminOperation('EnableAccount', '启用账号 / Enable an account', 200, 'enabled'),
      },
      '/accounts/{username}/password': {
        put: adminOperation(
          'SetAccountPassword',
          '重设密码 / Set a new password (its sessions end)',
          200,
          'set (with the generated password, once)',
          { type: 'object', additionalProperties: false, properties: { password: PASSWORD } },
        ),
      },
    },
  };
};

/** The session cookie as a security scheme. */
export const SESSION_SECURITY_SCHEME = {
  type: 'apiKey',
  in: 'cookie',
  name: 'zs_session',
  description:
    'people signed in at POST /session (or through OpenID Connect): an opaque session id; changes sent with it need `X-Requested-With: zhaoshang-workbench`',
} as const;
