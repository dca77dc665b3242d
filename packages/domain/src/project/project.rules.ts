import * as E from 'fp-ts/Either';
import { all } from '../shared/decision';
import { assertNever } from '../shared/exhaustive';
import { addMonths, BusinessDate, Year, yearOf } from '../shared/dates';
import { domainError, DomainError, ErrorParams } from '../shared/errors';
import type { AgreementTerms } from './project.events';
import type { ProjectErrorCode } from './project.errors';
import { same } from './project.decision';
import { hasResults } from './project.milestones';
import type { ProjectPolicy } from './project.policy';
import { governingVerdict } from './project.state';
import type { IncentiveAccount, Project, SignedAgreement } from './project.state';
import { cny, Cny } from '../shared/money';
import {
  admissionBarLabels,
  exitRuleParams,
  leaderRoleZh,
  legalReviewerZh,
  reviewedTermLabels,
  signatoryZh,
} from './project.vocabulary';
import type {
  AdmissionBar,
  CatalogueClass,
  ConstructionNature,
  Department,
  LeaderRole,
  LegalReviewer,
  NegativeListStatus,
  ReviewedTerm,
  Signatory,
  Stage,
  TerminationBasis,
} from './project.vocabulary';

/** A refusal of the project aggregate. */
export type ProjectError = DomainError<ProjectErrorCode>;
export type Check = E.Either<ProjectError, void>;

export const ok: Check = E.right(undefined);
export const fail = (code: ProjectErrorCode, params: ErrorParams = {}): E.Either<ProjectError, never> =>
  E.left(domainError(code, params));

/** Runs checks in order; the first refusal wins. */
export { all };

export const requireStage = (p: Project, allowed: ReadonlyArray<Stage>, action: string): Check =>
  allowed.includes(p.stage) ? ok : fail('WRONG_STAGE', { stage: p.stage, action });

/** A fact cannot be dated before the fact it follows. */
export const requireNotBefore = (on: BusinessDate, after: BusinessDate | undefined): Check =>
  after === undefined || on >= after ? ok : fail('DATE_OUT_OF_ORDER', { on, after });

/** R1 (000 §三.1): from 1000万元 of fixed-asset investment, admission review must approve before signing. */
export const requireAdmission = (p: Project, terms: AgreementTerms, policy: ProjectPolicy): Check =>
  terms.fixedAssetInvestment >= policy.admissionThreshold && p.admission?.decision !== 'approved'
    ? fail('ADMISSION_REQUIRED', {
        fixedAssetInvestment: terms.fixedAssetInvestment,
        threshold: policy.admissionThreshold,
        fixedAssetInvestmentWan: cny.toWan(terms.fixedAssetInvestment),
        thresholdWan: cny.toWan(policy.admissionThreshold),
      })
    : ok;

/** R2 (000 §三.1): every consulted department has given its written opinion. */
export const requireAllOpinions = (p: Project): Check => {
  const c = p.consultation;
  if (c === undefined) return fail('CONSULTATION_NOT_OPEN');
  const missing = c.departments.filter((d) => c.opinions[d] === undefined);
  return missing.length === 0 ? ok : fail('OPINIONS_MISSING', { missing: missing.join(', ') });
};

/**
 * What the catalogues bar from admission (R2 · 000 §三.1, 002 §一/§四: 结合《产业结构调整指导目录》、
 * 《市场准入负面清单》…做好项目考察前信息甄别; 符合产业发展政策…的项目，报领导小组评审): the negative
 * list's prohibited items, the catalogue's eliminated class, and — by the catalogue's own rule,
 * 《产业结构调整指导目录（2024年本）》说明: 对属于限制类的新建项目，禁止投资; 对属于限制类的现有生产能力，
 * 允许企业在一定期限内改造升级 — a new project of its restricted class, but not the upgrading of
 * existing restricted capacity.
 */
export const admissionBar = (
  negativeList: NegativeListStatus,
  catalogueClass: CatalogueClass,
  nature: ConstructionNature,
): AdmissionBar | undefined =>
  negativeList === 'prohibited'
    ? 'negative-list'
    : catalogueClass === 'eliminated'
      ? 'eliminated-category'
      : catalogueClass === 'restricted' && nature === 'new-build'
        ? 'restricted-category'
        : undefined;

/** R2: nothing the catalogues bar is admitted (see `admissionBar`). */
export const requireAdmissible = (
  negativeList: NegativeListStatus,
  catalogueClass: CatalogueClass,
  nature: ConstructionNature,
): Check => {
  const ground = admissionBar(negativeList, catalogueClass, nature);
  return ground === undefined
    ? ok
    : fail('ADMISSION_BARRED', {
        ground,
        groundZh: admissionBarLabels[ground].zh,
        groundEn: admissionBarLabels[ground].en,
      });
};

/**
 * R2 (000 §三.1: 形成论证意见，拿出是否准入意见; 002 §四: 书面征询…相关单位意见…报领导小组进行评审):
 * the leading group decides, and may admit a project a department opposed — but only by stating
 * why, so that the overruled written opinion and the reason stand side by side in the record.
 */
export const requireOverrulingReason = (p: Project, reason: string | undefined): Check => {
  const opposed = Object.entries(p.consultation?.opinions ?? {})
    .filter(([, opinion]) => opinion === 'unfavourable')
    .map(([department]) => department);
  if (opposed.length > 0 && reason === undefined)
    return fail('OVERRULING_REASON_REQUIRED', { departments: opposed.join(', ') });
  if (opposed.length === 0 && reason !== undefined) return fail('NOTHING_TO_OVERRULE');
  return ok;
};

/** R3 (000 §三.2): stand-alone land supply needs due diligence before signing. */
export const requireDueDiligence = (p: Project, terms: AgreementTerms): Check =>
  terms.landSupply === 'standalone' && p.dueDiligenceOn === undefined ? fail('DUE_DILIGENCE_REQUIRED') : ok;

/** R4 (002 §六): the reviewer an agreement needs depends on who signs it. */
export const requiredReviewer = (signatory: Signatory): LegalReviewer =>
  signatory === 'district-government' ? 'justice-bureau' : 'legal-affairs';

/** R4: the latest legal review, by the right reviewer, passed. */
export const requireLegalReview = (p: Project, signatory: Signatory): Check => {
  const reviewer = requiredReviewer(signatory);
  const r = p.legalReview;
  return r !== undefined && r.passed && r.reviewer === reviewer
    ? ok
    : fail('LEGAL_REVIEW_REQUIRED', {
        signatory,
        reviewer,
        signatoryZh: signatoryZh[signatory],
        reviewerZh: legalReviewerZh[reviewer],
      });
};

/**
 * R5 (000 §三.2/§三.4, 001 §(四)): an agreement fixes intensity, schedule, contribution and
 * incentives, and incentives come with clauses that let them be withheld or clawed back.
 */
export const requireCompleteTerms = (terms: AgreementTerms, signedOn: BusinessDate): Check => {
  const invalid = (field: string, problem: string) => fail('AGREEMENT_TERMS_INVALID', { field, problem });
  const s = terms.schedule;
  if (terms.totalInvestment <= 0) return invalid('totalInvestment', 'must be positive');
  if (terms.fixedAssetInvestment > terms.totalInvestment)
    return invalid('fixedAssetInvestment', 'exceeds totalInvestment');
  if (terms.landSupply === 'no-land' ? terms.landArea !== 0 : terms.landArea <= 0) {
    return invalid('landArea', 'must be positive with land supply, zero without');
  }
  const commitment = requireCommitments(terms);
  if (E.isLeft(commitment)) return commitment;
  if (s.startBy < signedOn) return invalid('schedule.startBy', 'is before signing');
  if (s.completeBy < s.startBy) return invalid('schedule.completeBy', 'is before startBy');
  if (s.produceBy < s.completeBy) return invalid('schedule.produceBy', 'is before completeBy');
  const ids = new Set(terms.incentives.map((i) => i.incentiveId));
  if (ids.size !== terms.incentives.length) return invalid('incentives', 'repeat an incentiveId');
  if (terms.incentives.some((i) => i.ceiling <= 0)) return invalid('incentives.ceiling', 'must be positive');
  if (terms.incentives.length > 0 && !terms.clawbackClause) return fail('CLAWBACK_CLAUSE_REQUIRED');
  return ok;
};

/** The commitments R5 requires, with the words a person reads for each. */
const REQUIRED_COMMITMENTS = [
  { field: 'annualOutput', zh: '年产值', en: 'an annual output' },
  { field: 'annualTax', zh: '年纳税', en: 'an annual tax' },
  { field: 'jobs', zh: '解决就业', en: 'a number of jobs' },
] as const;

/**
 * R5 (001 §(四): 明确企业在节能减排、缴纳税收、解决就业等方面的责任; 000 §三.4: 产值、亩均税收):
 * an agreement commits the investor to a yearly output, tax and jobs above zero. Without them
 * every economic ratio would be a ratio over nothing (issue #11 item 1).
 */
export const requireCommitments = (terms: AgreementTerms): Check => {
  const missing = REQUIRED_COMMITMENTS.find((c) => !(terms.commitments[c.field] > 0));
  return missing === undefined
    ? ok
    : fail('COMMITMENTS_REQUIRED', {
        field: `commitments.${missing.field}`,
        fieldZh: missing.zh,
        fieldEn: missing.en,
      });
};

/**
 * R5/R10 (DOMAIN.md §5): an amendment cannot set an incentive's ceiling below what was already
 * disbursed for it — what was paid stays within the agreement, and a clawback stays within what was paid.
 */
export const requireCeilingsCoverDisbursed = (p: Project, terms: AgreementTerms): Check => {
  const below = terms.incentives.find((i) => (p.incentives[i.incentiveId]?.disbursed ?? 0) > i.ceiling);
  return below === undefined
    ? ok
    : fail('AGREEMENT_TERMS_INVALID', {
        field: 'incentives.ceiling',
        problem: `is below what was already disbursed for ${below.incentiveId}`,
        incentiveId: below.incentiveId,
        disbursed: p.incentives[below.incentiveId]?.disbursed ?? 0,
      });
};

/**
 * R1 (000 §三.1: 对入区固定资产投资 1000 万元以上的项目实施论证准入机制) for a supplementary agreement:
 * one that brings fixed-asset investment from below the line to or above it needs the admission a
 * first signing of that size needs (approved, after signing if need be); one that stays on the same
 * side needs nothing more.
 */
export const requireAmendmentAdmission = (
  p: Project,
  before: AgreementTerms,
  after: AgreementTerms,
  policy: ProjectPolicy,
): Check =>
  before.fixedAssetInvestment < policy.admissionThreshold &&
  after.fixedAssetInvestment >= policy.admissionThreshold &&
  p.admission?.decision !== 'approved'
    ? fail('AMENDMENT_ADMISSION_REQUIRED', {
        fromWan: cny.toWan(before.fixedAssetInvestment),
        toWan: cny.toWan(after.fixedAssetInvestment),
        thresholdWan: cny.toWan(policy.admissionThreshold),
      })
    : ok;

/** R3 (000 §三.2: 对拟落地项目特别是单独供地项目开展尽职调查): a supplementary agreement that switches to stand-alone land needs due diligence. */
export const requireAmendmentDueDiligence = (
  p: Project,
  before: AgreementTerms,
  after: AgreementTerms,
): Check =>
  before.landSupply !== 'standalone' && after.landSupply === 'standalone' && p.dueDiligenceOn === undefined
    ? fail('AMENDMENT_DUE_DILIGENCE_REQUIRED')
    : ok;

/** The terms legal review covered (see `ReviewedTerm`) that a supplementary agreement changes. */
export const reviewedTermsChanged = (
  before: AgreementTerms,
  after: AgreementTerms,
): ReadonlyArray<ReviewedTerm> => [
  ...(same(before.incentives, after.incentives) ? [] : (['incentives'] as const)),
  ...(before.clawbackClause === after.clawbackClause ? [] : (['clawback-clause'] as const)),
  ...(before.landSupply === after.landSupply && before.landArea === after.landArea
    ? []
    : (['land'] as const)),
  ...(same(before.commitments, after.commitments) ? [] : (['commitments'] as const)),
];

/**
 * R4 (002 §六: 以区政府名义签署的投资协议需经区司法局进行合法性审查，以经开区管委会名义签署的投资协议要经过
 * 法务审核，并报区政府招商领导小组会议审议通过) for a supplementary agreement that changes terms the review
 * covered: a legal review recorded since the signing or the latest amendment, passed, by the reviewer
 * of the agreement's signatory, and the leading group's approval (its minutes).
 */
export const requireAmendmentLegalReview = (
  p: Project,
  after: AgreementTerms,
  leadingGroupMinutesRef: string | undefined,
): Check => {
  const a = p.agreement;
  if (a === undefined) return fail('AGREEMENT_NOT_SIGNED');
  const changed = reviewedTermsChanged(a.terms, after);
  if (changed.length === 0) return ok;
  const reviewer = requiredReviewer(a.signatory);
  const r = a.reviewSinceChange;
  const terms = {
    terms: changed.join(', '),
    termsZh: changed.map((t) => reviewedTermLabels[t].zh).join('、'),
    termsEn: changed.map((t) => reviewedTermLabels[t].en).join(', '),
  };
  if (r === undefined || !r.passed || r.reviewer !== reviewer)
    return fail('AMENDMENT_LEGAL_REVIEW_REQUIRED', {
      ...terms,
      since: a.changedOn,
      reviewer,
      reviewerZh: legalReviewerZh[reviewer],
    });
  return leadingGroupMinutesRef === undefined ? fail('AMENDMENT_APPROVAL_REQUIRED', terms) : ok;
};

/** R6 (000 §三.3, 001 §(三)1): who must be assigned before construction starts. */
export const requiredRoles = (terms: AgreementTerms, policy: ProjectPolicy): ReadonlyArray<LeaderRole> =>
  terms.fixedAssetInvestment >= policy.keyProjectThreshold
    ? ['responsible-leader', 'responsible-person', 'project-manager', 'project-secretary']
    : ['responsible-leader', 'responsible-person'];

/** R6: one project, one responsible leader, one responsible person (and for key projects a manager and a secretary). */
export const requireResponsibleLeaders = (
  p: Project,
  terms: AgreementTerms,
  policy: ProjectPolicy,
): Check => {
  const missing = requiredRoles(terms, policy).find((role) => p.leaders[role] === undefined);
  return missing === undefined
    ? ok
    : fail('RESPONSIBLE_LEADER_REQUIRED', { role: missing, roleZh: leaderRoleZh[missing] });
};

/**
 * R8 (001 §(四)): 三个月不开工、两年不投产、三年不见效 — whether, on `on`, the project has not
 * started 3 months after signing, not produced 2 years after, or shown no results 3 years after.
 */
export const exitRuleApplies = (p: Project, on: BusinessDate, policy: ProjectPolicy): boolean => {
  const a = p.agreement;
  if (a === undefined) return false;
  const x = policy.exitRule;
  return (
    (p.startedOn === undefined && on > addMonths(a.signedOn, x.startMonths)) ||
    (p.productionOn === undefined && on > addMonths(a.signedOn, x.productionMonths)) ||
    (!hasResults(p) && on > addMonths(a.signedOn, x.resultsMonths))
  );
};

export const requireExitRule = (p: Project, on: BusinessDate, policy: ProjectPolicy): Check =>
  exitRuleApplies(p, on, policy) ? ok : fail('EXIT_RULE_NOT_MET', exitRuleParams(policy.exitRule));

/** R9 (000 §三.4): a year is evaluated once the construction period is over as of the day it is judged by. */
export const requireConstructionPeriodOver = (p: Project, asOf: BusinessDate): Check => {
  const a = p.agreement;
  if (a === undefined) return fail('AGREEMENT_NOT_SIGNED');
  return (p.completedOn !== undefined && p.completedOn <= asOf) || asOf > a.terms.schedule.completeBy
    ? ok
    : fail('FULFILMENT_NOT_DUE', { completeBy: a.terms.schedule.completeBy });
};

/**
 * R10: a year evaluated lies between the year of signing and the year of the evaluation (a year
 * before the agreement has nothing to compare, a year not begun has no facts).
 */
export const requireEvaluationYear = (year: Year, signedOn: BusinessDate, on: BusinessDate): Check => {
  const from = yearOf(signedOn);
  const to = yearOf(on);
  return year >= from && year <= to ? ok : fail('EVALUATION_YEAR_OUT_OF_RANGE', { year, from, to });
};

/** R10 (002 §七): incentives are honoured for strictly compliant projects, by the governing verdict. */
export const requireCompliance = (p: Project): Check =>
  governingVerdict(p) === 'compliant'
    ? ok
    : fail('INCENTIVE_REQUIRES_COMPLIANCE', { verdict: governingVerdict(p) ?? 'not evaluated' });

/** R9/R10: subsidies are returned when the project fell short (by the governing verdict) or was cleared. */
export const requireShortfall = (p: Project): Check =>
  p.termination !== undefined ||
  governingVerdict(p) === 'underperforming' ||
  governingVerdict(p) === 'serious-breach'
    ? ok
    : fail('CLAWBACK_REQUIRES_SHORTFALL');

/** R10 (002 §七): secondary promotion is for projects whose governing verdict is underperforming. */
export const requireUnderperformance = (p: Project): Check =>
  governingVerdict(p) === 'underperforming'
    ? ok
    : fail('SECONDARY_PROMOTION_REQUIRES_UNDERPERFORMANCE', {
        verdict: governingVerdict(p) ?? 'not evaluated',
      });

/** R10 (002 §七 对严重违约的项目 … 清退): termination for breach needs a governing serious-breach verdict. */
export const requireSeriousBreach = (p: Project): Check =>
  governingVerdict(p) === 'serious-breach' ? ok : fail('TERMINATION_REQUIRES_BREACH');

/** Money a caller sent that cannot be added exactly is refused with a code (issue #11 item 14). */
export const amountOutOfRange = (field: string, fieldZh: string): E.Either<ProjectError, never> =>
  fail('AMOUNT_OUT_OF_RANGE', { field, fieldZh, maxFen: Number.MAX_SAFE_INTEGER });

/** A lead is qualified with a known investor: named when captured, or in the qualifying command. */
export const requireInvestor = (p: Project, investor: unknown): Check =>
  p.investor === undefined && investor === undefined ? fail('INVESTOR_REQUIRED') : ok;

/** A step that belongs before signing (a negotiation, abandoning instead of terminating). */
export const requireUnsigned = (p: Project, action: string): Check =>
  p.agreement !== undefined ? fail('WRONG_STAGE', { stage: p.stage, action }) : ok;

/** A fact that needs the agreement signed (procedures, rectification, receipts, evaluation). */
export const requireSigned = (p: Project): Check =>
  p.agreement === undefined ? fail('AGREEMENT_NOT_SIGNED') : ok;

/** A repeated or amending command names the agreement signed, not another one. */
export const requireSameAgreement = (a: SignedAgreement, agreementId: string): Check =>
  a.agreementId === agreementId ? ok : fail('AGREEMENT_ID_MISMATCH', { agreementId, signed: a.agreementId });

/**
 * R1/R2 (000 §三.1): admission review is opened for a qualified lead — or, after signing, for a
 * supplementary agreement that needs it — and consults at least one department.
 */
export const requireReviewable = (p: Project, departments: ReadonlyArray<Department>): Check =>
  all(
    () =>
      p.agreement !== undefined && p.admission === undefined
        ? ok
        : requireStage(p, ['qualified'], 'open admission review'),
    () => (departments.length === 0 ? fail('NO_DEPARTMENTS_CONSULTED') : ok),
  );

/** R2: admission review is open (consultation opened) and not yet decided. */
export const requireAdmissionOpen = (p: Project): Check =>
  p.admission !== undefined
    ? fail('ADMISSION_ALREADY_DECIDED', { decision: p.admission.decision })
    : p.consultation === undefined
      ? fail('CONSULTATION_NOT_OPEN')
      : ok;

/** R2 (000 §三.1 书面征询): an opinion comes from a department the review consulted. */
export const requireConsulted = (p: Project, department: Department): Check =>
  p.consultation !== undefined && !p.consultation.departments.includes(department)
    ? fail('DEPARTMENT_NOT_CONSULTED', { department })
    : ok;

/**
 * R6 (000 §三.3: 一个项目、一个包保领导、一个包保责任人): a role has one leader at a time; a new one
 * replaces the leader in the role, by name.
 */
export const requireRoleFree = (p: Project, role: LeaderRole, replaces: string | undefined): Check => {
  const current = p.leaders[role];
  if (current !== undefined && replaces === undefined)
    return fail('ROLE_ALREADY_FILLED', { role, roleZh: leaderRoleZh[role], leaderId: current.leaderId });
  if (replaces !== undefined && current?.leaderId !== replaces)
    return fail('REPLACED_LEADER_MISMATCH', {
      role,
      roleZh: leaderRoleZh[role],
      replaces,
      current: current?.leaderId ?? null,
    });
  return ok;
};

/**
 * R1/R4: the reviews a supplementary agreement needs come before it — the legal review when it
 * changes reviewed terms, the admission when it crosses the admission threshold.
 */
export const requireReviewsBeforeAmendment = (
  p: Project,
  a: SignedAgreement,
  after: AgreementTerms,
  on: BusinessDate,
  policy: ProjectPolicy,
): Check =>
  all(
    () =>
      reviewedTermsChanged(a.terms, after).length > 0 ? requireNotBefore(on, a.reviewSinceChange?.on) : ok,
    () =>
      a.terms.fixedAssetInvestment < policy.admissionThreshold &&
      after.fixedAssetInvestment >= policy.admissionThreshold
        ? requireNotBefore(on, p.admission?.on)
        : ok,
  );

/** R7 (001 §(三)2): an approval of the district's own has no higher authority to name. */
export const requireDistrictWithoutAuthority = (
  level: 'district' | 'higher-level',
  authority: string | undefined,
  procedureId: string,
): Check =>
  level === 'district' && authority !== undefined
    ? fail('AUTHORITY_FOR_DISTRICT_PROCEDURE', { procedureId })
    : ok;

/** Facts of construction (investment, statistics) follow its start. */
export const requireStarted = (p: Project, action: string): Check =>
  p.startedOn === undefined ? fail('WRONG_STAGE', { stage: p.stage, action }) : ok;

/** Output is reported once production has started. */
export const requireProducing = (p: Project, action: string): Check =>
  p.productionOn === undefined ? fail('WRONG_STAGE', { stage: p.stage, action }) : ok;

/** R9 (000 §三.4): a year in which the project produced is judged on its reported output. */
export const requirePerformanceReported = (producing: boolean, reported: unknown, year: number): Check =>
  producing && reported === undefined ? fail('PERFORMANCE_NOT_REPORTED', { year }) : ok;

/** An amount of money paid, returned or received is above zero. */
export const requirePositiveAmount = (amount: number): Check =>
  amount <= 0 ? fail('AMOUNT_MUST_BE_POSITIVE') : ok;

/** R10: money moves only on an incentive the agreement grants. */
export const requireIncentive = (p: Project, incentiveId: string): Check =>
  p.incentives[incentiveId] === undefined ? fail('INCENTIVE_NOT_FOUND', { incentiveId }) : ok;

/** R5/R10 (002 §七 兑现): what is paid for an incentive stays within its ceiling. */
export const requireWithinCeiling = (account: IncentiveAccount | undefined, amount: Cny): Check => {
  if (account === undefined) return ok;
  // A sum beyond the exact range is certainly above the ceiling (a Cny is a safe integer).
  const total = cny.addExact(account.disbursed, amount);
  return total === undefined || total > account.ceiling
    ? fail('DISBURSEMENT_EXCEEDS_CEILING', { amount, ceiling: account.ceiling, disbursed: account.disbursed })
    : ok;
};

/** R9/R10: what is clawed back stays within what was paid and not yet returned. */
export const requireWithinOutstanding = (account: IncentiveAccount | undefined, amount: Cny): Check => {
  if (account === undefined) return ok;
  const { disbursed, clawedBack } = account;
  // A sum beyond the exact range is certainly above what was disbursed (a Cny is a safe integer).
  const total = cny.addExact(clawedBack, amount);
  return total === undefined || total > disbursed
    ? fail('CLAWBACK_EXCEEDS_DISBURSED', { amount, disbursed, clawedBack })
    : ok;
};

/** R10 (001 §(四) 限期整改): a rectification order names what to put right and a deadline after the order. */
export const requireRectificationOrder = (
  items: ReadonlyArray<unknown>,
  on: BusinessDate,
  dueBy: BusinessDate,
): Check =>
  items.length === 0
    ? fail('RECTIFICATION_ITEMS_REQUIRED')
    : dueBy <= on
      ? fail('RECTIFICATION_DEADLINE_INVALID', { on, dueBy })
      : ok;

/** A rectification is completed after it was ordered, and only while one is open. */
export const requireOpenRectification = (p: Project, on: BusinessDate): Check => {
  const open = p.rectifications.find((r) => r.completedOn === undefined);
  return open === undefined ? fail('RECTIFICATION_NOT_OPEN') : requireNotBefore(on, open.orderedOn);
};

/** R8 (001 §(四) 予以清理并收回土地): land is reclaimed from a terminated project, at most the land it was granted. */
export const requireReclaimableLand = (p: Project, area: number): Check => {
  const landArea = p.agreement?.terms.landArea ?? 0;
  return all(
    () => (p.termination === undefined ? fail('LAND_RECLAIM_NOT_ALLOWED') : ok),
    () => (area > landArea ? fail('LAND_RECLAIM_EXCEEDS_AREA', { area, landArea }) : ok),
  );
};

/** R8/R10: a termination stands on its basis — the exit rule met, a serious breach, or both parties' agreement. */
export const requireTerminationBasis = (
  p: Project,
  basis: TerminationBasis,
  on: BusinessDate,
  policy: ProjectPolicy,
): Check => {
  switch (basis) {
    case 'exit-rule':
      return requireExitRule(p, on, policy);
    case 'serious-breach':
      return requireSeriousBreach(p);
    case 'mutual-agreement':
      return ok;
    default:
      return assertNever(basis);
  }
};

/** R13 (一炮数响只计一次): a project is not a duplicate of itself. */
export const requireOtherCanonical = (p: Project, canonicalProjectId: string): Check =>
  canonicalProjectId === p.projectId ? fail('DUPLICATE_OF_ITSELF') : ok;
