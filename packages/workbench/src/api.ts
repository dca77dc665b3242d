import type { Label } from '@zhaoshang/domain';

/** One failing path of a request, as the API answers a 400 (errors[]). */
export interface FieldError {
  readonly path: string;
  readonly expected: string;
  readonly value: unknown;
}

/** The body of every error answer of the API (errors/api-exception.filter.ts). */
export interface ErrorBody {
  readonly code: string;
  readonly message: Label;
  readonly text: string;
  readonly errors?: ReadonlyArray<FieldError>;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly rule?: string;
}

/** A refused request: its status and the API's bilingual answer. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.text);
  }
}

const isErrorBody = (b: unknown): b is ErrorBody =>
  typeof b === 'object' && b !== null && typeof (b as { code?: unknown }).code === 'string';

/**
 * Every request of the workbench: the session cookie (same origin, never a stored credential), the
 * header the API asks of a cookie-authenticated write (CSRF), the language of the answer's `text`.
 */
export const request = async <T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: {
    readonly body?: unknown;
    readonly raw?: Blob;
    readonly contentType?: string;
    readonly lang?: 'zh' | 'en';
    readonly idempotencyKey?: string;
  } = {},
): Promise<T> => {
  const headers: Record<string, string> = {
    'X-Requested-With': 'zhaoshang-workbench',
    Accept: 'application/json',
    'Accept-Language': options.lang === 'en' ? 'en' : 'zh-CN',
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.raw !== undefined) headers['Content-Type'] = options.contentType ?? 'application/octet-stream';
  if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    throw new ApiFailure(
      res.status,
      isErrorBody(parsed)
        ? parsed
        : {
            code: `HTTP_${res.status}`,
            message: { zh: `服务器返回 ${res.status}`, en: `The server answered ${res.status}` },
            text: `HTTP ${res.status}`,
          },
    );
  }
  return parsed as T;
};

/** A query's answer: the API wraps query results as `{ data, … }`. */
export const query = async <T>(path: string, lang?: 'zh' | 'en'): Promise<T> =>
  (await request<{ readonly data: T }>('GET', path, lang === undefined ? {} : { lang })).data;

/** The person signed in (POST/GET /session). */
export interface SessionUser {
  readonly userId: string;
  readonly displayName: string;
  readonly role: string;
  readonly unitId: string;
}

/** A fresh key per submission: a retried submission (double click, network retry) records once. */
export const newIdempotencyKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
