import { collection, type Doc } from '../read-model';
import type { ReadModelStore } from '../stores/read-model-store';

interface Row {
  readonly name: string;
  readonly unitId: string;
  readonly amount: number;
  readonly signed: boolean;
  readonly years: ReadonlyArray<number>;
  readonly signedOn?: string;
}

const rows = collection<Row>('contract_rows', [
  { name: 'unit', fields: ['unitId'] },
  { name: 'years', fields: ['years'] },
]);

const row = (i: number): Row => ({
  name: `project ${String(i).padStart(2, '0')}`,
  unitId: i % 3 === 0 ? 'u-a' : i % 3 === 1 ? 'u-b' : 'u-c',
  amount: (i % 5) * 100,
  signed: i % 2 === 0,
  years: i % 4 === 0 ? [2023, 2024] : [2024],
  ...(i % 2 === 0 ? { signedOn: `2024-0${(i % 9) + 1}-15` } : {}),
});

const commitOf = (
  changes: ReadonlyArray<{ id: string; doc: Doc | null; position: bigint }>,
  position: bigint,
  projection = 'contract',
) => ({
  projection,
  version: 1,
  changes: changes.map((c) => ({ collection: rows.name, ...c })),
  checkpoint: { projection, position, version: 1, status: 'ok' as const },
});

/**
 * The contract every read-model store passes unchanged (embedded SQLite, MongoDB, memory):
 * filters, sorting, paging, checkpoints that move with their documents, and position guards.
 */
export const readModelStoreContract = (name: string, makeStore: () => Promise<ReadModelStore>): void => {
  describe(`read-model store contract: ${name}`, () => {
    let store: ReadModelStore;
    beforeEach(async () => {
      store = await makeStore();
      await store.init([rows]);
      await store.reset('contract', [rows]);
      await store.commit([
        commitOf(
          Array.from({ length: 20 }, (_, i) => ({
            id: `p${String(i).padStart(2, '0')}`,
            doc: row(i),
            position: BigInt(i + 1),
          })),
          20n,
        ),
      ]);
    });
    afterEach(async () => {
      await store.reset('contract', [rows]);
      await store.close();
    });

    it('reads a document by id, and several at once', async () => {
      expect(await store.get(rows, 'p03')).toEqual(row(3));
      expect(await store.get(rows, 'nope')).toBeUndefined();
      const many = await store.getMany(rows, ['p01', 'p02', 'nope']);
      expect([...many.keys()].sort()).toEqual(['p01', 'p02']);
    });

    it('filters with equality, $in, ranges, $ne, $exists and array membership', async () => {
      const ids = async (filter: Parameters<ReadModelStore['findAll']>[1]) =>
        (await store.findAll(rows, filter)).map((r) => r.name.slice(-2));
      expect(await ids({ filter: { unitId: 'u-a' } })).toEqual(['00', '03', '06', '09', '12', '15', '18']);
      expect(await ids({ filter: { unitId: { $in: ['u-b'] }, signed: true } })).toEqual(['04', '10', '16']);
      expect(await ids({ filter: { amount: { $gte: 300, $lt: 400 } } })).toEqual(['03', '08', '13', '18']);
      expect(await ids({ filter: { unitId: { $ne: 'u-a' }, amount: 400 } })).toEqual(['04', '14', '19']);
      expect((await ids({ filter: { signedOn: { $exists: false } } })).length).toBe(10);
      expect(await ids({ filter: { signedOn: { $exists: true }, unitId: 'u-c' } })).toEqual([
        '02',
        '08',
        '14',
      ]);
      expect(await ids({ filter: { years: { $has: 2023 } } })).toEqual(['00', '04', '08', '12', '16']);
      expect(await ids({ filter: { signedOn: { $gte: '2024-05-01', $lte: '2024-07-31' } } })).toEqual([
        '04',
        '06',
        '14',
      ]);
    });

    it('sorts by fields, the id breaking ties, and pages with a total', async () => {
      const page = await store.find(rows, {
        filter: { signed: true },
        sort: [{ field: 'amount', direction: 'desc' }],
        page: { limit: 4, offset: 2 },
      });
      expect(page.total).toBe(10);
      expect(page.items.map((r) => [r.amount, r.name.slice(-2)])).toEqual([
        [300, '08'],
        [300, '18'],
        [200, '02'],
        [200, '12'],
      ]);
      const last = await store.find(rows, {
        sort: [{ field: 'name', direction: 'asc' }],
        page: { limit: 5, offset: 18 },
      });
      expect(last.items.map((r) => r.name.slice(-2))).toEqual(['18', '19']);
      expect(last).toMatchObject({ total: 20, offset: 18, limit: 5 });
    });

    it('moves the checkpoint with the documents, and never back', async () => {
      expect(await store.checkpoint('contract')).toMatchObject({ position: 20n, version: 1, status: 'ok' });
      await store.commit([commitOf([{ id: 'p01', doc: { ...row(1), amount: 999 }, position: 25n }], 25n)]);
      expect(await store.checkpoint('contract')).toMatchObject({ position: 25n });
      await store.commit([commitOf([], 21n)]);
      expect(await store.checkpoint('contract')).toMatchObject({ position: 25n });
      expect((await store.checkpoints()).map((c) => c.projection)).toContain('contract');
    });

    it('ignores a change from an event the document already reflects (a replayed batch counts once)', async () => {
      await store.commit([commitOf([{ id: 'p05', doc: { ...row(5), amount: 1 }, position: 30n }], 30n)]);
      await store.commit([commitOf([{ id: 'p05', doc: { ...row(5), amount: 2 }, position: 30n }], 30n)]);
      await store.commit([commitOf([{ id: 'p05', doc: { ...row(5), amount: 3 }, position: 29n }], 30n)]);
      expect((await store.get(rows, 'p05'))?.amount).toBe(1);
      await store.commit([commitOf([{ id: 'p05', doc: null, position: 31n }], 31n)]);
      expect(await store.get(rows, 'p05')).toBeUndefined();
    });

    it('parks a projection at an event with its position and error; retry clears it, skip moves past it and is recorded', async () => {
      const parked = {
        position: 21n,
        streamName: 'project-X',
        revision: 3,
        type: 'ProjectSigned',
        error: 'cannot decode',
      };
      await store.commit([
        {
          ...commitOf([], 20n),
          checkpoint: { projection: 'contract', position: 20n, version: 1, status: 'parked', parked },
        },
      ]);
      expect(await store.checkpoint('contract')).toMatchObject({ status: 'parked', position: 20n, parked });
      expect(await store.retryParked('contract')).toBe(true);
      expect(await store.checkpoint('contract')).toMatchObject({ status: 'ok', position: 20n });
      expect((await store.checkpoint('contract'))?.parked).toBeUndefined();
      expect(await store.retryParked('contract')).toBe(false);
      await store.commit([
        {
          ...commitOf([], 20n),
          checkpoint: { projection: 'contract', position: 20n, version: 1, status: 'parked', parked },
        },
      ]);
      expect(await store.skipParked('contract', 22n, 'ops', '2025-01-02T03:04:05.000Z')).toBe(false); // not the parked event
      expect(await store.skipParked('contract', 21n, 'ops', '2025-01-02T03:04:05.000Z')).toBe(true);
      expect(await store.checkpoint('contract')).toMatchObject({ status: 'ok', position: 21n });
      expect(await store.skipped()).toEqual([
        { ...parked, projection: 'contract', skippedAt: '2025-01-02T03:04:05.000Z', by: 'ops' },
      ]);
    });

    it('records the event store the documents were built from with the checkpoint', async () => {
      const source = { storeId: 'store-a', firstEventHash: 'abc' };
      await store.commit([
        {
          ...commitOf([], 22n),
          checkpoint: { projection: 'contract', position: 22n, version: 1, status: 'ok', source },
        },
      ]);
      expect((await store.checkpoint('contract'))?.source).toEqual(source);
    });

    it('compares positions as numbers: sparse positions beyond 2^53 and of different lengths, up to 2^63 − 1', async () => {
      const big = 4_611_686_018_427_400_249n; // 2^62 + 12,345: beyond 2^53, where a JS number would round it
      const justBefore = 4_611_686_018_427_400_248n;
      await store.commit([commitOf([{ id: 'p07', doc: { ...row(7), amount: 10 }, position: 10n }], 10n)]);
      await store.commit([commitOf([{ id: 'p07', doc: { ...row(7), amount: 9 }, position: 9n }], 10n)]); // as text, '9' > '10'; as numbers it is older
      expect((await store.get(rows, 'p07'))?.amount).toBe(10);
      await store.commit([commitOf([{ id: 'p07', doc: { ...row(7), amount: 1 }, position: big }], big)]);
      await store.commit([
        commitOf([{ id: 'p07', doc: { ...row(7), amount: 2 }, position: justBefore }], big),
      ]);
      expect((await store.get(rows, 'p07'))?.amount).toBe(1);
      expect((await store.checkpoint('contract'))?.position).toBe(big);
      const max = 9_223_372_036_854_775_807n; // 2^63 − 1
      await store.commit([commitOf([{ id: 'p07', doc: { ...row(7), amount: 3 }, position: max }], max)]);
      expect(await store.checkpoint('contract')).toMatchObject({ position: max });
      expect((await store.get(rows, 'p07'))?.amount).toBe(3);
      const tooBig = 9_223_372_036_854_775_808n; // 2^63
      await expect(
        store.commit([commitOf([{ id: 'p08', doc: row(8), position: tooBig }], tooBig)]),
      ).rejects.toThrow(/does not fit a signed 64-bit integer/);
    });

    it('lets one holder at a time hold the lease, until it expires or is released; a commit fenced by a lease it does not hold writes nothing', async () => {
      expect(await store.acquireLease('a', 1000, 10_000)).toBe(true);
      expect(await store.acquireLease('b', 1000, 10_500)).toBe(false);
      expect(await store.acquireLease('a', 1000, 10_600)).toBe(true); // renewed until 11,600
      expect(await store.acquireLease('b', 1000, 11_000)).toBe(false);
      expect(await store.lease()).toEqual({ holder: 'a', expiresAt: 11_600 });
      expect(await store.acquireLease('b', 1000, 11_600)).toBe(true); // expired: taken over
      await expect(
        store.commit([commitOf([{ id: 'p09', doc: null, position: 40n }], 40n)], { leaseHolder: 'a' }),
      ).rejects.toThrow(/lease is held by b/);
      expect(await store.get(rows, 'p09')).toEqual(row(9));
      expect(await store.checkpoint('contract')).toMatchObject({ position: 20n });
      await store.commit([commitOf([{ id: 'p09', doc: null, position: 40n }], 40n)], { leaseHolder: 'b' });
      expect(await store.get(rows, 'p09')).toBeUndefined();
      await store.releaseLease('a'); // not a's to give up
      expect((await store.lease())?.holder).toBe('b');
      await store.releaseLease('b');
      expect(await store.lease()).toBeUndefined();
      expect(await store.acquireLease('a', 1000, 0)).toBe(true);
      await store.releaseLease('a');
    });

    it('drops everything on reset', async () => {
      await store.reset('contract', [rows]);
      expect(await store.checkpoint('contract')).toBeUndefined();
      expect((await store.find(rows)).total).toBe(0);
      expect(await store.dump(rows.name)).toEqual([]);
    });
  });
};
