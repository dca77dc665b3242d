// The README's quick start, run as a test so that it cannot drift. Keep the two in step.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { firstValueFrom, take, toArray } from 'rxjs';
import { makeTempDir } from '@zhaoshang/eventstore/testing';
// --- README: quick start ---
import { commandHandler, openSqliteEventStore, type Decider } from '@zhaoshang/eventstore';

type Booked = { readonly type: 'RoomBooked'; readonly data: { readonly by: string } };
type Room = { readonly status: 'free' } | { readonly status: 'booked'; readonly by: string };
type BookRoom = { readonly by: string };
type RoomTaken = { readonly code: 'ROOM_TAKEN'; readonly params: { readonly holder: string } };

const room: Decider<BookRoom, Booked, Room, RoomTaken> = {
  initialState: { status: 'free' },
  evolve: (_, e) => ({ status: 'booked', by: e.data.by }),
  decide: (c, s) =>
    s.status === 'free'
      ? E.right([{ type: 'RoomBooked', data: { by: c.by } }])
      : s.by === c.by
        ? E.right([]) // already booked by the same unit: nothing new
        : E.left({ code: 'ROOM_TAKEN', params: { holder: s.by } }),
  isTerminal: (s) => s.status === 'booked',
};

const quickStart = async (file: string) => {
  const store = openSqliteEventStore({ file }); // WAL, synchronous=FULL: an acknowledged append survives a power cut
  const bookRoom = commandHandler(store, room); // read, fold, decide, append with the expected revision, retry on conflict

  const context = {
    commandId: 'cmd-0001', // a retried request reuses it: the store appends nothing twice
    actor: { userId: 'officer-7', role: 'project-officer', unitId: 'zone-office-3' },
    businessTime: '2025-03-01T09:30:00+08:00',
  };
  const outcome = await bookRoom('room-101', { by: 'zone-office-3' }, context);
  const retried = await bookRoom('room-101', { by: 'zone-office-3' }, context); // same command id

  const history = await store.readStream('room-101');
  const audit = await store.verifyAll(); // { ok: true, checked: 1 }, or the first broken link
  const live = await firstValueFrom(
    store.subscribeToAll({ filter: { streamPrefixes: ['room-'] } }).pipe(take(1), toArray()),
  );
  await store.close();
  return { outcome, retried, history, audit, live };
};
// --- end of README quick start ---

describe('README quick start', () => {
  it('runs as shown', async () => {
    const dir = makeTempDir('readme');
    try {
      const { outcome, retried, history, audit, live } = await quickStart(join(dir, 'events.sqlite'));
      expect(E.isRight(outcome) && outcome.right.nextExpectedRevision).toBe(0);
      expect(E.isRight(retried) && retried.right.newEvents).toEqual([]);
      expect(history.map((e) => [e.type, e.data, e.metadata.actor.unitId])).toEqual([
        ['RoomBooked', { by: 'zone-office-3' }, 'zone-office-3'],
      ]);
      expect(audit).toEqual({ ok: true, checked: 1 });
      expect(live.map((e) => e.streamName)).toEqual(['room-101']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
