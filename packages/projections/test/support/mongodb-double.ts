/**
 * An in-process double of the MongoDB Node.js client (v6), reproducing the server behaviours the
 * MongoDB read-model store relies on, so that its code — query translation, position guards as
 * update pipelines, checkpoints, the lease, the reset marker, the redo log and transactions — runs
 * in `npm test`. It is NOT MongoDB: it implements only the operators the store uses, each with the
 * page of the MongoDB manual it follows. The contract suite also runs against a real server when
 * MONGODB_URL is set (test/stores.int.spec.ts).
 *
 * Values are kept as JavaScript values; int64 values are bigint, as the real client returns them
 * with `useBigInt64: true` (https://mongodb.github.io/node-mongodb-native/6.0/interfaces/BSONSerializeOptions.html#useBigInt64).
 */

type Value = unknown;
type Doc = Record<string, Value>;

interface Versioned {
  doc: Doc;
  version: number;
}

type Collections = Map<string, Map<string, Versioned>>;

/** A duplicate key error as the server reports it (code 11000). https://www.mongodb.com/docs/manual/core/index-unique/ */
class DuplicateKeyError extends Error {
  readonly code = 11000;
  constructor(collection: string, id: unknown) {
    super(
      `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(String(id))} }`,
    );
  }
}

/**
 * A write conflict inside a transaction: the server aborts the transaction with the label
 * TransientTransactionError, and `withTransaction` runs the callback again.
 * https://www.mongodb.com/docs/manual/core/transactions-in-applications/#transienttransactionerror
 */
class WriteConflictError extends Error {
  readonly code = 112;
  readonly errorLabels = ['TransientTransactionError'];
}

const idKey = (id: Value): string =>
  typeof id === 'bigint' ? `n:${id}` : typeof id === 'number' ? `n:${id}` : `s:${String(id)}`;

// ------------------------------------------------------------------ values and comparison

const isObject = (v: Value): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * BSON comparison order: null (and missing) < numbers < strings < objects < arrays < booleans.
 * Numbers of different types (int32, int64, double) compare by value.
 * https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/
 */
const rank = (v: Value): number => {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number' || typeof v === 'bigint') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (typeof v === 'object') return 4;
  if (typeof v === 'boolean') return 8;
  return 9;
};

const compareNumbers = (a: number | bigint, b: number | bigint): number => {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const [x, y] = [a, b].map((n) => (typeof n === 'number' && Number.isInteger(n) ? BigInt(n) : n)) as [
    number | bigint,
    number | bigint,
  ];
  if (typeof x === 'bigint' && typeof y === 'bigint') return x < y ? -1 : x > y ? 1 : 0;
  return Number(x) < Number(y) ? -1 : Number(x) > Number(y) ? 1 : 0;
};

export const bsonCompare = (a: Value, b: Value): number => {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (ra === 1) return 0;
  if (ra === 2) return compareNumbers(a as number | bigint, b as number | bigint);
  if (ra === 3) return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  if (ra === 8) return a === b ? 0 : a === false ? -1 : 1;
  if (ra === 5) {
    const x = a as Value[];
    const y = b as Value[];
    for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
      const c = bsonCompare(x[i], y[i]);
      if (c !== 0) return c;
    }
    return x.length - y.length;
  }
  const ka = Object.keys(a as Doc);
  const kb = Object.keys(b as Doc);
  for (let i = 0; i < Math.min(ka.length, kb.length); i += 1) {
    if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
    const c = bsonCompare((a as Doc)[ka[i]!], (b as Doc)[kb[i]!]);
    if (c !== 0) return c;
  }
  return ka.length - kb.length;
};

const equal = (a: Value, b: Value): boolean => rank(a) === rank(b) && bsonCompare(a, b) === 0;

const getPath = (doc: Value, path: string): Value => {
  let v: Value = doc;
  for (const part of path.split('.')) v = isObject(v) ? v[part] : undefined;
  return v;
};

const setPath = (doc: Doc, path: string, value: Value): void => {
  const parts = path.split('.');
  let d: Doc = doc;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(d[part])) d[part] = {};
    d = d[part] as Doc;
  }
  d[parts[parts.length - 1]!] = value;
};

const unsetPath = (doc: Doc, path: string): void => {
  const parts = path.split('.');
  const parent = getPath(doc, parts.slice(0, -1).join('.'));
  const target = parts.length === 1 ? doc : parent;
  if (isObject(target)) delete target[parts[parts.length - 1]!];
};

// ------------------------------------------------------------------ query filters

/**
 * Query predicates. An array field matches when the array or one of its elements matches
 * (https://www.mongodb.com/docs/manual/tutorial/query-arrays/#query-an-array-for-an-element);
 * `{ f: null }` matches null or a missing field (https://www.mongodb.com/docs/manual/tutorial/query-for-null-fields/);
 * comparison operators only compare values of the same type class — type bracketing
 * (https://www.mongodb.com/docs/manual/reference/method/db.collection.find/#type-bracketing);
 * `$ne` and `$nin` also match documents without the field
 * (https://www.mongodb.com/docs/manual/reference/operator/query/ne/).
 */
const candidates = (v: Value): Value[] => (Array.isArray(v) ? [v, ...v] : [v]);

const matchCondition = (value: Value, cond: Value): boolean => {
  if (isObject(cond) && Object.keys(cond).some((k) => k.startsWith('$'))) {
    return Object.entries(cond).every(([op, arg]) => {
      switch (op) {
        case '$eq':
          return candidates(value).some((c) =>
            arg === null ? c === null || c === undefined : equal(c, arg),
          );
        case '$ne':
          return !matchCondition(value, { $eq: arg });
        case '$in':
          return (arg as Value[]).some((a) => matchCondition(value, { $eq: a }));
        case '$gt':
        case '$gte':
        case '$lt':
        case '$lte':
          return candidates(value).some((c) => {
            if (rank(c) !== rank(arg)) return false; // type bracketing
            const r = bsonCompare(c, arg);
            return op === '$gt' ? r > 0 : op === '$gte' ? r >= 0 : op === '$lt' ? r < 0 : r <= 0;
          });
        case '$exists':
          return (value !== undefined) === arg;
        case '$type':
          // https://www.mongodb.com/docs/manual/reference/operator/query/type/ (only the aliases the store uses)
          return arg === 'string'
            ? candidates(value).some((c) => typeof c === 'string')
            : arg === 'long'
              ? typeof value === 'bigint'
              : false;
        case '$regex':
          return candidates(value).some((c) => typeof c === 'string' && new RegExp(arg as string).test(c));
        default:
          throw new Error(`mongodb double: query operator ${op} not implemented`);
      }
    });
  }
  return matchCondition(value, { $eq: cond });
};

export const matches = (doc: Doc, filter: Doc): boolean =>
  Object.entries(filter).every(([field, cond]) => {
    if (field === '$and') return (cond as Doc[]).every((f) => matches(doc, f));
    if (field === '$or') return (cond as Doc[]).some((f) => matches(doc, f));
    return matchCondition(getPath(doc, field), cond);
  });

// ------------------------------------------------------------------ aggregation expressions (update pipelines)

/**
 * The expressions the store's update pipelines use. Comparison expressions compare values of
 * different types by the BSON order (https://www.mongodb.com/docs/manual/reference/operator/aggregation/lt/);
 * `$ifNull` replaces null or missing (https://www.mongodb.com/docs/manual/reference/operator/aggregation/ifNull/);
 * `$convert` to 'long' parses a base-10 integer string and yields `onError` when it cannot
 * (out of the int64 range, or not a number) (https://www.mongodb.com/docs/manual/reference/operator/aggregation/convert/).
 */
const evaluate = (expr: Value, root: Doc): Value => {
  if (typeof expr === 'string') {
    if (expr === '$$ROOT') return root;
    if (expr.startsWith('$')) return getPath(root, expr.slice(1));
    return expr;
  }
  if (Array.isArray(expr)) return expr.map((e) => evaluate(e, root));
  if (!isObject(expr)) return expr;
  const keys = Object.keys(expr);
  if (keys.length === 1 && keys[0]!.startsWith('$')) {
    const op = keys[0]!;
    const arg = expr[op];
    const args = () => (arg as Value[]).map((a) => evaluate(a, root));
    switch (op) {
      case '$literal':
        return arg;
      case '$cond': {
        const [c, t, e] = Array.isArray(arg)
          ? arg
          : [(arg as Doc)['if'], (arg as Doc)['then'], (arg as Doc)['else']];
        return evaluate(c, root) === true ? evaluate(t, root) : evaluate(e, root);
      }
      case '$lt':
      case '$lte':
      case '$gt':
      case '$gte':
      case '$eq':
      case '$ne': {
        const [a, b] = args();
        const r = bsonCompare(a ?? null, b ?? null);
        return op === '$lt'
          ? r < 0
          : op === '$lte'
            ? r <= 0
            : op === '$gt'
              ? r > 0
              : op === '$gte'
                ? r >= 0
                : op === '$eq'
                  ? r === 0 && rank(a) === rank(b)
                  : !(r === 0 && rank(a) === rank(b));
      }
      case '$ifNull': {
        const [a, b] = args();
        return a === null || a === undefined ? b : a;
      }
      case '$convert': {
        const spec = arg as Doc;
        if (spec['to'] !== 'long') throw new Error('mongodb double: $convert only to long');
        const input = evaluate(spec['input'], root);
        const onError = evaluate(spec['onError'], root);
        if (typeof input === 'bigint') return input;
        if (typeof input === 'number' && Number.isInteger(input)) return BigInt(input);
        if (typeof input === 'string' && /^-?\d+$/.test(input)) {
          const n = BigInt(input);
          if (n >= -(1n << 63n) && n < 1n << 63n) return n;
        }
        if (spec['onError'] === undefined)
          throw new Error(`Failed to parse number '${String(input)}' in $convert`);
        return onError;
      }
      default:
        throw new Error(`mongodb double: expression ${op} not implemented`);
    }
  }
  return Object.fromEntries(Object.entries(expr).map(([k, v]) => [k, evaluate(v, root)]));
};

/**
 * Updates with an aggregation pipeline ($replaceWith, $set, $unset stages)
 * (https://www.mongodb.com/docs/manual/tutorial/update-documents-with-aggregation-pipeline/), or with
 * update operators ($set, $unset, $inc, $setOnInsert) (https://www.mongodb.com/docs/manual/reference/operator/update/).
 * The _id cannot change (https://www.mongodb.com/docs/manual/core/document/#the-_id-field).
 */
const applyUpdate = (doc: Doc, update: Value, inserting: boolean): Doc => {
  if (Array.isArray(update)) {
    let d = doc;
    for (const stage of update as Doc[]) {
      const [name, spec] = Object.entries(stage)[0]!;
      if (name === '$replaceWith') {
        const next = evaluate(spec, d);
        if (!isObject(next)) throw new Error('$replaceWith needs a document');
        if (next['_id'] !== undefined && !equal(next['_id'], d['_id']))
          throw new Error('Performing an update on the path _id would modify the immutable field _id');
        d = { ...structuredClone(next), _id: d['_id'] };
      } else if (name === '$set') {
        const next = structuredClone(d);
        for (const [k, v] of Object.entries(spec as Doc)) setPath(next, k, evaluate(v, d));
        d = next;
      } else if (name === '$unset') {
        d = structuredClone(d);
        for (const k of Array.isArray(spec) ? (spec as string[]) : [spec as string]) unsetPath(d, k);
      } else throw new Error(`mongodb double: pipeline stage ${name} not implemented`);
    }
    return d;
  }
  const d = structuredClone(doc);
  for (const [op, spec] of Object.entries(update as Doc)) {
    for (const [k, v] of Object.entries(spec as Doc)) {
      if (op === '$set') setPath(d, k, structuredClone(v));
      else if (op === '$setOnInsert') {
        if (inserting) setPath(d, k, structuredClone(v));
      } else if (op === '$unset') unsetPath(d, k);
      else if (op === '$inc') {
        const old = getPath(d, k);
        setPath(
          d,
          k,
          typeof old === 'bigint' || typeof v === 'bigint'
            ? BigInt(old as number) + BigInt(v as number)
            : ((old as number | undefined) ?? 0) + (v as number),
        );
      } else throw new Error(`mongodb double: update operator ${op} not implemented`);
    }
  }
  return d;
};

/** An upsert inserts the filter's top-level equality fields, then applies the update (https://www.mongodb.com/docs/manual/reference/method/db.collection.updateOne/#upsert). */
const seedOf = (filter: Doc): Doc => {
  const seed: Doc = {};
  for (const [k, v] of Object.entries(filter))
    if (!k.startsWith('$') && !(isObject(v) && Object.keys(v).some((x) => x.startsWith('$'))))
      setPath(seed, k, structuredClone(v));
  return seed;
};

const sortDocs = (docs: Doc[], sort: Record<string, 1 | -1> | undefined): Doc[] => {
  if (sort === undefined) return docs;
  return [...docs].sort((a, b) => {
    for (const [field, dir] of Object.entries(sort)) {
      const c = bsonCompare(getPath(a, field) ?? null, getPath(b, field) ?? null);
      if (c !== 0) return dir === 1 ? c : -c;
    }
    return 0;
  });
};

// ------------------------------------------------------------------ client, database, collection, session

interface SessionOptions {
  readonly session?: MongoSessionDouble;
}

class Cursor {
  private sortSpec: Record<string, 1 | -1> | undefined;
  private skipped = 0;
  private limited: number | undefined;
  constructor(private readonly load: () => Doc[]) {}
  sort(spec: Record<string, 1 | -1>): this {
    this.sortSpec = spec;
    return this;
  }
  skip(n: number): this {
    this.skipped = n;
    return this;
  }
  limit(n: number): this {
    this.limited = n;
    return this;
  }
  toArray(): Promise<Doc[]> {
    const all = sortDocs(this.load(), this.sortSpec).slice(this.skipped);
    return Promise.resolve(
      structuredClone(this.limited === undefined || this.limited === 0 ? all : all.slice(0, this.limited)),
    );
  }
}

let generated = 0;

export class MongoCollectionDouble {
  constructor(
    private readonly server: MongoServerDouble,
    private readonly name: string,
  ) {}

  private data(options?: SessionOptions): Map<string, Versioned> {
    return this.server.collectionData(this.name, options?.session);
  }

  private write(options: SessionOptions | undefined, key: string, value: Versioned | undefined): void {
    this.server.check();
    const data = this.data(options);
    if (value === undefined) data.delete(key);
    else data.set(key, value);
    options?.session?.wrote(this.name, key);
  }

  private matching(filter: Doc, options?: SessionOptions): Array<[string, Versioned]> {
    this.server.check();
    return [...this.data(options).entries()].filter(([, v]) => matches(v.doc, filter));
  }

  findOne(filter: Doc, options?: SessionOptions): Promise<Doc | null> {
    const [hit] = this.matching(filter, options);
    return Promise.resolve(hit === undefined ? null : structuredClone(hit[1].doc));
  }

  find(filter: Doc = {}, options?: SessionOptions): Cursor {
    return new Cursor(() => this.matching(filter, options).map(([, v]) => v.doc));
  }

  countDocuments(filter: Doc = {}, options?: SessionOptions): Promise<number> {
    return Promise.resolve(this.matching(filter, options).length);
  }

  insertOne(doc: Doc, options?: SessionOptions): Promise<{ insertedId: Value }> {
    const withId = { ...structuredClone(doc), _id: doc['_id'] ?? `oid-${(generated += 1)}` };
    const key = idKey(withId['_id']);
    if (this.data(options).has(key)) return Promise.reject(new DuplicateKeyError(this.name, withId['_id']));
    this.write(options, key, { doc: withId, version: this.server.nextVersion() });
    return Promise.resolve({ insertedId: withId['_id'] });
  }

  async insertMany(docs: Doc[], options?: SessionOptions): Promise<{ insertedCount: number }> {
    for (const d of docs) await this.insertOne(d, options);
    return { insertedCount: docs.length };
  }

  updateOne(
    filter: Doc,
    update: Value,
    options: SessionOptions & { upsert?: boolean } = {},
  ): Promise<{ matchedCount: number; modifiedCount: number; upsertedCount: number }> {
    try {
      const [hit] = this.matching(filter, options);
      if (hit !== undefined) {
        const next = applyUpdate(hit[1].doc, update, false);
        const modified = !equal(next, hit[1].doc);
        if (modified) this.write(options, hit[0], { doc: next, version: this.server.nextVersion() });
        return Promise.resolve({ matchedCount: 1, modifiedCount: modified ? 1 : 0, upsertedCount: 0 });
      }
      if (options.upsert !== true)
        return Promise.resolve({ matchedCount: 0, modifiedCount: 0, upsertedCount: 0 });
      const seed = seedOf(filter);
      const doc = applyUpdate(seed, update, true);
      doc['_id'] ??= `oid-${(generated += 1)}`;
      const key = idKey(doc['_id']);
      // The filter did not match but a document with this _id exists: the insert fails on the unique _id index.
      if (this.data(options).has(key)) return Promise.reject(new DuplicateKeyError(this.name, doc['_id']));
      this.write(options, key, { doc, version: this.server.nextVersion() });
      return Promise.resolve({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1 });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async updateMany(
    filter: Doc,
    update: Value,
    options: SessionOptions = {},
  ): Promise<{ matchedCount: number; modifiedCount: number }> {
    const hits = this.matching(filter, options);
    for (const [key, v] of hits)
      this.write(options, key, {
        doc: applyUpdate(v.doc, update, false),
        version: this.server.nextVersion(),
      });
    return { matchedCount: hits.length, modifiedCount: hits.length };
  }

  deleteOne(filter: Doc, options?: SessionOptions): Promise<{ deletedCount: number }> {
    const [hit] = this.matching(filter, options);
    if (hit !== undefined) this.write(options, hit[0], undefined);
    return Promise.resolve({ deletedCount: hit === undefined ? 0 : 1 });
  }

  deleteMany(filter: Doc = {}, options?: SessionOptions): Promise<{ deletedCount: number }> {
    const hits = this.matching(filter, options);
    for (const [key] of hits) this.write(options, key, undefined);
    return Promise.resolve({ deletedCount: hits.length });
  }

  /** Ordered bulk writes stop at the first error (https://www.mongodb.com/docs/manual/reference/method/db.collection.bulkWrite/#ordered-operations). */
  async bulkWrite(ops: Doc[], options: SessionOptions = {}): Promise<{ ok: 1 }> {
    for (const op of ops) {
      const [kind, spec] = Object.entries(op)[0]! as [string, Doc];
      if (kind === 'updateOne')
        await this.updateOne(spec['filter'] as Doc, spec['update'], {
          ...options,
          upsert: spec['upsert'] === true,
        });
      else if (kind === 'deleteOne') await this.deleteOne(spec['filter'] as Doc, options);
      else throw new Error(`mongodb double: bulk operation ${kind} not implemented`);
    }
    return { ok: 1 };
  }

  createIndex(keys: Doc, options: { name: string }): Promise<string> {
    this.server.check();
    this.server.indexes.set(`${this.name}.${options.name}`, keys);
    return Promise.resolve(options.name);
  }
}

/**
 * A session whose transaction works on a snapshot of the data and commits the documents it wrote
 * at the end, unless another writer changed one of them since the snapshot (a write conflict: the
 * whole callback runs again, as `withTransaction` does for TransientTransactionError).
 * https://www.mongodb.com/docs/manual/core/read-isolation-consistency-recency/ (snapshot reads in
 * transactions), https://www.mongodb.com/docs/manual/core/transactions-production-consideration/#in-progress-transactions-and-write-conflicts
 */
export class MongoSessionDouble {
  snapshot: Collections | undefined;
  private readonly written = new Map<string, Set<string>>();
  private baseVersions = new Map<string, number | undefined>();

  constructor(private readonly server: MongoServerDouble) {}

  wrote(collection: string, key: string): void {
    if (this.snapshot === undefined) return;
    let s = this.written.get(collection);
    if (s === undefined) this.written.set(collection, (s = new Set()));
    s.add(key);
  }

  async withTransaction(fn: () => Promise<void>): Promise<void> {
    if (!this.server.replicaSet)
      throw new Error('Transaction numbers are only allowed on a replica set member or mongos');
    for (let attempt = 1; ; attempt += 1) {
      this.snapshot = this.server.cloneData();
      this.baseVersions = new Map();
      for (const [c, docs] of this.snapshot)
        for (const [k, v] of docs) this.baseVersions.set(`${c}\u0000${k}`, v.version);
      this.written.clear();
      try {
        await fn();
        this.commit();
        return;
      } catch (error) {
        this.snapshot = undefined;
        if (error instanceof WriteConflictError && attempt < 5) continue;
        throw error;
      } finally {
        this.snapshot = undefined;
      }
    }
  }

  private commit(): void {
    const snapshot = this.snapshot!;
    for (const [c, keys] of this.written)
      for (const k of keys) {
        const live = this.server.liveData(c).get(k)?.version;
        if (live !== this.baseVersions.get(`${c}\u0000${k}`))
          throw new WriteConflictError('WriteConflict: the document was changed by another writer');
      }
    this.server.check();
    for (const [c, keys] of this.written)
      for (const k of keys) {
        const v = snapshot.get(c)?.get(k);
        if (v === undefined) this.server.liveData(c).delete(k);
        else this.server.liveData(c).set(k, v);
      }
  }

  endSession(): Promise<void> {
    return Promise.resolve();
  }
}

/** The server side: data of one deployment, and switches for tests. */
export class MongoServerDouble {
  private readonly databases = new Map<string, Collections>();
  readonly indexes = new Map<string, Doc>();
  private version = 0;
  /** Whether to answer `hello` as a replica set member (transactions allowed). */
  constructor(
    readonly replicaSet: boolean,
    private readonly database = 'zhaoshang_read_models',
  ) {}
  /** While true every operation fails as on a lost connection. */
  down = false;

  check(): void {
    if (this.down)
      throw Object.assign(new Error('connection <monitor> to 127.0.0.1:27017 closed (double: server down)'), {
        name: 'MongoNetworkError',
      });
  }

  nextVersion(): number {
    return (this.version += 1);
  }

  liveData(collection: string): Map<string, Versioned> {
    let db = this.databases.get(this.database);
    if (db === undefined) this.databases.set(this.database, (db = new Map()));
    let c = db.get(collection);
    if (c === undefined) db.set(collection, (c = new Map()));
    return c;
  }

  collectionData(collection: string, session?: MongoSessionDouble): Map<string, Versioned> {
    const snap = session?.snapshot;
    if (snap === undefined) return this.liveData(collection);
    let c = snap.get(collection);
    if (c === undefined) snap.set(collection, (c = new Map()));
    return c;
  }

  cloneData(): Collections {
    const db = this.databases.get(this.database) ?? new Map<string, Map<string, Versioned>>();
    return new Map(
      [...db].map(([name, docs]) => [
        name,
        new Map([...docs].map(([k, v]) => [k, { doc: structuredClone(v.doc), version: v.version }])),
      ]),
    );
  }

  dropDatabase(): void {
    this.databases.delete(this.database);
  }

  /** A client connected to this server. */
  client(): MongoClientDouble {
    return new MongoClientDouble(this);
  }
}

export class MongoClientDouble {
  constructor(private readonly server: MongoServerDouble) {}

  db(_name?: string) {
    const server = this.server;
    return {
      collection: (name: string) => new MongoCollectionDouble(server, name),
      /** `hello` names the replica set on a member (https://www.mongodb.com/docs/manual/reference/command/hello/#replica-sets). */
      admin: () => ({
        command: (cmd: Doc) => {
          server.check();
          if (cmd['hello'] === undefined) throw new Error('mongodb double: only hello');
          return Promise.resolve(
            server.replicaSet
              ? { isWritablePrimary: true, setName: 'rs0', ok: 1 }
              : { isWritablePrimary: true, ok: 1 },
          );
        },
      }),
      dropDatabase: () => {
        server.dropDatabase();
        return Promise.resolve(true);
      },
    };
  }

  startSession(): MongoSessionDouble {
    return new MongoSessionDouble(this.server);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
