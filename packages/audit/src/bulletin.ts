import { createHash } from 'node:crypto';
import {
  aggregates,
  basisPoints,
  BulletinPeriod,
  bulletinStream,
  canonicalFiguresJson,
  periodBounds,
  periodLabel,
  type BulletinEvent,
  type BusinessDate,
  type FigureValue,
  type Figures,
  type GlobalPosition as PublishedPosition,
  type Sha256,
} from '@zhaoshang/domain';
import {
  positionToString,
  readStreamOrEmpty,
  type EventStore,
  type ReadAllOptions,
  type StoredEvent,
} from '@zhaoshang/eventstore';
import {
  MemoryReadModelStore,
  performanceReviewProjection,
  performanceReviewQueries,
  ProjectionRunner,
  targetProgressProjection,
  targetProgressQueries,
  type MetricProgress,
  type PerformanceReview,
  type Rate,
  type ReviewPeriod,
  type RunnerLogger,
  type TargetProgressView,
  type UnitReview,
} from '@zhaoshang/projections';
import * as E from 'fp-ts/Either';
import { StoreLeaves, verifyCarriedCheckpoint, type CheckpointVerification } from './bulletin-checkpoint';
import { readStoredEvent } from './history';
import type { VerifierKey } from './transparency';

/*
 * Published bulletins (通报, R14), re-derived from history.
 *
 * A bulletin's figures are a pure function of the events up to the position it names: the read
 * models are rebuilt in memory from exactly those events (the live read models are not trusted),
 * the performance review and the target progress are queried as of the period's last day, and the
 * answers are flattened into `Figures` (row → metric → number | string) whose canonical JSON the
 * digest covers. Numbers are integers: counts, 分, US cents, basis points, hundredths of a point.
 */

/** The projections a bulletin reads, rebuilt for every recomputation. */
const BULLETIN_PROJECTIONS = [targetProgressProjection, performanceReviewProjection] as const;

/** Row of the figures that describes the bulletin itself (not a unit: unit ids start with a letter or digit). */
export const PERIOD_ROW = '$period';
/** Row of the region-wide target progress (the region's plan against every unit's projects). */
export const REGION_ROW = '$region';

/** What `computeBulletinFigures` produces: the figures, where they were computed and their digest. */
export interface BulletinFigures {
  readonly period: BulletinPeriod;
  /** '2024-03', '2024-Q1', '2024'. */
  readonly label: string;
  /** Every event at a global position ≤ this one was read, and no other. */
  readonly computedAtPosition: PublishedPosition;
  /** The date target progress (序时进度) is computed for: the period's last day unless given. */
  readonly asOf: BusinessDate;
  readonly figures: Figures;
  /** Lower-case hex SHA-256 of `canonicalFiguresJson(figures)` (UTF-8). */
  readonly digest: Sha256;
}

/** A projection could not apply an event up to the position: the figures cannot be derived. */
export class BulletinRecomputeError extends Error {
  constructor(readonly reasons: ReadonlyArray<string>) {
    super(`cannot rebuild the read models for the bulletin: ${reasons.join('; ')}`);
  }
}

/** The digest a bulletin publishes: SHA-256 (hex) of the canonical JSON of its figures. */
export const figuresDigest = (figures: Figures): Sha256 =>
  createHash('sha256').update(canonicalFiguresJson(figures), 'utf8').digest('hex') as Sha256;

/** '2024-03' → month, '2024-Q1' → quarter, '2024' → year; undefined for anything else. */
export const parseBulletinPeriod = (label: string): BulletinPeriod | undefined => {
  const m = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(label);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const candidate =
    m[2] !== undefined
      ? { kind: 'quarter', year, index: Number(m[2]) }
      : m[3] !== undefined
        ? { kind: 'month', year, index: Number(m[3]) }
        : { kind: 'year', year, index: 1 };
  const decoded = BulletinPeriod.decode(candidate);
  return E.isRight(decoded) ? decoded.right : undefined;
};

/** Events per page when reading backwards from past the bound of `readsUpTo`. */
const BACKWARDS_PAGE = 500;

/**
 * The event store seen up to a position: reads stop after it, whatever was appended since (the
 * bulletin itself, later corrections of project facts). Positions only grow, so a forward page is
 * cut at its first event past the bound.
 */
const readsUpTo = (
  store: Pick<EventStore, 'readAll'>,
  upTo: bigint,
): Pick<EventStore, 'readAll' | 'subscribeToAll'> => ({
  readAll: async (options: ReadAllOptions = {}): Promise<ReadonlyArray<StoredEvent>> => {
    if (options.direction === 'backwards') {
      // Strictly before a checkpoint at or below the bound: nothing past it can come.
      if (options.after !== undefined && options.after <= upTo) return store.readAll(options);
      // From the end (or a checkpoint past the bound): page backwards and leave out what came after
      // the bound. `after` is exclusive, so there is no position "just past upTo" to start from.
      const wanted = options.maxCount ?? Infinity;
      const out: StoredEvent[] = [];
      let after = options.after;
      for (;;) {
        const page = await store.readAll({
          ...options,
          ...(after === undefined ? {} : { after }),
          maxCount: BACKWARDS_PAGE,
        });
        for (const e of page) {
          if (e.globalPosition > upTo) continue;
          out.push(e);
          if (out.length >= wanted) return out;
        }
        const last = page[page.length - 1];
        if (last === undefined || page.length < BACKWARDS_PAGE) return out;
        after = last.globalPosition;
      }
    }
    if (options.after !== undefined && options.after >= upTo) return [];
    const page = await store.readAll(options);
    const end = page.findIndex((e) => e.globalPosition > upTo);
    return end < 0 ? page : page.slice(0, end);
  },
  subscribeToAll: () => {
    throw new Error('a bulletin is recomputed from a bounded catch-up, never from a live subscription');
  },
});

const reviewPeriodOf = (p: BulletinPeriod): ReviewPeriod =>
  p.kind === 'year' ? { kind: 'year', year: p.year } : { kind: p.kind, year: p.year, index: p.index };

/** A two-decimal figure of the projections (a percentage, a score) as an integer of hundredths. */
const hundredths = (x: number): number => Math.round(x * 100);

type Row = Record<string, FigureValue>;

const rateFigures = (row: Row, prefix: string, r: Rate): void => {
  row[`${prefix}.numerator`] = r.numerator;
  row[`${prefix}.denominator`] = r.denominator;
  if (r.basisPoints !== undefined) row[`${prefix}.bp`] = r.basisPoints;
};

const reviewFigures = (row: Row, u: UnitReview): void => {
  row['review.effectiveLeads'] = u.counts.effectiveLeads;
  row['review.newSignings'] = u.counts.newSignings;
  row['review.newStarts'] = u.counts.newStarts;
  row['review.newStatisticsEntries'] = u.counts.newStatisticsEntries;
  row['review.investmentCompletedFen'] = u.counts.investmentCompleted;
  row['review.newCompletions'] = u.counts.newCompletions;
  row['review.newProduction'] = u.counts.newProduction;
  rateFigures(row, 'review.signedToStarted', u.rates.signedToStarted);
  rateFigures(row, 'review.startedToStatistics', u.rates.startedToStatistics);
  row['review.missedMilestones'] = u.missedMilestones;
  // Present only when non-zero: bulletins published before late entries and corrections were
  // counted (when neither could exist) re-derive to the same figures and digest.
  if (u.lateEntries > 0) row['review.lateEntries'] = u.lateEntries;
  if (u.factCorrections > 0) row['review.factCorrections'] = u.factCorrections;
  row['review.openMissedMilestones'] = u.openMissedMilestones;
  row['review.overdueProcedures'] = u.overdueProcedures;
  row['review.terminations'] = u.terminations;
  row['review.duplicates'] = u.duplicates;
  row['review.missedInvestmentReports'] = u.missedInvestmentReports;
  row['review.tripDays'] = u.tripDays;
  row['review.tripShortfalls'] = u.tripShortfalls;
  // Weekly 包保 visits (R18, 缺访周数): present only when non-zero, as late entries — bulletins
  // published before the weeks were raised re-derive to the same figures and digest.
  if ((u.missedVisitWeeks ?? 0) > 0) row['review.missedVisitWeeks'] = u.missedVisitWeeks ?? 0;
  row['review.scoreHundredths'] = hundredths(u.score);
  row['review.vetoed'] = u.vetoed ? 1 : 0;
  row['review.rank'] = u.rank;
};

/** `signedProjects`, or `signedProjects[min=10000000000]` for a target with a size threshold (分). */
export const progressMetricKey = (m: Pick<MetricProgress, 'metric' | 'minInvestment'>): string =>
  m.minInvestment === undefined ? m.metric : `${m.metric}[min=${m.minInvestment}]`;

const progressFigures = (row: Row, v: TargetProgressView): void => {
  row['progress.elapsedDays'] = v.elapsedDays;
  row['progress.daysInYear'] = v.daysInYear;
  // Rounded as the projections round their rates (the domain's basisPoints); a year has days.
  const elapsed = basisPoints(v.elapsedDays, v.daysInYear);
  if (elapsed !== undefined) row['progress.elapsedBp'] = elapsed;
  row['progress.light'] = v.light;
  row['progress.projectsCounted'] = v.projectsCounted;
  row['progress.duplicatesExcluded'] = v.duplicatesExcluded;
  for (const m of v.metrics) {
    const key = `progress.${progressMetricKey(m)}`;
    row[`${key}.target`] = m.target;
    row[`${key}.actual`] = m.actual;
    row[`${key}.percentBp`] = hundredths(m.percent);
    row[`${key}.light`] = m.light;
    if (m.numerator !== undefined) row[`${key}.numerator`] = m.numerator;
    if (m.denominator !== undefined) row[`${key}.denominator`] = m.denominator;
  }
};

/**
 * The figures of a period's bulletin from every event at a global position ≤ `upTo` (and no other):
 * the read models of target progress and performance review are rebuilt in memory, then queried —
 * the review for the period under the default scoring policy, the target progress for the period's
 * year as of its last day (or `asOf`). Deterministic: the same events give the same figures and digest.
 *
 * Rows: `$period` (label, dates, policy, projection versions), one per unit with a plan of its own
 * for the year (review.* and progress.*), `$region` (progress.* of the region's plan). The metric
 * keys are listed in packages/audit/README.md.
 */
export const computeBulletinFigures = async (
  eventStore: Pick<EventStore, 'readAll'>,
  period: BulletinPeriod,
  options: { readonly upTo: bigint; readonly asOf?: BusinessDate },
): Promise<BulletinFigures> =>
  bulletinFiguresOf(await bulletinViewsAt(eventStore, period, options), options.upTo);

/** Flattens the views computed at `upTo` into a bulletin's figures and their digest (pure). */
export const bulletinFiguresOf = (views: BulletinViews, upTo: bigint): BulletinFigures => {
  const { period, asOf, review, units, region } = views;
  const { first, last } = periodBounds(period);
  const figures: Record<string, Row> = {
    [PERIOD_ROW]: {
      label: periodLabel(period),
      from: first,
      to: last,
      asOf,
      policy: review.policy,
      projections: BULLETIN_PROJECTIONS.map((p) => `${p.name}@${p.version}`).join(','),
      units: review.units.length,
    },
  };
  for (const u of review.units) {
    const row: Row = {};
    reviewFigures(row, u);
    const view = units.find((v) => v.unitId === u.unitId);
    if (view !== undefined) progressFigures(row, view);
    figures[u.unitId] = row;
  }
  if (region !== undefined) {
    const row: Row = { unitId: region.unitId };
    progressFigures(row, region);
    figures[REGION_ROW] = row;
  }
  return {
    period,
    label: periodLabel(period),
    computedAtPosition: positionToString(upTo) as PublishedPosition,
    asOf,
    figures,
    digest: figuresDigest(figures),
  };
};

/** The read-model answers a bulletin's figures are flattened from, at a position. */
export interface BulletinViews {
  readonly period: BulletinPeriod;
  readonly asOf: BusinessDate;
  /** The performance review of the period (every unit with a plan, ranked). */
  readonly review: PerformanceReview;
  /** Target progress of each reviewed unit that has a plan, as of `asOf`. */
  readonly units: ReadonlyArray<TargetProgressView>;
  /** Region-wide target progress, when the region has a plan. */
  readonly region?: TargetProgressView;
}

/**
 * The performance review and target progress of a period from every event at a global position
 * ≤ `upTo` (and no other), the read models rebuilt in memory: what `computeBulletinFigures`
 * flattens, and what the Excel export of a bulletin lays out.
 */
export const bulletinViewsAt = async (
  eventStore: Pick<EventStore, 'readAll'>,
  period: BulletinPeriod,
  options: { readonly upTo: bigint; readonly asOf?: BusinessDate },
): Promise<BulletinViews> => {
  if (options.upTo < 0n) throw new RangeError(`upTo must be a position ≥ 0, got ${options.upTo}`);
  const store = new MemoryReadModelStore();
  const failures: string[] = [];
  const logger: RunnerLogger = {
    info: () => undefined,
    error: (message, fields) =>
      failures.push(`${message} ${String(fields?.['reason'] ?? fields?.['error'] ?? '')}`.trim()),
  };
  const runner = new ProjectionRunner({
    eventStore: readsUpTo(eventStore, options.upTo),
    store,
    projections: BULLETIN_PROJECTIONS,
    batchSize: 1000,
    cacheLimit: Number.MAX_SAFE_INTEGER, // in memory anyway: never re-read a dropped document
    logger,
  });
  await runner.rebuild();
  const states = await runner.status();
  const stopped = states.filter((s) => s.state !== 'running');
  if (stopped.length > 0)
    throw new BulletinRecomputeError(stopped.map((s) => `${s.name}: ${s.error ?? s.state}`));
  if (failures.length > 0) throw new BulletinRecomputeError(failures);

  const asOf = options.asOf ?? periodBounds(period).last;
  const review = await performanceReviewQueries(store).review({ period: reviewPeriodOf(period) });
  const progress = targetProgressQueries(store);
  const units: TargetProgressView[] = [];
  for (const u of review.units) {
    const view = await progress.unit(u.unitId, period.year, asOf);
    if (view !== undefined) units.push(view);
  }
  const region = await progress.region(period.year, asOf);
  return { period, asOf, review, units, ...(region !== undefined ? { region } : {}) };
};

/** One figure that differs: `null` where a side has no such row or metric. */
export interface FigureDifference {
  readonly unit: string;
  readonly metric: string;
  readonly published: FigureValue | null;
  readonly recomputed: FigureValue | null;
}

const sortedUnion = (a: object, b: object): ReadonlyArray<string> =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();

/** Every figure that differs, rows then metrics in sorted order. */
export const diffFigures = (published: Figures, recomputed: Figures): ReadonlyArray<FigureDifference> => {
  const out: FigureDifference[] = [];
  for (const unit of sortedUnion(published, recomputed)) {
    const p = published[unit] ?? {};
    const r = recomputed[unit] ?? {};
    for (const metric of sortedUnion(p, r)) {
      const a = p[metric];
      const b = r[metric];
      if (a !== b) out.push({ unit, metric, published: a ?? null, recomputed: b ?? null });
    }
  }
  return out;
};

/** The verification of one edition of a bulletin (the original publication or a correction). */
export interface EditionVerification {
  /** Every figure and the digest re-derived, computed before the edition was stored. */
  readonly ok: boolean;
  /** 0: the publication; 1, 2, …: corrections in order. */
  readonly edition: number;
  readonly event: BulletinEvent['type'];
  readonly bulletinId: string;
  /** Where the edition itself is stored. */
  readonly revision: number;
  readonly position: string;
  /** publishedOn / correctedOn. */
  readonly on: string;
  readonly by: string;
  readonly supersedes?: string;
  readonly reason?: string;
  readonly computedAtPosition: string;
  /** False when the edition claims a position at or after its own: it cannot have been computed there. */
  readonly computedBeforeEdition: boolean;
  readonly digest: {
    /** `figuresDigest` as published. */
    readonly published: string;
    /** The digest of the figures as published (differs from `published` when figures were edited alone). */
    readonly ofPublishedFigures: string;
    readonly recomputed: string;
  };
  readonly differences: ReadonlyArray<FigureDifference>;
  /**
   * The transparency checkpoint the edition carries, checked (issue #15): absent on editions
   * published before bulletins carried one. When present, `ok` requires `checkpoint.ok`.
   */
  readonly checkpoint?: CheckpointVerification;
}

/** Options of `verifyBulletin`. */
export interface VerifyBulletinOptions {
  /** The log's verifier keys: a carried checkpoint's signature is checked against them (else `unchecked`). */
  readonly logKeys?: ReadonlyArray<VerifierKey>;
  /**
   * The tree hash the log is known to use (the server passes its configuration). The carried
   * checkpoint's root is recomputed with the hash its signed note names (SHA-256, or SM3 for
   * `tree-hash sm3`); a note naming another than this one is not recomputed (root `unchecked`,
   * the edition not ok).
   */
  readonly treeHash?: 'sha256' | 'sm3';
}

/**
 * A bulletin checked against history: each edition recomputed at its own position. The top-level
 * fields describe the edition in force (the last); `ok` holds when every edition is ok.
 */
export interface BulletinVerification {
  readonly ok: boolean;
  readonly period: string;
  readonly stream: string;
  readonly inForce: number;
  readonly bulletinId: string;
  readonly computedAtPosition: string;
  readonly digest: EditionVerification['digest'];
  readonly differences: ReadonlyArray<FigureDifference>;
  readonly editions: ReadonlyArray<EditionVerification>;
}

const decodeBulletin = readStoredEvent(aggregates.bulletin);

/**
 * Verifies a period's published bulletin: reads its stream, recomputes the figures of every edition
 * at the position it names and compares them figure by figure. `undefined` when nothing was published
 * for the period.
 */
export const verifyBulletin = async (
  eventStore: Pick<EventStore, 'readAll' | 'readStream'>,
  period: BulletinPeriod,
  options: VerifyBulletinOptions = {},
): Promise<BulletinVerification | undefined> => {
  const stream = bulletinStream(period);
  const stored = await readStreamOrEmpty(eventStore, stream);
  if (stored.length === 0) return undefined;
  const leaves = new StoreLeaves(eventStore);
  const recomputed = new Map<string, BulletinFigures>();
  const editions: EditionVerification[] = [];
  for (const [edition, s] of stored.entries()) {
    const event = decodeBulletin(s);
    const d = event.data;
    const at = BigInt(d.computedAtPosition);
    let figures = recomputed.get(d.computedAtPosition);
    if (figures === undefined) {
      figures = await computeBulletinFigures(eventStore, period, { upTo: at });
      recomputed.set(d.computedAtPosition, figures);
    }
    const differences = diffFigures(d.figures, figures.figures);
    const digest = {
      published: d.figuresDigest,
      ofPublishedFigures: figuresDigest(d.figures),
      recomputed: figures.digest,
    };
    const computedBeforeEdition = at < s.globalPosition;
    const checkpoint =
      d.checkpoint === undefined
        ? undefined
        : await verifyCarriedCheckpoint(d.checkpoint, at, leaves, options.logKeys ?? [], options.treeHash);
    editions.push({
      ok:
        (checkpoint?.ok ?? true) &&
        computedBeforeEdition &&
        differences.length === 0 &&
        digest.published === digest.recomputed &&
        digest.ofPublishedFigures === digest.recomputed,
      edition,
      event: event.type,
      bulletinId: d.bulletinId,
      revision: s.revision,
      position: positionToString(s.globalPosition),
      ...(event.type === 'BulletinPublished'
        ? { on: event.data.publishedOn, by: event.data.publishedBy }
        : {
            on: event.data.correctedOn,
            by: event.data.correctedBy,
            supersedes: event.data.supersedes,
            reason: event.data.reason,
          }),
      computedAtPosition: d.computedAtPosition,
      computedBeforeEdition,
      digest,
      differences,
      ...(checkpoint === undefined ? {} : { checkpoint }),
    });
  }
  const current = editions[editions.length - 1]!;
  return {
    ok: editions.every((e) => e.ok),
    period: periodLabel(period),
    stream,
    inForce: current.edition,
    bulletinId: current.bulletinId,
    computedAtPosition: current.computedAtPosition,
    digest: current.digest,
    differences: current.differences,
    editions,
  };
};
