import { randomUUID } from 'node:crypto';
import { eventHash, GENESIS_HASH } from '../hash-chain';
import type { EventMetadata, StoredEvent, StreamName, StreamRevision } from '../port';

/**
 * Events as another store recorded them (hashes chained, `recordedAt` in the past), for import
 * tests: `recordedEvents('project-1', 3)` starts a stream, `{ after: head }` continues one.
 * Their global positions are those of an imaginary source; an import gives them the target's.
 */
export const recordedEvents = (
  streamName: StreamName,
  count: number,
  options: {
    /** The stream's last event so far (revision and hash); default: a new stream. */
    readonly after?: { readonly revision: StreamRevision; readonly hash: string };
    readonly type?: string;
    /** `data` of the i-th event (0-based within this call). Default `{ n: revision }`. */
    readonly data?: (i: number, revision: StreamRevision) => unknown;
    /** Default `2024-05-06T01:02:03.456Z` plus one second per event. */
    readonly recordedAt?: (revision: StreamRevision) => string;
  } = {},
): StoredEvent[] => {
  const out: StoredEvent[] = [];
  let prevHash = options.after?.hash ?? GENESIS_HASH;
  let revision = options.after === undefined ? 0 : options.after.revision + 1;
  const commandId = `cmd-${randomUUID()}`;
  for (let i = 0; i < count; i += 1, revision += 1) {
    const unhashed: Omit<EventMetadata, 'hash'> = {
      eventId: randomUUID(),
      commandId,
      correlationId: `corr-${commandId}`,
      causationId: commandId,
      actor: { userId: 'officer-7', role: 'investment-officer', unitId: 'zone-east' },
      businessTime: '2024-05-06T09:30:00+08:00',
      recordedAt:
        options.recordedAt?.(revision) ??
        new Date(Date.UTC(2024, 4, 6, 1, 2, 3, 456) + revision * 1000).toISOString(),
      schemaVersion: 2,
      prevHash,
    };
    const type = options.type ?? 'Noted';
    const data = options.data?.(i, revision) ?? { n: revision };
    const hash = eventHash({ streamName, revision, type, data, metadata: unhashed });
    out.push({
      streamName,
      revision,
      globalPosition: BigInt(1000 + revision),
      type,
      data,
      metadata: { ...unhashed, hash },
    });
    prevHash = hash;
  }
  return out;
};

/** The same event with its hash recomputed after `change`: a well-formed event saying something else. */
export const rehashed = (event: StoredEvent, change: (e: StoredEvent) => StoredEvent): StoredEvent => {
  const changed = change(event);
  const { hash: _hash, ...unhashed } = changed.metadata;
  const hash = eventHash({
    streamName: changed.streamName,
    revision: changed.revision,
    type: changed.type,
    data: changed.data,
    metadata: unhashed,
  });
  return { ...changed, metadata: { ...changed.metadata, hash } };
};
