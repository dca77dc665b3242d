import { QueryCache } from './query-cache';

describe('QueryCache', () => {
  const counting = () => {
    let calls = 0;
    return {
      compute: async () => {
        calls += 1;
        return { calls };
      },
      get calls() {
        return calls;
      },
    };
  };

  it('answers from memory while the checkpoint stays, and computes again once it moves', async () => {
    const cache = new QueryCache(10);
    const c = counting();
    expect(await cache.answer('k', 5n, c.compute)).toEqual({ calls: 1 });
    expect(await cache.answer('k', 5n, c.compute)).toEqual({ calls: 1 });
    expect(await cache.answer('k', 6n, c.compute)).toEqual({ calls: 2 });
    expect(c.calls).toBe(2);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 1, misses: 2 });
  });

  it('shares one computation between concurrent identical queries', async () => {
    const cache = new QueryCache(10);
    const c = counting();
    const answers = await Promise.all([1, 2, 3].map(() => cache.answer('k', 1n, c.compute)));
    expect(c.calls).toBe(1);
    expect(answers).toEqual([{ calls: 1 }, { calls: 1 }, { calls: 1 }]);
  });

  it('forgets a failed computation', async () => {
    const cache = new QueryCache(10);
    await expect(cache.answer('k', 1n, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await Promise.resolve();
    expect(await cache.answer('k', 1n, async () => 'ok')).toBe('ok');
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = new QueryCache(2);
    const c = counting();
    await cache.answer('a', 1n, c.compute);
    await cache.answer('b', 1n, c.compute);
    await cache.answer('a', 1n, c.compute); // a is now the most recent
    await cache.answer('c', 1n, c.compute); // drops b
    expect(cache.size).toBe(2);
    await cache.answer('a', 1n, c.compute);
    expect(c.calls).toBe(3);
    await cache.answer('b', 1n, c.compute);
    expect(c.calls).toBe(4);
  });

  it('with 0 entries computes every time', async () => {
    const cache = new QueryCache(0);
    const c = counting();
    await cache.answer('k', 1n, c.compute);
    await cache.answer('k', 1n, c.compute);
    expect(c.calls).toBe(2);
    expect(cache.size).toBe(0);
  });
});
