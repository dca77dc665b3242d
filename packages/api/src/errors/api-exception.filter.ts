import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { describeError, domainErrors, type Language } from '@zhaoshang/domain';
import { isEventStoreError } from '@zhaoshang/eventstore';
import type { Request, Response } from 'express';
import {
  ApiError,
  CodedApiError,
  DomainRefusal,
  ForbiddenError,
  InvalidInputError,
  NotFound,
  RateLimited,
  ReadModelBehind,
  RevisionConflict,
  UnauthenticatedError,
} from './api-errors';
import { InvalidJsonBody } from '../http/input-limits';
import { apiMessage, languageOf, type ApiMessageCode } from './api-messages';

/** Body of every error answer: a stable code, the message in both languages and in the caller's. */
export interface ErrorBody {
  readonly code: string;
  readonly message: Readonly<Record<Language, string>>;
  /** The message in the language Accept-Language prefers (zh by default). */
  readonly text: string;
  readonly [extra: string]: unknown;
}

const body = (
  code: string,
  messages: Record<Language, string>,
  language: Language,
  extra: Record<string, unknown> = {},
): ErrorBody => ({
  code,
  message: messages,
  text: messages[language],
  ...extra,
});

const api = (
  code: ApiMessageCode,
  language: Language,
  params: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) => body(code, apiMessage(code, params), language, extra);

/**
 * The one place where failures become HTTP answers: 400 bad input, 401/403, 404 unknown project,
 * 409 concurrent write (with the current revision), 422 broken rule (code, both messages, params,
 * rule), 503 store unavailable. Anything else is a bug: 500, logged with the request id.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.answer(exception, http.getRequest<Request & { id?: unknown }>(), http.getResponse<Response>());
  }

  /** Answers a failure on `res` (also used by the input gate, which runs before Nest's routing). */
  answer(exception: unknown, req: Request & { id?: unknown }, res: Response): void {
    const language = languageOf(req.headers['accept-language']);
    const [status, payload] = this.map(exception, language, String(req.id ?? ''));
    if (exception instanceof RateLimited && !res.headersSent)
      res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    if (status >= 500 && status !== 503)
      this.logger.error({ err: exception, requestId: req.id }, 'unhandled error');
    if (!res.headersSent) res.status(status).json(payload);
  }

  private map(e: unknown, lang: Language, requestId: string): [number, ErrorBody] {
    if (e instanceof InvalidInputError) {
      return [
        400,
        api(
          'INVALID_INPUT',
          lang,
          { paths: e.errors.map((x) => x.path || '(body)').join(', ') },
          { errors: e.errors },
        ),
      ];
    }
    if (e instanceof UnauthenticatedError) return [401, api('UNAUTHENTICATED', lang, { reason: e.reason })];
    if (e instanceof ForbiddenError) return [403, api(e.reason, lang, e.params, { params: e.params })];
    if (e instanceof DomainRefusal) {
      const messages = { zh: describeError(e.error, 'zh'), en: describeError(e.error, 'en') };
      const rule = (domainErrors as Record<string, { rule?: string }>)[e.error.code]?.rule;
      return [
        e.status,
        body(e.error.code, messages, lang, {
          params: e.error.params,
          ...(rule !== undefined ? { rule } : {}),
        }),
      ];
    }
    if (e instanceof RevisionConflict) {
      const params = { streamName: e.streamName, expectedRevision: e.expected, currentRevision: e.current };
      return [409, api('WRONG_EXPECTED_REVISION', lang, params, { params, currentRevision: e.current })];
    }
    if (e instanceof NotFound) {
      const what = Object.values(e.params).join(' ');
      return [
        404,
        e.code === 'PROJECT_NOT_FOUND'
          ? body(
              e.code,
              {
                zh: describeError({ code: e.code, params: e.params }, 'zh'),
                en: describeError({ code: e.code, params: e.params }, 'en'),
              },
              lang,
              { params: e.params },
            )
          : api('NOT_FOUND', lang, { what }, { params: e.params }),
      ];
    }
    if (e instanceof ReadModelBehind) {
      const params = { atLeast: e.atLeast, checkpoint: e.checkpoint };
      return [503, api('READ_MODEL_BEHIND', lang, params, { params })];
    }
    if (e instanceof RateLimited) {
      const params = { limit: e.limit, retryAfter: String(e.retryAfterSeconds) };
      return [429, api('RATE_LIMITED', lang, params, { params })];
    }
    if (e instanceof InvalidJsonBody)
      return [400, api('INVALID_JSON', lang, {}, { errors: [{ path: '', expected: 'JSON', value: null }] })];
    if (e instanceof CodedApiError) return [e.status, api(e.code, lang, e.params, { params: e.params })];
    if (e instanceof ApiError)
      return [e.status, body(e.constructor.name, { zh: e.message, en: e.message }, lang)];
    if (isEventStoreError(e)) {
      if (e.code === 'STORE_UNAVAILABLE') return [503, api('STORE_UNAVAILABLE', lang)];
      return [409, body(e.code, { zh: e.render('zh'), en: e.render('en') }, lang, { params: e.params })];
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      if (status === 429) return [429, api('RATE_LIMITED', lang)];
      if (status === 404) return [404, api('NOT_FOUND', lang, { what: 'route' })];
      // The only 400 Nest raises itself here is express's body parser refusing a malformed body.
      if (status === 400)
        return [
          400,
          api('INVALID_JSON', lang, {}, { errors: [{ path: '', expected: 'JSON', value: null }] }),
        ];
      return [status, body(`HTTP_${status}`, { zh: e.message, en: e.message }, lang)];
    }
    // Errors of express's body parser carry their status (a malformed JSON body is the caller's fault).
    const parserError = e as { type?: unknown; status?: unknown };
    if (
      typeof parserError?.type === 'string' &&
      typeof parserError.status === 'number' &&
      parserError.status < 500
    ) {
      if (parserError.type === 'entity.parse.failed')
        return [
          400,
          api('INVALID_JSON', lang, {}, { errors: [{ path: '', expected: 'JSON', value: null }] }),
        ];
      return [
        parserError.status,
        body(`HTTP_${parserError.status}`, { zh: parserError.type, en: parserError.type }, lang),
      ];
    }
    return [500, api('INTERNAL_ERROR', lang, { requestId })];
  }
}
