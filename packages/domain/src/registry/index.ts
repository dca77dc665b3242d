export { defineAggregate, foldStored } from './aggregate';
export type { Aggregate, AggregateDefinition, AnyCommandShape, CommandCodecs, FoldError } from './aggregate';
export {
  aggregates,
  aggregateNames,
  aggregateOfCommand,
  aggregateOfStream,
  withAggregateOf,
  readStreamEvent,
  readEventOf,
  commandCodecs,
  commandFactDates,
  commandBusinessDate,
} from './aggregates';
export type {
  AggregateTypes,
  AggregateName,
  AggregateOf,
  AggregateCommand,
  AggregateEvent,
  CommandOfAggregate,
  EventOfAggregate,
  StateOfAggregate,
  AnyCommand,
  AnyCommandType,
  CommandOfType,
  StreamEventError,
} from './aggregates';
export {
  streamPrefixes,
  projectStream,
  targetPlanStream,
  leaderStream,
  bulletinStream,
  WORKING_CALENDAR_STREAM,
  enterpriseRequestStream,
  // land (R19)
  plotStream,
  landQuotaStream,
  // Leading-group meetings (R20)
  meetingStream,
} from './streams';
// advisors (招商顾问, R21 · 002 §八)
export { advisorStream } from './streams';
