import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import { commandHandler, type Decider } from './command-handler';
import { StoreUnavailableError, WrongExpectedRevisionError } from './errors';
import type { EventStore } from './port';
import { type StoreUnderTest, temporarySqliteStore, testContext } from './testing';

// Invented miniatures, not the real rules.
type RoomEvent =
  | { readonly type: 'RoomBooked'; readonly data: { readonly by: string } }
  | { readonly type: 'RoomReleased'; readonly data: Record<string, never> };
type Room = { readonly status: 'free' } | { readonly status: 'booked'; readonly by: string };
type RoomCommand = { readonly type: 'BookRoom'; readonly by: string } | { readonly type: 'ReleaseRoom' };
type RoomError = { readonly code: 'ROOM_TAKEN'; readonly params: { readonly holder: string } };

const room: Decider<RoomCommand, RoomEvent, Room, RoomError> = {
  initialState: { status: 'free' },
  evolve: (_, e) => (e.type === 'RoomBooked' ? { status: 'booked', by: e.data.by } : { status: 'free' }),
  decide: (c, s): Either<RoomError, ReadonlyArray<RoomEvent>> => {
    if (c.type === 'ReleaseRoom')
      return E.right(s.status === 'booked' ? [{ type: 'RoomReleased', data: {} }] : []);
    return s.status === 'free'
      ? E.right([{ type: 'RoomBooked', data: { by: c.by } }])
      : s.by === c.by
        ? E.right([])
        : E.left({ code: 'ROOM_TAKEN', params: { holder: s.by } });
  },
  isTerminal: (s) => s.status === 'booked',
};
const book = (by: string): RoomCommand => ({ type: 'BookRoom', by });

// Not idempotent on purpose: only the command id stops a retried deposit from counting twice.
type Deposited = { readonly type: 'Deposited'; readonly data: { readonly amount: number } };
const account: Decider<{ readonly amount: number }, Deposited, number, never> = {
  initialState: 0,
  evolve: (total, e) => total + e.data.amount,
  decide: (c) => E.right([{ type: 'Deposited', data: { amount: c.amount } }]),
  isTerminal: () => false,
};

/** The store with some methods replaced (a spread would lose the class's prototype methods). */
const withOverrides = (store: EventStore, overrides: Partial<EventStore>): EventStore => ({
  append: (...a) => store.append(...a),
  readStream: (...a) => store.readStream(...a),
  readAll: (...a) => store.readAll(...a),
  subscribeToAll: (...a) => store.subscribeToAll(...a),
  verifyStream: (...a) => store.verifyStream(...a),
  verifyAll: () => store.verifyAll(),
  close: () => store.close(),
  ...overrides,
});

/** The store, counting its stream reads. */
const countingReads = (store: EventStore): { store: EventStore; reads: () => number } => {
  let reads = 0;
  return {
    store: withOverrides(store, {
      readStream: (...a) => {
        reads += 1;
        return store.readStream(...a);
      },
    }),
    reads: () => reads,
  };
};

// Every behaviour holds whether the handler reads each stream anew or keeps folded states.
describe.each([
  { mode: 'reading every stream', cachedStreams: 0 },
  { mode: 'with a cache of folded states', cachedStreams: 100 },
])('command handler, $mode', ({ cachedStreams }) => {
  let sut: StoreUnderTest;
  beforeEach(async () => {
    sut = await temporarySqliteStore();
  });
  afterEach(async () => {
    await sut.dispose();
  });

  it('reads, folds, decides and appends with the expected revision', async () => {
    const handle = commandHandler(sut.store, room, { cachedStreams });
    const outcome = await handle('room-1', book('unit-a'), testContext());
    expect(E.isRight(outcome) && outcome.right).toMatchObject({
      state: { status: 'booked', by: 'unit-a' },
      newEvents: [{ type: 'RoomBooked', data: { by: 'unit-a' } }],
      nextExpectedRevision: 0,
      terminal: true,
      attempts: 1,
      appended: { duplicate: false },
    });
    const [stored] = await sut.store.readStream('room-1');
    expect(E.isRight(outcome) && outcome.right.position).toBe(stored?.globalPosition);
  });

  it('appends nothing when the command is already satisfied', async () => {
    const handle = commandHandler(sut.store, room, { cachedStreams });
    const first = await handle('room-1', book('unit-a'), testContext());
    const again = await handle('room-1', book('unit-a'), testContext());
    expect(E.isRight(again) && again.right).toMatchObject({
      newEvents: [],
      appended: undefined,
      nextExpectedRevision: 0,
      position: E.isRight(first) ? first.right.position : 'no first outcome',
    });
    expect(await sut.store.readStream('room-1')).toHaveLength(1);
  });

  it('returns a business refusal as Left and appends nothing', async () => {
    const handle = commandHandler(sut.store, room, { cachedStreams });
    await handle('room-1', book('unit-a'), testContext());
    const refused = await handle('room-1', book('unit-b'), testContext());
    expect(refused).toEqual(E.left({ code: 'ROOM_TAKEN', params: { holder: 'unit-a' } }));
    expect(await sut.store.readStream('room-1')).toHaveLength(1);
  });

  it('a repeated command id counts once even when decide would emit again', async () => {
    const handle = commandHandler(sut.store, account, { cachedStreams });
    const ctx = testContext();
    const first = await handle('acct-1', { amount: 100 }, ctx);
    const retried = await handle('acct-1', { amount: 100 }, ctx);
    expect(E.isRight(retried) && retried.right).toMatchObject({
      state: 100,
      newEvents: [],
      appended: { duplicate: true },
    });
    expect(E.isRight(retried) && retried.right.appended?.events).toEqual(
      E.isRight(first) && first.right.appended?.events,
    );
    expect(await sut.store.readStream('acct-1')).toHaveLength(1);
  });

  it('a repeated command id gets the first answer although the stream moved on and deciding again would refuse', async () => {
    const handle = commandHandler(sut.store, room, { cachedStreams });
    const ctx = testContext({ commandId: 'book-a' });
    const first = await handle('room-1', book('unit-a'), ctx);
    await handle('room-1', { type: 'ReleaseRoom' }, testContext());
    await handle('room-1', book('unit-b'), testContext());
    // Deciding book('unit-a') now would be ROOM_TAKEN by unit-b; the retry still gets the first answer.
    const retried = await handle('room-1', book('unit-a'), ctx);
    expect(E.isRight(first) && E.isRight(retried)).toBe(true);
    if (!E.isRight(first) || !E.isRight(retried)) return;
    expect(retried.right.appended).toEqual({ ...first.right.appended, duplicate: true });
    expect(retried.right).toMatchObject({
      newEvents: [],
      state: { status: 'booked', by: 'unit-b' },
      nextExpectedRevision: 2,
    });
    expect(await sut.store.readStream('room-1')).toHaveLength(3);
  });

  it('answers the first answer before checking the caller’s expected revision or authorisation', async () => {
    const handle = commandHandler(sut.store, account, { cachedStreams });
    const ctx = testContext();
    await handle('acct-1', { amount: 5 }, ctx);
    await handle('acct-1', { amount: 7 }, testContext());
    const retried = await handle('acct-1', { amount: 5 }, ctx, {
      expectedRevision: 'no-stream',
      authorize: () => 'DENIED' as const,
    });
    expect(E.isRight(retried) && retried.right.appended).toMatchObject({
      duplicate: true,
      nextExpectedRevision: 0,
    });
  });

  it('refuses a caller whose expected revision is not the stream’s, without deciding or retrying', async () => {
    const handle = commandHandler(sut.store, account, { cachedStreams });
    await handle('acct-1', { amount: 1 }, testContext());
    expect(await handle('acct-1', { amount: 2 }, testContext(), { expectedRevision: 'no-stream' })).toEqual(
      E.left({
        code: 'WRONG_EXPECTED_REVISION',
        params: { streamName: 'acct-1', expected: 'no-stream', actual: 0 },
      }),
    );
    const ok = await handle('acct-1', { amount: 2 }, testContext(), { expectedRevision: 0 });
    expect(E.isRight(ok) && ok.right.nextExpectedRevision).toBe(1);
    // A conflict at append time (someone wrote between read and append) is not re-decided either.
    let appends = 0;
    const racing = withOverrides(sut.store, {
      append: async (...a) => {
        appends += 1;
        await sut.store.append('acct-1', [{ type: 'Deposited', data: { amount: 100 } }], {
          expectedRevision: 'any',
          context: testContext(),
        });
        return sut.store.append(...a);
      },
    });
    const raced = await commandHandler(racing, account, { cachedStreams })(
      'acct-1',
      { amount: 3 },
      testContext(),
      {
        expectedRevision: 1,
      },
    );
    expect(raced).toEqual(
      E.left({ code: 'WRONG_EXPECTED_REVISION', params: { streamName: 'acct-1', expected: 1, actual: 2 } }),
    );
    expect(appends).toBe(1);
  });

  it('answers a denial from authorize on the current state as Left and appends nothing', async () => {
    const handle = commandHandler(sut.store, room, { cachedStreams });
    await handle('room-1', book('unit-a'), testContext());
    const onlyFreeRooms = (s: Room) => (s.status === 'booked' ? { code: 'NOT_YOURS' as const } : undefined);
    expect(
      await handle('room-1', { type: 'ReleaseRoom' }, testContext(), { authorize: onlyFreeRooms }),
    ).toEqual(E.left({ code: 'NOT_YOURS' }));
    expect(await sut.store.readStream('room-1')).toHaveLength(1);
  });

  it('re-reads and re-decides after a concurrent write, so 20 concurrent deposits all count', async () => {
    const handle = commandHandler(sut.store, account, { maxAttempts: 25, cachedStreams });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => handle('acct-1', { amount: i + 1 }, testContext())),
    );
    expect(outcomes.every(E.isRight)).toBe(true);
    expect(outcomes.some((o) => E.isRight(o) && o.right.attempts > 1)).toBe(true);
    const total = (await sut.store.readStream('acct-1')).reduce(
      (t, e) => t + (e.data as { amount: number }).amount,
      0,
    );
    expect(total).toBe(210);
    // The last outcome to finish saw every deposit.
    const states = outcomes.map((o) => (E.isRight(o) ? o.right.state : 0));
    expect(Math.max(...states)).toBe(210);
  });

  it('lets a broken store reject: infrastructure failures are not business answers', async () => {
    const down = () => Promise.reject(new StoreUnavailableError({ cause: new Error('disk gone') }));
    const broken = withOverrides(sut.store, { readStream: down, append: down });
    await expect(
      commandHandler(broken, account, { cachedStreams })('acct-1', { amount: 1 }, testContext()),
    ).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
  });

  it('decodes stored events with the given codec, e.g. to upcast an old schema version', async () => {
    await sut.store.append('acct-1', [{ type: 'Deposited', data: { cents: 500 }, schemaVersion: 1 }], {
      expectedRevision: 'no-stream',
      context: testContext(),
    });
    const handle = commandHandler(sut.store, account, {
      cachedStreams,
      decode: (e) =>
        e.metadata.schemaVersion === 1
          ? { type: 'Deposited' as const, data: { amount: (e.data as { cents: number }).cents / 100 } }
          : (e as unknown as Deposited),
      encode: (e) => ({ type: e.type, data: e.data, schemaVersion: 2 }),
    });
    const outcome = await handle('acct-1', { amount: 1 }, testContext());
    expect(E.isRight(outcome) && outcome.right.state).toBe(6);
    const next = await handle('acct-1', { amount: 2 }, testContext());
    expect(E.isRight(next) && next.right.state).toBe(8);
  });
});

describe('command handler without a cache', () => {
  let sut: StoreUnderTest;
  beforeEach(async () => {
    sut = await temporarySqliteStore();
  });
  afterEach(async () => {
    await sut.dispose();
  });

  it('gives up after the bounded number of attempts with CONCURRENCY_CONFLICT', async () => {
    let appends = 0;
    const alwaysBehind = withOverrides(sut.store, {
      append: (name) => {
        appends += 1;
        return Promise.reject(new WrongExpectedRevisionError(name, 'no-stream', appends));
      },
    });
    const handle = commandHandler(alwaysBehind, account, { maxAttempts: 3 });
    expect(await handle('acct-1', { amount: 1 }, testContext())).toEqual(
      E.left({
        code: 'CONCURRENCY_CONFLICT',
        params: { streamName: 'acct-1', attempts: 3, expected: 'no-stream', actual: 3 },
      }),
    );
    expect(appends).toBe(3);
  });

  it('reads the whole stream for every command', async () => {
    const { store, reads } = countingReads(sut.store);
    const handle = commandHandler(store, account);
    await handle('acct-1', { amount: 1 }, testContext());
    await handle('acct-1', { amount: 2 }, testContext());
    expect(reads()).toBe(2);
  });
});

describe('command handler with a cache of folded states', () => {
  let sut: StoreUnderTest;
  beforeEach(async () => {
    sut = await temporarySqliteStore();
  });
  afterEach(async () => {
    await sut.dispose();
  });

  it('creates a stream and then keeps deciding on it without reading it', async () => {
    const { store, reads } = countingReads(sut.store);
    const handle = commandHandler(store, account, { cachedStreams: 10 });
    for (const amount of [1, 2, 3]) await handle('acct-1', { amount }, testContext());
    const last = await handle('acct-1', { amount: 4 }, testContext());
    expect(E.isRight(last) && last.right).toMatchObject({ state: 10, nextExpectedRevision: 3, attempts: 1 });
    expect(reads()).toBe(0);
  });

  it('a write it did not make turns its cached state down at append: it reads and decides again', async () => {
    const { store, reads } = countingReads(sut.store);
    const handle = commandHandler(store, account, { cachedStreams: 10 });
    await handle('acct-1', { amount: 1 }, testContext());
    await sut.store.append('acct-1', [{ type: 'Deposited', data: { amount: 50 } }], {
      expectedRevision: 0,
      context: testContext(),
    });
    const outcome = await handle('acct-1', { amount: 2 }, testContext());
    expect(E.isRight(outcome) && outcome.right).toMatchObject({
      state: 53,
      nextExpectedRevision: 2,
      attempts: 1,
    });
    expect(reads()).toBe(1);
  });

  it('a refusal on cached state is confirmed on the stream as read before it is answered', async () => {
    const handle = commandHandler(sut.store, room, { cachedStreams: 10 });
    await handle('room-1', book('unit-a'), testContext());
    // Released behind the handler's back: its cached state still says booked by unit-a.
    await sut.store.append('room-1', [{ type: 'RoomReleased', data: {} }], {
      expectedRevision: 0,
      context: testContext(),
    });
    const outcome = await handle('room-1', book('unit-b'), testContext());
    expect(E.isRight(outcome) && outcome.right).toMatchObject({
      state: { status: 'booked', by: 'unit-b' },
      nextExpectedRevision: 2,
    });
  });

  it('a stream it has not seen is tried as new, then read when the store says it exists', async () => {
    for (const amount of [10, 20]) {
      await sut.store.append('acct-1', [{ type: 'Deposited', data: { amount } }], {
        expectedRevision: 'any',
        context: testContext(),
      });
    }
    const { store, reads } = countingReads(sut.store);
    let appends = 0;
    const counted = withOverrides(store, {
      append: (...a) => {
        appends += 1;
        return store.append(...a);
      },
    });
    const handle = commandHandler(counted, account, { cachedStreams: 10, maxAttempts: 1 });
    const outcome = await handle('acct-1', { amount: 1 }, testContext());
    // The try as a new stream costs no attempt: one attempt was enough.
    expect(E.isRight(outcome) && outcome.right).toMatchObject({
      state: 31,
      nextExpectedRevision: 2,
      attempts: 1,
    });
    expect([reads(), appends]).toEqual([1, 2]);
    expect((await sut.store.readStream('acct-1')).map((e) => e.data)).toEqual([
      { amount: 10 },
      { amount: 20 },
      { amount: 1 },
    ]);
  });

  it('confirms a mismatching expected revision on the stream as read', async () => {
    const handle = commandHandler(sut.store, account, { cachedStreams: 10 });
    await handle('acct-1', { amount: 1 }, testContext());
    await sut.store.append('acct-1', [{ type: 'Deposited', data: { amount: 1 } }], {
      expectedRevision: 0,
      context: testContext(),
    });
    // The caller saw revision 1 (the write behind the cache's back): the cache's 0 must not refuse it.
    const outcome = await handle('acct-1', { amount: 1 }, testContext(), { expectedRevision: 1 });
    expect(E.isRight(outcome) && outcome.right.nextExpectedRevision).toBe(2);
  });
});
