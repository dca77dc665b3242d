import type { ErrorMessage } from '../shared/errors';

/**
 * Error codes of a published bulletin, with bilingual messages ({param} placeholders).
 * Stable, documented in docs/domain.md, never reused.
 */
export const bulletinErrors = {
  BULLETIN_ALREADY_PUBLISHED: {
    zh: '{period} 的通报已发布（{bulletinId}），内容不同；请用更正',
    en: 'The bulletin of {period} is already published ({bulletinId}) with different content; correct it instead',
    rule: 'R14',
  },
  BULLETIN_NOT_PUBLISHED: {
    zh: '{period} 的通报尚未发布，无从更正',
    en: 'The bulletin of {period} has not been published, so it cannot be corrected',
    rule: 'R14',
  },
  BULLETIN_BEFORE_PERIOD: {
    zh: '{period} 的通报不能在该期开始（{first}）之前发布',
    en: 'The bulletin of {period} cannot be dated before the period begins ({first})',
    rule: 'R14',
  },
  CORRECTION_UNCHANGED: {
    zh: '更正后的数据摘要与被更正的一版相同',
    en: 'The corrected figures have the same digest as the edition they supersede',
    rule: 'R14',
  },
  CORRECTION_STALE: {
    zh: '更正针对的一版（{supersedes}）不是现行版本（{current}）',
    en: 'The correction supersedes {supersedes}, which is not the edition in force ({current})',
    rule: 'R14',
  },
} as const satisfies Record<string, ErrorMessage>;

export type BulletinErrorCode = keyof typeof bulletinErrors;
