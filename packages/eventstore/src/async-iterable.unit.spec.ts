import { Observable, Subject } from 'rxjs';
import { asAsyncIterable } from './async-iterable';

describe('asAsyncIterable', () => {
  it('yields values in order, including those pushed while the loop body awaits, and ends on complete', async () => {
    const subject = new Subject<number>();
    const seen: number[] = [];
    const loop = (async () => {
      for await (const n of asAsyncIterable(subject)) {
        seen.push(n);
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    for (let i = 0; i < 5; i++) subject.next(i);
    await new Promise((r) => setTimeout(r, 5));
    subject.next(5);
    subject.complete();
    await loop;
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('unsubscribes when the loop breaks, and rethrows an error', async () => {
    let unsubscribed = false;
    const source = new Observable<number>((s) => {
      s.next(1);
      s.next(2);
      return () => (unsubscribed = true);
    });
    for await (const n of asAsyncIterable(source)) if (n === 1) break;
    expect(unsubscribed).toBe(true);
    const failing = new Observable<number>((s) => s.error(new Error('boom')));
    await expect(
      (async () => {
        for await (const _ of asAsyncIterable(failing)) void _;
      })(),
    ).rejects.toThrow('boom');
  });
});
