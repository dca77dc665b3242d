import type { ErrorMessage } from '../shared/errors';

/**
 * Error codes of an enterprise request (R17: 001 §二 投诉, 004 §(十二) 诉求闭环), with bilingual
 * messages ({param} placeholders). Stable, documented in docs/domain.md, never reused.
 */
export const enterpriseRequestErrors = {
  REQUEST_NOT_FOUND: {
    zh: '诉求 {requestId} 尚未受理',
    en: 'Request {requestId} has not been received',
    rule: 'R17',
  },
  REQUEST_ALREADY_RECEIVED: {
    zh: '诉求 {requestId} 已受理，内容不同；编号不能重复使用',
    en: 'Request {requestId} was already received with different content; an id is never reused',
    rule: 'R17',
  },
  REQUEST_ALREADY_ASSIGNED: {
    zh: '诉求 {requestId} 已交办给 {department}',
    en: 'Request {requestId} was already handed to {department}',
    rule: 'R17',
  },
  REQUEST_NOT_ASSIGNED: {
    zh: '诉求 {requestId} 当前不在办理中（状态：{status}），不能答复',
    en: 'Request {requestId} is not with a department now (status: {status}), so it cannot be answered',
    rule: 'R17',
  },
  REQUEST_NOT_HANDLED: {
    zh: '诉求 {requestId} 第 {round} 次办理尚未答复（当前第 {current} 次，状态：{status}），不能评价',
    en: 'Round {round} of request {requestId} has no answer to evaluate (current round {current}, status: {status})',
    rule: 'R17',
  },
  REQUEST_ALREADY_EVALUATED: {
    zh: '企业已对诉求 {requestId} 第 {round} 次办理作出评价，结论不同',
    en: 'The enterprise already evaluated round {round} of request {requestId}, differently',
    rule: 'R17',
  },
  REQUEST_NOT_SATISFIED: {
    zh: '企业尚未对诉求 {requestId} 表示满意（状态：{status}），不能办结归档',
    en: 'The enterprise has not said it is satisfied with request {requestId} (status: {status}), so it cannot be closed',
    rule: 'R17',
  },
  REQUEST_CLOSED: {
    zh: '诉求 {requestId} 已于 {closedOn} 办结归档',
    en: 'Request {requestId} was closed on {closedOn}',
    rule: 'R17',
  },
  REQUEST_STEP_OUT_OF_ORDER: {
    zh: '{field} 为 {on}，早于上一环节（{after}）',
    en: '{field} is {on}, before the previous step ({after})',
    rule: 'R17',
  },
} as const satisfies Record<string, ErrorMessage>;

export type EnterpriseRequestErrorCode = keyof typeof enterpriseRequestErrors;
