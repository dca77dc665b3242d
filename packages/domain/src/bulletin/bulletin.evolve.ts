import type { BulletinEvent } from './bulletin.events';
import type { BulletinEdition, BulletinState } from './bulletin.state';

/** Records what happened; never validates (the decider already did). */
export const evolveBulletin = (state: BulletinState, event: BulletinEvent): BulletinState => {
  switch (event.type) {
    case 'BulletinPublished': {
      const d = event.data;
      const edition: BulletinEdition = {
        bulletinId: d.bulletinId,
        computedAtPosition: d.computedAtPosition,
        figuresDigest: d.figuresDigest,
        figures: d.figures,
        on: d.publishedOn,
      };
      return {
        status: 'published',
        period: d.period,
        original: edition,
        current: edition,
        editions: [edition],
      };
    }
    case 'BulletinCorrected': {
      const d = event.data;
      const edition: BulletinEdition = {
        bulletinId: d.bulletinId,
        computedAtPosition: d.computedAtPosition,
        figuresDigest: d.figuresDigest,
        figures: d.figures,
        on: d.correctedOn,
        supersedes: d.supersedes,
      };
      // A correction without a prior publication cannot be emitted by decide; evolve stays total anyway.
      return state.status === 'published'
        ? { ...state, current: edition, editions: [...state.editions, edition] }
        : { status: 'published', period: d.period, original: edition, current: edition, editions: [edition] };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
