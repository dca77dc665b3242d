import * as t from 'io-ts';
import { factDate, type FactDates } from '../shared/business-date';
import { struct } from '../shared/event-codec';
import { assertNever } from '../shared/exhaustive';
import { NonEmptyText } from '../shared/ids';
import {
  advisorAppointment,
  advisorAppointmentOptional,
  advisorReward,
  appointmentEnding,
  introductionCredit,
} from './advisor.events';

/** Appoint (聘请) an advisor (002 §八). */
export const AppointAdvisor = struct(
  { type: t.literal('AppointAdvisor'), ...advisorAppointment },
  advisorAppointmentOptional,
  'AppointAdvisor',
);
export type AppointAdvisor = t.TypeOf<typeof AppointAdvisor>;

/** End an advisor's appointment: dismissed (解聘), term ended (聘期届满) or resigned. */
export const EndAdvisorAppointment = struct(
  { type: t.literal('EndAdvisorAppointment'), ...appointmentEnding },
  { note: NonEmptyText },
  'EndAdvisorAppointment',
);
export type EndAdvisorAppointment = t.TypeOf<typeof EndAdvisorAppointment>;

/** Credit an advisor with introducing a project (牵线搭桥, 002 §八). */
export const CreditIntroduction = struct(
  { type: t.literal('CreditIntroduction'), ...introductionCredit },
  { note: NonEmptyText },
  'CreditIntroduction',
);
export type CreditIntroduction = t.TypeOf<typeof CreditIntroduction>;

/** Record the one-time reward (一次性奖励) for a project the advisor brought in (002 §八). */
export const RewardAdvisor = struct({ type: t.literal('RewardAdvisor'), ...advisorReward }, 'RewardAdvisor');
export type RewardAdvisor = t.TypeOf<typeof RewardAdvisor>;

/** Every command of an advisor, by type (the registry decodes requests with them). */
export const advisorCommands = {
  AppointAdvisor,
  EndAdvisorAppointment,
  CreditIntroduction,
  RewardAdvisor,
} as const;

export type AdvisorCommand = AppointAdvisor | EndAdvisorAppointment | CreditIntroduction | RewardAdvisor;

/** The dates an advisor command states as facts (DOMAIN.md §5), its business date first. */
export const advisorCommandDates = (c: AdvisorCommand): FactDates => {
  switch (c.type) {
    case 'AppointAdvisor':
      return [factDate('appointedOn', c.appointedOn)];
    case 'EndAdvisorAppointment':
      return [factDate('endedOn', c.endedOn)];
    case 'CreditIntroduction':
      return [factDate('introducedOn', c.introducedOn)];
    case 'RewardAdvisor':
      return [factDate('rewardedOn', c.rewardedOn), factDate('signedOn', c.signedOn)];
    default:
      return assertNever(c);
  }
};
