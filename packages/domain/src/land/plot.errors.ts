import type { ErrorMessage } from '../shared/errors';

/**
 * Error codes of a plot (R19: 000 §四.5 盘活低效闲置用地, 001 §(四) 土地清理、圈而不建收回土地), with
 * bilingual messages ({param} placeholders). Stable, documented in docs/domain.md, never reused.
 */
export const plotErrors = {
  PLOT_NOT_FOUND: {
    zh: '地块 {plotId} 尚未入库登记',
    en: 'Plot {plotId} is not in the land register',
    rule: 'R19',
  },
  PLOT_ALREADY_REGISTERED: {
    zh: '地块 {plotId} 已登记，内容不同；编号不能重复使用',
    en: 'Plot {plotId} was already registered with different content; an id is never reused',
    rule: 'R19',
  },
  PLOT_NOT_IN_RESERVE: {
    zh: '地块 {plotId} 不在储备中（状态：{status}），不能供给项目',
    en: 'Plot {plotId} is not in the reserve (status: {status}), so it cannot be allocated',
    rule: 'R19',
  },
  PLOT_NOT_OCCUPIED: {
    zh: '地块 {plotId} 当前没有用地项目（状态：{status}）',
    en: 'Plot {plotId} has no occupant now (status: {status})',
    rule: 'R19',
  },
  PLOT_OCCUPIED_BY_ANOTHER: {
    zh: '地块 {plotId} 的用地项目是 {occupant}，不是 {projectId}',
    en: 'Plot {plotId} is occupied by {occupant}, not {projectId}',
    rule: 'R19',
  },
  PLOT_NOT_IDLE_OR_LOW_EFFICIENCY: {
    zh: '地块 {plotId} 未被认定为闲置或低效（状态：{status}），无需盘活',
    en: 'Plot {plotId} was not found idle or low-efficiency (status: {status}), so there is nothing to revitalise',
    rule: 'R19',
  },
  PLOT_NEW_OCCUPANT_REQUIRED: {
    zh: '以{route}方式盘活须写明新的用地项目',
    en: 'Revitalisation by {route} names the new occupant project',
    rule: 'R19',
  },
  PLOT_NEW_OCCUPANT_NOT_ALLOWED: {
    zh: '政府收储的地块进入储备，不直接交给新的用地项目',
    en: 'A plot taken into the government reserve goes to the reserve, not straight to a new occupant',
    rule: 'R19',
  },
  PLOT_AREA_EXCEEDED: {
    zh: '盘活面积 {area} 超过地块面积 {plotArea}（单位：0.01 亩）',
    en: 'The revitalised area {area} exceeds the plot’s area {plotArea} (in 0.01 mu)',
    rule: 'R19',
  },
  PLOT_NOT_RECLAIMED: {
    zh: '地块 {plotId} 未收回（状态：{status}），不能纳入储备',
    en: 'Plot {plotId} has not been reclaimed (status: {status}), so it cannot return to the reserve',
    rule: 'R19',
  },
  PLOT_STEP_OUT_OF_ORDER: {
    zh: '{field} 为 {on}，早于地块上一环节（{after}）',
    en: '{field} is {on}, before the plot’s previous step ({after})',
    rule: 'R19',
  },
} as const satisfies Record<string, ErrorMessage>;

export type PlotErrorCode = keyof typeof plotErrors;
