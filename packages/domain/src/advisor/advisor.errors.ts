import type { ErrorMessage } from '../shared/errors';

/**
 * Error codes of an advisor (R21: 002 §八 招商顾问, 一次性奖励), with bilingual messages ({param}
 * placeholders). Stable, documented in docs/domain.md, never reused.
 */
export const advisorErrors = {
  ADVISOR_NOT_FOUND: {
    zh: '招商顾问 {advisorId} 尚未聘请',
    en: 'Advisor {advisorId} has not been appointed',
    rule: 'R21',
  },
  ADVISOR_ALREADY_APPOINTED: {
    zh: '招商顾问 {advisorId} 已聘请，内容不同；编号不能重复使用',
    en: 'Advisor {advisorId} was already appointed with different details; an id is never reused',
    rule: 'R21',
  },
  ADVISOR_TERM_INVALID: {
    zh: '聘期 {from} 至 {to} 无效（结束早于开始，或聘请日期 {appointedOn} 晚于聘期结束）',
    en: 'The term {from} to {to} is invalid (it ends before it begins, or the appointment on {appointedOn} is after its end)',
    rule: 'R21',
  },
  ADVISOR_APPOINTMENT_ENDED: {
    zh: '招商顾问 {advisorId} 的聘任已于 {endedOn} 结束',
    en: 'The appointment of advisor {advisorId} ended on {endedOn}',
    rule: 'R21',
  },
  ADVISOR_NOT_SERVING: {
    zh: '{on} 不在招商顾问 {advisorId} 的聘期内（{from} 至 {until}）',
    en: '{on} is outside the term of advisor {advisorId} ({from} to {until})',
    rule: 'R21',
  },
  ADVISOR_INTRODUCTION_ALREADY_CREDITED: {
    zh: '招商顾问 {advisorId} 引荐项目 {projectId} 已于 {introducedOn} 认定，内容不同',
    en: 'Advisor {advisorId} was already credited with project {projectId} (introduced on {introducedOn}), differently',
    rule: 'R21',
  },
  ADVISOR_PROJECT_NOT_FOUND: {
    zh: '项目 {projectId} 不存在',
    en: 'Project {projectId} does not exist',
    rule: 'R21',
  },
  ADVISOR_PROJECT_OTHER_UNIT: {
    zh: '项目 {projectId} 属于 {projectUnitId}，不是 {unitId}',
    en: 'Project {projectId} belongs to {projectUnitId}, not {unitId}',
    rule: 'R21',
  },
  ADVISOR_PROJECT_NOT_INTRODUCED: {
    zh: '招商顾问 {advisorId} 未被认定引荐项目 {projectId}，不能奖励',
    en: 'Advisor {advisorId} is not credited with introducing project {projectId}, so no reward is due',
    rule: 'R21',
  },
  ADVISOR_PROJECT_NOT_SIGNED: {
    zh: '项目 {projectId} 未于 {signedOn} 签订协议 {agreementId}，尚未成功引进，不能奖励',
    en: 'Project {projectId} has no agreement {agreementId} signed on {signedOn}: it was not brought in, so no reward is due',
    rule: 'R21',
  },
  ADVISOR_CIVIL_SERVANT_NOT_REWARDED: {
    zh: '招商顾问 {advisorId} 为公职人员，一次性奖励只给予非公职人员',
    en: 'Advisor {advisorId} is a civil servant: the one-time reward is for non-civil-servants only',
    rule: 'R21',
  },
  ADVISOR_ALREADY_REWARDED: {
    zh: '招商顾问 {advisorId} 已于 {rewardedOn} 因项目 {projectId} 获得一次性奖励',
    en: 'Advisor {advisorId} was already rewarded for project {projectId} on {rewardedOn}',
    rule: 'R21',
  },
  ADVISOR_REWARD_NOT_POSITIVE: {
    zh: '奖励金额必须大于零',
    en: 'The reward must be more than zero',
    rule: 'R21',
  },
  ADVISOR_STEP_OUT_OF_ORDER: {
    zh: '{field} 为 {on}，早于 {afterField}（{after}）',
    en: '{field} is {on}, before {afterField} ({after})',
    rule: 'R21',
  },
} as const satisfies Record<string, ErrorMessage>;

export type AdvisorErrorCode = keyof typeof advisorErrors;
