// The package's public surface. Testing helpers (the contract suite) are in '@zhaoshang/eventstore/testing'.
export { parsePosition, positionToString } from './port';
export type {
  Actor,
  AllFilter,
  AppendContext,
  AppendOptions,
  AppendResult,
  BrokenLinkReason,
  CurrentRevision,
  Direction,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  StreamName,
  StreamRevision,
  SubscribeOptions,
  VerifyResult,
} from './port';
export {
  EventIdConflictError,
  EventStoreError,
  isEventStoreError,
  renderStoreMessage,
  StoreUnavailableError,
  storeErrorMessages,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from './errors';
export type { ErrorParams, EventStoreErrorCode, Language } from './errors';
export { canonicalJson, ChainVerifier, eventHash, GENESIS_HASH, hashesOfStoredText } from './hash-chain';
export type { BrokenLink, HashedContent, StoredEventText } from './hash-chain';
export { commandHandler } from './command-handler';
export type {
  CommandHandler,
  CommandHandlerOptions,
  CommandOutcome,
  ConcurrencyConflict,
  Decider,
  DomainEventShape,
} from './command-handler';
export { asAsyncIterable } from './async-iterable';
export { migrate, migrations, openSqliteEventStore, SqliteEventStore } from './sqlite';
export type { Migration, SqliteDurability, SqliteEventStoreOptions } from './sqlite';
export { EsdbEventStore, openEsdbEventStore, packPosition, unpackPosition } from './esdb';
export type { EsdbEventStoreOptions } from './esdb';
