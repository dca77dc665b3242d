import * as t from 'io-ts';
import { CountText, DateText, IdText, queryInput, textPattern, YearText } from '../http/query-inputs';
import type { CommandRoute, QueryRoute } from '../http/routes';

const TAG = 'land';

/** Land plots and the land-quota ledger (R19): one route per command. */
export const landCommandRoutes: ReadonlyArray<CommandRoute> = [
  {
    kind: 'command',
    command: 'RegisterPlot',
    path: '/plots',
    tag: TAG,
    summary: '地块入库登记 / enter a plot in the land register (R19)',
    status: 201,
  },
  {
    kind: 'command',
    command: 'RecordPlotSupply',
    path: '/plots/:plotId/supply',
    tag: TAG,
    summary: '更新供地进度 / record the plot’s supply status',
  },
  {
    kind: 'command',
    command: 'AllocatePlot',
    path: '/plots/:plotId/allocation',
    tag: TAG,
    summary: '地块供给项目 / allocate a plot in reserve to a project (R19)',
  },
  {
    kind: 'command',
    command: 'FlagPlot',
    path: '/plots/:plotId/flags',
    tag: TAG,
    summary: '土地清理认定闲置或低效 / record a clearance’s finding on a plot (001 §(四))',
  },
  {
    kind: 'command',
    command: 'RevitalisePlot',
    path: '/plots/:plotId/revitalisations',
    tag: TAG,
    summary: '盘活低效闲置地块 / revitalise a plot by one of the four routes (000 §四.5)',
  },
  {
    kind: 'command',
    command: 'ReclaimPlot',
    path: '/plots/:plotId/reclaim',
    tag: TAG,
    summary: '收回地块 / reclaim a plot from its occupant (001 §(四))',
  },
  {
    kind: 'command',
    command: 'ReturnPlotToReserve',
    path: '/plots/:plotId/reserve',
    tag: TAG,
    summary: '收回地块纳入储备 / return a reclaimed plot to the reserve',
  },
  {
    kind: 'command',
    command: 'GrantLandQuota',
    path: '/land-quota/:year/grants',
    tag: TAG,
    summary: '下达用地指标 / record a grant of the year’s land quota (001 §(二))',
    status: 201,
  },
  {
    kind: 'command',
    command: 'UseLandQuota',
    path: '/land-quota/:year/uses',
    tag: TAG,
    summary: '使用用地指标 / use land quota for a project (有限指标保重点)',
  },
  {
    kind: 'command',
    command: 'ReleaseLandQuotaReservation',
    path: '/land-quota/:year/releases',
    tag: TAG,
    summary: '释放预留指标 / release an unused part of the key-project reservation',
  },
];

/** A plot status of the vocabulary. */
const PlotStatusText = t.keyof(
  { reserve: null, 'in-use': null, 'low-efficiency': null, idle: null, reclaimed: null },
  'PlotStatus',
);
/** A half-year, 'YYYY-H1' or 'YYYY-H2'. */
export const HalfYearText = textPattern(
  'HalfYearText',
  /^\d{4}-H[12]$/,
  { min: 7, max: 7 },
  '2024-H2',
  "a half-year 'YYYY-H1' or 'YYYY-H2'",
);
const Format = t.keyof({ xlsx: null, csv: null }, 'ExportFormat');
const LandCsvPart = t.keyof({ plots: null, clearance: null, quota: null }, 'LandCsvPart');

/** `GET /plots`. */
export const PlotsInput = queryInput(
  {},
  { unitId: IdText, status: PlotStatusText, limit: CountText, offset: CountText },
);
/** `GET /plots/{plotId}`. */
export const PlotInput = queryInput({ plotId: IdText }, {});
/** `GET /land/clearance`: the half-year (default: the one `asOf` falls in). */
export const ClearanceInput = queryInput({}, { period: HalfYearText, unitId: IdText, asOf: DateText });
/** `GET /land/idle` and `GET /land/revitalised`. */
export const LandSummaryInput = queryInput({}, { unitId: IdText });
/** `GET /land-quota`. */
export const QuotaInput = queryInput({}, { year: YearText });
/** `GET /exports/land`. */
export const LandExportInput = queryInput(
  {},
  { format: Format, part: LandCsvPart, unitId: IdText, period: HalfYearText, asOf: DateText },
);

export const landQueryRoutes: ReadonlyArray<QueryRoute> = [
  {
    kind: 'query',
    name: 'GetPlots',
    path: '/plots',
    tag: TAG,
    summary: '地块台账（亩均）/ the plot register with per-mu figures (R19, 003 亩均论英雄)',
    input: PlotsInput,
    returns:
      'Page<PlotEntry> { items, total, offset, limit }: each plot with its status, occupant and perMu { investment, output, tax } in 万元/亩; areas in 0.01 亩',
  },
  {
    kind: 'query',
    name: 'GetPlot',
    path: '/plots/:plotId',
    tag: TAG,
    summary: '地块详情 / one plot',
    input: PlotInput,
    returns: 'PlotEntry',
  },
  {
    kind: 'query',
    name: 'GetLandClearance',
    path: '/land/clearance',
    tag: TAG,
    summary: '每半年土地清理清单（圈而不建、低效）/ the half-yearly land clearance list (001 §(四))',
    input: ClearanceInput,
    returns:
      'ClearanceList { period, asOf, noConstruction, lowEfficiency, totals { noConstructionArea, lowEfficiencyArea, plots, area } } for `period` (default the half-year of `asOf`, default today), as of the half-year’s end or `asOf`, whichever is earlier',
  },
  {
    kind: 'query',
    name: 'GetIdleLand',
    path: '/land/idle',
    tag: TAG,
    summary: '低效闲置用地（面积合计）/ idle and low-efficiency land with area totals (000 §四.5)',
    input: LandSummaryInput,
    returns: 'IdleLand { plots, totals { idleArea, lowEfficiencyArea, area, plots, occupants } }',
  },
  {
    kind: 'query',
    name: 'GetRevitalisedLand',
    path: '/land/revitalised',
    tag: TAG,
    summary: '盘活与腾出土地（按年度、方式）/ revitalised and freed land by year and route (003)',
    input: LandSummaryInput,
    returns: 'RevitalisedLand { years: { year, byRoute, revitalised, freed }[], totals }',
  },
  {
    kind: 'query',
    name: 'GetLandQuota',
    path: '/land-quota',
    tag: TAG,
    summary: '用地指标台账 / the land-quota ledgers (001 §(二) 有限指标保重点)',
    input: QuotaInput,
    returns:
      'QuotaView[] { year, granted, reserved, usedFromReserved, usedFromGeneral, left, grants, uses, releases }',
  },
  {
    kind: 'query',
    name: 'ExportLand',
    path: '/exports/land',
    tag: 'exports',
    summary: '导出土地台账（Excel / CSV）/ the land register as Excel or CSV',
    input: LandExportInput,
    streamed: { contentType: 'application/octet-stream' },
    returns:
      '`format=xlsx` (default): 地块台账 (with 亩均), 土地清理 (the half-year `period`, default the current one) and 用地指标 sheets; `format=csv&part=plots|clearance|quota`',
  },
];
