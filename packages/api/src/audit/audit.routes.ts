import * as t from 'io-ts';
import { BusinessDate } from '@zhaoshang/domain';
import { IdText, PositionText, textPattern } from '../http/query-inputs';
import type { QueryRoute } from '../http/routes';
/** A stream's name: `project-XM-…`, `target-plan-<unit>-<year>`, `leader-…`, `bulletin-…`. */
const StreamText = textPattern(
  'StreamText',
  /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/,
  { min: 1, max: 200 },
  'project-XM-2025-001',
  'a stream name',
);
/** A point in a history: a business date (YYYY-MM-DD, Asia/Shanghai) or a global position. */
const PointText = t.union([BusinessDate, PositionText], 'BusinessDate | PositionText');

/** Audit routes read the event store only: no `atLeast` (the read models play no part). */
const auditInput = <P extends t.Props, Q extends t.Props>(params: P, query: Q) =>
  t.intersection([t.type(params), t.partial(query)]);

const p = '/audit/projects/:projectId';

/** `GET /audit/projects/{projectId}/state`: exactly one of `date` or `position`. */
export const StateAsOfInput = auditInput(
  { projectId: IdText },
  { date: BusinessDate, position: PositionText },
);
/** `GET /audit/projects/{projectId}/diff`. */
export const StateDiffInput = auditInput({ projectId: IdText }, { from: PointText, to: PointText });
/** `GET /audit/streams/{streamName}/verification`. */
export const StreamVerificationInput = auditInput({ streamName: StreamText }, {});
/** `GET /audit/verification`: no parameters. */
export const StoreVerificationInput = auditInput({}, {});
/** `GET /audit/projects/{projectId}/bundle`. */
export const ProjectBundleInput = auditInput({ projectId: IdText }, { toPosition: PositionText });
/** `GET /audit/bundle`. */
export const StoreBundleInput = auditInput({}, { toPosition: PositionText });
/** The content type of the streamed audit answers (progress lines, bundles). */
export const NDJSON = 'application/x-ndjson; charset=utf-8';

/**
 * The auditor's reads (审计): a project's state as of a date or a position, the differences between
 * two points, hash-chain verification of one stream or of the whole store, and audit bundles that
 * `zhaoshang-audit verify-bundle` checks offline. Roles: permissions.ts `queryRoles`. A project's
 * history is `GET /projects/{projectId}/history`.
 */
export const auditQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'AuditStateAsOf',
    path: `${p}/state`,
    tag: 'audit',
    summary: '项目某时点状态（时间旅行）/ a project’s state as of a business date or a position',
    input: StateAsOfInput,
    returns:
      '{ projectId, asOf: { date } | { position }, state } (give exactly one of `date` or `position`; the events whose business date is on or before `date`, or whose position is at most `position`, folded)',
  },
  {
    kind: 'query',
    name: 'AuditStateDiff',
    path: `${p}/diff`,
    tag: 'audit',
    summary: '两个时点之间的状态差异 / what changed between two points (dates or positions)',
    input: StateDiffInput,
    returns:
      '{ projectId, from, to, changes: [{ path, before?, after? }] } (`from` and `to` each a YYYY-MM-DD date or a position; sorted by path; a missing before/after: the member was absent)',
  },
  {
    kind: 'query',
    name: 'AuditStreamVerification',
    path: '/audit/streams/:streamName/verification',
    tag: 'audit',
    summary: '校验一个事件流的哈希链 / verify one stream’s hash chain',
    input: StreamVerificationInput,
    returns: 'VerifyReport { ok, scope, checked, firstBroken?: { streamName, revision, position, reason } }',
  },
  {
    kind: 'query',
    name: 'AuditStoreVerification',
    path: '/audit/verification',
    tag: 'audit',
    summary: '校验整个事件库的哈希链（流式进度）/ verify the whole store, progress streamed',
    input: StoreVerificationInput,
    streamed: { contentType: NDJSON },
    returns:
      'NDJSON: `{"progress":{"checked","position","head"}}` lines (about one a second while it runs), then one `{"report":VerifyReport}` line. Covers the events stored when it started; one whole-store verification or export at a time (429 AUDIT_BUSY otherwise); closing the connection stops it',
  },
  {
    kind: 'query',
    name: 'AuditProjectBundle',
    path: `${p}/bundle`,
    tag: 'audit',
    summary: '导出项目审计包（单文件）/ a project’s audit bundle, one file',
    input: ProjectBundleInput,
    streamed: { contentType: NDJSON },
    returns:
      'a single-file audit bundle: one stored event per line (events.jsonl), then `{"manifest":BundleManifest}`; save it and run `zhaoshang-audit verify-bundle <file>`. Up to `toPosition` (default: the store’s head when the export starts, also in the X-Bundle-To-Position header)',
  },
  {
    kind: 'query',
    name: 'AuditStoreBundle',
    path: '/audit/bundle',
    tag: 'audit',
    summary: '导出整库审计包（单文件）/ the whole store’s audit bundle, one file',
    input: StoreBundleInput,
    streamed: { contentType: NDJSON },
    returns:
      'a single-file audit bundle of every event up to `toPosition` (default: the head when the export starts, X-Bundle-To-Position), then `{"manifest":BundleManifest}`; one whole-store verification or export at a time (429 AUDIT_BUSY)',
  },
];
