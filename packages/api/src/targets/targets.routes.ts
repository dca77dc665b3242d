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
// the 大屏's trend (issue #18 item 4)
/** `GET /targets/{year}/trend`: a unit's (or, without `unitId`, the whole region's) year month by month. */
export const TrendInput = queryInput({ year: YearText }, { asOf: DateText, unitId: IdText });

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
  // the 大屏's trend (issue #18 item 4)
  {
    kind: 'query',
    name: 'GetTargetTrend',
    path: '/targets/:year/trend',
    tag: 'targets',
    summary:
      '逐月累计完成与序时进度（大屏）/ the year month by month against the time-elapsed expectation (the wall screen)',
    input: TrendInput,
    returns:
      'TargetTrendView { year, asOf, unitId?, months: { month, to, elapsedFraction }[], headline: { metric, kind, minInvestment?, actual, series }[], plan?: TargetProgress }',
  },
];
