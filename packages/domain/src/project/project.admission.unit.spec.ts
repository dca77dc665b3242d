/**
 * From a lead to a signed agreement: the rules R1–R6 of DOMAIN.md §2, as given/when/then.
 */
import { date } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import { cny, mu } from '../shared/money';
import { spec } from '../testing/decider-spec';
import {
  approveAdmission,
  assignLeader,
  captureLead,
  completeDueDiligence,
  fixtureDepartments,
  fixtureIds,
  fixtureIncentives,
  type FixtureOptions,
  historyUntil,
  leadCaptured,
  qualifyLead,
  recordLegalReview,
  recordOpinion,
  rejectAdmission,
  runScript,
  signAgreement,
  signedAgreementTerms,
  startConstruction,
} from '../testing/project.fixtures';
import type { ProjectEvent } from './project.events';
import { projectDecider } from './project.decide';
import { readProjectEvent } from './project.upcasters';
import { describeError } from '../errors';

const project = spec(projectDecider);
const text = unsafeId.text;

/** Qualified, due diligence done, zone legal review passed: everything but admission. */
const qualifiedAndReviewed = (): ReadonlyArray<ProjectEvent> =>
  runScript([captureLead(), qualifyLead(), completeDueDiligence(), recordLegalReview()]);

const withFixedAssets = (fixedAssetInvestment: number) =>
  signedAgreementTerms({
    totalInvestment: cny.fen(fixedAssetInvestment),
    fixedAssetInvestment: cny.fen(fixedAssetInvestment),
  });

describe('R1 — admission review (论证准入) from 1000万元 of fixed-asset investment (000 §三.1)', () => {
  it('signing a ≥1000万元 project without admission approval is refused (R1)', () => {
    project
      .given(qualifiedAndReviewed())
      .when(signAgreement({ terms: signedAgreementTerms() }))
      .thenFails('ADMISSION_REQUIRED', { fixedAssetInvestment: cny.yi(3.2), threshold: cny.wan(1000) });
  });

  it('a project of exactly 1000万元 fixed assets needs admission review (R1)', () => {
    project
      .given(qualifiedAndReviewed())
      .when(signAgreement({ terms: withFixedAssets(cny.wan(1000)) }))
      .thenFails('ADMISSION_REQUIRED');
  });

  it('a project of 999.99万元 fixed assets can be signed without admission review (R1)', () => {
    const terms = withFixedAssets(cny.wan(999.99));
    const command = signAgreement({ terms });
    const { type: _type, ...data } = command;
    project
      .given(qualifiedAndReviewed())
      .when(command)
      .then([{ type: 'AgreementSigned', data }]);
  });

  it('a ≥1000万元 project admitted by the leading group can be signed (R1)', () => {
    const state = project.given(historyUntil('ready-to-sign')).when(signAgreement()).thenState();
    expect(state).toMatchObject({ stage: 'signed', agreement: { agreementId: fixtureIds.agreement } });
  });
});

describe('R2 — departments give written opinions, the leading group decides (000 §三.1, 002 §一/§四)', () => {
  const underReview = () => historyUntil('under-review');
  const allOpinions = () =>
    runScript(
      fixtureDepartments.map((d) => recordOpinion(d)),
      underReview(),
    );

  it('admission is refused while a consulted department has not given its opinion (R2)', () => {
    const someOpinions = runScript(
      fixtureDepartments.slice(0, 3).map((d) => recordOpinion(d)),
      underReview(),
    );
    project
      .given([...underReview(), ...someOpinions])
      .when(approveAdmission())
      .thenFails('OPINIONS_MISSING', { missing: 'natural-resources-planning, host-carrier' });
  });

  it('an opinion from a department that was not consulted is refused (R2)', () => {
    project
      .given(underReview())
      .when(recordOpinion('taxation'))
      .thenFails('DEPARTMENT_NOT_CONSULTED', { department: 'taxation' });
  });

  it('admission cannot be decided before the consultation is opened (R2)', () => {
    project.given(historyUntil('qualified')).when(approveAdmission()).thenFails('CONSULTATION_NOT_OPEN');
  });

  it('the leading group approves admission once every consulted department has written (R2)', () => {
    const command = approveAdmission();
    const { type: _type, ...data } = command;
    project
      .given([...underReview(), ...allOpinions()])
      .when(command)
      .then([{ type: 'AdmissionApproved', data }]);
  });

  describe('R2 · 000 §三.1 / 002 §四: departments give written opinions, the leading group decides — and says why it overrules one', () => {
    const withOpinions = (opinion: 'conditional' | 'unfavourable') => {
      const opinions = runScript(
        fixtureDepartments.map((d) =>
          recordOpinion(
            d,
            d === 'emergency-management' ? { opinion, summary: text('安全距离不足，不同意准入') } : {},
          ),
        ),
        underReview(),
      );
      return [...underReview(), ...opinions];
    };
    const reason = text('经领导小组研究，项目调整总平面布置后可满足安全距离要求，同意准入');

    it('an approval over an unfavourable opinion without the leading group’s stated reason is refused (R2)', () => {
      project
        .given(withOpinions('unfavourable'))
        .when(approveAdmission())
        .thenFails('OVERRULING_REASON_REQUIRED', { departments: 'emergency-management' });
    });

    it('with its stated reason the leading group admits over an unfavourable opinion, and the reason is recorded (R2)', () => {
      const command = approveAdmission({ overrulingReason: reason });
      const { type: _type, ...data } = command;
      project
        .given(withOpinions('unfavourable'))
        .when(command)
        .then([{ type: 'AdmissionApproved', data }]);
      expect(data.overrulingReason).toBe(reason);
    });

    it('a conditional opinion is not an objection: no reason is needed, the conditions go with the approval (R2)', () => {
      expect(
        project
          .given(withOpinions('conditional'))
          .when(approveAdmission({ conditions: text('落实安全距离') }))
          .thenState(),
      ).toMatchObject({ stage: 'admitted' });
    });

    it('a reason to overrule when no department objected is refused: the record would claim an objection that was never made (R2)', () => {
      project
        .given([...underReview(), ...allOpinions()])
        .when(approveAdmission({ overrulingReason: reason }))
        .thenFails('NOTHING_TO_OVERRULE');
    });
  });

  it('a project on the market-access negative list cannot be admitted (R2)', () => {
    project
      .given([...underReview(), ...allOpinions()])
      .when(approveAdmission({ negativeList: 'prohibited' }))
      .thenFails('ADMISSION_BARRED', { ground: 'negative-list' });
  });

  it('a project in the eliminated category of the industrial-structure catalogue cannot be admitted (R2)', () => {
    project
      .given([...underReview(), ...allOpinions()])
      .when(approveAdmission({ catalogueClass: 'eliminated' }))
      .thenFails('ADMISSION_BARRED', { ground: 'eliminated-category' });
  });

  describe('《产业结构调整指导目录（2024年本）》说明: 对属于限制类的新建项目，禁止投资; 对属于限制类的现有生产能力，允许企业在一定期限内改造升级 (R2 · 002 §一)', () => {
    it('a new project in the restricted class is refused like the eliminated class (R2)', () => {
      const error = project
        .given([...underReview(), ...allOpinions()])
        .when(approveAdmission({ catalogueClass: 'restricted', constructionNature: 'new-build' }))
        .thenFails('ADMISSION_BARRED', { ground: 'restricted-category' });
      expect(describeError(error, 'zh')).toBe('项目属于产业结构调整指导目录限制类新建项目，不得准入');
    });

    it('upgrading existing capacity of the restricted class may be admitted (R2)', () => {
      const command = approveAdmission({
        catalogueClass: 'restricted',
        constructionNature: 'upgrade-existing',
      });
      const { type: _type, ...data } = command;
      project
        .given([...underReview(), ...allOpinions()])
        .when(command)
        .then([{ type: 'AdmissionApproved', data }]);
    });

    it('upgrading capacity of the eliminated class is still refused: only the restricted class allows upgrades (R2)', () => {
      project
        .given([...underReview(), ...allOpinions()])
        .when(approveAdmission({ catalogueClass: 'eliminated', constructionNature: 'upgrade-existing' }))
        .thenFails('ADMISSION_BARRED', { ground: 'eliminated-category' });
    });

    it('a new project in the permitted class is admitted (R2)', () => {
      expect(
        project
          .given([...underReview(), ...allOpinions()])
          .when(approveAdmission({ catalogueClass: 'permitted', constructionNature: 'new-build' }))
          .thenState(),
      ).toMatchObject({ stage: 'admitted' });
    });

    it('an approval recorded before 建设性质 was asked is still read (old events stay readable)', () => {
      const { constructionNature: _n, type: _type, ...old } = approveAdmission();
      const read = readProjectEvent({ type: 'AdmissionApproved', version: 1, data: old });
      expect(read).toMatchObject({ _tag: 'Right', right: { type: 'AdmissionApproved' } });
    });
  });

  it('a refused admission is recorded as an event, so it can be seen later (R2)', () => {
    const command = rejectAdmission({
      ground: 'negative-list',
      reason: text('属市场准入负面清单禁止准入事项'),
    });
    const { type: _type, ...data } = command;
    project
      .given([...underReview(), ...allOpinions()])
      .when(command)
      .then([{ type: 'AdmissionRejected', data }]);
  });

  it('a project refused admission is closed and cannot be signed (R2)', () => {
    const rejected = runScript([rejectAdmission()], [...underReview(), ...allOpinions()]);
    project
      .given([...underReview(), ...allOpinions(), ...rejected])
      .when(signAgreement())
      .thenFails('PROJECT_CLOSED', { stage: 'rejected' });
  });

  it('admission, once approved, cannot be rejected (R2)', () => {
    project
      .given(historyUntil('admitted'))
      .when(rejectAdmission())
      .thenFails('ADMISSION_ALREADY_DECIDED', { decision: 'approved' });
  });
});

describe('R3 — due diligence before signing a stand-alone land project (000 §三.2)', () => {
  const admittedWithoutDueDiligence = () => runScript([recordLegalReview()], historyUntil('admitted'));

  it('signing a stand-alone land project without due diligence is refused (R3)', () => {
    const history = [...historyUntil('admitted'), ...admittedWithoutDueDiligence()];
    project.given(history).when(signAgreement()).thenFails('DUE_DILIGENCE_REQUIRED');
  });

  it('a project in a standard plant can be signed without due diligence (R3)', () => {
    const history = [...historyUntil('admitted'), ...admittedWithoutDueDiligence()];
    const terms = signedAgreementTerms({ landSupply: 'standard-plant', landArea: mu(30) });
    expect(project.given(history).when(signAgreement({ terms })).thenState()).toMatchObject({
      stage: 'signed',
    });
  });

  it('a stand-alone land project with due diligence done can be signed (R3)', () => {
    expect(project.given(historyUntil('ready-to-sign')).when(signAgreement()).thenState()).toMatchObject({
      stage: 'signed',
    });
  });
});

describe('R4 — legal review (合法性审查) by the reviewer of the signatory (002 §六)', () => {
  /** Admitted with due diligence, but no legal review yet. */
  const admitted = () => runScript([completeDueDiligence()], historyUntil('admitted'));
  const given = (...reviews: ReadonlyArray<Parameters<typeof recordLegalReview>[0]>) => {
    const before = [...historyUntil('admitted'), ...admitted()];
    return [
      ...before,
      ...runScript(
        reviews.map((r) => recordLegalReview(r)),
        before,
      ),
    ];
  };

  it('an agreement signed without any legal review is refused (R4)', () => {
    project
      .given([...historyUntil('admitted'), ...admitted()])
      .when(signAgreement())
      .thenFails('LEGAL_REVIEW_REQUIRED', { signatory: 'zone-committee', reviewer: 'legal-affairs' });
  });

  it('an agreement in the name of the district government needs the justice bureau, not the zone legal office (R4)', () => {
    project
      .given(given({ reviewer: 'legal-affairs' }))
      .when(signAgreement({ signatory: 'district-government' }))
      .thenFails('LEGAL_REVIEW_REQUIRED', { signatory: 'district-government', reviewer: 'justice-bureau' });
  });

  it('an agreement in the name of the district government reviewed by the justice bureau can be signed (R4)', () => {
    const state = project
      .given(given({ reviewer: 'justice-bureau' }))
      .when(signAgreement({ signatory: 'district-government' }))
      .thenState();
    expect(state).toMatchObject({ stage: 'signed', agreement: { signatory: 'district-government' } });
  });

  it('an agreement signed by the zone committee needs the legal affairs review, not the justice bureau (R4)', () => {
    project
      .given(given({ reviewer: 'justice-bureau' }))
      .when(signAgreement({ signatory: 'zone-committee' }))
      .thenFails('LEGAL_REVIEW_REQUIRED', { signatory: 'zone-committee', reviewer: 'legal-affairs' });
  });

  it('an agreement that failed legal review cannot be signed (R4)', () => {
    project
      .given(given({ outcome: 'failed', opinion: text('违约责任条款与《民法典》相关规定不一致') }))
      .when(signAgreement())
      .thenFails('LEGAL_REVIEW_REQUIRED');
  });

  it('a failed review followed by a passed one allows signing (R4)', () => {
    const history = given(
      { outcome: 'failed', opinion: text('扶持资金追回条款缺失'), on: date('2024-04-20') },
      { outcome: 'passed', on: date('2024-04-28') },
    );
    expect(history.map((e) => e.type).slice(-2)).toEqual(['LegalReviewFailed', 'LegalReviewPassed']);
    expect(project.given(history).when(signAgreement()).thenState()).toMatchObject({ stage: 'signed' });
  });

  it('a passed review overturned by a later failed one no longer allows signing (R4)', () => {
    const history = given(
      { outcome: 'passed', on: date('2024-04-20') },
      { outcome: 'failed', opinion: text('补充协议条款需重审'), on: date('2024-04-28') },
    );
    project.given(history).when(signAgreement()).thenFails('LEGAL_REVIEW_REQUIRED');
  });
});

describe('R5 — agreement terms: intensity, schedule, contribution, incentives with clawback clauses (000 §三.2/§三.4, 001 §(四))', () => {
  const sign = (terms: Parameters<typeof signedAgreementTerms>[0]) =>
    project.given(historyUntil('ready-to-sign')).when(signAgreement({ terms: signedAgreementTerms(terms) }));
  const schedule = (startBy: string, completeBy: string, produceBy: string) => ({
    schedule: { startBy: date(startBy), completeBy: date(completeBy), produceBy: date(produceBy) },
  });

  it('complete and consistent terms are signed as they are (R5)', () => {
    const state = project.given(historyUntil('ready-to-sign')).when(signAgreement()).thenState();
    expect(state).toMatchObject({
      agreement: { terms: signedAgreementTerms(), termsAtSigning: signedAgreementTerms(), amendments: 0 },
      incentives: {
        [fixtureIds.equipmentSubsidy]: { ceiling: cny.wan(1200), disbursed: 0, clawedBack: 0 },
        [fixtureIds.taxReward]: { ceiling: cny.wan(600), disbursed: 0, clawedBack: 0 },
      },
    });
  });

  it('a schedule that starts before the signing is refused (R5)', () => {
    sign(schedule('2024-05-09', '2025-12-31', '2026-03-31')).thenFails('AGREEMENT_TERMS_INVALID', {
      field: 'schedule.startBy',
    });
  });

  it('a schedule that completes before it starts is refused (R5)', () => {
    sign(schedule('2024-08-01', '2024-07-31', '2026-03-31')).thenFails('AGREEMENT_TERMS_INVALID', {
      field: 'schedule.completeBy',
    });
  });

  it('a schedule that produces before it completes is refused (R5)', () => {
    sign(schedule('2024-08-01', '2025-12-31', '2025-12-30')).thenFails('AGREEMENT_TERMS_INVALID', {
      field: 'schedule.produceBy',
    });
  });

  it('a schedule whose dates coincide is accepted (R5)', () => {
    expect(sign(schedule('2024-05-10', '2024-05-10', '2024-05-10')).thenState()).toMatchObject({
      stage: 'signed',
    });
  });

  it('fixed-asset investment above the total investment is refused (R5)', () => {
    sign({ fixedAssetInvestment: cny.yi(5.01) }).thenFails('AGREEMENT_TERMS_INVALID', {
      field: 'fixedAssetInvestment',
    });
  });

  it('stand-alone land with no area is refused (R5)', () => {
    sign({ landArea: mu(0) }).thenFails('AGREEMENT_TERMS_INVALID', { field: 'landArea' });
  });

  it('a project without land that still states a land area is refused (R5)', () => {
    sign({ landSupply: 'no-land', landArea: mu(12) }).thenFails('AGREEMENT_TERMS_INVALID', {
      field: 'landArea',
    });
  });

  it('the same incentive listed twice is refused (R5)', () => {
    sign({ incentives: [fixtureIncentives[0]!, fixtureIncentives[0]!] }).thenFails(
      'AGREEMENT_TERMS_INVALID',
      { field: 'incentives' },
    );
  });

  it('incentives granted without a clause to withhold or claw them back are refused (R5)', () => {
    sign({ clawbackClause: false }).thenFails('CLAWBACK_CLAUSE_REQUIRED');
  });

  it('an agreement with no incentives needs no clawback clause (R5)', () => {
    expect(sign({ incentives: [], clawbackClause: false }).thenState()).toMatchObject({ stage: 'signed' });
  });

  it('an amendment is held to the same terms rules (R5)', () => {
    project
      .given(historyUntil('signed'))
      .when({
        type: 'AmendAgreement',
        projectId: fixtureIds.project,
        agreementId: fixtureIds.agreement,
        on: date('2024-06-20'),
        terms: signedAgreementTerms({ clawbackClause: false }),
        reason: text('调整扶持政策'),
        evidence: [],
      })
      .thenFails('CLAWBACK_CLAUSE_REQUIRED');
  });
});

describe('R6 — one project, one responsible leader, one responsible person (000 §三.3, 001 §(三)1)', () => {
  const signedWith = (options: FixtureOptions) => historyUntil('signed', options);
  const smallTerms = signedAgreementTerms({
    totalInvestment: cny.wan(9000),
    fixedAssetInvestment: cny.wan(8000),
  });

  it('construction cannot start before a responsible leader is assigned (R6)', () => {
    project
      .given(signedWith({ leaders: [] }))
      .when(startConstruction())
      .thenFails('RESPONSIBLE_LEADER_REQUIRED', { role: 'responsible-leader' });
  });

  it('construction cannot start without a responsible person (R6)', () => {
    project
      .given(signedWith({ leaders: ['responsible-leader'] }))
      .when(startConstruction())
      .thenFails('RESPONSIBLE_LEADER_REQUIRED', { role: 'responsible-person' });
  });

  it('a key project (≥1亿元) also needs a county-level project manager before construction (R6)', () => {
    project
      .given(signedWith({ leaders: ['responsible-leader', 'responsible-person'] }))
      .when(startConstruction())
      .thenFails('RESPONSIBLE_LEADER_REQUIRED', { role: 'project-manager' });
  });

  it('a key project (≥1亿元) also needs a section-level project secretary before construction (R6)', () => {
    project
      .given(signedWith({ leaders: ['responsible-leader', 'responsible-person', 'project-manager'] }))
      .when(startConstruction())
      .thenFails('RESPONSIBLE_LEADER_REQUIRED', { role: 'project-secretary' });
  });

  it('a project below 1亿元 starts with a responsible leader and a responsible person only (R6)', () => {
    const history = signedWith({ leaders: ['responsible-leader', 'responsible-person'], terms: smallTerms });
    expect(project.given(history).when(startConstruction()).thenState()).toMatchObject({
      stage: 'under-construction',
    });
  });

  it('a key project with all four officers starts construction (R6)', () => {
    const command = startConstruction();
    const { type: _type, ...data } = command;
    project
      .given(historyUntil('signed'))
      .when(command)
      .then([{ type: 'ConstructionStarted', data }]);
  });

  it('a second responsible leader without naming whom he replaces is refused (R6)', () => {
    project
      .given(historyUntil('signed'))
      .when(
        assignLeader('responsible-leader', {
          leaderId: unsafeId.leader('LD-sunli'),
          name: text('孙立（副区长）'),
        }),
      )
      .thenFails('ROLE_ALREADY_FILLED', { role: 'responsible-leader', leaderId: 'LD-wangjianguo' });
  });

  it('a responsible leader can be replaced by naming the one replaced (R6)', () => {
    const state = project
      .given(historyUntil('signed'))
      .when(
        assignLeader('responsible-leader', {
          leaderId: unsafeId.leader('LD-sunli'),
          name: text('孙立（副区长）'),
          replaces: unsafeId.leader('LD-wangjianguo'),
          on: date('2024-06-01'),
        }),
      )
      .thenState();
    expect(state).toMatchObject({
      leaders: { 'responsible-leader': { leaderId: 'LD-sunli', since: '2024-06-01' } },
    });
  });

  it('a replacement that names someone who does not hold the role is refused (R6)', () => {
    project
      .given(historyUntil('signed'))
      .when(
        assignLeader('responsible-leader', {
          leaderId: unsafeId.leader('LD-sunli'),
          name: text('孙立（副区长）'),
          replaces: unsafeId.leader('LD-lixiaoyan'),
        }),
      )
      .thenFails('REPLACED_LEADER_MISMATCH', { replaces: 'LD-lixiaoyan', current: 'LD-wangjianguo' });
  });

  it('assigning the same leader again changes nothing (R6)', () => {
    project.given(historyUntil('signed')).when(assignLeader('responsible-leader')).thenNothingHappens();
  });
});

describe('creating a project', () => {
  it('a captured lead is recorded with its investor and channel (R16)', () => {
    project.given([]).when(captureLead()).then([leadCaptured()]);
  });

  it('capturing the same lead twice records it once', () => {
    project.given([leadCaptured()]).when(captureLead()).thenNothingHappens();
  });

  it('a different lead under an existing project id is refused', () => {
    project
      .given([leadCaptured()])
      .when(captureLead({ name: text('另一项目') }))
      .thenFails('PROJECT_ALREADY_EXISTS');
  });

  it('a command to a project that does not exist is refused', () => {
    project.given([]).when(qualifyLead()).thenFails('PROJECT_NOT_FOUND', { projectId: fixtureIds.project });
  });
});
