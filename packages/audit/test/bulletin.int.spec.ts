import fc from 'fast-check';
import { canonicalFiguresJson, unsafeId, type BusinessDate, type Figures } from '@zhaoshang/domain';
import { projectFixtures } from '@zhaoshang/domain/testing';
import { MAX_GLOBAL_POSITION, openSqliteEventStore, type EventStore } from '@zhaoshang/eventstore';
import { GOLDEN, toNewEvent, wan } from '@zhaoshang/projections/testing';
import { computeBulletinFigures, figuresDigest, PERIOD_ROW, REGION_ROW, verifyBulletin } from '../src';
import { decodeStored } from '../src/history';
import { diffFigures } from '../src/bulletin';
import {
  correct,
  goldenStoreFiles,
  head,
  issue,
  laterFacts,
  period,
  publish,
  tamper,
} from './bulletin-fixture';

describe('published bulletins re-derived from history (R14)', () => {
  const golden = goldenStoreFiles();
  let count = 0;
  /** The golden store's positions, as it gave them (dense or sparse: see testPositions). */
  let positions: bigint[] = [];
  /** The position after the first `n` events: 0n (below every position) for none. */
  const cutAfter = (n: number): bigint => (n === 0 ? 0n : (positions[n - 1] ?? 0n));

  /** A fresh copy of the golden store to write to. */
  const copyOfGolden = (): { store: EventStore; close: () => Promise<void> } => {
    const store = openSqliteEventStore({ file: golden.copyFile(), durability: 'normal' });
    return { store, close: () => store.close() };
  };

  beforeAll(async () => {
    count = await golden.create();
    const { store, close } = copyOfGolden();
    positions = (await store.readAll()).map((e) => e.globalPosition);
    await close();
  });
  afterAll(() => golden.dispose());

  it('computes the figures of the golden year as checked by hand (counts, 分, basis points, hundredths)', async () => {
    const { store, close } = copyOfGolden();
    try {
      const f = await computeBulletinFigures(store, period('2024'), { upTo: cutAfter(count) });
      expect(f.computedAtPosition).toBe(String(cutAfter(count)));
      expect(f.figures[PERIOD_ROW]).toMatchObject({
        label: '2024',
        from: '2024-01-01',
        to: '2024-12-31',
        asOf: '2024-12-31',
        units: 3,
      });
      // The figures of golden.int.spec.ts in packages/projections, worked out by hand.
      expect(f.figures[GOLDEN.zone]).toMatchObject({
        'review.effectiveLeads': 12,
        'review.newSignings': 6,
        'review.investmentCompletedFen': wan(62_500),
        'review.signedToStarted.bp': 8333,
        'review.signedToStarted.numerator': 5,
        'review.signedToStarted.denominator': 6,
        'review.missedMilestones': 3,
        'review.tripDays': 18,
        'review.scoreHundredths': 3539,
        'review.rank': 3,
        // R11 · 000 §二: the zone's plan counts 搜集招商信息, every lead captured (13 of 50).
        'progress.capturedLeads.target': 50,
        'progress.capturedLeads.actual': 13,
        'progress.capturedLeads.percentBp': 2600,
        'progress.capturedLeads.light': 'red',
        'progress.elapsedBp': 10_000,
      });
      expect(f.figures['gaoxin']).toMatchObject({ 'review.scoreHundredths': 5700, 'review.rank': 1 });
      expect(f.figures[REGION_ROW]).toMatchObject({ unitId: GOLDEN.region });
      // Exact and JSON-safe: every number an integer, the digest that of the canonical text.
      for (const row of Object.values(f.figures))
        for (const v of Object.values(row))
          if (typeof v === 'number') expect(Number.isSafeInteger(v)).toBe(true);
      expect(f.digest).toBe(figuresDigest(JSON.parse(canonicalFiguresJson(f.figures)) as Figures));
    } finally {
      await close();
    }
  });

  it('a period cut mid-year: 序时进度 as of the last day of the month', async () => {
    const { store, close } = copyOfGolden();
    try {
      const f = await computeBulletinFigures(store, period('2024-03'), { upTo: cutAfter(count) });
      expect(f.asOf).toBe('2024-03-31');
      // 91 days of 366 elapsed (2024 is a leap year): 2486.3 bp, rounded half up.
      expect(f.figures[GOLDEN.zone]).toMatchObject({
        'progress.elapsedDays': 91,
        'progress.daysInYear': 366,
        'progress.elapsedBp': 2486,
      });
    } finally {
      await close();
    }
  });

  it('events appended after the position (the bulletin, a new lead, a corrected report) do not change the recomputation', async () => {
    const { store, close } = copyOfGolden();
    try {
      const q2 = period('2024-Q2');
      const at = await head(store);
      const before = await computeBulletinFigures(store, q2, { upTo: at });
      await issue(store, publish(before), 'publish-q2');
      await laterFacts(store);
      const again = await computeBulletinFigures(store, q2, { upTo: at });
      expect(again.figures).toEqual(before.figures);
      expect(again.digest).toBe(before.digest);
      // The later facts do matter at the new head: one more lead, 1000万 less invested in April,
      // and everything that follows from those two (percentages, the score, projects counted).
      // As of 30 June J07 is not yet linked as a duplicate (linked 1 September), so it counts in Q2
      // (R13 · 004 §(十六): duplicate groups are resolved as they stood at the end of the period).
      // Score: 54.25 − 2.41 (有效线索 3/12.43 × 10, not in the zone's plan) + 4.02 (搜集招商信息
      // 5/12.43 × 10: J06, J07, J08, J09, J14) = 55.86; J99 adds 0.80 and the correction takes 0.67.
      const now = await computeBulletinFigures(store, q2, { upTo: await head(store) });
      const zone = (metric: string, published: number, recomputed: number) => ({
        unit: GOLDEN.zone,
        metric,
        published,
        recomputed,
      });
      expect(diffFigures(before.figures, now.figures)).toEqual([
        { unit: REGION_ROW, metric: 'progress.projectsCounted', published: 16, recomputed: 17 },
        zone('progress.capturedLeads.actual', 10, 11),
        zone('progress.capturedLeads.percentBp', 2000, 2200),
        zone('progress.fixedAssetInvestment.actual', wan(23_500), wan(22_500)),
        zone('progress.fixedAssetInvestment.percentBp', 1958, 1875),
        zone('progress.projectsCounted', 13, 14),
        zone('review.effectiveLeads', 4, 5),
        zone('review.investmentCompletedFen', wan(21_000), wan(20_000)),
        zone('review.scoreHundredths', 5586, 5599),
      ]);
      const verification = await verifyBulletin(store, q2);
      expect(verification).toMatchObject({ ok: true, period: '2024-Q2', differences: [], inForce: 0 });
    } finally {
      await close();
    }
  });

  it('a fact corrected later: published figures re-derive unchanged; at the head the correction is a figure of its own (DOMAIN.md §5)', async () => {
    const { store, close } = copyOfGolden();
    try {
      const q2 = period('2024-Q2');
      const at = await head(store);
      const before = await computeBulletinFigures(store, q2, { upTo: at });
      // No late entry or correction in the golden year: the data-quality rows are absent, as in bulletins published before them.
      expect(
        Object.keys(before.figures[GOLDEN.zone] ?? {}).filter((k) => /lateEntries|factCorrections/.test(k)),
      ).toEqual([]);
      // J01 started on 2024-04-15; on 06-10 the site log shows 04-12 (same month: no count moves).
      const j01 = await store.readStream('project-J01');
      const corrected = projectFixtures.runScript(
        [
          projectFixtures.correctFact({
            projectId: unsafeId.project('J01'),
            on: '2024-04-12' as BusinessDate,
            correctedOn: '2024-06-10' as BusinessDate,
          }),
        ],
        j01.map(decodeStored),
      );
      await store.append('project-J01', corrected.map(toNewEvent), {
        expectedRevision: j01.length - 1,
        context: {
          commandId: 'later-J01-start-correction',
          actor: { userId: 'li.na', role: 'investment-officer', unitId: GOLDEN.zone },
          businessTime: '2024-06-10T00:00:00+08:00',
        },
      });
      expect((await computeBulletinFigures(store, q2, { upTo: at })).digest).toBe(before.digest);
      const now = await computeBulletinFigures(store, q2, { upTo: await head(store) });
      expect(diffFigures(before.figures, now.figures)).toEqual([
        { unit: GOLDEN.zone, metric: 'review.factCorrections', published: null, recomputed: 1 },
      ]);
    } finally {
      await close();
    }
  });

  it('a correction is checked at its own position, and each edition on its own', async () => {
    const { store, close } = copyOfGolden();
    try {
      const q2 = period('2024-Q2');
      const original = await computeBulletinFigures(store, q2, { upTo: await head(store) });
      await issue(store, publish(original), 'publish');
      await laterFacts(store);
      const corrected = await computeBulletinFigures(store, q2, { upTo: await head(store) });
      await issue(
        store,
        correct(corrected, original.digest, '补录 J99 线索，更正 J01 四月投资额'),
        'correct',
      );
      const v = await verifyBulletin(store, q2);
      expect(v?.ok).toBe(true);
      expect(v?.editions.map((e) => [e.event, e.ok, e.computedAtPosition])).toEqual([
        ['BulletinPublished', true, original.computedAtPosition],
        ['BulletinCorrected', true, corrected.computedAtPosition],
      ]);
      expect(v).toMatchObject({
        inForce: 1,
        bulletinId: 'TB-2024-Q2-r1',
        digest: { published: corrected.digest, recomputed: corrected.digest },
      });
      expect(v?.editions[1]).toMatchObject({
        supersedes: original.digest,
        reason: '补录 J99 线索，更正 J01 四月投资额',
      });
    } finally {
      await close();
    }
  });

  it('a period with nothing published has no verification', async () => {
    const { store, close } = copyOfGolden();
    try {
      expect(await verifyBulletin(store, period('2024-07'))).toBeUndefined();
    } finally {
      await close();
    }
  });

  it('an edition whose digest alone was replaced is caught by the digest, with no figure differing', async () => {
    const { store, close } = copyOfGolden();
    try {
      const m = period('2024-05');
      const f = await computeBulletinFigures(store, m, { upTo: await head(store) });
      const forged = '0'.repeat(64);
      await issue(store, { ...publish(f), figuresDigest: forged as never }, 'forged-digest');
      const v = await verifyBulletin(store, m);
      expect(v).toMatchObject({
        ok: false,
        differences: [],
        digest: { published: forged, ofPublishedFigures: f.digest, recomputed: f.digest },
      });
    } finally {
      await close();
    }
  });

  it('an edition claiming a position at or after its own cannot have been computed there', async () => {
    const { store, close } = copyOfGolden();
    try {
      const m = period('2024-06');
      // A position past the head: at or after the bulletin's own, wherever the store puts it.
      const claimed = await computeBulletinFigures(store, m, { upTo: MAX_GLOBAL_POSITION });
      await issue(store, publish(claimed), 'future');
      const v = await verifyBulletin(store, m);
      expect(v?.differences).toEqual([]); // the figures do follow from the events up to it…
      expect(v?.editions[0]).toMatchObject({ computedBeforeEdition: false, ok: false }); // …but not before it
    } finally {
      await close();
    }
  });

  it('property: publishing at any position then verifying is ok; one tampered figure is exactly one difference', async () => {
    const periods = [
      '2023-12',
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: count }),
        fc.constantFrom(...periods),
        fc.nat(),
        async (cut, label, pick) => {
          const { store, close } = copyOfGolden();
          try {
            const p = period(label);
            const published = await computeBulletinFigures(store, p, { upTo: cutAfter(cut) });
            await issue(store, publish(published), 'publish');
            await laterFacts(store);
            const v = await verifyBulletin(store, p);
            expect(v?.ok).toBe(true);
            expect(v?.differences).toEqual([]);
            expect(v?.digest).toEqual({
              published: published.digest,
              ofPublishedFigures: published.digest,
              recomputed: published.digest,
            });

            // A crafted edition through the store: one figure changed, its digest made consistent.
            const cells = Object.entries(published.figures).flatMap(([unit, row]) =>
              Object.keys(row).map((metric) => [unit, metric] as const),
            );
            const [unit, metric] = cells[pick % cells.length]!;
            const forged = tamper(published.figures, unit, metric);
            await issue(
              store,
              correct({ ...published, figures: forged }, published.digest, '篡改测试 tamper test'),
              'forge',
            );
            const t = await verifyBulletin(store, p);
            expect(t?.ok).toBe(false);
            expect(t?.editions[0]?.ok).toBe(true); // the original still follows from history
            expect(t?.differences).toEqual([
              {
                unit,
                metric,
                published: forged[unit]![metric],
                recomputed: published.figures[unit]![metric],
              },
            ]);
            expect(t?.digest).toEqual({
              published: figuresDigest(forged),
              ofPublishedFigures: figuresDigest(forged),
              recomputed: published.digest,
            });
          } finally {
            await close();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});
