// The package's public surface.
export {
  decodeStored,
  diffStates,
  isAsOf,
  projectHistory,
  stateAsOf,
  stateOfHistory,
  toHistoryEntry,
  UndecodableEventError,
} from './history';
export type { AsOf, HistoryEntry, StateChange } from './history';
export { verifyStore } from './verify';
export type { VerifyReport } from './verify';
export { EVENTS_FILE, exportBundle, MANIFEST_FILE, verifyBundle } from './bundle';
export type { BundleLine, BundleManifest, BundleProblemCode, BundleReport } from './bundle';
export {
  BulletinRecomputeError,
  computeBulletinFigures,
  diffFigures,
  figuresDigest,
  parseBulletinPeriod,
  PERIOD_ROW,
  progressMetricKey,
  REGION_ROW,
  verifyBulletin,
} from './bulletin';
export type {
  BulletinFigures,
  BulletinVerification,
  EditionVerification,
  FigureDifference,
} from './bulletin';
