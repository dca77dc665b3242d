import { Inject, Injectable } from '@nestjs/common';
import { aggregates, projectStream, requireKeyProjectClaim, unsafeId } from '@zhaoshang/domain';
import type { EventStore } from '@zhaoshang/eventstore';
import * as E from 'fp-ts/Either';
import type { DomainCommand } from '../command-handling/aggregates';
import { DomainRefusal } from '../errors/api-errors';
import { foldStream } from '../read-models/stream-state';
import { EVENT_STORE } from '../tokens';

/**
 * R19 (001 §(二) 保重点): what the land-quota ledger cannot see. A use of quota that claims the
 * key-project reservation is checked against the project's own stream (never a read model that may
 * lag) before the ledger decides: a project below the key-project threshold is a 422
 * LAND_QUOTA_NOT_A_KEY_PROJECT.
 */
@Injectable()
export class KeyProjectCheck {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async check(command: DomainCommand): Promise<void> {
    if (command.type !== 'UseLandQuota' || !command.keyProject) return;
    const project = await foldStream(
      this.store,
      aggregates.project,
      projectStream(unsafeId.project(command.projectId)),
    );
    const claim = requireKeyProjectClaim(command.keyProject, command.projectId, project);
    if (E.isLeft(claim)) throw new DomainRefusal(claim.left);
  }
}
