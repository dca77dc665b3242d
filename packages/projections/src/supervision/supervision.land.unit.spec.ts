/**
 * The supervision list's idle-land items (R19, 001 §(四) "每半年…全面开展园区土地清理…对圈而不建的，坚决
 * 收回土地…对低效招商项目进行清理和盘活"): a plot a clearance found idle or low-efficiency is an item of
 * its unit until disposed of, due by the next clearance (the end of the next half-year).
 */
import { date, landArea, type PlotEvent, type ProjectEvent } from '@zhaoshang/domain';
import { projectFixtures as fx } from '@zhaoshang/domain/testing';
import { foldProjection } from '../testing/fold';
import type { DecodedEvent } from '../events/decode';
import { supervisionItems } from './supervision.document';
import { supervisionProjection } from './supervision.projection';
import { idleLandDueOn } from './supervision.land';
import { supervisionEntry } from './supervision.queries';

type Step = { readonly plot: PlotEvent } | { readonly project: ProjectEvent };

const fold = (steps: ReadonlyArray<Step>) =>
  foldProjection(
    supervisionProjection,
    steps.map((step, i): DecodedEvent =>
      'plot' in step
        ? {
            category: 'plot',
            event: step.plot,
            position: BigInt(i + 1),
            streamName: `plot-${step.plot.data.plotId}`,
          }
        : {
            category: 'project',
            event: step.project,
            position: BigInt(i + 1),
            streamName: `project-${step.project.data.projectId}`,
          },
    ),
  );

const projectId = fx.fixtureIds.project;
const plot = (e: { type: string; data: object }): Step => ({
  plot: { ...e, data: { plotId: 'DK-1', ...e.data } } as PlotEvent,
});
const registered = plot({
  type: 'PlotRegistered',
  data: {
    unitId: 'kaifaqu',
    location: '东区 3 号地块',
    area: landArea.mu(120.5),
    landUse: 'industrial',
    supply: 'transferred',
    registeredOn: '2024-01-05',
  },
});
const allocated = plot({ type: 'PlotAllocated', data: { projectId, allocatedOn: '2024-02-01' } });
const flagged = (on: string, flag = 'idle', period = '2024-H1') =>
  plot({ type: 'PlotFlagged', data: { flag, basis: 'no-construction', period, on } });
const project: ReadonlyArray<Step> = fx.historyUntil('signed').map((e) => ({ project: e }));
const base: ReadonlyArray<Step> = [...project, registered, allocated];
const itemId = 'plot:DK-1:2024-06-20';

describe('supervision list: idle and low-efficiency land (R19)', () => {
  it('R19 · 001 §(四) 每半年土地清理: due by the next clearance — found in H1 → 31 Dec, found in H2 → 30 Jun next year', () => {
    expect(idleLandDueOn(date('2024-03-10'))).toBe('2024-12-31');
    expect(idleLandDueOn(date('2024-06-30'))).toBe('2024-12-31');
    expect(idleLandDueOn(date('2024-07-01'))).toBe('2025-06-30');
    expect(idleLandDueOn(date('2024-12-31'))).toBe('2025-06-30');
  });

  it('R19 · 001 §(四) 圈而不建: a plot found idle is an item of its unit and occupant project, listed from the finding, overdue after the next half-year', () => {
    const item = fold([...base, flagged('2024-06-20')]).get(supervisionItems, itemId);
    expect(item).toMatchObject({
      kind: 'idle-land',
      unitId: 'kaifaqu',
      ownerId: 'kaifaqu',
      projectId,
      openedOn: '2024-06-20',
      dueOn: '2024-12-31',
      label: '闲置低效用地待处置（东区 3 号地块，120.50 亩，闲置：圈而不建，2024-H1 清理）',
    });
    if (item === undefined) throw new Error('no item');
    expect(supervisionEntry(item, date('2024-06-19'))).toBeUndefined();
    expect(supervisionEntry(item, date('2024-12-31'))).toMatchObject({ overdue: false, daysOverdue: 0 });
    // 2025-01-10 is 10 days past 2024-12-31.
    expect(supervisionEntry(item, date('2025-01-10'))).toMatchObject({ overdue: true, daysOverdue: 10 });
  });

  it("R19 · 001 §(四) 对低效招商项目进行清理和盘活: a later clearance's finding keeps the spell's item and deadline, rewording it", () => {
    const docs = fold([...base, flagged('2024-06-20'), flagged('2024-12-20', 'low-efficiency', '2024-H2')]);
    expect(docs.get(supervisionItems, itemId)).toMatchObject({
      openedOn: '2024-06-20',
      dueOn: '2024-12-31',
      label: expect.stringContaining('低效') as unknown,
    });
    expect(docs.get(supervisionItems, 'plot:DK-1:2024-12-20')).toBeUndefined();
  });

  it('R19 · 000 §四.5 盘活: revitalisation resolves the item; it leaves the list from that day', () => {
    const docs = fold([
      ...base,
      flagged('2024-06-20'),
      plot({
        type: 'PlotRevitalised',
        data: {
          route: 'equity-transfer',
          area: landArea.mu(120.5),
          on: '2025-02-01',
          evidence: [],
          newOccupant: 'XM-NEW',
        },
      }),
    ]);
    const item = docs.get(supervisionItems, itemId);
    expect(item).toMatchObject({ resolvedOn: '2025-02-01', resolution: 'met' });
    if (item === undefined) throw new Error('no item');
    expect(supervisionEntry(item, date('2025-01-31'))).toMatchObject({ daysOverdue: 31 });
    expect(supervisionEntry(item, date('2025-02-01'))).toBeUndefined();
  });

  it('R19 · 001 §(四) 坚决收回土地: reclaiming resolves the item, and a new finding after re-allocation opens a new one', () => {
    const docs = fold([
      ...base,
      flagged('2024-06-20'),
      plot({ type: 'PlotReclaimed', data: { on: '2024-09-01', reason: '圈而不建', fromProject: projectId } }),
      plot({ type: 'PlotReturnedToReserve', data: { on: '2024-09-05' } }),
      plot({ type: 'PlotAllocated', data: { projectId: 'XM-2', allocatedOn: '2024-10-01' } }),
      flagged('2025-03-01', 'low-efficiency', '2025-H1'),
    ]);
    expect(docs.get(supervisionItems, itemId)).toMatchObject({ resolvedOn: '2024-09-01', resolution: 'met' });
    expect(docs.get(supervisionItems, 'plot:DK-1:2025-03-01')).toMatchObject({
      projectId: 'XM-2',
      openedOn: '2025-03-01',
      dueOn: '2025-12-31',
    });
    expect(docs.get(supervisionItems, 'plot:DK-1:2025-03-01')?.resolvedOn).toBeUndefined();
  });

  it('R19 (violating) · 001 §(四) 圈而不建: a plot in use and never found idle by a clearance has no item', () => {
    const docs = fold(base);
    expect(docs.get(supervisionItems, itemId)).toBeUndefined();
  });
});
