/**
 * The register's columns offices keep (R22 · DOMAIN.md §6 "Registers as offices keep them": the
 * project list's 项目类别, 园区, 镇街; the procedures sheet's 项目代码, 批准部门, 备案证号, 用地类型,
 * 供地进度, 环评, 安评, 能评, 施工图审查, 施工许可, 是否列统, 统计编码): the profile and the procedures
 * in the register's rows, and 用地类型 / 供地进度 from the plot allocated to the project (R19) first.
 */
import { date, landArea, plotStream, unsafeId, unsafePlotId, type ProjectEvent } from '@zhaoshang/domain';
import { projectFixtures as fx } from '@zhaoshang/domain/testing';
import { registerQueries } from '../src';
import { toNewEvent } from '../src/testing';
import { projectScenario, type ProjectedScenario } from './support/projected-scenario';

const id = fx.fixtureIds.project;
const other = unsafeId.project('XM-2024-0999');

/** The fixture project under another id: a plot of the land register is allocated to it. */
const renamed = (events: ReadonlyArray<ProjectEvent>): ReadonlyArray<ProjectEvent> =>
  events.map((e) => ({ ...e, data: { ...e.data, projectId: other } }) as ProjectEvent);

const plot = unsafePlotId('DK-2024-07');
/** The land register's plot, as its stream stores it (plain data: the land test's shape). */
const plotEvents: ReadonlyArray<{ readonly type: string; readonly data: unknown }> = [
  {
    type: 'PlotRegistered',
    data: {
      plotId: plot,
      unitId: fx.fixtureIds.unit,
      location: '经开区纬三路以北',
      area: landArea.mu(120),
      landUse: 'warehousing',
      supply: 'transferred',
      registeredOn: date('2024-01-05'),
    },
  },
  { type: 'PlotAllocated', data: { plotId: plot, projectId: other, allocatedOn: date('2024-06-03') } },
];

const signed = fx
  .fixtureScript()
  .slice(0, 6)
  .flatMap(([, commands]) => commands);
const script = [
  ...signed,
  fx.requestProcedure(),
  fx.completeProcedure(),
  fx.requestProcedure({
    procedureId: unsafeId.procedure('SX-SGXK-01'),
    kind: 'construction-permit',
    department: 'housing',
    completeOn: date('2024-05-27'),
  }),
  fx.recordProjectProfile({ on: date('2024-05-28') }),
  fx.recordProjectProfile({ on: date('2024-05-29'), profile: { landSupply: 'listed' } }),
];

describe('the register carries the columns offices keep (R22 · DOMAIN.md §6 项目类别、园区…项目代码、环评…施工许可)', () => {
  let ctx: ProjectedScenario;
  beforeAll(async () => {
    const profiled = fx.runScript(script);
    ctx = await projectScenario('register-profile', [
      { streamName: `project-${id}`, events: profiled.map(toNewEvent) },
      { streamName: `project-${other}`, events: renamed(profiled).map(toNewEvent) },
      { streamName: plotStream(plot), events: plotEvents.map(toNewEvent) },
    ]);
  }, 30_000);
  afterAll(() => ctx.close());

  it('R22 · §6: the row holds the profile as recorded, later records replacing only their fields', async () => {
    const row = await registerQueries(ctx.store).get(id, date('2024-06-30'));
    expect(row).toMatchObject({
      category: 'industrial',
      parkId: 'jingkaiqu',
      projectCode: '2024-340603-04-03-512345',
      filingNo: '淮经开备〔2024〕88号',
      landUse: 'industrial',
      landSupply: 'listed',
      land: { source: 'profile', landUse: 'industrial', supply: 'listed' },
    });
  });

  it('R22 · §6 用地类型、供地进度 · R19: a plot allocated to the project says them first (the land register’s figures)', async () => {
    const row = await registerQueries(ctx.store).get(other, date('2024-06-30'));
    expect(row?.land).toEqual({
      source: 'plot',
      plotId: 'DK-2024-07',
      landUse: 'warehousing',
      supply: 'transferred',
    });
    expect(row?.landSupply).toBe('listed'); // the profile's record stays, under the plot's figures
    const page = await registerQueries(ctx.store).list({
      asOf: date('2024-06-30'),
      sort: [{ field: 'projectId', direction: 'asc' }],
    });
    expect(page.items.map((e) => [e.projectId, e.land?.source])).toEqual([
      [id, 'profile'],
      [other, 'plot'],
    ]);
  });

  it('R22 · §6 环评…施工许可: each kind of procedure has its department, application and completion dates', async () => {
    const row = await registerQueries(ctx.store).get(id, date('2024-06-30'));
    expect(row?.procedures).toEqual({
      'environmental-assessment': {
        procedureId: 'SX-HP-01',
        department: 'ecology-environment',
        requestedOn: '2024-05-20',
        completedOn: '2024-05-23',
        approvalNo: '经环审〔2024〕31 号',
      },
      'construction-permit': {
        procedureId: 'SX-SGXK-01',
        department: 'housing',
        requestedOn: '2024-05-27',
      },
    });
  });
});
