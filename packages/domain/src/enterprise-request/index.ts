export {
  RequestKind,
  RequestChannel,
  RequestCategory,
  RequestingEnterprise,
  HandlingDeadline,
  RequestReceived,
  RequestAssigned,
  RequestHandled,
  RequestEvaluated,
  RequestReopened,
  RequestClosed,
  RequestDeadlineComputed,
  enterpriseRequestEvents,
  EnterpriseRequestEventCodec,
} from './enterprise-request.events';
export type {
  EnterpriseRequestEvent,
  EnterpriseRequestEventType,
  EnterpriseRequestEventOf,
} from './enterprise-request.events';
export {
  ReceiveRequest,
  AssignRequest,
  HandleRequest,
  EvaluateRequest,
  CloseRequest,
  ComputeRequestDeadlines,
  enterpriseRequestCommands,
  enterpriseRequestCommandDates,
} from './enterprise-request.commands';
export type { EnterpriseRequestCommand } from './enterprise-request.commands';
export { initialEnterpriseRequestState, currentRound } from './enterprise-request.state';
export type {
  RequestStatus,
  HandlingRound,
  EnterpriseRequest,
  NoRequest,
  EnterpriseRequestState,
} from './enterprise-request.state';
export { evolveEnterpriseRequest } from './enterprise-request.evolve';
export {
  enterpriseRequestDecider,
  makeEnterpriseRequestDecider,
  requestOverdueOn,
  handlingDeadline,
  requireNotReceived,
  requireReceived,
  requireOpen,
  requireUnassigned,
  requireAssigned,
  requireHandled,
  requireSatisfied,
  requireStepInOrder,
  decideComputeRequestDeadlines,
} from './enterprise-request.decide';
export type { EnterpriseRequestDeciderDeps, RequestOverdue } from './enterprise-request.decide';
export { defaultEnterpriseRequestPolicy } from './enterprise-request.policy';
export type { EnterpriseRequestPolicy } from './enterprise-request.policy';
export { enterpriseRequestErrors } from './enterprise-request.errors';
export type { EnterpriseRequestErrorCode } from './enterprise-request.errors';
export {
  requestKindLabels,
  requestChannelLabels,
  requestCategoryLabels,
  requestStatusLabels,
} from './enterprise-request.vocabulary';
