import * as t from 'io-ts';
import { STAGES, type Stage } from '@zhaoshang/domain';

/** How a text codec of the API appears in the OpenAPI document (json-schema.ts reads this). */
export interface TextPattern {
  readonly type: 'string';
  readonly pattern: string;
  readonly minLength: number;
  readonly maxLength: number;
  readonly example: string;
  readonly description?: string;
}

/** Every text codec made by `textPattern`, by name: the document states exactly what it checks. */
export const textPatterns = new Map<string, TextPattern>();

/**
 * Query-string and path values are strings; a refinement names what each must look like. The
 * regular expression, its length bounds and an example are kept for the OpenAPI document.
 */
export const textPattern = (
  name: string,
  re: RegExp,
  lengths: { readonly min: number; readonly max: number },
  example: string,
  description?: string,
) => {
  textPatterns.set(name, {
    type: 'string',
    pattern: re.source,
    minLength: lengths.min,
    maxLength: lengths.max,
    example,
    ...(description !== undefined ? { description } : {}),
  });
  return t.refinement(t.string, (s) => re.test(s), name);
};

export const YearText = textPattern('YearText', /^\d{4}$/, { min: 4, max: 4 }, '2025');
export const DateText = textPattern(
  'DateText',
  /^\d{4}-\d{2}-\d{2}$/,
  { min: 10, max: 10 },
  '2025-03-03',
  'a date YYYY-MM-DD',
);
export const PeriodText = textPattern(
  'PeriodText',
  /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/,
  { min: 4, max: 7 },
  '2025-Q1',
  "'2024', '2024-Q1' or '2024-03'",
);
export const IdText = textPattern(
  'IdText',
  /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/,
  { min: 1, max: 100 },
  'jingkaiqu',
);
/** A page size or offset, decimal digits. */
export const CountText = textPattern('CountText', /^\d{1,6}$/, { min: 1, max: 6 }, '50');
/** A global position to wait for (read-your-writes), decimal digits. */
export const PositionText = textPattern(
  'PositionText',
  /^\d{1,20}$/,
  { min: 1, max: 20 },
  '1024',
  'a global position (read-your-writes)',
);

/** Every query accepts `atLeast`: wait (bounded) until the read models reached this position. */
export const queryInput = <P extends t.Props, Q extends t.Props>(params: P, query: Q) =>
  t.intersection([t.type(params), t.partial({ ...query, atLeast: PositionText })]);

/** A stage name of the domain's vocabulary (lead, qualified, …, in-production, terminated). */
export const StageText = t.keyof(
  Object.fromEntries(STAGES.map((x) => [x, null])) as Record<Stage, null>,
  'Stage',
);

/**
 * A route that takes no parameter at all: any query parameter is refused with 400, as every other
 * route refuses one it does not declare (the import's and the webhooks' lists, issue #18).
 */
export const NoInput = t.exact(t.type({}), 'NoInput');
export type NoInput = t.TypeOf<typeof NoInput>;
