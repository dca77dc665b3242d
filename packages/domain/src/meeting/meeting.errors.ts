import type { ErrorMessage } from '../shared/errors';

/**
 * Error codes of a leading-group meeting and its 交办 items (R20: 000 §五.1, 001 §(三)3, 002 §一,
 * 004 §(十七), 003 工作交办机制、首问负责制、限时办结制、跟踪问效制), with bilingual messages
 * ({param} placeholders). Stable, documented in docs/domain.md, never reused.
 */
export const meetingErrors = {
  MEETING_NOT_HELD: {
    zh: '会议 {meetingId} 尚未召开登记，不能记录议定事项或交办事项',
    en: 'Meeting {meetingId} has not been recorded as held: it has no decisions or items',
    rule: 'R20',
  },
  MEETING_ALREADY_HELD: {
    zh: '会议 {meetingId} 已登记，内容不同；编号不能重复使用',
    en: 'Meeting {meetingId} was already recorded with different content; an id is never reused',
    rule: 'R20',
  },
  MEETING_DECISION_ALREADY_RECORDED: {
    zh: '会议 {meetingId} 第 {decision} 项议定事项已记录，内容不同',
    en: 'Decision {decision} of meeting {meetingId} was already recorded, differently',
    rule: 'R20',
  },
  MEETING_ITEM_ALREADY_HANDED_OUT: {
    zh: '交办事项 {itemId} 已在本次会议中交办；编号不能重复使用',
    en: 'Item {itemId} was already handed out at this meeting; an id is never reused',
    rule: 'R20',
  },
  MEETING_ITEM_DEADLINE_BEFORE_MEETING: {
    zh: '交办事项 {itemId} 的完成时限 {dueOn} 早于会议日期 {heldOn}',
    en: 'Item {itemId} is due on {dueOn}, before the meeting ({heldOn})',
    rule: 'R20',
  },
  MEETING_ITEM_NOT_FOUND: {
    zh: '会议 {meetingId} 没有交办事项 {itemId}',
    en: 'Meeting {meetingId} handed out no item {itemId}',
    rule: 'R20',
  },
  MEETING_ITEM_NOT_OWNER: {
    zh: '交办事项 {itemId} 的责任主体是 {owner}，不能由 {reporter} 报告办结',
    en: 'Item {itemId} is owned by {owner}; {reporter} cannot report it done',
    rule: 'R20',
  },
  MEETING_ITEM_EVIDENCE_REQUIRED: {
    zh: '交办事项 {itemId} 报告办结须附佐证材料',
    en: 'Item {itemId} is reported done with evidence, or not at all',
    rule: 'R20',
  },
  MEETING_ITEM_ALREADY_DONE: {
    zh: '交办事项 {itemId} 已于 {doneOn} 报告办结',
    en: 'Item {itemId} was already reported done on {doneOn}',
    rule: 'R20',
  },
  MEETING_ITEM_VERIFIED: {
    zh: '交办事项 {itemId} 已于 {verifiedOn} 核验销号',
    en: 'Item {itemId} was verified and closed on {verifiedOn}',
    rule: 'R20',
  },
  MEETING_ITEM_NOT_DONE: {
    zh: '交办事项 {itemId} 尚未报告办结（状态：{status}），不能核验',
    en: 'Item {itemId} has not been reported done (status: {status}), so it cannot be verified',
    rule: 'R20',
  },
  MEETING_ITEM_EXTENSION_REFUSED: {
    zh: '交办事项 {itemId} 不能延期：{why}',
    en: 'Item {itemId} cannot be extended: {why}',
    rule: 'R20',
  },
  MEETING_STEP_OUT_OF_ORDER: {
    zh: '{field} 为 {on}，早于 {after}',
    en: '{field} is {on}, before {after}',
    rule: 'R20',
  },
} as const satisfies Record<string, ErrorMessage>;

export type MeetingErrorCode = keyof typeof meetingErrors;
