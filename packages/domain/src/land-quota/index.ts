export {
  QuotaEntryId,
  LandQuotaGranted,
  LandQuotaUsed,
  LandQuotaReservationReleased,
  landQuotaEvents,
  LandQuotaEventCodec,
} from './land-quota.events';
export type { LandQuotaEvent, LandQuotaEventType } from './land-quota.events';
export {
  GrantLandQuota,
  UseLandQuota,
  ReleaseLandQuotaReservation,
  landQuotaCommands,
  landQuotaCommandDates,
} from './land-quota.commands';
export type { LandQuotaCommand } from './land-quota.commands';
export { initialLandQuotaState, reservedLeft, generalLeft } from './land-quota.state';
export type { LandQuotaLedger, NoLandQuota, LandQuotaState } from './land-quota.state';
export { evolveLandQuota } from './land-quota.evolve';
export {
  landQuotaDecider,
  requireReserveWithinGrant,
  requireGranted,
  requireQuotaAvailable,
  requireUnusedReservation,
  decideGrantLandQuota,
  decideUseLandQuota,
  decideReleaseLandQuotaReservation,
} from './land-quota.decide';
export { isKeyProject, requireKeyProjectClaim } from './land-quota.key-project';
export { landQuotaErrors } from './land-quota.errors';
export type { LandQuotaErrorCode } from './land-quota.errors';
export { quotaFigureLabels } from './land-quota.vocabulary';
export type { QuotaFigure } from './land-quota.vocabulary';
