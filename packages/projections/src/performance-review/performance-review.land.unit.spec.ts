/**
 * Land in the performance review (R19): 001 §(一) "探索实行各类要素保障与招商引资绩效挂钩的考核制度";
 * 001 §(四) 每半年土地清理; 000 §四.5 分批盘活低效闲置用地; 003 "盘活土地 1002 亩, 腾出 784 亩". Figures
 * worked by hand, in 0.01 亩.
 */
import { landArea, type PlotEvent } from '@zhaoshang/domain';
import { foldProjection } from '../testing/fold';
import { periodWindow } from './performance-review.compute';
import { landReviewFigures, reviewPlots, type ReviewPlotDoc } from './performance-review.land';
import { performanceReviewProjection } from './performance-review.projection';

const fold = (events: ReadonlyArray<PlotEvent>) =>
  foldProjection(
    performanceReviewProjection,
    events.map((event, i) => ({
      category: 'plot' as const,
      event,
      position: BigInt(i + 1),
      streamName: `plot-${event.data.plotId}`,
    })),
  );

const ev = (type: string, plotId: string, data: object): PlotEvent =>
  ({ type, data: { plotId, ...data } }) as PlotEvent;
const plotLife = (
  plotId: string,
  mu: number,
  ...steps: ReadonlyArray<PlotEvent>
): ReadonlyArray<PlotEvent> => [
  ev('PlotRegistered', plotId, {
    unitId: 'kaifaqu',
    location: plotId,
    area: landArea.mu(mu),
    landUse: 'industrial',
    supply: 'transferred',
    registeredOn: '2024-01-05',
  }),
  ev('PlotAllocated', plotId, { projectId: `XM-${plotId}`, allocatedOn: '2024-02-01' }),
  ...steps,
];
const flag = (plotId: string, on: string, f: 'idle' | 'low-efficiency') =>
  ev('PlotFlagged', plotId, {
    flag: f,
    basis: 'other',
    period: on < '2024-07-01' ? '2024-H1' : '2024-H2',
    on,
  });

// A: 120.50 亩 idle from 2024-06-20, revitalised by equity transfer (80.25 亩) on 2024-09-10.
// B: 300.00 亩 low-efficiency from 2024-06-25, taken into the government reserve on 2024-11-05.
// C: 45.75 亩 idle from 2024-08-01, reclaimed on 2024-12-20.
// D: 200.00 亩 low-efficiency from 2024-10-15, still so.
const events = [
  ...plotLife(
    'A',
    120.5,
    flag('A', '2024-06-20', 'idle'),
    ev('PlotRevitalised', 'A', {
      route: 'equity-transfer',
      area: landArea.mu(80.25),
      on: '2024-09-10',
      evidence: [],
      newOccupant: 'XM-NEW',
    }),
  ),
  ...plotLife(
    'B',
    300,
    flag('B', '2024-06-25', 'low-efficiency'),
    ev('PlotRevitalised', 'B', {
      route: 'government-reserve',
      area: landArea.mu(300),
      on: '2024-11-05',
      evidence: [],
    }),
  ),
  ...plotLife(
    'C',
    45.75,
    flag('C', '2024-08-01', 'idle'),
    ev('PlotReclaimed', 'C', { on: '2024-12-20', reason: '圈而不建' }),
  ),
  ...plotLife('D', 200, flag('D', '2024-10-15', 'low-efficiency')),
];
const docs = fold(events);
const plots = ['A', 'B', 'C', 'D'].flatMap((id) => {
  const d = docs.get<ReviewPlotDoc>(reviewPlots, id);
  return d === undefined ? [] : [d];
});
const routes = (o: Partial<Record<string, number>>) => ({
  'government-reserve': 0,
  'equity-transfer': 0,
  'bankruptcy-restructuring': 0,
  'cooperative-investment': 0,
  ...o,
});

describe('performance review: land figures per unit and period (R19)', () => {
  it('R19 · 001 §(四) 每半年土地清理: idle and low-efficiency land at the end of 2024-Q2 (A idle 120.50; B low 300.00)', () => {
    expect(landReviewFigures(plots, periodWindow({ kind: 'quarter', year: 2024, index: 2 }))).toEqual({
      idleArea: 12050,
      lowEfficiencyArea: 30000,
      revitalised: 0,
      revitalisedByRoute: routes({}),
      freed: 0,
    });
  });

  it('R19 · 000 §四.5 盘活 / 003 腾出: 2024-Q3 — A revitalised 80.25 by equity transfer; C idle 45.75 and B low 300.00 at the end', () => {
    expect(landReviewFigures(plots, periodWindow({ kind: 'quarter', year: 2024, index: 3 }))).toEqual({
      idleArea: 4575,
      lowEfficiencyArea: 30000,
      revitalised: 8025,
      revitalisedByRoute: routes({ 'equity-transfer': 8025 }),
      freed: 0,
    });
  });

  it('R19 · 003 "盘活土地…腾出": 2024-Q4 — B 300.00 into the government reserve (盘活 and 腾出), C 45.75 reclaimed (腾出); D low 200.00 at the end', () => {
    expect(landReviewFigures(plots, periodWindow({ kind: 'quarter', year: 2024, index: 4 }))).toEqual({
      idleArea: 0,
      lowEfficiencyArea: 20000,
      revitalised: 30000,
      revitalisedByRoute: routes({ 'government-reserve': 30000 }),
      freed: 34575,
    });
  });

  it('R19 · 001 §(一) 要素保障与招商引资绩效挂钩: the year 2024 adds the quarters (盘活 380.25, 腾出 345.75)', () => {
    expect(landReviewFigures(plots, periodWindow({ kind: 'year', year: 2024 }))).toMatchObject({
      revitalised: 38025,
      freed: 34575,
      lowEfficiencyArea: 20000,
      idleArea: 0,
    });
  });

  it('R19 (violating) · 000 §四.5 盘活: before any clearance finding (2024-01) no land is idle, revitalised or freed', () => {
    expect(landReviewFigures(plots, periodWindow({ kind: 'month', year: 2024, index: 1 }))).toMatchObject({
      idleArea: 0,
      lowEfficiencyArea: 0,
      revitalised: 0,
      freed: 0,
    });
  });
});
