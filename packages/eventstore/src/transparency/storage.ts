import Database from 'better-sqlite3';
import type { GlobalPosition, StreamName, StreamRevision } from '../port';
import { TREE_HASH_SIZE, type TreeHashAlgorithm } from './hashing';
import { MemoryNodeStorage, type NewNode, type NodeStorage } from './tree';

/** One leaf of the log: which event it is. Its leaf index is its place in `$all` order (0-based). */
export interface LeafRecord {
  readonly index: number;
  readonly position: GlobalPosition;
  readonly streamName: StreamName;
  readonly revision: StreamRevision;
  /** The event's chain hash (`metadata.hash`), the leaf's data. */
  readonly eventHash: string;
}

/**
 * What a transparency log keeps: the tree's nodes and, per leaf, the event it stands for (so a
 * proof can be asked for by position or by stream and revision). A commit adds leaves and nodes
 * together.
 */
export interface TransparencyStorage extends NodeStorage {
  readonly algorithm: TreeHashAlgorithm;
  commitLeaves(nodes: ReadonlyArray<NewNode>, leaves: ReadonlyArray<LeafRecord>, size: number): void;
  /** The position of the last leaf: the follower reads `$all` after it. */
  lastPosition(): GlobalPosition | undefined;
  /**
   * Re-reads the size when another process may share the storage (a file); true when it moved.
   * `commitLeaves` refuses (`LogMovedError`) a commit made against a size that is no longer current.
   */
  refresh(): boolean;
  leafAt(index: number): LeafRecord | undefined;
  leafByPosition(position: GlobalPosition): LeafRecord | undefined;
  leafByStream(streamName: StreamName, revision: StreamRevision): LeafRecord | undefined;
  close(): void;
}

/** Everything in memory (tests, benchmarks, a rebuild to compare with). */
export class MemoryTransparencyStorage extends MemoryNodeStorage implements TransparencyStorage {
  private readonly leaves: LeafRecord[] = [];
  private readonly byPosition = new Map<GlobalPosition, number>();
  private readonly byStream = new Map<string, number>();

  constructor(readonly algorithm: TreeHashAlgorithm = 'sha256') {
    super();
  }

  override commit(nodes: ReadonlyArray<NewNode>, size: number): void {
    if (size !== this.leaves.length) throw new Error('leaves must be committed with their records');
    super.commit(nodes, size);
  }

  commitLeaves(nodes: ReadonlyArray<NewNode>, leaves: ReadonlyArray<LeafRecord>, size: number): void {
    for (const leaf of leaves) {
      this.leaves.push(leaf);
      this.byPosition.set(leaf.position, leaf.index);
      this.byStream.set(streamKey(leaf.streamName, leaf.revision), leaf.index);
    }
    super.commit(nodes, size);
  }

  lastPosition(): GlobalPosition | undefined {
    return this.leaves[this.leaves.length - 1]?.position;
  }

  leafAt(index: number): LeafRecord | undefined {
    return this.leaves[index];
  }

  leafByPosition(position: GlobalPosition): LeafRecord | undefined {
    const index = this.byPosition.get(position);
    return index === undefined ? undefined : this.leaves[index];
  }

  leafByStream(streamName: StreamName, revision: StreamRevision): LeafRecord | undefined {
    const index = this.byStream.get(streamKey(streamName, revision));
    return index === undefined ? undefined : this.leaves[index];
  }

  refresh(): boolean {
    return false;
  }

  close(): void {}
}

/** Another process sharing the log's file appended leaves first: reload and catch up again. */
export class LogMovedError extends Error {
  constructor() {
    super('the transparency log was advanced by another process');
  }
}

const streamKey = (streamName: StreamName, revision: StreamRevision): string =>
  `${revision}\u0000${streamName}`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS log_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tree_nodes (
  level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS log_leaves (
  idx INTEGER PRIMARY KEY, position INTEGER NOT NULL UNIQUE, stream TEXT NOT NULL,
  revision INTEGER NOT NULL, event_hash TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS log_leaves_by_stream ON log_leaves (stream, revision);
`;

interface LeafRow {
  readonly idx: bigint;
  readonly position: bigint;
  readonly stream: string;
  readonly revision: bigint;
  readonly event_hash: string;
}

const leafOfRow = (row: LeafRow | undefined): LeafRecord | undefined =>
  row === undefined
    ? undefined
    : {
        index: Number(row.idx),
        position: row.position,
        streamName: row.stream,
        revision: Number(row.revision),
        eventHash: row.event_hash,
      };

/**
 * The log in its own SQLite file (`transparency.sqlite` beside the embedded store's file, or in
 * the API's data directory when the events are on EventStoreDB): the tree is derived data, rebuilt
 * from `$all` at will, so it stays out of the event store's schema and works the same for both
 * stores. Nodes are rows (level, index, 32-byte hash); a proof reads O(log n) of them by key.
 */
export class SqliteTransparencyStorage implements TransparencyStorage {
  private readonly db: Database.Database;
  private count: number;
  readonly algorithm: TreeHashAlgorithm;
  private readonly statements;

  constructor(file: string, algorithm: TreeHashAlgorithm = 'sha256') {
    this.db = new Database(file);
    this.db.defaultSafeIntegers(true);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    const meta = this.db.prepare<[string], { value: string }>('SELECT value FROM log_meta WHERE key = ?');
    const stored = meta.get('algorithm')?.value;
    if (stored !== undefined && stored !== algorithm) {
      this.db.close();
      throw new Error(
        `the transparency log in ${file} hashes with ${stored}, not ${algorithm}; rebuild it to change`,
      );
    }
    this.algorithm = algorithm;
    this.count = Number(meta.get('size')?.value ?? '0');
    this.statements = {
      node: this.db.prepare<[number, number], { hash: Buffer }>(
        'SELECT hash FROM tree_nodes WHERE level = ? AND idx = ?',
      ),
      putNode: this.db.prepare<[number, number, Buffer]>(
        'INSERT INTO tree_nodes (level, idx, hash) VALUES (?, ?, ?)',
      ),
      putLeaf: this.db.prepare<[number, bigint, string, number, string]>(
        'INSERT INTO log_leaves (idx, position, stream, revision, event_hash) VALUES (?, ?, ?, ?, ?)',
      ),
      putMeta: this.db.prepare<[string, string]>(
        'INSERT OR REPLACE INTO log_meta (key, value) VALUES (?, ?)',
      ),
      leafAt: this.db.prepare<[number], LeafRow>('SELECT * FROM log_leaves WHERE idx = ?'),
      leafByPosition: this.db.prepare<[bigint], LeafRow>('SELECT * FROM log_leaves WHERE position = ?'),
      leafByStream: this.db.prepare<[string, number], LeafRow>(
        'SELECT * FROM log_leaves WHERE stream = ? AND revision = ?',
      ),
      last: this.db.prepare<[], LeafRow>('SELECT * FROM log_leaves ORDER BY idx DESC LIMIT 1'),
      size: this.db.prepare<[], { value: string }>("SELECT value FROM log_meta WHERE key = 'size'"),
    };
    if (stored === undefined) this.statements.putMeta.run('algorithm', algorithm);
  }

  get size(): number {
    return this.count;
  }

  node(level: number, index: number): Buffer {
    const row = (index + 1) * 2 ** level <= this.count ? this.statements.node.get(level, index) : undefined;
    if (row === undefined || row.hash.length !== TREE_HASH_SIZE)
      throw new RangeError(`no node at level ${level} index ${index}`);
    return row.hash;
  }

  commit(): void {
    throw new Error('leaves must be committed with their records');
  }

  commitLeaves(nodes: ReadonlyArray<NewNode>, leaves: ReadonlyArray<LeafRecord>, size: number): void {
    this.db.transaction(() => {
      if (this.storedSize() !== this.count) throw new LogMovedError();
      for (const { level, index, hash } of nodes) this.statements.putNode.run(level, index, hash);
      for (const leaf of leaves)
        this.statements.putLeaf.run(
          leaf.index,
          leaf.position,
          leaf.streamName,
          leaf.revision,
          leaf.eventHash,
        );
      this.statements.putMeta.run('size', String(size));
    })();
    this.count = size;
  }

  lastPosition(): GlobalPosition | undefined {
    return this.statements.last.get()?.position;
  }

  private storedSize(): number {
    return Number(this.statements.size.get()?.value ?? '0');
  }

  refresh(): boolean {
    const size = this.storedSize();
    if (size === this.count) return false;
    this.count = size;
    return true;
  }

  leafAt(index: number): LeafRecord | undefined {
    return leafOfRow(this.statements.leafAt.get(index));
  }

  leafByPosition(position: GlobalPosition): LeafRecord | undefined {
    return leafOfRow(this.statements.leafByPosition.get(position));
  }

  leafByStream(streamName: StreamName, revision: StreamRevision): LeafRecord | undefined {
    return leafOfRow(this.statements.leafByStream.get(streamName, revision));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
