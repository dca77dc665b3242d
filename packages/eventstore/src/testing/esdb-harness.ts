import { EsdbEventStore, type EsdbEventStoreOptions } from '../esdb/esdb-event-store';
import type { StoreUnderTest } from './contract';
import { InProcessEsdbClient, type EsdbClientDoubleOptions } from './esdb-client-double';

/**
 * The EventStoreDB adapter over the in-process client double, for tests (the adapter's own code
 * runs; the server is the double, see esdb-client-double.ts for what it reproduces and why).
 */
export const doubledEsdbStore = (
  options: {
    readonly client?: EsdbClientDoubleOptions;
    readonly adapter?: Omit<EsdbEventStoreOptions, 'connectionString'>;
  } = {},
): StoreUnderTest & { readonly store: EsdbEventStore; readonly client: InProcessEsdbClient } => {
  const client = new InProcessEsdbClient(options.client);
  const store = new EsdbEventStore(client, options.adapter);
  return { store, client, dispose: () => store.close() };
};
