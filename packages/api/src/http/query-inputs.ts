import * as t from 'io-ts';
import { STAGES, type Stage } from '@zhaoshang/domain';

/** Query-string and path values are strings; these refinements name what each must look like. */
const pattern = (name: string, re: RegExp) => t.refinement(t.string, (s) => re.test(s), name);

export const YearText = pattern('YearText', /^\d{4}$/);
export const DateText = pattern('BusinessDate', /^\d{4}-\d{2}-\d{2}$/);
export const PeriodText = pattern('PeriodText', /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/);
export const IdText = pattern('IdText', /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/);
/** A page size or offset, decimal digits. */
export const CountText = pattern('CountText', /^\d{1,6}$/);
/** A global position to wait for (read-your-writes), decimal digits. */
export const PositionText = pattern('PositionText', /^\d{1,20}$/);

/** Every query accepts `atLeast`: wait (bounded) until the read models reached this position. */
export const queryInput = <P extends t.Props, Q extends t.Props>(params: P, query: Q) =>
  t.intersection([t.type(params), t.partial({ ...query, atLeast: PositionText })]);

/** A stage name of the domain's vocabulary (lead, qualified, …, in-production, terminated). */
export const StageText = t.keyof(
  Object.fromEntries(STAGES.map((x) => [x, null])) as Record<Stage, null>,
  'Stage',
);
