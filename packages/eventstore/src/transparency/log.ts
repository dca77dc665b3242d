import type { EventStore, GlobalPosition, StreamName, StreamRevision } from '../port';
import { leafDataOfEventHash, treeHasher, type TreeHasher } from './hashing';
import { LogMovedError, type LeafRecord, type TransparencyStorage } from './storage';
import { MerkleTree } from './tree';

/** Which event a proof is about: by its global position, or by stream and revision. */
export type EventRef =
  | { readonly position: GlobalPosition }
  | { readonly streamName: StreamName; readonly revision: StreamRevision };

/**
 * The transparency log of a store: a Merkle tree over `$all` in global order (leaf i is the i-th
 * event, its data the event's chain hash), kept up to date by following `$all` through the port
 * (`readAll({ after })` from the last leaf's position), so it works the same on every adapter.
 * The nodes live in a `TransparencyStorage`; a rebuild (a fresh storage following the same store)
 * gives the same tree, node for node.
 */
export class TransparencyLog {
  readonly hasher: TreeHasher;
  private current: MerkleTree;
  private pending: Promise<number> | undefined;
  /** What the catch-ups did: how many ran, and the tree's size before and after the last one. */
  private counters = { runs: 0, leavesAppended: 0, lastFrom: 0, lastTo: 0 };

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    readonly storage: TransparencyStorage,
    private readonly options: { readonly pageSize?: number } = {},
  ) {
    this.hasher = treeHasher(storage.algorithm);
    this.current = new MerkleTree(this.hasher, storage);
  }

  /** The tree (reloaded when another process sharing the storage moved it). */
  get tree(): MerkleTree {
    return this.current;
  }

  get size(): number {
    return this.tree.size;
  }

  /**
   * Appends every event recorded after the last leaf; resolves to the tree's size. Concurrent calls
   * share one run (a second caller waits for it and then catches up anything newer).
   */
  catchUp(): Promise<number> {
    const run = (this.pending ?? Promise.resolve(0)).then(
      () => this.follow(),
      () => this.follow(),
    );
    this.pending = run;
    return run;
  }

  /** Catch-ups run so far, leaves they appended, the tree's size before and after the last one. */
  get stats(): {
    readonly runs: number;
    readonly leavesAppended: number;
    readonly lastFrom: number;
    readonly lastTo: number;
  } {
    return { ...this.counters };
  }

  private async follow(): Promise<number> {
    if (this.storage.refresh()) this.current = new MerkleTree(this.hasher, this.storage);
    const from = this.tree.size;
    const size = await this.followPages();
    this.counters = {
      runs: this.counters.runs + 1,
      leavesAppended: this.counters.leavesAppended + (size - from),
      lastFrom: from,
      lastTo: size,
    };
    return size;
  }

  private async followPages(): Promise<number> {
    const pageSize = this.options.pageSize ?? 1000;
    for (;;) {
      const after = this.storage.lastPosition();
      const page = await this.store.readAll(
        after === undefined ? { maxCount: pageSize } : { after, maxCount: pageSize },
      );
      if (page.length === 0) return this.tree.size;
      let index = this.tree.size;
      const leaves: LeafRecord[] = page.map((event) => ({
        index: index++,
        position: event.globalPosition,
        streamName: event.streamName,
        revision: event.revision,
        eventHash: event.metadata.hash,
      }));
      try {
        this.tree.appendLeafHashes(
          leaves.map((leaf) => this.hasher.leaf(leafDataOfEventHash(leaf.eventHash))),
          (nodes, size) => this.storage.commitLeaves(nodes, leaves, size),
        );
      } catch (error) {
        if (!(error instanceof LogMovedError)) throw error;
        this.storage.refresh();
        this.current = new MerkleTree(this.hasher, this.storage);
        continue;
      }
      if (page.length < pageSize) return this.tree.size;
    }
  }

  /** The leaf of an event, once the log has caught up with it. */
  leaf(ref: EventRef): LeafRecord | undefined {
    return 'position' in ref
      ? this.storage.leafByPosition(ref.position)
      : this.storage.leafByStream(ref.streamName, ref.revision);
  }

  leafAt(index: number): LeafRecord | undefined {
    return this.storage.leafAt(index);
  }

  root(size: number = this.size): Buffer {
    return this.tree.root(size);
  }

  inclusionProof(index: number, size: number = this.size): Buffer[] {
    return this.tree.inclusionProof(index, size);
  }

  consistencyProof(first: number, second: number = this.size): Buffer[] {
    return this.tree.consistencyProof(first, second);
  }

  close(): void {
    this.storage.close();
  }
}

/** What a store's history says about a tree head recorded earlier (a checkpoint's size and root). */
export type HistoryCheck =
  | { readonly ok: true; readonly size: number; readonly currentSize: number; readonly consistency: Buffer[] }
  | {
      readonly ok: false;
      readonly reason: 'history-shorter';
      readonly size: number;
      readonly currentSize: number;
    }
  | {
      readonly ok: false;
      readonly reason: 'root-mismatch';
      readonly size: number;
      readonly currentSize: number;
      /** The root the store's events give at that size. */
      readonly recomputedRoot: Buffer;
    };

/**
 * Rebuilds the tree from the store's events (in memory, from scratch: nothing the store or its
 * stored tree says is trusted) and checks that the head `{ size, root }` recorded earlier is a
 * prefix of today's history: the root of the first `size` events must equal it. A rewrite of any
 * of those events — even one whose stream's hash chain was recomputed, so that `verifyAll` passes —
 * changes that root; dropping events makes the history shorter or changes it.
 */
export const checkHistoryAgainst = async (
  store: Pick<EventStore, 'readAll'>,
  head: { readonly size: number; readonly root: Uint8Array },
  storage: TransparencyStorage,
): Promise<HistoryCheck> => {
  const log = new TransparencyLog(store, storage);
  const currentSize = await log.catchUp();
  if (currentSize < head.size) return { ok: false, reason: 'history-shorter', size: head.size, currentSize };
  const recomputedRoot = log.root(head.size);
  if (!recomputedRoot.equals(head.root))
    return { ok: false, reason: 'root-mismatch', size: head.size, currentSize, recomputedRoot };
  return {
    ok: true,
    size: head.size,
    currentSize,
    consistency: log.consistencyProof(head.size, currentSize),
  };
};
