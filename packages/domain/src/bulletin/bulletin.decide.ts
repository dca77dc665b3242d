import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import type { Decider } from '../shared/decider';
import { domainError, type DomainError, type ErrorParams } from '../shared/errors';
import type { BulletinCommand, CorrectBulletin, PublishBulletin } from './bulletin.commands';
import type { BulletinErrorCode } from './bulletin.errors';
import type { BulletinEvent, BulletinPeriod } from './bulletin.events';
import { evolveBulletin } from './bulletin.evolve';
import { canonicalFiguresJson, periodBounds, periodLabel, samePeriod } from './bulletin.period';
import { initialBulletinState, type BulletinEdition, type BulletinState } from './bulletin.state';

type Decision = Either<DomainError, ReadonlyArray<BulletinEvent>>;

/** A refusal with a code of the catalogue (a code missing there fails to compile). */
const refuse = (code: BulletinErrorCode, params: ErrorParams = {}): Either<DomainError, never> =>
  E.left(domainError(code, params));

type EditionContent = Pick<
  BulletinEdition,
  'bulletinId' | 'computedAtPosition' | 'figuresDigest' | 'figures'
>;

/** Two editions freeze the same thing (who and when entered it is not part of the comparison). */
const sameEdition = (a: EditionContent, b: EditionContent): boolean =>
  a.bulletinId === b.bulletinId &&
  a.computedAtPosition === b.computedAtPosition &&
  a.figuresDigest === b.figuresDigest &&
  canonicalFiguresJson(a.figures) === canonicalFiguresJson(b.figures);

/** A bulletin is dated within or after its period, never before it begins (R14). */
export const requireOpenPeriod = (period: BulletinPeriod, on: string): Either<DomainError, true> => {
  const { first } = periodBounds(period);
  return on < first
    ? refuse('BULLETIN_BEFORE_PERIOD', { period: periodLabel(period), first })
    : E.right(true);
};

/** Published once per period: a published bulletin is never edited, only corrected (R14, DOMAIN.md §5). */
export const decidePublishBulletin = (c: PublishBulletin, s: BulletinState): Decision => {
  if (s.status === 'published') {
    return samePeriod(c.period, s.period) && sameEdition(c, s.original)
      ? E.right([])
      : refuse('BULLETIN_ALREADY_PUBLISHED', {
          period: periodLabel(s.period),
          bulletinId: s.original.bulletinId,
        });
  }
  return E.flatMap(requireOpenPeriod(c.period, c.publishedOn), (): Decision => {
    const { type: _type, ...data } = c;
    return E.right([{ type: 'BulletinPublished', data }]);
  });
};

/**
 * R14 (DOMAIN.md §5): a correction names the edition in force by its digest (not an older one)
 * and brings figures that differ from it.
 */
export const requireCorrectsCurrentEdition = (
  c: CorrectBulletin,
  current: BulletinEdition,
): Either<DomainError, true> =>
  c.supersedes !== current.figuresDigest
    ? refuse('CORRECTION_STALE', { supersedes: c.supersedes, current: current.figuresDigest })
    : c.figuresDigest === c.supersedes
      ? refuse('CORRECTION_UNCHANGED', { digest: c.figuresDigest })
      : E.right(true);

/** A correction of the published bulletin, with a reason; repeating one already recorded is harmless. */
export const decideCorrectBulletin = (c: CorrectBulletin, s: BulletinState): Decision => {
  if (s.status === 'unpublished') return refuse('BULLETIN_NOT_PUBLISHED', { period: periodLabel(c.period) });
  const isRepeat = s.editions.some((e) => e.supersedes === c.supersedes && sameEdition(c, e));
  if (isRepeat) return E.right([]);
  return E.flatMap(requireCorrectsCurrentEdition(c, s.current), (): Decision => {
    const { type: _type, ...data } = c;
    return E.right([{ type: 'BulletinCorrected', data: { ...data, period: s.period } }]);
  });
};

export const decideBulletin = (command: BulletinCommand, state: BulletinState): Decision => {
  switch (command.type) {
    case 'PublishBulletin':
      return decidePublishBulletin(command, state);
    case 'CorrectBulletin':
      return decideCorrectBulletin(command, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
};

/** A period's published bulletin (stream per period, R14). */
export const bulletinDecider: Decider<BulletinCommand, BulletinEvent, BulletinState> = {
  initialState: initialBulletinState,
  evolve: evolveBulletin,
  decide: decideBulletin,
  isTerminal: () => false,
};
