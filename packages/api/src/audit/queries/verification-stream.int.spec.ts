import { temporarySqliteStore, testContext } from '@zhaoshang/eventstore/testing';
import { verificationBody } from './verification-stream';

describe('the whole-store verification body (NDJSON)', () => {
  let t: Awaited<ReturnType<typeof temporarySqliteStore>>;
  beforeAll(async () => {
    t = await temporarySqliteStore({ durability: 'normal' });
    for (let s = 0; s < 5; s++)
      await t.store.append(
        `s-${s}`,
        Array.from({ length: 500 }, (_, n) => ({ type: 'T', data: { n } })),
        {
          expectedRevision: 'no-stream',
          context: testContext(),
        },
      );
  });
  afterAll(() => t.dispose());

  it('writes progress lines (with the head it started from), then the report', async () => {
    let out = '';
    await verificationBody(t.store, { progressEveryMs: 0 })(async (chunk) => {
      out += chunk;
    }, new AbortController().signal);
    expect(
      out
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { progress: { checked: 1_000, position: '1000', head: '2500' } },
      { progress: { checked: 2_000, position: '2000', head: '2500' } },
      { progress: { checked: 2_500, position: '2500', head: '2500' } },
      { report: { ok: true, scope: '$all', checked: 2_500 } },
    ]);
  });

  it('writes at most one progress line per interval', async () => {
    let clock = 0;
    let out = '';
    await verificationBody(t.store, { progressEveryMs: 1_000, now: () => (clock += 600) })(async (chunk) => {
      out += chunk;
    }, new AbortController().signal);
    // The clock moves 600 ms per reading: one page in two is reported.
    expect(out.split('\n').filter((l) => l.startsWith('{"progress"'))).toHaveLength(1);
    expect(out).toContain('"report":{"ok":true');
  });

  it('stops between pages when the client leaves, and writes no report', async () => {
    const gone = new AbortController();
    let out = '';
    const body = verificationBody(t.store, { progressEveryMs: 0 })(async (chunk) => {
      out += chunk;
      gone.abort(new Error('the client closed the connection'));
    }, gone.signal);
    await expect(body).rejects.toThrow('the client closed the connection');
    expect(out).not.toContain('report');
  });
});
