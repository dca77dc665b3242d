import type { AdvisorId, ProjectId } from '../shared/ids';
import type { AdvisorEventOf } from './advisor.events';

/** Whether an advisor serves now or the appointment ended. */
export type AdvisorStatus = 'serving' | 'ended';

/** An introduction (牵线搭桥) the advisor is credited with. */
export type Introduction = Omit<AdvisorEventOf<'IntroductionCredited'>['data'], 'advisorId'>;
/** A one-time reward paid for a project brought in. */
export type AdvisorReward = Omit<AdvisorEventOf<'AdvisorRewarded'>['data'], 'advisorId'>;

/** An appointed advisor: the appointment as recorded, its end, introductions and rewards by project. */
export interface Advisor {
  readonly status: AdvisorStatus;
  readonly advisorId: AdvisorId;
  /** The appointment as recorded (a repeated AppointAdvisor is recognised by it). */
  readonly appointment: AdvisorEventOf<'AdvisorAppointed'>['data'];
  readonly ended?: Omit<AdvisorEventOf<'AdvisorAppointmentEnded'>['data'], 'advisorId'>;
  readonly introductions: Readonly<Record<ProjectId, Introduction>>;
  readonly rewards: Readonly<Record<ProjectId, AdvisorReward>>;
}

/** No advisor on the stream yet. */
export interface NoAdvisor {
  readonly status: 'none';
}

export type AdvisorState = NoAdvisor | Advisor;

export const initialAdvisorState: AdvisorState = { status: 'none' };
