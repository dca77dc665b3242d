import { StoreUnavailableError } from '../errors';
import { doubledEsdbStore, eventStoreContract, testContext } from '../testing';
import { openEsdbEventStore } from './esdb-event-store';

/**
 * The EventStoreDB adapter runs here against the in-process client double (always), and against a
 * real EventStoreDB/KurrentDB when EVENTSTORE_CONNECTION_STRING is set, e.g.
 * `EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npx jest --selectProjects eventstore esdb`.
 * Without it the server suite says so and registers todos: a skipped server is never counted as passed.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

// The double's log starts with system events and writes one after every third append (B6), so
// pages of $all end on system events; positions are byte offsets (B1), here beyond 2^53.
eventStoreContract('EventStoreDB adapter on the client double', () => Promise.resolve(doubledEsdbStore()), {
  subscriptionEvents: 2_000,
  commandIdsAnywhere: false,
});
eventStoreContract(
  'EventStoreDB adapter on the client double, positions beyond 2^53, small pages',
  () =>
    Promise.resolve(
      doubledEsdbStore({
        client: { firstPosition: 2n ** 53n + 7n, systemEventEvery: 2 },
        adapter: { pageSize: 4 },
      }),
    ),
  { subscriptionEvents: 500, writers: 8, commandIdsAnywhere: false },
);

describe('EventStoreDB adapter without a server', () => {
  it('rejects with STORE_UNAVAILABLE and keeps the driver error as cause', async () => {
    // Port 1 on the loopback refuses at once: no network and no server needed.
    const store = openEsdbEventStore({
      connectionString: 'esdb://127.0.0.1:1?tls=false&defaultDeadline=5000',
    });
    try {
      const error: unknown = await store.readStream('anything').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as StoreUnavailableError).cause).toBeInstanceOf(Error);
      await expect(
        store.append('anything', [{ type: 'T', data: {} }], {
          expectedRevision: 'any',
          context: testContext(),
        }),
      ).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    } finally {
      await store.close();
    }
  });
});

if (connectionString === undefined || connectionString === '') {
  // Said when the file loads: hooks of a describe holding only todos never run.
  console.warn(
    'EventStoreDB contract suite against a real server SKIPPED: set EVENTSTORE_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false) to run it. The adapter still ran against the client double above.',
  );
  describe('EventStore contract: EventStoreDB server (SKIPPED: EVENTSTORE_CONNECTION_STRING is not set)', () => {
    it.todo('run the EventStore contract against a real EventStoreDB (needs EVENTSTORE_CONNECTION_STRING)');
  });
} else {
  eventStoreContract(
    'EventStoreDB server',
    () => {
      const store = openEsdbEventStore({ connectionString });
      return Promise.resolve({ store, dispose: () => store.close() });
    },
    { commandIdsAnywhere: false },
  );
}
