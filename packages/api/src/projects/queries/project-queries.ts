import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { isEventStoreError, type EventStore, type StoredEvent } from '@zhaoshang/eventstore';
import { foldProjectStream } from '../../read-models/in-process-read-models';
import { registerEntry } from '../../read-models/views';
import { NotFound } from '../../errors/api-errors';
import type { ReadModels, RegisterEntry } from '../../read-models/read-model.port';
import { EVENT_STORE, READ_MODELS } from '../../tokens';

/** The project register (招商引资工作台账), optionally of one unit or one stage. */
export class GetProjectRegister {
  constructor(
    readonly unitId?: string,
    readonly stage?: string,
    /** Page size: default 100, at most 500. */
    readonly limit?: number,
    /** Entries to skip (sorted by projectId). */
    readonly offset?: number,
  ) {}
}

export const REGISTER_PAGE_DEFAULT = 100;
export const REGISTER_PAGE_MAX = 500;

/** One project's register entry, folded from its own stream (strongly consistent: no `atLeast` needed). */
export class GetProject {
  constructor(readonly projectId: string) {}
}

/** A project's full history with metadata and hash chain: what an auditor replays. */
export class GetProjectHistory {
  constructor(readonly projectId: string) {}
}

@QueryHandler(GetProjectRegister)
export class GetProjectRegisterHandler implements IQueryHandler<
  GetProjectRegister,
  ReadonlyArray<RegisterEntry>
> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  async execute(q: GetProjectRegister): Promise<ReadonlyArray<RegisterEntry>> {
    const all = await this.readModels.register({
      ...(q.unitId ? { unitId: q.unitId } : {}),
      ...(q.stage ? { stage: q.stage } : {}),
    });
    const limit = Math.min(Math.max(q.limit ?? REGISTER_PAGE_DEFAULT, 1), REGISTER_PAGE_MAX);
    const offset = q.offset ?? 0;
    return all.slice(offset, offset + limit);
  }
}

@QueryHandler(GetProject)
export class GetProjectHandler implements IQueryHandler<GetProject, RegisterEntry> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetProject): Promise<RegisterEntry> {
    let events: ReadonlyArray<StoredEvent> = [];
    try {
      events = await this.store.readStream(`project-${q.projectId}`);
    } catch (error) {
      if (!(isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND')) throw error;
    }
    const record = foldProjectStream(events);
    if (record === undefined) throw new NotFound('PROJECT_NOT_FOUND', { projectId: q.projectId });
    return registerEntry(record);
  }
}

@QueryHandler(GetProjectHistory)
export class GetProjectHistoryHandler implements IQueryHandler<GetProjectHistory, unknown> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetProjectHistory) {
    const streamName = `project-${q.projectId}`;
    try {
      const events = await this.store.readStream(streamName);
      const verified = await this.store.verifyStream(streamName);
      return {
        streamName,
        chain: verified.ok
          ? { ok: true, checked: verified.checked }
          : { ok: false, checked: verified.checked, reason: verified.brokenAt.reason },
        events: events.map((e) => ({
          revision: e.revision,
          position: e.globalPosition.toString(),
          type: e.type,
          data: e.data,
          metadata: e.metadata,
        })),
      };
    } catch (error) {
      if (isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND')
        throw new NotFound('PROJECT_NOT_FOUND', { projectId: q.projectId });
      throw error;
    }
  }
}

export const projectQueryHandlers = [GetProjectRegisterHandler, GetProjectHandler, GetProjectHistoryHandler];
