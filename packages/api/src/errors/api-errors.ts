import type { DomainError } from '@zhaoshang/domain';
import type { CurrentRevision } from '@zhaoshang/eventstore';
import type { ApiMessageCode } from './api-messages';

/** One failing path of a request body: where, what was expected, what came. */
export interface FieldError {
  readonly path: string;
  readonly expected: string;
  readonly value: unknown;
}

/**
 * Errors the API raises on purpose; the exception filter maps each to its status. A domain refusal
 * travels here as data (the decider's Left), wrapped only to cross Nest's handler boundary.
 */
export abstract class ApiError extends Error {
  abstract readonly status: number;
}

/** At most this many characters of a refused value are echoed back (an error answer is not a mirror). */
export const EXCERPT_LENGTH = 64;
/** At most this many failing paths are listed in one answer. */
export const MAX_FIELD_ERRORS = 20;

/**
 * A refused value as the error answer shows it: short values as they came, anything longer (a long
 * string, a big object) as the first {@link EXCERPT_LENGTH} characters of its JSON and `…`.
 */
export const excerpt = (value: unknown): unknown => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  if (typeof value === 'string')
    return value.length <= EXCERPT_LENGTH ? value : `${value.slice(0, EXCERPT_LENGTH)}…`;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined) return `(${typeof value})`;
  return json.length <= EXCERPT_LENGTH ? value : `${json.slice(0, EXCERPT_LENGTH)}…`;
};

/** 400: the input does not decode; nothing reached the domain. Values are kept as short excerpts. */
export class InvalidInputError extends ApiError {
  readonly status = 400;
  readonly errors: ReadonlyArray<FieldError>;
  constructor(errors: ReadonlyArray<FieldError>) {
    const shown = errors.slice(0, MAX_FIELD_ERRORS).map((e) => ({
      ...e,
      path: e.path.length <= 200 ? e.path : `${e.path.slice(0, 200)}…`,
      value: excerpt(e.value),
    }));
    super(`invalid input: ${shown.map((e) => e.path || '(body)').join(', ')}`);
    this.errors = shown;
  }
}

/** 401: no or bad credentials. */
export class UnauthenticatedError extends ApiError {
  readonly status = 401;
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** 403: authenticated, but the role or the unit does not allow it. */
export class ForbiddenError extends ApiError {
  readonly status = 403;
  constructor(
    readonly reason: 'ROLE_NOT_ALLOWED' | 'OUTSIDE_UNIT',
    readonly params: Readonly<Record<string, string>>,
  ) {
    super(reason);
  }
}

/** Refusals that conflict with what is already on record: 409, like a concurrent write. */
const CONFLICTS: ReadonlySet<string> = new Set([
  'BULLETIN_ALREADY_PUBLISHED',
  // A repeated fact with another date or code: the record stands; a correction says why (DOMAIN.md §5).
  'FACT_ALREADY_RECORDED',
  // enterprise requests (R17): a request id received with other content, handed out, or evaluated already
  'REQUEST_ALREADY_RECEIVED',
  'REQUEST_ALREADY_ASSIGNED',
  'REQUEST_ALREADY_EVALUATED',
  // advisors (招商顾问, R21 · 002 §八): a second reward, appointment or credit with other details
  'ADVISOR_ALREADY_REWARDED',
  'ADVISOR_ALREADY_APPOINTED',
  'ADVISOR_INTRODUCTION_ALREADY_CREDITED',
]);

/**
 * 422 (404 for PROJECT_NOT_FOUND, 409 for a period already published or a fact already recorded
 * otherwise): a business rule refused the command.
 */
export class DomainRefusal extends ApiError {
  readonly status: number;
  constructor(readonly error: DomainError) {
    super(error.code);
    this.status = error.code === 'PROJECT_NOT_FOUND' ? 404 : CONFLICTS.has(error.code) ? 409 : 422;
  }
}

/** 409: the stream is not at the revision the caller (If-Match) or the handler expected. */
export class RevisionConflict extends ApiError {
  readonly status = 409;
  constructor(
    readonly streamName: string,
    readonly expected: string,
    readonly current: CurrentRevision,
  ) {
    super(`stream ${streamName} is at ${String(current)}, expected ${expected}`);
  }
}

/** 404 for a read of something that does not exist. */
export class NotFound extends ApiError {
  readonly status = 404;
  constructor(
    readonly code: 'PROJECT_NOT_FOUND' | 'NOT_FOUND',
    readonly params: Readonly<Record<string, string>>,
  ) {
    super(code);
  }
}

/** An error answered with one of the API's message codes (api-messages.ts), in both languages. */
export class CodedApiError extends ApiError {
  constructor(
    readonly status: number,
    readonly code: ApiMessageCode,
    readonly params: Readonly<Record<string, string>> = {},
  ) {
    super(code);
  }
}

/** 503: the read models have not reached a position the answer must reflect; retry shortly. */
export class ReadModelBehind extends ApiError {
  readonly status = 503;
  constructor(
    readonly atLeast: string,
    readonly checkpoint: string,
  ) {
    super(`read models at ${checkpoint}, behind ${atLeast}`);
  }
}

/** Which limit a 429 is about (docs/api.md "Security"). */
export type RateLimitKind =
  | 'writes-per-principal'
  | 'auth-failures-per-address'
  // people's sign-in (issue #18 item 1): failed passwords per username and per client address
  | 'sign-in-failures-per-user'
  | 'sign-in-failures-per-address';

/** 429: a limit is reached; `Retry-After` says in how many seconds to try again. */
export class RateLimited extends ApiError {
  readonly status = 429;
  constructor(
    readonly limit: RateLimitKind,
    readonly retryAfterSeconds: number,
  ) {
    super(`rate limited (${limit}), retry after ${retryAfterSeconds}s`);
  }
}
