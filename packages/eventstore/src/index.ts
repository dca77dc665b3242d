// The package's public surface. Testing helpers (the contract suite) are in '@zhaoshang/eventstore/testing'.
export { hasIdentity, MAX_GLOBAL_POSITION, parsePosition, positionToString } from './port';
export type {
  Actor,
  AllFilter,
  AppendContext,
  AppendOptions,
  AppendResult,
  BrokenLinkReason,
  CurrentRevision,
  Direction,
  EventImporter,
  EventMetadata,
  EventStore,
  EventStoreIdentity,
  EventStoreIdentitySource,
  ExpectedRevision,
  GlobalPosition,
  ImportResult,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  StreamName,
  StreamRevision,
  SubscribeOptions,
  VerifyOptions,
  VerifyResult,
} from './port';
export {
  AppendTooLargeError,
  EventIdConflictError,
  EventStoreError,
  ImportRefusedError,
  isEventStoreError,
  renderStoreMessage,
  StoreUnavailableError,
  storeErrorMessages,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from './errors';
export type { ErrorParams, EventStoreErrorCode, ImportRefusalReason, Language } from './errors';
export { canonicalJson, ChainVerifier, eventHash, GENESIS_HASH, hashesOfStoredText } from './hash-chain';
export type { BrokenLink, HashedContent, StoredEventText } from './hash-chain';
export { commandHandler } from './command-handler';
export { readStreamOrEmpty } from './read-stream';
export type {
  CommandHandler,
  CommandHandlerOptions,
  CommandOutcome,
  ConcurrencyConflict,
  Decider,
  DomainEventShape,
  HandleOptions,
  RevisionMismatch,
} from './command-handler';
export { StreamStateCache } from './stream-state-cache';
export type { FoldedStream } from './stream-state-cache';
export { asAsyncIterable } from './async-iterable';
export { copyStore, streamHeads } from './copy';
export type { CopyOptions, CopyProgress, CopyReport, HeadMismatch, StreamHead } from './copy';
export { migrate, migrations, openSqliteEventStore, SqliteEventStore } from './sqlite';
export type { Migration, SqliteDurability, SqliteEventStoreOptions } from './sqlite';
export {
  appendSize,
  DEFAULT_MAX_APPEND_SIZE,
  EsdbEventStore,
  IDENTITY_STREAM,
  openEsdbEventStore,
} from './esdb';
export type { EsdbAllSubscription, EsdbClient, EsdbEventStoreOptions } from './esdb';
export * from './transparency';
