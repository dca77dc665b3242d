import { Inject, Injectable } from '@nestjs/common';
import { projectStream, unsafeId, type ProjectId } from '@zhaoshang/domain';
import { isEventStoreError, type EventStore } from '@zhaoshang/eventstore';
import { isUnitScopedRead, unitScopedReads } from '../auth/permissions';
import { UNIT_SCOPED_ROLES, type Principal } from '../auth/roles';
import { ForbiddenError } from '../errors/api-errors';
import { EVENT_STORE } from '../tokens';

type Input = Record<string, string | undefined>;

/**
 * Reads by role (permissions.ts `unitScopedReads`): an investment officer reads their own unit's
 * projects, histories, lists and exports; region-wide roles read all. Applied to the decoded input
 * before the query runs: a list without `unitId` is narrowed to the caller's unit, another unit is
 * a 403 `OUTSIDE_UNIT`. A project's unit is the one it was captured or planned in (its first event,
 * read from the store: never a read model that may lag behind a project just created).
 */
@Injectable()
export class ReadScope {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async apply(routeName: string, principal: Principal | undefined, input: Input): Promise<Input> {
    if (principal === undefined || !UNIT_SCOPED_ROLES.has(principal.role) || !isUnitScopedRead(routeName))
      return input;
    const scope: { readonly unitParam?: string; readonly projectParam?: string } = unitScopedReads[routeName];
    const outside = (unitId: string) =>
      new ForbiddenError('OUTSIDE_UNIT', { unitId, actorUnitId: principal.unitId });
    if (scope.unitParam !== undefined) {
      const asked = input[scope.unitParam];
      if (asked === undefined) return { ...input, [scope.unitParam]: principal.unitId };
      if (asked !== principal.unitId) throw outside(asked);
      return input;
    }
    const projectId = scope.projectParam === undefined ? undefined : input[scope.projectParam];
    if (projectId === undefined) return input;
    const unitId = await this.unitOfProject(unsafeId.project(projectId));
    // A project that does not exist: the query answers its own 404.
    if (unitId !== undefined && unitId !== principal.unitId) throw outside(unitId);
    return input;
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
