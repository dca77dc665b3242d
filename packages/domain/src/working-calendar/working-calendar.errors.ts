import type { ErrorMessage } from '../shared/errors';

/**
 * Error codes of the working-day calendar, with bilingual messages ({param} placeholders).
 * Stable, documented in docs/domain.md, never reused.
 */
export const workingCalendarErrors = {
  SCHEDULE_DATE_OUTSIDE_YEAR: {
    zh: '{date} 不在 {year} 年内，不能列入该年的节假日安排',
    en: '{date} is not in {year}, so it cannot be part of that year’s holiday schedule',
    rule: 'R7',
  },
  SCHEDULE_DAY_BOTH_HOLIDAY_AND_WORKDAY: {
    zh: '{date} 不能既是放假日又是调休上班日',
    en: '{date} cannot be both a holiday and an adjusted workday',
    rule: 'R7',
  },
  SCHEDULE_ADJUSTED_WORKDAY_NOT_WEEKEND: {
    zh: '调休上班日 {date} 不是周末（工作日本来就上班）',
    en: 'Adjusted workday {date} is not a weekend day (a weekday is a workday anyway)',
    rule: 'R7',
  },
  SCHEDULE_WITHOUT_HOLIDAYS: {
    zh: '{year} 年节假日安排未列出任何放假日',
    en: 'The {year} holiday schedule lists no holiday',
    rule: 'R7',
  },
  SCHEDULE_ADOPTED_BEFORE_PUBLISHED: {
    zh: '采用日期 {on} 早于通知发布日期 {publishedOn}',
    en: 'Adopted on {on}, before the notice was published on {publishedOn}',
    rule: 'R7',
  },
  SCHEDULE_ALREADY_ADOPTED: {
    zh: '{year} 年节假日安排已于 {on} 采用且内容不同；如需更改请提交更正并说明理由',
    en: 'A different {year} holiday schedule was adopted on {on}; submit a correction with a reason to change it',
    rule: 'R7',
  },
  SCHEDULE_NOT_ADOPTED: {
    zh: '{year} 年节假日安排尚未采用，无从更正',
    en: 'No {year} holiday schedule has been adopted, so there is nothing to correct',
    rule: 'R7',
  },
} as const satisfies Record<string, ErrorMessage>;

export type WorkingCalendarErrorCode = keyof typeof workingCalendarErrors;
