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
