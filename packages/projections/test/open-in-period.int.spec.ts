import { cny, count, date, unsafeId, type Year } from '@zhaoshang/domain';
import { performanceReviewQueries, supervisionQueries, targetProgressQueries } from '../src';
import { projectCommands, projectStreamOf, targetPlanStreamOf, type ProjectSpec } from '../src/testing';
import { projectScenario, type ProjectedScenario } from './support/projected-scenario';

/**
 * Item 8 of issue #11, worked by hand. Two projects of 开发区 signed in October 2023, each with a
 * procedure applied for on 1 November 2023 (due three working days later, never completed) and a
 * deadline watcher run on 20 December 2023 that raised two misses: the procedure's time limit (R7)
 * and the agreed start (signed 10 October + 60 days = 9 December, R8). Neither files anything in
 * 2024. K01 is cleared (清退) on 10 March 2025; K02 stays open. K03 started building in
 * November 2023 and reports no month after December 2023.
 */
const UNIT = 'kaifa';
const open2023 = (id: string, terminatedOn?: string): ProjectSpec => ({
  id,
  unit: UNIT,
  capturedOn: '2023-09-01',
  qualifiedOn: '2023-09-05',
  signedOn: '2023-10-10',
  investmentYi: 1,
  procedures: [{ id: `${id}-HP`, completeOn: '2023-11-01' }],
  watcherRuns: ['2023-12-20'],
  ...(terminatedOn !== undefined ? { terminatedOn } : {}),
});

describe('counting covers every project open in the period (R7 · 001 §(三)2, R8 · 001 §(四), R14 · 000 §五.4)', () => {
  let ctx: ProjectedScenario;

  beforeAll(async () => {
    ctx = await projectScenario('open', [
      targetPlanStreamOf([
        {
          type: 'SetAnnualTargets',
          unitId: unsafeId.unit(UNIT),
          year: 2024 as Year,
          scope: 'unit',
          targets: [
            {
              metric: 'signedProjects',
              target: { kind: 'count', value: count(2) },
              minInvestment: cny.yi(1),
            },
          ],
          setOn: date('2024-01-02'),
          setBy: unsafeId.text('区招商引资工作领导小组'),
        },
      ]),
      projectStreamOf(projectCommands(open2023('K01', '2025-03-10'))),
      projectStreamOf(projectCommands(open2023('K02'))),
      // K03 started building in November 2023 and has reported nothing since December 2023.
      projectStreamOf(
        projectCommands({
          id: 'K03',
          unit: UNIT,
          capturedOn: '2023-09-01',
          qualifiedOn: '2023-09-05',
          signedOn: '2023-10-10',
          investmentYi: 1,
          startedOn: '2023-11-01',
          investments: [
            ['2023-11', 100],
            ['2023-12', 100],
          ],
        }),
      ),
    ]);
  }, 60_000);
  afterAll(() => ctx.close());

  const review = (period: Parameters<ReturnType<typeof performanceReviewQueries>['review']>[0]['period']) =>
    performanceReviewQueries(ctx.store)
      .review({ period, unitIds: [UNIT] })
      .then((r) => r.units[0]!);

  it('R7 · 001 §(三)2 / R8 · 001 §(四): the 2024 review counts the overdue procedures and open misses of projects that filed nothing in 2024', async () => {
    const year = await review({ kind: 'year', year: 2024 });
    // Both procedures are past their limit and not completed on 31 December 2024: 2.
    expect(year.overdueProcedures).toBe(2);
    // Two misses each, raised in 2023 and still open: 4; none raised in 2024.
    expect(year.openMissedMilestones).toBe(4);
    expect(year.missedMilestones).toBe(0);
    // K03, under construction all year without a report: twelve monthly reports missed.
    expect(year.missedInvestmentReports).toBe(12);
  });

  it('R11: target progress for 2024 counts the three projects as active though they have no 2024 fact', async () => {
    const view = await targetProgressQueries(ctx.store).unit(UNIT, 2024, date('2024-12-31'));
    expect(view?.projectsCounted).toBe(3);
  });

  it('R8 · 001 §(四): a terminated project leaves the review counts from its termination date on', async () => {
    // February 2025: K01 not yet cleared, both still count.
    const february = await review({ kind: 'month', year: 2025, index: 2 });
    expect(february).toMatchObject({ overdueProcedures: 2, openMissedMilestones: 4 });
    // March 2025: K01 cleared on the 10th, before the end of the month: only K02's items remain.
    const march = await review({ kind: 'month', year: 2025, index: 3 });
    expect(march).toMatchObject({ overdueProcedures: 1, openMissedMilestones: 2, terminations: 1 });
  });

  it("R8 · 001 §(四): the supervision list drops a terminated project's open items on the day it is terminated", async () => {
    const list = (asOf: string) =>
      supervisionQueries(ctx.store)
        .list({ asOf: date(asOf), filter: { unitId: UNIT }, page: { limit: 1000 } })
        // No visits are recorded here: the weeks without one (R18) are tested apart (visits tests).
        .then((p) =>
          p.items
            .filter((i) => i.kind !== 'visit-week')
            .map((i) => `${i.projectId}:${i.kind}`)
            .sort(),
        );
    // The procedure item (its R7 miss merged into it) and the missed agreed start, per project.
    expect(await list('2025-03-09')).toEqual([
      'K01:milestone',
      'K01:procedure',
      'K02:milestone',
      'K02:procedure',
    ]);
    expect(await list('2025-03-10')).toEqual(['K02:milestone', 'K02:procedure']);
  });
});
