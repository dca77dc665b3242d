/**
 * Deciding the commands before signing: from a lead (or a planned project) through qualification,
 * admission review (R1/R2), due diligence (R3), leaders (R6), visits, negotiation and legal review (R4).
 * Each command has one function; its rules are the named checks of project.rules.ts.
 */
import * as E from 'fp-ts/Either';
import type { ProjectCommandOf } from './project.commands';
import { emit, nothing, Result, same, then, withoutType } from './project.decision';
import {
  all,
  fail,
  requireAdmissible,
  requireAdmissionOpen,
  requireAllOpinions,
  requireConsulted,
  requireInvestor,
  requireNotBefore,
  requireOverrulingReason,
  requireReviewable,
  requireRoleFree,
  requireStage,
  requireUnsigned,
} from './project.rules';
import type { Project, ProjectState } from './project.state';

/** A lead is recorded once; capturing the same lead again is harmless, another one under its id is refused. */
export const decideCaptureLead = (c: ProjectCommandOf<'CaptureLead'>, s: ProjectState): Result => {
  if (s.status === 'none') return E.right([emit('LeadCaptured', withoutType(c))]);
  return s.origin === 'lead' && s.name === c.name && s.unitId === c.unitId && s.capturedOn === c.capturedOn
    ? nothing
    : fail('PROJECT_ALREADY_EXISTS', { projectId: c.projectId });
};

/** A planned project (谋划) is recorded once, like a lead. */
export const decidePlanProject = (c: ProjectCommandOf<'PlanProject'>, s: ProjectState): Result => {
  if (s.status === 'none') return E.right([emit('ProjectPlanned', withoutType(c))]);
  return s.origin === 'planned' && s.name === c.name && s.unitId === c.unitId && s.capturedOn === c.plannedOn
    ? nothing
    : fail('PROJECT_ALREADY_EXISTS', { projectId: c.projectId });
};

export const decideQualifyLead = (c: ProjectCommandOf<'QualifyLead'>, p: Project): Result =>
  p.stage === 'qualified'
    ? nothing
    : then(
        all(
          () => requireStage(p, ['lead', 'planned'], 'qualify the lead'),
          () => requireInvestor(p, c.investor),
        ),
        () => [emit('LeadQualified', withoutType(c))],
      );

export const decideDiscardLead = (c: ProjectCommandOf<'DiscardLead'>, p: Project): Result =>
  then(requireStage(p, ['lead', 'planned', 'qualified'], 'discard the lead'), () => [
    emit('LeadDiscarded', withoutType(c)),
  ]);

export const decideOpenConsultation = (c: ProjectCommandOf<'OpenConsultation'>, p: Project): Result => {
  if (p.stage === 'under-review') {
    return same(p.consultation?.departments, c.departments) ? nothing : fail('CONSULTATION_ALREADY_OPEN');
  }
  return then(requireReviewable(p, c.departments), () => [
    emit('ConsultationOpened', { ...withoutType(c), departments: [...new Set(c.departments)] }),
  ]);
};

export const decideRecordDepartmentOpinion = (
  c: ProjectCommandOf<'RecordDepartmentOpinion'>,
  p: Project,
): Result => {
  if (p.consultation?.opinions[c.department] === c.opinion && p.admission === undefined) return nothing;
  return then(
    all(
      () => requireAdmissionOpen(p),
      () => requireConsulted(p, c.department),
      () => requireNotBefore(c.on, p.consultation?.openedOn),
    ),
    () => [emit('DepartmentOpinionRecorded', withoutType(c))],
  );
};

export const decideApproveAdmission = (c: ProjectCommandOf<'ApproveAdmission'>, p: Project): Result =>
  p.admission?.decision === 'approved'
    ? nothing
    : then(
        all(
          () => requireAdmissionOpen(p),
          () => requireAllOpinions(p),
          () => requireAdmissible(c.negativeList, c.catalogueClass, c.constructionNature),
          () => requireOverrulingReason(p, c.overrulingReason),
          () => requireNotBefore(c.on, p.consultation?.openedOn),
        ),
        () => [emit('AdmissionApproved', withoutType(c))],
      );

export const decideRejectAdmission = (c: ProjectCommandOf<'RejectAdmission'>, p: Project): Result =>
  then(
    all(
      // A supplementary agreement refused admission is simply not concluded: the signed agreement stands.
      () => requireUnsigned(p, 'reject admission (an amendment that fails review is not concluded)'),
      () => requireAdmissionOpen(p),
      () => requireNotBefore(c.on, p.consultation?.openedOn),
    ),
    () => [emit('AdmissionRejected', withoutType(c))],
  );

export const decideCompleteDueDiligence = (
  c: ProjectCommandOf<'CompleteDueDiligence'>,
  p: Project,
): Result =>
  p.dueDiligenceOn !== undefined ? nothing : E.right([emit('DueDiligenceCompleted', withoutType(c))]);

export const decideAssignLeader = (c: ProjectCommandOf<'AssignLeader'>, p: Project): Result =>
  p.leaders[c.role]?.leaderId === c.leaderId
    ? nothing
    : then(requireRoleFree(p, c.role, c.replaces), () => [emit('LeaderAssigned', withoutType(c))]);

/** R18 (000 §五.2): a visit records what it found and solved; none stated is none. */
export const decideRecordSiteVisit = (c: ProjectCommandOf<'RecordSiteVisit'>): Result =>
  E.right([
    emit('SiteVisitRecorded', {
      ...withoutType(c),
      issuesFound: c.issuesFound ?? [],
      issuesSolved: c.issuesSolved ?? [],
    }),
  ]);

export const decideHoldNegotiation = (c: ProjectCommandOf<'HoldNegotiation'>, p: Project): Result =>
  then(requireUnsigned(p, 'hold a negotiation'), () => [emit('NegotiationHeld', withoutType(c))]);

/** After signing, the draft under review is a supplementary agreement (R4 · 002 §六). */
export const decideRecordLegalReview = (c: ProjectCommandOf<'RecordLegalReview'>, p: Project): Result => {
  const { outcome, opinion, ...rest } = withoutType(c);
  return then(requireNotBefore(c.on, p.agreement?.changedOn), () => [
    outcome === 'passed'
      ? emit('LegalReviewPassed', { ...rest, opinion })
      : emit('LegalReviewFailed', { ...rest, reason: opinion }),
  ]);
};
