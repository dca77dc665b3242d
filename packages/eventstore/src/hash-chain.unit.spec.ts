import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  canonicalJson,
  ChainVerifier,
  eventHash,
  eventHashOfCanonicalData,
  GENESIS_HASH,
  hashesOfStoredText,
  type StoredEventText,
} from './hash-chain';
import type { EventMetadata, StoredEvent } from './port';
import { densePositions, sparsePositions } from './position-sequence';

describe('canonical JSON', () => {
  it('sorts object keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('follows JSON.stringify for undefined, toJSON and non-finite numbers', () => {
    expect(
      canonicalJson({ a: undefined, b: [undefined, NaN], c: new Date('2025-01-01T00:00:00.000Z') }),
    ).toBe('{"b":[null,null],"c":"2025-01-01T00:00:00.000Z"}');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('is stable: encoding the parsed encoding gives the same text (what is hashed is what is read back)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('does not depend on key insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });
});

const meta = (prevHash: string, eventId: string): Omit<EventMetadata, 'hash'> => ({
  eventId,
  commandId: 'cmd-1',
  correlationId: 'cmd-1',
  causationId: 'cmd-1',
  actor: { userId: 'u', role: 'officer', unitId: 'unit' },
  businessTime: '2025-01-01T00:00:00.000Z',
  recordedAt: '2025-01-01T00:00:01.000Z',
  schemaVersion: 1,
  prevHash,
});

const chain = (streamName: string, count: number, firstPosition: bigint, step = 1n): StoredEvent[] => {
  const out: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let revision = 0; revision < count; revision++) {
    const unhashed = meta(prev, `${streamName}-${revision}`);
    const data = { revision };
    const hash = eventHash({ streamName, revision, type: 'T', data, metadata: unhashed });
    out.push({
      streamName,
      revision,
      globalPosition: firstPosition + BigInt(revision) * step,
      type: 'T',
      data,
      metadata: { ...unhashed, hash },
    });
    prev = hash;
  }
  return out;
};

const verify = (events: ReadonlyArray<StoredEvent>, contiguousPositions = true) => {
  const v = new ChainVerifier(contiguousPositions ? { positions: densePositions } : {});
  for (const e of events) if (v.check(e)) break;
  return v.result();
};

describe('hash chain', () => {
  it('hashes SHA-256 over the canonical content, metadata without the hash but with prevHash', () => {
    const unhashed = meta(GENESIS_HASH, 'e1');
    const expected = createHash('sha256')
      .update(canonicalJson({ streamName: 's', revision: 0, type: 'T', data: { a: 1 }, metadata: unhashed }))
      .digest('hex');
    expect(eventHash({ streamName: 's', revision: 0, type: 'T', data: { a: 1 }, metadata: unhashed })).toBe(
      expected,
    );
  });

  it('gives the same hash from pre-encoded data as from the value', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.string(), fc.jsonValue(), (streamName, revision, type, data) => {
        const metadata = meta(GENESIS_HASH, 'e');
        expect(
          eventHashOfCanonicalData({ streamName, revision, type, dataText: canonicalJson(data), metadata }),
        ).toBe(eventHash({ streamName, revision, type, data, metadata }));
      }),
    );
  });

  it('accepts an intact chain and counts what it checked', () => {
    expect(verify(chain('s', 5, 1n))).toEqual({ ok: true, checked: 5 });
  });

  it('names the first changed event: data, type, stream, revision or any metadata field', () => {
    const events = chain('s', 4, 1n);
    const at2 = (patch: Partial<StoredEvent>): StoredEvent[] =>
      events.map((e, i) => (i === 2 ? { ...e, ...patch } : e));
    const base = events[2];
    if (base === undefined) throw new Error('no event');
    expect(verify(at2({ data: { revision: 99 } }))).toMatchObject({
      ok: false,
      checked: 2,
      brokenAt: { revision: 2, reason: 'hash-mismatch' },
    });
    expect(verify(at2({ type: 'U' }))).toMatchObject({ brokenAt: { revision: 2, reason: 'hash-mismatch' } });
    expect(
      verify(
        at2({ metadata: { ...base.metadata, actor: { userId: 'x', role: 'officer', unitId: 'unit' } } }),
      ),
    ).toMatchObject({
      brokenAt: { revision: 2, reason: 'hash-mismatch' },
    });
    expect(verify(at2({ metadata: { ...base.metadata, prevHash: GENESIS_HASH } }))).toMatchObject({
      brokenAt: { revision: 2, reason: 'prev-hash-mismatch' },
    });
    expect(verify(at2({ revision: 3 }))).toMatchObject({ brokenAt: { reason: 'revision-gap' } });
  });

  it('finds a removed event: a revision gap in its stream, a position gap in the log', () => {
    const events = chain('s', 4, 1n);
    const without = events.filter((_, i) => i !== 1);
    expect(verify(without)).toMatchObject({ ok: false, brokenAt: { position: 3n, reason: 'position-gap' } });
    expect(verify(without, false)).toMatchObject({
      ok: false,
      brokenAt: { revision: 2, reason: 'revision-gap' },
    });
  });

  it('finds reordered positions and accepts sparse but increasing ones when positions are not contiguous', () => {
    const sparse = chain('s', 3, 100n, 37n);
    expect(verify(sparse, false)).toEqual({ ok: true, checked: 3 });
    const swapped = [sparse[1], sparse[0], sparse[2]].filter((e): e is StoredEvent => e !== undefined);
    expect(verify(swapped, false)).toMatchObject({ ok: false, brokenAt: { reason: 'revision-gap' } });
    const backwards = sparse.map((e, i) => (i === 2 ? { ...e, globalPosition: 1n } : e));
    expect(verify(backwards, false)).toMatchObject({
      ok: false,
      brokenAt: { reason: 'position-not-increasing' },
    });
  });

  it("with the store's sparse sequence (positions beyond 2^53, irregular gaps) finds a removed event as a position gap", () => {
    const positions = [sparsePositions.first];
    for (let i = 1; i < 4; i++) positions.push(sparsePositions.next(positions[i - 1] ?? 0n));
    const events = chain('s', 4, 0n).map((e, i) => ({ ...e, globalPosition: positions[i] ?? 0n }));
    const check = (list: ReadonlyArray<StoredEvent>) => {
      const v = new ChainVerifier({ positions: sparsePositions });
      for (const e of list) if (v.check(e)) break;
      return v.result();
    };
    expect(positions[0]).toBeGreaterThan(2n ** 53n);
    expect(check(events)).toEqual({ ok: true, checked: 4 });
    expect(check(events.filter((_, i) => i !== 1))).toMatchObject({
      ok: false,
      brokenAt: { position: positions[2], reason: 'position-gap' },
    });
  });

  it('keeps one chain per stream when streams interleave in the log', () => {
    const a = chain('a', 3, 0n);
    const b = chain('b', 3, 0n);
    const interleaved = [a[0], b[0], b[1], a[1], a[2], b[2]]
      .filter((e): e is StoredEvent => e !== undefined)
      .map((e, i) => ({ ...e, globalPosition: BigInt(i + 1) }));
    expect(verify(interleaved)).toEqual({ ok: true, checked: 6 });
  });
});

/** An event as the embedded store keeps it: canonical text columns. */
const asText = (e: StoredEvent): StoredEventText => ({
  streamName: e.streamName,
  revision: e.revision,
  position: e.globalPosition,
  type: e.type,
  dataText: canonicalJson(e.data),
  metadataText: canonicalJson(e.metadata),
});

const verifyText = (rows: ReadonlyArray<StoredEventText>, contiguousPositions = true) => {
  const v = new ChainVerifier(contiguousPositions ? { positions: densePositions } : {});
  for (const row of rows) if (v.checkText(row)) break;
  return v.result();
};

describe('hash chain over the stored text (the fast path)', () => {
  it('recomputes the same hash from the stored bytes as eventHash from the values', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.string(), fc.jsonValue(), (streamName, revision, type, data) => {
        const unhashed = meta('f'.repeat(64), 'e');
        const hash = eventHash({ streamName, revision, type, data, metadata: unhashed });
        const row = asText({
          streamName,
          revision,
          globalPosition: 1n,
          type,
          data,
          metadata: { ...unhashed, hash },
        });
        expect(hashesOfStoredText(row)).toEqual({ hash, prevHash: 'f'.repeat(64) });
      }),
    );
  });

  it('gives the verdicts of check: intact chain, changed data, type, prevHash, removed event', () => {
    const events = chain('s', 4, 1n);
    expect(verifyText(events.map(asText))).toEqual({ ok: true, checked: 4 });
    const at2 = (patch: Partial<StoredEvent>): StoredEventText[] =>
      events.map((e, i) => asText(i === 2 ? { ...e, ...patch } : e));
    const base = events[2];
    if (base === undefined) throw new Error('no event');
    expect(verifyText(at2({ data: { revision: 99 } }))).toMatchObject({
      ok: false,
      checked: 2,
      brokenAt: { revision: 2, reason: 'hash-mismatch' },
    });
    expect(verifyText(at2({ type: 'U' }))).toMatchObject({ brokenAt: { reason: 'hash-mismatch' } });
    expect(verifyText(at2({ streamName: 't' }))).toMatchObject({ brokenAt: { reason: 'revision-gap' } });
    expect(verifyText(at2({ metadata: { ...base.metadata, prevHash: GENESIS_HASH } }))).toMatchObject({
      brokenAt: { revision: 2, reason: 'prev-hash-mismatch' },
    });
    const without = events.filter((_, i) => i !== 1).map(asText);
    expect(verifyText(without)).toMatchObject({ brokenAt: { position: 3n, reason: 'position-gap' } });
  });

  it('judges text that is not the canonical bytes by value, and reports text that does not parse as unreadable', () => {
    const events = chain('s', 3, 1n).map(asText);
    const spaced = events.map((row, i) =>
      i === 1 ? { ...row, dataText: row.dataText.replace(':', ': ') } : row,
    );
    expect(hashesOfStoredText(spaced[1] as StoredEventText)).toBeUndefined();
    expect(verifyText(spaced)).toEqual({ ok: true, checked: 3 });
    const changed = events.map((row, i) =>
      i === 1 ? { ...row, dataText: row.dataText.replace('1', '7') } : row,
    );
    expect(verifyText(changed)).toMatchObject({ brokenAt: { revision: 1, reason: 'hash-mismatch' } });
    const broken = events.map((row, i) => (i === 1 ? { ...row, dataText: '{"revision":' } : row));
    expect(verifyText(broken)).toMatchObject({ brokenAt: { revision: 1, reason: 'unreadable' } });
  });

  it('does not let bytes move from the data column into the metadata column', () => {
    // Data that itself holds a "metadata" member: cut the data text before it and prepend the
    // rest to the metadata text. The bytes laid out for hashing are the same...
    const unhashed = meta(GENESIS_HASH, 'e');
    const data = { a: 1, metadata: 2 };
    const hash = eventHash({ streamName: 's', revision: 0, type: 'T', data, metadata: unhashed });
    const row = asText({
      streamName: 's',
      revision: 0,
      globalPosition: 1n,
      type: 'T',
      data,
      metadata: { ...unhashed, hash },
    });
    const cut = row.dataText.indexOf(',"metadata":');
    const moved: StoredEventText = {
      ...row,
      dataText: row.dataText.slice(0, cut),
      metadataText: `${row.dataText.slice(cut + ',"metadata":'.length)},"metadata":${row.metadataText}`,
    };
    const laidOut = (r: StoredEventText): string => {
      const at = r.metadataText.indexOf(',"hash":"');
      return `{"data":${r.dataText},"metadata":${r.metadataText.slice(0, at)}${r.metadataText.slice(at + 74)}`;
    };
    expect(laidOut(moved)).toBe(laidOut(row));
    // ...but the fast path refuses the moved layout, and by value the event does not parse.
    expect(hashesOfStoredText(row)).toEqual({ hash, prevHash: GENESIS_HASH });
    expect(hashesOfStoredText(moved)).toBeUndefined();
    expect(verifyText([moved])).toMatchObject({ ok: false, brokenAt: { reason: 'unreadable' } });
  });
});
