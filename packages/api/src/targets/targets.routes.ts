import { DateText, IdText, queryInput, YearText } from '../http/query-inputs';
import type { CommandRoute, QueryRoute } from '../http/routes';
import { GetTargetProgress, GetYearProgress } from './queries/target-queries';

export const targetCommandRoutes: ReadonlyArray<CommandRoute> = [
  {
    kind: 'command',
    command: 'SetAnnualTargets',
    path: '/targets/:unitId/:year',
    method: 'PUT',
    tag: 'targets',
    summary: '下达年度目标 / set annual targets (R11, R12)',
    status: 201,
    numericParams: ['year'],
  },
  {
    kind: 'command',
    command: 'ReviseAnnualTargets',
    path: '/targets/:unitId/:year/revisions',
    tag: 'targets',
    summary: '调整年度目标 / revise annual targets',
    numericParams: ['year'],
  },
];

export const targetQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'GetTargetProgress',
    cacheable: true,
    path: '/targets/:unitId/:year/progress',
    tag: 'targets',
    summary: '目标进度（含序时进度）/ target progress with time-elapsed expectation',
    input: queryInput({ unitId: IdText, year: YearText }, { asOf: DateText }),
    build: (i, today) => new GetTargetProgress(i.unitId!, Number(i.year), i.asOf ?? today),
    returns: 'TargetProgress',
  },
  {
    kind: 'query',
    name: 'GetYearProgress',
    cacheable: true,
    path: '/targets/:year/progress',
    tag: 'targets',
    summary: '全区各单位目标进度 / progress of every plan of a year',
    input: queryInput({ year: YearText }, { asOf: DateText }),
    build: (i, today) => new GetYearProgress(Number(i.year), i.asOf ?? today),
    returns: 'TargetProgress[]',
  },
];
