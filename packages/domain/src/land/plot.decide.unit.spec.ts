/**
 * Land plots (R19), checked against the seeds:
 * - 000 §四.5: "盘活 10 余家 1000 余亩 低效闲置用地" by 政府收储、股权转让、破产重组、合作招商;
 * - 001 §(四): "每半年对园区土地进行一次清理"; "圈而不建 … 坚决收回土地";
 * - 003: "盘活土地 1002 亩, 腾出 784 亩, 亩均论英雄".
 */
import * as E from 'fp-ts/Either';
import { describeError } from '../errors';
import { date } from '../shared/dates';
import { unsafeId, unsafePlotId } from '../shared/ids';
import { spec } from '../testing/decider-spec';
import {
  landArea,
  plotDecider,
  plotErrors,
  type AllocatePlot,
  type FlagPlot,
  type HalfYear,
  type PlotEvent,
  type PositiveLandArea,
  type ReclaimPlot,
  type RegisterPlot,
  type ReturnPlotToReserve,
  type RevitalisePlot,
} from './index';

const plotId = unsafePlotId('DK-2019-07');
const area = (mu: number) => landArea.mu(mu) as PositiveLandArea;
const half = (s: string) => s as HalfYear;

const register = (o: Partial<RegisterPlot> = {}): RegisterPlot => ({
  type: 'RegisterPlot',
  plotId,
  unitId: unsafeId.unit('kaifaqu'),
  location: unsafeId.text('经开区纬三路北、经五路东'),
  area: area(86.5),
  landUse: 'industrial',
  supply: 'transferred',
  registeredOn: date('2019-03-01'),
  ...o,
});
const allocate = (o: Partial<AllocatePlot> = {}): AllocatePlot => ({
  type: 'AllocatePlot',
  plotId,
  projectId: unsafeId.project('XM-2019-03'),
  allocatedOn: date('2019-04-01'),
  agreedStartBy: date('2019-10-01'),
  ...o,
});
const flag = (o: Partial<FlagPlot> = {}): FlagPlot => ({
  type: 'FlagPlot',
  plotId,
  flag: 'idle',
  basis: 'no-construction',
  period: half('2024-H1'),
  on: date('2024-06-28'),
  ...o,
});
const revitalise = (o: Partial<RevitalisePlot> = {}): RevitalisePlot => ({
  type: 'RevitalisePlot',
  plotId,
  route: 'cooperative-investment',
  area: area(86.5),
  on: date('2024-09-10'),
  evidence: [],
  newOccupant: unsafeId.project('XM-2024-11'),
  ...o,
});
const reclaim = (o: Partial<ReclaimPlot> = {}): ReclaimPlot => ({
  type: 'ReclaimPlot',
  plotId,
  on: date('2024-08-01'),
  reason: unsafeId.text('圈而不建，依约收回'),
  fromProject: unsafeId.project('XM-2019-03'),
  ...o,
});
const toReserve = (o: Partial<ReturnPlotToReserve> = {}): ReturnPlotToReserve => ({
  type: 'ReturnPlotToReserve',
  plotId,
  on: date('2024-08-15'),
  ...o,
});

const data = <C extends { readonly type: string }>(c: C): Omit<C, 'type'> => {
  const { type: _t, ...rest } = c;
  return rest;
};
const registered: PlotEvent = { type: 'PlotRegistered', data: data(register()) };
const allocated: PlotEvent = { type: 'PlotAllocated', data: data(allocate()) };
const flagged: PlotEvent = { type: 'PlotFlagged', data: data(flag()) };
const reclaimed: PlotEvent = { type: 'PlotReclaimed', data: data(reclaim()) };

const plot = spec(plotDecider);

describe('a plot in the land register (R19)', () => {
  it('R19a a plot is registered and held in reserve (储备)', () => {
    expect(plot.given([]).when(register()).thenState()).toMatchObject({ status: 'reserve' });
  });

  it('R19a a plot id is never reused for another plot; the same registration again is harmless', () => {
    plot.given([registered]).when(register()).thenNothingHappens();
    plot
      .given([registered])
      .when(register({ area: area(40) }))
      .thenFails('PLOT_ALREADY_REGISTERED');
  });

  it('R19a a step on a plot not in the register is refused', () => {
    plot.given([]).when(allocate()).thenFails('PLOT_NOT_FOUND', { plotId });
  });

  it('R19b (001 §(二) 保障项目用地) a plot in reserve is allocated to a project, with the agreed construction start', () => {
    expect(plot.given([registered]).when(allocate()).thenState()).toMatchObject({
      status: 'in-use',
      occupant: { projectId: 'XM-2019-03', agreedStartBy: '2019-10-01' },
    });
    plot.given([registered, allocated]).when(allocate()).thenNothingHappens();
  });

  it('R19b (001 §(二)) a plot another project occupies is not allocated again', () => {
    plot
      .given([registered, allocated])
      .when(allocate({ projectId: unsafeId.project('XM-OTHER'), allocatedOn: date('2020-01-01') }))
      .thenFails('PLOT_NOT_IN_RESERVE', { status: 'in-use' });
  });

  it('R19c (001 §(四) 每半年土地清理) the clearance flags an occupied plot idle (圈而不建); the same finding again is harmless', () => {
    expect(plot.given([registered, allocated]).when(flag()).thenState()).toMatchObject({
      status: 'idle',
      flag: { basis: 'no-construction', period: '2024-H1' },
    });
    plot.given([registered, allocated, flagged]).when(flag()).thenNothingHappens();
  });

  it('R19c (001 §(四)) a plot in reserve has no occupant to be found idle or low-efficiency', () => {
    plot
      .given([registered])
      .when(flag({ flag: 'low-efficiency', basis: 'low-output' }))
      .thenFails('PLOT_NOT_OCCUPIED');
  });

  it('R19d (000 §四.5 合作招商) an idle plot is revitalised to a new occupant and is in use again', () => {
    expect(plot.given([registered, allocated, flagged]).when(revitalise()).thenState()).toMatchObject({
      status: 'in-use',
      occupant: { projectId: 'XM-2024-11', since: '2024-09-10' },
      revitalisations: [{ route: 'cooperative-investment', area: 8650 }],
    });
  });

  it('R19d (000 §四.5 盘活低效闲置用地) a plot in use, not found idle or low-efficiency, is not revitalised', () => {
    plot
      .given([registered, allocated])
      .when(revitalise())
      .thenFails('PLOT_NOT_IDLE_OR_LOW_EFFICIENCY', { status: 'in-use' });
  });

  it('R19e (000 §四.5 政府收储) government reserve takes the plot into the reserve, with no new occupant', () => {
    const s = plot
      .given([registered, allocated, flagged])
      .when(revitalise({ route: 'government-reserve', newOccupant: undefined }))
      .thenState();
    expect(s).toMatchObject({ status: 'reserve' });
    expect(s).not.toHaveProperty('occupant');
  });

  it('R19e (000 §四.5 股权转让、破产重组、合作招商) a transfer names its new occupant; 政府收储 names none', () => {
    const { newOccupant: _n, ...withoutOccupant } = revitalise({ route: 'equity-transfer' });
    plot
      .given([registered, allocated, flagged])
      .when(withoutOccupant)
      .thenFails('PLOT_NEW_OCCUPANT_REQUIRED');
    plot
      .given([registered, allocated, flagged])
      .when(revitalise({ route: 'government-reserve' }))
      .thenFails('PLOT_NEW_OCCUPANT_NOT_ALLOWED');
  });

  it('R19f (003 盘活土地 1002 亩) the area revitalised is at most the plot’s area', () => {
    plot
      .given([registered, allocated, flagged])
      .when(revitalise({ area: area(86.5) }))
      .thenMatches([{ type: 'PlotRevitalised' }]);
    plot
      .given([registered, allocated, flagged])
      .when(revitalise({ area: area(86.51) }))
      .thenFails('PLOT_AREA_EXCEEDED', { area: 8651, plotArea: 8650 });
  });

  it('R19g (001 §(四) 圈而不建 坚决收回土地) an occupied plot is reclaimed from its occupant; a repeat is harmless', () => {
    expect(plot.given([registered, allocated, flagged]).when(reclaim()).thenState()).toMatchObject({
      status: 'reclaimed',
      reclaimed: { fromProject: 'XM-2019-03' },
    });
    plot.given([registered, allocated, flagged, reclaimed]).when(reclaim()).thenNothingHappens();
  });

  it('R19g (001 §(四)) land is reclaimed only from the project that occupies it', () => {
    plot
      .given([registered, allocated])
      .when(reclaim({ fromProject: unsafeId.project('XM-OTHER') }))
      .thenFails('PLOT_OCCUPIED_BY_ANOTHER', { occupant: 'XM-2019-03', projectId: 'XM-OTHER' });
    plot.given([registered]).when(reclaim()).thenFails('PLOT_NOT_OCCUPIED', { status: 'reserve' });
  });

  it('R19h (001 §(四) 收回土地) a reclaimed plot returns to the reserve and can be allocated again', () => {
    const s = plot.given([registered, allocated, reclaimed]).when(toReserve()).thenState();
    expect(s).toMatchObject({ status: 'reserve' });
    plot
      .given([registered, allocated, reclaimed, { type: 'PlotReturnedToReserve', data: data(toReserve()) }])
      .when(allocate({ projectId: unsafeId.project('XM-2024-20'), allocatedOn: date('2024-09-01') }))
      .thenMatches([{ type: 'PlotAllocated' }]);
  });

  it('R19h (001 §(四)) only a reclaimed plot returns to the reserve', () => {
    plot
      .given([registered, allocated])
      .when(toReserve())
      .thenFails('PLOT_NOT_RECLAIMED', { status: 'in-use' });
    plot.given([registered]).when(toReserve()).thenNothingHappens();
  });

  it('R19i a plot’s steps follow each other in time (the register’s history reads forward)', () => {
    plot
      .given([registered, allocated])
      .when(flag({ on: date('2024-06-28') }))
      .thenMatches([{ type: 'PlotFlagged' }]);
    plot
      .given([registered, allocated])
      .when(flag({ on: date('2019-03-31') }))
      .thenFails('PLOT_STEP_OUT_OF_ORDER', { field: 'on', after: '2019-04-01' });
  });

  it('R19 every refusal has a message in both languages', () => {
    const refused = plotDecider.decide(allocate(), plotDecider.initialState);
    expect(E.isLeft(refused)).toBe(true);
    if (E.isLeft(refused)) expect(describeError(refused.left, 'zh')).toContain(plotId);
    expect(Object.keys(plotErrors).length).toBeGreaterThan(5);
  });

  it('R19 a plot’s whole life from reserve to reserve: 储备 → 在用 → 闲置 → 收回 → 储备', () => {
    const events: PlotEvent[] = [];
    let state = plotDecider.initialState;
    for (const c of [register(), allocate(), flag(), reclaim(), toReserve()]) {
      const out = plotDecider.decide(c, state);
      if (E.isLeft(out)) throw new Error(out.left.code);
      events.push(...out.right);
      state = out.right.reduce(plotDecider.evolve, state);
    }
    expect(events.map((e) => e.type)).toEqual([
      'PlotRegistered',
      'PlotAllocated',
      'PlotFlagged',
      'PlotReclaimed',
      'PlotReturnedToReserve',
    ]);
    expect(state.status).toBe('reserve');
  });
});
