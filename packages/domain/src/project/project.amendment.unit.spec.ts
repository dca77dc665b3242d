/**
 * Supplementary agreements (补充协议) are reviewed again where they cross the lines a first signing
 * is held to: admission review (R1 · 000 §三.1), due diligence (R3 · 000 §三.2), legal review with
 * the leading group's approval (R4 · 002 §六). Below those lines (a schedule change) nothing more
 * is needed.
 */
import { describeError } from '../errors';
import { date } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import { cny, mu } from '../shared/money';
import { spec } from '../testing/decider-spec';
import {
  amendAgreement,
  andThen,
  approveAdmission,
  completeDueDiligence,
  fixtureDepartments,
  fixtureIncentives,
  historyUntil,
  openConsultation,
  recordLegalReview,
  recordOpinion,
  rejectAdmission,
  signedAgreementTerms,
  smallProjectSigned,
  stateOf,
} from '../testing/project.fixtures';
import type { AgreementTerms, ProjectEvent } from './project.events';
import { projectDecider } from './project.decide';
import { readProjectEvent } from './project.upcasters';

const project = spec(projectDecider);
const text = unsafeId.text;
const minutes = text('经开区招商引资工作领导小组 2024 年第 8 次会议纪要');

const termsOf = (history: ReadonlyArray<ProjectEvent>): AgreementTerms => {
  const s = stateOf(history);
  if (s.status === 'none' || s.agreement === undefined) throw new Error('not signed');
  return s.agreement.terms;
};

describe('R1 · 000 §三.1: a supplementary agreement that brings fixed-asset investment to 1000万元 needs admission review', () => {
  /** 精密模具加工项目: 600万元 fixed assets in a standard plant, signed 2024-05-10 without admission review. */
  const small = () => smallProjectSigned('2024-05-10');
  const raised = (history: ReadonlyArray<ProjectEvent>, fixedWan: number) =>
    amendAgreement({
      on: date('2024-06-20'),
      terms: { ...termsOf(history), totalInvestment: cny.wan(1500), fixedAssetInvestment: cny.wan(fixedWan) },
    });

  it('raising a signed 600万元 project to 1200万元 without admission is refused (R1)', () => {
    const error = project
      .given(small())
      .when(raised(small(), 1200))
      .thenFails('AMENDMENT_ADMISSION_REQUIRED', {
        fromWan: '600.00',
        toWan: '1200.00',
        thresholdWan: '1000.00',
      });
    expect(describeError(error, 'zh')).toContain('须经论证准入通过');
  });

  it('admission review after signing — opinions, then the leading group — lets the amendment through, and the project stays signed (R1)', () => {
    const reviewed = andThen(
      small(),
      openConsultation({ on: date('2024-06-01') }),
      ...fixtureDepartments.map((d) => recordOpinion(d, { on: date('2024-06-05') })),
      approveAdmission({ on: date('2024-06-10') }),
    );
    expect(stateOf(reviewed)).toMatchObject({ stage: 'signed', admission: { decision: 'approved' } });
    const command = raised(small(), 1200);
    const { type: _type, ...data } = command;
    project
      .given(reviewed)
      .when(command)
      .then([{ type: 'AgreementAmended', data }]);
  });

  it('a supplementary agreement dated before the admission it needs is refused (R1)', () => {
    const reviewed = andThen(
      small(),
      openConsultation({ on: date('2024-06-01') }),
      ...fixtureDepartments.map((d) => recordOpinion(d, { on: date('2024-06-05') })),
      approveAdmission({ on: date('2024-06-25') }),
    );
    project
      .given(reviewed)
      .when(raised(small(), 1200))
      .thenFails('DATE_OUT_OF_ORDER', { on: '2024-06-20', after: '2024-06-25' });
  });

  it('an amendment that stays below 1000万元 needs no admission review (R1)', () => {
    expect(project.given(small()).when(raised(small(), 999.99)).thenState()).toMatchObject({
      stage: 'signed',
      agreement: { amendments: 1 },
    });
  });

  it('a supplementary agreement refused at admission is simply not concluded: admission is not "rejected" after signing (R1)', () => {
    const underReview = andThen(
      small(),
      openConsultation({ on: date('2024-06-01') }),
      ...fixtureDepartments.map((d) => recordOpinion(d, { on: date('2024-06-05') })),
    );
    project
      .given(underReview)
      .when(rejectAdmission({ on: date('2024-06-10') }))
      .thenFails('WRONG_STAGE');
  });
});

describe('R3 · 000 §三.2: a supplementary agreement that switches to stand-alone land needs due diligence', () => {
  const small = () => smallProjectSigned('2024-05-10');
  const standalone = (history: ReadonlyArray<ProjectEvent>) =>
    amendAgreement({
      on: date('2024-07-01'),
      terms: { ...termsOf(history), landSupply: 'standalone', landArea: mu(15) },
      leadingGroupMinutesRef: minutes,
    });

  it('switching from a standard plant to stand-alone land without due diligence is refused (R3)', () => {
    project.given(small()).when(standalone(small())).thenFails('AMENDMENT_DUE_DILIGENCE_REQUIRED');
  });

  it('with due diligence done, land is still a term legal review covered: it needs a new review (R3, R4)', () => {
    const diligent = andThen(small(), completeDueDiligence({ on: date('2024-06-15') }));
    project
      .given(diligent)
      .when(standalone(small()))
      .thenFails('AMENDMENT_LEGAL_REVIEW_REQUIRED', { terms: 'land', reviewer: 'legal-affairs' });
  });

  it('with due diligence and a legal review after signing, the switch is concluded (R3, R4)', () => {
    const ready = andThen(
      small(),
      completeDueDiligence({ on: date('2024-06-15') }),
      recordLegalReview({ on: date('2024-06-25') }),
    );
    expect(project.given(ready).when(standalone(small())).thenState()).toMatchObject({
      agreement: { terms: { landSupply: 'standalone' }, amendments: 1 },
    });
  });
});

describe('R4 · 002 §六: a supplementary agreement that changes reviewed terms passes legal review again and the leading group approves it', () => {
  /** The fixture project, signed 2024-05-10 by the zone committee after the legal office's review of 2024-04-25. */
  const signed = () => historyUntil('signed');
  const fewerIncentives = (o: Parameters<typeof amendAgreement>[0] = {}) =>
    amendAgreement({
      on: date('2024-07-01'),
      terms: signedAgreementTerms({ incentives: [fixtureIncentives[0]!] }),
      leadingGroupMinutesRef: minutes,
      ...o,
    });

  it('changing the incentives without a legal review after signing is refused: the review before signing does not cover it (R4)', () => {
    const error = project
      .given(signed())
      .when(fewerIncentives())
      .thenFails('AMENDMENT_LEGAL_REVIEW_REQUIRED', {
        terms: 'incentives',
        since: '2024-05-10',
        reviewer: 'legal-affairs',
      });
    expect(describeError(error, 'zh')).toBe(
      '补充协议变更了优惠政策，须在 2024-05-10 签订或变更之后经法务部门合法性审查通过',
    );
  });

  it('legal review can be recorded after signing, for the draft supplementary agreement (R4)', () => {
    project
      .given(signed())
      .when(recordLegalReview({ on: date('2024-06-20') }))
      .then([
        {
          type: 'LegalReviewPassed',
          data: {
            projectId: recordLegalReview().projectId,
            on: date('2024-06-20'),
            reviewer: 'legal-affairs',
            opinion: recordLegalReview().opinion,
          },
        },
      ]);
  });

  it('a review by the wrong reviewer does not count: a zone-committee agreement needs the legal office, not the justice bureau (R4)', () => {
    project
      .given(andThen(signed(), recordLegalReview({ on: date('2024-06-20'), reviewer: 'justice-bureau' })))
      .when(fewerIncentives())
      .thenFails('AMENDMENT_LEGAL_REVIEW_REQUIRED', { reviewer: 'legal-affairs' });
  });

  it('a failed review does not count (R4)', () => {
    const failed = recordLegalReview({
      on: date('2024-06-20'),
      outcome: 'failed',
      opinion: text('追回条款与补充协议不一致'),
    });
    project
      .given(andThen(signed(), failed))
      .when(fewerIncentives())
      .thenFails('AMENDMENT_LEGAL_REVIEW_REQUIRED');
  });

  it('a passed review without the leading group’s approval (minutes) is refused (R4)', () => {
    project
      .given(andThen(signed(), recordLegalReview({ on: date('2024-06-20') })))
      .when(
        amendAgreement({
          on: date('2024-07-01'),
          terms: signedAgreementTerms({ incentives: [fixtureIncentives[0]!] }),
        }),
      )
      .thenFails('AMENDMENT_APPROVAL_REQUIRED', { terms: 'incentives' });
  });

  it('reviewed after signing and approved by the leading group, the amendment is recorded with its minutes (R4)', () => {
    const command = fewerIncentives();
    const { type: _type, ...data } = command;
    project
      .given(andThen(signed(), recordLegalReview({ on: date('2024-06-20') })))
      .when(command)
      .then([{ type: 'AgreementAmended', data }]);
    expect(data.leadingGroupMinutesRef).toBe(minutes);
  });

  it('a review covers one supplementary agreement: the next one that changes the commitments needs its own (R4)', () => {
    const amended = andThen(signed(), recordLegalReview({ on: date('2024-06-20') }), fewerIncentives());
    project
      .given(amended)
      .when(
        amendAgreement({
          on: date('2024-09-01'),
          terms: signedAgreementTerms({
            incentives: [fixtureIncentives[0]!],
            commitments: { ...signedAgreementTerms().commitments, annualTax: cny.wan(1800) },
          }),
          leadingGroupMinutesRef: minutes,
        }),
      )
      .thenFails('AMENDMENT_LEGAL_REVIEW_REQUIRED', { terms: 'commitments', since: '2024-07-01' });
  });

  it('dropping the clawback clause is a change to the binding clauses the review covered (R4, R5)', () => {
    project
      .given(signed())
      .when(amendAgreement({ terms: signedAgreementTerms({ incentives: [], clawbackClause: false }) }))
      .thenFails('AMENDMENT_LEGAL_REVIEW_REQUIRED', { terms: 'incentives, clawback-clause' });
  });

  it('an amendment below those lines — a schedule change only — needs no review (R1, R3, R4)', () => {
    const later = signedAgreementTerms({
      schedule: {
        startBy: date('2024-10-01'),
        completeBy: date('2026-03-31'),
        produceBy: date('2026-06-30'),
      },
    });
    const command = amendAgreement({
      on: date('2024-07-20'),
      terms: later,
      reason: text('因征迁延后，开工时间顺延两个月'),
    });
    const { type: _type, ...data } = command;
    project
      .given(signed())
      .when(command)
      .then([{ type: 'AgreementAmended', data }]);
  });

  it('an amendment recorded before the leading group’s minutes existed is still read (old events stay readable)', () => {
    const { type: _type, ...old } = amendAgreement();
    expect(readProjectEvent({ type: 'AgreementAmended', version: 1, data: old })).toMatchObject({
      _tag: 'Right',
      right: { type: 'AgreementAmended' },
    });
  });
});
