import type { PlotEvent } from './plot.events';
import type { Plot, PlotState } from './plot.state';

/** The plot without its occupant and clearance finding (in reserve or reclaimed). */
const vacated = ({ occupant: _occupant, flag: _flag, ...rest }: Plot): Omit<Plot, 'occupant' | 'flag'> =>
  rest;

/** Records what happened; never validates (the decider already did). */
export const evolvePlot = (state: PlotState, event: PlotEvent): PlotState => {
  if (event.type === 'PlotRegistered') {
    const d = event.data;
    return {
      status: 'reserve',
      plotId: d.plotId,
      unitId: d.unitId,
      location: d.location,
      area: d.area,
      landUse: d.landUse,
      supply: d.supply,
      registeredOn: d.registeredOn,
      lastOn: d.registeredOn,
      revitalisations: [],
    };
  }
  // Any other event on an empty stream cannot be emitted by decide; evolve stays total anyway.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PlotSupplyRecorded':
      return { ...state, supply: event.data.supply, lastOn: event.data.on };
    case 'PlotAllocated': {
      const d = event.data;
      return {
        ...vacated(state),
        status: 'in-use',
        lastOn: d.allocatedOn,
        occupant: {
          projectId: d.projectId,
          since: d.allocatedOn,
          ...(d.agreedStartBy !== undefined ? { agreedStartBy: d.agreedStartBy } : {}),
        },
      };
    }
    case 'PlotFlagged': {
      const { flag, basis, period, on } = event.data;
      return { ...state, status: flag, lastOn: on, flag: { flag, basis, period, on } };
    }
    case 'PlotRevitalised': {
      const d = event.data;
      const revitalisations = [
        ...state.revitalisations,
        {
          route: d.route,
          area: d.area,
          on: d.on,
          ...(d.newOccupant !== undefined ? { newOccupant: d.newOccupant } : {}),
        },
      ];
      return d.newOccupant === undefined
        ? { ...vacated(state), status: 'reserve', lastOn: d.on, revitalisations }
        : {
            ...vacated(state),
            status: 'in-use',
            lastOn: d.on,
            revitalisations,
            occupant: { projectId: d.newOccupant, since: d.on },
          };
    }
    case 'PlotReclaimed': {
      const d = event.data;
      return {
        ...vacated(state),
        status: 'reclaimed',
        lastOn: d.on,
        reclaimed: { on: d.on, ...(d.fromProject !== undefined ? { fromProject: d.fromProject } : {}) },
      };
    }
    case 'PlotReturnedToReserve':
      return { ...vacated(state), status: 'reserve', lastOn: event.data.on };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
