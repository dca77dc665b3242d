export {
  BulletinPeriod,
  GlobalPosition,
  FigureValue,
  Figures,
  BulletinPublished,
  BulletinCorrected,
  bulletinEvents,
  BulletinEventCodec,
  RootHash,
  TreeCheckpoint,
} from './bulletin.events';
export type { BulletinEvent, BulletinEventType } from './bulletin.events';
export { PublishBulletin, CorrectBulletin, BulletinCommand, bulletinCommandDates } from './bulletin.commands';
export { initialBulletinState } from './bulletin.state';
export type { BulletinEdition, Unpublished, Published, BulletinState } from './bulletin.state';
export { evolveBulletin } from './bulletin.evolve';
export { decideBulletin, bulletinDecider, requireOpenPeriod } from './bulletin.decide';
export { periodLabel, periodBounds, samePeriod, canonicalFiguresJson } from './bulletin.period';
export { bulletinErrors } from './bulletin.errors';
export type { BulletinErrorCode } from './bulletin.errors';
