import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  aggregates,
  enterpriseRequestStream,
  unsafeId,
  type BusinessDate,
  type Department,
  type RequestStatus,
} from '@zhaoshang/domain';
import { readStreamOrEmpty, type EventStore, type StoredEvent } from '@zhaoshang/eventstore';
import {
  evolveRequestDoc,
  requestEntry,
  type Page,
  type RequestDoc,
  type RequestEntry,
} from '@zhaoshang/projections';
import { ForbiddenError, NotFound } from '../../errors/api-errors';
import { LIST_PAGE_DEFAULT } from '../../read-models/queries/review-queries';
import type { ReadModels } from '../../read-models/read-model.port';
import { readStored } from '../../read-models/stream-state';
import { EVENT_STORE, READ_MODELS } from '../../tokens';

/** The filters of the requests list. */
export interface RequestFilter {
  readonly status?: RequestStatus;
  readonly unitId?: string;
  readonly departmentId?: Department;
  readonly overdue?: boolean;
}

/** Enterprise requests (企业诉求台账), overdue as of the server's today. */
export class GetRequests extends Query<Page<RequestEntry>> {
  constructor(
    readonly today: string,
    readonly filter: RequestFilter,
    readonly limit?: number,
    readonly offset?: number,
  ) {
    super();
  }
}

/** One request, folded from its own stream, with its history. */
export class GetRequest extends Query<RequestDetail> {
  constructor(
    readonly requestId: string,
    readonly today: string,
    /** A unit-scoped caller's unit: another unit's request is a 403 OUTSIDE_UNIT. */
    readonly actorUnitId?: string,
  ) {
    super();
  }
}

/** The answer of `GetRequest`: the request as the list shows it, and every event of its loop. */
export interface RequestDetail extends RequestEntry {
  readonly history: ReadonlyArray<{
    readonly revision: number;
    readonly position: string;
    readonly type: string;
    readonly businessTime: string;
    readonly recordedAt: string;
    readonly actor: StoredEvent['metadata']['actor'];
    readonly data: unknown;
  }>;
}

@QueryHandler(GetRequests)
export class GetRequestsHandler implements IQueryHandler<GetRequests, Page<RequestEntry>> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  execute(q: GetRequests): Promise<Page<RequestEntry>> {
    return this.readModels.queries.requests.list({
      asOf: q.today as BusinessDate,
      filter: q.filter,
      // The read model's paging bounds the limit (at most 1,000).
      page: { limit: q.limit ?? LIST_PAGE_DEFAULT, offset: q.offset ?? 0 },
    });
  }
}

/**
 * A request's document folded from its own stream with the requests projection's `evolveRequestDoc`:
 * strongly consistent (what the next command is decided against), in the list's shape.
 */
export const requestFromStream = async (
  store: EventStore,
  requestId: string,
): Promise<{ readonly doc: RequestDoc | undefined; readonly events: ReadonlyArray<StoredEvent> }> => {
  const events = await readStreamOrEmpty(store, enterpriseRequestStream(unsafeId.request(requestId)));
  const read = readStored(aggregates['enterprise-request']);
  const doc = events.reduce<RequestDoc | undefined>((d, e) => evolveRequestDoc(d, read(e)), undefined);
  return { doc, events };
};

@QueryHandler(GetRequest)
export class GetRequestHandler implements IQueryHandler<GetRequest, RequestDetail> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: GetRequest): Promise<RequestDetail> {
    const { doc, events } = await requestFromStream(this.store, q.requestId);
    if (doc === undefined) throw new NotFound('NOT_FOUND', { requestId: q.requestId });
    if (q.actorUnitId !== undefined && doc.unitId !== q.actorUnitId)
      throw new ForbiddenError('OUTSIDE_UNIT', { unitId: doc.unitId, actorUnitId: q.actorUnitId });
    return {
      ...requestEntry(doc, q.today as BusinessDate),
      history: events.map((e) => ({
        revision: e.revision,
        position: e.globalPosition.toString(),
        type: e.type,
        businessTime: e.metadata.businessTime,
        recordedAt: e.metadata.recordedAt,
        actor: e.metadata.actor,
        data: e.data,
      })),
    };
  }
}

export const requestQueryHandlers = [GetRequestsHandler, GetRequestHandler];
