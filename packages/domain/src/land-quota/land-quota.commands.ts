import * as t from 'io-ts';
import { factDate, type FactDates } from '../shared/business-date';
import { BusinessDate, Year } from '../shared/dates';
import { struct } from '../shared/event-codec';
import { assertNever } from '../shared/exhaustive';
import { NonEmptyText, PlotId } from '../shared/ids';
import { PositiveLandArea } from '../land/land.area';
import { QuotaEntryId, quotaGrant, quotaUse } from './land-quota.events';

/** Record a grant of the year's land quota (用地指标), with the share reserved for key projects. */
export const GrantLandQuota = struct({ type: t.literal('GrantLandQuota'), ...quotaGrant }, 'GrantLandQuota');
export type GrantLandQuota = t.TypeOf<typeof GrantLandQuota>;

/** Use land quota for a project (and its plot, when known). */
export const UseLandQuota = struct(
  { type: t.literal('UseLandQuota'), ...quotaUse },
  { plotId: PlotId },
  'UseLandQuota',
);
export type UseLandQuota = t.TypeOf<typeof UseLandQuota>;

/** Release an unused part of the key-project reservation to general use. */
export const ReleaseLandQuotaReservation = struct(
  {
    type: t.literal('ReleaseLandQuotaReservation'),
    year: Year,
    releaseId: QuotaEntryId,
    area: PositiveLandArea,
    releasedOn: BusinessDate,
    reason: NonEmptyText,
  },
  'ReleaseLandQuotaReservation',
);
export type ReleaseLandQuotaReservation = t.TypeOf<typeof ReleaseLandQuotaReservation>;

/** Every command of the land-quota ledger, by type. */
export const landQuotaCommands = { GrantLandQuota, UseLandQuota, ReleaseLandQuotaReservation } as const;

export type LandQuotaCommand = GrantLandQuota | UseLandQuota | ReleaseLandQuotaReservation;

/** The dates a land-quota command states as facts (DOMAIN.md §5). */
export const landQuotaCommandDates = (c: LandQuotaCommand): FactDates => {
  switch (c.type) {
    case 'GrantLandQuota':
      return [factDate('grantedOn', c.grantedOn)];
    case 'UseLandQuota':
      return [factDate('usedOn', c.usedOn)];
    case 'ReleaseLandQuotaReservation':
      return [factDate('releasedOn', c.releasedOn)];
    default:
      return assertNever(c);
  }
};
