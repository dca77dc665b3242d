export { EsdbEventStore, openEsdbEventStore, packPosition, unpackPosition } from './esdb-event-store';
export type { EsdbEventStoreOptions } from './esdb-event-store';
