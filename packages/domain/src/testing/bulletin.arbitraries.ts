import fc from 'fast-check';
import type { BulletinCommand } from '../bulletin/bulletin.commands';
import type { BulletinPeriod, Figures, GlobalPosition } from '../bulletin/bulletin.events';
import type { BusinessDate, Year } from '../shared/dates';
import type { Sha256 } from '../shared/evidence';
import type { BulletinId, NonEmptyText } from '../shared/ids';

export const arbBulletinPeriod: fc.Arbitrary<BulletinPeriod> = fc.oneof(
  fc.record({
    kind: fc.constant('month' as const),
    year: fc.constant(2024 as Year),
    index: fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 as const),
  }),
  fc.record({
    kind: fc.constant('quarter' as const),
    year: fc.constant(2024 as Year),
    index: fc.constantFrom(1, 2, 3, 4 as const),
  }),
  fc.record({
    kind: fc.constant('year' as const),
    year: fc.constant(2024 as Year),
    index: fc.constant(1 as const),
  }),
);

/** A few digests, so that commands often name the same one. */
export const arbDigest: fc.Arbitrary<Sha256> = fc
  .constantFrom('a', 'b', 'c')
  .map((c) => c.repeat(64) as Sha256);

export const arbFigures: fc.Arbitrary<Figures> = fc.dictionary(
  fc.constantFrom('region', 'qugou', 'kaifaqu'),
  fc.dictionary(
    fc.constantFrom('signedProjects', 'startedProjects', 'rank'),
    fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constantFrom('1', '2')),
  ),
);

const arbEdition = fc.record({
  bulletinId: fc.constantFrom('tb-1', 'tb-2').map((s) => s as BulletinId),
  computedAtPosition: fc.constantFrom('0', '1024', '98765432109876543210').map((s) => s as GlobalPosition),
  figuresDigest: arbDigest,
  figures: arbFigures,
});

/** Publish or correct commands for one period (dated after it, so only the rules of a stream decide). */
export const arbBulletinCommand = (period: BulletinPeriod): fc.Arbitrary<BulletinCommand> =>
  fc.oneof(
    arbEdition.map((e) => ({
      type: 'PublishBulletin' as const,
      ...e,
      period,
      publishedOn: '2025-01-05' as BusinessDate,
      publishedBy: '区投资促进局' as NonEmptyText,
    })),
    fc.tuple(arbEdition, arbDigest).map(([e, supersedes]) => ({
      type: 'CorrectBulletin' as const,
      ...e,
      period,
      supersedes,
      correctedOn: '2025-01-20' as BusinessDate,
      correctedBy: '区投资促进局' as NonEmptyText,
      reason: '统计口径更正' as NonEmptyText,
    })),
  );
