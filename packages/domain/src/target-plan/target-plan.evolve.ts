import type { TargetPlanEvent } from './target-plan.events';
import type { TargetPlanState } from './target-plan.state';

/** Records what happened; never validates (the decider already did). */
export const evolveTargetPlan = (state: TargetPlanState, event: TargetPlanEvent): TargetPlanState => {
  switch (event.type) {
    case 'AnnualTargetsSet': {
      const d = event.data;
      return {
        status: 'set',
        unitId: d.unitId,
        year: d.year,
        scope: d.scope,
        targets: d.targets,
        originalTargets: d.targets,
        setOn: d.setOn,
        revisions: 0,
      };
    }
    case 'AnnualTargetsRevised': {
      const d = event.data;
      // A revision without a prior set cannot be emitted by decide; evolve stays total anyway.
      const base =
        state.status === 'set'
          ? state
          : {
              unitId: d.unitId,
              year: d.year,
              scope: 'unit' as const,
              originalTargets: d.targets,
              setOn: d.revisedOn,
              revisions: 0,
            };
      return {
        ...base,
        status: 'set',
        targets: d.targets,
        revisions: base.revisions + 1,
        lastRevisedOn: d.revisedOn,
      };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
