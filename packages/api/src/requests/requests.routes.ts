import * as t from 'io-ts';
import { Department, vocabulary, type RequestStatus } from '@zhaoshang/domain';
import { CountText, IdText, queryInput } from '../http/query-inputs';
import type { CommandRoute, QueryRoute } from '../http/routes';

const r = '/requests/:requestId';

const cmd = (
  command: CommandRoute['command'],
  path: string,
  summary: string,
  extra: Partial<CommandRoute> = {},
): CommandRoute => ({ kind: 'command', command, path, tag: 'requests', summary, ...extra });

/**
 * The closed loop of an enterprise request or complaint (R17: 001 §二 "及时受理和办结投资企业投诉事宜",
 * 004 §(十二) 事前收集梳理、事中研究交办、事后跟踪评价), one route per step. The time limits that wait
 * for a year's holiday schedule are counted by the deadline watcher (ComputeRequestDeadlines), never
 * through a route.
 */
export const requestCommandRoutes: ReadonlyArray<CommandRoute> = [
  cmd(
    'ReceiveRequest',
    '/requests',
    '受理企业诉求或投诉 / receive an enterprise request or complaint (R17)',
    {
      status: 201,
    },
  ),
  cmd(
    'AssignRequest',
    `${r}/assignment`,
    '交办承办部门（按工作日计办理时限）/ hand the request to a department (R17)',
  ),
  cmd('HandleRequest', `${r}/answers`, '承办部门办结答复 / the department answers (R17)'),
  cmd(
    'EvaluateRequest',
    `${r}/evaluations`,
    '登记企业评价（不满意则重新办理）/ record the enterprise’s evaluation; unsatisfied reopens it (R17)',
  ),
  cmd(
    'CloseRequest',
    `${r}/closing`,
    '办结归档（企业满意后）/ close the request once the enterprise is satisfied (R17)',
  ),
];

/** A status of the loop (已受理 … 已办结), as the vocabulary names them. */
export const RequestStatusText = t.keyof(
  Object.fromEntries(Object.keys(vocabulary.requestStatuses).map((k) => [k, null])) as Record<
    RequestStatus,
    null
  >,
  'RequestStatus',
);
const BooleanText = t.keyof({ true: null, false: null }, 'BooleanText');

/** `GET /requests`: filters; overdue is judged on the server's today (no caller's date). */
export const RequestListInput = queryInput(
  {},
  {
    status: RequestStatusText,
    unitId: IdText,
    departmentId: Department,
    overdue: BooleanText,
    limit: CountText,
    offset: CountText,
  },
);
/** `GET /exports/requests`: the ledger of every request (an officer's: their unit's), as of today. */
export const RequestExportInput = queryInput(
  {},
  { format: t.keyof({ xlsx: null, csv: null }, 'ExportFormat'), unitId: IdText },
);
/** `GET /requests/{requestId}`. */
export const RequestInput = queryInput({ requestId: IdText }, {});

export const requestQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'GetRequests',
    path: '/requests',
    tag: 'requests',
    summary: '企业诉求台账 / enterprise requests, by status, unit, department, overdue today',
    input: RequestListInput,
    returns:
      'Page<RequestEntry> { items, total, offset, limit } (newest received first; `limit` default 100, max 1,000; `overdue` as of the server’s today); an investment officer’s are their unit’s',
  },
  {
    kind: 'query',
    name: 'GetRequest',
    path: r,
    tag: 'requests',
    summary: '一件企业诉求及其办理经过 / one request with its history',
    input: RequestInput,
    returns:
      'RequestDetail: RequestEntry (folded from the request’s own stream, overdue as of today) and `history`: each event with its revision, position, business time, recording time and actor',
  },
  {
    kind: 'query',
    name: 'ExportRequests',
    path: '/exports/requests',
    tag: 'exports',
    summary: '导出企业诉求台账（Excel / CSV）/ the enterprise requests ledger as Excel or CSV',
    input: RequestExportInput,
    streamed: { contentType: 'application/octet-stream' },
    returns:
      '`format=xlsx` (default): 台账 (one row per request, overdue as of the server’s today), 按单位 and 按部门 (the performance review’s request figures, 1 January to today); `format=csv`: UTF-8 with BOM, one row per request',
  },
];
