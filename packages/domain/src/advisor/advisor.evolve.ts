import type { AdvisorEvent } from './advisor.events';
import type { AdvisorState } from './advisor.state';

/** Records what happened; never validates (the decider already did). */
export const evolveAdvisor = (state: AdvisorState, event: AdvisorEvent): AdvisorState => {
  if (event.type === 'AdvisorAppointed') {
    return {
      status: 'serving',
      advisorId: event.data.advisorId,
      appointment: event.data,
      introductions: {},
      rewards: {},
    };
  }
  // Any other event on an empty stream cannot be emitted by decide; evolve stays total anyway.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'AdvisorAppointmentEnded': {
      const { advisorId: _id, ...ended } = event.data;
      return { ...state, status: 'ended', ended };
    }
    case 'IntroductionCredited': {
      const { advisorId: _id, ...introduction } = event.data;
      return { ...state, introductions: { ...state.introductions, [introduction.projectId]: introduction } };
    }
    case 'AdvisorRewarded': {
      const { advisorId: _id, ...reward } = event.data;
      return { ...state, rewards: { ...state.rewards, [reward.projectId]: reward } };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
