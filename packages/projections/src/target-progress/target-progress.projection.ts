import { metricKinds, type MetricTarget, type TargetPlanEvent } from '@zhaoshang/domain';
import { evolveFacts } from '../counting/project-facts';
import { put, type DocChange, type DocReader, type Projection } from '../read-model';
import {
  targetProgressFacts,
  targetProgressPlans,
  type PlanDoc,
  type StoredTarget,
} from './target-progress.document';

/** A plan's targets as JSON numbers. */
export const storedTargets = (targets: ReadonlyArray<MetricTarget>): ReadonlyArray<StoredTarget> =>
  targets.map((t) => ({
    metric: t.metric,
    kind: metricKinds[t.metric],
    value: t.target.kind === 'rate' ? t.target.basisPoints : t.target.value,
    ...(t.minInvestment !== undefined ? { minInvestment: t.minInvestment } : {}),
  }));

/** The plan document after a target-plan event (shared with the performance review). */
export const evolvePlan = (plan: PlanDoc | undefined, event: TargetPlanEvent): PlanDoc | undefined => {
  switch (event.type) {
    case 'AnnualTargetsSet':
      if (plan !== undefined) return plan; // set once; later changes are revisions
      return {
        unitId: event.data.unitId,
        year: event.data.year,
        scope: event.data.scope,
        targets: storedTargets(event.data.targets),
        setOn: event.data.setOn,
        revisions: [],
      };
    case 'AnnualTargetsRevised':
      if (plan === undefined) return undefined;
      return {
        ...plan,
        targets: storedTargets(event.data.targets),
        revisions: [
          ...plan.revisions,
          { on: event.data.revisedOn, by: event.data.revisedBy, reason: event.data.reason },
        ],
      };
  }
};

export const planId = (unitId: string, year: number): string => `${unitId}:${year}`;

/** Target progress (目标进度): project facts and the plans they are measured against. */
export const targetProgressProjection: Projection = {
  name: 'target-progress',
  version: 2,
  categories: ['project', 'target-plan'],
  collections: [targetProgressFacts, targetProgressPlans],
  apply: (docs: DocReader, decoded): ReadonlyArray<DocChange> => {
    if (decoded.category === 'project') {
      const id = decoded.event.data.projectId;
      const before = docs.get(targetProgressFacts, id);
      const after = evolveFacts(before, decoded.event);
      return after === undefined || after === before ? [] : [put(targetProgressFacts, id, after)];
    }
    if (decoded.category === 'target-plan') {
      const id = planId(decoded.event.data.unitId, decoded.event.data.year);
      const before = docs.get(targetProgressPlans, id);
      const after = evolvePlan(before, decoded.event);
      return after === undefined || after === before ? [] : [put(targetProgressPlans, id, after)];
    }
    return [];
  },
};
