import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  diffStates,
  headPosition,
  manifestLine,
  projectHistory,
  stateAsOf,
  stateOfHistory,
  UndecodableEventError,
  verifyStore,
  writeAnchoredBundle,
  type AsOf,
  type StateChange,
  type VerifyReport,
} from '@zhaoshang/audit';
import { projectStream, unsafeId, type ProjectId, type ProjectState } from '@zhaoshang/domain';
import { isEventStoreError, positionToString, type EventStore } from '@zhaoshang/eventstore';
import { CodedApiError, InvalidInputError, NotFound } from '../../errors/api-errors';
import type { StreamedAnswer } from '../../http/streamed-answer';
import { EVENT_STORE } from '../../tokens';
import { TransparencyService } from '../transparency.service';
import { verificationBody } from './verification-stream';

/** A project's state as of a business date or a global position (exactly one of them). */
export class AuditStateAsOf extends Query<StateAsOf> {
  constructor(
    readonly projectId: string,
    readonly date?: string,
    readonly position?: string,
  ) {
    super();
  }
}

/** A point of a history as JSON: `{ date }` or `{ position: "<decimal>" }`. */
export type PointJson = { readonly date: string } | { readonly position: string };

/** A project's state at a point. */
export interface StateAsOf {
  readonly projectId: string;
  readonly asOf: PointJson;
  readonly state: ProjectState;
}

/** What changed in a project between two points. */
export interface StateDiff {
  readonly projectId: string;
  readonly from: PointJson;
  readonly to: PointJson;
  readonly changes: ReadonlyArray<StateChange>;
}

/** What changed in a project between two points, each a business date or a position. */
export class AuditStateDiff extends Query<StateDiff> {
  constructor(
    readonly projectId: string,
    readonly from?: string,
    readonly to?: string,
  ) {
    super();
  }
}

/** One stream's hash chain. */
export class AuditStreamVerification extends Query<VerifyReport> {
  constructor(readonly streamName: string) {
    super();
  }
}

/** The whole store's hash chain, streamed as NDJSON progress then the report. */
export class VerifyAuditStore extends Query<StreamedAnswer> {}

/** A single-file audit bundle of one project (projectId) or of the whole store, up to a position. */
export class ExportAuditBundle extends Query<StreamedAnswer> {
  constructor(
    readonly projectId?: string,
    readonly toPosition?: string,
  ) {
    super();
  }
}

const pointOf = (text: string): AsOf =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) ? { date: text } : { position: BigInt(text) };

/** A point as JSON: `{ date }` or `{ position: "<decimal>" }`. */
const pointJson = (asOf: AsOf): PointJson =>
  'date' in asOf ? { date: asOf.date } : { position: positionToString(asOf.position) };

/** STREAM_NOT_FOUND → 404 (PROJECT_NOT_FOUND for a project), an undecodable event → 500 EVENT_UNDECODABLE. */
const translate = (error: unknown, notFound: () => NotFound): unknown => {
  if (isEventStoreError(error) && error.code === 'STREAM_NOT_FOUND') return notFound();
  if (error instanceof UndecodableEventError)
    return new CodedApiError(500, 'EVENT_UNDECODABLE', {
      streamName: error.streamName,
      revision: String(error.revision),
      reason: error.code,
    });
  return error;
};

const projectNotFound = (projectId: string) => () => new NotFound('PROJECT_NOT_FOUND', { projectId });

/**
 * Whole-store jobs (verification, export) running, by store: one at a time per store, so that an
 * auditor's second tab cannot double the load of minutes of hashing on a big store.
 */
const wholeStoreJobs = new WeakSet<EventStore>();

const claimWholeStore = (store: EventStore): (() => void) => {
  if (wholeStoreJobs.has(store)) throw new CodedApiError(429, 'AUDIT_BUSY');
  wholeStoreJobs.add(store);
  return () => wholeStoreJobs.delete(store);
};

@QueryHandler(AuditStateAsOf)
export class AuditStateAsOfHandler implements IQueryHandler<AuditStateAsOf, StateAsOf> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: AuditStateAsOf): Promise<StateAsOf> {
    if ((q.date === undefined) === (q.position === undefined))
      throw new InvalidInputError([
        {
          path: q.date === undefined ? 'query:date' : 'query:position',
          expected: 'exactly one of date (YYYY-MM-DD) or position',
          value: q.date === undefined ? null : { date: q.date, position: q.position },
        },
      ]);
    const asOf: AsOf = q.date !== undefined ? { date: q.date } : { position: BigInt(q.position ?? '0') };
    try {
      const state = await stateAsOf(this.store, unsafeId.project(q.projectId), asOf);
      return { projectId: q.projectId, asOf: pointJson(asOf), state };
    } catch (error) {
      throw translate(error, projectNotFound(q.projectId));
    }
  }
}

@QueryHandler(AuditStateDiff)
export class AuditStateDiffHandler implements IQueryHandler<AuditStateDiff, StateDiff> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: AuditStateDiff): Promise<StateDiff> {
    const missing = (['from', 'to'] as const).filter((k) => q[k] === undefined);
    if (missing.length > 0)
      throw new InvalidInputError(
        missing.map((k) => ({
          path: `query:${k}`,
          expected: 'a date (YYYY-MM-DD) or a position',
          value: null,
        })),
      );
    const from = pointOf(q.from ?? '');
    const to = pointOf(q.to ?? '');
    try {
      const history = await projectHistory(this.store, unsafeId.project(q.projectId));
      const changes = diffStates(stateOfHistory(history, from), stateOfHistory(history, to));
      return { projectId: q.projectId, from: pointJson(from), to: pointJson(to), changes };
    } catch (error) {
      throw translate(error, projectNotFound(q.projectId));
    }
  }
}

@QueryHandler(AuditStreamVerification)
export class AuditStreamVerificationHandler implements IQueryHandler<AuditStreamVerification, VerifyReport> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute(q: AuditStreamVerification): Promise<VerifyReport> {
    try {
      return await verifyStore(this.store, { stream: q.streamName });
    } catch (error) {
      throw translate(error, () => new NotFound('NOT_FOUND', { stream: q.streamName }));
    }
  }
}

@QueryHandler(VerifyAuditStore)
export class VerifyAuditStoreHandler implements IQueryHandler<VerifyAuditStore, StreamedAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(): Promise<StreamedAnswer> {
    const release = claimWholeStore(this.store);
    const body = verificationBody(this.store);
    return Promise.resolve({
      kind: 'streamed',
      contentType: 'application/x-ndjson; charset=utf-8',
      body: async (write, signal) => {
        try {
          await body(write, signal);
        } finally {
          release();
        }
      },
    });
  }
}

@QueryHandler(ExportAuditBundle)
export class ExportAuditBundleHandler implements IQueryHandler<ExportAuditBundle, StreamedAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TransparencyService) private readonly transparency: TransparencyService,
  ) {}
  async execute(q: ExportAuditBundle): Promise<StreamedAnswer> {
    const projectId: ProjectId | undefined =
      q.projectId === undefined ? undefined : unsafeId.project(q.projectId);
    if (projectId !== undefined) {
      // Before the 200: an unknown project is a 404, not an empty bundle.
      try {
        await this.store.readStream(projectStream(projectId), { maxCount: 1 });
      } catch (error) {
        throw translate(error, projectNotFound(projectId));
      }
    }
    const release = projectId === undefined ? claimWholeStore(this.store) : () => undefined;
    let toPosition: bigint | undefined;
    try {
      toPosition = q.toPosition !== undefined ? BigInt(q.toPosition) : await headPosition(this.store);
    } catch (error) {
      release();
      throw error;
    }
    const upTo = toPosition ?? 0n;
    const scope = projectId === undefined ? 'store' : projectId;
    return {
      kind: 'streamed',
      contentType: 'application/x-ndjson; charset=utf-8',
      headers: {
        'Content-Disposition': `attachment; filename="audit-bundle-${scope}-to-${upTo}.jsonl"`,
        'X-Bundle-To-Position': positionToString(upTo),
      },
      body: async (write) => {
        try {
          // A whole-store bundle carries the checkpoints recorded among its events, as the CLI's export.
          // A project bundle: each event's inclusion proof from the log's tree (issue #15).
          const manifest = await writeAnchoredBundle(
            this.store,
            { ...(projectId !== undefined ? { projectId } : {}), toPosition: upTo },
            write,
            projectId === undefined
              ? undefined
              : { prove: (positions) => this.transparency.proveInclusion(positions) },
          );
          await write(manifestLine(manifest));
        } finally {
          release();
        }
      },
    };
  }
}

export const auditQueryHandlers = [
  AuditStateAsOfHandler,
  AuditStateDiffHandler,
  AuditStreamVerificationHandler,
  VerifyAuditStoreHandler,
  ExportAuditBundleHandler,
];
