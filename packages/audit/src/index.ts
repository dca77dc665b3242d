// The package's public surface.
export {
  decodeStored,
  diffStates,
  isAsOf,
  projectHistory,
  reasonOf,
  stateAsOf,
  stateOfHistory,
  toHistoryEntry,
  UndecodableEventError,
} from './history';
export type { AsOf, HistoryEntry, StateChange } from './history';
export { verifyStore } from './verify';
export type { VerifyReport } from './verify';
export {
  BUNDLE_PAGE_SIZE,
  BundleBuilder,
  bundleEvents,
  contentHashOf,
  EVENTS_FILE,
  exportBundle,
  headPosition,
  MANIFEST_FILE,
  manifestLine,
  verifyBundle,
  writeAnchoredBundle,
  writeBundle,
} from './bundle';
export type {
  BundleCheckpointOptions,
  BundleLine,
  BundleManifest,
  BundleProblemCode,
  BundleReport,
  BundleScope,
} from './bundle';
export {
  hasInclusionProofs,
  LeafData,
  readBundleLeaves,
  transparencyOf,
  verifyBundleTransparency,
} from './bundle-transparency';
export type {
  BundleLeaves,
  BundleTransparency,
  EarlierRecord,
  FirstDifference,
  TransparencyProblemCode,
  TransparencyReport,
} from './bundle-transparency';
export {
  BulletinRecomputeError,
  bulletinFiguresOf,
  bulletinViewsAt,
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
  BulletinViews,
  BulletinVerification,
  EditionVerification,
  FigureDifference,
  VerifyBulletinOptions,
} from './bulletin';
export { verifyCarriedCheckpoint, StoreLeaves } from './bulletin-checkpoint';
export type { CheckpointSignatureVerdict, CheckpointVerification } from './bulletin-checkpoint';
export * as transparency from './transparency';
