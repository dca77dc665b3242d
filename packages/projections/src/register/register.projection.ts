import { assertNever, vocabulary, type BusinessDate, type ProjectEvent } from '@zhaoshang/domain';
import { put, type DocChange, type DocReader, type Projection } from '../read-model';
import { registerCollection, type RegisterDoc, type RegisterNode } from './register.document';

type Draft = { -readonly [K in keyof RegisterDoc]: RegisterDoc[K] };

const touch = (d: Draft, on: BusinessDate): void => {
  if (on > d.lastActivityOn) d.lastActivityOn = on;
};

const setNode = (d: Draft, node: RegisterNode): void => {
  const i = d.nodes.findIndex((n) => n.key === node.key);
  d.nodes = i < 0 ? [...d.nodes, node] : d.nodes.map((n, j) => (j === i ? node : n));
};

const completeNode = (d: Draft, key: string, on: BusinessDate): void => {
  const node = d.nodes.find((n) => n.key === key);
  if (node !== undefined && node.doneOn === undefined) setNode(d, { ...node, doneOn: on });
};

const nodeLabel = vocabulary.progressNodes;

/** A node met on a corrected date (DOMAIN.md §5: the correction is the date from now on). */
const redateNode = (d: Draft, key: string, on: BusinessDate): void => {
  const node = d.nodes.find((n) => n.key === key);
  if (node !== undefined) setNode(d, { ...node, doneOn: on });
};

const nextDeadline = (nodes: ReadonlyArray<RegisterNode>): BusinessDate | undefined => {
  let next: BusinessDate | undefined;
  for (const n of nodes)
    if (n.doneOn === undefined && n.dueOn !== undefined && (next === undefined || n.dueOn < next))
      next = n.dueOn;
  return next;
};

const created = (event: ProjectEvent): RegisterDoc | undefined => {
  const base = {
    closed: false,
    leaders: {},
    cumulativeInvestment: 0,
    nodes: [],
    missedMilestones: [],
    counted: true,
  } as const;
  if (event.type === 'LeadCaptured') {
    const e = event.data;
    return {
      ...base,
      projectId: e.projectId,
      unitId: e.unitId,
      name: e.name,
      origin: 'lead',
      stage: 'lead',
      investorName: e.investor.name,
      ...(e.investor.creditCode !== undefined ? { investorCreditCode: e.investor.creditCode } : {}),
      ...(e.investor.origin !== undefined ? { investorOrigin: e.investor.origin } : {}),
      industryChain: e.industryChain,
      content: e.content,
      channel: e.channel,
      intendedInvestment: e.intendedInvestment,
      investment: e.intendedInvestment,
      capturedOn: e.capturedOn,
      lastActivityOn: e.capturedOn,
    };
  }
  if (event.type === 'ProjectPlanned') {
    const e = event.data;
    return {
      ...base,
      projectId: e.projectId,
      unitId: e.unitId,
      name: e.name,
      origin: 'planned',
      stage: 'planned',
      industryChain: e.industryChain,
      content: e.content,
      intendedInvestment: e.intendedInvestment,
      investment: e.intendedInvestment,
      capturedOn: e.plannedOn,
      lastActivityOn: e.plannedOn,
    };
  }
  return undefined;
};

/** Applies one event to a draft of the register row (the row is a copy: nothing shared is changed). */
const applyToDraft = (d: Draft, event: ProjectEvent): void => {
  const stage = (on: BusinessDate, s: RegisterDoc['stage'], closed = false) => {
    d.stage = s;
    d.closed = closed;
    if (closed) d.closedOn = on;
    touch(d, on);
  };
  switch (event.type) {
    case 'LeadCaptured':
    case 'ProjectPlanned':
      return;
    case 'LeadQualified':
      if (event.data.investor !== undefined) {
        d.investorName = event.data.investor.name;
        if (event.data.investor.creditCode !== undefined)
          d.investorCreditCode = event.data.investor.creditCode;
        if (event.data.investor.origin !== undefined) d.investorOrigin = event.data.investor.origin;
      }
      setNode(d, { key: 'qualified', kind: 'stage', label: nodeLabel.qualified.zh, doneOn: event.data.on });
      return stage(event.data.on, 'qualified');
    case 'LeadDiscarded':
      return stage(event.data.on, 'discarded', true);
    // After signing, admission review is of a supplementary agreement (R1 · 000 §三.1): the stage stays.
    case 'ConsultationOpened':
      return d.signedOn !== undefined ? touch(d, event.data.on) : stage(event.data.on, 'under-review');
    case 'AdmissionApproved':
      setNode(d, { key: 'admitted', kind: 'stage', label: nodeLabel.admitted.zh, doneOn: event.data.on });
      return d.signedOn !== undefined ? touch(d, event.data.on) : stage(event.data.on, 'admitted');
    case 'AdmissionRejected':
      return stage(event.data.on, 'rejected', true);
    case 'SiteVisitRecorded': {
      // R18: the latest visit by its date (a visit entered late does not move it back).
      const e = event.data;
      if (d.lastVisit === undefined || e.on >= d.lastVisit.on) {
        const name = Object.values(d.leaders).find((l) => l?.leaderId === e.leaderId)?.name;
        d.lastVisit = { on: e.on, leaderId: e.leaderId, ...(name !== undefined ? { name } : {}) };
      }
      return touch(d, e.on);
    }
    case 'VisitWeekMissed':
      // Raised by the clock (R18): not an activity of the project.
      d.visitWeeksMissed = (d.visitWeeksMissed ?? 0) + 1;
      return;
    case 'DepartmentOpinionRecorded':
    case 'DueDiligenceCompleted':
    case 'NegotiationHeld':
    case 'LegalReviewPassed':
    case 'LegalReviewFailed':
    case 'PerformanceReported':
    case 'FulfilmentEvaluated':
    case 'IncentiveDisbursed':
    case 'SecondaryPromotionStarted':
    case 'SubsidyClawedBack':
    case 'LandReclaimed':
      return touch(d, event.data.on);
    case 'LeaderAssigned': {
      const e = event.data;
      d.leaders = { ...d.leaders, [e.role]: { leaderId: e.leaderId, name: e.name } };
      if (e.role === 'responsible-leader') d.responsibleLeader = e.name;
      return touch(d, e.on);
    }
    case 'AgreementSigned':
    case 'AgreementAmended': {
      const e = event.data;
      d.investment = e.terms.totalInvestment;
      d.fixedAssetInvestment = e.terms.fixedAssetInvestment;
      d.landArea = e.terms.landArea;
      const s = e.terms.schedule;
      const keep = (key: string) => d.nodes.find((n) => n.key === key)?.doneOn;
      const schedule: ReadonlyArray<RegisterNode> = [
        { key: 'agreed-start', kind: 'schedule', label: nodeLabel['agreed-start'].zh, dueOn: s.startBy },
        {
          key: 'agreed-completion',
          kind: 'schedule',
          label: nodeLabel['agreed-completion'].zh,
          dueOn: s.completeBy,
        },
        {
          key: 'agreed-production',
          kind: 'schedule',
          label: nodeLabel['agreed-production'].zh,
          dueOn: s.produceBy,
        },
      ];
      for (const n of schedule) {
        const doneOn = keep(n.key);
        setNode(d, doneOn !== undefined ? { ...n, doneOn } : n);
      }
      if (event.type === 'AgreementSigned') {
        d.signedOn = e.on;
        d.agreementAmendments = 0;
        setNode(d, { key: 'signed', kind: 'stage', label: nodeLabel.signed.zh, doneOn: e.on });
        return stage(e.on, 'signed');
      }
      d.agreementAmendments = (d.agreementAmendments ?? 0) + 1;
      return touch(d, e.on);
    }
    case 'ProcedureRequested': {
      const e = event.data;
      const a = e.approval;
      // The procedures sheet (R22 · DOMAIN.md §6): the latest application of each kind.
      d.procedures = {
        ...d.procedures,
        [e.kind]: {
          procedureId: e.procedureId,
          department: e.department,
          ...(a.level === 'higher-level' && a.authority !== undefined ? { authority: a.authority } : {}),
          requestedOn: e.completeOn,
        },
      };
      const node = {
        key: `procedure:${e.procedureId}`,
        kind: 'procedure',
        label: e.title ?? vocabulary.procedures[e.kind].zh,
        approvalLevel: a.level,
        procedureKind: e.kind,
      } as const;
      if (a.level === 'higher-level') setNode(d, { ...node, deadlineStatus: 'tracked' });
      else if (a.deadline.kind === 'due')
        setNode(d, { ...node, deadlineStatus: 'due', dueOn: a.deadline.dueOn });
      else setNode(d, { ...node, deadlineStatus: 'pending-calendar', pendingCalendarYear: a.deadline.year });
      return touch(d, e.completeOn);
    }
    case 'ProcedureDeadlineComputed': {
      // The year's schedule was adopted: the node gets its date (not an activity of the project).
      const key = `procedure:${event.data.procedureId}`;
      const node = d.nodes.find((n) => n.key === key);
      if (node !== undefined) {
        const { pendingCalendarYear: _y, ...rest } = node;
        setNode(d, { ...rest, deadlineStatus: 'due', dueOn: event.data.dueOn });
      }
      return;
    }
    case 'ProcedureCompleted': {
      const e = event.data;
      completeNode(d, `procedure:${e.procedureId}`, e.on);
      const kind = d.nodes.find((n) => n.key === `procedure:${e.procedureId}`)?.procedureKind;
      const entry = kind === undefined ? undefined : d.procedures?.[kind];
      if (kind !== undefined && entry !== undefined && entry.procedureId === e.procedureId)
        d.procedures = {
          ...d.procedures,
          [kind]: {
            ...entry,
            completedOn: e.on,
            ...(e.approvalNo !== undefined ? { approvalNo: e.approvalNo } : {}),
          },
        };
      return touch(d, e.on);
    }
    case 'ConstructionStarted':
      d.startedOn = event.data.on;
      completeNode(d, 'agreed-start', event.data.on);
      return stage(event.data.on, 'under-construction');
    case 'InvestmentProgressReported':
      d.cumulativeInvestment = event.data.cumulative;
      return touch(d, event.data.on);
    case 'EnteredStatistics':
      d.statisticsOn = event.data.on;
      d.statisticsCode = event.data.statisticsCode;
      return touch(d, event.data.on);
    case 'ConstructionCompleted':
      d.completedOn = event.data.on;
      completeNode(d, 'agreed-completion', event.data.on);
      return stage(event.data.on, 'completed');
    case 'ProductionStarted':
      d.productionOn = event.data.on;
      completeNode(d, 'agreed-production', event.data.on);
      return stage(event.data.on, 'in-production');
    case 'CapacityReached':
      return stage(event.data.on, 'at-capacity');
    case 'RectificationOrdered': {
      const n = d.nodes.filter((x) => x.kind === 'rectification').length + 1;
      setNode(d, {
        key: `rectification:${n}`,
        kind: 'rectification',
        label: nodeLabel.rectification.zh,
        dueOn: event.data.dueBy,
      });
      return touch(d, event.data.on);
    }
    case 'RectificationCompleted': {
      const open = d.nodes.find((x) => x.kind === 'rectification' && x.doneOn === undefined);
      if (open !== undefined) completeNode(d, open.key, event.data.on);
      return touch(d, event.data.on);
    }
    case 'ProjectTerminated':
      return stage(event.data.on, 'terminated', true);
    case 'ProjectAbandoned':
      return stage(event.data.on, 'abandoned', true);
    case 'MilestoneMissed': {
      const e = event.data;
      if (!d.missedMilestones.includes(e.milestoneKey))
        d.missedMilestones = [...d.missedMilestones, e.milestoneKey];
      if (e.termMonths !== undefined)
        d.exitRuleTerms = { ...d.exitRuleTerms, [e.milestoneKey]: e.termMonths };
      return;
    }
    case 'MilestoneWithdrawn': {
      const key = event.data.milestoneKey;
      d.missedMilestones = d.missedMilestones.filter((k) => k !== key);
      d.withdrawnMilestones = [
        ...(d.withdrawnMilestones ?? []).filter((w) => w.key !== key),
        { key, reason: event.data.reason },
      ];
      return;
    }
    case 'FactCorrected': {
      const e = event.data;
      const on = e.corrected.on;
      switch (e.fact) {
        case 'construction-started':
          d.startedOn = on;
          redateNode(d, 'agreed-start', on);
          break;
        case 'construction-completed':
          d.completedOn = on;
          redateNode(d, 'agreed-completion', on);
          break;
        case 'production-started':
          d.productionOn = on;
          redateNode(d, 'agreed-production', on);
          break;
        case 'capacity-reached':
          break;
        case 'statistics-entered':
          d.statisticsOn = on;
          if (e.corrected.statisticsCode !== undefined) d.statisticsCode = e.corrected.statisticsCode;
          break;
        default:
          assertNever(e.fact);
      }
      const reinstated = e.reinstatedMilestones ?? [];
      if (reinstated.length > 0) {
        d.withdrawnMilestones = (d.withdrawnMilestones ?? []).filter((w) => !reinstated.includes(w.key));
        d.missedMilestones = [
          ...d.missedMilestones,
          ...reinstated.filter((k) => !d.missedMilestones.includes(k)),
        ];
      }
      d.corrections = (d.corrections ?? 0) + 1;
      return touch(d, e.correctedOn);
    }
    case 'DuplicateLinked':
      d.duplicateOf = event.data.canonicalProjectId;
      d.counted = false;
      return touch(d, event.data.on);
    case 'DuplicateUnlinked':
      delete d.duplicateOf;
      d.counted = true;
      return touch(d, event.data.on);
    case 'ForeignCapitalReceived':
    case 'OutOfProvinceFundsReceived':
      return touch(d, event.data.on);
    // The project's profile (R22): bookkeeping, not progress (the lead's idle months go on)
    case 'ProjectProfileRecorded':
      Object.assign(d, event.data.profile);
      return;
    default:
      return assertNever(event);
  }
};

/** Project register (招商引资工作台账): one row per project, kept from the project's events. */
export const registerProjection: Projection = {
  name: 'register',
  // 5: the project's profile and the procedures sheet (R22)
  version: 5,
  categories: ['project'],
  collections: [registerCollection],
  apply: (docs: DocReader, decoded): ReadonlyArray<DocChange> => {
    if (decoded.category !== 'project') return [];
    const event = decoded.event;
    const id = event.data.projectId;
    const doc = docs.get(registerCollection, id);
    if (doc === undefined) {
      const fresh = created(event);
      return fresh === undefined ? [] : [put(registerCollection, id, fresh)];
    }
    if (event.type === 'LeadCaptured' || event.type === 'ProjectPlanned') return [];
    const d: Draft = { ...doc };
    applyToDraft(d, event);
    const next = nextDeadline(d.nodes);
    if (next === undefined) delete d.nextDeadline;
    else d.nextDeadline = next;
    return [put(registerCollection, id, d)];
  },
};
