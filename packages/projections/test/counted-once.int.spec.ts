import { date } from '@zhaoshang/domain';
import { performanceReviewQueries, registerQueries } from '../src';
import { projectCommands, projectStreamOf, type ProjectSpec } from '../src/testing';
import { projectScenario, type ProjectedScenario } from './support/projected-scenario';

/**
 * R13 · 004 §(十六)「避免包装项目」, DOMAIN.md §6 一炮数响: links that would make a group count zero
 * times, worked by hand. 经开区 (jk) and 高新区 (gx) each link their claim to the other's (A→B,
 * B→A); 经开区's C is linked to 高新区's lead D, which 高新区 discards afterwards.
 */
const projects: ReadonlyArray<ProjectSpec> = [
  {
    id: 'A',
    unit: 'jk',
    capturedOn: '2024-03-05',
    qualifiedOn: '2024-03-06',
    duplicateOf: { canonical: 'B', on: '2024-05-01' },
  },
  {
    id: 'B',
    unit: 'gx',
    capturedOn: '2024-03-01',
    qualifiedOn: '2024-03-02',
    duplicateOf: { canonical: 'A', on: '2024-05-02' },
  },
  {
    id: 'C',
    unit: 'jk',
    capturedOn: '2024-04-01',
    qualifiedOn: '2024-04-03',
    duplicateOf: { canonical: 'D', on: '2024-04-10' },
  },
  { id: 'D', unit: 'gx', capturedOn: '2024-03-20', discardedOn: '2024-06-01' },
];

describe('every group of duplicates counts exactly once in the figures and the register (R13 · 004 §(十六))', () => {
  let ctx: ProjectedScenario;

  beforeAll(async () => {
    ctx = await projectScenario(
      'once',
      projects.map((p) => projectStreamOf(projectCommands(p))),
    );
  }, 60_000);
  afterAll(() => ctx.close());

  it('R13 · 004 §(十六): A→B and B→A count once (B, captured first); C counts though it is linked to D, discarded afterwards', async () => {
    const review = await performanceReviewQueries(ctx.store).review({
      period: { kind: 'year', year: 2024 },
      unitIds: ['gx', 'jk'],
    });
    const leads = Object.fromEntries(review.units.map((u) => [u.unitId, u.counts.effectiveLeads]));
    // 有效线索 qualified in 2024: A and B are one project, counted for 高新区 (B); C counts for 经开区; D was never qualified.
    expect(leads).toEqual({ gx: 1, jk: 1 });
    // Both units still answer for the links they made (padded claims in force at the year's end).
    expect(Object.fromEntries(review.units.map((u) => [u.unitId, u.duplicates]))).toEqual({ gx: 1, jk: 2 });
  });

  it('R13 · 004 §(十六): the register marks exactly one counted member per group', async () => {
    const page = await registerQueries(ctx.store).list({
      asOf: date('2024-12-31'),
      filter: { includeDropped: true },
      sort: [{ field: 'projectId', direction: 'asc' }],
    });
    expect(page.items.map((e) => [e.projectId, e.counted])).toEqual([
      ['A', false],
      ['B', true],
      ['C', true],
      ['D', false],
    ]);
    const counted = await registerQueries(ctx.store).list({
      asOf: date('2024-12-31'),
      filter: { includeDropped: true, includeDuplicates: false },
    });
    expect(counted.items.map((e) => e.projectId).sort()).toEqual(['B', 'C']);
    expect((await registerQueries(ctx.store).get('C', date('2024-12-31')))?.counted).toBe(true);
  });
});
