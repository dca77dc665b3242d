/**
 * The advisor decider (R21): 002 §八 "聘请行业协会商会知名人士、国内外知名企业家、学术界知名专家学者为
 * 招商顾问 … 利用自身资源优势牵线搭桥 … 对成功引进投资企业和项目的'招商顾问'，给予非公职人员一次性奖励，
 * 具体参照《谯城区招商引资目标管理激励办法》执行". `decide` dispatches each command to its own
 * function; each rule is a named check below. What one advisor's stream cannot see — that the project
 * exists in the unit named, and that it was signed (成功引进) — is `requireAdvisorProject`, checked
 * against the project's own state before the command is decided (the API's command gateway does).
 */
import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import type { ProjectState } from '../project/project.state';
import type { BusinessDate } from '../shared/dates';
import type { Decider } from '../shared/decider';
import { all, same, withoutType } from '../shared/decision';
import { domainError, type DomainError, type ErrorParams } from '../shared/errors';
import { assertNever } from '../shared/exhaustive';
import type { ProjectId } from '../shared/ids';
import type {
  AdvisorCommand,
  AppointAdvisor,
  CreditIntroduction,
  EndAdvisorAppointment,
  RewardAdvisor,
} from './advisor.commands';
import type { AdvisorErrorCode } from './advisor.errors';
import type { AdvisorEvent } from './advisor.events';
import { evolveAdvisor } from './advisor.evolve';
import { initialAdvisorState, type Advisor, type AdvisorState, type Introduction } from './advisor.state';

type Decision = Either<DomainError, ReadonlyArray<AdvisorEvent>>;
type Check = Either<DomainError, true>;

/** A refusal with a code of the catalogue (a code missing there fails to compile). */
const refuse = (code: AdvisorErrorCode, params: ErrorParams = {}): Either<DomainError, never> =>
  E.left(domainError(code, params));

const ok: Check = E.right(true);
const nothing: Decision = E.right([]);

/** 002 §八 聘请: an advisor id names one appointment; appointing it again with other details is refused. */
export const requireNotAppointed = (s: AdvisorState, c: AppointAdvisor): Check =>
  s.status === 'none' ? ok : refuse('ADVISOR_ALREADY_APPOINTED', { advisorId: c.advisorId });

/** 002 §八 聘请: a term (聘期) ends no earlier than it begins, and the appointment is made before it ends. */
export const requireValidTerm = (c: AppointAdvisor): Check =>
  c.term.from <= c.term.to && c.appointedOn <= c.term.to
    ? ok
    : refuse('ADVISOR_TERM_INVALID', { from: c.term.from, to: c.term.to, appointedOn: c.appointedOn });

/** 002 §八: every later step acts on an advisor who was appointed. */
export const requireAppointed = (s: AdvisorState, advisorId: string): Either<DomainError, Advisor> =>
  s.status === 'none' ? refuse('ADVISOR_NOT_FOUND', { advisorId }) : E.right(s);

/** An appointment ends once (解聘 or 聘期届满). */
export const requireNotEnded = (s: Advisor): Check =>
  s.ended === undefined
    ? ok
    : refuse('ADVISOR_APPOINTMENT_ENDED', { advisorId: s.advisorId, endedOn: s.ended.endedOn });

/** The last day an advisor serves: the end of the term, or the day the appointment ended if earlier. */
export const servesUntil = (s: Advisor): BusinessDate =>
  s.ended !== undefined && s.ended.endedOn < s.appointment.term.to ? s.ended.endedOn : s.appointment.term.to;

/** 002 §八 牵线搭桥: an introduction counts when it was made while the advisor served (within the term). */
export const requireServingOn = (s: Advisor, on: BusinessDate): Check =>
  on >= s.appointment.term.from && on <= servesUntil(s)
    ? ok
    : refuse('ADVISOR_NOT_SERVING', {
        advisorId: s.advisorId,
        on,
        from: s.appointment.term.from,
        until: servesUntil(s),
      });

/** 002 §八 "给予非公职人员一次性奖励": a civil servant (公职人员) is not rewarded. */
export const requireNotCivilServant = (s: Advisor): Check =>
  s.appointment.civilServant ? refuse('ADVISOR_CIVIL_SERVANT_NOT_REWARDED', { advisorId: s.advisorId }) : ok;

/** 002 §八 "对成功引进投资企业和项目的'招商顾问'": the reward is for a project the advisor is credited with. */
export const requireIntroduced = (s: Advisor, projectId: ProjectId): Either<DomainError, Introduction> => {
  const introduction = s.introductions[projectId];
  return introduction === undefined
    ? refuse('ADVISOR_PROJECT_NOT_INTRODUCED', { advisorId: s.advisorId, projectId })
    : E.right(introduction);
};

/** 002 §八 一次性奖励: once per advisor and project. */
export const requireNotRewarded = (s: Advisor, projectId: ProjectId): Check => {
  const reward = s.rewards[projectId];
  return reward === undefined
    ? ok
    : refuse('ADVISOR_ALREADY_REWARDED', {
        advisorId: s.advisorId,
        projectId,
        rewardedOn: reward.rewardedOn,
      });
};

/** A reward is an amount of money: more than nothing. */
export const requirePositiveReward = (c: RewardAdvisor): Check =>
  c.amount > 0 ? ok : refuse('ADVISOR_REWARD_NOT_POSITIVE');

/** Steps follow each other in time: the introduction, then the signing (成功引进), then the reward. */
export const requireInOrder = (
  field: string,
  on: BusinessDate,
  afterField: string,
  after: BusinessDate,
): Check => (on >= after ? ok : refuse('ADVISOR_STEP_OUT_OF_ORDER', { field, on, afterField, after }));

/**
 * What the advisor's stream cannot see, checked against the project's own state: an introduction
 * names a project of the unit it says (so unit scoping holds), and a reward names the agreement by
 * which the project was brought in (成功引进: signed, 002 §八) with its id and signing day.
 */
export const requireAdvisorProject = (
  c: CreditIntroduction | RewardAdvisor,
  project: ProjectState,
): Check => {
  if (project.status === 'none') return refuse('ADVISOR_PROJECT_NOT_FOUND', { projectId: c.projectId });
  if (c.type === 'CreditIntroduction')
    return project.unitId === c.unitId
      ? ok
      : refuse('ADVISOR_PROJECT_OTHER_UNIT', {
          projectId: c.projectId,
          projectUnitId: project.unitId,
          unitId: c.unitId,
        });
  const agreement = project.agreement;
  return agreement !== undefined &&
    agreement.agreementId === c.agreementId &&
    agreement.signedOn === c.signedOn
    ? ok
    : refuse('ADVISOR_PROJECT_NOT_SIGNED', {
        projectId: c.projectId,
        agreementId: c.agreementId,
        signedOn: c.signedOn,
      });
};

/** 聘请 (002 §八): a new advisor; the same appointment again is harmless. */
export const decideAppointAdvisor = (c: AppointAdvisor, s: AdvisorState): Decision => {
  if (s.status !== 'none' && same(s.appointment, withoutType(c))) return nothing;
  return E.map((): ReadonlyArray<AdvisorEvent> => [{ type: 'AdvisorAppointed', data: withoutType(c) }])(
    all(
      () => requireNotAppointed(s, c),
      () => requireValidTerm(c),
    ),
  );
};

/** 解聘 / 聘期届满: the appointment ends once; the same ending again is harmless. */
export const decideEndAdvisorAppointment = (c: EndAdvisorAppointment, s: Advisor): Decision => {
  if (s.ended !== undefined && s.ended.endedOn === c.endedOn && s.ended.reason === c.reason) return nothing;
  return E.map((): ReadonlyArray<AdvisorEvent> => [
    { type: 'AdvisorAppointmentEnded', data: withoutType(c) },
  ])(
    all(
      () => requireNotEnded(s),
      () => requireInOrder('endedOn', c.endedOn, 'appointedOn', s.appointment.appointedOn),
    ),
  );
};

/** 牵线搭桥 (002 §八): an advisor is credited once per project, with an introduction made in the term. */
export const decideCreditIntroduction = (c: CreditIntroduction, s: Advisor): Decision => {
  const credited = s.introductions[c.projectId];
  if (credited !== undefined) {
    return credited.introducedOn === c.introducedOn && credited.unitId === c.unitId
      ? nothing
      : refuse('ADVISOR_INTRODUCTION_ALREADY_CREDITED', {
          advisorId: s.advisorId,
          projectId: c.projectId,
          introducedOn: credited.introducedOn,
        });
  }
  return E.map((): ReadonlyArray<AdvisorEvent> => [{ type: 'IntroductionCredited', data: withoutType(c) }])(
    requireServingOn(s, c.introducedOn),
  );
};

/**
 * 一次性奖励 (002 §八): for a project the advisor introduced and that was signed, to a
 * non-civil-servant, once; the same reward again is harmless.
 */
export const decideRewardAdvisor = (c: RewardAdvisor, s: Advisor): Decision => {
  const rewarded = s.rewards[c.projectId];
  if (
    rewarded !== undefined &&
    rewarded.amount === c.amount &&
    rewarded.rewardedOn === c.rewardedOn &&
    rewarded.agreementId === c.agreementId
  )
    return nothing;
  return E.map((): ReadonlyArray<AdvisorEvent> => [{ type: 'AdvisorRewarded', data: withoutType(c) }])(
    all(
      () => requireNotCivilServant(s),
      () => requireNotRewarded(s, c.projectId),
      () => requirePositiveReward(c),
      () =>
        E.flatMap(requireIntroduced(s, c.projectId), (introduction) =>
          all(
            () => requireInOrder('signedOn', c.signedOn, 'introducedOn', introduction.introducedOn),
            () => requireInOrder('rewardedOn', c.rewardedOn, 'signedOn', c.signedOn),
          ),
        ),
    ),
  );
};

/** Each command to its own function. */
const decideAdvisor = (command: AdvisorCommand, state: AdvisorState): Decision => {
  if (command.type === 'AppointAdvisor') return decideAppointAdvisor(command, state);
  const found = requireAppointed(state, command.advisorId);
  if (E.isLeft(found)) return found;
  const s = found.right;
  switch (command.type) {
    case 'EndAdvisorAppointment':
      return decideEndAdvisorAppointment(command, s);
    case 'CreditIntroduction':
      return decideCreditIntroduction(command, s);
    case 'RewardAdvisor':
      return decideRewardAdvisor(command, s);
    default:
      return assertNever(command);
  }
};

/** The advisor decider (R21 · 002 §八). */
export const advisorDecider: Decider<AdvisorCommand, AdvisorEvent, AdvisorState> = {
  initialState: initialAdvisorState,
  evolve: evolveAdvisor,
  decide: decideAdvisor,
  isTerminal: () => false,
};
