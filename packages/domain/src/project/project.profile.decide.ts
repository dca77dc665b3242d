/*
 * Recording the project's profile (R22; DOMAIN.md §6 "Registers as offices keep them": 项目类别, 园区,
 * 镇街 of the project list; 项目代码, 备案证号, 用地类型, 供地进度 of the procedures sheet).
 */
import * as E from 'fp-ts/Either';
import type { BusinessDate } from '../shared/dates';
import type { ProjectCommandOf } from './project.commands';
import { emit, nothing, type Result } from './project.decision';
import { changedProfile, PROFILE_FIELDS, PROJECT_CODE, type ProjectProfile } from './project.profile';
import { all, fail, ok, type Check } from './project.rules';
import type { Project } from './project.state';

/**
 * R22: 项目代码 is the code the national 投资项目在线审批监管平台 assigned: 年份-行政区划-行业-项目类型-流水号,
 * and it is not of a year after the day it is recorded (a code is assigned before it can be written down).
 */
export const requireProjectCode = (code: string | undefined, on: BusinessDate): Check => {
  if (code === undefined) return ok;
  const m = PROJECT_CODE.exec(code);
  if (m === null) return fail('PROJECT_CODE_MALFORMED', { projectCode: code });
  const codeYear = Number(m[1]);
  return codeYear > Number(on.slice(0, 4)) ? fail('PROJECT_CODE_AFTER_RECORD', { codeYear, on }) : ok;
};

/** R22: a record names at least one field of the profile. */
export const requireProfileContent = (profile: ProjectProfile): Check =>
  PROFILE_FIELDS.some((key) => profile[key] !== undefined) ? ok : fail('PROJECT_PROFILE_EMPTY');

/** R22: records the fields that change; a record that changes nothing is a harmless repeat. */
export const decideRecordProjectProfile = (
  c: ProjectCommandOf<'RecordProjectProfile'>,
  p: Project,
): Result => {
  const checked = all(
    () => requireProfileContent(c.profile),
    () => requireProjectCode(c.profile.projectCode, c.on),
  );
  if (E.isLeft(checked)) return checked;
  const changed = changedProfile(p.profile ?? {}, c.profile);
  return PROFILE_FIELDS.some((key) => changed[key] !== undefined)
    ? E.right([emit('ProjectProfileRecorded', { projectId: c.projectId, on: c.on, profile: changed })])
    : nothing;
};
