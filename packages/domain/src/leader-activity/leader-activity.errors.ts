import type { ErrorMessage } from '../shared/errors';

/**
 * Error codes of a leader's activity, with bilingual messages ({param} placeholders).
 * Stable, documented in docs/domain.md, never reused.
 */
export const leaderActivityErrors = {
  TRIP_DATES_INVALID: {
    zh: '返回日期 {to} 早于出发日期 {from}',
    en: 'The return date {to} is earlier than the departure date {from}',
    rule: 'R15',
  },
  TRIP_ID_CONFLICT: {
    zh: '外出招商记录 {tripId} 已登记，内容不同；请用更正',
    en: 'Trip {tripId} is already recorded with different content; correct it instead',
    rule: 'R15',
  },
  TRIP_OVERLAPS: {
    zh: '该领导的外出招商 {tripId}（{from} 至 {to}）与本次日期重叠',
    en: "The dates overlap the leader's trip {tripId} ({from} to {to})",
    rule: 'R15',
  },
  TRIP_NOT_FOUND: {
    zh: '外出招商记录 {tripId} 不存在',
    en: 'Trip {tripId} has not been recorded',
    rule: 'R15',
  },
} as const satisfies Record<string, ErrorMessage>;

export type LeaderActivityErrorCode = keyof typeof leaderActivityErrors;
