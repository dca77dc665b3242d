import { cny, count, date, unsafeId, type Year } from '@zhaoshang/domain';
import { performanceReviewQueries, targetProgressQueries } from '../src';
import { projectCommands, projectStreamOf, targetPlanStreamOf } from '../src/testing';
import { projectScenario, type ProjectedScenario } from './support/projected-scenario';

/**
 * The 大屏 (issue #18 item 4): the year month by month (headline figures and the plan's progress
 * against 序时进度), and the performance review (赛马) as of a 统计截止 date. Unit A signs a 3 亿元
 * project in March (started in May, 200 万元 invested in May and 300 万元 in June) and a 0.5 亿元 one
 * in June; unit B signs a 2 亿元 project on 20 September. A's plan asks for 4 signings of 1 亿元 and
 * more; the region's for 10.
 */
const A = 'unit-a';
const B = 'unit-b';
const YI = 10_000_000_000;

const plan = (unitId: string, scope: 'unit' | 'region', signings: number) =>
  targetPlanStreamOf([
    {
      type: 'SetAnnualTargets',
      unitId: unsafeId.unit(unitId),
      year: 2024 as Year,
      scope,
      targets: [
        {
          metric: 'signedProjects',
          target: { kind: 'count', value: count(signings) },
          minInvestment: cny.yi(1),
        },
      ],
      setOn: date('2024-01-02'),
      setBy: unsafeId.text('区招商引资工作领导小组'),
    },
  ]);

describe('the year month by month and the review as of a date (大屏, issue #18 item 4)', () => {
  let ctx: ProjectedScenario;

  beforeAll(async () => {
    ctx = await projectScenario('trend', [
      plan(A, 'unit', 4),
      plan(B, 'unit', 4),
      plan('district', 'region', 10),
      projectStreamOf(
        projectCommands({
          id: 'A01',
          unit: A,
          capturedOn: '2024-01-10',
          qualifiedOn: '2024-01-20',
          signedOn: '2024-03-15',
          investmentYi: 3,
          startedOn: '2024-05-06',
          investments: [
            ['2024-05', 200],
            ['2024-06', 300],
          ],
        }),
      ),
      projectStreamOf(
        projectCommands({
          id: 'A02',
          unit: A,
          capturedOn: '2024-02-01',
          qualifiedOn: '2024-02-10',
          signedOn: '2024-06-12',
          investmentYi: 0.5,
        }),
      ),
      projectStreamOf(
        projectCommands({
          id: 'B01',
          unit: B,
          capturedOn: '2024-03-01',
          qualifiedOn: '2024-03-05',
          signedOn: '2024-09-20',
          investmentYi: 2,
        }),
      ),
    ]);
  }, 60_000);
  afterAll(() => ctx.close());

  const headline = (view: Awaited<ReturnType<ReturnType<typeof targetProgressQueries>['trend']>>) =>
    Object.fromEntries(
      view.headline.map((h) => [
        h.minInvestment === undefined ? h.metric : `${h.metric}@${h.minInvestment}`,
        h,
      ]),
    );

  it("a unit's trend: one point per month up to the as-of date, cumulative, with 序时进度 at each month's end", async () => {
    const view = await targetProgressQueries(ctx.store).trend(2024, date('2024-07-15'), A);
    expect(view.unitId).toBe(A);
    expect(view.months.map((m) => m.month)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
    ]);
    // 31 January is day 31 of 366; the last month ends on the as-of date (day 197).
    expect(view.months[0]).toEqual({ month: '2024-01', to: '2024-01-31', elapsedFraction: 31 / 366 });
    expect(view.months[6]).toEqual({ month: '2024-07', to: '2024-07-15', elapsedFraction: 197 / 366 });
    const h = headline(view);
    expect(h.signedProjects?.actual).toBe(2);
    expect(h.signedProjects?.series.map((p) => p.cumulative)).toEqual([0, 0, 1, 1, 1, 2, 2]);
    expect(h[`signedProjects@${YI}`]?.actual).toBe(1);
    expect(h.signedAgreementFunds?.actual).toBe(3.5 * YI);
    expect(h.signedAgreementFunds?.series.map((p) => p.inMonth)).toEqual([0, 0, 3 * YI, 0, 0, 0.5 * YI, 0]);
    expect(h.startedProjects?.actual).toBe(1);
    // 500 万元 in 分.
    expect(h.fixedAssetInvestment?.actual).toBe(500 * 1_000_000);
    // The unit's plan: 1 of 4 signings of 1 亿元 and more, with its own light and monthly series.
    expect(view.plan?.unitId).toBe(A);
    expect(view.plan?.metrics[0]).toMatchObject({ actual: 1, target: 4, percent: 25 });
    expect(view.plan?.metrics[0]?.series.map((p) => p.cumulative)).toEqual([0, 0, 1, 1, 1, 1, 1]);
  });

  it("the whole region's trend counts every unit against the region's plan; a signing after the as-of date does not count", async () => {
    const october = await targetProgressQueries(ctx.store).trend(2024, date('2024-10-31'));
    expect(october.unitId).toBeUndefined();
    expect(october.plan).toMatchObject({ scope: 'region', unitId: 'district' });
    expect(headline(october).signedProjects?.actual).toBe(3);
    expect(headline(october)[`signedProjects@${YI}`]?.actual).toBe(2);
    expect(october.plan?.metrics[0]).toMatchObject({ actual: 2, target: 10, percent: 20 });
    const september19 = await targetProgressQueries(ctx.store).trend(2024, date('2024-09-19'));
    expect(headline(september19).signedProjects?.actual).toBe(2);
    expect(september19.months).toHaveLength(9);
  });

  it('the review (赛马) as of a date counts only what happened by then: a signing and its points count from its date on', async () => {
    const review = performanceReviewQueries(ctx.store);
    const year = await review.review({ period: { kind: 'year', year: 2024 } });
    expect(year).toMatchObject({ from: '2024-01-01', to: '2024-12-31' });
    const before = await review.review({ period: { kind: 'year', year: 2024 }, asOf: date('2024-09-19') });
    const after = await review.review({ period: { kind: 'year', year: 2024 }, asOf: date('2024-09-20') });
    expect(before.to).toBe('2024-09-19');
    const signings = (r: typeof year, unit: string) =>
      r.units.find((u) => u.unitId === unit)?.counts.newSignings;
    expect([signings(before, A), signings(before, B)]).toEqual([2, 0]);
    expect([signings(after, A), signings(after, B)]).toEqual([2, 1]);
    expect(before.units.find((u) => u.unitId === B)?.score).toBeLessThan(
      after.units.find((u) => u.unitId === B)?.score ?? 0,
    );
    // Without a date the review is the whole period's, as before.
    expect(signings(year, B)).toBe(1);
    // A date before the period leaves it empty.
    const empty = await review.review({ period: { kind: 'year', year: 2024 }, asOf: date('2023-12-31') });
    expect(empty.units.every((u) => u.counts.newSignings === 0)).toBe(true);
  });
});
