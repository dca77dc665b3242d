import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';
import { CodedApiError, InvalidInputError, type FieldError } from '../errors/api-errors';

/**
 * What any request may carry, checked while it is read, before anything decodes it: the limits
 * the OpenAPI document states (json-schema.ts reads these same numbers), so a request that passes
 * here is small, shallow and plain text, and one that does not is answered 400/413/415 at once.
 */
export const INPUT_LIMITS = {
  /** Bytes of a request body, after decompression too (413 beyond). */
  maxBodyBytes: 1024 * 1024,
  /** Nesting of arrays and objects in a JSON body (400 beyond: never a deep recursion anywhere). */
  maxDepth: 32,
  /** Characters of any one string of a body or query string (NonEmptyText's own limit). */
  maxTextLength: 4000,
  /** Items of any one array, properties of any one object of a body. */
  maxArrayItems: 1000,
} as const;

/** Property names that reach an object's prototype machinery: refused in bodies and query strings. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 controls except tab and newline, DEL, and C1 controls. */
const hasControl = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
};
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Invalid UTF-8 decodes (non-fatally) to U+FFFD: where it lands names the field. */
const REPLACEMENT = '\uFFFD';

/** Why a text is refused, or undefined when it is acceptable. */
export const textProblem = (s: string, invalidUtf8 = false): string | undefined => {
  if (s.length > INPUT_LIMITS.maxTextLength) return `at most ${INPUT_LIMITS.maxTextLength} characters`;
  if (s.includes('\u0000')) return 'text without NUL';
  if (hasControl(s)) return 'text without control characters (newline and tab allowed)';
  if (LONE_SURROGATE.test(s)) return 'text without lone surrogates';
  if (invalidUtf8 && s.includes(REPLACEMENT)) return 'valid UTF-8';
  return undefined;
};

const PROTOTYPE_KEY_EXPECTED = 'no prototype key (__proto__, constructor, prototype)';

/**
 * Every problem of a parsed JSON value: prototype keys, refused text (keys and values), arrays
 * beyond the limit. Iterative (an explicit stack), so no input can exhaust the call stack.
 */
export const bodyProblems = (value: unknown, invalidUtf8 = false): FieldError[] => {
  const problems: FieldError[] = [];
  const stack: Array<{ path: string; value: unknown }> = [{ path: '', value }];
  const join = (prefix: string, k: string | number) => (prefix === '' ? String(k) : `${prefix}.${k}`);
  while (stack.length > 0 && problems.length < 20) {
    const { path, value: v } = stack.pop()!;
    if (typeof v === 'string') {
      const expected = textProblem(v, invalidUtf8);
      if (expected !== undefined) problems.push({ path, expected, value: v });
    } else if (Array.isArray(v)) {
      if (v.length > INPUT_LIMITS.maxArrayItems)
        problems.push({
          path,
          expected: `at most ${INPUT_LIMITS.maxArrayItems} items`,
          value: `(${v.length} items)`,
        });
      else for (let i = v.length - 1; i >= 0; i--) stack.push({ path: join(path, i), value: v[i] });
    } else if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v);
      if (entries.length > INPUT_LIMITS.maxArrayItems) {
        problems.push({
          path,
          expected: `at most ${INPUT_LIMITS.maxArrayItems} properties`,
          value: `(${entries.length} properties)`,
        });
        continue;
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        const keyPath = join(path, k);
        if (PROTOTYPE_KEYS.has(k)) {
          problems.push({ path: keyPath, expected: PROTOTYPE_KEY_EXPECTED, value: null });
          continue;
        }
        const keyProblem = textProblem(k, invalidUtf8);
        if (keyProblem !== undefined) {
          problems.push({ path: keyPath, expected: `a property name: ${keyProblem}`, value: k });
          continue;
        }
        stack.push({ path: keyPath, value: child });
      }
    }
  }
  return problems;
};

/** The deepest nesting of arrays and objects in a JSON text, counted without parsing (strings skipped). */
export const jsonDepthExceeds = (text: string, maxDepth: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
};

/** Problems of a raw query string: prototype keys (also as `a[__proto__]`), bad encoding, refused text. */
export const queryProblems = (rawQuery: string): FieldError[] => {
  const problems: FieldError[] = [];
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [rawKey, rawValue] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      problems.push({
        path: `query:${rawKey.slice(0, 100)}`,
        expected: 'percent-encoded UTF-8',
        value: pair,
      });
      continue;
    }
    const segments = key.split(/[[\].]/).filter((s) => s !== '');
    if (segments.some((s) => PROTOTYPE_KEYS.has(s))) {
      problems.push({ path: `query:${key}`, expected: PROTOTYPE_KEY_EXPECTED, value: null });
      continue;
    }
    const keyProblem = textProblem(key);
    if (keyProblem !== undefined) {
      problems.push({ path: 'query', expected: `a parameter name: ${keyProblem}`, value: key });
      continue;
    }
    const valueProblem = textProblem(value);
    if (valueProblem !== undefined) problems.push({ path: `query:${key}`, expected: valueProblem, value });
  }
  return problems;
};

const DECODERS: Readonly<
  Record<string, (b: Buffer, o: zlib.ZlibOptions & zlib.BrotliOptions) => Promise<Buffer>>
> = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

/**
 * The request's body bytes as sent, bounded: past the limit the rest is read and dropped (so the
 * client can read the 413), and a client that keeps sending past eight times the limit is cut off.
 */
const readBody = (req: Request, maxBytes: number): Promise<Buffer | 'too-large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
      if (size > 8 * maxBytes) req.destroy();
    });
    req.on('end', () => resolve(size > maxBytes ? 'too-large' : Buffer.concat(chunks)));
    req.on('close', () => resolve('too-large'));
    req.on('error', (error) => (size > maxBytes ? resolve('too-large') : reject(error)));
  });

const hasBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/**
 * Reads, decompresses, checks and parses a JSON request body (in place of express's body parser):
 * - Content-Encoding identity, gzip, deflate or br (415 otherwise; 400 when the body does not decode);
 * - at most `maxBodyBytes`, compressed and decompressed (413);
 * - Content-Type application/json or `+json`, UTF-8 (415);
 * - nesting at most `maxDepth` (400 JSON_TOO_DEEP), valid JSON (400 INVALID_JSON);
 * - no prototype keys, no refused text, no array beyond the limit (400 naming each field).
 * The query string is checked the same way. Refusals are answered by `refuse` (the exception
 * filter's answer: the same bodies as every other error).
 */
export const inputGate =
  (
    refuse: (error: unknown, req: Request, res: Response) => void,
    limits: typeof INPUT_LIMITS = INPUT_LIMITS,
  ) =>
  (req: Request, res: Response, next: NextFunction): void => {
    gate(req, limits).then(
      () => next(),
      (error: unknown) => refuse(error, req, res),
    );
  };

const gate = async (req: Request, limits: typeof INPUT_LIMITS): Promise<void> => {
  const q = req.originalUrl.indexOf('?');
  if (q >= 0) {
    const problems = queryProblems(req.originalUrl.slice(q + 1));
    if (problems.length > 0) {
      req.resume();
      throw new InvalidInputError(problems);
    }
  }
  if (!hasBody(req)) return;
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  const decode = encoding === 'identity' || encoding === '' ? undefined : DECODERS[encoding];
  if (decode === undefined && encoding !== 'identity' && encoding !== '') {
    req.resume();
    throw new CodedApiError(415, 'UNSUPPORTED_CONTENT_ENCODING', { encoding: encoding.slice(0, 40) });
  }
  // Excel import (issue #17 item 5): a workbook uploaded as the raw body of the import routes.
  const upload = isWorkbookUpload(req);
  const raw = await readBody(req, upload ? WORKBOOK_MAX_BYTES : limits.maxBodyBytes);
  if (upload) {
    if (raw === 'too-large')
      throw new CodedApiError(413, 'PAYLOAD_TOO_LARGE', { maxBytes: String(WORKBOOK_MAX_BYTES) });
    req.body = raw;
    return;
  }
  if (raw === 'too-large')
    throw new CodedApiError(413, 'PAYLOAD_TOO_LARGE', { maxBytes: String(limits.maxBodyBytes) });
  let bytes = raw;
  if (decode !== undefined) {
    try {
      bytes = await decode(raw, { maxOutputLength: limits.maxBodyBytes });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new CodedApiError(413, 'PAYLOAD_TOO_LARGE', { maxBytes: String(limits.maxBodyBytes) });
      throw new CodedApiError(400, 'INVALID_CONTENT_ENCODING', { encoding });
    }
  }
  if (bytes.length === 0) return;
  const contentType = String(req.headers['content-type'] ?? '');
  const [mediaType = '', ...params] = contentType.split(';').map((s) => s.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (
    !(mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType)) ||
    (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
  )
    throw new CodedApiError(415, 'UNSUPPORTED_MEDIA_TYPE', {
      contentType: contentType.slice(0, 80) || '(none)',
    });
  let text: string;
  let invalidUtf8 = false;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    invalidUtf8 = true;
  }
  if (jsonDepthExceeds(text, limits.maxDepth))
    throw new CodedApiError(400, 'JSON_TOO_DEEP', { maxDepth: String(limits.maxDepth) });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidJsonBody();
  }
  const problems = bodyProblems(value, invalidUtf8);
  if (invalidUtf8 && !problems.some((p) => p.expected === 'valid UTF-8'))
    problems.push({ path: '(body)', expected: 'valid UTF-8', value: null });
  if (problems.length > 0) throw new InvalidInputError(problems);
  req.body = value;
};

/** 400 INVALID_JSON: the body is not JSON. */
export class InvalidJsonBody extends CodedApiError {
  constructor() {
    super(400, 'INVALID_JSON');
  }
}

// ---- Excel import (issue #17 item 5) ----
/** The media type of an .xlsx workbook. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Bytes of an uploaded workbook (a county's register of ~500 projects is well under 1 MiB). */
export const WORKBOOK_MAX_BYTES = 8 * 1024 * 1024;
/** The routes that take a workbook as their raw body (identity encoding only: an .xlsx is compressed already). */
const WORKBOOK_ROUTES: ReadonlySet<string> = new Set(['/imports', '/imports/dry-run']);

/** A POST of an .xlsx body to an import route: kept as bytes (the import reads it with exceljs). */
const isWorkbookUpload = (req: Request): boolean => {
  const contentType = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  return (
    req.method === 'POST' &&
    contentType === XLSX_MEDIA_TYPE &&
    (encoding === 'identity' || encoding === '') &&
    WORKBOOK_ROUTES.has(req.path)
  );
};
