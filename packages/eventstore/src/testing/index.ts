export { eventStoreContract, testContext } from './contract';
export type { ContractOptions, MakeStore, StoreUnderTest } from './contract';
export { flipLastDigit, makeTempDir, temporarySqliteStore, testPositions } from './sqlite-harness';
export { recordedEvents, rehashed } from './recorded';
export { InProcessEsdbClient } from './esdb-client-double';
export type { EsdbClientDoubleOptions } from './esdb-client-double';
export { doubledEsdbStore } from './esdb-harness';
