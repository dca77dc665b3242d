import { assertNever, type LandQuotaEvent, type PlotEvent, type ProjectEvent } from '@zhaoshang/domain';
import { put, type DocChange, type DocReader, type Projection } from '../read-model';
import {
  landProjectsCollection,
  plotsCollection,
  quotaCollection,
  type LandProjectDoc,
  type PlotDoc,
  type QuotaDoc,
} from './land.document';

/** A document without some of its optional fields. */
const without = <D extends object, K extends keyof D>(doc: D, ...keys: ReadonlyArray<K>): Omit<D, K> => {
  const copy: Partial<D> = { ...doc };
  for (const k of keys) delete copy[k];
  return copy as Omit<D, K>;
};

const vacated = (p: PlotDoc) =>
  without(p, 'occupantId', 'occupiedSince', 'agreedStartBy', 'flag', 'reclaimPending');

/** The project's plot list with a plot added or removed (a project doc is created on first sight). */
const projectPlots = (
  docs: DocReader,
  projectId: string | undefined,
  plotId: string,
  change: 'add' | 'remove',
): ReadonlyArray<DocChange> => {
  if (projectId === undefined) return [];
  const p: LandProjectDoc = docs.get(landProjectsCollection, projectId) ?? {
    projectId,
    unitId: '',
    name: projectId,
    plotIds: [],
  };
  const others = p.plotIds.filter((id) => id !== plotId);
  return [
    put(landProjectsCollection, projectId, {
      ...p,
      plotIds: change === 'add' ? [...others, plotId] : others,
    }),
  ];
};

/** The plot register's changes for a plot event. */
const ofPlot = (docs: DocReader, event: PlotEvent): ReadonlyArray<DocChange> => {
  const plotId = event.data.plotId;
  if (event.type === 'PlotRegistered') {
    const d = event.data;
    return [
      put(plotsCollection, plotId, {
        plotId,
        unitId: d.unitId,
        location: d.location,
        area: d.area,
        landUse: d.landUse,
        supply: d.supply,
        status: 'reserve',
        registeredOn: d.registeredOn,
        revitalisations: [],
      }),
    ];
  }
  const plot = docs.get(plotsCollection, plotId);
  if (plot === undefined) return [];
  switch (event.type) {
    case 'PlotSupplyRecorded':
      return [put(plotsCollection, plotId, { ...plot, supply: event.data.supply })];
    case 'PlotAllocated': {
      const d = event.data;
      return [
        put(plotsCollection, plotId, {
          ...vacated(plot),
          status: 'in-use',
          occupantId: d.projectId,
          occupiedSince: d.allocatedOn,
          ...(d.agreedStartBy !== undefined ? { agreedStartBy: d.agreedStartBy } : {}),
        }),
        ...projectPlots(docs, d.projectId, plotId, 'add'),
      ];
    }
    case 'PlotFlagged': {
      const { flag, basis, period, on } = event.data;
      return [put(plotsCollection, plotId, { ...plot, status: flag, flag: { flag, basis, period, on } })];
    }
    case 'PlotRevitalised': {
      const d = event.data;
      const revitalisations = [
        ...plot.revitalisations,
        {
          route: d.route,
          area: d.area,
          on: d.on,
          ...(d.newOccupant !== undefined ? { newOccupant: d.newOccupant } : {}),
        },
      ];
      const next: PlotDoc =
        d.newOccupant === undefined
          ? { ...vacated(plot), status: 'reserve', revitalisations, returnedOn: d.on }
          : {
              ...vacated(plot),
              status: 'in-use',
              revitalisations,
              occupantId: d.newOccupant,
              occupiedSince: d.on,
            };
      return [
        put(plotsCollection, plotId, next),
        ...projectPlots(docs, plot.occupantId, plotId, 'remove'),
        ...projectPlots(docs, d.newOccupant, plotId, 'add'),
      ];
    }
    case 'PlotReclaimed': {
      const d = event.data;
      // The reactor's to-do stays until the plot is back in the reserve.
      const pending = plot.reclaimPending !== undefined ? { reclaimPending: plot.reclaimPending } : {};
      return [
        put(plotsCollection, plotId, {
          ...vacated(plot),
          ...pending,
          status: 'reclaimed',
          reclaimed: { on: d.on, ...(d.fromProject !== undefined ? { fromProject: d.fromProject } : {}) },
        }),
        ...projectPlots(docs, plot.occupantId, plotId, 'remove'),
      ];
    }
    case 'PlotReturnedToReserve':
      return [
        put(plotsCollection, plotId, { ...vacated(plot), status: 'reserve', returnedOn: event.data.on }),
      ];
    default:
      return assertNever(event);
  }
};

/** What the land register reads of a project's events. */
const ofProject = (docs: DocReader, event: ProjectEvent, streamName: string): ReadonlyArray<DocChange> => {
  const projectId = event.data.projectId;
  const known = docs.get(landProjectsCollection, projectId);
  if (event.type === 'LeadCaptured' || event.type === 'ProjectPlanned') {
    const d = event.data;
    return [
      put(landProjectsCollection, projectId, {
        ...(known ?? { plotIds: [] }),
        projectId,
        unitId: d.unitId,
        name: d.name,
      }),
    ];
  }
  if (known === undefined) return [];
  const save = (p: LandProjectDoc): ReadonlyArray<DocChange> => [put(landProjectsCollection, projectId, p)];
  switch (event.type) {
    case 'AgreementSigned':
    case 'AgreementAmended':
      return save({ ...known, agreedStartBy: event.data.terms.schedule.startBy });
    case 'ConstructionStarted':
      return save({ ...known, constructionStartedOn: event.data.on });
    case 'ProductionStarted':
      return save({ ...known, productionStartedOn: event.data.on });
    case 'InvestmentProgressReported':
      return save({ ...known, investmentToDate: event.data.cumulative });
    case 'PerformanceReported': {
      const d = event.data;
      // The latest year governs; a correction of that year replaces its figures.
      if (known.performance !== undefined && d.year < known.performance.year) return [];
      return save({
        ...known,
        investmentToDate: d.investmentToDate,
        performance: { year: d.year, output: d.output, tax: d.tax },
      });
    }
    case 'ProjectTerminated':
      return save({ ...known, terminatedOn: event.data.on });
    case 'LandReclaimed': {
      const d = event.data;
      // 收回土地 from a terminated project: every plot it occupies awaits its return to the reserve.
      const pending = known.plotIds.flatMap((plotId) => {
        const plot = docs.get(plotsCollection, plotId);
        return plot === undefined || plot.occupantId !== projectId
          ? []
          : [
              put(plotsCollection, plotId, {
                ...plot,
                reclaimPending: { projectId, streamName, on: d.on, reason: d.reason },
              }),
            ];
      });
      return [...save({ ...known, landReclaimed: { on: d.on, reason: d.reason } }), ...pending];
    }
    default:
      return [];
  }
};

const emptyLedger = (year: number): QuotaDoc => ({
  year,
  granted: 0,
  reserved: 0,
  usedFromReserved: 0,
  usedFromGeneral: 0,
  grants: [],
  uses: [],
  releases: [],
});

/** A year's land-quota ledger. */
const ofQuota = (docs: DocReader, event: LandQuotaEvent): ReadonlyArray<DocChange> => {
  const id = String(event.data.year);
  const q = docs.get(quotaCollection, id) ?? emptyLedger(event.data.year);
  switch (event.type) {
    case 'LandQuotaGranted': {
      const { year: _y, ...grant } = event.data;
      return [
        put(quotaCollection, id, {
          ...q,
          granted: q.granted + grant.area,
          reserved: q.reserved + grant.reservedForKeyProjects,
          grants: [...q.grants, grant],
        }),
      ];
    }
    case 'LandQuotaUsed': {
      const { year: _y, ...use } = event.data;
      return [
        put(quotaCollection, id, {
          ...q,
          usedFromReserved: q.usedFromReserved + use.fromReserved,
          usedFromGeneral: q.usedFromGeneral + use.area - use.fromReserved,
          uses: [...q.uses, use],
        }),
      ];
    }
    case 'LandQuotaReservationReleased': {
      const { year: _y, ...release } = event.data;
      return [
        put(quotaCollection, id, {
          ...q,
          reserved: q.reserved - release.area,
          releases: [...q.releases, release],
        }),
      ];
    }
    default:
      return assertNever(event);
  }
};

/**
 * The land register (R19): plots with their occupants, clearance findings, revitalisations and
 * reclaims; what it needs of the occupants' projects (schedule, progress, reported figures) for the
 * 亩均 figures and the clearance; and the yearly land-quota ledgers.
 */
export const landProjection: Projection = {
  name: 'land',
  version: 1,
  categories: ['plot', 'land-quota', 'project'],
  collections: [plotsCollection, landProjectsCollection, quotaCollection],
  apply: (docs, decoded) => {
    switch (decoded.category) {
      case 'plot':
        return ofPlot(docs, decoded.event);
      case 'project':
        return ofProject(docs, decoded.event, decoded.streamName);
      case 'land-quota':
        return ofQuota(docs, decoded.event);
      default:
        return [];
    }
  },
};
