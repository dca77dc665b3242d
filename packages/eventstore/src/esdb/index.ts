export {
  appendSize,
  commandEventId,
  DEFAULT_MAX_APPEND_SIZE,
  EsdbEventStore,
  IDENTITY_STREAM,
  importRuns,
  openEsdbEventStore,
} from './esdb-event-store';
export type { EsdbAllSubscription, EsdbClient, EsdbEventStoreOptions } from './esdb-event-store';
