import type { BulletinPeriod } from '../bulletin/bulletin.events';
import { periodLabel } from '../bulletin/bulletin.period';
import type { Year } from '../shared/dates';
import type { LeaderId, PlotId, ProjectId, RequestId, UnitId } from '../shared/ids';
// Leading-group meetings and their 交办 items (R20)
import type { MeetingId } from '../shared/ids';
// advisors (招商顾问, R21 · 002 §八)
import type { AdvisorId } from '../shared/ids';

/**
 * The beginning of every stream name of each aggregate, the only place they are written: each
 * aggregate's streams begin with its prefix, and no prefix begins another (a test checks both).
 */
export const streamPrefixes = {
  project: 'project-',
  'target-plan': 'target-plan-',
  'leader-activity': 'leader-',
  bulletin: 'bulletin-',
  'working-calendar': 'working-calendar',
  'enterprise-request': 'enterprise-request-',
  // land plots and the land-quota ledger (R19)
  plot: 'plot-',
  'land-quota': 'land-quota-',
  // Leading-group meetings and their 交办 items (R20)
  meeting: 'meeting-',
  // advisors (招商顾问, R21 · 002 §八)
  advisor: 'advisor-',
} as const;

/** A project's stream: one stream per project (`project-<id>`). */
export const projectStream = (id: ProjectId): string => `${streamPrefixes.project}${id}`;

/** The stream of a unit's (or the region's) plan for one year (`target-plan-<unit>-<year>`). */
export const targetPlanStream = (unitId: UnitId, year: Year): string =>
  `${streamPrefixes['target-plan']}${unitId}-${year}`;

/** The stream of one leader's activity (`leader-<leaderId>`). */
export const leaderStream = (leaderId: LeaderId): string => `${streamPrefixes['leader-activity']}${leaderId}`;

/** The stream of a period's bulletin: 'bulletin-2024-03', 'bulletin-2024-Q1', 'bulletin-2024'. */
export const bulletinStream = (period: BulletinPeriod): string =>
  `${streamPrefixes.bulletin}${periodLabel(period)}`;

/** The one stream of the working-day calendar. */
export const WORKING_CALENDAR_STREAM = streamPrefixes['working-calendar'];

/** The stream of one enterprise request or complaint (`enterprise-request-<id>`). */
export const enterpriseRequestStream = (id: RequestId): string =>
  `${streamPrefixes['enterprise-request']}${id}`;

// ---- land plots and the land-quota ledger (R19) ----
/** The stream of one plot of land (`plot-<id>`). */
export const plotStream = (id: PlotId): string => `${streamPrefixes.plot}${id}`;

/** The stream of a year's land-quota ledger (`land-quota-<year>`). */
export const landQuotaStream = (year: Year): string => `${streamPrefixes['land-quota']}${year}`;
// Leading-group meetings and their 交办 items (R20)
/** The stream of one leading-group meeting and the items it hands out (`meeting-<id>`). */
export const meetingStream = (id: MeetingId): string => `${streamPrefixes.meeting}${id}`;
// ---- advisors (招商顾问, R21 · 002 §八) ----
/** The stream of one advisor (`advisor-<id>`). */
export const advisorStream = (id: AdvisorId): string => `${streamPrefixes.advisor}${id}`;
