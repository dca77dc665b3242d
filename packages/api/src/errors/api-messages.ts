import type { Language } from '@zhaoshang/domain';

/** Messages of the API's own codes (the domain's and the store's have their own catalogues). */
export const apiMessages = {
  INVALID_INPUT: { zh: '请求内容不合法：{paths}', en: 'Invalid request: {paths}' },
  INVALID_JSON: { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  JSON_TOO_DEEP: {
    zh: '请求体嵌套超过 {maxDepth} 层',
    en: 'The request body nests deeper than {maxDepth} levels',
  },
  PAYLOAD_TOO_LARGE: {
    zh: '请求体超过 {maxBytes} 字节',
    en: 'The request body is larger than {maxBytes} bytes',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    zh: '不支持的请求体类型 {contentType}，请使用 application/json（UTF-8）',
    en: 'Unsupported request body type {contentType}; send application/json (UTF-8)',
  },
  UNSUPPORTED_CONTENT_ENCODING: {
    zh: '不支持的 Content-Encoding {encoding}（支持 identity、gzip、deflate、br）',
    en: 'Unsupported Content-Encoding {encoding} (identity, gzip, deflate and br are supported)',
  },
  INVALID_CONTENT_ENCODING: {
    zh: '请求体无法按 Content-Encoding {encoding} 解码',
    en: 'The request body does not decode as Content-Encoding {encoding}',
  },
  UNAUTHENTICATED: { zh: '未认证：{reason}', en: 'Not authenticated: {reason}' },
  ROLE_NOT_ALLOWED: { zh: '角色 {role} 无权执行 {action}', en: 'Role {role} may not {action}' },
  OUTSIDE_UNIT: {
    zh: '只能办理本单位（{actorUnitId}）的事项，该事项属于 {unitId}',
    en: 'You act only for your unit ({actorUnitId}); this belongs to {unitId}',
  },
  WRONG_EXPECTED_REVISION: {
    zh: '事件流 {streamName} 已被他人修改（当前版本 {currentRevision}），请刷新后重试',
    en: 'Stream {streamName} was changed by someone else (current revision {currentRevision}); reload and retry',
  },
  NOT_FOUND: { zh: '未找到：{what}', en: 'Not found: {what}' },
  READ_MODEL_BEHIND: {
    zh: '读模型尚未追上位置 {atLeast}（当前 {checkpoint}），请稍后重试',
    en: 'The read models have not reached position {atLeast} yet (at {checkpoint}); retry shortly',
  },
  IDEMPOTENCY_KEY_IN_FLIGHT: {
    zh: '幂等键 {key} 的首个请求仍在处理中，请稍后重试',
    en: 'The first request with Idempotency-Key {key} is still being processed; retry shortly',
  },
  IDEMPOTENCY_KEY_REUSED: {
    zh: '幂等键 {key} 已用于内容不同的请求（{route}），请为新请求使用新的幂等键',
    en: 'Idempotency-Key {key} was used for a request with another body ({route}); use a new key for a new request',
  },
  RATE_LIMITED: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; slow down' },
  STORE_UNAVAILABLE: {
    zh: '事件存储暂时不可用，请稍后重试',
    en: 'The event store is unavailable; retry later',
  },
  SHUTTING_DOWN: { zh: '服务正在停止，请稍后重试', en: 'The service is shutting down; retry shortly' },
  BULLETIN_DOES_NOT_VERIFY: {
    zh: '通报 {period} 按其计算位置重算的数据摘要 {recomputed} 与发布的 {published} 不一致，不能导出；请先核对（/bulletins/{period}/verification）',
    en: 'Bulletin {period} does not follow from the history at its position (digest {recomputed}, published {published}); not exported — see /bulletins/{period}/verification',
  },
  AUDIT_BUSY: {
    zh: '已有一项整库校验或整库导出正在进行，请稍后重试',
    en: 'A whole-store verification or export is already running; retry when it is done',
  },
  EVENT_UNDECODABLE: {
    zh: '存储的事件 {streamName}@{revision} 无法按领域模型解码（{reason}），请先校验哈希链',
    en: 'Stored event {streamName}@{revision} does not decode as a domain event ({reason}); verify the hash chain first',
  },
  // ---- people's sign-in and account administration (issue #18 item 1, accounts/) ----
  SIGN_IN_FAILED: {
    zh: '用户名或密码错误，或账号已停用',
    en: 'Wrong username or password, or the account is disabled',
  },
  SIGN_IN_REQUIRED: { zh: '请先登录', en: 'Please sign in first' },
  CSRF_HEADER_REQUIRED: {
    zh: '以登录会话（Cookie）提交的修改请求须带请求头 X-Requested-With: zhaoshang-workbench',
    en: 'A change sent with the sign-in cookie must carry the header X-Requested-With: zhaoshang-workbench',
  },
  PASSWORD_TOO_SHORT: {
    zh: '密码至少 {min} 个字符',
    en: 'The password must have at least {min} characters',
  },
  PASSWORD_TOO_LONG: {
    zh: '密码不得超过 {max} 字节',
    en: 'The password must not exceed {max} bytes',
  },
  PASSWORD_TOO_WEAK: {
    zh: '密码过于简单：不得为开发环境公开密码、不得包含用户名、须含至少 5 个不同字符',
    en: 'The password is too weak: not the published development password, not containing the username, at least 5 distinct characters',
  },
  ACCOUNT_EXISTS: { zh: '用户名 {username} 已被使用', en: 'The username {username} is taken' },
  ACCOUNT_NOT_FOUND: { zh: '没有账号 {username}', en: 'No account {username}' },
  ACCOUNT_ROLE_NOT_PERSON: {
    zh: '角色 system 只用于系统密钥（zhaoshang-api keys add），不能用于人员账号',
    en: 'The role system is for system keys (zhaoshang-api keys add), not for a person’s account',
  },
  OIDC_NOT_CONFIGURED: {
    zh: '本部署未配置统一身份认证（OpenID Connect）',
    en: 'OpenID Connect is not configured on this deployment',
  },
  OIDC_FAILED: {
    zh: '统一身份认证登录失败：{reason}',
    en: 'Sign-in through the identity provider failed: {reason}',
  },
  OIDC_UNKNOWN_PERSON: {
    zh: '身份认证平台确认了您的身份（{who}），但本系统没有对应的有效账号，请联系领导小组办公室开通',
    en: 'The identity provider confirmed who you are ({who}), but this system has no active account for you; ask the leading-group office to open one',
  },
  // ---- end of sign-in messages ----
  INTERNAL_ERROR: {
    zh: '服务器内部错误（已记录，请求编号 {requestId}）',
    en: 'Internal error (logged, request id {requestId})',
  },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;

export type ApiMessageCode = keyof typeof apiMessages;

/** Both languages of an API message, parameters filled in. */
export const apiMessage = (
  code: ApiMessageCode,
  params: Readonly<Record<string, unknown>> = {},
): Record<Language, string> => {
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
  return { zh: fill(apiMessages[code].zh), en: fill(apiMessages[code].en) };
};

/** The caller's language from Accept-Language: the first of zh / en it prefers; Chinese by default. */
export const languageOf = (acceptLanguage: string | undefined): Language => {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1, i };
    })
    .filter((x) => x.lang === 'zh' || x.lang === 'en')
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked[0]?.lang as Language | undefined) ?? 'zh';
};
