import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import { commandHandler, type Decider } from './command-handler';
import { StoreUnavailableError, WrongExpectedRevisionError } from './errors';
import type { EventStore } from './port';
import { type StoreUnderTest, temporarySqliteStore, testContext } from './testing';

// Invented miniatures, not the real rules.
type RoomEvent = { readonly type: 'RoomBooked'; readonly data: { readonly by: string } };
type Room = { readonly status: 'free' } | { readonly status: 'booked'; readonly by: string };
type Book = { readonly type: 'BookRoom'; readonly by: string };
type RoomError = { readonly code: 'ROOM_TAKEN'; readonly params: { readonly holder: string } };

const room: Decider<Book, RoomEvent, Room, RoomError> = {
  initialState: { status: 'free' },
  evolve: (_, e) => ({ status: 'booked', by: e.data.by }),
  decide: (c, s): Either<RoomError, ReadonlyArray<RoomEvent>> =>
    s.status === 'free'
      ? E.right([{ type: 'RoomBooked', data: { by: c.by } }])
      : s.by === c.by
        ? E.right([])
        : E.left({ code: 'ROOM_TAKEN', params: { holder: s.by } }),
  isTerminal: (s) => s.status === 'booked',
};

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

describe('command handler', () => {
  let sut: StoreUnderTest;
  beforeEach(async () => {
    sut = await temporarySqliteStore();
  });
  afterEach(async () => {
    await sut.dispose();
  });

  it('reads, folds, decides and appends with the expected revision', async () => {
    const handle = commandHandler(sut.store, room);
    const outcome = await handle('room-1', { type: 'BookRoom', by: 'unit-a' }, testContext());
    expect(E.isRight(outcome) && outcome.right).toMatchObject({
      state: { status: 'booked', by: 'unit-a' },
      newEvents: [{ type: 'RoomBooked', data: { by: 'unit-a' } }],
      nextExpectedRevision: 0,
      terminal: true,
      attempts: 1,
      appended: { duplicate: false },
    });
  });

  it('appends nothing when the command is already satisfied', async () => {
    const handle = commandHandler(sut.store, room);
    await handle('room-1', { type: 'BookRoom', by: 'unit-a' }, testContext());
    const again = await handle('room-1', { type: 'BookRoom', by: 'unit-a' }, testContext());
    expect(E.isRight(again) && again.right).toMatchObject({
      newEvents: [],
      appended: undefined,
      nextExpectedRevision: 0,
    });
    expect(await sut.store.readStream('room-1')).toHaveLength(1);
  });

  it('returns a business refusal as Left and appends nothing', async () => {
    const handle = commandHandler(sut.store, room);
    await handle('room-1', { type: 'BookRoom', by: 'unit-a' }, testContext());
    const refused = await handle('room-1', { type: 'BookRoom', by: 'unit-b' }, testContext());
    expect(refused).toEqual(E.left({ code: 'ROOM_TAKEN', params: { holder: 'unit-a' } }));
    expect(await sut.store.readStream('room-1')).toHaveLength(1);
  });

  it('a repeated command id counts once even when decide would emit again', async () => {
    const handle = commandHandler(sut.store, account);
    const ctx = testContext();
    await handle('acct-1', { amount: 100 }, ctx);
    const retried = await handle('acct-1', { amount: 100 }, ctx);
    expect(E.isRight(retried) && retried.right).toMatchObject({
      state: 100,
      newEvents: [],
      appended: { duplicate: true },
    });
    expect(await sut.store.readStream('acct-1')).toHaveLength(1);
  });

  it('re-reads and re-decides after a concurrent write, so 20 concurrent deposits all count', async () => {
    const handle = commandHandler(sut.store, account, { maxAttempts: 25 });
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
      E.left({ code: 'CONCURRENCY_CONFLICT', params: { streamName: 'acct-1', attempts: 3 } }),
    );
    expect(appends).toBe(3);
  });

  it('lets a broken store reject: infrastructure failures are not business answers', async () => {
    const broken = withOverrides(sut.store, {
      readStream: () => Promise.reject(new StoreUnavailableError({ cause: new Error('disk gone') })),
    });
    await expect(
      commandHandler(broken, account)('acct-1', { amount: 1 }, testContext()),
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
      decode: (e) =>
        e.metadata.schemaVersion === 1
          ? { type: 'Deposited' as const, data: { amount: (e.data as { cents: number }).cents / 100 } }
          : (e as unknown as Deposited),
      encode: (e) => ({ type: e.type, data: e.data, schemaVersion: 2 }),
    });
    const outcome = await handle('acct-1', { amount: 1 }, testContext());
    expect(E.isRight(outcome) && outcome.right.state).toBe(6);
  });
});
