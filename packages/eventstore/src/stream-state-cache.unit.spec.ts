import { StreamStateCache } from './stream-state-cache';

const at = (revision: number | 'no-stream', state = `s@${String(revision)}`) => ({
  state,
  revision,
  position: revision === 'no-stream' ? undefined : BigInt(revision + 100),
});

describe('StreamStateCache', () => {
  it('keeps the later revision whatever order entries arrive in', () => {
    const cache = new StreamStateCache<string>(10);
    cache.remember('a', at(3));
    cache.remember('a', at(1)); // a slower command finishing after a faster one
    cache.remember('a', at(3, 'another fold of the same revision'));
    expect(cache.get('a')).toEqual(at(3));
    cache.remember('a', at(4));
    expect(cache.get('a')?.revision).toBe(4);
    cache.remember('b', at('no-stream'));
    cache.remember('b', at(0));
    expect(cache.get('b')?.revision).toBe(0);
  });

  it('forgets the least recently used stream beyond its capacity', () => {
    const cache = new StreamStateCache<string>(2);
    cache.remember('a', at(0));
    cache.remember('b', at(0));
    cache.get('a'); // a is now more recent than b
    cache.remember('c', at(0));
    expect([
      cache.get('a') !== undefined,
      cache.get('b') !== undefined,
      cache.get('c') !== undefined,
    ]).toEqual([true, false, true]);
    expect(cache.size).toBe(2);
  });

  it('holds nothing with a capacity of 0', () => {
    const cache = new StreamStateCache<string>(0);
    cache.remember('a', at(0));
    expect(cache.get('a')).toBeUndefined();
  });
});
