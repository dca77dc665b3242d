import { ImportRefusedError } from './errors';
import { planImport, type ImportTarget } from './import-plan';
import type { StoredEvent } from './port';
import { recordedEvents, rehashed } from './testing/recorded';

/**
 * The planner against an in-memory target. With `byEventId` it sees what the embedded store sees;
 * without it, what EventStoreDB gives (ids checked within their stream, by revision): the contract
 * suite runs the first path on SQLite here, and these cases cover the second, which no server on
 * this machine can.
 */
const memoryTarget = (withIdIndex: boolean) => {
  const streams = new Map<string, StoredEvent[]>();
  const target: ImportTarget = {
    head: (s) => {
      const list = streams.get(s);
      const last = list?.[list.length - 1];
      return last === undefined ? undefined : { revision: last.revision, hash: last.metadata.hash };
    },
    at: (s, r) => {
      const e = streams.get(s)?.[r];
      return e === undefined ? undefined : { eventId: e.metadata.eventId, hash: e.metadata.hash };
    },
    ...(withIdIndex
      ? {
          byEventId: (id: string) => {
            for (const list of streams.values())
              for (const e of list)
                if (e.metadata.eventId === id)
                  return { streamName: e.streamName, revision: e.revision, hash: e.metadata.hash };
            return undefined;
          },
        }
      : {}),
  };
  const importRecorded = (events: ReadonlyArray<StoredEvent>) => {
    const plan = planImport(events, target);
    for (const w of plan.writes) {
      const list = streams.get(w.event.streamName) ?? [];
      list.push(w.event);
      streams.set(w.event.streamName, list);
    }
    return { imported: plan.writes.length, skipped: plan.skipped };
  };
  return { importRecorded, streams };
};

const refusal = (run: () => unknown): ImportRefusedError => {
  try {
    run();
  } catch (e) {
    if (e instanceof ImportRefusedError) return e;
    throw e;
  }
  throw new Error('expected an ImportRefusedError');
};

describe.each([
  ['with an event-id index (embedded store)', true],
  ['without one (EventStoreDB)', false],
])('planning an import %s', (_name, withIdIndex) => {
  it('skips events already held at their place, writes the rest in order', () => {
    const t = memoryTarget(withIdIndex);
    const a = recordedEvents('project-a', 4);
    const b = recordedEvents('project-b', 2);
    expect(t.importRecorded([...a.slice(0, 2), ...b.slice(0, 1)])).toEqual({ imported: 3, skipped: 0 });
    expect(t.importRecorded([...a, ...b])).toEqual({ imported: 3, skipped: 3 });
    expect(t.streams.get('project-a')?.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    // The same event twice in one batch is written once.
    const c = recordedEvents('project-c', 1);
    expect(t.importRecorded([...c, ...c])).toEqual({ imported: 1, skipped: 1 });
  });

  it('refuses the same id at the same place with other content (event-id-conflict)', () => {
    const t = memoryTarget(withIdIndex);
    const [e0, e1] = recordedEvents('project-a', 2);
    if (e0 === undefined || e1 === undefined) throw new Error('no events');
    t.importRecorded([e0, e1]);
    const changed = rehashed(e0, (e) => ({ ...e, data: { n: 42 } }));
    expect(refusal(() => t.importRecorded([changed]))).toMatchObject({
      reason: 'event-id-conflict',
      expected: `project-a@0 ${e0.metadata.hash}`,
      actual: `project-a@0 ${changed.metadata.hash}`,
    });
  });

  it('refuses another event at a taken revision (revision-gap), and a chain that skips one', () => {
    const t = memoryTarget(withIdIndex);
    const [e0] = recordedEvents('project-a', 1);
    if (e0 === undefined) throw new Error('no events');
    t.importRecorded([e0]);
    expect(refusal(() => t.importRecorded(recordedEvents('project-a', 1)))).toMatchObject({
      reason: 'revision-gap',
      expected: '1',
      actual: '0',
    });
    const after = { revision: 0, hash: e0.metadata.hash };
    const [, skipped] = recordedEvents('project-a', 2, { after });
    if (skipped === undefined) throw new Error('no events');
    expect(refusal(() => t.importRecorded([skipped]))).toMatchObject({
      reason: 'revision-gap',
      expected: '1',
      actual: '2',
    });
  });

  it('checks a batch as a whole before anything is written', () => {
    const t = memoryTarget(withIdIndex);
    const a = recordedEvents('project-a', 3);
    const [, , a2] = a;
    if (a2 === undefined) throw new Error('no events');
    const forged = { ...a2, metadata: { ...a2.metadata, recordedAt: '2030-01-01T00:00:00.000Z' } };
    const error = refusal(() => t.importRecorded([...a.slice(0, 2), forged]));
    expect(error).toMatchObject({ reason: 'hash-mismatch', revision: 2, actual: a2.metadata.hash });
    expect(t.streams.size).toBe(0);
  });
});

describe('a refused import', () => {
  it('says why in both languages', () => {
    const e = new ImportRefusedError('project-a', 3, 'ev-1', 'prev-hash-mismatch', 'aa', 'bb');
    expect(e.render('zh')).toBe(
      '导入被拒绝：事件 ev-1（事件流 project-a，版本 3）不能接续目标存储中的哈希链（prev-hash-mismatch：应为 aa，实为 bb）。本批事件均未写入。',
    );
    expect(e.render('en')).toBe(
      "Import refused: event ev-1 (stream project-a, revision 3) does not continue the target's hash chain (prev-hash-mismatch: expected aa, got bb). Nothing of this batch was written.",
    );
    expect(e.message).toBe(e.render('en'));
  });

  it('names the malformed field', () => {
    const [e0] = recordedEvents('project-a', 1);
    if (e0 === undefined) throw new Error('no events');
    const noActor = { ...e0, metadata: { ...e0.metadata, actor: undefined } } as unknown as StoredEvent;
    expect(refusal(() => planImport([noActor], memoryTargetFor()))).toMatchObject({
      reason: 'malformed',
      expected: 'a valid metadata.actor',
    });
  });
});

const memoryTargetFor = (): ImportTarget => ({ head: () => undefined, at: () => undefined });
