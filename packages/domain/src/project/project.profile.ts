/*
 * The project's profile (项目档案): the register columns that offices keep and no other fact of the
 * project gives (R22; DOMAIN.md §6 "Registers as offices keep them": the project list's 项目类别, 园区,
 * 镇街, and the procedures sheet's 项目代码, 备案证号, 用地类型, 供地进度). Each field is recorded
 * when it becomes known and may be recorded again with a new value; a repeat changes nothing.
 */
import * as t from 'io-ts';
import { LandUse, SupplyStatus } from '../land/plot.events';
import { struct } from '../shared/event-codec';
import { NonEmptyText, UnitId } from '../shared/ids';
import type { Labels } from '../shared/label';

/**
 * 项目类别, in the seeds' words: 工业项目 and 配套服务项目 (000 §四.1 「坚持以工业项目为重点、配套
 * 服务项目协调推进」), 服务业 (004 §(七) 现代服务业与先进制造业“双轮驱动”), 基础设施 (001 §(一)
 * 园区…基础设施建设). 农业 and 其他 are not in the seeds: a region's policy list, kept short.
 */
export const ProjectCategory = t.keyof(
  {
    industrial: null, // 工业项目
    service: null, // 服务业项目
    infrastructure: null, // 基础设施项目
    agriculture: null, // 农业项目 (policy list, not in the seeds)
    other: null, // 其他
  },
  'ProjectCategory',
);
export type ProjectCategory = t.TypeOf<typeof ProjectCategory>;

/** The words a register prints for each category. */
export const projectCategoryLabels = {
  industrial: { zh: '工业项目', en: 'Industrial' },
  service: { zh: '服务业项目', en: 'Services' },
  infrastructure: { zh: '基础设施项目', en: 'Infrastructure' },
  agriculture: { zh: '农业项目', en: 'Agriculture' },
  other: { zh: '其他项目', en: 'Other' },
} as const satisfies Labels<ProjectCategory>;

/**
 * What a unit of the deployment is (R22, for 园区 and 镇街): a development zone or park (园区/开发区),
 * a town or sub-district (镇街), a department (部门), or the district itself — the total of its
 * units, never a unit of its own register or ranking.
 */
export const UnitKind = t.keyof({ district: null, park: null, town: null, department: null }, 'UnitKind');
export type UnitKind = t.TypeOf<typeof UnitKind>;

/** The words a person reads for each kind of unit. */
export const unitKindLabels = {
  district: { zh: '区（全区合计）', en: 'District (the total)' },
  park: { zh: '园区（开发区）', en: 'Park or development zone' },
  town: { zh: '乡镇（街道）', en: 'Town or sub-district' },
  department: { zh: '区直部门', en: 'Department' },
} as const satisfies Labels<UnitKind>;

/**
 * The profile's fields, each optional: a record names the fields it sets. 园区 and 镇街 name units
 * of the deployment's registry (the API checks their kind); 用地类型 and 供地进度 use the land
 * register's words (R19), so a plot allocated to the project and the profile say the same thing.
 */
export const ProjectProfile = struct(
  {},
  {
    category: ProjectCategory, // 项目类别
    parkId: UnitId, // 园区 (a unit of kind park)
    townId: UnitId, // 镇街 (a unit of kind town)
    projectCode: NonEmptyText, // 项目代码 (投资项目在线审批监管平台), checked by `requireProjectCode`
    filingNo: NonEmptyText, // 备案证号
    landUse: LandUse, // 用地类型
    landSupply: SupplyStatus, // 供地进度 (recorded; a plot allocated to the project says it first)
  },
  'ProjectProfile',
);
export type ProjectProfile = t.TypeOf<typeof ProjectProfile>;

/** The profile's field names, in the order a register prints them. */
export const PROFILE_FIELDS = [
  'category',
  'parkId',
  'townId',
  'projectCode',
  'filingNo',
  'landUse',
  'landSupply',
] as const satisfies ReadonlyArray<keyof ProjectProfile>;

/**
 * 项目代码 of the national 投资项目在线审批监管平台: 年份(4)-行政区划(6)-行业(2)-项目类型(2)-流水号(6),
 * e.g. 2024-340603-04-01-512345; the type is 01 审批, 02 核准 or 03 备案.
 */
export const PROJECT_CODE = /^(\d{4})-(\d{6})-(\d{2})-(0[123])-(\d{6})$/;

/** Whether a text has the platform's 项目代码 shape. */
export const isProjectCode = (code: string): boolean => PROJECT_CODE.test(code);

/** The fields of `next` that differ from `current` (what a record changes). */
export const changedProfile = (current: ProjectProfile, next: ProjectProfile): ProjectProfile =>
  PROFILE_FIELDS.reduce<ProjectProfile>(
    (out, key) =>
      next[key] !== undefined && next[key] !== current[key] ? { ...out, [key]: next[key] } : out,
    {},
  );

/** The profile after a record: its fields replace the ones recorded before, the others stay. */
export const mergeProfile = (
  current: ProjectProfile | undefined,
  record: ProjectProfile,
): ProjectProfile => ({
  ...current,
  ...record,
});
