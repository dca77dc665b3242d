import type { RequestCategory } from './enterprise-request.events';

/**
 * The time limits of the closed loop, in working days on the official calendar, as data. The seeds
 * ask for requests to be handled promptly (001 §二 及时受理和办结) without a figure; the defaults take
 * the outer bound of 限时办结 (001 §(三)2: 10 working days in special cases) for every category. A
 * region with its own limits builds its own decider (`makeEnterpriseRequestDecider({ policy })`).
 */
export interface EnterpriseRequestPolicy {
  /** Working days from the day a request is handed out (交办) to its answer, by category. */
  readonly timeLimits: { readonly [K in RequestCategory]: number };
  /** Working days from the day an unsatisfied enterprise reopens it to the new answer. */
  readonly reopenedTimeLimit: number;
}

export const defaultEnterpriseRequestPolicy: EnterpriseRequestPolicy = {
  timeLimits: {
    procedures: 10,
    land: 10,
    'policy-honouring': 10,
    financing: 10,
    infrastructure: 10,
    labour: 10,
    'law-enforcement': 10,
    other: 10,
  },
  reopenedTimeLimit: 10,
};
