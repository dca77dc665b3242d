import type { BusinessDate } from '../shared/dates';
import type { Sha256 } from '../shared/evidence';
import type { BulletinId } from '../shared/ids';
import type { BulletinPeriod, Figures, GlobalPosition } from './bulletin.events';

/** One edition of a bulletin: the original, or a correction that supersedes an earlier digest. */
export interface BulletinEdition {
  readonly bulletinId: BulletinId;
  readonly computedAtPosition: GlobalPosition;
  readonly figuresDigest: Sha256;
  readonly figures: Figures;
  readonly on: BusinessDate;
  readonly supersedes?: Sha256;
}

/** Nothing published for the period yet. */
export interface Unpublished {
  readonly status: 'unpublished';
}

/** Published: every edition in order, the last one in force. */
export interface Published {
  readonly status: 'published';
  readonly period: BulletinPeriod;
  readonly original: BulletinEdition;
  readonly current: BulletinEdition;
  readonly editions: ReadonlyArray<BulletinEdition>;
}

export type BulletinState = Unpublished | Published;

export const initialBulletinState: BulletinState = { status: 'unpublished' };
