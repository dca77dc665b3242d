/**
 * @zhaoshang/domain/testing — helpers for testing code built on the domain: the given/when/then
 * specification for deciders, realistic project fixtures produced by running the decider, and
 * fast-check arbitraries (fast-check is an optional peer dependency, needed only here).
 */
export { spec } from './decider-spec';
export type { DeciderSpecification } from './decider-spec';
export * as projectFixtures from './project.fixtures';
export * as projectArbitraries from './project.arbitraries';
export * as sharedArbitraries from './shared.arbitraries';
export * as targetPlanArbitraries from './target-plan.arbitraries';
export * as leaderActivityArbitraries from './leader-activity.arbitraries';
export * as bulletinArbitraries from './bulletin.arbitraries';
export * as workingCalendarFixtures from './working-calendar.fixtures';
export { retypedLabels, stringLiterals } from './retyped-labels';
export * as enterpriseRequestArbitraries from './enterprise-request.arbitraries';
// Leading-group meetings and their 交办 items (R20)
export * as meetingArbitraries from './meeting.arbitraries';
export { deciderLawViolations } from './decider-laws';
export type { DeciderLawReport } from './decider-laws';
