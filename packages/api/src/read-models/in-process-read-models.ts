import {
  isProject,
  type BusinessDate,
  type LeaderActivityState,
  type Project,
  type TargetPlanState,
} from '@zhaoshang/domain';
import type { EventStore, StoredEvent } from '@zhaoshang/eventstore';
import type { Subscription } from 'rxjs';
import { aggregates } from '../command-handling/aggregates';
import type {
  FulfilmentEntry,
  LeaderTrips,
  ReadModels,
  RegisterEntry,
  RegisterFilter,
  SupervisionItem,
  TargetProgress,
  UnitPerformance,
} from './read-model.port';
import {
  fulfilmentOf,
  parsePeriod,
  performanceOf,
  progressOf,
  registerEntry,
  supervisionOf,
  type ProjectRecord,
} from './views';

/**
 * One step of a project's record: the decider's `evolve` plus the missed milestones. Shared by the
 * in-process read models and the strongly consistent `GET /projects/:projectId` (which folds the
 * project's own stream), so both always agree with what the rules saw.
 */
export const foldProjectEvent = (previous: ProjectRecord | undefined, e: StoredEvent): ProjectRecord => {
  const spec = aggregates.project;
  const event = spec.read(e);
  const state = spec.decider.evolve(previous?.state ?? spec.decider.initialState, event) as Project;
  const missed =
    event.type === 'MilestoneMissed'
      ? [
          ...(previous?.missed ?? []),
          (({ milestoneKey, kind, dueOn }) => ({ milestoneKey, kind, dueOn }))(
            event.data as { milestoneKey: string; kind: string; dueOn: string },
          ),
        ]
      : (previous?.missed ?? []);
  return { state, revision: e.revision, position: e.globalPosition, missed };
};

/** A project's record folded from its stream's events; undefined when they hold no project. */
export const foldProjectStream = (events: ReadonlyArray<StoredEvent>): ProjectRecord | undefined => {
  const record = events.reduce<ProjectRecord | undefined>(foldProjectEvent, undefined);
  return record !== undefined && isProject(record.state) ? record : undefined;
};

/**
 * Read models folded in this process from the store's `subscribeToAll`, with the same deciders'
 * `evolve` (so a read model can never disagree with what the rules saw). It rebuilds from position
 * 0 at every start: fine for the embedded demo and a few thousand projects. The projections package
 * replaces it with a checkpointed runner and persistent stores behind the same `ReadModels` port.
 */
export class InProcessReadModels implements ReadModels {
  private readonly projects = new Map<string, ProjectRecord>();
  private readonly plans = new Map<string, TargetPlanState>();
  private readonly leaders = new Map<string, LeaderActivityState>();
  private readonly bulletins = new Map<string, unknown>();
  private position = 0n;
  private waiters: Array<{ position: bigint; resolve: (ok: boolean) => void }> = [];
  private subscription: Subscription | undefined;
  private failure: unknown;

  constructor(private readonly store: EventStore) {}

  checkpoint(): bigint {
    return this.position;
  }

  /** The subscription's error, if it failed (readiness reports it). */
  get error(): unknown {
    return this.failure;
  }

  async start(): Promise<void> {
    if (this.subscription !== undefined) return;
    this.subscription = this.store.subscribeToAll().subscribe({
      next: (e) => this.apply(e),
      error: (err: unknown) => {
        this.failure = err;
      },
    });
  }

  async stop(): Promise<void> {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    for (const w of this.waiters) w.resolve(false);
    this.waiters = [];
  }

  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.position >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        position,
        resolve: (ok: boolean) => {
          clearTimeout(timer);
          resolve(ok);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private apply(e: StoredEvent): void {
    const name = e.streamName;
    if (name.startsWith('project-')) {
      this.projects.set(name, foldProjectEvent(this.projects.get(name), e));
    } else if (name.startsWith('target-plan-')) {
      const spec = aggregates.targetPlan;
      this.plans.set(
        name,
        spec.decider.evolve(
          this.plans.get(name) ?? spec.decider.initialState,
          spec.read(e),
        ) as TargetPlanState,
      );
    } else if (name.startsWith('leader-')) {
      const spec = aggregates.leader;
      this.leaders.set(
        name,
        spec.decider.evolve(
          this.leaders.get(name) ?? spec.decider.initialState,
          spec.read(e),
        ) as LeaderActivityState,
      );
    } else if (name.startsWith('bulletin-')) {
      const spec = aggregates.bulletin;
      this.bulletins.set(
        name,
        spec.decider.evolve(this.bulletins.get(name) ?? spec.decider.initialState, spec.read(e)),
      );
    }
    this.position = e.globalPosition;
    if (this.waiters.length > 0) {
      const ready = this.waiters.filter((w) => w.position <= this.position);
      this.waiters = this.waiters.filter((w) => w.position > this.position);
      for (const w of ready) w.resolve(true);
    }
  }

  private records(): ReadonlyArray<ProjectRecord> {
    return [...this.projects.values()].filter((r) => isProject(r.state));
  }

  async register(filter: RegisterFilter): Promise<ReadonlyArray<RegisterEntry>> {
    return this.records()
      .filter(
        (r) =>
          (filter.unitId === undefined || r.state.unitId === filter.unitId) &&
          (filter.stage === undefined || r.state.stage === filter.stage),
      )
      .map(registerEntry)
      .sort((a, b) => (a.projectId < b.projectId ? -1 : 1));
  }

  async project(projectId: string): Promise<RegisterEntry | undefined> {
    const r = this.projects.get(`project-${projectId}`);
    return r === undefined ? undefined : registerEntry(r);
  }

  async watchedProjects(): Promise<ReadonlyArray<string>> {
    return this.records()
      .filter((r) => r.state.status === 'open' && r.state.agreement !== undefined)
      .map((r) => r.state.projectId as string);
  }

  async targetProgress(unitId: string, year: number, asOf: string): Promise<TargetProgress | undefined> {
    const plan = this.plans.get(`target-plan-${unitId}-${year}`);
    if (plan === undefined || plan.status !== 'set') return undefined;
    const projects = this.records()
      .map((r) => r.state)
      .filter((p) => plan.scope === 'region' || p.unitId === unitId);
    return {
      unitId,
      year,
      scope: plan.scope,
      asOf,
      metrics: progressOf(plan, projects, asOf as BusinessDate),
    };
  }

  async targetPlans(
    year: number,
  ): Promise<ReadonlyArray<{ readonly unitId: string; readonly scope: string }>> {
    return [...this.plans.values()]
      .filter((p) => p.status === 'set' && p.year === year)
      .map((p) =>
        p.status === 'set'
          ? { unitId: p.unitId as string, scope: p.scope as string }
          : { unitId: '', scope: '' },
      );
  }

  async performance(period: string): Promise<ReadonlyArray<UnitPerformance>> {
    const range = parsePeriod(period);
    if (range === undefined) return [];
    const tripDays = new Map<string, number>();
    for (const l of this.leaders.values()) {
      if (l.status !== 'active') continue;
      for (const trip of l.trips.values()) {
        if (trip.from >= range.from && trip.from <= range.to)
          tripDays.set(trip.unitId, (tripDays.get(trip.unitId) ?? 0) + trip.days);
      }
    }
    return performanceOf(period, range, this.records(), tripDays);
  }

  async fulfilment(unitId?: string): Promise<ReadonlyArray<FulfilmentEntry>> {
    return this.records()
      .filter((r) => unitId === undefined || r.state.unitId === unitId)
      .flatMap((r) => fulfilmentOf(r.state) ?? []);
  }

  async supervision(asOf: string, unitId?: string): Promise<ReadonlyArray<SupervisionItem>> {
    return this.records()
      .filter((r) => unitId === undefined || r.state.unitId === unitId)
      .flatMap((r) => supervisionOf(r, asOf as BusinessDate))
      .sort((a, b) => b.daysOverdue - a.daysOverdue);
  }

  async leaderTrips(leaderId: string): Promise<LeaderTrips | undefined> {
    const l = this.leaders.get(`leader-${leaderId}`);
    if (l === undefined || l.status !== 'active') return undefined;
    const trips = [...l.trips.values()].map(
      ({ asRecorded: _asRecorded, ...trip }) => ({ ...trip }) as Record<string, unknown>,
    );
    return { leaderId, trips, totalDays: [...l.trips.values()].reduce((s, t) => s + t.days, 0) };
  }

  async bulletin(streamName: string): Promise<Record<string, unknown> | undefined> {
    const b = this.bulletins.get(streamName) as { status: string } | undefined;
    return b === undefined || b.status !== 'published' ? undefined : (b as Record<string, unknown>);
  }
}
