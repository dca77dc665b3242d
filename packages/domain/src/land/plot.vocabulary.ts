import type { Labels } from '../shared/label';
import type { FlagBasis, LandUse, PlotFlag, RevitalisationRoute, SupplyStatus } from './plot.events';
import type { PlotStatus } from './plot.state';

/** 用地性质, as the land registers list them. */
export const landUseLabels = {
  industrial: { zh: '工业用地', en: 'Industrial' },
  warehousing: { zh: '仓储用地', en: 'Warehousing' },
  commercial: { zh: '商服用地', en: 'Commercial and services' },
  'public-service': { zh: '公共管理与公共服务用地', en: 'Public administration and services' },
  other: { zh: '其他用地', en: 'Other' },
} as const satisfies Labels<LandUse>;

/** 供地进度. */
export const supplyStatusLabels = {
  unsupplied: { zh: '未供', en: 'Not supplied' },
  listed: { zh: '已挂牌', en: 'Listed for transfer' },
  transferred: { zh: '已出让', en: 'Transferred' },
  allotted: { zh: '已划拨', en: 'Allotted' },
  leased: { zh: '已出租', en: 'Leased' },
} as const satisfies Labels<SupplyStatus>;

/** 地块状态 (R19). */
export const plotStatusLabels = {
  reserve: { zh: '储备', en: 'In reserve' },
  'in-use': { zh: '在用', en: 'In use' },
  'low-efficiency': { zh: '低效', en: 'Low-efficiency' },
  idle: { zh: '闲置', en: 'Idle' },
  reclaimed: { zh: '收回', en: 'Reclaimed' },
} as const satisfies Labels<PlotStatus>;

/** What a clearance found a plot to be. */
export const plotFlagLabels = {
  idle: { zh: '闲置', en: 'Idle' },
  'low-efficiency': { zh: '低效', en: 'Low-efficiency' },
} as const satisfies Labels<PlotFlag>;

/** Why a clearance flagged a plot. */
export const flagBasisLabels = {
  'no-construction': { zh: '圈而不建', en: 'Held without building' },
  'low-output': { zh: '亩均产出低于标准', en: 'Output per mu below the standard' },
  'stopped-production': { zh: '停产半停产', en: 'Production stopped' },
  other: { zh: '其他情形', en: 'Other' },
} as const satisfies Labels<FlagBasis>;

/** The four routes of 000 §四.5. */
export const revitalisationRouteLabels = {
  'government-reserve': { zh: '政府收储', en: 'Government reserve' },
  'equity-transfer': { zh: '股权转让', en: 'Equity transfer' },
  'bankruptcy-restructuring': { zh: '破产重组', en: 'Bankruptcy restructuring' },
  'cooperative-investment': { zh: '合作招商', en: 'Cooperative investment' },
} as const satisfies Labels<RevitalisationRoute>;
