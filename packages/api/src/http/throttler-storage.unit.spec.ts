import { SlidingWindowThrottlerStorage } from './throttler-storage';

const MINUTE = 60_000;

describe('SlidingWindowThrottlerStorage', () => {
  let now = 0;
  let storage: SlidingWindowThrottlerStorage;
  const hit = (key = 'client-a', limit = 3) => storage.increment(key, MINUTE, limit, MINUTE, 'default');
  beforeEach(() => {
    now = 1_000_000;
    storage = new SlidingWindowThrottlerStorage(() => now);
  });

  it('blocks the hit beyond the limit, then every hit for the block duration', async () => {
    expect((await Promise.all([hit(), hit(), hit()])).map((r) => r.isBlocked)).toEqual([false, false, false]);
    const fourth = await hit();
    expect(fourth).toMatchObject({ isBlocked: true, totalHits: 4, timeToBlockExpire: 60 });
    now += 30_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    expect((await hit('client-b')).isBlocked).toBe(false); // keys are counted apart
  });

  it('counts the previous window by how much of it still lies within the last ttl', async () => {
    for (let i = 0; i < 10; i++) await hit('k', 100);
    now += MINUTE + MINUTE / 4; // three quarters of the previous window still overlap
    expect((await hit('k', 100)).totalHits).toBe(Math.ceil(10 * 0.75) + 1);
    now += MINUTE; // two windows later nothing of the first one counts
    expect((await hit('k', 100)).totalHits).toBe(Math.ceil(1 * 0.75) + 1);
  });

  it('lets a client whose block ended through again', async () => {
    for (let i = 0; i < 4; i++) await hit();
    now += 2 * MINUTE + 1;
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('a steady client just under the limit is never blocked, one just above it is', async () => {
    // 600 a minute allowed: one hit every 105 ms (571 a minute) for five minutes, then every 90 ms (667).
    for (let i = 0; i < 3000; i++, now += 105) expect((await hit('steady', 600)).isBlocked).toBe(false);
    let blocked = false;
    for (let i = 0; i < 3000 && !blocked; i++, now += 90) blocked = (await hit('faster', 600)).isBlocked;
    expect(blocked).toBe(true);
  });

  it('forgets idle keys', async () => {
    await hit('idle');
    now += 3 * MINUTE;
    for (let i = 0; i < 10_000; i++) await hit('busy', 1_000_000);
    expect(storage.size).toBe(1);
  });
});
