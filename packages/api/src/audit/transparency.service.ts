import * as path from 'node:path';
import { mkdirSync } from 'node:fs';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  checkpointText,
  openNote,
  parseCheckpointText,
  parseNote,
  parseVerifierKey,
  parseSignerKey,
  positionToString,
  isEventStoreError,
  signNote,
  SqliteTransparencyStorage,
  TransparencyLog,
  type EventRef,
  type EventStore,
  type NoteSigner,
  type StoredEvent,
} from '@zhaoshang/eventstore';
import type { Clock } from '../clock';
import type { ApiConfig } from '../config';
import { API_CONFIG, CLOCK, EVENT_STORE } from '../tokens';

/** The stream where every signed checkpoint is recorded (no projection reads it). */
export const CHECKPOINT_STREAM = 'transparency-checkpoints';
/** The event recording one checkpoint. */
export const CHECKPOINT_EVENT = 'CheckpointSigned';

/** The event recording a witness's co-signature of a recorded checkpoint. */
export const COSIGNATURE_EVENT = 'CheckpointCosigned';

/** How often the follower looks for new events in `$all` (ms). */
export const FOLLOW_EVERY_MS = 500;

/** Why a checkpoint was made. */
export type CheckpointReason = 'scheduled' | 'on-demand';

/** A signed checkpoint as the API answers it (and as `CheckpointSigned` records it). */
export interface SignedCheckpoint {
  readonly origin: string;
  readonly treeSize: number;
  /** Root hash, base64 (as in the note). */
  readonly rootHash: string;
  /** The whole signed note (C2SP tlog-checkpoint): what a witness or an auditor verifies. */
  readonly note: string;
  /** POSIX seconds, signed in the note's tlog-cosignature/v1 line (Ed25519 keys). */
  readonly timestamp: number;
  /** Position of the last event the checkpoint covers (absent for the empty tree). */
  readonly lastPosition?: string;
  readonly reason: CheckpointReason;
}

const SYSTEM_ACTOR = { userId: 'transparency-log', role: 'system', unitId: 'region' } as const;

/**
 * The API's transparency log: the Merkle tree over `$all`, kept in `transparency.sqlite` in the data
 * directory (beside events.sqlite, or alone when the events are on EventStoreDB). A follower started
 * with the app keeps it at the store's head (every FOLLOW_EVERY_MS it appends what `$all` gained, in
 * one commit, through the port: both stores alike), so the catch-up before every answer has only
 * the last few events to add; checkpoints signed with the configured key, on a schedule and on
 * demand, each recorded as a `CheckpointSigned` event of `transparency-checkpoints`.
 */
@Injectable()
export class TransparencyService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TransparencyLog');
  readonly log: TransparencyLog;
  readonly signer: NoteSigner;
  private timer: NodeJS.Timeout | undefined;
  private follower: NodeJS.Timeout | undefined;
  private following: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private recording: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    mkdirSync(config.dataDir, { recursive: true });
    this.log = new TransparencyLog(
      store,
      new SqliteTransparencyStorage(
        path.join(config.dataDir, 'transparency.sqlite'),
        config.transparency.treeHash,
      ),
    );
    this.signer = parseSignerKey(config.transparency.signingKey);
  }

  onApplicationBootstrap(): void {
    this.follow();
    const every = this.config.transparency.checkpointIntervalMs;
    if (every <= 0) return;
    this.timer = setInterval(() => {
      this.scheduled().catch((error: unknown) =>
        this.logger.error({ msg: 'scheduled checkpoint failed', error: String(error) }),
      );
    }, every);
    this.timer.unref();
  }

  /**
   * The follower: one catch-up pass, then the next one FOLLOW_EVERY_MS after it ended (never two
   * at once, never piling up behind a slow store). A failed pass is logged and retried at the next
   * tick; shutdown stops the ticks and waits for the pass in progress.
   */
  private follow(): void {
    if (this.stopped) return;
    this.following = this.log
      .catchUp()
      .catch((error: unknown) =>
        this.logger.error({ msg: 'transparency follower pass failed', error: String(error) }),
      )
      .finally(() => {
        if (this.stopped) return;
        this.follower = setTimeout(() => this.follow(), FOLLOW_EVERY_MS);
        this.follower.unref();
      });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    if (this.follower !== undefined) clearTimeout(this.follower);
    await this.following;
    await this.recording.catch(() => undefined);
    this.log.close();
  }

  /** What a verifier needs: the origin, the verifier key (signed-note encoding), the algorithms. */
  publicKey() {
    return {
      origin: this.config.transparency.origin,
      verifierKey: this.signer.verifierKey,
      keyName: this.signer.name,
      signatureAlgorithm: this.signer.algorithm,
      treeHash: this.log.hasher.algorithm,
      leaf: 'HASH(0x00 || event hash as 32 bytes), in $all order; node: HASH(0x01 || left || right) (RFC 9162 §2.1.1)',
    };
  }

  /** Signs a checkpoint of the first `size` events (default: all, after catching up); nothing recorded. */
  async sign(size?: number): Promise<Omit<SignedCheckpoint, 'reason'>> {
    const current = await this.log.catchUp();
    const treeSize = size ?? current;
    const root = this.log.root(treeSize);
    const origin = this.config.transparency.origin;
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const treeHash = this.log.hasher.algorithm;
    const note = signNote(checkpointText({ origin, size: treeSize, root, treeHash }), this.signer, {
      timestamp,
    });
    const last = treeSize === 0 ? undefined : this.log.leafAt(treeSize - 1);
    return {
      origin,
      treeSize,
      rootHash: root.toString('base64'),
      note,
      timestamp,
      ...(last !== undefined ? { lastPosition: positionToString(last.position) } : {}),
    };
  }

  /** The tree size that covers exactly the events at positions up to `position` (an event's position). */
  async sizeAt(position: bigint): Promise<number | undefined> {
    await this.log.catchUp();
    const leaf = this.log.leaf({ position });
    return leaf === undefined ? undefined : leaf.index + 1;
  }

  /** Signs a checkpoint and records it as an event of `transparency-checkpoints`. */
  record(reason: CheckpointReason, size?: number): Promise<SignedCheckpoint> {
    const run = this.recording
      .catch(() => undefined)
      .then(async () => {
        const signed = { ...(await this.sign(size)), reason };
        await this.store.append(CHECKPOINT_STREAM, [{ type: CHECKPOINT_EVENT, data: signed }], {
          expectedRevision: 'any',
          context: {
            commandId: `checkpoint-${signed.origin}-${signed.treeSize}-${signed.timestamp}-${reason}`,
            actor: SYSTEM_ACTOR,
            businessTime: this.clock.now().toISOString(),
          },
        });
        return signed;
      });
    this.recording = run;
    return run;
  }

  /**
   * The scheduled checkpoint: skipped when nothing but the previous checkpoint was recorded since
   * (an idle store does not grow by one event an hour).
   */
  async scheduled(): Promise<SignedCheckpoint | undefined> {
    const size = await this.log.catchUp();
    if (size > 0 && this.log.leafAt(size - 1)?.streamName === CHECKPOINT_STREAM) return undefined;
    return this.record('scheduled');
  }

  /**
   * Stores the co-signatures of a checkpoint this log signed: `note` is the checkpoint with the
   * witnesses' lines added. Kept: each line of a configured witness (TRANSPARENCY_WITNESS_KEYS)
   * that verifies (tlog-cosignature/v1). Undefined when the note is not a checkpoint this log
   * signed; `stored: []` when no line is a configured witness's valid co-signature.
   */
  async cosign(
    note: string,
  ): Promise<{ readonly treeSize: number; readonly stored: ReadonlyArray<string> } | undefined> {
    const own = parseVerifierKey(this.signer.verifierKey);
    const text = openNote(note, [own]);
    const checkpoint = text === undefined ? undefined : parseCheckpointText(text);
    if (
      checkpoint === undefined ||
      checkpoint.origin !== this.config.transparency.origin ||
      checkpoint.treeHash !== this.log.hasher.algorithm
    )
      return undefined;
    await this.log.catchUp();
    if (checkpoint.size > this.log.size || !this.log.root(checkpoint.size).equals(checkpoint.root))
      return undefined;
    const witnesses = this.config.transparency.witnessKeys.map(parseVerifierKey);
    const parsed = parseNote(note)!;
    const body = Buffer.from(parsed.text, 'utf8');
    const stored: string[] = [];
    for (const s of parsed.signatures) {
      const witness = witnesses.find((w) => w.name === s.name && w.keyId.equals(s.keyId));
      if (witness === undefined || !witness.verify(body, s.signature)) continue;
      const line = `— ${s.name} ${Buffer.concat([s.keyId, s.signature]).toString('base64')}\n`;
      stored.push(line);
    }
    if (stored.length > 0)
      await this.store.append(
        CHECKPOINT_STREAM,
        stored.map((line) => ({
          type: COSIGNATURE_EVENT,
          data: {
            origin: checkpoint.origin,
            treeSize: checkpoint.size,
            rootHash: checkpoint.root.toString('base64'),
            line,
          },
        })),
        {
          expectedRevision: 'any',
          context: {
            commandId: `cosign-${checkpoint.size}-${createHash('sha256').update(stored.join('')).digest('hex')}`,
            actor: SYSTEM_ACTOR,
            businessTime: this.clock.now().toISOString(),
          },
        },
      );
    return { treeSize: checkpoint.size, stored };
  }

  /**
   * The checkpoint of a tree size as signed (the latest recorded one of that size), with every
   * stored co-signature line added; undefined when none of that size was recorded.
   */
  async cosigned(treeSize: number): Promise<string | undefined> {
    const events = await this.events();
    const checkpoint = events
      .filter((e) => e.type === CHECKPOINT_EVENT)
      .map((e) => e.data as SignedCheckpoint)
      .filter((c) => c.treeSize === treeSize)
      .pop();
    if (checkpoint === undefined) return undefined;
    const lines = new Set(
      events
        .filter((e) => e.type === COSIGNATURE_EVENT)
        .map((e) => e.data as { treeSize: number; rootHash: string; line: string })
        .filter((c) => c.treeSize === treeSize && c.rootHash === checkpoint.rootHash)
        .map((c) => c.line),
    );
    return checkpoint.note + [...lines].join('');
  }

  private async events(): Promise<ReadonlyArray<StoredEvent>> {
    try {
      return await this.store.readStream(CHECKPOINT_STREAM);
    } catch (error) {
      if (isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND') return [];
      throw error;
    }
  }

  /** Recorded checkpoints, newest first. */
  async checkpoints(limit = 100): Promise<SignedCheckpoint[]> {
    let events: ReadonlyArray<StoredEvent> = [];
    try {
      events = await this.store.readStream(CHECKPOINT_STREAM, { direction: 'backwards', maxCount: limit });
    } catch (error) {
      if (!(isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND')) throw error;
    }
    return events.filter((e) => e.type === CHECKPOINT_EVENT).map((e) => e.data as SignedCheckpoint);
  }

  /** An inclusion proof of one event in the tree of `treeSize` events (default: the current tree). */
  async inclusion(ref: EventRef, treeSize?: number) {
    const current = await this.log.catchUp();
    const size = treeSize ?? current;
    const leaf = this.log.leaf(ref);
    if (leaf === undefined) return undefined;
    if (size > current || leaf.index >= size) return { leaf, size, proof: undefined };
    return { leaf, size, proof: this.log.inclusionProof(leaf.index, size), root: this.log.root(size) };
  }

  /**
   * For a project's audit bundle: a checkpoint of the current tree, signed now (not recorded), and
   * the leaf index and inclusion proof in it of each event at these positions, from the stored
   * nodes (O(log n) each; the follower keeps the tree at the head). Undefined when an event is not
   * in the tree.
   */
  async proveInclusion(positions: ReadonlyArray<bigint>): Promise<
    | {
        readonly checkpoint: string;
        readonly inclusion: ReadonlyArray<{ readonly index: number; readonly proof: ReadonlyArray<string> }>;
      }
    | undefined
  > {
    const signed = await this.sign();
    const inclusion: Array<{ index: number; proof: string[] }> = [];
    for (const position of positions) {
      const leaf = this.log.leaf({ position });
      if (leaf === undefined || leaf.index >= signed.treeSize) return undefined;
      inclusion.push({
        index: leaf.index,
        proof: this.log.inclusionProof(leaf.index, signed.treeSize).map((h) => h.toString('base64')),
      });
    }
    return { checkpoint: signed.note, inclusion };
  }

  /** A consistency proof between two tree sizes (default second: the current tree). */
  async consistency(first: number, second?: number) {
    const current = await this.log.catchUp();
    const to = second ?? current;
    if (first > to || to > current) return undefined;
    return {
      first,
      second: to,
      firstRoot: this.log.root(first),
      secondRoot: this.log.root(to),
      proof: this.log.consistencyProof(first, to),
    };
  }
}
