import fc from 'fast-check';
import { bulletinStream } from '../registry/streams';
import * as E from 'fp-ts/Either';
import { fold } from '../shared/decider';
import type { BusinessDate, Year } from '../shared/dates';
import type { Sha256 } from '../shared/evidence';
import { unsafeId } from '../shared/ids';
import { spec } from '../testing/decider-spec';
import { arbBulletinCommand, arbBulletinPeriod } from '../testing/bulletin.arbitraries';
import {
  BulletinEventCodec,
  BulletinPeriod,
  bulletinDecider,
  bulletinErrors,
  canonicalFiguresJson,
  CorrectBulletin,
  periodBounds,
  type BulletinCommand,
  type BulletinEvent,
  type Figures,
  type GlobalPosition,
  type PublishBulletin,
  type RootHash,
} from './index';
import type { Count } from '../shared/money';

const text = unsafeId.text;
const on = (d: string) => d as BusinessDate;
const digest = (c: string) => c.repeat(64) as Sha256;
const position = (p: string) => p as GlobalPosition;
const march: BulletinPeriod = { kind: 'month', year: 2024 as Year, index: 3 };

const figures: Figures = {
  region: { signedProjects: 12, startedProjects: 8, signedToStartedRate: 6667 },
  qugou: { signedProjects: 3, rank: '1' },
};
const correctedFigures: Figures = { ...figures, qugou: { signedProjects: 2, rank: '2' } };

const publish = (extra: Partial<PublishBulletin> = {}): PublishBulletin => ({
  type: 'PublishBulletin',
  bulletinId: unsafeId.bulletin('xs-tb-2024-03'),
  period: march,
  computedAtPosition: position('18446744073709551615'),
  figuresDigest: digest('a'),
  figures,
  publishedOn: on('2024-04-05'),
  publishedBy: text('区投资促进局'),
  ...extra,
});
const published: BulletinEvent = { type: 'BulletinPublished', data: (({ type: _t, ...d }) => d)(publish()) };

const correct = (extra: Partial<CorrectBulletin> = {}): CorrectBulletin => ({
  type: 'CorrectBulletin',
  bulletinId: unsafeId.bulletin('xs-tb-2024-03-r1'),
  period: march,
  computedAtPosition: position('18446744073709552000'),
  figuresDigest: digest('b'),
  figures: correctedFigures,
  supersedes: digest('a'),
  correctedOn: on('2024-04-12'),
  correctedBy: text('区投资促进局'),
  reason: text('渠沟镇一个项目重复签约（一炮数响），剔除'),
  ...extra,
});
const corrected: BulletinEvent = { type: 'BulletinCorrected', data: (({ type: _t, ...d }) => d)(correct()) };

const bulletin = spec(bulletinDecider);

describe('published bulletin', () => {
  describe('publishing (R14)', () => {
    it('the monthly bulletin is published with its figures frozen (R14)', () => {
      bulletin.given([]).when(publish()).then([published]);
    });

    it('R14 · issue #15 item 2: a bulletin carries the signed checkpoint of the events its figures were computed from; a repeat with a later checkpoint changes nothing', () => {
      const checkpoint = {
        origin: text('zhaoshang.dev/INSECURE-development-log'),
        treeSize: 18 as Count,
        rootHash: `${'A'.repeat(43)}=` as RootHash,
        note: text(
          `zhaoshang.dev/INSECURE-development-log\n18\n${'A'.repeat(43)}=\n\n— zhaoshang.dev/INSECURE-development-log AAAA\n`,
        ),
      };
      const withCheckpoint: BulletinEvent = {
        type: 'BulletinPublished',
        data: (({ type: _t, ...d }) => d)(publish({ checkpoint })),
      };
      bulletin.given([]).when(publish({ checkpoint })).then([withCheckpoint]);
      bulletin
        .given([withCheckpoint])
        .when(publish({ checkpoint: { ...checkpoint, treeSize: 19 as Count } }))
        .thenNothingHappens();
      expect(BulletinEventCodec.decode(JSON.parse(JSON.stringify(withCheckpoint)))).toEqual(
        E.right(withCheckpoint),
      );
      // stored before checkpoints existed: still read, without one
      expect(BulletinEventCodec.decode(JSON.parse(JSON.stringify(published)))).toEqual(E.right(published));
      expect(
        E.isLeft(
          BulletinEventCodec.decode({
            ...withCheckpoint,
            data: { ...withCheckpoint.data, checkpoint: { ...checkpoint, rootHash: 'x' } },
          }),
        ),
      ).toBe(true);
    });

    it('publishing the same bulletin again changes nothing (R14)', () => {
      bulletin.given([published]).when(publish()).thenNothingHappens();
    });

    it('the same bulletin with its figures keyed in another order is the same bulletin (R14)', () => {
      const reordered: Figures = { qugou: { rank: '1', signedProjects: 3 }, region: figures.region! };
      bulletin
        .given([published])
        .when(publish({ figures: reordered }))
        .thenNothingHappens();
    });

    it('a period is published once: other figures are refused (R14)', () => {
      bulletin
        .given([published])
        .when(publish({ figuresDigest: digest('c') }))
        .thenFails('BULLETIN_ALREADY_PUBLISHED', { period: '2024-03', bulletinId: 'xs-tb-2024-03' });
    });

    it('a period is published once, even after a correction (R14)', () => {
      bulletin
        .given([published, corrected])
        .when(publish({ figures: correctedFigures, figuresDigest: digest('b') }))
        .thenFails('BULLETIN_ALREADY_PUBLISHED');
    });

    it('a bulletin cannot be dated before its period begins (R14)', () => {
      bulletin
        .given([])
        .when(publish({ publishedOn: on('2024-02-29') }))
        .thenFails('BULLETIN_BEFORE_PERIOD', { period: '2024-03', first: '2024-03-01' });
    });

    it('a figure must be JSON-safe: NaN does not decode (R14)', () => {
      expect(
        E.isLeft(
          BulletinEventCodec.decode({
            ...published,
            data: { ...published.data, figures: { region: { x: NaN } } },
          }),
        ),
      ).toBe(true);
    });
  });

  describe('correcting (a published bulletin is never edited)', () => {
    it('a correction supersedes the edition in force, with a reason (R14)', () => {
      bulletin.given([published]).when(correct()).then([corrected]);
    });

    it('the corrected edition is in force and the original is kept (R14)', () => {
      const state = bulletin.given([published]).when(correct()).thenState();
      expect(state).toMatchObject({
        status: 'published',
        original: { figuresDigest: digest('a') },
        current: { figuresDigest: digest('b'), supersedes: digest('a') },
      });
    });

    it('a bulletin that was never published cannot be corrected (R14)', () => {
      bulletin.given([]).when(correct()).thenFails('BULLETIN_NOT_PUBLISHED', { period: '2024-03' });
    });

    it('a correction that brings the same digest is refused (R14)', () => {
      bulletin
        .given([published])
        .when(correct({ figuresDigest: digest('a') }))
        .thenFails('CORRECTION_UNCHANGED');
    });

    it('a correction must supersede the edition in force (R14)', () => {
      bulletin
        .given([published, corrected])
        .when(correct({ figuresDigest: digest('c'), supersedes: digest('a') }))
        .thenFails('CORRECTION_STALE', { supersedes: digest('a'), current: digest('b') });
    });

    it('a second correction supersedes the first (R14)', () => {
      const state = bulletin
        .given([published, corrected])
        .when(
          correct({
            figuresDigest: digest('c'),
            supersedes: digest('b'),
            bulletinId: unsafeId.bulletin('xs-tb-2024-03-r2'),
          }),
        )
        .thenState();
      expect(state).toMatchObject({ current: { figuresDigest: digest('c'), supersedes: digest('b') } });
      expect(state.status === 'published' && state.editions.map((e) => e.figuresDigest)).toEqual([
        digest('a'),
        digest('b'),
        digest('c'),
      ]);
    });

    it('repeating a correction changes nothing (R14)', () => {
      bulletin.given([published, corrected]).when(correct()).thenNothingHappens();
    });

    it('a correction without a reason does not decode (R14)', () => {
      expect(E.isLeft(CorrectBulletin.decode({ ...correct(), reason: ' ' }))).toBe(true);
      expect(E.isRight(CorrectBulletin.decode(correct()))).toBe(true);
    });
  });

  describe('periods', () => {
    it.each([
      [{ kind: 'month', year: 2024, index: 13 }],
      [{ kind: 'month', year: 2024, index: 0 }],
      [{ kind: 'quarter', year: 2024, index: 5 }],
      [{ kind: 'year', year: 2024, index: 2 }],
      [{ kind: 'week', year: 2024, index: 1 }],
    ])('%j is not a period', (period) => {
      expect(E.isLeft(BulletinPeriod.decode(period))).toBe(true);
    });

    it('streams and bounds are named after the period', () => {
      const q1: BulletinPeriod = { kind: 'quarter', year: 2024 as Year, index: 1 };
      const y: BulletinPeriod = { kind: 'year', year: 2024 as Year, index: 1 };
      expect([bulletinStream(march), bulletinStream(q1), bulletinStream(y)]).toEqual([
        'bulletin-2024-03',
        'bulletin-2024-Q1',
        'bulletin-2024',
      ]);
      expect(periodBounds(march)).toEqual({ first: '2024-03-01', last: '2024-03-31' });
      expect(periodBounds({ kind: 'quarter', year: 2024 as Year, index: 4 })).toEqual({
        first: '2024-10-01',
        last: '2024-12-31',
      });
      expect(periodBounds(y)).toEqual({ first: '2024-01-01', last: '2024-12-31' });
    });
  });

  it('the canonical text of figures does not depend on key order', () => {
    expect(canonicalFiguresJson({ b: { y: 1, x: '2' }, a: {} })).toBe('{"a":{},"b":{"x":"2","y":1}}');
  });

  it('events round-trip through the catalogue codec', () => {
    for (const event of [published, corrected]) {
      expect(BulletinEventCodec.decode(JSON.parse(JSON.stringify(event)))).toEqual(E.right(event));
    }
  });

  it('every error code has a message in both languages and names its rule', () => {
    for (const message of Object.values(bulletinErrors)) {
      expect(message.rule).toBe('R14');
      expect(message.zh.length * message.en.length).toBeGreaterThan(0);
    }
  });

  describe('properties', () => {
    const run = (commands: ReadonlyArray<BulletinCommand>) => {
      let state = bulletinDecider.initialState;
      const events: BulletinEvent[] = [];
      for (const command of commands) {
        const outcome = bulletinDecider.decide(command, state);
        if (E.isRight(outcome)) {
          for (const event of outcome.right) state = bulletinDecider.evolve(state, event);
          events.push(...outcome.right);
          expect(bulletinDecider.decide(command, state)).toEqual(E.right([]));
        }
      }
      return { state, events };
    };

    it('replaying the same history gives the same state, and a repeated command emits nothing', () => {
      fc.assert(
        fc.property(
          arbBulletinPeriod.chain((period) => fc.array(arbBulletinCommand(period), { maxLength: 12 })),
          (commands) => {
            const { state, events } = run(commands);
            expect(fold(bulletinDecider, events)).toEqual(state);
            expect(fold(bulletinDecider, events)).toEqual(fold(bulletinDecider, events));
            for (const event of events) expect(BulletinEventCodec.is(event)).toBe(true);
            // At most one publication per period.
            expect(events.filter((e) => e.type === 'BulletinPublished').length).toBeLessThanOrEqual(1);
          },
        ),
      );
    });
  });
});
