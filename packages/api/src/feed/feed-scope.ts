import { aggregateOfStream, type AggregateName } from '@zhaoshang/domain';
import type { EventStore, StoredEvent } from '@zhaoshang/eventstore';
import { UNIT_SCOPED_ROLES, type Principal } from '../auth/roles';
import { ForbiddenError } from '../errors/api-errors';

/**
 * The aggregates whose streams every role reads, as it reads them over the query routes: targets
 * and their progress, leaders' trips, bulletins and the working calendar are the region's
 * published figures (permissions.ts `unitScopedReads`). The streams of every other aggregate —
 * projects, enterprise requests, and any aggregate added later until it is named here — belong to
 * a unit, and a unit-scoped role (the investment officer) sees only its own unit's.
 */
export const OPEN_TO_EVERY_ROLE: ReadonlySet<AggregateName> = new Set<AggregateName>([
  'target-plan',
  'leader-activity',
  'bulletin',
  'working-calendar',
]);

/**
 * Which events a caller sees in the feed: `unit` narrows to the streams of one unit; `openStreams`
 * adds the streams open to every role (a unit-scoped caller who asked for no unit).
 */
export type FeedScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'unit'; readonly unitId: string; readonly openStreams: boolean };

/**
 * The scope of a caller asking for `unit` (or none): region-wide roles (auditors, the offices, the
 * bureaus, leaders, departments, systems with a region key) see every event, or one unit's when
 * they ask; a unit-scoped role sees its unit's streams and the open ones, and another unit is a
 * 403 `OUTSIDE_UNIT`, as on the query routes.
 */
export const scopeOf = (caller: Principal, unit: string | undefined): FeedScope => {
  if (!UNIT_SCOPED_ROLES.has(caller.role))
    return unit === undefined ? { kind: 'all' } : { kind: 'unit', unitId: unit, openStreams: false };
  if (unit !== undefined && unit !== caller.unitId)
    throw new ForbiddenError('OUTSIDE_UNIT', { unitId: unit, actorUnitId: caller.unitId });
  return { kind: 'unit', unitId: caller.unitId, openStreams: unit === undefined };
};

/** Streams whose unit is kept (a stream's unit never changes: its first event names it). */
const CACHED_STREAMS = 10_000;

/**
 * The unit of a stream: `unitId` of its first event (a project's capture or plan, a request's
 * receipt, a target plan, a leader's first trip), as ReadScope reads a project's unit; `null` for
 * a stream whose first event names none (bulletins, the calendar). Kept in a bounded map.
 */
export class StreamUnits {
  private readonly known = new Map<string, string | null>();

  constructor(private readonly store: EventStore) {}

  async of(event: StoredEvent): Promise<string | null> {
    const cached = this.known.get(event.streamName);
    if (cached !== undefined) return cached;
    const first =
      event.revision === 0 ? event : (await this.store.readStream(event.streamName, { maxCount: 1 }))[0];
    const unitId = (first?.data as { unitId?: unknown } | undefined)?.unitId;
    const unit = typeof unitId === 'string' ? unitId : null;
    const oldest = this.known.keys().next();
    if (this.known.size >= CACHED_STREAMS && oldest.done !== true) this.known.delete(oldest.value);
    this.known.set(event.streamName, unit);
    return unit;
  }

  /** Whether an event of an aggregate's stream is in a scope. */
  async sees(scope: FeedScope, event: StoredEvent): Promise<boolean> {
    if (scope.kind === 'all') return true;
    const aggregate = aggregateOfStream(event.streamName);
    if (scope.openStreams && aggregate !== undefined && OPEN_TO_EVERY_ROLE.has(aggregate)) return true;
    return (await this.of(event)) === scope.unitId;
  }
}
