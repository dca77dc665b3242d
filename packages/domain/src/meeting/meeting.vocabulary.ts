import type { Labels } from '../shared/label';
import type { MeetingKind } from './meeting.events';
import type { MeetingItemStatus } from './meeting.state';

/** The leading group's meetings (000 §五.1, 001 §(三)3, 002 §一, 004 §(十七)). */
export const meetingKindLabels = {
  monthly: { zh: '领导小组月度工作例会', en: 'Monthly leading-group meeting' },
  special: { zh: '专题工作会议', en: 'Special meeting' },
  joint: { zh: '联席会议', en: 'Joint departmental meeting' },
  dispatch: { zh: '调度会', en: 'Progress dispatch meeting' },
} as const satisfies Labels<MeetingKind>;

/** Where a 交办 item is (003 工作交办机制、跟踪问效制). */
export const meetingItemStatusLabels = {
  'handed-out': { zh: '已交办，办理中', en: 'Handed out, in progress' },
  done: { zh: '已报办结，待核验', en: 'Reported done, awaiting verification' },
  verified: { zh: '已核验销号', en: 'Verified and closed' },
} as const satisfies Labels<MeetingItemStatus>;

/** How an item stands against its deadline on a list (限时办结制, 003): overdue, done on time or late. */
export type MeetingItemTimeliness = 'overdue' | 'on-time' | 'late';
export const meetingItemTimelinessLabels = {
  overdue: { zh: '逾期未办结', en: 'Overdue, not done' },
  'on-time': { zh: '按时办结', en: 'Done on time' },
  late: { zh: '逾期办结', en: 'Done late' },
} as const satisfies Labels<MeetingItemTimeliness>;
