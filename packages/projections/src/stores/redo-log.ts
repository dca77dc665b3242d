import {
  storablePosition,
  type Checkpoint,
  type CommitOptions,
  type ParkedEvent,
  type ProjectionCommit,
} from './read-model-store';

/**
 * Exactly once without transactions (a MongoDB without a replica set): a batch is first written
 * whole to a redo log, then applied document by document with position guards, then the log is
 * cleared. A crash part-way leaves either no log (nothing of the batch was applied: its events
 * are applied again from the old checkpoint) or a complete log, which is applied again on
 * restart — the guards make a second application of the same change harmless. The checkpoint
 * is written only after every document, and only ever moves forward.
 */
export interface GuardedPrimitives {
  /** Stores the batch so that a later `readRedo` returns all of it or nothing. */
  writeRedo(commits: ReadonlyArray<ProjectionCommit>): Promise<void>;
  readRedo(): Promise<ReadonlyArray<ProjectionCommit> | undefined>;
  clearRedo(): Promise<void>;
  /** Upserts (or deletes) a document unless it already reflects this position or a later one. */
  applyGuarded(change: ProjectionCommit['changes'][number]): Promise<void>;
  /** Moves a checkpoint forward (never back). */
  writeCheckpoint(checkpoint: Checkpoint): Promise<void>;
  /** Rejects with LeaseLostError unless `holder` holds the store's lease. */
  checkLease(holder: string): Promise<void>;
}

const applyAll = async (p: GuardedPrimitives, commits: ReadonlyArray<ProjectionCommit>): Promise<void> => {
  for (const c of commits) for (const change of c.changes) await p.applyGuarded(change);
  for (const c of commits) await p.writeCheckpoint(c.checkpoint);
};

/** Commits a batch through the redo log. */
export const commitWithRedoLog = async (
  p: GuardedPrimitives,
  commits: ReadonlyArray<ProjectionCommit>,
  options: CommitOptions = {},
): Promise<void> => {
  // Without a transaction the lease is checked before the batch, not atomically with it: a holder that
  // stalls past its lease's expiry could still write one batch after a successor took over. The position
  // guards make that batch harmless for events both runners applied; docs/projections.md says more.
  if (options.leaseHolder !== undefined) await p.checkLease(options.leaseHolder);
  // Refuse a batch that cannot be applied before it is logged: a logged batch is applied again on every start.
  for (const c of commits) {
    storablePosition(c.checkpoint.position);
    for (const change of c.changes) storablePosition(change.position);
  }
  await p.writeRedo(commits);
  await applyAll(p, commits);
  await p.clearRedo();
};

/** Finishes a batch a crash interrupted (call before reading checkpoints). */
export const recoverRedoLog = async (p: GuardedPrimitives): Promise<boolean> => {
  const pending = await p.readRedo();
  if (pending === undefined) return false;
  await applyAll(p, pending);
  await p.clearRedo();
  return true;
};

/** A commit as JSON (positions as decimal strings), for the log. */
export interface RedoEntry {
  readonly projection: string;
  readonly version: number;
  readonly changes: ReadonlyArray<{
    readonly collection: string;
    readonly id: string;
    readonly doc: object | null;
    readonly position: string;
  }>;
  readonly checkpoint: CheckpointJson;
}

/** A checkpoint as JSON: positions as decimal strings (bigint does not serialise). */
export interface CheckpointJson {
  readonly projection: string;
  readonly position: string;
  readonly version: number;
  readonly status: Checkpoint['status'];
  readonly parked?: Omit<ParkedEvent, 'position'> & { readonly position: string };
  readonly source?: Checkpoint['source'];
}

export const checkpointToJson = ({ parked, source, ...c }: Checkpoint): CheckpointJson => ({
  ...c,
  position: c.position.toString(10),
  ...(parked !== undefined ? { parked: { ...parked, position: parked.position.toString(10) } } : {}),
  ...(source !== undefined ? { source } : {}),
});

export const checkpointFromJson = ({ parked, source, ...c }: CheckpointJson): Checkpoint => ({
  ...c,
  position: BigInt(c.position),
  ...(parked !== undefined ? { parked: { ...parked, position: BigInt(parked.position) } } : {}),
  ...(source !== undefined ? { source } : {}),
});

export const toRedo = (c: ProjectionCommit): RedoEntry => ({
  projection: c.projection,
  version: c.version,
  changes: c.changes.map((x) => ({
    collection: x.collection,
    id: x.id,
    doc: x.doc,
    position: x.position.toString(10),
  })),
  checkpoint: checkpointToJson(c.checkpoint),
});

export const fromRedo = (r: RedoEntry): ProjectionCommit => ({
  projection: r.projection,
  version: r.version,
  changes: r.changes.map((x) => ({
    collection: x.collection,
    id: x.id,
    doc: x.doc,
    position: BigInt(x.position),
  })),
  checkpoint: checkpointFromJson(r.checkpoint),
});
