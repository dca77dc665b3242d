import type { Year } from '../shared/dates';
import type { LandArea } from '../land/land.area';
import type { LandQuotaEvent } from './land-quota.events';
import type { LandQuotaLedger, LandQuotaState } from './land-quota.state';

const area = (n: number): LandArea => n as LandArea;

const emptyLedger = (year: Year): LandQuotaLedger => ({
  status: 'open',
  year,
  granted: area(0),
  reserved: area(0),
  usedFromReserved: area(0),
  usedFromGeneral: area(0),
  grants: {},
  uses: {},
  releases: {},
});

/** Records what happened; never validates (the decider already did). */
export const evolveLandQuota = (state: LandQuotaState, event: LandQuotaEvent): LandQuotaState => {
  const s = state.status === 'none' ? emptyLedger(event.data.year) : state;
  switch (event.type) {
    case 'LandQuotaGranted': {
      const d = event.data;
      return {
        ...s,
        granted: area(s.granted + d.area),
        reserved: area(s.reserved + d.reservedForKeyProjects),
        grants: { ...s.grants, [d.grantId]: d },
      };
    }
    case 'LandQuotaUsed': {
      const d = event.data;
      return {
        ...s,
        usedFromReserved: area(s.usedFromReserved + d.fromReserved),
        usedFromGeneral: area(s.usedFromGeneral + d.area - d.fromReserved),
        uses: { ...s.uses, [d.useId]: d },
      };
    }
    case 'LandQuotaReservationReleased': {
      const d = event.data;
      return { ...s, reserved: area(s.reserved - d.area), releases: { ...s.releases, [d.releaseId]: d } };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
