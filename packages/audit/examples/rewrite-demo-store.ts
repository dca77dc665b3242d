/**
 * The insider's rewrite of issue 15, done to the demo store for docs/auditing.md: in the project's
 * stream, one amount is changed, the later hashes of the stream are recomputed, the stream's last
 * event is dropped and the later events move up one position, so that no gap shows. Afterwards
 * `zhaoshang-audit verify` (the hash chains) still reports OK; only a checkpoint taken before
 * catches it.
 *
 *   npx tsx packages/audit/examples/rewrite-demo-store.ts /tmp/audit-demo/events.sqlite
 */
import Database from 'better-sqlite3';
import { canonicalJson, eventHash, GENESIS_HASH, type EventMetadata } from '@zhaoshang/eventstore';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: rewrite-demo-store.ts <file.sqlite>\n');
  process.exit(2);
}
const stream = 'project-XM-2024-0317';
const db = new Database(file);
type Row = { position: number; revision: number; type: string; data: string; metadata: string };
const rows = db
  .prepare<[string], Row>(
    'SELECT position, revision, type, data, metadata FROM events WHERE stream = ? ORDER BY revision',
  )
  .all(stream);

/** The first event whose data holds an amount: its first numeric member whose key names one. */
const target = rows.findIndex((r) => /"(?:[a-zA-Z]*(?:[Ii]nvestment|[Aa]mount))":\d/.test(r.data));
if (target === -1) throw new Error('no amount in the stream');
const last = rows[rows.length - 1] as Row;

db.transaction(() => {
  let prevHash =
    target === 0 ? GENESIS_HASH : (JSON.parse((rows[target - 1] as Row).metadata) as EventMetadata).hash;
  for (const row of rows.slice(target, -1)) {
    let data = JSON.parse(row.data) as Record<string, unknown>;
    if (row === rows[target]) {
      const key = Object.keys(data).find((k) => /investment|amount/i.test(k) && typeof data[k] === 'number');
      if (key === undefined) throw new Error('no amount');
      const before = data[key] as number;
      data = { ...data, [key]: before * 10 };
      process.stdout.write(
        `changed ${row.type} (revision ${row.revision}) ${key}: ${before} → ${before * 10}\n`,
      );
    }
    const { hash: _old, ...rest } = JSON.parse(row.metadata) as EventMetadata;
    const metadata = { ...rest, prevHash };
    const hash = eventHash({
      streamName: stream as never,
      revision: row.revision as never,
      type: row.type,
      data,
      metadata,
    });
    db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?').run(
      canonicalJson(data),
      canonicalJson({ ...metadata, hash }),
      row.position,
    );
    prevHash = hash;
  }
  db.prepare('DELETE FROM events WHERE position = ?').run(last.position);
  db.prepare('UPDATE events SET position = position - 1 WHERE position > ?').run(last.position);
})();
process.stdout.write(
  `dropped ${last.type} (revision ${last.revision}, position ${last.position}); later events moved up one position\n`,
);
db.close();
