/**
 * @zhaoshang/eventstore — the event store port, its embedded SQLite and EventStoreDB adapters, the
 * command handler over a decider, the hash chain, the store copy and the transparency log.
 * What a user of the package needs, by name; testing helpers (the contract suite, temporary stores,
 * the EventStoreDB client double) are in '@zhaoshang/eventstore/testing'.
 */

// The port
export { MAX_GLOBAL_POSITION, parsePosition, positionToString } from './port';
export type {
  Actor,
  AllFilter,
  AppendContext,
  AppendOptions,
  AppendResult,
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

// Errors (each renders itself in zh and en)
export {
  AppendTooLargeError,
  EventIdConflictError,
  EventStoreError,
  ImportRefusedError,
  isEventStoreError,
  StoreUnavailableError,
  storeErrorMessages,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from './errors';
export type { EventStoreErrorCode } from './errors';
export { asAsyncIterable } from './async-iterable';

// The hash chain (what an auditor recomputes)
export { canonicalJson, eventHash, GENESIS_HASH } from './hash-chain';
export type { HashedContent } from './hash-chain';

// Deciding and appending
export { commandHandler } from './command-handler';
export { readStreamOrEmpty } from './read-stream';
export type {
  CommandHandler,
  CommandHandlerOptions,
  CommandOutcome,
  ConcurrencyConflict,
  Decider,
  HandleOptions,
  RevisionMismatch,
} from './command-handler';

// The adapters and moving a store between them
export { openSqliteEventStore, SqliteEventStore } from './sqlite';
export type { SqliteDurability, SqliteEventStoreOptions } from './sqlite';
export { openEsdbEventStore } from './esdb';
export type { EsdbEventStoreOptions } from './esdb';
export { copyStore, streamHeads } from './copy';
export type { CopyOptions, CopyProgress, CopyReport } from './copy';

// The transparency log (RFC 9162 tree over $all, C2SP signed notes and checkpoints; SM2/SM3 as well)
export {
  checkHistoryAgainst,
  checkpointText,
  generateNoteKey,
  generateSm2PrivateKey,
  isTreeHashAlgorithm,
  MemoryNodeStorage,
  MemoryTransparencyStorage,
  MerkleTree,
  openNote,
  parseCheckpointText,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  sm2PublicKeyOf,
  sm2Sign,
  sm2Verify,
  SqliteTransparencyStorage,
  TransparencyLog,
  treeHasher,
  verifyConsistency,
  verifyInclusion,
} from './transparency';
export type {
  Checkpoint,
  EventRef,
  HistoryCheck,
  NoteSigner,
  NoteVerifier,
  ParsedNote,
  TransparencyStorage,
  TreeHashAlgorithm,
  TreeHasher,
} from './transparency';
