import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { computeBulletinFigures, type BulletinFigures } from '@zhaoshang/audit';
import { aggregates, bulletinStream, type BulletinPeriod } from '@zhaoshang/domain';
import { parsePosition, type EventStore } from '@zhaoshang/eventstore';
import { TransparencyService } from '../../audit/transparency.service';
import { headPosition } from '@zhaoshang/projections';
import type { Principal, Role } from '../../auth/roles';
import { NotFound } from '../../errors/api-errors';
import { foldStream } from '../../read-models/stream-state';
import { EVENT_STORE } from '../../tokens';
import { bulletinPeriodOf } from '../bulletin-period';

/** Who publishes, when the request does not say: the office of the caller's role. */
const OFFICES: Partial<Record<Role, string>> = {
  'supervision-office': '督查考核办',
  'leading-group-office': '招商引资工作领导小组办公室',
};
const officeOf = (actor: Principal): string => OFFICES[actor.role] ?? actor.userId;

/**
 * The figures at the head of the store, from the event store alone (@zhaoshang/audit rebuilds the
 * read models in memory up to the head): exactly what `GET /bulletins/{period}/verification` recomputes.
 */
const figuresAtHead = async (store: EventStore, period: BulletinPeriod): Promise<BulletinFigures> => {
  const head = await headPosition(store);
  return computeBulletinFigures(store, period, { upTo: head < 0n ? 0n : head });
};

/**
 * The signed checkpoint of exactly the events the figures were computed from (the first N events,
 * the last at `computedAtPosition` (issue #15); absent for an empty store. It is recorded in the
 * bulletin's own event, not in transparency-checkpoints: a refused publication appends nothing.
 */
const checkpointAt = async (transparency: TransparencyService, computedAtPosition: string) => {
  const size = await transparency.sizeAt(parsePosition(computedAtPosition));
  if (size === undefined) return {};
  const signed = await transparency.sign(size);
  return {
    checkpoint: {
      origin: signed.origin,
      treeSize: signed.treeSize,
      rootHash: signed.rootHash,
      note: signed.note,
    },
  };
};

/** A command's fields as the server completes them, to be decoded with the command's codec. */
export type PreparedCommand = Readonly<Record<string, unknown>>;

/** `POST /bulletins`: completes `{ period, publishedOn?, publishedBy? }` into a PublishBulletin. */
export class PrepareBulletinPublication extends Query<PreparedCommand> {
  constructor(
    readonly period: string,
    readonly actor: Principal,
    readonly today: string,
    readonly publishedOn?: string,
    readonly publishedBy?: string,
  ) {
    super();
  }
}

@QueryHandler(PrepareBulletinPublication)
export class PrepareBulletinPublicationHandler implements IQueryHandler<
  PrepareBulletinPublication,
  PreparedCommand
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TransparencyService) private readonly transparency: TransparencyService,
  ) {}
  async execute(q: PrepareBulletinPublication): Promise<PreparedCommand> {
    const period = bulletinPeriodOf(q.period);
    const f = await figuresAtHead(this.store, period);
    return {
      bulletinId: `TB-${f.label}`,
      period,
      computedAtPosition: f.computedAtPosition,
      figuresDigest: f.digest,
      figures: f.figures,
      publishedOn: q.publishedOn ?? q.today,
      publishedBy: q.publishedBy ?? officeOf(q.actor),
      ...(await checkpointAt(this.transparency, f.computedAtPosition)),
    };
  }
}

/** `POST /bulletins/{period}/corrections`: recomputes at the head and supersedes the edition in force. */
export class PrepareBulletinCorrection extends Query<PreparedCommand> {
  constructor(
    readonly period: string,
    readonly reason: string,
    readonly actor: Principal,
    readonly today: string,
    readonly correctedOn?: string,
    readonly correctedBy?: string,
  ) {
    super();
  }
}

@QueryHandler(PrepareBulletinCorrection)
export class PrepareBulletinCorrectionHandler implements IQueryHandler<
  PrepareBulletinCorrection,
  PreparedCommand
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TransparencyService) private readonly transparency: TransparencyService,
  ) {}
  async execute(q: PrepareBulletinCorrection): Promise<PreparedCommand> {
    const period = bulletinPeriodOf(q.period);
    const state = await foldStream(this.store, aggregates.bulletin, bulletinStream(period));
    if (state.status !== 'published') throw new NotFound('NOT_FOUND', { bulletin: q.period });
    const f = await figuresAtHead(this.store, period);
    return {
      bulletinId: `${state.original.bulletinId}-r${state.editions.length}`,
      period,
      computedAtPosition: f.computedAtPosition,
      figuresDigest: f.digest,
      figures: f.figures,
      supersedes: state.current.figuresDigest,
      correctedOn: q.correctedOn ?? q.today,
      correctedBy: q.correctedBy ?? officeOf(q.actor),
      reason: q.reason,
      ...(await checkpointAt(this.transparency, f.computedAtPosition)),
    };
  }
}
