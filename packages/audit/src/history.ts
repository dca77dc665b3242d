import {
  aggregates,
  businessDateOf,
  fold,
  foldStored,
  projectStream,
  type Aggregate,
  type AnyCommandShape,
  type DomainEvent,
  type ProjectEvent,
  type ProjectId,
  type ProjectState,
  type RecordedAt,
} from '@zhaoshang/domain';
import {
  canonicalJson,
  positionToString,
  type Actor,
  type EventStore,
  type GlobalPosition,
  type StoredEvent,
} from '@zhaoshang/eventstore';
import { storedEventData } from '@zhaoshang/projections';
import * as E from 'fp-ts/Either';

/** One event of a project's history, decoded to the current schema version. */
export interface HistoryEntry {
  readonly revision: number;
  /** Global position, as a decimal string (positions are bigints). */
  readonly position: string;
  readonly type: string;
  readonly businessTime: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  /** `data.reason`, else `data.correction.reason`, else `data.summary`, when the event carries one. */
  readonly reason: string | undefined;
  readonly data: unknown;
  /** The decoded event (upcast to the current schema version). */
  readonly event: ProjectEvent;
}

/** Raised when a stored event cannot be read as an event of its aggregate (unknown type, bad data). */
export class UndecodableEventError extends Error {
  constructor(
    readonly streamName: string,
    readonly revision: number,
    readonly code: string,
  ) {
    super(`cannot decode ${streamName}@${revision}: ${code}`);
  }
}

/**
 * Why or what, in the event's own words: `data.reason` (refusals, rejections, terminations,
 * incentives...), else `data.correction.reason` (corrections), else `data.summary` (opinions,
 * visits, negotiations, due diligence...).
 */
export const reasonOf = (data: unknown): string | undefined => {
  if (data === null || typeof data !== 'object') return undefined;
  const record = data as Record<string, unknown>;
  if (typeof record['reason'] === 'string') return record['reason'];
  const correction = record['correction'];
  if (correction !== null && typeof correction === 'object') {
    const reason = (correction as Record<string, unknown>)['reason'];
    if (typeof reason === 'string') return reason;
  }
  if (typeof record['summary'] === 'string') return record['summary'];
  return undefined;
};

/**
 * Reads a stored event of an aggregate with the registry's `readEvent` (decoded, upcast to the
 * current schema version); throws UndecodableEventError.
 */
export const readStoredEvent =
  <C extends AnyCommandShape, Ev extends DomainEvent, S>(aggregate: Aggregate<C, Ev, S>) =>
  (stored: StoredEvent): Ev => {
    const decoded = aggregate.readEvent(storedEventData(stored));
    if (E.isLeft(decoded))
      throw new UndecodableEventError(stored.streamName, stored.revision, decoded.left.code);
    return decoded.right;
  };

/** Decodes one stored project event through the domain's upcasters; throws UndecodableEventError. */
export const decodeStored: (stored: StoredEvent) => ProjectEvent = readStoredEvent(aggregates.project);

/** Turns a stored event into a history entry. */
export const toHistoryEntry = (stored: StoredEvent): HistoryEntry => {
  const event = decodeStored(stored);
  return {
    revision: stored.revision,
    position: positionToString(stored.globalPosition),
    type: stored.type,
    businessTime: stored.metadata.businessTime,
    recordedAt: stored.metadata.recordedAt,
    actor: stored.metadata.actor,
    reason: reasonOf(event.data),
    data: event.data,
    event,
  };
};

/** A project's whole history in revision order, each event decoded. */
export const projectHistory = async (
  store: EventStore,
  projectId: ProjectId,
): Promise<ReadonlyArray<HistoryEntry>> =>
  (await store.readStream(projectStream(projectId))).map(toHistoryEntry);

/**
 * Where to stop: a business date (events whose `metadata.businessTime`, read as a date in
 * Asia/Shanghai by the domain's `businessDateOf`, is on or before it) or a global position
 * (inclusive).
 */
export type AsOf = { readonly date: string } | { readonly position: GlobalPosition };

/** Whether a history entry belongs to the state as of a point. */
export const isAsOf = (entry: HistoryEntry, asOf: AsOf): boolean =>
  'date' in asOf
    ? businessDateOf(entry.businessTime as RecordedAt) <= asOf.date
    : BigInt(entry.position) <= asOf.position;

/** Folds history entries up to a point with the project decider. */
export const stateOfHistory = (history: ReadonlyArray<HistoryEntry>, asOf?: AsOf): ProjectState =>
  fold(
    aggregates.project.decider,
    history.filter((entry) => asOf === undefined || isAsOf(entry, asOf)).map((entry) => entry.event),
  );

/** Whether a stored event belongs to the state as of a point (read from its metadata, undecoded). */
const storedIsAsOf = (stored: StoredEvent, asOf: AsOf): boolean =>
  'date' in asOf
    ? businessDateOf(stored.metadata.businessTime as RecordedAt) <= asOf.date
    : stored.globalPosition <= asOf.position;

/**
 * A project's state as of a business date or a global position. Only the events up to the point
 * are decoded and folded: an event after it cannot change this state (`projectHistory` decodes
 * them all).
 */
export const stateAsOf = async (
  store: EventStore,
  projectId: ProjectId,
  asOf: AsOf,
): Promise<ProjectState> => {
  const stored = (await store.readStream(projectStream(projectId))).filter((e) => storedIsAsOf(e, asOf));
  const state = foldStored(aggregates.project, stored.map(storedEventData));
  if (E.isLeft(state)) {
    const e = stored[state.left.index];
    throw new UndecodableEventError(
      e?.streamName ?? projectStream(projectId),
      e?.revision ?? -1,
      state.left.code,
    );
  }
  return state.right;
};

/** One difference between two states. */
export interface StateChange {
  /** `status`, `agreement.terms.totalInvestment`, `leaders[2]`... */
  readonly path: string;
  /** `undefined` when the member is absent. */
  readonly before: unknown;
  readonly after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const same = (a: unknown, b: unknown): boolean =>
  a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

const walk = (path: string, a: unknown, b: unknown, out: StateChange[]): void => {
  if (same(a, b)) return;
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) walk(join(path, key), a[key], b[key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const length = Math.max(a.length, b.length);
    for (let i = 0; i < length; i += 1) walk(`${path}[${i}]`, a[i], b[i], out);
    return;
  }
  out.push({ path: path === '' ? '$' : path, before: a, after: b });
};

/**
 * The differences between two states, deterministic: object members in sorted key order, array
 * items by index, a leaf wherever the two sides stop being both objects or both arrays.
 */
export const diffStates = (before: unknown, after: unknown): ReadonlyArray<StateChange> => {
  const out: StateChange[] = [];
  walk('', before, after, out);
  return out;
};
