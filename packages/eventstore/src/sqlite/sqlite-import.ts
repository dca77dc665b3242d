import type Database from 'better-sqlite3';
import { planImport } from '../import-plan';
import type { EventMetadata, GlobalPosition, ImportResult, StoredEvent } from '../port';

/**
 * `importRecorded` of the embedded store: one immediate transaction per batch, so the checks see
 * exactly what is committed and a refused batch leaves nothing behind. Rows are what `append`
 * writes: the canonical text of data and metadata (so verification's fast path applies to them),
 * and the command id in its column (so a retried command is still recognised after the move).
 */

interface ImportStatements {
  readonly head: Database.Statement<[string], { revision: number; metadata: string }>;
  readonly at: Database.Statement<[string, number], { event_id: string; metadata: string }>;
  readonly byEventId: Database.Statement<[string], { stream: string; revision: number; metadata: string }>;
  readonly insert: Database.Statement<
    [GlobalPosition | null, string, number, string, string, string, string, string]
  >;
  readonly run: Database.Transaction<
    (events: ReadonlyArray<StoredEvent>, nextPosition: () => GlobalPosition | null) => ImportResult
  >;
}

const prepared = new WeakMap<Database.Database, ImportStatements>();

const hashOf = (metadataText: string): string => (JSON.parse(metadataText) as EventMetadata).hash;

const statementsOf = (db: Database.Database): ImportStatements => {
  const known = prepared.get(db);
  if (known !== undefined) return known;
  const head = db.prepare<[string], { revision: number; metadata: string }>(
    'SELECT revision, metadata FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
  );
  const at = db.prepare<[string, number], { event_id: string; metadata: string }>(
    'SELECT event_id, metadata FROM events WHERE stream = ? AND revision = ?',
  );
  const byEventId = db.prepare<[string], { stream: string; revision: number; metadata: string }>(
    'SELECT stream, revision, metadata FROM events WHERE event_id = ?',
  );
  const insert = db.prepare<[GlobalPosition | null, string, number, string, string, string, string, string]>(
    'INSERT INTO events (position, stream, revision, event_id, command_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const run = db.transaction(
    (events: ReadonlyArray<StoredEvent>, nextPosition: () => GlobalPosition | null): ImportResult => {
      const plan = planImport(events, {
        head: (streamName) => {
          const row = head.get(streamName);
          return row === undefined ? undefined : { revision: row.revision, hash: hashOf(row.metadata) };
        },
        at: (streamName, revision) => {
          const row = at.get(streamName, revision);
          return row === undefined ? undefined : { eventId: row.event_id, hash: hashOf(row.metadata) };
        },
        byEventId: (eventId) => {
          const row = byEventId.get(eventId);
          return row === undefined
            ? undefined
            : { streamName: row.stream, revision: row.revision, hash: hashOf(row.metadata) };
        },
      });
      for (const w of plan.writes) {
        const e = w.event;
        insert.run(
          nextPosition(),
          e.streamName,
          e.revision,
          e.metadata.eventId,
          e.metadata.commandId,
          e.type,
          w.dataText,
          w.metadataText,
        );
      }
      return { imported: plan.writes.length, skipped: plan.skipped };
    },
  );
  const statements = { head, at, byEventId, insert, run };
  prepared.set(db, statements);
  return statements;
};

/** Imports a batch in one immediate transaction; throws `ImportRefusedError` (nothing written) or the driver's error. */
export const importIntoSqlite = (
  db: Database.Database,
  events: ReadonlyArray<StoredEvent>,
  nextPosition: () => GlobalPosition | null,
): ImportResult =>
  events.length === 0 ? { imported: 0, skipped: 0 } : statementsOf(db).run.immediate(events, nextPosition);
