export {
  AdvisorCategory,
  AppointmentEnd,
  AdvisorTerm,
  AdvisorAppointed,
  AdvisorAppointmentEnded,
  IntroductionCredited,
  AdvisorRewarded,
  advisorEvents,
  AdvisorEventCodec,
} from './advisor.events';
export type { AdvisorEvent, AdvisorEventType, AdvisorEventOf } from './advisor.events';
export {
  AppointAdvisor,
  EndAdvisorAppointment,
  CreditIntroduction,
  RewardAdvisor,
  advisorCommands,
  advisorCommandDates,
} from './advisor.commands';
export type { AdvisorCommand } from './advisor.commands';
export { initialAdvisorState } from './advisor.state';
export type {
  Advisor,
  AdvisorState,
  AdvisorStatus,
  AdvisorReward,
  Introduction,
  NoAdvisor,
} from './advisor.state';
export { evolveAdvisor } from './advisor.evolve';
export {
  advisorDecider,
  requireNotAppointed,
  requireValidTerm,
  requireAppointed,
  requireNotEnded,
  servesUntil,
  requireServingOn,
  requireNotCivilServant,
  requireIntroduced,
  requireNotRewarded,
  requirePositiveReward,
  requireInOrder,
  requireAdvisorProject,
  decideAppointAdvisor,
  decideEndAdvisorAppointment,
  decideCreditIntroduction,
  decideRewardAdvisor,
} from './advisor.decide';
export { advisorErrors } from './advisor.errors';
export type { AdvisorErrorCode } from './advisor.errors';
export { advisorCategoryLabels, appointmentEndLabels, advisorStatusLabels } from './advisor.vocabulary';
