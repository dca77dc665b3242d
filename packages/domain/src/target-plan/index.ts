export {
  MetricKey,
  metricKinds,
  BasisPoints,
  TargetValue,
  MetricTarget,
  Targets,
  PlanScope,
  AnnualTargetsSet,
  AnnualTargetsRevised,
  targetPlanEvents,
  TargetPlanEventCodec,
} from './target-plan.events';
export type { TargetKind, TargetPlanEvent, TargetPlanEventType } from './target-plan.events';
export {
  SetAnnualTargets,
  ReviseAnnualTargets,
  TargetPlanCommand,
  targetPlanCommandDates,
} from './target-plan.commands';
export { initialTargetPlanState } from './target-plan.state';
export type { NoTargets, TargetsInForce, TargetPlanState } from './target-plan.state';
export { evolveTargetPlan } from './target-plan.evolve';
export {
  decideTargetPlan,
  targetPlanDecider,
  metricTargetKey,
  sameTargets,
  requireValidTargets,
} from './target-plan.decide';
export { targetPlanErrors } from './target-plan.errors';
export type { TargetPlanErrorCode } from './target-plan.errors';
export { defaultTargetsR11, districtTargets2024R12, zoneTargets003 } from './target-plan.defaults';
export { metricCatalogue } from './target-plan.metrics';
export type { MetricDefinition } from './target-plan.metrics';
