import {
  assertNever,
  evaluationGoverns,
  evaluationShowsResults,
  milestoneLabel,
  vocabulary,
  type BusinessDate,
  type ProjectEvent,
} from '@zhaoshang/domain';
import { MET_BY, MET_BY_FACT } from '../counting/project-facts';
import { put, type DocChange, type DocReader } from '../read-model';
import {
  supervisionItems,
  supervisionProjects,
  type SupervisionItem,
  type SupervisionProject,
} from './supervision.document';
import { visitWeekItem } from './supervision.visits';

const itemIdOf = (projectId: string, key: string): string => `${projectId}:${key}`;

/**
 * The supervision list's items of a project (R7, R8, R10; 督办清单): missed milestones, procedures
 * past their time limit and ordered rectifications, with the project's owners.
 */
export const supervisionOfProject = (docs: DocReader, event: ProjectEvent): ReadonlyArray<DocChange> => {
  const projectId = event.data.projectId;
  const project = docs.get(supervisionProjects, projectId);
  if (project === undefined) {
    if (event.type !== 'LeadCaptured' && event.type !== 'ProjectPlanned') return [];
    return [
      put(supervisionProjects, projectId, {
        projectId,
        unitId: event.data.unitId,
        name: event.data.name,
        itemIds: [],
        rectifications: 0,
      }),
    ];
  }
  const changes: DocChange[] = [];
  const owners = (): Pick<SupervisionItem, 'owner' | 'responsiblePerson' | 'ownerId'> => ({
    ...(project.owner !== undefined ? { owner: project.owner, ownerId: project.owner.leaderId } : {}),
    ...(project.responsiblePerson !== undefined ? { responsiblePerson: project.responsiblePerson } : {}),
  });
  const addItem = (
    key: string,
    item: Omit<SupervisionItem, 'itemId' | 'projectId' | 'unitId' | 'projectName'>,
    p: SupervisionProject,
  ): SupervisionProject => {
    const itemId = itemIdOf(projectId, key);
    changes.push(
      put(supervisionItems, itemId, {
        itemId,
        projectId,
        unitId: p.unitId,
        projectName: p.name,
        ...owners(),
        ...item,
      }),
    );
    return p.itemIds.includes(itemId) ? p : { ...p, itemIds: [...p.itemIds, itemId] };
  };
  const resolve = (
    match: (i: SupervisionItem) => boolean,
    on: BusinessDate,
    resolution: NonNullable<SupervisionItem['resolution']>,
    first = false,
  ): void => {
    for (const id of project.itemIds) {
      const item = docs.get(supervisionItems, id);
      if (item === undefined || item.resolvedOn !== undefined || !match(item)) continue;
      changes.push(put(supervisionItems, id, { ...item, resolvedOn: on, resolution }));
      if (first) return;
    }
  };
  let next: SupervisionProject = project;
  switch (event.type) {
    case 'LeaderAssigned': {
      const e = event.data;
      if (e.role !== 'responsible-leader' && e.role !== 'responsible-person') break;
      const who = { leaderId: e.leaderId, name: e.name };
      next =
        e.role === 'responsible-leader' ? { ...project, owner: who } : { ...project, responsiblePerson: who };
      // Open items follow the new owner: the list says who answers for it now. A missed visit
      // week stays with the responsible person who owed the visit (R18).
      for (const id of project.itemIds) {
        const item = docs.get(supervisionItems, id);
        if (item === undefined || item.resolvedOn !== undefined || item.kind === 'visit-week') continue;
        changes.push(
          put(
            supervisionItems,
            id,
            e.role === 'responsible-leader'
              ? { ...item, owner: who, ownerId: who.leaderId }
              : { ...item, responsiblePerson: who },
          ),
        );
      }
      break;
    }
    case 'ProcedureRequested': {
      const e = event.data;
      const a = e.approval;
      // R7 (001 §(三)2): only the district's own approvals have a limit to supervise; higher-level
      // ones are followed up (跟踪办结) in the register.
      if (a.level === 'higher-level') break;
      const item = {
        kind: 'procedure',
        label:
          e.title ?? `${vocabulary.supervisionItemKinds.procedure.zh}（${vocabulary.procedures[e.kind].zh}）`,
        openedOn: e.completeOn,
      } as const;
      next = addItem(
        `procedure:${e.procedureId}`,
        a.deadline.kind === 'due'
          ? { ...item, deadlineStatus: 'due', dueOn: a.deadline.dueOn }
          : { ...item, deadlineStatus: 'pending-calendar', pendingCalendarYear: a.deadline.year },
        project,
      );
      break;
    }
    case 'ProcedureDeadlineComputed': {
      const existing = docs.get(supervisionItems, itemIdOf(projectId, `procedure:${event.data.procedureId}`));
      if (existing !== undefined) {
        const { pendingCalendarYear: _y, ...rest } = existing;
        changes.push(
          put(supervisionItems, existing.itemId, {
            ...rest,
            deadlineStatus: 'due',
            dueOn: event.data.dueOn,
          }),
        );
      }
      break;
    }
    case 'ProcedureCompleted':
      resolve(
        (i) => i.itemId === itemIdOf(projectId, `procedure:${event.data.procedureId}`),
        event.data.on,
        'met',
      );
      break;
    case 'RectificationOrdered': {
      const n = project.rectifications + 1;
      next = addItem(
        `rectification:${n}:${event.data.on}`,
        {
          kind: 'rectification',
          label: `${vocabulary.supervisionItemKinds.rectification.zh}：${event.data.items.join('；')}`,
          openedOn: event.data.on,
          dueOn: event.data.dueBy,
        },
        { ...project, rectifications: n },
      );
      break;
    }
    case 'RectificationCompleted':
      resolve((i) => i.kind === 'rectification', event.data.on, 'met', true);
      break;
    case 'MilestoneMissed': {
      const e = event.data;
      const key =
        e.kind === 'procedure-time-limit' && e.procedureId !== undefined
          ? `procedure:${e.procedureId}`
          : e.milestoneKey;
      const existing = docs.get(supervisionItems, itemIdOf(projectId, key));
      if (existing !== undefined) {
        changes.push(
          put(supervisionItems, existing.itemId, {
            ...existing,
            raisedOn: e.detectedOn,
            milestoneKind: e.kind,
          }),
        );
      } else {
        const label = milestoneLabel(e.kind, e.termMonths);
        next = addItem(
          key,
          {
            kind: 'milestone',
            milestoneKind: e.kind,
            label: label.zh,
            labelEn: label.en,
            openedOn: e.detectedOn,
            dueOn: e.dueOn,
            raisedOn: e.detectedOn,
          },
          project,
        );
      }
      break;
    }
    case 'ConstructionStarted':
    case 'ConstructionCompleted':
    case 'ProductionStarted':
    case 'CapacityReached': {
      const kinds = MET_BY[event.type] ?? [];
      resolve((i) => i.milestoneKind !== undefined && kinds.includes(i.milestoneKind), event.data.on, 'met');
      // R18: the 包保 period ends at capacity (达产); weeks still open leave the list with it.
      if (event.type === 'CapacityReached') resolve((i) => i.kind === 'visit-week', event.data.on, 'closed');
      break;
    }
    // Weekly 包保 visits (R18, 000 §五.2)
    case 'VisitWeekMissed': {
      const v = visitWeekItem(event.data, project.lastResponsibleVisitOn);
      next = addItem(v.key, v.item, project);
      break;
    }
    case 'SiteVisitRecorded': {
      const e = event.data;
      if (e.leaderId !== project.responsiblePerson?.leaderId) break;
      if (project.lastResponsibleVisitOn === undefined || e.on > project.lastResponsibleVisitOn)
        next = { ...project, lastResponsibleVisitOn: e.on };
      resolve((i) => i.kind === 'visit-week' && i.dueOn !== undefined && i.dueOn < e.on, e.on, 'visited');
      break;
    }
    case 'FulfilmentEvaluated': {
      // R10 (002 §七): the latest evaluated year governs; an earlier year evaluated later shows no results.
      const e = event.data;
      if (!evaluationGoverns(e.year, project.governingYear)) break;
      next = { ...project, governingYear: e.year };
      if (evaluationShowsResults(e, project.governingYear))
        resolve((i) => i.milestoneKind === 'exit-no-results', e.on, 'met');
      break;
    }
    case 'MilestoneWithdrawn': {
      // The fact met the deadline (on `factOn`, before the miss was raised): the item leaves the list for every date.
      const e = event.data;
      const key =
        e.kind === 'procedure-time-limit' && e.procedureId !== undefined
          ? `procedure:${e.procedureId}`
          : e.milestoneKey;
      const item = docs.get(supervisionItems, itemIdOf(projectId, key));
      if (item !== undefined)
        changes.push(
          put(supervisionItems, item.itemId, {
            ...item,
            resolvedOn: e.factOn,
            resolution: 'withdrawn',
            withdrawnReason: e.reason,
          }),
        );
      break;
    }
    case 'FactCorrected': {
      // Items the fact met are met on the corrected date; a reinstated miss is met late, on that date too.
      const e = event.data;
      const kinds = MET_BY_FACT[e.fact];
      const reinstated = new Set(e.reinstatedMilestones ?? []);
      for (const id of project.itemIds) {
        const item = docs.get(supervisionItems, id);
        if (item?.milestoneKind === undefined || !kinds.includes(item.milestoneKind)) continue;
        const key = id.slice(projectId.length + 1);
        if (item.resolution === 'met' || (item.resolution === 'withdrawn' && reinstated.has(key))) {
          const { withdrawnReason: _r, ...rest } = item;
          changes.push(put(supervisionItems, id, { ...rest, resolvedOn: e.corrected.on, resolution: 'met' }));
        }
      }
      break;
    }
    case 'ProjectTerminated':
    case 'ProjectAbandoned':
    case 'LeadDiscarded':
    case 'AdmissionRejected':
      resolve(() => true, event.data.on, 'closed');
      break;
    case 'DuplicateLinked':
      resolve(() => true, event.data.on, 'duplicate');
      break;
    case 'DuplicateUnlinked':
      // The link was undone with a reason: what it hid is open again, from the day of the undo.
      for (const id of project.itemIds) {
        const item = docs.get(supervisionItems, id);
        if (item === undefined || item.resolution !== 'duplicate') continue;
        const { resolvedOn: _r, resolution: _s, ...open } = item;
        changes.push(put(supervisionItems, id, open));
      }
      break;
    case 'ForeignCapitalReceived':
    case 'OutOfProvinceFundsReceived':
      break;
    case 'LeadCaptured':
    case 'ProjectPlanned':
    case 'LeadQualified':
    case 'ConsultationOpened':
    case 'DepartmentOpinionRecorded':
    case 'AdmissionApproved':
    case 'DueDiligenceCompleted':
    case 'NegotiationHeld':
    case 'LegalReviewPassed':
    case 'LegalReviewFailed':
    case 'AgreementSigned':
    case 'AgreementAmended':
    case 'InvestmentProgressReported':
    case 'EnteredStatistics':
    case 'PerformanceReported':
    case 'IncentiveDisbursed':
    case 'SecondaryPromotionStarted':
    case 'SubsidyClawedBack':
    case 'LandReclaimed':
      break;
    // The project's profile (R22): bookkeeping, no supervision item.
    case 'ProjectProfileRecorded':
      break;
    default:
      assertNever(event);
  }
  if (next !== project) changes.push(put(supervisionProjects, projectId, next));
  return changes;
};
