import { DateText, IdText, queryInput, YearText } from '../http/query-inputs';
import type { CommandRoute, QueryRoute } from '../http/routes';

export const targetCommandRoutes: ReadonlyArray<CommandRoute> = [
  {
    kind: 'command',
    command: 'SetAnnualTargets',
    path: '/targets/:unitId/:year',
    method: 'PUT',
    tag: 'targets',
    summary: '下达年度目标 / set annual targets (R11, R12)',
    status: 201,
  },
  {
    kind: 'command',
    command: 'ReviseAnnualTargets',
    path: '/targets/:unitId/:year/revisions',
    tag: 'targets',
    summary: '调整年度目标 / revise annual targets',
  },
];

/** `GET /targets/{unitId}/{year}/progress`. */
export const TargetProgressInput = queryInput({ unitId: IdText, year: YearText }, { asOf: DateText });
/** `GET /targets/{year}/progress`. */
export const YearProgressInput = queryInput({ year: YearText }, { asOf: DateText });

export const targetQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'GetTargetProgress',
    path: '/targets/:unitId/:year/progress',
    tag: 'targets',
    summary: '目标进度（含序时进度）/ target progress with time-elapsed expectation',
    input: TargetProgressInput,
    returns: 'TargetProgress',
  },
  {
    kind: 'query',
    name: 'GetYearProgress',
    path: '/targets/:year/progress',
    tag: 'targets',
    summary: '全区各单位目标进度 / progress of every plan of a year',
    input: YearProgressInput,
    returns: 'TargetProgress[]',
  },
];
