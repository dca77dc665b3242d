import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { BusinessDate } from '../shared/dates';
import type { Decider } from '../shared/decider';
import { assertNever } from '../shared/exhaustive';
import { cny, Cny, count } from '../shared/money';
import {
  addWorkingDays,
  officialCalendar,
  WorkingDayCalendar,
  workingDaysBetween,
} from '../shared/working-days';
import { projectCommandDates, type ProjectCommand, type ProjectCommandOf } from './project.commands';
import type { ProcedureApproval, ProjectEvent, ProjectEventOf } from './project.events';
import { evolveProject } from './project.evolve';
import { foldProject } from './project.fold';
import { assessFulfilment, evaluationAsOf } from './project.fulfilment';
import { detectMissedMilestones, reinstatedMisses, withdrawnMisses } from './project.milestones';
import { defaultProjectPolicy, ProjectPolicy } from './project.policy';
import {
  all,
  Check,
  fail,
  ok,
  ProjectError,
  requireAdmissible,
  requireAdmission,
  requireAmendmentAdmission,
  requireAmendmentDueDiligence,
  requireAmendmentLegalReview,
  reviewedTermsChanged,
  requireAllOpinions,
  requireCeilingsCoverDisbursed,
  requireCompleteTerms,
  requireCompliance,
  requireConstructionPeriodOver,
  requireDueDiligence,
  requireEvaluationYear,
  requireExitRule,
  requireLegalReview,
  requireNotBefore,
  requireOverrulingReason,
  requireResponsibleLeaders,
  requireSeriousBreach,
  requireShortfall,
  requireStage,
  requireUnderperformance,
  amountOutOfRange,
} from './project.rules';
import {
  CapitalReceipt,
  initialProjectState,
  isProject,
  Project,
  ProcedureState,
  ProjectState,
  YearlyPerformance,
} from './project.state';
import { correctableFactLabels, leaderRoleZh } from './project.vocabulary';
import type { CorrectableFact } from './project.vocabulary';
import type { FactValue } from './project.events';

type Result = E.Either<ProjectError, ReadonlyArray<ProjectEvent>>;
type Data<T extends ProjectEvent['type']> = ProjectEventOf<T>['data'];

const emit = <T extends ProjectEvent['type']>(type: T, data: Data<T>): ProjectEvent =>
  ({ type, data }) as ProjectEvent;
const nothing: Result = E.right([]);
const then = (check: Check, events: () => ReadonlyArray<ProjectEvent>): Result =>
  pipe(
    check,
    E.map(() => events()),
  );

/** What a project decider needs from outside: the working-day calendar and the figures of the rules. */
export interface ProjectDeciderDeps {
  readonly calendar: WorkingDayCalendar;
  readonly policy: ProjectPolicy;
}

/** Deep equality for plain JSON data (repeats of a command carry equal data). */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Builds the investment-project decider with a calendar and policy (defaults: official calendar, the seeds' figures). */
export const makeProjectDecider = (
  deps: Partial<ProjectDeciderDeps> = {},
): Decider<ProjectCommand, ProjectEvent, ProjectState, ProjectError> => {
  const calendar = deps.calendar ?? officialCalendar;
  const policy = deps.policy ?? defaultProjectPolicy;

  const create = (c: ProjectCommand, s: ProjectState): Result => {
    switch (c.type) {
      case 'CaptureLead': {
        const { type: _type, ...data } = c;
        if (s.status !== 'none') {
          return s.origin === 'lead' &&
            s.name === c.name &&
            s.unitId === c.unitId &&
            s.capturedOn === c.capturedOn
            ? nothing
            : fail('PROJECT_ALREADY_EXISTS', { projectId: c.projectId });
        }
        return E.right([emit('LeadCaptured', data)]);
      }
      case 'PlanProject': {
        const { type: _type, ...data } = c;
        if (s.status !== 'none') {
          return s.origin === 'planned' &&
            s.name === c.name &&
            s.unitId === c.unitId &&
            s.capturedOn === c.plannedOn
            ? nothing
            : fail('PROJECT_ALREADY_EXISTS', { projectId: c.projectId });
        }
        return E.right([emit('ProjectPlanned', data)]);
      }
      default:
        return fail('PROJECT_NOT_FOUND', { projectId: c.projectId });
    }
  };

  /** Commands that a closed project still answers: repeats of what closed it, and what follows a termination. */
  const closedAnswer = (c: ProjectCommand, p: Project): Result | undefined => {
    switch (c.type) {
      case 'DiscardLead':
        return p.stage === 'discarded' ? nothing : undefined;
      case 'RejectAdmission':
        return p.stage === 'rejected' ? nothing : undefined;
      case 'AbandonProject':
        return p.stage === 'abandoned' ? nothing : undefined;
      case 'TerminateProject':
        return p.stage === 'terminated' ? nothing : undefined;
      case 'RecordMissedMilestones':
        return nothing;
      case 'ClawBackSubsidy':
      case 'ReclaimLand':
      case 'LinkDuplicate':
      case 'UnlinkDuplicate':
      case 'CorrectFact': // the history of a cleared project can still be put right (DOMAIN.md §5)
        return p.stage === 'terminated' || c.type === 'LinkDuplicate' || c.type === 'UnlinkDuplicate'
          ? decideOpen(c, p)
          : undefined;
      default:
        return undefined;
    }
  };

  const decideOpen = (c: ProjectCommand, p: Project): Result => {
    switch (c.type) {
      case 'CaptureLead':
      case 'PlanProject':
        return create(c, p);
      case 'QualifyLead':
        if (p.stage === 'qualified') return nothing;
        return then(
          all(
            () => requireStage(p, ['lead', 'planned'], 'qualify the lead'),
            () => (p.investor === undefined && c.investor === undefined ? fail('INVESTOR_REQUIRED') : ok),
          ),
          () => [emit('LeadQualified', withoutType(c))],
        );
      case 'DiscardLead':
        return then(requireStage(p, ['lead', 'planned', 'qualified'], 'discard the lead'), () => [
          emit('LeadDiscarded', withoutType(c)),
        ]);
      case 'OpenConsultation':
        if (p.stage === 'under-review') {
          return same(p.consultation?.departments, c.departments)
            ? nothing
            : fail('CONSULTATION_ALREADY_OPEN');
        }
        return then(
          all(
            // After signing, a supplementary agreement may need admission review (R1 · 000 §三.1).
            () =>
              p.agreement !== undefined && p.admission === undefined
                ? ok
                : requireStage(p, ['qualified'], 'open admission review'),
            () => (c.departments.length === 0 ? fail('NO_DEPARTMENTS_CONSULTED') : ok),
          ),
          () => [emit('ConsultationOpened', { ...withoutType(c), departments: [...new Set(c.departments)] })],
        );
      case 'RecordDepartmentOpinion':
        return decideOpinion(c, p);
      case 'ApproveAdmission':
        if (p.admission?.decision === 'approved') return nothing;
        return then(
          all(
            () => admissionOpen(p),
            () => requireAllOpinions(p),
            () => requireAdmissible(c.negativeList, c.catalogueClass, c.constructionNature),
            () => requireOverrulingReason(p, c.overrulingReason),
            () => requireNotBefore(c.on, p.consultation?.openedOn),
          ),
          () => [emit('AdmissionApproved', withoutType(c))],
        );
      case 'RejectAdmission':
        return then(
          all(
            // A supplementary agreement refused admission is simply not concluded: the signed agreement stands.
            () => requireUnsigned(p, 'reject admission (an amendment that fails review is not concluded)'),
            () => admissionOpen(p),
            () => requireNotBefore(c.on, p.consultation?.openedOn),
          ),
          () => [emit('AdmissionRejected', withoutType(c))],
        );
      case 'CompleteDueDiligence':
        return p.dueDiligenceOn !== undefined
          ? nothing
          : E.right([emit('DueDiligenceCompleted', withoutType(c))]);
      case 'AssignLeader': {
        const current = p.leaders[c.role];
        if (current?.leaderId === c.leaderId) return nothing;
        if (current !== undefined && c.replaces === undefined) {
          return fail('ROLE_ALREADY_FILLED', {
            role: c.role,
            roleZh: leaderRoleZh[c.role],
            leaderId: current.leaderId,
          });
        }
        if (c.replaces !== undefined && current?.leaderId !== c.replaces) {
          return fail('REPLACED_LEADER_MISMATCH', {
            role: c.role,
            roleZh: leaderRoleZh[c.role],
            replaces: c.replaces,
            current: current?.leaderId ?? null,
          });
        }
        return E.right([emit('LeaderAssigned', withoutType(c))]);
      }
      case 'RecordSiteVisit':
        return E.right([emit('SiteVisitRecorded', withoutType(c))]);
      case 'HoldNegotiation':
        return then(requireUnsigned(p, 'hold a negotiation'), () => [
          emit('NegotiationHeld', withoutType(c)),
        ]);
      case 'RecordLegalReview': {
        const { outcome, opinion, ...rest } = withoutType(c);
        // After signing, the draft under review is a supplementary agreement (R4 · 002 §六).
        return then(requireNotBefore(c.on, p.agreement?.changedOn), () => [
          outcome === 'passed'
            ? emit('LegalReviewPassed', { ...rest, opinion })
            : emit('LegalReviewFailed', { ...rest, reason: opinion }),
        ]);
      }
      case 'SignAgreement':
        return decideSigning(c, p);
      case 'AmendAgreement': {
        const a = p.agreement;
        if (a === undefined) return fail('AGREEMENT_NOT_SIGNED');
        if (a.agreementId !== c.agreementId)
          return fail('AGREEMENT_ID_MISMATCH', { agreementId: c.agreementId, signed: a.agreementId });
        if (same(a.terms, c.terms)) return nothing;
        return then(
          all(
            () => requireCompleteTerms(c.terms, a.signedOn),
            () => requireCeilingsCoverDisbursed(p, c.terms),
            () => requireNotBefore(c.on, a.changedOn),
            () => requireAmendmentAdmission(p, a.terms, c.terms, policy),
            () => requireAmendmentDueDiligence(p, a.terms, c.terms),
            () => requireAmendmentLegalReview(p, c.terms, c.leadingGroupMinutesRef),
            // The reviews an amendment needs come before it.
            () =>
              reviewedTermsChanged(a.terms, c.terms).length > 0
                ? requireNotBefore(c.on, a.reviewSinceChange?.on)
                : ok,
            () =>
              a.terms.fixedAssetInvestment < policy.admissionThreshold &&
              c.terms.fixedAssetInvestment >= policy.admissionThreshold
                ? requireNotBefore(c.on, p.admission?.on)
                : ok,
          ),
          () => [emit('AgreementAmended', withoutType(c))],
        );
      }
      case 'RequestProcedure':
        return decideProcedureRequest(c, p);
      case 'CompleteProcedure':
        return decideProcedureCompletion(c, p);
      case 'StartConstruction': {
        if (p.startedOn !== undefined) return repeatedFact(p, 'construction-started', { on: c.on });
        const a = p.agreement;
        if (a === undefined) return fail('AGREEMENT_NOT_SIGNED');
        return then(
          all(
            () => requireStage(p, ['signed'], 'start construction'),
            () => requireResponsibleLeaders(p, a.terms, policy),
            () => requireNotBefore(c.on, a.signedOn),
          ),
          () => [emit('ConstructionStarted', withoutType(c))],
        );
      }
      case 'ReportInvestmentProgress':
        return decideInvestmentReport(c, p);
      case 'EnterStatistics':
        if (p.statistics !== undefined)
          return repeatedFact(p, 'statistics-entered', { on: c.on, statisticsCode: c.statisticsCode });
        return then(
          all(
            () =>
              p.startedOn === undefined
                ? fail('WRONG_STAGE', {
                    stage: p.stage,
                    action: 'enter the statistics before construction starts',
                  })
                : ok,
            () => requireNotBefore(c.on, p.startedOn),
          ),
          () => [emit('EnteredStatistics', withoutType(c))],
        );
      case 'CompleteConstruction':
        if (p.completedOn !== undefined) return repeatedFact(p, 'construction-completed', { on: c.on });
        return then(
          all(
            () => requireStage(p, ['under-construction'], 'complete construction'),
            () => requireNotBefore(c.on, p.startedOn),
          ),
          () => [emit('ConstructionCompleted', withoutType(c))],
        );
      case 'StartProduction':
        if (p.productionOn !== undefined) return repeatedFact(p, 'production-started', { on: c.on });
        return then(
          all(
            () => requireStage(p, ['completed'], 'start production'),
            () => requireNotBefore(c.on, p.completedOn),
          ),
          () => [emit('ProductionStarted', withoutType(c))],
        );
      case 'ReachCapacity':
        if (p.capacityOn !== undefined) return repeatedFact(p, 'capacity-reached', { on: c.on });
        return then(
          all(
            () => requireStage(p, ['in-production'], 'reach capacity'),
            () => requireNotBefore(c.on, p.productionOn),
          ),
          () => [emit('CapacityReached', withoutType(c))],
        );
      case 'ReportPerformance':
        return decidePerformanceReport(c, p);
      case 'EvaluateFulfilment':
        return decideEvaluation(c, p);
      case 'DisburseIncentive': {
        const account = p.incentives[c.incentiveId];
        return then(
          all(
            () => (c.amount <= 0 ? fail('AMOUNT_MUST_BE_POSITIVE') : ok),
            () => (account === undefined ? fail('INCENTIVE_NOT_FOUND', { incentiveId: c.incentiveId }) : ok),
            () => requireCompliance(p),
            () => {
              if (account === undefined) return ok;
              // A sum beyond the exact range is certainly above the ceiling (a Cny is a safe integer).
              const total = cny.addExact(account.disbursed, c.amount);
              return total === undefined || total > account.ceiling
                ? fail('DISBURSEMENT_EXCEEDS_CEILING', {
                    amount: c.amount,
                    ceiling: account.ceiling,
                    disbursed: account.disbursed,
                  })
                : ok;
            },
          ),
          () => [emit('IncentiveDisbursed', withoutType(c))],
        );
      }
      case 'StartSecondaryPromotion':
        if (p.secondaryPromotionOn === c.on) return nothing;
        return then(requireUnderperformance(p), () => [emit('SecondaryPromotionStarted', withoutType(c))]);
      case 'OrderRectification':
        return then(
          all(
            () => (p.agreement === undefined ? fail('AGREEMENT_NOT_SIGNED') : ok),
            () => (c.items.length === 0 ? fail('RECTIFICATION_ITEMS_REQUIRED') : ok),
            () =>
              c.dueBy <= c.on ? fail('RECTIFICATION_DEADLINE_INVALID', { on: c.on, dueBy: c.dueBy }) : ok,
          ),
          () => [emit('RectificationOrdered', withoutType(c))],
        );
      case 'CompleteRectification': {
        const open = p.rectifications.find((r) => r.completedOn === undefined);
        return then(
          all(
            () => (open === undefined ? fail('RECTIFICATION_NOT_OPEN') : ok),
            () => requireNotBefore(c.on, open?.orderedOn),
          ),
          () => [emit('RectificationCompleted', withoutType(c))],
        );
      }
      case 'ClawBackSubsidy': {
        const account = p.incentives[c.incentiveId];
        return then(
          all(
            () => (c.amount <= 0 ? fail('AMOUNT_MUST_BE_POSITIVE') : ok),
            () => (account === undefined ? fail('INCENTIVE_NOT_FOUND', { incentiveId: c.incentiveId }) : ok),
            () => requireShortfall(p),
            () =>
              account !== undefined
                ? requireWithinOutstanding(account.disbursed, account.clawedBack, c.amount)
                : ok,
          ),
          () => [emit('SubsidyClawedBack', withoutType(c))],
        );
      }
      case 'ReclaimLand': {
        if (p.landReclaimedOn !== undefined) return nothing;
        const landArea = p.agreement?.terms.landArea ?? 0;
        return then(
          all(
            () => (p.termination === undefined ? fail('LAND_RECLAIM_NOT_ALLOWED') : ok),
            () => (c.area > landArea ? fail('LAND_RECLAIM_EXCEEDS_AREA', { area: c.area, landArea }) : ok),
            () => requireNotBefore(c.on, p.termination?.on),
          ),
          () => [emit('LandReclaimed', withoutType(c))],
        );
      }
      case 'TerminateProject': {
        const a = p.agreement;
        if (a === undefined) return fail('AGREEMENT_NOT_SIGNED');
        const basisCheck = (): Check => {
          switch (c.basis) {
            case 'exit-rule':
              return requireExitRule(p, c.on, policy);
            case 'serious-breach':
              return requireSeriousBreach(p);
            case 'mutual-agreement':
              return ok;
            default:
              return assertNever(c.basis);
          }
        };
        return then(
          all(basisCheck, () => requireNotBefore(c.on, a.signedOn)),
          () => [emit('ProjectTerminated', withoutType(c))],
        );
      }
      case 'AbandonProject':
        return then(requireUnsigned(p, 'abandon the project (terminate a signed agreement instead)'), () => [
          emit('ProjectAbandoned', withoutType(c)),
        ]);
      case 'RecordMissedMilestones': {
        // Deadlines the calendar can count now come first, so that one already past is raised too.
        const computed = computePendingDeadlines(p, c.today);
        const state = computed.reduce<ProjectState>(evolveProject, p);
        const missed = isProject(state) ? detectMissedMilestones(state, c.today, policy) : [];
        return E.right([
          ...computed,
          ...missed.map((m) => emit('MilestoneMissed', { ...m, detectedOn: c.today })),
        ]);
      }
      case 'LinkDuplicate':
        if (c.canonicalProjectId === p.projectId) return fail('DUPLICATE_OF_ITSELF');
        if (p.duplicateOf !== undefined) {
          return p.duplicateOf === c.canonicalProjectId
            ? nothing
            : fail('ALREADY_LINKED_AS_DUPLICATE', { canonicalProjectId: p.duplicateOf });
        }
        return E.right([emit('DuplicateLinked', withoutType(c))]);
      case 'CorrectFact':
        return decideCorrection(c, p);
      case 'UnlinkDuplicate':
        // A repeat after the undo is harmless; undoing a link that is not the one in force is refused.
        if (p.duplicateOf === undefined && p.unlinkedFrom === c.canonicalProjectId) return nothing;
        if (p.duplicateOf !== c.canonicalProjectId) {
          return fail('NOT_LINKED_AS_DUPLICATE', {
            canonicalProjectId: c.canonicalProjectId,
            current: p.duplicateOf ?? '—',
          });
        }
        return E.right([emit('DuplicateUnlinked', withoutType(c))]);
      case 'RecordForeignCapitalReceipt': {
        const { type: _type, ...data } = c;
        return decideReceipt(
          p,
          c.receiptId,
          {
            kind: 'foreign-capital',
            amount: c.amount,
            on: c.on,
            ...(c.source !== undefined ? { source: c.source } : {}),
          },
          c.correction !== undefined,
          () => emit('ForeignCapitalReceived', data),
        );
      }
      case 'RecordOutOfProvinceFundsReceipt': {
        const { type: _type, ...data } = c;
        return decideReceipt(
          p,
          c.receiptId,
          { kind: 'out-of-province-funds', amount: c.amount, on: c.on, source: c.sourceProvince },
          c.correction !== undefined,
          () => emit('OutOfProvinceFundsReceived', data),
        );
      }
      default:
        return assertNever(c);
    }
  };

  /**
   * DOMAIN.md §5: a repeat of a recorded fact with the same value is harmless (nothing new); with
   * a different date or code it is a correction, which needs its own command and a reason.
   */
  const repeatedFact = (p: Project, fact: CorrectableFact, requested: FactValue): Result => {
    const recorded = recordedFact(p, fact);
    if (recorded === undefined || sameFact(recorded, requested)) return nothing;
    return fail('FACT_ALREADY_RECORDED', {
      fact: correctableFactLabels[fact].en,
      factZh: correctableFactLabels[fact].zh,
      recorded: showFact(recorded),
      requested: showFact(requested),
    });
  };

  /**
   * DOMAIN.md §5 ("A corrected figure is a new event that says what it corrects and why"): the
   * correction keeps the order of the timeline (signing ≤ start ≤ completion ≤ production ≤
   * capacity; statistics after the start) and no fact is dated after the day it is corrected.
   * A miss the corrected date now meets in time is withdrawn as a correction (not a late entry:
   * the fact was on record, with a wrong date); a miss withdrawn earlier that the corrected date no
   * longer meets is reinstated, and the event names it.
   */
  const decideCorrection = (c: ProjectCommandOf<'CorrectFact'>, p: Project): Result => {
    const label = correctableFactLabels[c.fact];
    const labels = { fact: label.en, factZh: label.zh };
    const invalid = (problem: string, problemZh: string) =>
      fail('CORRECTION_INVALID', { ...labels, problem, problemZh });
    const previous = recordedFact(p, c.fact);
    if (previous === undefined) return fail('FACT_NOT_RECORDED', labels);
    if (c.statisticsCode !== undefined && c.fact !== 'statistics-entered')
      return invalid('only the statistics entry has a statistics code', '只有入库纳统有统计编码');
    if (c.on === undefined && c.statisticsCode === undefined)
      return invalid('give the corrected date or statistics code', '须给出更正后的日期或统计编码');
    const code = c.statisticsCode ?? previous.statisticsCode;
    const corrected: FactValue = {
      on: c.on ?? previous.on,
      ...(code !== undefined ? { statisticsCode: code } : {}),
    };
    if (sameFact(previous, corrected)) return nothing; // a retry of a correction already made
    const { before, after } = neighbours(p, c.fact);
    return then(
      all(
        () => requireNotBefore(c.correctedOn, corrected.on),
        () => requireNotBefore(corrected.on, before),
        () =>
          after !== undefined && corrected.on > after.on
            ? invalid(
                `${corrected.on} would be after the recorded ${correctableFactLabels[after.fact].en} (${after.on})`,
                `${corrected.on} 晚于已记录的${correctableFactLabels[after.fact].zh}（${after.on}）`,
              )
            : ok,
      ),
      () => {
        const { type: _type, on: _on, statisticsCode: _code, ...rest } = c;
        const event = emit('FactCorrected', { ...rest, previous, corrected });
        const next = evolveProject(p, event);
        if (next.status === 'none') return [event];
        const reinstated = reinstatedMisses(p, next, policy);
        const recorded =
          reinstated.length > 0
            ? emit('FactCorrected', { ...rest, previous, corrected, reinstatedMilestones: reinstated })
            : event;
        return [
          recorded,
          ...withdrawnMisses(p, next, 'correction', policy).map((w) => emit('MilestoneWithdrawn', w)),
        ];
      },
    );
  };

  /**
   * Money actually received (R11: 利用外资 / 利用省外资金 count what arrived, never what was
   * promised): for a signed project, a positive amount, on or after the signing; a repeat of the
   * same receipt is harmless, the same receipt id with other figures is refused unless it says
   * it corrects the receipt and why (DOMAIN.md §5), and only a receipt of the same kind.
   */
  const decideReceipt = (
    p: Project,
    receiptId: string,
    receipt: CapitalReceipt,
    correcting: boolean,
    event: () => ProjectEvent,
  ): Result => {
    const existing = p.receipts[receiptId];
    if (existing !== undefined && same(existing, receipt)) return nothing; // a repeat, or a correction that changes nothing
    if (existing !== undefined && (!correcting || existing.kind !== receipt.kind))
      return fail('RECEIPT_ID_CONFLICT', { receiptId });
    if (existing === undefined && correcting) return fail('RECEIPT_NOT_RECORDED', { receiptId });
    return then(
      all(
        () => (p.agreement === undefined ? fail('AGREEMENT_NOT_SIGNED') : ok),
        () => (receipt.amount <= 0 ? fail('AMOUNT_MUST_BE_POSITIVE') : ok),
        () => requireNotBefore(receipt.on, p.agreement?.signedOn),
      ),
      () => [event()],
    );
  };

  const admissionOpen = (p: Project): Check =>
    p.admission !== undefined
      ? fail('ADMISSION_ALREADY_DECIDED', { decision: p.admission.decision })
      : p.consultation === undefined
        ? fail('CONSULTATION_NOT_OPEN')
        : ok;

  const requireUnsigned = (p: Project, action: string): Check =>
    p.agreement !== undefined ? fail('WRONG_STAGE', { stage: p.stage, action }) : ok;

  const requireWithinOutstanding = (disbursed: Cny, clawedBack: Cny, amount: Cny): Check => {
    // A sum beyond the exact range is certainly above what was disbursed (a Cny is a safe integer).
    const total = cny.addExact(clawedBack, amount);
    return total === undefined || total > disbursed
      ? fail('CLAWBACK_EXCEEDS_DISBURSED', { amount, disbursed, clawedBack })
      : ok;
  };

  const decideOpinion = (c: ProjectCommandOf<'RecordDepartmentOpinion'>, p: Project): Result => {
    const consultation = p.consultation;
    if (consultation?.opinions[c.department] === c.opinion && p.admission === undefined) return nothing;
    return then(
      all(
        () => admissionOpen(p),
        () =>
          consultation !== undefined && !consultation.departments.includes(c.department)
            ? fail('DEPARTMENT_NOT_CONSULTED', { department: c.department })
            : ok,
        () => requireNotBefore(c.on, consultation?.openedOn),
      ),
      () => [emit('DepartmentOpinionRecorded', withoutType(c))],
    );
  };

  const decideSigning = (c: ProjectCommandOf<'SignAgreement'>, p: Project): Result => {
    if (p.agreement !== undefined) {
      return p.agreement.agreementId === c.agreementId
        ? nothing
        : fail('AGREEMENT_ID_MISMATCH', { agreementId: c.agreementId, signed: p.agreement.agreementId });
    }
    return then(
      all(
        () => requireAdmission(p, c.terms, policy),
        () => requireStage(p, ['qualified', 'admitted'], 'sign the agreement'),
        () => requireDueDiligence(p, c.terms),
        () => requireLegalReview(p, c.signatory),
        () => requireCompleteTerms(c.terms, c.on),
        () => requireNotBefore(c.on, p.admission?.on),
        () => requireNotBefore(c.on, p.legalReview?.on),
      ),
      () => [emit('AgreementSigned', withoutType(c))],
    );
  };

  /** R7 (001 §(三)2): the district's own approvals get a working-day deadline; higher-level ones are followed up. */
  const approvalOf = (c: ProjectCommandOf<'RequestProcedure'>): ProcedureApproval => {
    if (c.approvalLevel === 'higher-level') {
      return { level: 'higher-level', ...(c.authority !== undefined ? { authority: c.authority } : {}) };
    }
    // 3 working days after a complete application, 10 in special cases; pending while the
    // count reaches a year whose official schedule is not adopted yet (never guessed).
    const limit = c.special ? policy.procedureTimeLimit.special : policy.procedureTimeLimit.normal;
    return {
      level: 'district',
      workingDays: count(limit),
      deadline: addWorkingDays(calendar, c.completeOn, limit),
    };
  };

  const decideProcedureRequest = (c: ProjectCommandOf<'RequestProcedure'>, p: Project): Result => {
    const existing = p.procedures[c.procedureId];
    const level = c.approvalLevel ?? 'district';
    if (existing !== undefined) {
      return existing.kind === c.kind &&
        existing.department === c.department &&
        existing.completeOn === c.completeOn &&
        existing.special === c.special &&
        existing.approval.level === level
        ? nothing
        : fail('PROCEDURE_ID_CONFLICT', { procedureId: c.procedureId });
    }
    if (p.agreement === undefined) return fail('AGREEMENT_NOT_SIGNED');
    if (level === 'district' && c.authority !== undefined) {
      return fail('AUTHORITY_FOR_DISTRICT_PROCEDURE', { procedureId: c.procedureId });
    }
    return E.right([
      emit('ProcedureRequested', {
        projectId: c.projectId,
        procedureId: c.procedureId,
        kind: c.kind,
        department: c.department,
        completeOn: c.completeOn,
        special: c.special,
        ...(c.title !== undefined ? { title: c.title } : {}),
        approval: approvalOf(c),
      }),
    ]);
  };

  /** Whether a district procedure completed on `on` kept its limit; undefined while that cannot be known. */
  const withinLimit = (
    proc: ProcedureState,
    on: BusinessDate,
    taken: number | undefined,
  ): boolean | undefined => {
    if (proc.approval.level !== 'district') return undefined;
    const { deadline, workingDays } = proc.approval;
    if (deadline.kind === 'due') return on <= deadline.dueOn;
    // Every day up to `on` was countable and the limit was not reached before the pending year.
    return taken === undefined ? undefined : taken <= workingDays;
  };

  const decideProcedureCompletion = (c: ProjectCommandOf<'CompleteProcedure'>, p: Project): Result => {
    const proc = p.procedures[c.procedureId];
    if (proc === undefined) return fail('PROCEDURE_NOT_FOUND', { procedureId: c.procedureId });
    if (proc.completedOn !== undefined) {
      return proc.completedOn === c.on
        ? nothing
        : fail('PROCEDURE_ALREADY_COMPLETED', { procedureId: c.procedureId, on: proc.completedOn });
    }
    return then(requireNotBefore(c.on, proc.completeOn), () => {
      const counted = workingDaysBetween(calendar, proc.completeOn, c.on);
      const taken = counted.kind === 'counted' ? counted.days : undefined;
      const within = withinLimit(proc, c.on, taken);
      return [
        emit('ProcedureCompleted', {
          ...withoutType(c),
          ...(taken !== undefined ? { workingDaysTaken: count(taken) } : {}),
          ...(within !== undefined ? { withinTimeLimit: within } : {}),
        }),
      ];
    });
  };

  /**
   * Deadlines that waited for a year's official holiday schedule and can be counted now that the
   * calendar covers it (R7, DOMAIN.md §3 "Working-day calendar"). Issued with the watcher's pass.
   */
  const computePendingDeadlines = (p: Project, today: BusinessDate): ReadonlyArray<ProjectEvent> => {
    const out: ProjectEvent[] = [];
    for (const proc of Object.values(p.procedures)) {
      if (proc.approval.level !== 'district' || proc.approval.deadline.kind !== 'pending-calendar') continue;
      const deadline = addWorkingDays(calendar, proc.completeOn, proc.approval.workingDays);
      if (deadline.kind !== 'due') continue; // still waiting (for this or a later year)
      const completed = proc.completedOn;
      const counted =
        completed === undefined ? undefined : workingDaysBetween(calendar, proc.completeOn, completed);
      out.push(
        emit('ProcedureDeadlineComputed', {
          projectId: p.projectId,
          procedureId: proc.procedureId,
          dueOn: deadline.dueOn,
          calendarYear: proc.approval.deadline.year,
          computedOn: today,
          ...(counted?.kind === 'counted' && proc.workingDaysTaken === undefined
            ? { workingDaysTaken: count(counted.days) }
            : {}),
          ...(completed !== undefined && proc.withinTimeLimit === undefined
            ? { withinTimeLimit: completed <= deadline.dueOn }
            : {}),
        }),
      );
    }
    return out;
  };

  const decideInvestmentReport = (c: ProjectCommandOf<'ReportInvestmentProgress'>, p: Project): Result => {
    const previous = p.investmentByMonth[c.period];
    if (p.startedOn === undefined)
      return fail('WRONG_STAGE', { stage: p.stage, action: 'report investment before construction starts' });
    if (c.correction === undefined && previous !== undefined) {
      return previous === c.completedInPeriod
        ? nothing
        : fail('PERIOD_ALREADY_REPORTED', { period: c.period });
    }
    if (c.correction !== undefined && previous === undefined)
      return fail('NOTHING_TO_CORRECT', { period: c.period });
    if (previous === c.completedInPeriod) return nothing; // a correction that changes nothing (or its retry)
    const cumulative = cny.addExact(
      cny.subtractFloor(p.cumulativeInvestment, previous ?? cny.zero),
      c.completedInPeriod,
    );
    if (cumulative === undefined) return amountOutOfRange('cumulative investment', '累计完成投资');
    return E.right([emit('InvestmentProgressReported', { ...withoutType(c), cumulative })]);
  };

  const decidePerformanceReport = (c: ProjectCommandOf<'ReportPerformance'>, p: Project): Result => {
    const previous = p.performance[c.year];
    if (p.productionOn === undefined)
      return fail('WRONG_STAGE', { stage: p.stage, action: 'report output before production starts' });
    if (c.correction === undefined && previous !== undefined) {
      return unchangedPerformance(previous, c)
        ? nothing
        : fail('PERIOD_ALREADY_REPORTED', { period: String(c.year) });
    }
    if (c.correction !== undefined && previous === undefined)
      return fail('NOTHING_TO_CORRECT', { period: String(c.year) });
    if (previous !== undefined && unchangedPerformance(previous, c)) return nothing; // a correction that changes nothing
    return E.right([emit('PerformanceReported', withoutType(c))]);
  };

  const decideEvaluation = (c: ProjectCommandOf<'EvaluateFulfilment'>, p: Project): Result => {
    const a = p.agreement;
    if (a === undefined) return fail('AGREEMENT_NOT_SIGNED');
    const previous = p.evaluations[c.year];
    if (previous !== undefined && previous.on === c.on && same(previous.definedBreach, c.definedBreach))
      return nothing;
    // The year is judged as of its last day (or the evaluation day, if earlier): facts after it belong to later years.
    const asOf = evaluationAsOf(c.year, c.on);
    const reported = p.performance[c.year];
    const producing = p.productionOn !== undefined && p.productionOn <= asOf;
    const investment = investmentAsOf(p, c.year, reported);
    return then(
      all(
        () => requireEvaluationYear(c.year, a.signedOn, c.on),
        () => requireConstructionPeriodOver(p, asOf),
        // A project that produced in the year must report its output first; one that did not is judged without it.
        () => (producing && reported === undefined ? fail('PERFORMANCE_NOT_REPORTED', { year: c.year }) : ok),
        () =>
          investment === undefined
            ? amountOutOfRange('investment completed by the year end', '年末累计完成投资')
            : ok,
      ),
      () => {
        // 圈而不建 needs land supplied: the earliest completed 土地供应 procedure.
        const landSuppliedOn = Object.values(p.procedures)
          .flatMap((proc) =>
            proc.kind === 'land' && proc.completedOn !== undefined ? [proc.completedOn] : [],
          )
          .sort()[0];
        const assessment = assessFulfilment(
          a.terms,
          {
            year: c.year,
            asOf,
            signedOn: a.signedOn,
            ...(p.startedOn !== undefined ? { startedOn: p.startedOn } : {}),
            ...(p.completedOn !== undefined ? { completedOn: p.completedOn } : {}),
            ...(p.productionOn !== undefined ? { productionOn: p.productionOn } : {}),
            ...(landSuppliedOn !== undefined ? { landSuppliedOn } : {}),
            investmentToDate: investment ?? cny.zero,
            ...(producing && reported !== undefined ? { performance: reported } : {}),
            ...(c.definedBreach !== undefined ? { definedBreach: c.definedBreach } : {}),
          },
          policy,
        );
        return [
          emit('FulfilmentEvaluated', {
            projectId: c.projectId,
            on: c.on,
            year: c.year,
            asOf,
            ...assessment,
            ...(c.definedBreach !== undefined ? { definedBreach: c.definedBreach } : {}),
          }),
        ];
      },
    );
  };

  const decide = (c: ProjectCommand, s: ProjectState): Result => {
    if (s.status === 'none') return create(c, s);
    const p = s;
    if (p.status === 'closed') {
      return closedAnswer(c, p) ?? fail('PROJECT_CLOSED', { projectId: p.projectId, stage: p.stage });
    }
    if (c.type !== 'CaptureLead' && c.type !== 'PlanProject') {
      const order = requireNotBefore(projectCommandDates(c)[0].date, p.capturedOn);
      if (E.isLeft(order)) return order;
    }
    return withLateEntries(c, p, decideOpen(c, p));
  };

  /**
   * DOMAIN.md §5: "A fact that predates the deadline but is entered late withdraws the miss with a
   * reason, and counts as late entry." The decision that records the fact also withdraws every
   * standing miss the fact shows was met in time (R8 · 001 §(四), R7 · 001 §(三)2).
   */
  const withLateEntries = (c: ProjectCommand, p: Project, result: Result): Result => {
    if (E.isLeft(result) || result.right.length === 0) return result;
    if (c.type === 'RecordMissedMilestones' || c.type === 'CorrectFact') return result;
    if (Object.keys(p.missedMilestones).length === 0) return result;
    const next = foldProject(result.right, p);
    if (next.status === 'none') return result;
    const withdrawn = withdrawnMisses(p, next, 'late-entry', policy);
    return withdrawn.length === 0
      ? result
      : E.right([...result.right, ...withdrawn.map((w) => emit('MilestoneWithdrawn', w))]);
  };

  return {
    initialState: initialProjectState,
    evolve: evolveProject,
    decide,
    isTerminal: (s) => s.status === 'closed',
    foldEvents: foldProject,
  };
};

const unchangedPerformance = (
  previous: YearlyPerformance,
  c: ProjectCommandOf<'ReportPerformance'>,
): boolean =>
  previous.output === c.output &&
  previous.tax === c.tax &&
  previous.jobs === c.jobs &&
  previous.investmentToDate === c.investmentToDate;

/** The recorded value of a correctable fact, if it is recorded. */
const recordedFact = (p: Project, fact: CorrectableFact): FactValue | undefined => {
  const dated = (on: BusinessDate | undefined): FactValue | undefined =>
    on === undefined ? undefined : { on };
  switch (fact) {
    case 'construction-started':
      return dated(p.startedOn);
    case 'construction-completed':
      return dated(p.completedOn);
    case 'production-started':
      return dated(p.productionOn);
    case 'capacity-reached':
      return dated(p.capacityOn);
    case 'statistics-entered':
      return p.statistics === undefined
        ? undefined
        : { on: p.statistics.on, statisticsCode: p.statistics.code };
    default:
      return assertNever(fact);
  }
};

const sameFact = (a: FactValue, b: FactValue): boolean =>
  a.on === b.on && a.statisticsCode === b.statisticsCode;

const showFact = (v: FactValue): string =>
  v.statisticsCode === undefined ? v.on : `${v.statisticsCode} @ ${v.on}`;

/**
 * The facts a corrected date must stay between: signing ≤ start ≤ completion ≤ production ≤
 * capacity, and the statistics entry on or after the start (the order the decider enforces when
 * facts are first recorded).
 */
const neighbours = (
  p: Project,
  fact: CorrectableFact,
): {
  readonly before: BusinessDate | undefined;
  readonly after: { readonly fact: CorrectableFact; readonly on: BusinessDate } | undefined;
} => {
  const next = (...candidates: ReadonlyArray<readonly [CorrectableFact, BusinessDate | undefined]>) => {
    let found: { fact: CorrectableFact; on: BusinessDate } | undefined;
    for (const [f, on] of candidates)
      if (on !== undefined && (found === undefined || on < found.on)) found = { fact: f, on };
    return found;
  };
  switch (fact) {
    case 'construction-started':
      return {
        before: p.agreement?.signedOn,
        after: next(['construction-completed', p.completedOn], ['statistics-entered', p.statistics?.on]),
      };
    case 'construction-completed':
      return { before: p.startedOn, after: next(['production-started', p.productionOn]) };
    case 'production-started':
      return { before: p.completedOn, after: next(['capacity-reached', p.capacityOn]) };
    case 'capacity-reached':
      return { before: p.productionOn, after: undefined };
    case 'statistics-entered':
      return { before: p.startedOn, after: undefined };
    default:
      return assertNever(fact);
  }
};

/**
 * Fixed-asset investment completed by the end of a year: the year's performance report says it,
 * else the months reported up to December of that year (undefined if their sum is not exact).
 */
const investmentAsOf = (
  p: Project,
  year: number,
  reported: YearlyPerformance | undefined,
): Cny | undefined =>
  reported !== undefined
    ? reported.investmentToDate
    : cny.sumExact(
        Object.entries(p.investmentByMonth)
          .filter(([month]) => month <= `${year}-12`)
          .map(([, amount]) => amount),
      );

/** A command's fields without its `type`: most events record exactly what the command said. */
const withoutType = <C extends { readonly type: string }>(c: C): Omit<C, 'type'> => {
  const { type: _type, ...rest } = c;
  return rest;
};

/** The investment-project decider with the official calendar and the seeds' figures. */
export const projectDecider = makeProjectDecider();
