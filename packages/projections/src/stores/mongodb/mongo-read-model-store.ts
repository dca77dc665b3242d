import {
  MongoClient,
  type AnyBulkWriteOperation,
  type ClientSession,
  type Db,
  type Document,
  type Filter as MongoFilter,
  type Sort,
} from 'mongodb';
import type { Collection, Doc, FieldCondition, Filter, FindQuery, Page, SortKey } from '../../read-model';
import { pageBounds } from '../../read-model';
import {
  LeaseLostError,
  storablePosition,
  type Checkpoint,
  type CommitOptions,
  type Lease,
  type ParkedEvent,
  type ProjectionCommit,
  type ReadModelStore,
  type SkipRecord,
} from '../read-model-store';
import {
  commitWithRedoLog,
  fromRedo,
  recoverRedoLog,
  toRedo,
  type GuardedPrimitives,
  type RedoEntry,
} from '../redo-log';

/** Options of the MongoDB read-model store. */
export interface MongoReadModelStoreOptions {
  /** e.g. `mongodb://localhost:27017/?replicaSet=rs0` */
  readonly url: string;
  /** Default 'zhaoshang_read_models'. */
  readonly database?: string;
  /**
   * 'auto' (default): a transaction per batch when the deployment supports them (a replica set or
   * a sharded cluster), otherwise the redo log. Both are position-guarded.
   */
  readonly transactions?: 'auto' | 'always' | 'never';
}

/** Checkpoints, one document per projection. */
export const CHECKPOINTS_COLLECTION = 'projection_checkpoints';
/** The redo log of the batch being written (without transactions). */
export const REDO_COLLECTION = 'projection_redo';
/** The runner lease: one document `{ _id: 'runner', holder, expiresAt }`. */
export const LEASE_COLLECTION = 'projection_lease';
/** Parked events an operator skipped. */
export const SKIPPED_COLLECTION = 'projection_skipped';

/**
 * Positions are BSON 64-bit integers (Long), written from and read back as bigint (the client is
 * opened with `useBigInt64`), so the server compares them numerically in guards and checkpoints.
 * Stores from before issue #12 kept 24-digit text; `init` converts it (see `migrateTextPositions`).
 */
type Stored = Document & { _id: string; _pos: bigint };
type Keyed = Document & { _id: string };

const strip = <D>(d: Document): D => {
  const { _id: _i, _pos: _p, ...rest } = d;
  return rest as D;
};

const condition = (field: string, c: FieldCondition): Document[] => {
  const out: Document[] = [];
  if (c.$eq !== undefined) out.push({ [field]: { $eq: c.$eq } });
  if (c.$ne !== undefined) out.push({ [field]: { $ne: c.$ne } });
  if (c.$in !== undefined) out.push({ [field]: { $in: [...c.$in] } });
  if (c.$gt !== undefined) out.push({ [field]: { $gt: c.$gt } });
  if (c.$gte !== undefined) out.push({ [field]: { $gte: c.$gte } });
  if (c.$lt !== undefined) out.push({ [field]: { $lt: c.$lt } });
  if (c.$lte !== undefined) out.push({ [field]: { $lte: c.$lte } });
  if (c.$has !== undefined) out.push({ [field]: c.$has }); // an array field matches one of its elements
  if (c.$exists !== undefined)
    out.push(c.$exists ? { [field]: { $exists: true, $ne: null } } : { [field]: null });
  return out;
};

/** The query language in MongoDB's own terms (one clause per condition). */
export const mongoFilter = (filter: Filter | undefined): MongoFilter<Document> => {
  const clauses: Document[] = [];
  for (const [field, value] of Object.entries(filter ?? {})) {
    if (value === null || typeof value !== 'object') clauses.push({ [field]: value });
    else clauses.push(...condition(field, value));
  }
  return clauses.length === 0 ? {} : { $and: clauses };
};

export const mongoSort = (sort: ReadonlyArray<SortKey> | undefined): Sort => {
  const s: Record<string, 1 | -1> = {};
  for (const k of sort ?? []) s[k.field] = k.direction === 'desc' ? -1 : 1;
  s['_id'] = 1;
  return s;
};

/** An upsert that replaces the document only when it reflects an earlier position (atomic on the server). */
const guardedReplace = (id: string, doc: Document, pos: bigint): AnyBulkWriteOperation<Stored> => ({
  updateOne: {
    filter: { _id: id },
    update: [
      {
        $replaceWith: {
          $cond: [
            { $lt: [{ $ifNull: ['$_pos', -1n] }, pos] },
            { $literal: { ...doc, _id: id, _pos: pos } },
            '$$ROOT',
          ],
        },
      },
    ],
    upsert: true,
  },
});

const checkpointDoc = (cp: Checkpoint): Document => ({
  _id: cp.projection,
  position: storablePosition(cp.position),
  version: cp.version,
  status: cp.status,
  ...(cp.parked !== undefined
    ? { parked: { ...cp.parked, position: storablePosition(cp.parked.position) } }
    : {}),
  ...(cp.source !== undefined
    ? { source: { storeId: cp.source.storeId, firstEventHash: cp.source.firstEventHash } }
    : {}),
});

/** A position as the server gives it back: bigint with `useBigInt64`; a plain number from other writers. */
const positionOf = (v: unknown): bigint => {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  throw new RangeError(`not a stored position: ${String(v)}`);
};

/**
 * Read models in MongoDB: a collection per read-model collection (same names), documents keyed
 * by `_id` with their last position in `_pos`, the indexes of each collection created on `init`,
 * checkpoints in `projection_checkpoints`. Every write is position-guarded; a batch is one
 * transaction where the deployment allows, otherwise it goes through the redo log
 * (`projection_redo`) so that no replayed event is ever counted twice.
 */
export class MongoReadModelStore implements ReadModelStore {
  readonly kind = 'mongodb' as const;
  private readonly primitives: GuardedPrimitives;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    /** Whether batches are written in a transaction. */
    readonly transactional: boolean,
  ) {
    const redo = () => this.db.collection<Keyed>(REDO_COLLECTION);
    this.primitives = {
      writeRedo: async (commits) => {
        await redo().deleteMany({});
        const entries = commits.map(toRedo);
        // One chunk per commit keeps each document far below 16 MB for any sane batch size.
        if (entries.length > 0)
          await redo().insertMany(entries.map((e, i) => ({ _id: `chunk:${i}`, entry: e })));
        await redo().insertOne({ _id: 'header', chunks: entries.length }); // written last: the batch is complete
      },
      readRedo: async () => {
        const header = await redo().findOne({ _id: 'header' });
        if (header === null) return undefined;
        const chunks = await redo()
          .find({ _id: { $regex: '^chunk:' } })
          .toArray();
        if (chunks.length !== (header['chunks'] as number))
          throw new Error('redo log incomplete although its header was written');
        chunks.sort((a, b) => Number(String(a['_id']).slice(6)) - Number(String(b['_id']).slice(6)));
        return chunks.map((c) => fromRedo(c['entry'] as RedoEntry));
      },
      clearRedo: async () => {
        await redo().deleteOne({ _id: 'header' });
        await redo().deleteMany({});
      },
      applyGuarded: async (change) => {
        const pos = storablePosition(change.position);
        const c = this.db.collection<Stored>(change.collection);
        if (change.doc === null) await c.deleteOne({ _id: change.id, _pos: { $lt: pos } });
        else await c.bulkWrite([guardedReplace(change.id, change.doc as Document, pos)]);
      },
      writeCheckpoint: async (cp) => {
        await this.writeCheckpoint(cp);
      },
      checkLease: async (holder) => {
        const lease = await this.db.collection<Keyed>(LEASE_COLLECTION).findOne({ _id: 'runner' });
        if (lease?.['holder'] !== holder)
          throw new LeaseLostError(
            holder,
            typeof lease?.['holder'] === 'string' ? lease['holder'] : undefined,
          );
      },
    };
  }

  /** Connects and decides how batches are written. */
  static async open(options: MongoReadModelStoreOptions): Promise<MongoReadModelStore> {
    const client = new MongoClient(options.url, { ignoreUndefined: true, useBigInt64: true });
    await client.connect();
    return MongoReadModelStore.fromClient(client, options);
  }

  /** Over a connected client (tests pass the client double of `mongodb-double.ts` here). */
  static async fromClient(
    client: MongoClient,
    options: Omit<MongoReadModelStoreOptions, 'url'>,
  ): Promise<MongoReadModelStore> {
    const db = client.db(options.database ?? 'zhaoshang_read_models');
    let transactional = options.transactions === 'always';
    if (options.transactions === undefined || options.transactions === 'auto') {
      const hello = await db.admin().command({ hello: 1 });
      transactional = typeof hello['setName'] === 'string' || hello['msg'] === 'isdbgrid';
    }
    return new MongoReadModelStore(client, db, transactional);
  }

  private async writeCheckpoint(cp: Checkpoint, session?: ClientSession): Promise<void> {
    const next = checkpointDoc(cp);
    await this.db.collection<Keyed>(CHECKPOINTS_COLLECTION).updateOne(
      { _id: cp.projection },
      [
        {
          $replaceWith: {
            $cond: [
              { $lte: [{ $ifNull: ['$position', -1n] }, next['position']] },
              { $literal: next },
              '$$ROOT',
            ],
          },
        },
      ],
      { upsert: true, ...(session !== undefined ? { session } : {}) },
    );
  }

  async init(collections: ReadonlyArray<Collection<Doc>>): Promise<void> {
    for (const c of collections) {
      const coll = this.db.collection(c.name);
      for (const index of c.indexes) {
        await coll.createIndex(Object.fromEntries(index.fields.map((f) => [f, 1])), { name: index.name });
      }
    }
    await this.migrateTextPositions(collections);
    await recoverRedoLog(this.primitives);
  }

  /**
   * Stores from before issue #12 kept positions as 24-digit text, which compares as text. They are
   * converted on the server, as numbers ($convert to long); a text that does not fit (the old packed
   * EventStoreDB positions) marks its checkpoint 'resetting', so the runner rebuilds that projection.
   * A failed projection is tried again ('ok'), as the old runner did on every start.
   */
  private async migrateTextPositions(collections: ReadonlyArray<Collection<Doc>>): Promise<void> {
    const toLong = (field: string, onError: unknown): Document => ({
      $cond: [{ $eq: [field, ''] }, -1n, { $convert: { input: field, to: 'long', onError } }],
    });
    await this.db.collection<Keyed>(CHECKPOINTS_COLLECTION).updateMany({ position: { $type: 'string' } }, [
      { $set: { position: toLong('$position', null), status: 'ok' } },
      {
        $set: {
          status: { $cond: [{ $eq: ['$position', null] }, 'resetting', 'ok'] },
          position: { $ifNull: ['$position', -1n] },
        },
      },
      { $unset: 'error' },
    ]);
    for (const c of collections)
      await this.db
        .collection(c.name)
        .updateMany({ _pos: { $type: 'string' } }, [{ $set: { _pos: toLong('$_pos', -1n) } }]);
  }

  async get<D extends Doc>(c: Collection<D>, id: string): Promise<D | undefined> {
    const d = await this.db.collection<Stored>(c.name).findOne({ _id: id });
    return d === null ? undefined : strip<D>(d);
  }

  async getMany<D extends Doc>(
    c: Collection<D>,
    ids: ReadonlyArray<string>,
  ): Promise<ReadonlyMap<string, D>> {
    const rows = await this.db
      .collection<Stored>(c.name)
      .find({ _id: { $in: [...ids] } })
      .toArray();
    return new Map(rows.map((r) => [r._id, strip<D>(r)]));
  }

  async find<D extends Doc>(c: Collection<D>, query: FindQuery = {}): Promise<Page<D>> {
    const { limit, offset } = pageBounds(query.page);
    const coll = this.db.collection(c.name);
    const filter = mongoFilter(query.filter);
    const [total, rows] = await Promise.all([
      coll.countDocuments(filter),
      limit === 0
        ? Promise.resolve([])
        : coll.find(filter).sort(mongoSort(query.sort)).skip(offset).limit(limit).toArray(),
    ]);
    return { items: rows.map((r) => strip<D>(r)), total, limit, offset };
  }

  async findAll<D extends Doc>(
    c: Collection<D>,
    query: Omit<FindQuery, 'page'> = {},
  ): Promise<ReadonlyArray<D>> {
    const rows = await this.db
      .collection(c.name)
      .find(mongoFilter(query.filter))
      .sort(mongoSort(query.sort))
      .toArray();
    return rows.map((r) => strip<D>(r));
  }

  async commit(commits: ReadonlyArray<ProjectionCommit>, options: CommitOptions = {}): Promise<void> {
    if (!this.transactional) return commitWithRedoLog(this.primitives, commits, options);
    const session = this.client.startSession();
    try {
      await session.withTransaction(async () => {
        if (options.leaseHolder !== undefined) {
          // Fencing: writing the lease document inside the transaction makes a concurrent takeover a
          // write conflict (one of the two aborts), and a lease already taken matches nothing.
          const fenced = await this.db
            .collection<Keyed>(LEASE_COLLECTION)
            .updateOne(
              { _id: 'runner', holder: options.leaseHolder },
              { $inc: { fencedBatches: 1 } },
              { session },
            );
          if (fenced.matchedCount !== 1) {
            const lease = await this.db
              .collection<Keyed>(LEASE_COLLECTION)
              .findOne({ _id: 'runner' }, { session });
            throw new LeaseLostError(
              options.leaseHolder,
              typeof lease?.['holder'] === 'string' ? lease['holder'] : undefined,
            );
          }
        }
        const byCollection = new Map<string, AnyBulkWriteOperation<Stored>[]>();
        for (const commit of commits) {
          for (const change of commit.changes) {
            const ops = byCollection.get(change.collection) ?? [];
            const pos = storablePosition(change.position);
            ops.push(
              change.doc === null
                ? { deleteOne: { filter: { _id: change.id, _pos: { $lt: pos } } } }
                : guardedReplace(change.id, change.doc as Document, pos),
            );
            byCollection.set(change.collection, ops);
          }
        }
        for (const [name, ops] of byCollection)
          await this.db.collection<Stored>(name).bulkWrite(ops, { session, ordered: true });
        for (const commit of commits) await this.writeCheckpoint(commit.checkpoint, session);
      });
    } finally {
      await session.endSession();
    }
  }

  async checkpoint(projection: string): Promise<Checkpoint | undefined> {
    const d = await this.db.collection<Keyed>(CHECKPOINTS_COLLECTION).findOne({ _id: projection });
    return d === null ? undefined : toCheckpoint(d);
  }

  async checkpoints(): Promise<ReadonlyArray<Checkpoint>> {
    const rows = await this.db.collection<Keyed>(CHECKPOINTS_COLLECTION).find({}).sort({ _id: 1 }).toArray();
    return rows.map(toCheckpoint);
  }

  /**
   * Not one transaction (deleting whole collections can exceed a transaction's limits): the
   * checkpoint is first marked 'resetting', then the documents go, then the checkpoint. A crash in
   * between leaves the marker, and the runner resets again before anything else.
   */
  async reset(projection: string, collections: ReadonlyArray<Collection<Doc>>): Promise<void> {
    await this.db
      .collection<Keyed>(CHECKPOINTS_COLLECTION)
      .updateOne(
        { _id: projection },
        { $set: { status: 'resetting', position: -1n, version: 0 }, $unset: { parked: '', source: '' } },
        { upsert: true },
      );
    for (const c of collections) await this.db.collection(c.name).deleteMany({});
    await this.db
      .collection<Keyed>(CHECKPOINTS_COLLECTION)
      .deleteOne({ _id: projection, status: 'resetting' });
  }

  async acquireLease(holder: string, ttlMs: number, now: number): Promise<boolean> {
    try {
      // Matches when free (expired) or ours; otherwise the upsert's insert of the same _id fails with a
      // duplicate key error (E11000), which is the answer "held by another". The server does not retry
      // it: its automatic upsert retry needs a filter of equality predicates only, and this one has $or
      // (https://www.mongodb.com/docs/manual/reference/method/db.collection.updateOne/#upsert-with-duplicate-values).
      const r = await this.db
        .collection<Keyed>(LEASE_COLLECTION)
        .updateOne(
          { _id: 'runner', $or: [{ holder }, { expiresAt: { $lte: Math.floor(now) } }] },
          { $set: { holder, expiresAt: Math.floor(now + ttlMs) } },
          { upsert: true },
        );
      return r.matchedCount === 1 || r.upsertedCount === 1;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async releaseLease(holder: string): Promise<void> {
    await this.db.collection<Keyed>(LEASE_COLLECTION).deleteOne({ _id: 'runner', holder });
  }

  async lease(): Promise<Lease | undefined> {
    const d = await this.db.collection<Keyed>(LEASE_COLLECTION).findOne({ _id: 'runner' });
    return d === null ? undefined : { holder: String(d['holder']), expiresAt: Number(d['expiresAt']) };
  }

  async retryParked(projection: string): Promise<boolean> {
    const r = await this.db
      .collection<Keyed>(CHECKPOINTS_COLLECTION)
      .updateOne({ _id: projection, status: 'parked' }, { $set: { status: 'ok' }, $unset: { parked: '' } });
    return r.modifiedCount === 1;
  }

  /** The record is written first: a crash before the checkpoint moves leaves a record of a skip not (yet) done, never a silent skip. */
  async skipParked(projection: string, position: bigint, by: string, at: string): Promise<boolean> {
    const cp = await this.checkpoint(projection);
    if (cp?.status !== 'parked' || cp.parked === undefined || cp.parked.position !== position) return false;
    const record = { ...cp.parked, position: storablePosition(position), projection, skippedAt: at, by };
    const inserted = await this.db.collection(SKIPPED_COLLECTION).insertOne(record);
    const moved = await this.db
      .collection<Keyed>(CHECKPOINTS_COLLECTION)
      .updateOne(
        { _id: projection, status: 'parked', 'parked.position': storablePosition(position) },
        { $set: { status: 'ok', position: storablePosition(position) }, $unset: { parked: '' } },
      );
    if (moved.modifiedCount === 1) return true;
    await this.db.collection(SKIPPED_COLLECTION).deleteOne({ _id: inserted.insertedId });
    return false;
  }

  async skipped(): Promise<ReadonlyArray<SkipRecord>> {
    const rows = await this.db.collection(SKIPPED_COLLECTION).find({}).sort({ skippedAt: 1 }).toArray();
    return rows.map((r) => ({
      projection: String(r['projection']),
      position: positionOf(r['position']),
      streamName: String(r['streamName']),
      revision: Number(r['revision']),
      type: String(r['type']),
      error: String(r['error']),
      skippedAt: String(r['skippedAt']),
      by: String(r['by']),
    }));
  }

  async dump(collectionName: string): Promise<ReadonlyArray<{ readonly id: string; readonly doc: Doc }>> {
    const rows = await this.db.collection<Stored>(collectionName).find({}).sort({ _id: 1 }).toArray();
    return rows.map((r) => ({ id: r._id, doc: strip<Doc>(r) }));
  }

  /** Drops the database (tests). */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

const toCheckpoint = (d: Document): Checkpoint => {
  const parked = d['parked'] as (Omit<ParkedEvent, 'position'> & { position: unknown }) | undefined;
  const source = d['source'] as { storeId: string; firstEventHash: string | null } | undefined;
  const status = d['status'];
  return {
    projection: String(d['_id']),
    position: positionOf(d['position']),
    version: Number(d['version']),
    status: status === 'parked' || status === 'resetting' ? status : 'ok',
    ...(parked !== undefined && parked !== null
      ? { parked: { ...parked, position: positionOf(parked.position) } }
      : {}),
    ...(source !== undefined && source !== null
      ? { source: { storeId: source.storeId, firstEventHash: source.firstEventHash ?? null } }
      : {}),
  };
};

/** Opens the MongoDB read-model store. */
export const openMongoReadModelStore = (options: MongoReadModelStoreOptions): Promise<MongoReadModelStore> =>
  MongoReadModelStore.open(options);
