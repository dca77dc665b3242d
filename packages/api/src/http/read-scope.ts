import { Inject, Injectable } from '@nestjs/common';
import { projectStream, unsafeId, type ProjectId } from '@zhaoshang/domain';
import { isEventStoreError, type EventStore } from '@zhaoshang/eventstore';
import { UNIT_SCOPED_ROLES, type Principal } from '../auth/roles';
import { ForbiddenError } from '../errors/api-errors';
import { EVENT_STORE } from '../tokens';

/**
 * Reads by role (permissions.ts `unitScopedReads`, the reads whose controllers call this): an
 * investment officer reads their own unit's projects, histories, lists and exports; region-wide
 * roles read all. A list without `unitId` is narrowed to the caller's unit, another unit is a 403
 * `OUTSIDE_UNIT`. A project's unit is the one it was captured or planned in (its first event, read
 * from the store: never a read model that may lag behind a project just created).
 */
@Injectable()
export class ReadScope {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The unit a list reads: the one asked for, or the caller's own for a unit-scoped role. */
  unitOf(caller: Principal, asked: string | undefined): string | undefined {
    if (!UNIT_SCOPED_ROLES.has(caller.role)) return asked;
    if (asked !== undefined && asked !== caller.unitId) throw this.outside(caller, asked);
    return caller.unitId;
  }

  /** Refuses a unit-scoped caller a project of another unit (a project that does not exist answers its own 404). */
  async project(caller: Principal, projectId: string): Promise<void> {
    if (!UNIT_SCOPED_ROLES.has(caller.role)) return;
    const unitId = await this.unitOfProject(unsafeId.project(projectId));
    if (unitId !== undefined && unitId !== caller.unitId) throw this.outside(caller, unitId);
  }

  private outside(caller: Principal, unitId: string): ForbiddenError {
    return new ForbiddenError('OUTSIDE_UNIT', { unitId, actorUnitId: caller.unitId });
  }

  private async unitOfProject(projectId: ProjectId): Promise<string | undefined> {
    let first;
    try {
      [first] = await this.store.readStream(projectStream(projectId), { maxCount: 1 });
    } catch (error) {
      if (isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND') return undefined;
      throw error;
    }
    const unitId = (first?.data as { unitId?: unknown } | undefined)?.unitId;
    return typeof unitId === 'string' ? unitId : undefined;
  }
}
