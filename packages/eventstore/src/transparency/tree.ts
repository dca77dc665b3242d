import { TREE_HASH_SIZE, type TreeHasher } from './hashing';
import { consistencyProof, inclusionProof, rootAt, type StoredNodes } from './proofs';

/**
 * Where a tree keeps its nodes: every complete subtree's hash, by level and index (see
 * `StoredNodes`). Writes come in batches (`commit`), each leaving the storage at a new size with
 * every node of that size's complete subtrees present.
 */
export interface NodeStorage extends StoredNodes {
  /** Writes the nodes (level, index, hash) and the new size, atomically. */
  commit(nodes: ReadonlyArray<NewNode>, size: number): void;
}

export interface NewNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Buffer;
}

/** Nodes in memory: one growing buffer of 32-byte slots per level (about 64 bytes a leaf). */
export class MemoryNodeStorage implements NodeStorage {
  private levels: Buffer[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  node(level: number, index: number): Buffer {
    const buffer = this.levels[level];
    const at = index * TREE_HASH_SIZE;
    if (
      buffer === undefined ||
      index < 0 ||
      (index + 1) * 2 ** level > this.count ||
      at + TREE_HASH_SIZE > buffer.length
    )
      throw new RangeError(`no node at level ${level} index ${index}`);
    return buffer.subarray(at, at + TREE_HASH_SIZE);
  }

  commit(nodes: ReadonlyArray<NewNode>, size: number): void {
    for (const { level, index, hash } of nodes) {
      let buffer = this.levels[level];
      const end = (index + 1) * TREE_HASH_SIZE;
      if (buffer === undefined || buffer.length < end) {
        const grown = Buffer.alloc(Math.max(end, (buffer?.length ?? 0) * 2, 64 * TREE_HASH_SIZE));
        if (buffer !== undefined) buffer.copy(grown);
        this.levels[level] = grown;
        buffer = grown;
      }
      hash.copy(buffer, index * TREE_HASH_SIZE);
    }
    this.count = size;
  }
}

/**
 * An append-only Merkle tree (RFC 9162) that keeps its nodes, so that roots and proofs at any size
 * up to the current one cost O(log n). Appending a leaf writes it and each parent it completes
 * (two nodes a leaf on average); the right edge (`frontier`: the last complete node of each level
 * whose right sibling is still missing) stays in memory so an append reads nothing back.
 */
export class MerkleTree {
  private readonly frontier: Array<Buffer | undefined> = [];

  constructor(
    readonly hasher: TreeHasher,
    private readonly storage: NodeStorage,
  ) {
    const size = storage.size;
    for (let level = 0; 2 ** level <= size; level += 1) {
      const count = Math.floor(size / 2 ** level);
      if (count % 2 === 1) this.frontier[level] = Buffer.from(storage.node(level, count - 1));
    }
  }

  get size(): number {
    return this.storage.size;
  }

  /** Appends leaves by their leaf data (each hashed as HASH(0x00 || data)); returns the new size. */
  appendLeafData(leafData: ReadonlyArray<Uint8Array>): number {
    return this.appendLeafHashes(leafData.map((data) => this.hasher.leaf(data)));
  }

  /**
   * Appends leaves by their leaf hashes; returns the new size. `write` stores the new nodes (by
   * default the storage's `commit`; a log commits its leaf records in the same transaction). The
   * in-memory right edge changes only once the write succeeded.
   */
  appendLeafHashes(
    leafHashes: ReadonlyArray<Buffer>,
    write: (nodes: ReadonlyArray<NewNode>, size: number) => void = (nodes, size) =>
      this.storage.commit(nodes, size),
  ): number {
    const nodes: NewNode[] = [];
    const frontier = [...this.frontier];
    let size = this.storage.size;
    for (const leafHash of leafHashes) {
      let level = 0;
      let index = size;
      let current = leafHash;
      nodes.push({ level, index, hash: current });
      while (index % 2 === 1) {
        const left = frontier[level];
        if (left === undefined) throw new Error(`tree frontier lost at level ${level}`);
        frontier[level] = undefined;
        current = this.hasher.node(left, current);
        level += 1;
        index = (index - 1) / 2;
        nodes.push({ level, index, hash: current });
      }
      frontier[level] = current;
      size += 1;
    }
    write(nodes, size);
    frontier.forEach((node, level) => (this.frontier[level] = node));
    this.frontier.length = frontier.length;
    return size;
  }

  /** The leaf hash at `index`. */
  leafHash(index: number): Buffer {
    return this.storage.node(0, index);
  }

  root(size: number = this.size): Buffer {
    return rootAt(this.storage, this.hasher, size);
  }

  inclusionProof(index: number, size: number = this.size): Buffer[] {
    return inclusionProof(this.storage, this.hasher, index, size);
  }

  consistencyProof(first: number, second: number = this.size): Buffer[] {
    return consistencyProof(this.storage, this.hasher, first, second);
  }
}
