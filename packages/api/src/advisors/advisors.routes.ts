import * as t from 'io-ts';
import { CountText, IdText, queryInput } from '../http/query-inputs';
import type { CommandRoute, QueryRoute } from '../http/routes';

const a = '/advisors/:advisorId';

/** 招商顾问 (002 §八): appointed, credited with introductions, rewarded once per project brought in. */
export const advisorCommandRoutes: ReadonlyArray<CommandRoute> = [
  {
    kind: 'command',
    command: 'AppointAdvisor',
    path: '/advisors',
    tag: 'advisors',
    summary: '聘请招商顾问 / appoint an advisor (R21 · 002 §八)',
    status: 201,
  },
  {
    kind: 'command',
    command: 'EndAdvisorAppointment',
    path: `${a}/appointment-end`,
    tag: 'advisors',
    summary: '解聘或聘期届满 / end an advisor’s appointment (R21)',
  },
  {
    kind: 'command',
    command: 'CreditIntroduction',
    path: `${a}/introductions`,
    tag: 'advisors',
    summary: '认定牵线搭桥引荐项目 / credit an advisor with introducing a project of the unit (R21)',
    status: 201,
  },
  {
    kind: 'command',
    command: 'RewardAdvisor',
    path: `${a}/rewards`,
    tag: 'advisors',
    summary:
      '对成功引进项目的非公职人员招商顾问给予一次性奖励 / record the one-time reward for a signed project (R21)',
    status: 201,
  },
];

const AdvisorStatusText = t.keyof({ serving: null, ended: null }, 'AdvisorStatus');
const AdvisorCategoryText = t.keyof(
  { 'association-figure': null, entrepreneur: null, scholar: null },
  'AdvisorCategory',
);
const Format = t.keyof({ xlsx: null, csv: null }, 'ExportFormat');

/** `GET /advisors`. */
export const AdvisorsInput = queryInput(
  {},
  {
    status: AdvisorStatusText,
    category: AdvisorCategoryText,
    unitId: IdText,
    limit: CountText,
    offset: CountText,
  },
);
/** `GET /advisors/{advisorId}`. */
export const AdvisorInput = queryInput({ advisorId: IdText }, {});
/** `GET /exports/advisors`. */
export const AdvisorsExportInput = queryInput({}, { format: Format, status: AdvisorStatusText });

export const advisorQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'ListAdvisors',
    path: '/advisors',
    tag: 'advisors',
    summary: '招商顾问名册 / the advisor registry',
    input: AdvisorsInput,
    returns:
      'Page<AdvisorEntry> { items, total, offset, limit }: each advisor with its introduced projects (name and stage from the register) and rewards (分), by appointment date',
  },
  {
    kind: 'query',
    name: 'GetAdvisor',
    path: a,
    tag: 'advisors',
    summary: '招商顾问 / one advisor',
    input: AdvisorInput,
    returns: 'AdvisorEntry (404 NOT_FOUND when never appointed)',
  },
  {
    kind: 'query',
    name: 'ExportAdvisors',
    path: '/exports/advisors',
    tag: 'exports',
    summary: '导出招商顾问名册（Excel / CSV）/ the advisor registry as Excel or CSV',
    input: AdvisorsExportInput,
    streamed: { contentType: 'application/octet-stream' },
    returns:
      '`format=xlsx` (default): one sheet 招商顾问名册 with rewards in 万元 and a 合计 row; `format=csv`: UTF-8 with BOM, one row per advisor',
  },
];
