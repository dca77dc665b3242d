import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CodedApiError, InvalidInputError } from '../errors/api-errors';
import { fingerprintOf, IdempotencyStore, type IdempotencyClaim } from './idempotency';

/**
 * draft-ietf-httpapi-idempotency-key-header: a key is the caller's and the route's, the first
 * request's fingerprint is kept with it, a reuse with another payload is 422, a key in flight is
 * 409, and keys expire.
 */
describe('IdempotencyStore (IETF httpapi Idempotency-Key draft)', () => {
  const HOUR = 3_600_000;
  let now = 1_000_000;
  let store: IdempotencyStore;
  beforeEach(() => {
    store = new IdempotencyStore(':memory:', 24 * HOUR, () => now);
  });
  afterEach(() => store.close());
  const officerA = { principal: 'token\u0000a', method: 'POST', path: '/projects' };
  const body = fingerprintOf({ name: '复合材料项目', amount: 1 });
  const run = (claim: IdempotencyClaim) => {
    if (claim.kind !== 'run') throw new Error(`expected a run, got ${claim.kind}`);
    return claim;
  };
  const refusal = (f: () => unknown): [number, string] => {
    try {
      f();
    } catch (e) {
      if (e instanceof CodedApiError) return [e.status, e.code];
      throw e;
    }
    throw new Error('expected a refusal');
  };

  it('a completed key answers its first answer again', () => {
    const first = run(store.claim(officerA, 'k1', body));
    first.complete({ revision: 0 });
    expect(store.claim(officerA, 'k1', body)).toEqual({ kind: 'replay', answer: { revision: 0 } });
  });

  it('the fingerprint ignores the order of members, not their values', () => {
    expect(fingerprintOf({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(
      fingerprintOf({ b: [1, { d: 3, c: 2 }], a: 1 }),
    );
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
  });

  it('a body nested deeper than any command is a 400, never a stack overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(() => fingerprintOf(deep)).toThrow(InvalidInputError);
  });

  it('the same key with another body → 422 IDEMPOTENCY_KEY_REUSED (in flight or completed)', () => {
    const first = run(store.claim(officerA, 'k1', body));
    expect(refusal(() => store.claim(officerA, 'k1', fingerprintOf({ other: true })))).toEqual([
      422,
      'IDEMPOTENCY_KEY_REUSED',
    ]);
    first.complete({});
    expect(refusal(() => store.claim(officerA, 'k1', fingerprintOf({ other: true })))).toEqual([
      422,
      'IDEMPOTENCY_KEY_REUSED',
    ]);
  });

  it('the same key while the first request is in flight → 409 IDEMPOTENCY_KEY_IN_FLIGHT', () => {
    run(store.claim(officerA, 'k1', body));
    expect(refusal(() => store.claim(officerA, 'k1', body))).toEqual([409, 'IDEMPOTENCY_KEY_IN_FLIGHT']);
  });

  it('scoped to the caller and the route: another principal or path with the same key is another key', () => {
    const a = run(store.claim(officerA, 'k1', body));
    const b = run(store.claim({ ...officerA, principal: 'token\u0000b' }, 'k1', fingerprintOf({ x: 1 })));
    const c = run(store.claim({ ...officerA, path: '/projects/P1/qualification' }, 'k1', body));
    expect(new Set([a.commandId, b.commandId, c.commandId]).size).toBe(3);
  });

  it('a failed request frees its key: the retry runs with the same command id', () => {
    const first = run(store.claim(officerA, 'k1', body));
    first.release();
    expect(run(store.claim(officerA, 'k1', fingerprintOf({ fixed: true }))).commandId).toBe(first.commandId);
  });

  it('keys expire 24 h after their first use: then the key is new, with a new command id', () => {
    const first = run(store.claim(officerA, 'k1', body));
    first.complete({ n: 1 });
    now += 24 * HOUR - 1;
    expect(store.claim(officerA, 'k1', body).kind).toBe('replay');
    now += 1;
    const again = run(store.claim(officerA, 'k1', fingerprintOf({ other: true })));
    expect(again.commandId).not.toBe(first.commandId);
  });

  it('a request left in flight by a stopped process is taken over after 30 s with the same command id', () => {
    // Two instances on the same database: the other does not know the request is running in this one.
    const dir = mkdtempSync(path.join(tmpdir(), 'idempotency-'));
    const file = path.join(dir, 'idempotency.sqlite');
    const one = new IdempotencyStore(file, 24 * HOUR, () => now);
    const other = new IdempotencyStore(file, 24 * HOUR, () => now);
    try {
      const first = run(one.claim(officerA, 'k1', body));
      expect(refusal(() => other.claim(officerA, 'k1', body))).toEqual([409, 'IDEMPOTENCY_KEY_IN_FLIGHT']);
      now += 30_000;
      expect(run(other.claim(officerA, 'k1', body)).commandId).toBe(first.commandId);
    } finally {
      one.close();
      other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two instances that share no table derive the same command id for a retry in the same period', () => {
    const other = new IdempotencyStore(':memory:', 24 * HOUR, () => now);
    try {
      const here = run(store.claim(officerA, 'k1', body));
      now += 5_000;
      const there = run(other.claim(officerA, 'k1', body));
      expect(there.commandId).toBe(here.commandId);
    } finally {
      other.close();
    }
  });
});
