/**
 * Late entries and corrections in the read models (DOMAIN.md §5): a withdrawn miss leaves the
 * supervision list and the count of missed milestones; late entries and corrections are counted
 * as data-quality figures of their own; every count uses corrected dates.
 *
 * Three projects of one unit, each signed on 2024-05-10 with start by 2024-08-01; 三个月不开工
 * (R8 · 001 §(四)) falls on 2024-08-10. On 2024-08-12 the clock raises both start deadlines of each.
 * - A: the start really happened on 07-25 and is entered afterwards → 2 late entries, started in July.
 * - B: started entered as 08-12; on 08-20 corrected to 07-31 (the site log) → both misses withdrawn
 *   as a correction, not a late entry; started in July; 1 correction in August.
 * - C: started on 08-15 → both misses stand; started in August.
 * - D: started entered as 07-25 (2 late entries), then on 08-25 corrected to 08-05: past the agreed
 *   start (08-01), which is reinstated, still before 三个月不开工 (08-10), which stays withdrawn;
 *   started in August.
 * - E: started entered as 08-20; on 09-12 corrected to 09-05 → both misses stand, met only in September.
 * By hand, August: 5 missed milestones (C 2, D 1, E 2), 2 of them still open at its end (E's: met on
 * 09-05 after the correction), 3 late entries (A 2, D 1), 2 corrections (B, D; E's is September's),
 * 2 new starts (C, D); July: 2 new starts (A, B), no missed milestone.
 */
import { date, unsafeId, type ProjectCommand, type ProjectId } from '@zhaoshang/domain';
import { projectFixtures as fx } from '@zhaoshang/domain/testing';
import { performanceReviewQueries, registerQueries, supervisionQueries } from '../src';
import { supervisionItems } from '../src/supervision/supervision.document';
import { targetProgressFacts } from '../src/target-progress/target-progress.document';
import { projectStreamOf } from '../src/testing';
import { projectScenario, type ProjectedScenario } from './support/projected-scenario';

const unit = fx.fixtureIds.unit;
const A = fx.fixtureIds.project;
const B = unsafeId.project('XM-2024-0400');
const C = unsafeId.project('XM-2024-0401');
const D = unsafeId.project('XM-2024-0402');
const E = unsafeId.project('XM-2024-0403');

const signedThenMissed = (projectId: ProjectId): ReadonlyArray<ProjectCommand> => [
  ...fx
    .fixtureScript()
    .slice(0, 6) // up to and including 'signed'
    .flatMap(([, commands]) => commands)
    .map((c) => ({ ...c, projectId })),
  { ...fx.recordMissedMilestones('2024-08-12'), projectId },
];

describe('late entry is not a missed deadline; corrections are counted apart (DOMAIN.md §5, R8 · 001 §(四))', () => {
  let ctx: ProjectedScenario;

  beforeAll(async () => {
    ctx = await projectScenario('late', [
      projectStreamOf([...signedThenMissed(A), fx.startConstruction({ on: date('2024-07-25') })]),
      projectStreamOf([
        ...signedThenMissed(B),
        fx.startConstruction({ projectId: B, on: date('2024-08-12') }),
        fx.correctFact({ projectId: B, on: date('2024-07-31'), correctedOn: date('2024-08-20') }),
      ]),
      projectStreamOf([
        ...signedThenMissed(C),
        fx.startConstruction({ projectId: C, on: date('2024-08-15') }),
      ]),
      projectStreamOf([
        ...signedThenMissed(D),
        fx.startConstruction({ projectId: D, on: date('2024-07-25') }),
        fx.correctFact({ projectId: D, on: date('2024-08-05'), correctedOn: date('2024-08-25') }),
      ]),
      projectStreamOf([
        ...signedThenMissed(E),
        fx.startConstruction({ projectId: E, on: date('2024-08-20') }),
        fx.correctFact({ projectId: E, on: date('2024-09-05'), correctedOn: date('2024-09-12') }),
      ]),
    ]);
  }, 30_000);
  afterAll(() => ctx.close());

  it('the review counts a withdrawn miss as no missed milestone, late entries and corrections apart, starts on corrected dates (DOMAIN.md §5)', async () => {
    const review = performanceReviewQueries(ctx.store);
    const august = (await review.review({ period: { kind: 'month', year: 2024, index: 8 }, unitIds: [unit] }))
      .units[0];
    expect(august).toMatchObject({
      missedMilestones: 5,
      openMissedMilestones: 2,
      lateEntries: 3,
      factCorrections: 2,
    });
    expect(august?.counts.newStarts).toBe(2);
    const july = (await review.review({ period: { kind: 'month', year: 2024, index: 7 }, unitIds: [unit] }))
      .units[0];
    expect(july).toMatchObject({ missedMilestones: 0, lateEntries: 0, factCorrections: 0 });
    expect(july?.counts.newStarts).toBe(2);
    // Target progress keeps its own copy of the facts: the corrected start there too.
    expect(await ctx.store.get(targetProgressFacts, B)).toMatchObject({
      startedOn: '2024-07-31',
      corrections: ['2024-08-20'],
    });
  });

  it('the supervision list drops withdrawn misses, saying why; the standing ones stay until met; a reinstated one is met on the corrected date (R8 · 001 §(四))', async () => {
    // These histories record no visits: their weeks without one (R18) are tested apart (visits tests).
    const deadlines = async (asOf: string) =>
      (await supervisionQueries(ctx.store).list({ asOf: date(asOf), page: { limit: 1000 } })).items.filter(
        (i) => i.kind !== 'visit-week',
      );
    const list = { items: await deadlines('2024-08-13') };
    expect(list.items.map((i) => [i.projectId, i.milestoneKind])).toEqual([
      [C, 'agreed-start'],
      [E, 'agreed-start'],
      [C, 'exit-no-start'],
      [E, 'exit-no-start'],
    ]);
    // E's start corrected to 09-05: its items stay on the list through August.
    expect((await deadlines('2024-08-31')).map((i) => i.projectId)).toEqual([E, E]);
    const item = (id: string, key: string) => ctx.store.get(supervisionItems, `${id}:${key}`);
    expect(await item(A, 'exit-no-start')).toMatchObject({
      resolution: 'withdrawn',
      withdrawnReason: 'late-entry',
    });
    expect(await item(B, 'agreed-start:2024-08-01')).toMatchObject({
      resolution: 'withdrawn',
      withdrawnReason: 'correction',
    });
    expect(await item(C, 'exit-no-start')).toMatchObject({ resolution: 'met', resolvedOn: '2024-08-15' });
    expect(await item(D, 'agreed-start:2024-08-01')).toMatchObject({
      resolution: 'met',
      resolvedOn: '2024-08-05',
    });
  });

  it('the register clears the overdue flags of withdrawn misses and shows the corrected start (DOMAIN.md §5)', async () => {
    const register = registerQueries(ctx.store);
    expect(await register.get(A, date('2024-08-31'))).toMatchObject({
      missedMilestones: [],
      withdrawnMilestones: [
        { key: 'agreed-start:2024-08-01', reason: 'late-entry' },
        { key: 'exit-no-start', reason: 'late-entry' },
      ],
    });
    expect(await register.get(B, date('2024-08-31'))).toMatchObject({
      startedOn: '2024-07-31',
      missedMilestones: [],
      corrections: 1,
    });
    expect(await register.get(C, date('2024-08-31'))).toMatchObject({
      missedMilestones: ['agreed-start:2024-08-01', 'exit-no-start'],
    });
    // D: the correction reinstated the agreed start; 三个月不开工 stays withdrawn as a late entry.
    expect(await register.get(D, date('2024-08-31'))).toMatchObject({
      startedOn: '2024-08-05',
      missedMilestones: ['agreed-start:2024-08-01'],
      withdrawnMilestones: [{ key: 'exit-no-start', reason: 'late-entry' }],
    });
  });
});
