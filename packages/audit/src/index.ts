/**
 * @zhaoshang/audit — what an auditor runs against an event store or a bundle: a project's history,
 * its state as of a date or position and the differences, hash-chain verification, audit bundles
 * (export, offline verification, checkpoints), bulletin recomputation, and the auditor's own
 * transparency-log verifier (`transparency`). What a user of the package needs, by name.
 */
export {
  diffStates,
  projectHistory,
  reasonOf,
  stateAsOf,
  stateOfHistory,
  UndecodableEventError,
} from './history';
export type { AsOf, HistoryEntry, StateChange } from './history';
export { verifyStore } from './verify';
export type { VerifyReport } from './verify';
export {
  EVENTS_FILE,
  exportBundle,
  headPosition,
  MANIFEST_FILE,
  manifestLine,
  verifyBundle,
  writeAnchoredBundle,
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
  figuresDigest,
  parseBulletinPeriod,
  PERIOD_ROW,
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
export type { CheckpointSignatureVerdict, CheckpointVerification } from './bulletin-checkpoint';
export * as transparency from './transparency';
