import type { TreeCheckpoint } from '@zhaoshang/domain';
import { type EventStore, type GlobalPosition } from '@zhaoshang/eventstore';
import { bundleLineOf, contentHashOf } from './bundle';
import {
  equalHashes,
  eventLeafData,
  leafHash,
  parseCheckpoint,
  rootOfLeaves,
  verifyCheckpointSignature,
  type Hash32,
  type TreeHash,
  type VerifierKey,
} from './transparency';

/*
 * The transparency checkpoint a bulletin carries (issue #15): the log's signed checkpoint of exactly
 * the events its figures were computed from, the first `treeSize` events of `$all`, the last at
 * `computedAtPosition`. Checked here with the auditor's own verifier (packages/audit/src/transparency,
 * written from RFC 9162 and C2SP apart from the server's code): the note is a checkpoint whose lines
 * are the carried origin, size and root; the log's key signed it (when a key is given; Ed25519 or
 * SM2, as the key's type says); and the events of the store up to the position, each leaf
 * recomputed from the event's content (never the stored hash), are `treeSize` leaves whose RFC
 * 9162 root is the carried root, hashed with the tree hash the signed note names (SHA-256, or SM3
 * for a log that signs `tree-hash sm3`).
 */

/** Whether the log's key signed the note: `unchecked` when no log key was given. */
export type CheckpointSignatureVerdict = 'valid' | 'invalid' | 'unchecked';

/** The verdict on a bulletin edition's carried checkpoint. */
export interface CheckpointVerification {
  /** noteMatches, a signature not invalid, the event count, and the recomputed root as carried (unless unchecked). */
  readonly ok: boolean;
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: string;
  /** The note parses as a checkpoint whose origin, size and root are the carried fields. */
  readonly noteMatches: boolean;
  readonly signature: CheckpointSignatureVerdict;
  /** Events of the store at positions up to and including computedAtPosition. */
  readonly eventsUpToPosition: number;
  /** The tree hash the note names (absent when the note is not a checkpoint). */
  readonly treeHash?: TreeHash;
  /**
   * Whether those events give the carried root: `unchecked` only when the note is not a
   * checkpoint (no tree hash to recompute with), or names another tree hash than the caller's
   * `expectedTreeHash`.
   */
  readonly root: 'equal' | 'different' | 'unchecked';
  /** The tree root of those events (base64), leaves recomputed from their content; absent when unchecked. */
  readonly recomputedRoot?: string;
}

/** The leaf data of `$all` in order, with each event's position, read as far as needed and kept. */
export class StoreLeaves {
  private readonly leaves: Uint8Array[] = [];
  private readonly positions: GlobalPosition[] = [];
  private done = false;

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly pageSize = 1000,
  ) {}

  /** The leaf data of the events at positions up to and including `upTo`. */
  async upTo(upTo: bigint): Promise<ReadonlyArray<Uint8Array>> {
    while (
      !this.done &&
      (this.positions.length === 0 || this.positions[this.positions.length - 1]! <= upTo)
    ) {
      const after = this.positions[this.positions.length - 1];
      const page = await this.store.readAll(
        after === undefined ? { maxCount: this.pageSize } : { after, maxCount: this.pageSize },
      );
      for (const e of page) {
        this.positions.push(e.globalPosition);
        this.leaves.push(eventLeafData(contentHashOf(bundleLineOf(e))));
      }
      if (page.length < this.pageSize) this.done = true;
    }
    let count = 0;
    while (count < this.positions.length && this.positions[count]! <= upTo) count += 1;
    return this.leaves.slice(0, count);
  }
}

const b64 = (h: Hash32): string => Buffer.from(h).toString('base64');

/** Checks one carried checkpoint against the store's events up to `computedAtPosition`. */
export const verifyCarriedCheckpoint = async (
  carried: TreeCheckpoint,
  computedAtPosition: bigint,
  leaves: StoreLeaves,
  logKeys: ReadonlyArray<VerifierKey>,
  expectedTreeHash?: TreeHash,
): Promise<CheckpointVerification> => {
  const parsed = parseCheckpoint(carried.note.endsWith('\n') ? carried.note : `${carried.note}\n`);
  const noteMatches =
    typeof parsed !== 'string' &&
    parsed.origin === carried.origin &&
    parsed.size === BigInt(carried.treeSize) &&
    b64(parsed.root) === carried.rootHash;
  const signature: CheckpointSignatureVerdict =
    logKeys.length === 0
      ? 'unchecked'
      : typeof parsed !== 'string' && logKeys.some((k) => verifyCheckpointSignature(parsed, k))
        ? 'valid'
        : 'invalid';
  const events = await leaves.upTo(computedAtPosition);
  const treeHash = typeof parsed === 'string' ? undefined : parsed.treeHash;
  const root =
    treeHash === undefined || (expectedTreeHash !== undefined && expectedTreeHash !== treeHash)
      ? undefined
      : rootOfLeaves(
          events.map((data) => leafHash(data, treeHash)),
          treeHash,
        );
  const rootVerdict =
    root === undefined
      ? 'unchecked'
      : equalHashes(root, Buffer.from(carried.rootHash, 'base64'))
        ? 'equal'
        : 'different';
  return {
    ok:
      noteMatches && signature !== 'invalid' && events.length === carried.treeSize && rootVerdict === 'equal',
    origin: carried.origin,
    treeSize: carried.treeSize,
    rootHash: carried.rootHash,
    noteMatches,
    signature,
    eventsUpToPosition: events.length,
    ...(treeHash === undefined ? {} : { treeHash }),
    root: rootVerdict,
    ...(root !== undefined ? { recomputedRoot: b64(root) } : {}),
  };
};
