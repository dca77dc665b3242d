import {
  assertNever,
  halfYearBounds,
  halfYearOf,
  landArea,
  vocabulary,
  type BusinessDate,
  type HalfYear,
  type PlotEvent,
} from '@zhaoshang/domain';
import { collection, put, type DocChange, type DocReader } from '../read-model';
import {
  supervisionItems,
  supervisionProjects,
  type SupervisionItem,
  type SupervisionProject,
} from './supervision.document';

/** What the supervision list remembers of a plot between its events. */
export interface SupervisionPlot {
  readonly plotId: string;
  readonly unitId: string;
  readonly location: string;
  /** 0.01 亩. */
  readonly area: number;
  readonly occupantId?: string;
  /** The item of the plot's idle or low-efficiency spell now open (absent when none is). */
  readonly openItemId?: string;
}

export const supervisionPlots = collection<SupervisionPlot>('supervision_plots');

/**
 * Policy (R19, 001 §(四) "每半年…全面开展园区土地清理，对履约差的项目限期整改，对圈而不建的，坚决收回
 * 土地…对低效招商项目进行清理和盘活"): a plot found idle or low-efficiency is to be disposed of by the
 * next clearance, half a year on: its item falls due on the last day of the half-year after the one
 * its finding is dated in (found 2024-03-10 → due 2024-12-31; found 2024-08-01 → due 2025-06-30).
 */
export const idleLandDueOn = (foundOn: BusinessDate): BusinessDate => {
  const year = Number(foundOn.slice(0, 4));
  const next = (halfYearOf(foundOn).endsWith('H1') ? `${year}-H2` : `${year + 1}-H1`) as HalfYear;
  return halfYearBounds(next).to;
};

/** One item per spell: a plot flagged again after it was disposed of opens a new item. */
const itemIdOf = (plotId: string, openedOn: BusinessDate): string => `plot:${plotId}:${openedOn}`;

/** The occupant project's name and 包保 owners, as the list knows them from the project's events. */
const occupantOf = (
  project: SupervisionProject | undefined,
): Pick<SupervisionItem, 'projectName' | 'owner' | 'responsiblePerson'> | undefined =>
  project === undefined
    ? undefined
    : {
        projectName: project.name,
        ...(project.owner !== undefined ? { owner: project.owner } : {}),
        ...(project.responsiblePerson !== undefined ? { responsiblePerson: project.responsiblePerson } : {}),
      };

/**
 * The supervision list's items of a plot (R19): a clearance's finding (PlotFlagged: 闲置, e.g. 圈而不建,
 * or 低效) opens an item of kind 'idle-land' owned by the plot's unit (`ownerId`) and concerning its
 * occupant project (`projectId`, with the project's 包保 owners), listed from the finding's day and
 * overdue after `idleLandDueOn`. A later finding while the item is open only rewords it (the spell
 * goes on, its deadline stays). The item is resolved (`met`) when the plot is revitalised (盘活),
 * reclaimed (收回) or returned to the reserve (纳入储备).
 */
export const supervisionOfPlot = (docs: DocReader, event: PlotEvent): ReadonlyArray<DocChange> => {
  const plotId = event.data.plotId;
  if (event.type === 'PlotRegistered') {
    const d = event.data;
    return [
      put(supervisionPlots, plotId, {
        plotId,
        unitId: d.unitId,
        location: d.location,
        area: d.area,
      }),
    ];
  }
  const plot = docs.get(supervisionPlots, plotId);
  if (plot === undefined) return [];
  const { openItemId, occupantId: _occupant, ...rest } = plot;
  const resolve = (on: BusinessDate, occupantId?: string): ReadonlyArray<DocChange> => {
    const item = openItemId === undefined ? undefined : docs.get(supervisionItems, openItemId);
    return [
      put(supervisionPlots, plotId, { ...rest, ...(occupantId !== undefined ? { occupantId } : {}) }),
      ...(item === undefined || item.resolvedOn !== undefined
        ? []
        : [put(supervisionItems, item.itemId, { ...item, resolvedOn: on, resolution: 'met' as const })]),
    ];
  };
  switch (event.type) {
    case 'PlotSupplyRecorded':
      return [];
    case 'PlotAllocated':
      return [put(supervisionPlots, plotId, { ...plot, occupantId: event.data.projectId })];
    case 'PlotFlagged': {
      const d = event.data;
      const open = openItemId === undefined ? undefined : docs.get(supervisionItems, openItemId);
      const itemId = open?.itemId ?? itemIdOf(plotId, d.on);
      const kind = vocabulary.supervisionItemKinds['idle-land'];
      const flag = vocabulary.plotFlags[d.flag];
      const basis = vocabulary.flagBases[d.basis];
      const mu = landArea.text(plot.area);
      const occupant =
        plot.occupantId === undefined
          ? undefined
          : occupantOf(docs.get(supervisionProjects, plot.occupantId));
      const item: SupervisionItem = {
        itemId,
        ...(plot.occupantId !== undefined ? { projectId: plot.occupantId } : {}),
        unitId: plot.unitId,
        projectName: plot.location,
        ...occupant,
        kind: 'idle-land',
        label: `${kind.zh}（${plot.location}，${mu} 亩，${flag.zh}：${basis.zh}，${d.period} 清理）`,
        labelEn: `${kind.en} (${plot.location}, ${mu} mu, ${flag.en}: ${basis.en}, clearance ${d.period})`,
        openedOn: open?.openedOn ?? d.on,
        dueOn: open?.dueOn ?? idleLandDueOn(d.on),
        deadlineStatus: 'due',
        ownerId: plot.unitId,
      };
      return [
        put(supervisionItems, itemId, item),
        put(supervisionPlots, plotId, { ...plot, openItemId: itemId }),
      ];
    }
    case 'PlotRevitalised':
      return resolve(event.data.on, event.data.newOccupant);
    case 'PlotReclaimed':
    case 'PlotReturnedToReserve':
      return resolve(event.data.on);
    default:
      return assertNever(event);
  }
};
