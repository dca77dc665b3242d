import * as t from 'io-ts';
import { BusinessDate } from '../shared/dates';
import { catalogueCodec, defineEvent, EventOf, struct } from '../shared/event-codec';
import { Evidence } from '../shared/evidence';
import { NonEmptyText, PlotId, ProjectId, UnitId } from '../shared/ids';
import { PositiveLandArea } from './land.area';
import { HalfYear } from './land.period';

/** What the land is for (用地性质), as the zones' land registers list it. */
export const LandUse = t.keyof(
  {
    industrial: null, // 工业用地
    warehousing: null, // 仓储用地
    commercial: null, // 商服用地
    'public-service': null, // 公共管理与公共服务用地
    other: null, // 其他
  },
  'LandUse',
);
export type LandUse = t.TypeOf<typeof LandUse>;

/** Where the plot is in the land supply (供地进度). */
export const SupplyStatus = t.keyof(
  {
    unsupplied: null, // 未供
    listed: null, // 已挂牌
    transferred: null, // 已出让
    allotted: null, // 已划拨
    leased: null, // 已出租（标准厂房、先租后让）
  },
  'SupplyStatus',
);
export type SupplyStatus = t.TypeOf<typeof SupplyStatus>;

/** What a clearance found a plot to be (001 §(四) 土地清理; 000 §四.5 低效闲置用地). */
export const PlotFlag = t.keyof({ idle: null /* 闲置 */, 'low-efficiency': null /* 低效 */ }, 'PlotFlag');
export type PlotFlag = t.TypeOf<typeof PlotFlag>;

/** Why a clearance flagged the plot. */
export const FlagBasis = t.keyof(
  {
    'no-construction': null, // 圈而不建：约定开工日已过而未开工
    'low-output': null, // 亩均产出低于标准
    'stopped-production': null, // 停产、半停产
    other: null,
  },
  'FlagBasis',
);
export type FlagBasis = t.TypeOf<typeof FlagBasis>;

/** The four routes of 000 §四.5: 政府收储、股权转让、破产重组、合作招商. */
export const RevitalisationRoute = t.keyof(
  {
    'government-reserve': null, // 政府收储
    'equity-transfer': null, // 股权转让
    'bankruptcy-restructuring': null, // 破产重组
    'cooperative-investment': null, // 合作招商
  },
  'RevitalisationRoute',
);
export type RevitalisationRoute = t.TypeOf<typeof RevitalisationRoute>;

/** What registering a plot records: the command's fields and the event's data are the same. */
export const plotRegistration = {
  plotId: PlotId,
  unitId: UnitId,
  location: NonEmptyText,
  area: PositiveLandArea,
  landUse: LandUse,
  supply: SupplyStatus,
  registeredOn: BusinessDate,
};

export const PlotRegistered = defineEvent('PlotRegistered', struct(plotRegistration, 'PlotRegisteredData'), {
  zh: '地块入库登记（坐落、面积、用地性质、供地进度、所属单位），进入储备',
  en: 'A plot was entered in the land register (location, area, land use, supply status, unit) and held in reserve',
  rules: ['R19'],
});

export const PlotSupplyRecorded = defineEvent(
  'PlotSupplyRecorded',
  struct({ plotId: PlotId, supply: SupplyStatus, on: BusinessDate }, 'PlotSupplyRecordedData'),
  { zh: '更新地块供地进度', en: 'The plot’s supply status changed', rules: ['R19'] },
);

/** What an allocation, a clearance's finding, a revitalisation and a reclaim record: the command's fields are the event's. */
export const plotAllocation = {
  required: { plotId: PlotId, projectId: ProjectId, allocatedOn: BusinessDate },
  optional: { agreedStartBy: BusinessDate },
};
export const plotFinding = {
  required: { plotId: PlotId, flag: PlotFlag, basis: FlagBasis, period: HalfYear, on: BusinessDate },
  optional: { note: NonEmptyText },
};
export const plotRevitalisation = {
  required: {
    plotId: PlotId,
    route: RevitalisationRoute,
    area: PositiveLandArea,
    on: BusinessDate,
    evidence: Evidence,
  },
  optional: { newOccupant: ProjectId, note: NonEmptyText },
};
export const plotReclaim = {
  required: { plotId: PlotId, on: BusinessDate, reason: NonEmptyText },
  optional: { fromProject: ProjectId },
};

export const PlotAllocated = defineEvent(
  'PlotAllocated',
  struct(plotAllocation.required, plotAllocation.optional, 'PlotAllocatedData'),
  {
    zh: '地块供给项目使用（用地项目、日期、协议约定开工日期）',
    en: 'The plot was allocated to a project (occupant, date, the agreement’s construction start if known)',
    rules: ['R19'],
  },
);

export const PlotFlagged = defineEvent(
  'PlotFlagged',
  struct(plotFinding.required, plotFinding.optional, 'PlotFlaggedData'),
  {
    zh: '土地清理认定地块闲置或低效（清理期、依据）',
    en: 'A land clearance found the plot idle or low-efficiency (period, basis)',
    rules: ['R19'],
  },
);

export const PlotRevitalised = defineEvent(
  'PlotRevitalised',
  struct(plotRevitalisation.required, plotRevitalisation.optional, 'PlotRevitalisedData'),
  {
    zh: '盘活低效闲置地块（政府收储、股权转让、破产重组或合作招商；新用地项目、盘活面积、日期）',
    en: 'An idle or low-efficiency plot was revitalised by one of the four routes (new occupant, area, date)',
    rules: ['R19'],
  },
);

export const PlotReclaimed = defineEvent(
  'PlotReclaimed',
  struct(plotReclaim.required, plotReclaim.optional, 'PlotReclaimedData'),
  { zh: '收回地块', en: 'The plot was reclaimed from its occupant', rules: ['R19'] },
);

export const PlotReturnedToReserve = defineEvent(
  'PlotReturnedToReserve',
  struct({ plotId: PlotId, on: BusinessDate }, 'PlotReturnedToReserveData'),
  { zh: '收回地块纳入储备', en: 'The reclaimed plot was returned to the reserve', rules: ['R19'] },
);

/** Every event of a plot (stream `plot-<id>`), in lifecycle order. */
export const plotEvents = {
  PlotRegistered,
  PlotSupplyRecorded,
  PlotAllocated,
  PlotFlagged,
  PlotRevitalised,
  PlotReclaimed,
  PlotReturnedToReserve,
} as const;

export type PlotEvent = EventOf<typeof plotEvents>;
export type PlotEventType = PlotEvent['type'];
export type PlotEventOf<T extends PlotEventType> = Extract<PlotEvent, { readonly type: T }>;

/** Decodes any plot event, dispatching on its type. */
export const PlotEventCodec = catalogueCodec('PlotEvent', plotEvents);
