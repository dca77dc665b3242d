import * as t from 'io-ts';
import { BusinessDate, Year } from '../shared/dates';
import { catalogueCodec, defineEvent, EventOf, struct } from '../shared/event-codec';
import { Sha256 } from '../shared/evidence';
import { BulletinId, NonEmptyText } from '../shared/ids';
import { Count } from '../shared/money';

const MonthIndex = t.union(
  [
    t.literal(1),
    t.literal(2),
    t.literal(3),
    t.literal(4),
    t.literal(5),
    t.literal(6),
    t.literal(7),
    t.literal(8),
    t.literal(9),
    t.literal(10),
    t.literal(11),
    t.literal(12),
  ],
  'MonthIndex',
);
const QuarterIndex = t.union([t.literal(1), t.literal(2), t.literal(3), t.literal(4)], 'QuarterIndex');

/**
 * The period a bulletin covers (R14: 每月通报、季度考评、年终考核): a month (index 1–12), a quarter
 * (1–4) or the year (index 1).
 */
export const BulletinPeriod = t.union(
  [
    struct({ kind: t.literal('month'), year: Year, index: MonthIndex }, 'MonthPeriod'),
    struct({ kind: t.literal('quarter'), year: Year, index: QuarterIndex }, 'QuarterPeriod'),
    struct({ kind: t.literal('year'), year: Year, index: t.literal(1) }, 'YearPeriod'),
  ],
  'BulletinPeriod',
);
export type BulletinPeriod = t.TypeOf<typeof BulletinPeriod>;

/**
 * A global position of the event store, as decimal digits (a string, since positions may exceed
 * 2^53): the figures were computed from every event up to and including it.
 */
export interface GlobalPositionBrand {
  readonly GlobalPosition: unique symbol;
}
export const GlobalPosition = t.brand(
  t.string,
  (s): s is t.Branded<string, GlobalPositionBrand> => /^(0|[1-9][0-9]{0,19})$/.test(s),
  'GlobalPosition',
);
export type GlobalPosition = t.TypeOf<typeof GlobalPosition>;

/** A finite number (JSON has no NaN or Infinity). */
const FiniteNumber = new t.Type<number, number, unknown>(
  'FiniteNumber',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  (u, c) =>
    typeof u === 'number' && Number.isFinite(u) ? t.success(u) : t.failure(u, c, 'not a finite number'),
  t.identity,
);

/** One published figure: a count, an amount in minor units, basis points, or a display string. */
export const FigureValue = t.union([FiniteNumber, t.string], 'FigureValue');
export type FigureValue = t.TypeOf<typeof FigureValue>;

/** The frozen figures of a bulletin, JSON-safe: unit (or 'region') → metric → value. */
export const Figures = t.readonly(t.record(t.string, t.readonly(t.record(t.string, FigureValue))), 'Figures');
export type Figures = t.TypeOf<typeof Figures>;

/** A root hash of the transparency log, base64 of 32 bytes (as in a checkpoint's third line). */
export interface RootHashBrand {
  readonly RootHash: unique symbol;
}
export const RootHash = t.brand(
  t.string,
  (s): s is t.Branded<string, RootHashBrand> => /^[A-Za-z0-9+/]{43}=$/.test(s),
  'RootHash',
);
export type RootHash = t.TypeOf<typeof RootHash>;

/**
 * The signed checkpoint of the transparency log (a C2SP tlog-checkpoint note: origin, tree size,
 * root hash, signatures) covering exactly the events the figures were computed from: the first
 * `treeSize` events of the store, the last of them at `computedAtPosition`. It binds the bulletin
 * to an exact, signed set of events (issue #15). Absent on bulletins published before it existed.
 */
export const TreeCheckpoint = struct(
  { origin: NonEmptyText, treeSize: Count, rootHash: RootHash, note: NonEmptyText },
  'TreeCheckpoint',
);
export type TreeCheckpoint = t.TypeOf<typeof TreeCheckpoint>;

/** What an auditor needs to re-derive a bulletin: the position it was computed at and the digest of its figures. */
const edition = {
  bulletinId: BulletinId,
  period: BulletinPeriod,
  computedAtPosition: GlobalPosition,
  figuresDigest: Sha256,
  figures: Figures,
};

export const BulletinPublished = defineEvent(
  'BulletinPublished',
  struct(
    { ...edition, publishedOn: BusinessDate, publishedBy: NonEmptyText },
    { checkpoint: TreeCheckpoint },
  ),
  {
    zh: '发布通报（冻结数据及其计算位置、摘要）',
    en: 'A bulletin was published: its figures frozen with the position they were computed at and their digest',
    rules: ['R14'],
  },
);

export const BulletinCorrected = defineEvent(
  'BulletinCorrected',
  struct(
    {
      ...edition,
      supersedes: Sha256,
      correctedOn: BusinessDate,
      correctedBy: NonEmptyText,
      reason: NonEmptyText,
    },
    { checkpoint: TreeCheckpoint },
  ),
  {
    zh: '更正通报（新一版数据取代摘要为 supersedes 的一版，附理由；原通报不改）',
    en: 'A bulletin was corrected: a new edition replaces the one whose digest it names, with a reason (the original stays)',
    rules: ['R14'],
  },
);

/** Every event of a bulletin (stream `bulletin-<period>`). */
export const bulletinEvents = { BulletinPublished, BulletinCorrected } as const;

export type BulletinEvent = EventOf<typeof bulletinEvents>;
export type BulletinEventType = BulletinEvent['type'];

/** Decodes any bulletin event, dispatching on its type. */
export const BulletinEventCodec = catalogueCodec('BulletinEvent', bulletinEvents);
