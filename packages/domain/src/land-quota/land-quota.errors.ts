import type { ErrorMessage } from '../shared/errors';

/**
 * Error codes of the land-quota ledger (R19: 001 §(二) 有限指标保重点, 预留重大项目建设用地指标), with
 * bilingual messages; areas in 0.01 亩. Stable, documented in docs/domain.md, never reused.
 */
export const landQuotaErrors = {
  LAND_QUOTA_NOT_GRANTED: {
    zh: '{year} 年尚未下达用地指标',
    en: 'No land quota has been granted for {year}',
    rule: 'R19',
  },
  LAND_QUOTA_RESERVE_EXCEEDS_GRANT: {
    zh: '预留重大项目指标 {reserved} 超过本次下达的指标 {area}（单位：0.01 亩）',
    en: 'The key-project reservation {reserved} exceeds the grant {area} (in 0.01 mu)',
    rule: 'R19',
  },
  LAND_QUOTA_ENTRY_CONFLICT: {
    zh: '用地指标台账中 {entryId} 已记载，内容不同；编号不能重复使用',
    en: 'Entry {entryId} of the land-quota ledger was already recorded differently; an id is never reused',
    rule: 'R19',
  },
  LAND_QUOTA_EXCEEDED: {
    zh: '使用 {area} 超过 {year} 年剩余用地指标 {available}（单位：0.01 亩）',
    en: 'Using {area} exceeds the {available} left of the {year} land quota (in 0.01 mu)',
    rule: 'R19',
  },
  LAND_QUOTA_RESERVED_FOR_KEY_PROJECTS: {
    zh: '非重点项目只能使用一般指标（剩余 {available}），预留指标只保重大项目（单位：0.01 亩）',
    en: 'A project that is not a key project uses only the general quota ({available} left); the reservation is for key projects (in 0.01 mu)',
    rule: 'R19',
  },
  LAND_QUOTA_RELEASE_EXCEEDS_RESERVATION: {
    zh: '释放 {area} 超过未使用的预留指标 {available}（单位：0.01 亩）',
    en: 'Releasing {area} exceeds the unused reservation {available} (in 0.01 mu)',
    rule: 'R19',
  },
  LAND_QUOTA_NOT_A_KEY_PROJECT: {
    zh: '项目 {projectId} 不是重点项目（固定资产投资未达重点项目标准），不能使用预留指标',
    en: 'Project {projectId} is not a key project (its fixed-asset investment is below the key-project threshold), so it cannot use the reservation',
    rule: 'R19',
  },
} as const satisfies Record<string, ErrorMessage>;

export type LandQuotaErrorCode = keyof typeof landQuotaErrors;
