import { StoreUnavailableError } from '../errors';
import { eventStoreContract, testContext } from '../testing';
import { openEsdbEventStore, packPosition, unpackPosition } from './esdb-event-store';

/**
 * Runs the contract against a real EventStoreDB/KurrentDB when EVENTSTORE_CONNECTION_STRING is set,
 * e.g. `EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npx jest --selectProjects eventstore esdb`.
 * Without it the suite says so and registers todos: a skipped server is never counted as passed.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

describe('EventStoreDB positions', () => {
  it('pack (commit, prepare) into one bigint that keeps the server order and unpacks exactly', () => {
    const a = { commit: 1_000n, prepare: 1_000n };
    const b = { commit: 1_000n, prepare: 1_200n }; // same append, next event
    const c = { commit: 2n ** 40n, prepare: 2n ** 40n };
    expect(packPosition(a) < packPosition(b)).toBe(true);
    expect(packPosition(b) < packPosition(c)).toBe(true);
    for (const p of [a, b, c, { commit: 2n ** 63n - 1n, prepare: 2n ** 63n - 1n }])
      expect(unpackPosition(packPosition(p))).toEqual(p);
  });
});

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
    'EventStoreDB contract suite SKIPPED: set EVENTSTORE_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false) to run it.',
  );
  describe('EventStore contract: EventStoreDB (SKIPPED: EVENTSTORE_CONNECTION_STRING is not set)', () => {
    it.todo('run the EventStore contract against EventStoreDB (needs EVENTSTORE_CONNECTION_STRING)');
  });
} else {
  eventStoreContract('EventStoreDB', async () => {
    const store = openEsdbEventStore({ connectionString });
    return { store, dispose: () => store.close() };
  });
}
