import * as t from 'io-ts';
import { factDate, type FactDates } from '../shared/business-date';
import { BusinessDate } from '../shared/dates';
import { struct } from '../shared/event-codec';
import { assertNever } from '../shared/exhaustive';
import { Sha256 } from '../shared/evidence';
import { BulletinId, NonEmptyText } from '../shared/ids';
import { BulletinPeriod, Figures, GlobalPosition, TreeCheckpoint } from './bulletin.events';

const edition = {
  bulletinId: BulletinId,
  period: BulletinPeriod,
  computedAtPosition: GlobalPosition,
  figuresDigest: Sha256,
  figures: Figures,
};

/** Publish the bulletin of a period, freezing its figures (R14). */
export const PublishBulletin = struct(
  { type: t.literal('PublishBulletin'), ...edition, publishedOn: BusinessDate, publishedBy: NonEmptyText },
  { checkpoint: TreeCheckpoint },
  'PublishBulletin',
);
export type PublishBulletin = t.TypeOf<typeof PublishBulletin>;

/** Publish a corrected edition that supersedes the current one, saying why. */
export const CorrectBulletin = struct(
  {
    type: t.literal('CorrectBulletin'),
    ...edition,
    supersedes: Sha256,
    correctedOn: BusinessDate,
    correctedBy: NonEmptyText,
    reason: NonEmptyText,
  },
  { checkpoint: TreeCheckpoint },
  'CorrectBulletin',
);
export type CorrectBulletin = t.TypeOf<typeof CorrectBulletin>;

export const BulletinCommand = t.union([PublishBulletin, CorrectBulletin], 'BulletinCommand');
export type BulletinCommand = t.TypeOf<typeof BulletinCommand>;

/** The business date of a bulletin command (DOMAIN.md §5): the day it was published or corrected. */
export const bulletinCommandDates = (c: BulletinCommand): FactDates => {
  switch (c.type) {
    case 'PublishBulletin':
      return [factDate('publishedOn', c.publishedOn)];
    case 'CorrectBulletin':
      return [factDate('correctedOn', c.correctedOn)];
    default:
      return assertNever(c);
  }
};
