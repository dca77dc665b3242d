/**
 * Weekly 包保 visits (R18, 000 §五.2 「包保责任人每周不少于一次对包保单位进行走访调研，对需要处理的问题
 * 及时协调解决」) in the read models: the weeks the clock raised enter the supervision list under the
 * responsible person until their next visit, the register shows the last visit, and the
 * performance review counts the weeks per unit in the period they ended in.
 */
import { date, unsafeId, type ProjectCommand } from '@zhaoshang/domain';
import { projectFixtures as fx } from '@zhaoshang/domain/testing';
import { performanceReviewQueries, registerQueries, supervisionQueries } from '../src';
import { projectStreamOf } from '../src/testing';
import { projectScenario, type ProjectedScenario } from './support/projected-scenario';

const unit = fx.fixtureIds.unit;
const person = fx.fixtureLeaders['responsible-person'];
const leader = fx.fixtureLeaders['responsible-leader'];
const visit = (on: string, leaderId = person.leaderId) =>
  fx.recordSiteVisit({ on: date(on), leaderId: unsafeId.leader(leaderId) });

/**
 * Signed Friday 2024-05-10; the responsible person visits in 2024-W20 and W22; the 包保领导's visit
 * in W21 does not count. The clock raises W21 on 05-27 and W23 (06-03…06-09) on 06-11.
 */
const script: ReadonlyArray<ProjectCommand> = [
  ...fx
    .fixtureScript()
    .slice(0, 6) // up to and including 'signed'
    .flatMap(([, commands]) => commands),
  visit('2024-05-15'),
  visit('2024-05-22', leader.leaderId),
  fx.recordMissedMilestones('2024-05-27'),
  visit('2024-05-29'),
  fx.recordMissedMilestones('2024-06-11'),
  fx.recordMissedMilestones('2024-06-12'), // a second pass raises nothing
  fx.recordSiteVisit({
    on: date('2024-06-13'),
    issuesFound: [unsafeId.text('供电线路迁改未完成')],
    issuesSolved: [],
  }),
];

describe('R18 · 000 §五.2 包保责任人每周不少于一次走访 — supervision list, register, review', () => {
  let ctx: ProjectedScenario;
  beforeAll(async () => {
    ctx = await projectScenario('visits', [projectStreamOf(script)]);
  }, 30_000);
  afterAll(() => ctx.close());

  const weeks = async (asOf: string) =>
    (
      await supervisionQueries(ctx.store).list({
        asOf: date(asOf),
        filter: { kind: 'visit-week' },
        sort: 'dueOn',
      })
    ).items;

  it('a missed week is an item of the responsible person, overdue from the week’s end, listed from the day the clock raised it (R18)', async () => {
    expect(await weeks('2024-05-26')).toEqual([]);
    const listed = await weeks('2024-05-27');
    expect(listed.map((i) => [i.dueOn, i.ownerId, i.owner?.name, i.daysOverdue, i.openedOn])).toEqual([
      ['2024-05-26', person.leaderId, person.name, 1, '2024-05-27'],
    ]);
    expect(listed[0]).toMatchObject({ kind: 'visit-week', label: expect.stringContaining('2024-W21') });
    expect((await weeks('2024-06-11')).map((i) => [i.dueOn, i.daysOverdue])).toEqual([['2024-06-09', 2]]);
  });

  it('the responsible person’s next visit answers the missed weeks before it: they leave the list (R18 · 000 §五.2)', async () => {
    expect((await weeks('2024-05-28')).length).toBe(1);
    expect(await weeks('2024-05-29')).toEqual([]);
    expect((await weeks('2024-06-12')).length).toBe(1);
    expect(await weeks('2024-06-13')).toEqual([]);
  });

  it('the register shows the last visit (date and who) and the weeks missed (R18)', async () => {
    const row = await registerQueries(ctx.store).get(fx.fixtureIds.project, date('2024-06-30'));
    expect(row).toMatchObject({
      lastVisit: { on: '2024-06-13', leaderId: person.leaderId, name: person.name },
      visitWeeksMissed: 2,
    });
  });

  it('the performance review counts the weeks by the period they ended in: one in May, one in June, two in the quarter (R18)', async () => {
    const review = performanceReviewQueries(ctx.store);
    const count = async (period: Parameters<typeof review.review>[0]['period']) =>
      (await review.review({ period, unitIds: [unit] })).units[0]?.missedVisitWeeks;
    expect(await count({ kind: 'month', year: 2024, index: 5 })).toBe(1);
    expect(await count({ kind: 'month', year: 2024, index: 6 })).toBe(1);
    expect(await count({ kind: 'quarter', year: 2024, index: 2 })).toBe(2);
    expect(await count({ kind: 'month', year: 2024, index: 4 })).toBe(0);
  });
});
