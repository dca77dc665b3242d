import type { Year } from '../shared/dates';
import type { LandArea } from '../land/land.area';
import type { LandQuotaEvent } from './land-quota.events';

type DataOf<T extends LandQuotaEvent['type']> = Extract<LandQuotaEvent, { readonly type: T }>['data'];

/**
 * A year's land-quota ledger (用地指标, 001 §(二)): what was granted, the share reserved for key
 * projects (有限指标保重点) after releases, and what was used from the reservation and from the rest.
 */
export interface LandQuotaLedger {
  readonly status: 'open';
  readonly year: Year;
  readonly granted: LandArea;
  /** Reserved for key projects, less what was released. */
  readonly reserved: LandArea;
  readonly usedFromReserved: LandArea;
  readonly usedFromGeneral: LandArea;
  readonly grants: Readonly<Record<string, DataOf<'LandQuotaGranted'>>>;
  readonly uses: Readonly<Record<string, DataOf<'LandQuotaUsed'>>>;
  readonly releases: Readonly<Record<string, DataOf<'LandQuotaReservationReleased'>>>;
}

/** No grant yet for the year. */
export interface NoLandQuota {
  readonly status: 'none';
}

export type LandQuotaState = NoLandQuota | LandQuotaLedger;

export const initialLandQuotaState: LandQuotaState = { status: 'none' };

/** What is left of the reservation (for key projects only). */
export const reservedLeft = (s: LandQuotaLedger): number => s.reserved - s.usedFromReserved;

/** What is left for any project: the grant less the reservation and the general uses. */
export const generalLeft = (s: LandQuotaLedger): number => s.granted - s.reserved - s.usedFromGeneral;
