import type { Collection, Doc, DocChange, FindQuery, Page } from '../read-model';

/** Where a projection stands: the last event position it has applied, and whether it runs. */
export interface Checkpoint {
  readonly projection: string;
  /** Position of the last event applied (every event up to it is in the documents). */
  readonly position: bigint;
  /** The projection's version that wrote the documents. */
  readonly version: number;
  /** 'failed' stops the projection until it is rebuilt or the cause is fixed. */
  readonly status: 'ok' | 'failed';
  readonly error?: string;
}

/** The changes of one projection over one batch, and the checkpoint they bring it to. */
export interface ProjectionCommit {
  readonly projection: string;
  readonly version: number;
  /** Changes, each with the position of the last event that changed the document. */
  readonly changes: ReadonlyArray<DocChange & { readonly position: bigint }>;
  readonly checkpoint: Checkpoint;
}

/** The read side every query uses: documents by id and by filter, sort and page. */
export interface ReadModelReader {
  get<D extends Doc>(c: Collection<D>, id: string): Promise<D | undefined>;
  getMany<D extends Doc>(c: Collection<D>, ids: ReadonlyArray<string>): Promise<ReadonlyMap<string, D>>;
  find<D extends Doc>(c: Collection<D>, query?: FindQuery): Promise<Page<D>>;
  /** Every document matching a filter, in id order (for queries that aggregate). */
  findAll<D extends Doc>(c: Collection<D>, query?: Omit<FindQuery, 'page'>): Promise<ReadonlyArray<D>>;
}

/**
 * A read-model store: the embedded SQLite file or MongoDB. Writes are all-or-nothing per
 * `commit` (one transaction), and position-guarded besides: a document is only replaced by a
 * change from a later event, so a replayed batch is never counted twice.
 */
export interface ReadModelStore extends ReadModelReader {
  readonly kind: 'sqlite' | 'mongodb' | 'memory';
  /** Creates tables or collections and their indexes (idempotent). */
  init(collections: ReadonlyArray<Collection<Doc>>): Promise<void>;
  /** Writes the changes and checkpoints of several projections together. */
  commit(commits: ReadonlyArray<ProjectionCommit>): Promise<void>;
  checkpoint(projection: string): Promise<Checkpoint | undefined>;
  checkpoints(): Promise<ReadonlyArray<Checkpoint>>;
  /** Records a failure without moving the checkpoint. */
  markFailed(projection: string, version: number, error: string): Promise<void>;
  /** Drops a projection's documents and checkpoint (before a rebuild). */
  reset(projection: string, collections: ReadonlyArray<Collection<Doc>>): Promise<void>;
  /** Every document of a collection, by id (for comparisons and exports). */
  dump(collectionName: string): Promise<ReadonlyArray<{ readonly id: string; readonly doc: Doc }>>;
  close(): Promise<void>;
}
