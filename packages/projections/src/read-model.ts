import type { DecodedEvent, EventCategory } from './events/decode';

/**
 * The vocabulary shared by projections, stores and the runner: typed collections of JSON
 * documents, the changes a projection returns, and the query language every store understands.
 */

/** A stored read-model document: plain JSON (no undefined inside arrays, no bigint, no Date). */
export type Doc = object;

/** An index of a collection: the document fields it covers, in order. */
export interface IndexSpec {
  readonly name: string;
  readonly fields: ReadonlyArray<string>;
}

/** A named collection of documents of one type, with the indexes its queries use. */
export interface Collection<D extends Doc> {
  readonly name: string;
  readonly indexes: ReadonlyArray<IndexSpec>;
  /** Phantom: the type of the documents. */
  readonly _doc?: D;
}

/** Declares a collection. */
export const collection = <D extends Doc>(
  name: string,
  indexes: ReadonlyArray<IndexSpec> = [],
): Collection<D> => ({
  name,
  indexes,
});

/** What a projection changes: the new version of a document, or `null` to delete it. */
export interface DocChange {
  readonly collection: string;
  readonly id: string;
  readonly doc: Doc | null;
}

/** Builds a typed change. */
export const put = <D extends Doc>(c: Collection<D>, id: string, doc: D): DocChange => ({
  collection: c.name,
  id,
  doc,
});

/** Builds a typed deletion. */
export const remove = <D extends Doc>(c: Collection<D>, id: string): DocChange => ({
  collection: c.name,
  id,
  doc: null,
});

/** The documents a projection can see while it applies an event (its own collections only). */
export interface DocReader {
  get<D extends Doc>(c: Collection<D>, id: string): D | undefined;
}

/** The read models of DOMAIN.md §4. */
export type ProjectionName =
  | 'register'
  | 'target-progress'
  | 'performance-review'
  | 'fulfilment'
  | 'supervision'
  // enterprise requests (R17)
  | 'requests'
  // land plots and the land-quota ledger (R19)
  | 'land'
  // Leading-group meetings and their 交办 items (R20)
  | 'meetings'
  // advisors (招商顾问, R21 · 002 §八) and the investor directory (客商目录, 002 §一)
  | 'advisors'
  | 'investor-directory';
export const PROJECTION_NAMES: ReadonlyArray<ProjectionName> = [
  'register',
  'target-progress',
  'performance-review',
  'fulfilment',
  'supervision',
  // enterprise requests (R17)
  'requests',
  // land plots and the land-quota ledger (R19)
  'land',
  // Leading-group meetings and their 交办 items (R20)
  'meetings',
  // advisors (招商顾问, R21 · 002 §八) and the investor directory (客商目录, 002 §一)
  'advisors',
  'investor-directory',
];

/**
 * A pure projection: `(docs, event) → changes`. No clock, no I/O, no randomness; documents are
 * never mutated (a change carries a new document). Bump `version` when the documents it builds
 * change shape or meaning: the runner then refuses to continue it until it is rebuilt.
 */
export interface Projection {
  readonly name: ProjectionName;
  readonly version: number;
  /** The stream categories it reads; events of other categories never reach it. */
  readonly categories: ReadonlyArray<EventCategory>;
  readonly collections: ReadonlyArray<Collection<Doc>>;
  readonly apply: (docs: DocReader, event: DecodedEvent) => ReadonlyArray<DocChange>;
}

// ---------------------------------------------------------------- queries

/** A scalar a filter compares with. */
export type Scalar = string | number | boolean | null;

/** Comparison operators: a subset of MongoDB's, which the SQLite store translates. */
export interface FieldCondition {
  readonly $eq?: Scalar;
  readonly $ne?: Scalar;
  readonly $in?: ReadonlyArray<Scalar>;
  readonly $gt?: string | number;
  readonly $gte?: string | number;
  readonly $lt?: string | number;
  readonly $lte?: string | number;
  /** The field is an array that contains this value. */
  readonly $has?: string | number;
  /** The field is present (and not null) or absent (or null). */
  readonly $exists?: boolean;
}

/** Conditions on (dotted) fields, all of which must hold. */
export type Filter = Readonly<Record<string, Scalar | FieldCondition>>;

export interface SortKey {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

/** Pagination: `limit` documents after skipping `offset`. */
export interface PageRequest {
  readonly limit?: number;
  readonly offset?: number;
}

/** What `find` asks for; the document id is always the last sort key, so pages are stable. */
export interface FindQuery {
  readonly filter?: Filter;
  readonly sort?: ReadonlyArray<SortKey>;
  readonly page?: PageRequest;
}

/** A page of results and how many match in all. */
export interface Page<T> {
  readonly items: ReadonlyArray<T>;
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 1000;

/** The limit and offset a page request means. */
export const pageBounds = (
  page: PageRequest | undefined,
): { readonly limit: number; readonly offset: number } => ({
  limit: Math.min(MAX_PAGE_LIMIT, Math.max(0, Math.floor(page?.limit ?? DEFAULT_PAGE_LIMIT))),
  offset: Math.max(0, Math.floor(page?.offset ?? 0)),
});

/** Pages an in-memory list (queries whose filter depends on `asOf` compute it after reading). */
export const pageOf = <T>(all: ReadonlyArray<T>, page: PageRequest | undefined): Page<T> => {
  const { limit, offset } = pageBounds(page);
  return { items: all.slice(offset, offset + limit), total: all.length, offset, limit };
};
