/** @zhaoshang/projections/testing — the read-model store contract suite and scenario builders. */
export { appendScenario, leaderStreamOf, projectStreamOf, targetPlanStreamOf, toNewEvent } from './scenario';
export type { ScenarioStream } from './scenario';
export { GOLDEN, goldenProjects, goldenStreams, projectCommands, wan, yi } from './golden-scenario';
export type { ProjectSpec } from './golden-scenario';
export { canonical, dumpAll } from './compare';
export { readModelStoreContract } from './contract';
// land plots (R19): a projection's apply folded in memory, for unit tests
export { foldProjection } from './fold';
