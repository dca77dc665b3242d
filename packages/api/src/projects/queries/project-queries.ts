import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { streamPrefixes, type BusinessDate, type Stage } from '@zhaoshang/domain';
import { reasonOf } from '@zhaoshang/audit';
import { isEventStoreError, type EventStore, type StoredEvent } from '@zhaoshang/eventstore';
import type { Page, RegisterEntry } from '@zhaoshang/projections';
import type { ApiConfig } from '../../config';
import { NotFound, ReadModelBehind } from '../../errors/api-errors';
import type { ReadModels } from '../../read-models/read-model.port';
import { API_CONFIG, EVENT_STORE, READ_MODELS } from '../../tokens';

/** The project register (招商引资工作台账), optionally of one unit or one stage, lights as of a date. */
export class GetProjectRegister extends Query<Page<RegisterEntry>> {
  constructor(
    readonly asOf: string,
    readonly unitId?: string,
    readonly stage?: Stage,
    /** Page size: default 100, at most 500. */
    readonly limit?: number,
    /** Entries to skip (sorted by projectId). */
    readonly offset?: number,
  ) {
    super();
  }
}

export const REGISTER_PAGE_DEFAULT = 100;
export const REGISTER_PAGE_MAX = 500;

/** One project's register entry, lights as of a date; reflects every event of the project's stream. */
export class GetProject extends Query<RegisterEntry> {
  constructor(
    readonly projectId: string,
    readonly asOf: string,
  ) {
    super();
  }
}

/** A project's full history with metadata and hash chain: what an auditor replays. */
export class GetProjectHistory extends Query<ProjectHistory> {
  constructor(readonly projectId: string) {
    super();
  }
}

/** The answer of `GetProjectHistory`: each event's audit trail first, then what is stored. */
export interface ProjectHistory {
  readonly streamName: string;
  readonly chain: { readonly ok: boolean; readonly checked: number; readonly reason?: string };
  readonly events: ReadonlyArray<{
    readonly revision: number;
    readonly position: string;
    readonly type: string;
    readonly businessTime: string;
    readonly recordedAt: string;
    readonly actor: StoredEvent['metadata']['actor'];
    readonly reason: string | undefined;
    readonly data: unknown;
    readonly metadata: StoredEvent['metadata'];
  }>;
}

@QueryHandler(GetProjectRegister)
export class GetProjectRegisterHandler implements IQueryHandler<GetProjectRegister, Page<RegisterEntry>> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetProjectRegister): Promise<Page<RegisterEntry>> {
    return this.readModels.queries.register.list({
      asOf: q.asOf as BusinessDate,
      filter: {
        ...(q.unitId !== undefined ? { unitId: q.unitId } : {}),
        ...(q.stage !== undefined ? { stage: q.stage } : {}),
        // A register lists every project; the active-leads view is a filter of its own.
        includeDropped: true,
      },
      sort: [{ field: 'projectId', direction: 'asc' }],
      page: {
        limit: Math.min(Math.max(q.limit ?? REGISTER_PAGE_DEFAULT, 1), REGISTER_PAGE_MAX),
        offset: q.offset ?? 0,
      },
    });
  }
}

/**
 * Read-your-own-project: waits (bounded) until the read models applied the last event of the
 * project's stream, so an answer right after a command shows that command's effect.
 */
@QueryHandler(GetProject)
export class GetProjectHandler implements IQueryHandler<GetProject, RegisterEntry> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}
  async execute(q: GetProject): Promise<RegisterEntry> {
    let last: bigint | undefined;
    try {
      const [head] = await this.store.readStream(`${streamPrefixes.project}${q.projectId}`, {
        direction: 'backwards',
        maxCount: 1,
      });
      last = head?.globalPosition;
    } catch (error) {
      if (!(isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND')) throw error;
    }
    if (last === undefined) throw new NotFound('PROJECT_NOT_FOUND', { projectId: q.projectId });
    if (!(await this.readModels.waitFor(last, this.config.readYourWritesTimeoutMs)))
      throw new ReadModelBehind(last.toString(), this.readModels.checkpoint().toString());
    const entry = await this.readModels.queries.register.get(q.projectId, q.asOf as BusinessDate);
    if (entry === undefined) throw new NotFound('PROJECT_NOT_FOUND', { projectId: q.projectId });
    return entry;
  }
}

@QueryHandler(GetProjectHistory)
export class GetProjectHistoryHandler implements IQueryHandler<GetProjectHistory, ProjectHistory> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetProjectHistory): Promise<ProjectHistory> {
    const streamName = `${streamPrefixes.project}${q.projectId}`;
    try {
      const events = await this.store.readStream(streamName);
      const verified = await this.store.verifyStream(streamName);
      return {
        streamName,
        chain: verified.ok
          ? { ok: true, checked: verified.checked }
          : { ok: false, checked: verified.checked, reason: verified.brokenAt.reason },
        // The audit trail of each event at the top (who, when in business terms, when recorded,
        // why: data.reason, a correction's reason or the event's summary), then what is stored.
        events: events.map((e) => ({
          revision: e.revision,
          position: e.globalPosition.toString(),
          type: e.type,
          businessTime: e.metadata.businessTime,
          recordedAt: e.metadata.recordedAt,
          actor: e.metadata.actor,
          reason: reasonOf(e.data),
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
