import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { verifyBulletin, type BulletinVerification } from '@zhaoshang/audit';
import { aggregates, streamPrefixes, type BulletinState } from '@zhaoshang/domain';
import type { EventStore } from '@zhaoshang/eventstore';
import { NotFound } from '../../errors/api-errors';
import { foldStream } from '../../read-models/stream-state';
import type { ApiConfig } from '../../config';
import { API_CONFIG, EVENT_STORE } from '../../tokens';
import { bulletinPeriodOf } from '../bulletin-period';
import { PrepareBulletinCorrectionHandler, PrepareBulletinPublicationHandler } from './prepare-bulletin';

/** A published bulletin (current edition and history), by its period label ('2024-03', '2024-Q1', '2024'). */
export class GetBulletin extends Query<PublishedBulletin> {
  constructor(readonly period: string) {
    super();
  }
}

/** A bulletin as published: its first edition, the edition in force and every edition. */
export type PublishedBulletin = Extract<BulletinState, { readonly status: 'published' }>;

/** Folded from the bulletin's own stream: the published record is the event itself, never a copy. */
@QueryHandler(GetBulletin)
export class GetBulletinHandler implements IQueryHandler<GetBulletin, PublishedBulletin> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetBulletin): Promise<PublishedBulletin> {
    const state = await foldStream(this.store, aggregates.bulletin, `${streamPrefixes.bulletin}${q.period}`);
    if (state.status !== 'published') throw new NotFound('NOT_FOUND', { bulletin: q.period });
    return state;
  }
}

/** A published bulletin re-derived from history: every edition recomputed at its own position. */
export class VerifyBulletin extends Query<BulletinVerification> {
  constructor(readonly period: string) {
    super();
  }
}

/** Reads the event store only (the bulletin's stream and the events up to each edition's position). */
@QueryHandler(VerifyBulletin)
export class VerifyBulletinHandler implements IQueryHandler<VerifyBulletin, BulletinVerification> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}
  async execute(q: VerifyBulletin): Promise<BulletinVerification> {
    // The root is recomputed with the tree hash the checkpoint names; one naming another than ours is not.
    const verification = await verifyBulletin(this.store, bulletinPeriodOf(q.period), {
      treeHash: this.config.transparency.treeHash,
    });
    if (verification === undefined) throw new NotFound('NOT_FOUND', { bulletin: q.period });
    return verification;
  }
}

export const bulletinQueryHandlers = [
  GetBulletinHandler,
  VerifyBulletinHandler,
  PrepareBulletinPublicationHandler,
  PrepareBulletinCorrectionHandler,
];
