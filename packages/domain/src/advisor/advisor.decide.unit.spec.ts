/**
 * Advisors (R21), checked against the seed, 002 §八: "聘请行业协会商会知名人士、国内外知名企业家、学术界
 * 知名专家学者为招商顾问 … 利用自身资源优势牵线搭桥 … 对成功引进投资企业和项目的'招商顾问'，给予非公职
 * 人员一次性奖励，具体参照《谯城区招商引资目标管理激励办法》执行".
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { arbAdvisorCommand, arbAdvisorLife } from '../testing/advisor.arbitraries';
import { describeError } from '../errors';
import { initialProjectState, type ProjectState } from '../project/project.state';
import { historyUntil, stateOf } from '../testing/project.fixtures';
import { date } from '../shared/dates';
import { unsafeId, type AdvisorId } from '../shared/ids';
import { cny } from '../shared/money';
import { spec } from '../testing/decider-spec';
import {
  advisorDecider,
  AdvisorEventCodec,
  advisorErrors,
  requireAdvisorProject,
  type AdvisorEvent,
  type AppointAdvisor,
  type CreditIntroduction,
  type EndAdvisorAppointment,
  type RewardAdvisor,
} from './index';

const advisorId = 'GW-001' as AdvisorId;
const projectId = unsafeId.project('XM-1');
const advisor = spec(advisorDecider);

const appoint = (o: Partial<AppointAdvisor> = {}): AppointAdvisor => ({
  type: 'AppointAdvisor',
  advisorId,
  name: unsafeId.text('王某某'),
  category: 'entrepreneur',
  organisation: unsafeId.text('某新能源集团'),
  civilServant: false,
  term: { from: date('2024-01-01'), to: date('2025-12-31') },
  appointedOn: date('2024-01-01'),
  appointedBy: unsafeId.text('区招商引资工作领导小组办公室'),
  ...o,
});
const credit = (o: Partial<CreditIntroduction> = {}): CreditIntroduction => ({
  type: 'CreditIntroduction',
  advisorId,
  projectId,
  unitId: unsafeId.unit('kaifaqu'),
  introducedOn: date('2024-03-01'),
  creditedBy: unsafeId.text('招商专员'),
  ...o,
});
const reward = (o: Partial<RewardAdvisor> = {}): RewardAdvisor => ({
  type: 'RewardAdvisor',
  advisorId,
  projectId,
  agreementId: unsafeId.agreement('XY-1'),
  signedOn: date('2024-06-01'),
  amount: cny.wan(5),
  policyRef: unsafeId.text('《谯城区招商引资目标管理激励办法》'),
  rewardedOn: date('2024-07-01'),
  approvedBy: unsafeId.text('区财政局'),
  ...o,
});
const end = (o: Partial<EndAdvisorAppointment> = {}): EndAdvisorAppointment => ({
  type: 'EndAdvisorAppointment',
  advisorId,
  reason: 'dismissed',
  endedOn: date('2024-09-01'),
  endedBy: unsafeId.text('区招商引资工作领导小组办公室'),
  ...o,
});

const appointed = (o: Partial<AppointAdvisor> = {}): AdvisorEvent => {
  const { type: _t, ...data } = appoint(o);
  return { type: 'AdvisorAppointed', data };
};
const ended = (o: Partial<EndAdvisorAppointment> = {}): AdvisorEvent => {
  const { type: _t, ...data } = end(o);
  return { type: 'AdvisorAppointmentEnded', data };
};
const credited = (o: Partial<CreditIntroduction> = {}): AdvisorEvent => {
  const { type: _t, ...data } = credit(o);
  return { type: 'IntroductionCredited', data };
};
const rewarded = (o: Partial<RewardAdvisor> = {}): AdvisorEvent => {
  const { type: _t, ...data } = reward(o);
  return { type: 'AdvisorRewarded', data };
};

it('the events built here are valid events of the catalogue', () => {
  for (const e of [appointed(), ended(), credited(), rewarded()]) expect(AdvisorEventCodec.is(e)).toBe(true);
});

describe('R21 · 002 §八 聘请招商顾问: appointing an advisor', () => {
  it('R21 · 002 §八 "聘请…国内外知名企业家…为招商顾问": an appointment records category, organisation, civil-servant status and term', () => {
    advisor.given([]).when(appoint()).then([appointed()]);
  });
  it('R21 · 002 §八 聘请: the same appointment again is harmless; another with the same id is refused', () => {
    advisor.given([appointed()]).when(appoint()).thenNothingHappens();
    advisor
      .given([appointed()])
      .when(appoint({ category: 'scholar' }))
      .thenFails('ADVISOR_ALREADY_APPOINTED');
  });
  it('R21 · 002 §八 聘请: a term that ends before it begins is refused', () => {
    advisor
      .given([])
      .when(appoint({ term: { from: date('2025-01-01'), to: date('2024-01-01') } }))
      .thenFails('ADVISOR_TERM_INVALID');
  });
  it('R21 · 002 §八: an appointment ends once (解聘); a command on an advisor never appointed is refused', () => {
    advisor
      .given([appointed()])
      .when(end())
      .thenMatches([{ type: 'AdvisorAppointmentEnded' }]);
    advisor
      .given([appointed(), ended()])
      .when(end({ endedOn: date('2024-10-01') }))
      .thenFails('ADVISOR_APPOINTMENT_ENDED');
    advisor.given([]).when(end()).thenFails('ADVISOR_NOT_FOUND');
  });
});

describe('R21 · 002 §八 牵线搭桥: crediting an introduction', () => {
  it('R21 · 002 §八 "利用自身资源优势牵线搭桥": an advisor in term is credited with introducing a project', () => {
    advisor.given([appointed()]).when(credit()).then([credited()]);
  });
  it('R21 · 002 §八 牵线搭桥: an introduction outside the term (or after dismissal) is refused', () => {
    advisor
      .given([appointed()])
      .when(credit({ introducedOn: date('2023-12-31') }))
      .thenFails('ADVISOR_NOT_SERVING');
    advisor
      .given([appointed(), ended()])
      .when(credit({ introducedOn: date('2024-09-02') }))
      .thenFails('ADVISOR_NOT_SERVING');
  });
  it('R21 · 002 §八 牵线搭桥: a project is credited once; the same credit again is harmless, another date refused', () => {
    advisor.given([appointed(), credited()]).when(credit()).thenNothingHappens();
    advisor
      .given([appointed(), credited()])
      .when(credit({ introducedOn: date('2024-03-05') }))
      .thenFails('ADVISOR_INTRODUCTION_ALREADY_CREDITED');
  });
});

describe('R21 · 002 §八 一次性奖励: rewarding an advisor', () => {
  it('R21 · 002 §八 "对成功引进投资企业和项目的招商顾问，给予非公职人员一次性奖励": a non-civil-servant is rewarded for a signed project introduced', () => {
    advisor.given([appointed(), credited()]).when(reward()).then([rewarded()]);
  });
  it('R21 · 002 §八 "给予非公职人员一次性奖励": a civil servant (公职人员) is refused the reward', () => {
    const refusal = advisor
      .given([appointed({ civilServant: true }), credited()])
      .when(reward())
      .thenFails('ADVISOR_CIVIL_SERVANT_NOT_REWARDED');
    expect(describeError(refusal, 'zh')).toContain('公职人员');
  });
  it('R21 · 002 §八 "一次性奖励": a second reward for the same project is refused; the same reward again is harmless', () => {
    advisor.given([appointed(), credited(), rewarded()]).when(reward()).thenNothingHappens();
    advisor
      .given([appointed(), credited(), rewarded()])
      .when(reward({ amount: cny.wan(8), rewardedOn: date('2024-08-01') }))
      .thenFails('ADVISOR_ALREADY_REWARDED');
  });
  it('R21 · 002 §八 "对成功引进…的招商顾问": a project the advisor did not introduce earns no reward', () => {
    advisor.given([appointed()]).when(reward()).thenFails('ADVISOR_PROJECT_NOT_INTRODUCED');
  });
  it('R21 · 002 §八 奖励: the reward is more than zero and follows the signing, which follows the introduction', () => {
    advisor
      .given([appointed(), credited()])
      .when(reward({ amount: cny.zero }))
      .thenFails('ADVISOR_REWARD_NOT_POSITIVE');
    advisor
      .given([appointed(), credited()])
      .when(reward({ rewardedOn: date('2024-05-01') }))
      .thenFails('ADVISOR_STEP_OUT_OF_ORDER', { field: 'rewardedOn' });
    advisor
      .given([appointed(), credited({ introducedOn: date('2024-07-01') })])
      .when(reward({ rewardedOn: date('2024-08-01') }))
      .thenFails('ADVISOR_STEP_OUT_OF_ORDER', { field: 'signedOn' });
  });
});

describe('R21 · 002 §八 成功引进: the project named, checked against its own state', () => {
  const signed: ProjectState = stateOf(historyUntil('signed'));
  const lead: ProjectState = stateOf(historyUntil('lead'));
  const agreement = signed.status !== 'none' ? signed.agreement : undefined;
  const codeOf = (r: ReturnType<typeof requireAdvisorProject>) => (E.isLeft(r) ? r.left.code : 'ok');

  it('R21 · 002 §八 "成功引进投资企业和项目": a reward naming the signed agreement passes', () => {
    expect(agreement).toBeDefined();
    const c = reward({
      projectId: signed.status !== 'none' ? signed.projectId : projectId,
      agreementId: agreement!.agreementId,
      signedOn: agreement!.signedOn,
    });
    expect(codeOf(requireAdvisorProject(c, signed))).toBe('ok');
  });
  it('R21 · 002 §八 "成功引进": a reward for a project not signed (or another agreement, or no project) is refused', () => {
    expect(codeOf(requireAdvisorProject(reward(), lead))).toBe('ADVISOR_PROJECT_NOT_SIGNED');
    expect(codeOf(requireAdvisorProject(reward({ signedOn: date('2020-01-01') }), signed))).toBe(
      'ADVISOR_PROJECT_NOT_SIGNED',
    );
    expect(codeOf(requireAdvisorProject(reward(), initialProjectState))).toBe('ADVISOR_PROJECT_NOT_FOUND');
  });
  it('R21 · 002 §八 牵线搭桥: an introduction names a project of its own unit', () => {
    const unitId = lead.status !== 'none' ? lead.unitId : unsafeId.unit('x');
    expect(codeOf(requireAdvisorProject(credit({ unitId }), lead))).toBe('ok');
    expect(codeOf(requireAdvisorProject(credit({ unitId: unsafeId.unit('other') }), lead))).toBe(
      'ADVISOR_PROJECT_OTHER_UNIT',
    );
  });
});

it('every advisor error has a zh and an en message citing R21', () => {
  for (const m of Object.values(advisorErrors)) {
    expect(m.rule).toBe('R21');
    expect(m.zh.length > 0 && m.en.length > 0).toBe(true);
  }
});

describe('R21 · 002 §八: properties of the advisor decider over arbitrary command sequences', () => {
  it('evolve accepts whatever decide emits, every event decodes, a repeated command emits nothing, and no civil servant is ever rewarded', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.oneof(arbAdvisorLife(), fc.array(arbAdvisorCommand(), { minLength: 1, maxLength: 12 })),
        (commands) => {
          let state = advisorDecider.initialState;
          for (const c of commands) {
            const r = advisorDecider.decide(c, state);
            if (E.isLeft(r)) continue;
            for (const e of r.right) {
              expect(AdvisorEventCodec.is(e)).toBe(true);
              seen.add(e.type);
              state = advisorDecider.evolve(state, e);
            }
            expect(advisorDecider.decide(c, state)).toEqual(E.right([]));
          }
          if (state.status !== 'none' && state.appointment.civilServant)
            expect(Object.keys(state.rewards)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
    expect([...seen].sort()).toEqual(
      ['AdvisorAppointed', 'AdvisorAppointmentEnded', 'AdvisorRewarded', 'IntroductionCredited'].sort(),
    );
  });
});
